/**
 * Financial ratios and the standard-ratio method (shared/domain/credit.md §2).
 *
 * Every ratio comes back as `{ value, formula, inputs }`. `value` is a finite number, or null with
 * a `reason` when it is "not computable" — it is never 0, NaN or Infinity in place of an answer:
 * - 'missing-input': an input was not given (`missing` names it);
 * - 'zero-denominator': the denominator is 0;
 * - 'negative-denominator': the denominator is below 0 (credit.md names zero and missing; the
 *   fixtures also treat a non-positive denominator as not computable, e.g. X3 = 流动负债 / 所有者权益
 *   with negative equity, and a negative liability, asset, revenue or cost total has no meaning as
 *   a divisor, so we extend the rule to every ratio).
 * `formula` is written with the statement's field names (language-neutral; the UI translates them)
 * and `inputs` holds the amounts used, in fen.
 *
 * Comparison with the benchmark (settings.ratios, per industry): 'equal' within 1e-6, otherwise
 * 'better' or 'worse' in the ratio's direction; 'no-benchmark' when none is set. Short-term credit
 * is judged mainly on the liquidity ratios (`horizon: 'short-term'`), long-term credit on the rest.
 *
 * Inventory turnover = 营业成本 / ((期初存货 + 期末存货) / 2); inventory days = daysPerYear / turnover
 * (360 by default), not computable when the turnover is not.
 */
import { RATIO_IDS, RATIO_TOLERANCE, type Better, type EffectiveCreditSettings, type RatioId } from './settings';
import { ZERO_WHEN_BLANK, type FinancialStatement, type StatementField } from './statement';

export type NotComputableReason = 'zero-denominator' | 'negative-denominator' | 'missing-input';

export interface RatioValue {
  /** finite, or null when not computable */
  value: number | null;
  formula: string;
  /** the amounts used (fen), or the ratios used for a ratio of ratios; null = not given */
  inputs: Record<string, number | null>;
  reason?: NotComputableReason;
  /** inputs that were not given */
  missing?: string[];
  /** blank sub-items counted as 0 (see statement.ts) */
  assumedZero?: string[];
}

export type Verdict = 'better' | 'worse' | 'equal' | 'no-benchmark' | 'not-computable';

export interface RatioComparison {
  benchmark: number | null;
  better: Better;
  verdict: Verdict;
}

export type Horizon = 'short-term' | 'long-term';

export interface RatioResult extends RatioValue {
  id: RatioId;
  horizon: Horizon;
  comparison: RatioComparison;
}

export interface RatioAnalysis {
  settingsVersion: string;
  industry: string | null;
  quickAssetsDeductPrepayments: boolean;
  /** in the order of RATIO_IDS */
  ratios: RatioResult[];
  byId: Record<RatioId, RatioResult>;
}

export const LIQUIDITY_RATIOS: readonly RatioId[] = ['currentRatio', 'quickRatio', 'cashRatio'];

/** `numerator / denominator`, or null with the reason. Non-positive denominators are not computable. */
export function divide(
  numerator: number | null,
  denominator: number | null,
  formula: string,
  inputs: Record<string, number | null>,
  extra: Pick<RatioValue, 'missing' | 'assumedZero'> = {}
): RatioValue {
  const base: RatioValue = { value: null, formula, inputs };
  if (extra.assumedZero?.length) base.assumedZero = extra.assumedZero;
  if (extra.missing?.length || numerator === null || denominator === null) {
    return { ...base, reason: 'missing-input', missing: extra.missing ?? [] };
  }
  if (denominator === 0) return { ...base, reason: 'zero-denominator' };
  if (denominator < 0) return { ...base, reason: 'negative-denominator' };
  const value = numerator / denominator;
  // A finite numerator over a positive finite denominator is finite unless it overflows; guard anyway.
  if (!Number.isFinite(value)) return { ...base, reason: 'zero-denominator' };
  return { ...base, value };
}

/**
 * Reads statement amounts for one formula: `get(field)` returns the amount, 0 for a blank
 * zero-when-blank sub-item (recorded), or null (recorded as missing).
 */
export function reader(s: FinancialStatement) {
  const inputs: Record<string, number | null> = {};
  const missing: string[] = [];
  const assumedZero: string[] = [];
  const get = (field: StatementField): number | null => {
    let v: number | null | undefined = s[field];
    if ((v === undefined || v === null) && field === 'closingInventory') v = s.inventory;
    if (v === undefined || v === null) {
      if (ZERO_WHEN_BLANK.has(field)) {
        if (!assumedZero.includes(field)) assumedZero.push(field);
        inputs[field] = 0;
        return 0;
      }
      if (!missing.includes(field)) missing.push(field);
      inputs[field] = null;
      return null;
    }
    inputs[field] = v;
    return v;
  };
  return { get, inputs, extra: { missing, assumedZero } };
}

