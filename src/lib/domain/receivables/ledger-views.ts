/**
 * The ledger's per-customer object views (`SaleState`, `PaymentApplication`, done records by key),
 * made on demand by `ledger.customers.get(id)` for the functions that work on one customer (ladder,
 * statement, the customer's page). The bulk views (Today, aging, DSO) read the columns instead.
 */
import type { AllocationLine, PaymentApplication, SaleState } from './allocation';
import { NEVER } from '../dates';
import { NEVER_DAY, NO_DAY, type CustomerLedger, type Ledger } from './ledger-types';
import type { Fen } from '../money';
import type { LadderTaskDoneRow } from './types';

/** The per-customer object views, made on demand and kept. */
export class CustomerViews {
  readonly #ledger: Ledger;
  readonly #made = new Map<number, CustomerLedger>();
  constructor(ledger: Ledger) {
    this.#ledger = ledger;
  }
  get size(): number {
    return this.#ledger.customerIds.length;
  }
  has(customerId: string): boolean {
    return this.#ledger.customerIndex.has(customerId);
  }
  get(customerId: string): CustomerLedger | undefined {
    const c = this.#ledger.customerIndex.get(customerId);
    if (c === undefined) return undefined;
    let view = this.#made.get(c);
    if (!view) this.#made.set(c, (view = customerView(this.#ledger, c)));
    return view;
  }
  *values(): IterableIterator<CustomerLedger> {
    for (const id of this.#ledger.customerIds) yield this.get(id)!;
  }
}

function customerView(ledger: Ledger, c: number): CustomerLedger {
  const lineObjects = new Map<number, AllocationLine>();
  const lineOf = (l: number): AllocationLine => {
    let line = lineObjects.get(l);
    if (!line) {
      line = {
        paymentId: ledger.paymentRows[ledger.linePayment[l]].id,
        saleId: ledger.saleRows[ledger.lineSale[l]].id,
        amount: ledger.lineAmount[l],
        day: ledger.lineDay[l],
        manual: ledger.lineManual[l] === 1
      };
      lineObjects.set(l, line);
    }
    return line;
  };
  const sales: SaleState[] = [];
  for (let i = ledger.saleStart[c]; i < ledger.saleStart[c + 1]; i++) {
    const lines: AllocationLine[] = [];
    for (let k = ledger.saleLineStart[i]; k < ledger.saleLineStart[i + 1]; k++) lines.push(lineOf(ledger.saleLines[k]));
    sales.push({
      sale: ledger.saleRows[i],
      shipDay: ledger.shipDay[i],
      baseDueDay: ledger.baseDueDay[i],
      dueDay: ledger.dueDay[i],
      epoch: ledger.epoch[i],
      allocated: ledger.allocated[i],
      lines,
      lastLineDay: ledger.lastLineDay[i] === NO_DAY ? -Infinity : ledger.lastLineDay[i],
      settledDay: ledger.settledDay[i] === NEVER_DAY ? NEVER : ledger.settledDay[i]
    });
  }
  const payments: PaymentApplication[] = [];
  for (let p = ledger.paymentStart[c]; p < ledger.paymentStart[c + 1]; p++) {
    const lines: AllocationLine[] = [];
    for (let k = ledger.paymentLineStart[p]; k < ledger.paymentLineStart[p + 1]; k++) lines.push(lineOf(ledger.paymentLines[k]));
    const payment = ledger.paymentRows[p];
    payments.push({ payment, day: ledger.paymentDay[p], applied: ledger.applied[p], unapplied: payment.amount - ledger.applied[p], lines });
  }
  const done = new Map<string, LadderTaskDoneRow[]>();
  for (let x = ledger.doneStart[c]; x < ledger.doneStart[c + 1]; x++) {
    const row = ledger.doneRows[x];
    const list = done.get(row.taskKey);
    if (list) list.push(row);
    else done.set(row.taskKey, [row]);
  }
  return {
    customerId: ledger.customerIds[c],
    sales,
    payments,
    done,
    credit: ledger.credit[c] as Fen,
    lifts: ledger.lifts.get(c) ?? [],
    problems: ledger.allocationProblems.get(c) ?? []
  };
}
