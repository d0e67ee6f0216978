/**
 * DSO, days sales outstanding 应收账款周转天数 (receivables.md, "Views everyone expects").
 *
 * receivables.md names DSO without a formula. We use the turnover form that Chinese financial
 * analysis uses, the same shape credit.md §2 gives inventory turnover (average of opening and
 * closing balance over the period's flow):
 *
 *   DSO = ((receivables at the start + receivables at the end) / 2) / credit sales in the period × days in the period
 *
 * - "Receivables on day D" = credit sales shipped by D − payments allocated to them dated by D
 *   (allocation.ts); "at the start" is the end of the day before the period. Overpayments are not
 *   netted (as in aging.ts).
 * - Credit sales = amounts shipped within the period, both ends included.
 * - Days are the period's calendar days (not 360: the period is explicit).
 * - The current figure uses the trailing `periodDays` (default 90) ending today; the monthly trend
 *   uses each calendar month (the current one up to today), so a month's DSO reads "at this
 *   month's pace of sales, receivables are this many days of sales".
 * - No credit sales in the period → DSO is not computable (`null`, reason 'no-credit-sales');
 *   never shown as 0 or Infinity (credit.md's rule for ratios). No receivables at all → 0.
 * Why not the countback method: it needs a rule for partial months and is harder to explain on a
 * printed report; the average-balance form is the one the essays' accountants know.
 */
import { dayOf, isoOf, monthIndexOf, monthLabel, monthStart, type Day } from '../dates';
import { ledgerOf, type Ledger, type ReceivablesSource } from './ledger';
import type { Fen } from '../money';

export const DSO_FORMULA = 'DSO = ((receivables at start + receivables at end) / 2) / credit sales in period × days in period';

export interface DsoFigure {
  from: string;
  to: string;
  days: number;
  /** fen, end of the day before `from` */
  openingReceivables: Fen;
  /** fen, end of `to` */
  closingReceivables: Fen;
  /** fen shipped on credit within the period */
  creditSales: Fen;
  /** days, or null when not computable */
  dso: number | null;
  reason?: 'no-credit-sales';
}

export interface DsoMonth extends DsoFigure {
  /** `YYYY-MM` */
  month: string;
}

export interface DsoReport {
  formula: string;
  asOf: string;
  periodDays: number;
  overall: DsoFigure;
  /** customers with receivables or credit sales in the period */
  customers: (DsoFigure & { customerId: string })[];
  /** overall, by month, oldest first, ending with the current month */
  trend: DsoMonth[];
}

