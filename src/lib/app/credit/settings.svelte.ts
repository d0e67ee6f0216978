/**
 * The state and rules of the credit settings page (credit.md: every table and weight is a default
 * a business can change, per industry), for `routes/settings/credit`: a draft of the stored
 * settings, each edit as a method, every edit checked live with `nextCreditSettings` (problems
 * translated, grouped by section), a section put back to credit.md's defaults, and `save` through
 * the `saveCreditSettings` command (the next version in one write).
 */
import {
  nextCreditSettings,
  resetSection,
  sectionOf,
  type CreditSettingsSection,
  type StoredCreditSettings
} from '$lib/domain/credit/settings-store';
import type { CreditSettings, RatioId, RiskLevel } from '$lib/domain/credit/settings';
import type { AspectField } from '$lib/domain/credit/factor-text';
import { parseYuan, type Fen } from '$lib/domain/money';
import { saveCreditSettings } from '../commands/credit';
import type { Writer } from '../commands/command';
import { settingsProblemText } from '../credit.svelte';

/** A number field's text → number; blank → null; not a number → NaN (the check names it). */
export function num(text: string): number | null {
  const s = text.replace(/，/g, '.').normalize('NFKC').trim();
  if (s === '') return null;
  const n = Number(s);
  return Number.isFinite(n) ? n : NaN;
}

/** A number as a field shows it; nothing for blank or not a number. */
export const numText = (n: number | null | undefined): string => (n === null || n === undefined || Number.isNaN(n) ? '' : String(n));

/** a new limit class starts this far above the last (50 万元) */
const CLASS_STEP = 50_000_000;

/** the stored settings as read (`fallback`: the stored value was unusable, the defaults apply) */
type Stored = StoredCreditSettings & { fallback?: boolean };

const copy = (s: CreditSettings): CreditSettings => structuredClone($state.snapshot(s)) as CreditSettings;

export class CreditSettingsManager {
  readonly #source: () => Stored | null;
  #loadedVersion = -1;

  /** the settings as edited (null until the stored ones are known) */
  draft = $state<CreditSettings | null>(null);
  /** the name of an industry about to be added */
  newIndustry = $state('');
  saving = $state(false);

