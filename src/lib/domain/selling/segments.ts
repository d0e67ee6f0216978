/**
 * Segments that compute themselves: RFM quintiles and ABC by revenue share (issue 12 "Segments";
 * the exact rules are shared/fixtures/selling/README.md).
 *
 * Units: amounts integer fen, recency in whole days, shares as exact fractions.
 * - Measures per customer from purchases AND credit sales together: R = today − the last purchase
 *   day (a purchase dated after today counts as 0 days), F = the number of purchases, M = their
 *   Σ amount. A customer without purchases has no RFM (there is nothing to score).
 * - RFM: for each of R (fewer days is better), F and M (more is better) the score is
 *   1 + ⌊5k / n⌋ with n the number of customers scored and k the number strictly worse on that
 *   measure, so ties share a score and fewer than five customers still score 1–5.
 * - ABC: customers by revenue, highest first, ties by id; A while the share of the revenue of the
 *   customers ranked BEFORE it is below the cut-off `a` (default 0.8), B while below `b` (0.95),
 *   else C. Cut-offs are settings with 0 < a ≤ b ≤ 1. When the total revenue is 0 every
 *   customer is C (no one carries any share). Comparisons are exact (BigInt), never floating.
 */
import { isoOf } from '../dates';
import { lessThan, parseDecimal, type Decimal } from './exact';
import { Checker, fail, ok, type Result } from './problems';

export interface RfmMeasure {
  id: string;
  daysSinceLast: number;
  purchases: number;
  amountFen: number;
}

export type RfmScores = [r: number, f: number, m: number];

export interface RfmResult {
  id: string;
  scores: RfmScores;
  /** e.g. "R 3 (4 of 10 worse), F 5 (9 of 10 worse), M 5 (9 of 10 worse)" */
  reason: string;
}

export interface SaleRecord {
  customerId: string;
  /** YYYY-MM-DD */
  date: string;
  amountFen: number;
}

/** R, F, M of each customer with purchases, from purchases and credit sales as of `today`. */
export function rfmMeasures(purchases: readonly SaleRecord[], creditSales: readonly SaleRecord[], today: string): Result<RfmMeasure[]> {
  const c = new Checker();
  const todayDay = c.day('today', today);
  const acc = new Map<string, { last: number; count: number; sum: number }>();
  const add = (list: readonly SaleRecord[], name: string) =>
    list.forEach((s, i) => {
      const id = c.id(`${name}[${i}].customerId`, s?.customerId);
      const day = c.day(`${name}[${i}].date`, s?.date);
      const amount = c.fen(`${name}[${i}].amountFen`, s?.amountFen);
      const a = acc.get(id) ?? { last: -Infinity, count: 0, sum: 0 };
      acc.set(id, { last: Math.max(a.last, day), count: a.count + 1, sum: a.sum + amount });
    });
  add(purchases, 'purchases');
  add(creditSales, 'creditSales');
  for (const [id, a] of acc) if (!Number.isSafeInteger(a.sum)) c.add('not-an-amount', `customer ${id}`, a.sum, 'the revenue is too large');
  if (!c.clean) return fail(c.problems);
  return ok([...acc].map(([id, a]) => ({ id, daysSinceLast: Math.max(0, todayDay - a.last), purchases: a.count, amountFen: a.sum })));
}

/** For each value, how many values are strictly worse (lower when `higherIsBetter`). */
function worseCounts(values: readonly number[], higherIsBetter: boolean): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const below = (v: number) => {
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid] < v) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const above = (v: number) => {
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid] <= v) lo = mid + 1;
      else hi = mid;
    }
    return sorted.length - lo;
  };
  return values.map((v) => (higherIsBetter ? below(v) : above(v)));
}

