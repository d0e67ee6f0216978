/**
 * The ledger's third stage: allocate payments to sales, customer by customer, on the columns of
 * ledger-group.ts (the rules are allocation.ts's: manual lines first, payments by date; then oldest
 * first; the rest is credit), and index the allocation lines by sale and by payment.
 */
import type { AllocationProblem } from './allocation';
import { isAmount } from './ledger-read';
import type { PaymentSlots, SaleSlots } from './ledger-group';
import { NEVER_DAY, NO_DAY, type AllocationColumns, type LedgerOptions, type LedgerProblem } from './ledger-types';

class Allocator {
  readonly out: AllocationColumns;
  constructor(
    readonly sales: SaleSlots,
    readonly payments: PaymentSlots,
    customers: number,
    readonly problems: LedgerProblem[]
  ) {
    const ns = sales.saleRows.length;
    const np = payments.paymentRows.length;
    const capacity = ns + np + payments.manualLines;
    this.out = {
      lineCount: 0,
      lineSale: new Int32Array(capacity),
      linePayment: new Int32Array(capacity),
      lineDay: new Int32Array(capacity),
      lineAmount: new Float64Array(capacity),
      lineManual: new Uint8Array(capacity),
      allocated: new Float64Array(ns),
      lastLineDay: new Int32Array(ns).fill(NO_DAY),
      settledDay: new Int32Array(ns).fill(NEVER_DAY),
      applied: new Float64Array(np),
      credit: new Float64Array(customers),
      allocationProblems: new Map()
    };
  }

  problem(c: number, x: AllocationProblem) {
    let list = this.out.allocationProblems.get(c);
    if (!list) this.out.allocationProblems.set(c, (list = []));
    list.push(x);
    this.problems.push({ table: 'payments', id: x.paymentId, allocation: x });
  }

  /** A line of `value` fen from payment slot p to sale slot i, counting from the later of their days. */
  line(i: number, p: number, value: number, manual: boolean) {
    const o = this.out;
    const payDay = this.payments.paymentDay[p];
    const shipDay = this.sales.shipDay[i];
    const day = payDay > shipDay ? payDay : shipDay;
    const l = o.lineCount++;
    o.lineSale[l] = i;
    o.linePayment[l] = p;
    o.lineDay[l] = day;
    o.lineAmount[l] = value;
    o.lineManual[l] = manual ? 1 : 0;
    o.allocated[i] += value;
    o.applied[p] += value;
    if (day > o.lastLineDay[i]) o.lastLineDay[i] = day;
  }

  /**
   * Rule 1: the manual lines of customer c's payments, payments in date order (a sale found by a
   * scan of the customer's few sales, or through a map for a customer with many).
   */
  manual(c: number, overrides: LedgerOptions['overrides']) {
    const { saleRows, amount, start } = this.sales;
    const { paymentRows, paymentAmount, paymentManual } = this.payments;
    const { allocated, applied } = this.out;
    const s0 = start[c];
    const s1 = start[c + 1];
    let slotOf: Map<string, number> | null = null;
    const findSale = (saleId: string): number | undefined => {
      if (s1 - s0 <= 512) {
        for (let i = s0; i < s1; i++) if (saleRows[i].id === saleId) return i;
        return undefined;
      }
      if (!slotOf) {
        slotOf = new Map();
        for (let i = s0; i < s1; i++) slotOf.set(saleRows[i].id, i);
      }
      return slotOf.get(saleId);
    };
    for (let p = this.payments.start[c]; p < this.payments.start[c + 1]; p++) {
      if (paymentManual[p] === 0) continue;
      const row = paymentRows[p];
      const manual = overrides?.get(row.id) ?? row.allocations ?? [];
      for (const want of manual) {
        if (!want || !isAmount(want.amount)) continue;
        const i = findSale(want.saleId);
        if (i === undefined) {
          this.problem(c, { code: 'sale-not-found', paymentId: row.id, saleId: want.saleId, amount: want.amount });
          continue;
        }
        const left = paymentAmount[p] - applied[p];
        const owed = amount[i] - allocated[i];
        const take = Math.min(want.amount, left, owed);
        if (take < want.amount) {
          const code = owed < want.amount && owed <= left ? 'sale-over-allocated' : 'lines-exceed-payment';
          this.problem(c, { code, paymentId: row.id, saleId: want.saleId, amount: want.amount - take });
        }
        if (take > 0) this.line(i, p, take, true);
      }
    }
  }

  /** Rules 2 and 3: what is left of each payment by date to the open sales oldest first; the rest is credit. */
  oldestFirst(c: number) {
    const { amount, start } = this.sales;
    const { paymentAmount } = this.payments;
    const { allocated, applied } = this.out;
    const s1 = start[c + 1];
    let i = start[c];
    let rest = 0;
    for (let p = this.payments.start[c]; p < this.payments.start[c + 1]; p++) {
      let left = paymentAmount[p] - applied[p];
      while (left > 0 && i < s1) {
        const owed = amount[i] - allocated[i];
        if (owed <= 0) {
          i++;
          continue;
        }
        const take = owed < left ? owed : left;
        this.line(i, p, take, false);
        left -= take;
        if (take === owed) i++;
      }
      rest += left;
    }
    this.out.credit[c] = rest;
  }
}

/** Allocate every customer's payments (allocation.ts's rules); a sale fully allocated is settled on its last line's day. */
export function allocate(
  sales: SaleSlots,
  payments: PaymentSlots,
  customers: number,
  options: LedgerOptions,
  problems: LedgerProblem[]
): AllocationColumns {
  const a = new Allocator(sales, payments, customers, problems);
  for (let c = 0; c < customers; c++) {
    if (payments.start[c] === payments.start[c + 1]) continue;
    a.manual(c, options.overrides);
    a.oldestFirst(c);
  }
  const { allocated, settledDay, lastLineDay } = a.out;
  for (let i = 0; i < sales.amount.length; i++) if (allocated[i] === sales.amount[i]) settledDay[i] = lastLineDay[i];
  return a.out;
}

/** The line indices of each sale slot and each payment slot (a counting sort of the lines). */
export function indexLines(
  lines: AllocationColumns,
  ns: number,
  np: number
): { saleLineStart: Int32Array; saleLines: Int32Array; paymentLineStart: Int32Array; paymentLines: Int32Array } {
  const { lineCount, lineSale, linePayment } = lines;
  const saleLineStart = new Int32Array(ns + 1);
  const paymentLineStart = new Int32Array(np + 1);
  for (let l = 0; l < lineCount; l++) {
    saleLineStart[lineSale[l] + 1]++;
    paymentLineStart[linePayment[l] + 1]++;
  }
  for (let i = 0; i < ns; i++) saleLineStart[i + 1] += saleLineStart[i];
  for (let p = 0; p < np; p++) paymentLineStart[p + 1] += paymentLineStart[p];
  const saleLines = new Int32Array(lineCount);
  const paymentLines = new Int32Array(lineCount);
  const sf = saleLineStart.slice(0, ns);
  const pf = paymentLineStart.slice(0, np);
  for (let l = 0; l < lineCount; l++) {
    saleLines[sf[lineSale[l]]++] = l;
    paymentLines[pf[linePayment[l]]++] = l;
  }
  return { saleLineStart, saleLines, paymentLineStart, paymentLines };
}
