/**
 * What a stored evaluation (`CreditEvaluationRecord`) holds and how it is scored again: the
 * statements per period (the first is the one the models score, usually the latest year; the
 * others are shown beside it), the characteristic sheet, and a full copy of the tables it was
 * scored with. The report and the application page re-score from these, never from the
 * workspace's current settings, so a settings change never rewrites a past evaluation.
 *
 * Everything read back is checked (it may come from an old version or another device): amounts
 * are whole fen or blank, scores 0..aspectMax or blank, the tables pass `checkCreditSettings`.
 */
import type { Fen } from '../money';
import type { AspectScore, AspectSheet } from './characteristic';
import { evaluateCredit, type CreditEvaluation } from './limit';
import { checkCreditSettings, forIndustry, type CreditSettings, type EffectiveCreditSettings } from './settings';
import { STATEMENT_FIELDS, type Exclusion, type FinancialStatement, type StatementField } from './statement';
import { readCreditSettings } from './settings-store';

export interface StatementPeriod {
  /** e.g. "2025" or "本年" */
  label: string;
  statement: FinancialStatement;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The periods of a stored `statements` value; null when it is not one. */
export function readStatements(value: unknown): StatementPeriod[] | null {
  if (!isObject(value) || !Array.isArray(value.periods) || value.periods.length === 0) return null;
  const periods: StatementPeriod[] = [];
  for (const p of value.periods) {
    if (!isObject(p) || typeof p.label !== 'string' || !isObject(p.statement)) return null;
    const statement: Partial<Record<StatementField, Fen | null>> = {};
    for (const field of STATEMENT_FIELDS) {
      const v = p.statement[field];
      if (v === undefined || v === null) continue;
      if (typeof v !== 'number' || !Number.isSafeInteger(v)) return null;
      statement[field] = v as Fen;
    }
    const exclusions: Exclusion[] = [];
    if (p.statement.exclusions !== undefined) {
      if (!Array.isArray(p.statement.exclusions)) return null;
      for (const e of p.statement.exclusions as unknown[]) {
        if (!isObject(e) || typeof e.label !== 'string' || typeof e.amount !== 'number' || !Number.isSafeInteger(e.amount)) return null;
        exclusions.push({ label: e.label, amount: e.amount as Fen, ...(e.fromInventory === true ? { fromInventory: true } : {}) });
      }
    }
    periods.push({ label: p.label, statement: exclusions.length ? { ...statement, exclusions } : statement });
  }
  return periods;
}

/** A blank sheet (every aspect null) for these tables. */
export function blankSheet(settings: Pick<EffectiveCreditSettings, 'factors'>): AspectScore[][] {
  return settings.factors.map((f) => f.aspects.map(() => null));
}

/** The sheet of a stored `aspects` value for these tables; null when it does not fit them. */
export function readSheet(value: unknown, settings: Pick<EffectiveCreditSettings, 'factors' | 'aspectMax'>): AspectSheet | null {
  if (!Array.isArray(value) || value.length !== settings.factors.length) return null;
  const sheet: AspectScore[][] = [];
  for (let i = 0; i < value.length; i++) {
    const row: unknown = value[i];
    if (!Array.isArray(row) || row.length !== settings.factors[i].aspects.length) return null;
    const scores: AspectScore[] = [];
    for (const v of row as unknown[]) {
      if (v === null) scores.push(null);
      else if (typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= settings.aspectMax) scores.push(v);
      else return null;
    }
    sheet.push(scores);
  }
  return sheet;
}

export interface Rescored {
  settings: EffectiveCreditSettings;
  periods: StatementPeriod[];
  sheet: AspectSheet;
  evaluation: CreditEvaluation;
}

/** A stored evaluation scored again with its own tables; null when the record is unusable. */
export function rescoreEvaluation(record: {
  statements: unknown;
  aspects: unknown;
  settings: unknown;
  settingsVersion: number;
  industry?: string;
}): Rescored | null {
  const stored = readCreditSettings({ version: record.settingsVersion, settings: record.settings });
  if (stored.fallback) return null;
  const tables: CreditSettings = stored.settings;
  if (checkCreditSettings(tables).length) return null;
  const settings = forIndustry(tables, record.industry || null);
  const periods = readStatements(record.statements);
  const sheet = readSheet(record.aspects, settings);
  if (!periods || !sheet) return null;
  return { settings, periods, sheet, evaluation: evaluateCredit({ statement: periods[0].statement, sheet }, settings) };
}