/** RFM quintile scores of every customer, or the problems of the measures. */
export function rfmScores(measures: readonly RfmMeasure[]): Result<RfmResult[]> {
  const c = new Checker();
  const seen = new Set<string>();
  measures.forEach((m, i) => {
    c.id(`customers[${i}].id`, m?.id, seen);
    c.count(`customers[${i}].daysSinceLast`, m?.daysSinceLast);
    c.count(`customers[${i}].purchases`, m?.purchases);
    c.fen(`customers[${i}].amountFen`, m?.amountFen);
  });
  if (!c.clean) return fail(c.problems);
  const n = measures.length;
  const r = worseCounts(
    measures.map((m) => m.daysSinceLast),
    false
  );
  const f = worseCounts(
    measures.map((m) => m.purchases),
    true
  );
  const m = worseCounts(
    measures.map((x) => x.amountFen),
    true
  );
  const score = (k: number) => 1 + Math.floor((5 * k) / n);
  return ok(
    measures.map((x, i) => ({
      id: x.id,
      scores: [score(r[i]), score(f[i]), score(m[i])] as RfmScores,
      reason: `R ${score(r[i])} (${r[i]} of ${n} worse), F ${score(f[i])} (${f[i]} of ${n} worse), M ${score(m[i])} (${m[i]} of ${n} worse)`
    }))
  );
}

export type AbcClass = 'A' | 'B' | 'C';

export interface AbcSettings {
  a: number;
  b: number;
}

export const DEFAULT_ABC: AbcSettings = { a: 0.8, b: 0.95 };

export interface AbcResult {
  id: string;
  revenueFen: number;
  rank: number;
  class: AbcClass;
  /** share of the revenue ranked before this customer, e.g. "750/1000 before" */
  reason: string;
}

function cutOff(c: Checker, path: string, v: unknown): Decimal {
  const d = typeof v === 'number' && Number.isFinite(v) ? parseDecimal(String(v)) : null;
  if (d === null || d.units <= 0n || lessThan({ units: 1n, scale: 0 }, d)) {
    c.add('bad-settings', path, v, 'a cut-off is a share above 0 and at most 1');
    return { units: 1n, scale: 0 };
  }
  return d;
}

/** ABC class of every customer by revenue share, or the problems of the input. */
export function abcClasses(customers: readonly { id: string; revenueFen: number }[], settings: AbcSettings = DEFAULT_ABC): Result<AbcResult[]> {
  const c = new Checker();
  const a = cutOff(c, 'a', settings?.a);
  const b = cutOff(c, 'b', settings?.b);
  if (c.clean && lessThan(b, a)) c.add('bad-settings', 'b', settings.b, `the B cut-off is below the A cut-off ${settings.a}`);
  const seen = new Set<string>();
  customers.forEach((x, i) => {
    c.id(`customers[${i}].id`, x?.id, seen);
    c.fen(`customers[${i}].revenueFen`, x?.revenueFen);
  });
  if (!c.clean) return fail(c.problems);
  const ranked = [...customers].sort((x, y) => y.revenueFen - x.revenueFen || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
  const total = ranked.reduce((s, x) => s + BigInt(x.revenueFen), 0n);
  let before = 0n;
  return ok(
    ranked.map((x, rank) => {
      // before / total < a  ⇔  before × 10^scale < a.units × total
      const below = (d: Decimal) => total > 0n && before * 10n ** BigInt(d.scale) < d.units * total;
      const cls: AbcClass = below(a) ? 'A' : below(b) ? 'B' : 'C';
      const reason = `${before}/${total} of revenue ranked before`;
      before += BigInt(x.revenueFen);
      return { id: x.id, revenueFen: x.revenueFen, rank: rank + 1, class: cls, reason };
    })
  );
}

/** Revenue per customer from purchases and credit sales (for `abcClasses`). */
export function revenueByCustomer(
  purchases: readonly SaleRecord[],
  creditSales: readonly SaleRecord[]
): Result<{ id: string; revenueFen: number }[]> {
  const m = rfmMeasures(purchases, creditSales, isoOf(0));
  if (!m.ok) return m;
  return ok(m.value.map((x) => ({ id: x.id, revenueFen: x.amountFen })));
}