const sum = (...xs: (number | null)[]): number | null => (xs.some((x) => x === null) ? null : xs.reduce<number>((a, x) => a + (x as number), 0));
const minus = (a: number | null, b: number | null): number | null => (a === null || b === null ? null : a - b);

/** 速动资产: current assets − inventory (− prepayments when the setting says so). */
export function quickAssets(
  get: (field: StatementField) => number | null,
  deductPrepayments: boolean,
  currentAssets = get('currentAssets')
): number | null {
  const q = minus(currentAssets, get('inventory'));
  return deductPrepayments ? minus(q, get('prepayments')) : q;
}

export const QUICK_ASSETS_FORMULA = (deductPrepayments: boolean): string =>
  deductPrepayments ? 'currentAssets - inventory - prepayments' : 'currentAssets - inventory';

function computeRatio(id: RatioId, s: FinancialStatement, settings: EffectiveCreditSettings): RatioValue {
  const r = reader(s);
  const { get } = r;
  switch (id) {
    case 'currentRatio':
      return divide(get('currentAssets'), get('currentLiabilities'), 'currentAssets / currentLiabilities', r.inputs, r.extra);
    case 'quickRatio': {
      const deduct = settings.quickAssetsDeductPrepayments;
      const q = quickAssets(get, deduct);
      return divide(q, get('currentLiabilities'), `(${QUICK_ASSETS_FORMULA(deduct)}) / currentLiabilities`, r.inputs, r.extra);
    }
    case 'cashRatio':
      return divide(
        sum(get('cash'), get('marketableSecurities')),
        get('currentLiabilities'),
        '(cash + marketableSecurities) / currentLiabilities',
        r.inputs,
        r.extra
      );
    case 'debtToAssets':
      return divide(get('totalLiabilities'), get('totalAssets'), 'totalLiabilities / totalAssets', r.inputs, r.extra);
    case 'inventoryTurnover': {
      const avg = sum(get('openingInventory'), get('closingInventory'));
      return divide(
        get('costOfSales'),
        avg === null ? null : avg / 2,
        'costOfSales / ((openingInventory + closingInventory) / 2)',
        r.inputs,
        r.extra
      );
    }
    case 'inventoryDays': {
      const t = computeRatio('inventoryTurnover', s, settings);
      const inputs = { daysPerYear: settings.daysPerYear, inventoryTurnover: t.value };
      if (t.value === null)
        return { value: null, formula: 'daysPerYear / inventoryTurnover', inputs, reason: t.reason, ...(t.missing ? { missing: t.missing } : {}) };
      return divide(settings.daysPerYear, t.value, 'daysPerYear / inventoryTurnover', inputs);
    }
    case 'profitMargin':
      return divide(get('totalProfit'), get('revenue'), 'totalProfit / revenue', r.inputs, r.extra);
    case 'grossMargin': {
      const revenue = get('revenue');
      return divide(minus(revenue, get('costOfSales')), revenue, '(revenue - costOfSales) / revenue', r.inputs, r.extra);
    }
    case 'costProfitRatio':
      return divide(
        get('totalProfit'),
        sum(get('costOfSales'), get('taxesAndSurcharges'), get('sellingExpenses'), get('adminExpenses'), get('financeExpenses')),
        'totalProfit / (costOfSales + taxesAndSurcharges + sellingExpenses + adminExpenses + financeExpenses)',
        r.inputs,
        r.extra
      );
  }
}

/** How a ratio stands against its benchmark. */
export function compareToBenchmark(value: number | null, benchmark: number | null, better: Better): RatioComparison {
  let verdict: Verdict;
  if (value === null) verdict = 'not-computable';
  else if (benchmark === null) verdict = 'no-benchmark';
  else if (Math.abs(value - benchmark) <= RATIO_TOLERANCE) verdict = 'equal';
  else verdict = value > benchmark === (better === 'higher') ? 'better' : 'worse';
  return { benchmark, better, verdict };
}

/** One ratio of a statement, with its comparison. */
export function ratio(id: RatioId, statement: FinancialStatement, settings: EffectiveCreditSettings): RatioResult {
  const v = computeRatio(id, statement, settings);
  const b = settings.ratios[id];
  return {
    id,
    horizon: LIQUIDITY_RATIOS.includes(id) ? 'short-term' : 'long-term',
    ...v,
    comparison: compareToBenchmark(v.value, b.benchmark, b.better)
  };
}

/** Every §2 ratio of a statement against the benchmarks of `settings`. */
export function analyseRatios(statement: FinancialStatement, settings: EffectiveCreditSettings): RatioAnalysis {
  const ratios = RATIO_IDS.map((id) => ratio(id, statement, settings));
  return {
    settingsVersion: settings.version,
    industry: settings.industry ?? null,
    quickAssetsDeductPrepayments: settings.quickAssetsDeductPrepayments,
    ratios,
    byId: Object.fromEntries(ratios.map((r) => [r.id, r])) as Record<RatioId, RatioResult>
  };
}
