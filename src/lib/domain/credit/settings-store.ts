/**
 * A workspace's own credit tables (credit.md: "Every table and weight below is a default: a
 * business must be able to change it in settings, per industry"), as kept in the `settings`
 * table under id `credit`: `{ version, settings }`.
 *
 * - `version` is a whole number that goes up by one on every save; `settings.version` is then
 *   `workspace-<n>`, so every engine result names the tables that produced it. Version 0 is
 *   "the defaults of credit.md, never edited".
 * - A save is refused while `checkCreditSettings` finds a problem: the engine's results would be
 *   meaningless.
 * - Evaluations keep their own copy of the tables they were scored with (`CreditEvaluationRecord`),
 *   so a save never changes a past evaluation.
 * - What is read back is validated (it may come from an old version or a peer): a value that is
 *   not usable gives the defaults and says so (`fallback: true`).
 */
import {
  checkCreditSettings,
  DEFAULT_CREDIT_SETTINGS,
  forIndustry,
  type CreditSettings,
  type IndustryOverride,
  type RatioId,
  type SettingsProblem
} from './settings';

export const CREDIT_SETTINGS_ID = 'credit';

export interface StoredCreditSettings {
  version: number;
  settings: CreditSettings;
}

export const DEFAULT_STORED_CREDIT_SETTINGS: StoredCreditSettings = { version: 0, settings: DEFAULT_CREDIT_SETTINGS };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The stored value, checked; the defaults (version 0) when absent or unusable. */
export function readCreditSettings(value: unknown): StoredCreditSettings & { fallback: boolean } {
  if (value === undefined || value === null) return { ...DEFAULT_STORED_CREDIT_SETTINGS, fallback: false };
  if (!isObject(value) || !Number.isSafeInteger(value.version) || !isObject(value.settings))
    return { ...DEFAULT_STORED_CREDIT_SETTINGS, fallback: true };
  const s = value.settings;
  const shaped =
    typeof s.version === 'string' &&
    isObject(s.ratios) &&
    Array.isArray(s.evaluationBands) &&
    Array.isArray(s.factors) &&
    Array.isArray(s.gradeBands) &&
    isObject(s.gradeFactors) &&
    Array.isArray(s.limitClasses) &&
    isObject(s.industries);
  if (!shaped) return { ...DEFAULT_STORED_CREDIT_SETTINGS, fallback: true };
  const settings = s as unknown as CreditSettings;
  try {
    if (checkCreditSettings(settings).length > 0) return { ...DEFAULT_STORED_CREDIT_SETTINGS, fallback: true };
  } catch {
    return { ...DEFAULT_STORED_CREDIT_SETTINGS, fallback: true };
  }
  return { version: value.version as number, settings, fallback: false };
}

export type SaveResult = { ok: true; value: StoredCreditSettings } | { ok: false; problems: SettingsProblem[] };

/**
 * The value to store for `edited` on top of `current`: the next version, or the problems. Every
 * industry's tables are checked as applied on the base, so an override cannot break an industry.
 */
export function nextCreditSettings(current: StoredCreditSettings, edited: CreditSettings): SaveResult {
  const problems = checkCreditSettings(edited);
  for (const [key, override] of Object.entries(edited.industries))
    for (const p of checkCreditSettings(forIndustry(edited, key)))
      if (!inherited(override, p.path)) problems.push({ path: `industries.${key}.${p.path}`, message: p.message });
  if (problems.length) return { ok: false, problems };
  const version = current.version + 1;
  return { ok: true, value: { version, settings: { ...edited, version: `workspace-${version}` } } };
}

/** Whether a problem at `path` of an industry's applied tables is in a table it takes from the base (reported there once). */
function inherited(override: IndustryOverride, path: string): boolean {
  const [table, id] = path.split('.');
  if (table === 'ratios') return override.ratios?.[id as RatioId] === undefined;
  return override[table as keyof IndustryOverride] === undefined;
}

/** The parts of the settings screen, each with its own "reset to defaults". */
export const CREDIT_SETTINGS_SECTIONS = ['ratios', 'evaluationBands', 'factors', 'grades', 'limitClasses'] as const;
export type CreditSettingsSection = (typeof CREDIT_SETTINGS_SECTIONS)[number];

/**
 * `settings` with one section back to credit.md's defaults (industries keep their other tables;
 * resetting the ratios also brings back the shipped industry benchmarks with their sources).
 */
export function resetSection(settings: CreditSettings, section: CreditSettingsSection): CreditSettings {
  const d = DEFAULT_CREDIT_SETTINGS;
  switch (section) {
    case 'ratios': {
      // an industry's benchmarks and their source go back to the shipped ones (none for the others)
      const industries: Record<string, IndustryOverride> = { ...d.industries };
      for (const [k, o] of Object.entries(settings.industries)) {
        const { ratios: _ratios, source: _source, ...rest } = o;
        const shipped = d.industries[k];
        industries[k] = shipped ? { ...rest, ratios: shipped.ratios, source: shipped.source } : rest;
      }
      return { ...settings, ratios: d.ratios, quickAssetsDeductPrepayments: d.quickAssetsDeductPrepayments, daysPerYear: d.daysPerYear, industries };
    }
    case 'evaluationBands':
      return { ...settings, evaluationBands: d.evaluationBands };
    case 'factors':
      return { ...settings, factors: d.factors, aspectMax: d.aspectMax };
    case 'grades':
      return { ...settings, gradeBands: d.gradeBands, gradeFactors: d.gradeFactors };
    case 'limitClasses':
      return { ...settings, limitClasses: d.limitClasses };
  }
}

/** Which section a problem path belongs to, so the screen shows it next to the right table. */
export function sectionOf(path: string): CreditSettingsSection {
  const p = path.replace(/^industries\.[^.]+\./, '');
  if (p.startsWith('ratios') || p.startsWith('daysPerYear')) return 'ratios';
  if (p.startsWith('evaluationBands')) return 'evaluationBands';
  if (p.startsWith('factors') || p.startsWith('aspectMax')) return 'factors';
  if (p.startsWith('gradeBands') || p.startsWith('gradeFactors')) return 'grades';
  return 'limitClasses';
}
