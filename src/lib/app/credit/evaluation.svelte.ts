/**
 * The state and rules of the evaluation page (credit.md §1.4, §2–§5), for
 * `routes/credit/[id]/evaluate`: statements per period as typed, exclusions, the 72-item sheet,
 * who and when, guarantees; every result recomputed by the engine (`evaluateCredit`) as the
 * inputs change. It takes over the application's previous evaluation (if any) once, the
 * customer's industry when the settings know it, and fills 付款及时性 from the customer's payment
 * behaviour when the sheet leaves it blank. `save` checks the inputs and hands them to the
 * `evaluateApplication` command (the evaluation and its step in one write).
 */
import type { CreditEvaluationRecord } from '$lib/domain/credit/records';
import { readSheet, readStatements } from '$lib/domain/credit/evaluation-record';
import { evaluateCredit } from '$lib/domain/credit/limit';
import { forIndustry } from '$lib/domain/credit/settings';
import type { StoredCreditSettings } from '$lib/domain/credit/settings-store';
import { checkStatement } from '$lib/domain/credit/statement';
import { PAYMENT_RECORD_FACTOR, TIMELINESS_ASPECT } from '$lib/domain/receivables/behaviour';
import { t } from '$lib/i18n/index.svelte';
import { evaluateApplication, type EvaluationInput } from '../commands/credit';
import type { Writer } from '../commands/command';
import {
  cellsOf,
  exclusionCellsOf,
  invalidCells,
  readExclusions,
  readSheetTexts,
  readStatementCells,
  type ExclusionCells,
  type PeriodCells
} from './statement-cells';

/** What the page knows of the application, read live. */
export interface EvaluationSource {
  /** the workspace's credit settings and their version; null while loading */
  stored: StoredCreditSettings | null;
  customerIndustry: string | undefined;
  /** the application's latest evaluation, null when none; undefined while loading */
  previous: CreditEvaluationRecord | null | undefined;
  /** the customer's payment behaviour (receivables); undefined until it is known */
  behaviour: { suggestedTimeliness: number | null; averageDaysLate: number | null } | undefined;
  /** the staff member to default to ('' when none) */
  preferredStaff: string;
}

export class EvaluationManager {
  readonly #source: () => EvaluationSource;
  #industryChosen = false;
  #prefilled = false;
  #behaviourChecked = false;

  periods = $state<PeriodCells[]>([]);
  industry = $state('');
  /** one text per aspect of the settings' factors (kept in shape when the settings change) */
  texts = $state<string[][]>([]);
  exclusions = $state<ExclusionCells[]>([]);
  evaluatedBy = $state('');
  evaluatedOn = $state('');
  mortgage = $state('');
  pledge = $state('');
  notes = $state('');
  error = $state('');
  saving = $state(false);
  /** the date of the evaluation the form was filled from ('' for a first evaluation) */
  prefilledFrom = $state('');
  /** 付款及时性 as filled from the payment behaviour */
  fromBehaviour = $state.raw<{ score: number; days: number } | null>(null);

  readonly stored = $derived.by(() => this.#source().stored);
  readonly settings = $derived(this.stored ? forIndustry(this.stored.settings, this.industry || null) : null);
  readonly excluded = $derived(readExclusions(this.exclusions));
  /** the statements as fen; the exclusions belong to the scored period (the first) */
  readonly read = $derived.by(() => {
    const cells = readStatementCells(this.periods);
    const list = this.excluded.list;
    return {
      invalid: cells.invalid,
      periods: cells.periods.map((p, k) => (k === 0 && list.length ? { ...p, statement: { ...p.statement, exclusions: list } } : p))
    };
  });
  readonly sheetRead = $derived(readSheetTexts(this.texts, this.settings?.aspectMax ?? 10));
  readonly sheetFits = $derived(!!this.settings && this.texts.length === this.settings.factors.length);
  /** a score that is not one counts as blank here (and is marked); saving waits until it is fixed */
  readonly evaluation = $derived(
    this.settings && this.sheetFits && this.read.periods.length
      ? evaluateCredit({ statement: this.read.periods[0].statement, sheet: this.sheetRead.sheet }, this.settings)
      : null
  );
  readonly characteristic = $derived(this.evaluation?.characteristic ?? null);
  readonly statementProblems = $derived(this.read.periods.length ? checkStatement(this.read.periods[0].statement) : []);

  constructor(source: () => EvaluationSource, today: string) {
    this.#source = source;
    const year = Number(today.slice(0, 4));
    this.periods = [
      { label: String(year - 1), cells: {} },
      { label: String(year - 2), cells: {} }
    ];
    this.evaluatedOn = today;
  }

  /**
   * Brings the form in line with what the page knows, as it arrives (the page calls it from an
   * effect): the sheet's shape, the default staff member and industry, the previous evaluation
   * (once), the payment behaviour (once). Each step is guarded, so running it again is harmless.
   */
  sync() {
    this.#fitTexts();
    if (!this.evaluatedBy && this.#source().preferredStaff) this.evaluatedBy = this.#source().preferredStaff;
    this.#defaultIndustry();
    this.#prefill();
    this.#fillFromBehaviour();
  }

  /** the industry chosen by hand stays chosen */
  chooseIndustry(industry: string) {
    this.industry = industry;
    this.#industryChosen = true;
  }

  #fitTexts() {
    // one text per aspect; keep what was typed when the tables change shape
    if (!this.settings) return;
    const shape = this.settings.factors.map((f) => f.aspects.length);
    const texts = this.texts;
    if (texts.length !== shape.length || texts.some((row, i) => row.length !== shape[i]))
      this.texts = shape.map((n, i) => Array.from({ length: n }, (_, j) => texts[i]?.[j] ?? ''));
  }

  #defaultIndustry() {
    // the customer's own industry, when the settings have benchmarks for it
    const { customerIndustry, stored } = this.#source();
    if (!this.#industryChosen && customerIndustry && stored?.settings.industries[customerIndustry]) {
      this.industry = customerIndustry;
      this.#industryChosen = true;
    }
  }

