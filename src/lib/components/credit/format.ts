/**
 * How credit numbers are shown: ratios that are shares as percents, others to two decimals;
 * amounts from fen in 元; a not-computable value never as 0, NaN or Infinity.
 */
import type { RatioId } from '$lib/domain/credit/settings';
import { formatYuan } from '$lib/domain/money';

const PERCENT_RATIOS: ReadonlySet<RatioId> = new Set(['debtToAssets', 'profitMargin', 'grossMargin', 'costProfitRatio']);

export function formatRatio(id: RatioId, value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  return PERCENT_RATIOS.has(id) ? `${(value * 100).toFixed(2)}%` : value.toFixed(2);
}

/** A plain figure (X1…X4, the evaluation value, a total) to at most four decimals. */
export function formatNumber(value: number | null | undefined, decimals = 4): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  return String(Math.round(value * 10 ** decimals) / 10 ** decimals);
}

/** Fen (possibly half a fen, as working assets can be) → 元 text. */
export function formatFen(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  return formatYuan(Math.round(value));
}

/** Replace the field names of an engine formula with their labels. */
export function formulaText(formula: string, label: (id: string) => string | null): string {
  return formula.replace(/[A-Za-z]+/g, (id) => label(id) ?? id);
}