  readonly stored = $derived.by(() => this.#source());
  readonly result = $derived(this.stored && this.draft ? nextCreditSettings(this.stored, copy(this.draft)) : null);
  readonly problemsBySection = $derived.by(() => {
    const m = new Map<CreditSettingsSection, string[]>();
    if (this.result && !this.result.ok)
      for (const p of this.result.problems) {
        const s = sectionOf(p.path);
        m.set(s, [...(m.get(s) ?? []), settingsProblemText(p)]);
      }
    return m;
  });
  readonly weightSum = $derived(this.draft ? Math.round(this.draft.factors.reduce((s, f) => s + (Number(f.weight) || 0), 0) * 100) / 100 : 0);

  constructor(source: () => Stored | null) {
    this.#source = source;
  }

  /** Loads the stored settings into the draft when a new version arrives (the page calls it from an effect). */
  sync() {
    const stored = this.#source();
    if (stored && stored.version !== this.#loadedVersion) {
      this.#loadedVersion = stored.version;
      this.draft = copy(stored.settings);
    }
  }

  /** Puts one section back to credit.md's defaults. */
  reset(section: CreditSettingsSection) {
    if (this.draft) this.draft = copy(resetSection(copy(this.draft), section));
  }

  setDaysPerYear(text: string) {
    if (this.draft) this.draft.daysPerYear = num(text) ?? NaN;
  }
  setBenchmark(id: RatioId, text: string) {
    if (this.draft) this.draft.ratios = { ...this.draft.ratios, [id]: { ...this.draft.ratios[id], benchmark: num(text) } };
  }
  setDeductPrepayments(deduct: boolean) {
    if (this.draft) this.draft.quickAssetsDeductPrepayments = deduct;
  }
  setBetter(id: RatioId, better: 'higher' | 'lower') {
    if (this.draft) this.draft.ratios = { ...this.draft.ratios, [id]: { ...this.draft.ratios[id], better } };
  }

  /** Adds an industry of the name typed (nothing when blank or already there). */
  addIndustry() {
    const name = this.newIndustry.trim();
    if (!this.draft || !name || this.draft.industries[name]) return;
    this.draft.industries = { ...this.draft.industries, [name]: { name, ratios: {} } };
    this.newIndustry = '';
  }
  removeIndustry(key: string) {
    if (!this.draft) return;
    const { [key]: _gone, ...rest } = this.draft.industries;
    this.draft.industries = rest;
  }
  /** An industry's benchmark for one ratio; blank: the general one applies. */
  setIndustryBenchmark(key: string, id: RatioId, text: string) {
    if (!this.draft) return;
    const o = this.draft.industries[key];
    const ratios = { ...(o.ratios ?? {}) };
    const n = num(text);
    if (n === null) delete ratios[id];
    else ratios[id] = { benchmark: n };
    this.draft.industries = { ...this.draft.industries, [key]: { ...o, ratios } };
  }

  /** Where an industry's benchmarks come from, as typed; blank: no source. */
  setIndustrySource(key: string, text: string) {
    if (!this.draft) return;
    const { source: _old, ...o } = this.draft.industries[key];
    this.draft.industries = { ...this.draft.industries, [key]: text.trim() ? { ...o, source: text } : o };
  }

  setBandUpTo(i: number, text: string) {
    if (this.draft) this.draft.evaluationBands[i].upTo = num(text);
  }
  setBandPercent(i: number, text: string) {
    if (this.draft) this.draft.evaluationBands[i].percent = num(text) ?? NaN;
  }
  setBandRisk(i: number, risk: RiskLevel) {
    if (this.draft) this.draft.evaluationBands[i].risk = risk;
  }

  setAspectMax(text: string) {
    if (this.draft) this.draft.aspectMax = num(text) ?? NaN;
  }
  setWeight(i: number, text: string) {
    if (this.draft) this.draft.factors[i].weight = num(text) ?? NaN;
  }
  /** An aspect's text as typed (an unedited default shows in the interface language). */
  setAspect(i: number, j: number, field: AspectField, value: string) {
    if (this.draft) this.draft.factors[i].aspects[j][field] = value;
  }

  setMinTotal(i: number, text: string) {
    if (this.draft) this.draft.gradeBands[i].minTotal = num(text);
  }
  setGradeFactor(grade: number, text: string) {
    if (this.draft) this.draft.gradeFactors = { ...this.draft.gradeFactors, [grade]: num(text) ?? NaN };
  }

  /** A new class 50 万元 above the last, named after its position (6A…). */
  addClass() {
    if (!this.draft) return;
    const classes = this.draft.limitClasses;
    const last = classes.at(-1)?.from ?? 0;
    this.draft.limitClasses = [...classes, { label: `${classes.length + 1}A`, from: (last + CLASS_STEP) as Fen }];
  }
  removeClass() {
    if (this.draft && this.draft.limitClasses.length > 1) this.draft.limitClasses = this.draft.limitClasses.slice(0, -1);
  }
  setClassLabel(i: number, label: string) {
    if (this.draft) this.draft.limitClasses[i].label = label;
  }
  /** A class's lower bound in 元 (not an amount: NaN, which the check names). */
  setClassFrom(i: number, text: string) {
    if (this.draft) this.draft.limitClasses[i].from = (parseYuan(text) ?? NaN) as Fen;
  }

  /** Saves the next version: its number, or the reason it was not saved (null: the draft has problems). */
  async save(writer: Writer, exists: boolean): Promise<{ ok: true; version: number } | { ok: false; message: string } | null> {
    const result = this.result;
    if (!result?.ok) return null;
    this.saving = true;
    const r = await saveCreditSettings(writer, result.value, exists);
    this.saving = false;
    return r.ok ? { ok: true, version: result.value.version } : { ok: false, message: r.message };
  }
}