  /** an application evaluated before (and reverted) starts from its latest evaluation */
  #prefill() {
    const { previous, stored } = this.#source();
    const settings = this.settings;
    if (this.#prefilled || previous === undefined || !settings || this.texts.length !== settings.factors.length) return;
    this.#prefilled = true;
    if (!previous) return;
    const before = readStatements(previous.statements);
    if (before) {
      this.periods = cellsOf(before);
      this.exclusions = exclusionCellsOf(before[0].statement.exclusions ?? []);
    }
    const sheet = readSheet(previous.aspects, settings);
    if (sheet) this.texts = sheet.map((row) => row.map((v) => (v === null ? '' : String(v))));
    if (previous.industry && stored?.settings.industries[previous.industry]) this.chooseIndustry(previous.industry);
    this.mortgage = previous.mortgage ?? '';
    this.pledge = previous.pledge ?? '';
    this.notes = previous.notes ?? '';
    this.prefilledFrom = previous.evaluatedOn;
  }

  /** the customer's payment behaviour fills 付款及时性 when the sheet leaves it blank (after a prefill: its own score wins) */
  #fillFromBehaviour() {
    const b = this.#source().behaviour;
    const settings = this.settings;
    if (this.#behaviourChecked || !this.#prefilled || !b || !settings || this.texts.length !== settings.factors.length) return;
    this.#behaviourChecked = true;
    const f = settings.factors.findIndex((x) => x.id === PAYMENT_RECORD_FACTOR);
    if (f < 0 || b.suggestedTimeliness === null || b.averageDaysLate === null || this.texts[f]?.[TIMELINESS_ASPECT]?.trim()) return;
    const score = Math.round((b.suggestedTimeliness / 10) * settings.aspectMax * 10) / 10;
    this.texts[f][TIMELINESS_ASPECT] = String(score);
    this.fromBehaviour = { score, days: Math.round(b.averageDaysLate * 10) / 10 };
  }

  /** What stops the save, in the user's language; null when the inputs can be saved. */
  problem(): string | null {
    if (this.sheetRead.invalid.size) return t('credit.eval.sheetProblem', { max: this.settings?.aspectMax ?? 10 });
    if (!this.evaluation || !this.stored) return t('credit.problem.other');
    const [cell] = invalidCells(this.read.invalid);
    if (cell) {
      const period = this.periods[cell.period];
      const where = t('credit.eval.cell', {
        period: period?.label || t('credit.eval.periodN', { n: cell.period + 1 }),
        item: t(`credit.field.${cell.field}`)
      });
      return t('common.labelValue', { label: where, value: t('credit.eval.cellInvalid', { text: period?.cells[cell.field] ?? '' }) });
    }
    const [row] = this.excluded.invalid;
    if (row !== undefined) return t('credit.excl.invalid', { n: row + 1 });
    if (!this.evaluatedBy) return t('credit.problem.staff');
    return null;
  }

  /** The evaluation's own fields: the inputs, a copy of the settings and their version, the results. */
  record(): EvaluationInput['record'] | null {
    const { evaluation, stored } = this;
    if (!evaluation || !stored) return null;
    const rec = evaluation.recommendation;
    const record: EvaluationInput['record'] = {
      statements: { periods: $state.snapshot(this.read.periods) },
      aspects: $state.snapshot(this.sheetRead.sheet),
      settings: $state.snapshot(stored.settings),
      settingsVersion: stored.version,
      evaluatedOn: this.evaluatedOn,
      recommendedLimit: rec.limit
    };
    if (this.industry) record.industry = this.industry;
    if (rec.creditGrade) record.creditGrade = rec.creditGrade;
    if (rec.limitClass) record.limitClass = rec.limitClass;
    if (this.mortgage.trim()) record.mortgage = this.mortgage.trim();
    if (this.pledge.trim()) record.pledge = this.pledge.trim();
    if (this.notes.trim()) record.notes = this.notes.trim();
    return record;
  }

  /** Saves the evaluation with its step; true when written (else `error` says why). */
  async save(writer: Writer, view: EvaluationInput['view']): Promise<boolean> {
    const problem = this.problem();
    const record = this.record();
    if (problem || !record || !this.evaluation) {
      this.error = problem ?? t('credit.problem.other');
      return false;
    }
    const rec = this.evaluation.recommendation;
    this.saving = true;
    const r = await evaluateApplication(writer, {
      view,
      record,
      recommendation: { limit: rec.limit, creditGrade: rec.creditGrade ?? null },
      by: this.evaluatedBy
    });
    this.saving = false;
    this.error = r.ok ? '' : r.message;
    return r.ok;
  }
}
