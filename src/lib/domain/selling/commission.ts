/**
 * Commission on collected revenue (sales.md "Commission"; issue 12; the rounding is
 * shared/fixtures/selling/README.md).
 *
 * Units: amounts integer fen, rates percent (0–100, decimals allowed), months `YYYY-MM`.
 * - By default a staff member earns a percentage of the revenue COLLECTED on their sales: an unpaid
 *   credit sale earns nothing until paid, a partial payment earns pro rata (it is simply the amount
 *   collected), a late payment earns in the month it is collected, whatever the sale's due date.
 * - A reverted payment (bounced, entered by mistake) is removed: it never earned, in any month.
 * - Rules per staff member override the default rate (settings); a staff member without a rule
 *   gets the default.
 * - Per staff member and month: (Σ collected in the month) × rate % / 100, rounded half up ONCE
 *   per month, so many small payments lose no fen to rounding. Months with no collection are left
 *   out.
 * The collections come from the receivables engine's allocation (receivables/allocation.ts: a
 * payment is allocated to sales, a line counts from max(payment day, ship day)); use
 * `collectionsFromAllocation` to turn its lines into collections attributed to each sale's owner.
 */
import type { AllocationLine } from '../receivables/allocation';
import { isoOf, monthIndexOf, monthLabel } from '../dates';
import { decimalText, percentOfFen } from './exact';
import { Checker, fail, ok, type Result } from './problems';

export interface Collection {
  paymentId?: string;
  saleId?: string;
  /** who earns on it; absent: the default staff '' (a single-person business) */
  staffId?: string;
  /** YYYY-MM-DD, the day the money counts as collected */
  date: string;
  amountFen: number;
  reverted?: boolean;
}

export interface CommissionRule {
  staffId: string;
  ratePercent: number;
}

export interface CommissionInput {
  collections: readonly Collection[];
  defaultRatePercent: number;
  rules?: readonly CommissionRule[];
}

export interface CommissionMonth {
  staffId: string;
  month: string;
  collectedFen: number;
  ratePercent: number;
  commissionFen: number;
  /** how many payments were counted, and how many reverted ones were left out */
  payments: number;
  reverted: number;
  reason: string;
}

export interface CommissionStatement {
  /** by staff id, then month */
  months: CommissionMonth[];
  totalFen: number;
}

/** Allocation lines → collections, each earned by the owner of its sale (unknown sales skipped). */
export function collectionsFromAllocation(
  lines: readonly AllocationLine[],
  ownerOfSale: (saleId: string) => string | undefined,
  revertedPayments: ReadonlySet<string> = new Set()
): Collection[] {
  const out: Collection[] = [];
  for (const l of lines) {
    const staffId = ownerOfSale(l.saleId);
    if (staffId === undefined) continue;
    out.push({
      paymentId: l.paymentId,
      saleId: l.saleId,
      staffId,
      date: isoOf(l.day),
      amountFen: l.amount,
      reverted: revertedPayments.has(l.paymentId)
    });
  }
  return out;
}

/** The monthly commission statement of every staff member, or the problems of its input. */
export function commissionByMonth(input: CommissionInput): Result<CommissionStatement> {
  const c = new Checker();
  const defaultRate = c.percent('defaultRatePercent', input.defaultRatePercent);
  const seen = new Set<string>();
  const rates = new Map(
    (input.rules ?? []).map((r, i) => [c.id(`rules[${i}].staffId`, r?.staffId, seen), c.percent(`rules[${i}].ratePercent`, r?.ratePercent)])
  );
  const rows = (input.collections ?? []).map((p, i) => ({
    staff: p?.staffId === undefined ? '' : c.id(`collections[${i}].staffId`, p.staffId),
    month: monthIndexOf(c.day(`collections[${i}].date`, p?.date)),
    amount: c.fen(`collections[${i}].amountFen`, p?.amountFen),
    reverted: p?.reverted === true
  }));
  if (!c.clean) return fail(c.problems);

  const groups = new Map<string, { staff: string; month: number; sum: bigint; payments: number; reverted: number }>();
  for (const r of rows) {
    const key = `${r.staff}\u0000${r.month}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { staff: r.staff, month: r.month, sum: 0n, payments: 0, reverted: 0 }));
    if (r.reverted) g.reverted++;
    else {
      g.sum += BigInt(r.amount);
      g.payments++;
    }
  }
  const months = [...groups.values()]
    .filter((g) => g.payments > 0)
    .sort((a, b) => (a.staff < b.staff ? -1 : a.staff > b.staff ? 1 : a.month - b.month))
    .map((g): CommissionMonth => {
      const rate = rates.get(g.staff) ?? defaultRate;
      const commission = percentOfFen(g.sum, rate);
      return {
        staffId: g.staff,
        month: monthLabel(g.month),
        collectedFen: Number(g.sum),
        ratePercent: Number(decimalText(rate)),
        commissionFen: Number(commission),
        payments: g.payments,
        reverted: g.reverted,
        reason: `${g.sum} collected in ${g.payments} payment(s) × ${decimalText(rate)}% = ${commission}${g.reverted ? `; ${g.reverted} reverted left out` : ''}`
      };
    });
  return ok({ months, totalFen: months.reduce((s, m) => s + m.commissionFen, 0) });
}