function lowerBound(points: readonly Day[], day: Day): number {
  let lo = 0;
  let hi = points.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (points[mid] < day) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Sale slots [from, to) of a ledger: one customer's, or everyone's. */
type Slots = readonly [from: number, to: number];

/**
 * Receivables at each of `points` (sorted days, end of day) and credit sales shipped in
 * (points[k−1], points[k]], accumulated per bucket into `ar` and `shipped` (not yet summed up).
 */
function accumulate(L: Ledger, [from, to]: Slots, points: readonly Day[], ar: number[], shipped: number[]) {
  const last = points[points.length - 1];
  for (let i = from; i < to; i++) {
    const ship = L.shipDay[i];
    if (ship > last) continue;
    const k = lowerBound(points, ship);
    ar[k] += L.amount[i];
    shipped[k] += L.amount[i];
    for (let x = L.saleLineStart[i]; x < L.saleLineStart[i + 1]; x++) {
      const l = L.saleLines[x];
      if (L.lineDay[l] <= last) ar[lowerBound(points, L.lineDay[l])] -= L.lineAmount[l];
    }
  }
}

/**
 * DSO_FORMULA on a period's figures: days, or null with its reason when there were no credit sales
 * (0 when there were no receivables either). The one place the formula is written (the figures
 * here, and the engine summing its shards' figures, call it).
 */
export function dsoValue(opening: number, closing: number, creditSales: number, days: number): Pick<DsoFigure, 'dso' | 'reason'> {
  if (creditSales > 0) return { dso: (((opening + closing) / 2) * days) / creditSales };
  if (opening === 0 && closing === 0) return { dso: 0 };
  return { dso: null, reason: 'no-credit-sales' };
}

function figure(from: Day, to: Day, opening: number, closing: number, creditSales: number): DsoFigure {
  const days = to - from + 1;
  return {
    from: isoOf(from),
    to: isoOf(to),
    days,
    openingReceivables: opening as Fen,
    closingReceivables: closing as Fen,
    creditSales: creditSales as Fen,
    ...dsoValue(opening, closing, creditSales, days)
  };
}

function periodFigure(L: Ledger, slots: Slots, from: Day, to: Day): DsoFigure {
  const points = [from - 1, to];
  const ar = [0, 0];
  const shipped = [0, 0];
  accumulate(L, slots, points, ar, shipped);
  return figure(from, to, ar[0], ar[0] + ar[1], shipped[1]);
}

function monthlyTrend(L: Ledger, slots: Slots, today: Day, months: number): DsoMonth[] {
  const last = monthIndexOf(today);
  const first = last - months + 1;
  const points: Day[] = [monthStart(first) - 1];
  for (let m = first; m <= last; m++) points.push(m === last ? today : monthStart(m + 1) - 1);
  const ar = points.map(() => 0);
  const shipped = points.map(() => 0);
  accumulate(L, slots, points, ar, shipped);
  for (let k = 1; k < ar.length; k++) ar[k] += ar[k - 1];
  const out: DsoMonth[] = [];
  for (let k = 1; k < points.length; k++) {
    const f = figure(points[k - 1] + 1, points[k], ar[k - 1], ar[k], shipped[k]);
    out.push({ month: monthLabel(first + k - 1), ...f });
  }
  return out;
}

export interface DsoOptions {
  /** trailing days of the current figure (default 90) */
  periodDays?: number;
  /** months of the trend (default 12) */
  months?: number;
}

/** DSO per customer and overall for the trailing period ending today, and the overall monthly trend. */
export function dso(source: ReceivablesSource, today: string, options: DsoOptions = {}): DsoReport {
  const t = dayOf(today, 'today');
  const periodDays = options.periodDays ?? 90;
  const months = options.months ?? 12;
  if (!Number.isSafeInteger(periodDays) || periodDays < 1) throw new RangeError(`periodDays must be a positive whole number: ${periodDays}`);
  if (!Number.isSafeInteger(months) || months < 1) throw new RangeError(`months must be a positive whole number: ${months}`);
  const L = ledgerOf(source);
  const from = t - periodDays + 1;
  const customers: DsoReport['customers'] = [];
  for (let c = 0; c < L.customerIds.length; c++) {
    const f = periodFigure(L, [L.saleStart[c], L.saleStart[c + 1]], from, t);
    if (f.openingReceivables === 0 && f.closingReceivables === 0 && f.creditSales === 0) continue;
    customers.push({ customerId: L.customerIds[c], ...f });
  }
  customers.sort((a, b) => (a.customerId < b.customerId ? -1 : a.customerId > b.customerId ? 1 : 0));
  const all: Slots = [0, L.saleRows.length];
  return {
    formula: DSO_FORMULA,
    asOf: today,
    periodDays,
    overall: periodFigure(L, all, from, t),
    customers,
    trend: monthlyTrend(L, all, t, months)
  };
}

/** The monthly DSO trend of one customer (or of everyone without `customerId`). */
export function dsoTrend(source: ReceivablesSource, today: string, options: { customerId?: string; months?: number } = {}): DsoMonth[] {
  const t = dayOf(today, 'today');
  const months = options.months ?? 12;
  if (!Number.isSafeInteger(months) || months < 1) throw new RangeError(`months must be a positive whole number: ${months}`);
  const L = ledgerOf(source);
  if (options.customerId === undefined) return monthlyTrend(L, [0, L.saleRows.length], t, months);
  const c = L.customerIndex.get(options.customerId);
  return monthlyTrend(L, c === undefined ? [0, 0] : [L.saleStart[c], L.saleStart[c + 1]], t, months);
}
