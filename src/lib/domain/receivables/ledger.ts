/**
 * The ledger: every customer's credit sales with their effective due dates and allocated payments,
 * built in one pass over the records. It does not depend on "today", so a worker can build it once
 * per change of the records and derive Today, aging, DSO and statements from it for any day.
 *
 * Built for 200 000 sales and 300 000 payments: the numbers live in typed-array columns, not in
 * objects, so building it allocates little and the bulk views (Today, aging, DSO) read integers.
 * - Customers are numbered once (a Map from id to index); sales and payments are grouped by
 *   customer with a counting sort, so no view ever scans all payments for one customer.
 * - Sale slots [saleStart[c], saleStart[c+1]) are customer c's sales, oldest first (effective due
 *   date, ship date, id); payment slots likewise, by date then id.
 * - Allocation lines (allocation.ts) are columns too, indexed by sale and by payment.
 * - Done-task records and lifts are grouped by customer; a done record is found among its
 *   customer's by an integer hash of its task key (`keyHash`), the strings compared on a match.
 * Per-customer object views (`SaleState`, `PaymentApplication`) are made on demand by
 * `customers.get(id)` for the functions that work on one customer (ladder, statement, page).
 *
 * Built in stages, each in its own module: read and check the records into columns
 * (ledger-read.ts), group and order them by customer with extensions applied (ledger-group.ts),
 * allocate and index the lines (ledger-allocate.ts); shapes in ledger-types.ts, object views in
 * ledger-views.ts. The API is this module: `buildLedger` / `ledgerOf`, `openAt` and
 * `doneRecordsOf` for the bulk views of this folder (Today, aging, DSO), `ledger.customers` and
 * `ledger.problems` for everyone else; `allocatePayments` for a list of sales and payments.
 *
 * Rows that fail `checkReceivableRecord` with an error are skipped and listed in `problems`
 * (done-task rows: only a wrong kind, outcome or customer is checked here, see below);
 * soft-deleted rows are skipped silently. A done-task record is found through its `customerId`,
 * so it must name its sale's customer (the write path copies it from the sale, and a customer
 * merge re-points it with the sale).
 *
 * Why columns: in V8 the cost of a pass over half a million records is reading their strings
 * (customer ids, dates) and hashing fresh ones; everything else here is integer work.
 */
import { ALLOCATION_RULE, type AllocationProblem, type PaymentApplication, type SaleState } from './allocation';
import { allocate, indexLines } from './ledger-allocate';
import { orderDone, orderPayments, orderSales } from './ledger-group';
import { Customers, keyHash, readDone, readExtensions, readLifts, readPayments, readSales } from './ledger-read';
import type { Ledger, LedgerOptions, LedgerProblem, ReceivablesInput } from './ledger-types';
import { CustomerViews } from './ledger-views';
import type { Fen } from '../money';
import type { CreditSaleRow, ExtensionRequestRow, LadderTaskDoneRow, PaymentAllocation, PaymentRow } from './types';

export { NEVER_DAY, NO_DAY } from './ledger-types';
export type { CustomerLedger, DoneIndex, Ledger, LedgerOptions, LedgerProblem, ReceivablesInput } from './ledger-types';
export { CustomerViews } from './ledger-views';
export { keyHash } from './ledger-read';

export function buildLedger(input: ReceivablesInput, options: LedgerOptions = {}): Ledger {
  const problems: LedgerProblem[] = [];
  const customers = new Customers();
  // 1. read and check, numbering customers in order of first appearance (sales, payments, done, lifts)
  const extensions = readExtensions(input.extensions ?? [], problems);
  const salesIn = readSales(input.sales, customers, problems);
  const paymentsIn = readPayments(input.payments, options, customers, problems);
  const doneIn = readDone(input.done ?? [], customers, problems);
  const lifts = readLifts(input.lifts ?? [], customers, problems);
  // 2. group by customer, extensions applied, each customer's slots in order
  const count = customers.ids.length;
  const done = orderDone(doneIn, count);
  const sales = orderSales(salesIn, count, extensions, customers.index);
  const payments = orderPayments(paymentsIn, count);
  // 3. allocate, customer by customer; index the lines
  const lines = allocate(sales, payments, count, options, problems);
  const index = indexLines(lines, sales.saleRows.length, payments.paymentRows.length);

  const ledger: Ledger = {
    kind: 'receivables-ledger',
    customerIds: customers.ids,
    customerIndex: customers.index,
    saleStart: sales.start,
    saleRows: sales.saleRows,
    shipDay: sales.shipDay,
    baseDueDay: sales.baseDueDay,
    dueDay: sales.dueDay,
    epoch: sales.epoch,
    amount: sales.amount,
    allocated: lines.allocated,
    lastLineDay: lines.lastLineDay,
    settledDay: lines.settledDay,
    paymentStart: payments.start,
    paymentRows: payments.paymentRows,
    paymentDay: payments.paymentDay,
    paymentAmount: payments.paymentAmount,
    applied: lines.applied,
    lineCount: lines.lineCount,
    lineSale: lines.lineSale,
    linePayment: lines.linePayment,
    lineDay: lines.lineDay,
    lineAmount: lines.lineAmount,
    lineManual: lines.lineManual,
    ...index,
    credit: lines.credit,
    lifts,
    ...done,
    allocationProblems: lines.allocationProblems,
    problems,
    customers: undefined as unknown as CustomerViews,
    rule: ALLOCATION_RULE
  };
  ledger.customers = new CustomerViews(ledger);
  return ledger;
}

/** Fen of sale slot `i` open at the end of `day` (0 before it ships). */
export function openAt(ledger: Ledger, i: number, day: number): number {
  if (ledger.shipDay[i] > day || ledger.settledDay[i] <= day) return 0;
  if (ledger.lastLineDay[i] <= day) return ledger.amount[i] - ledger.allocated[i];
  let open = ledger.amount[i];
  for (let k = ledger.saleLineStart[i]; k < ledger.saleLineStart[i + 1]; k++) {
    const l = ledger.saleLines[k];
    if (ledger.lineDay[l] <= day) open -= ledger.lineAmount[l];
  }
  return open;
}

/** The done-task records of customer c with task key `key` (usually none or one). */
export function doneRecordsOf(ledger: Ledger, c: number, key: string, hash = keyHash(key)): LadderTaskDoneRow[] | undefined {
  let found: LadderTaskDoneRow[] | undefined;
  const end = ledger.doneStart[c + 1];
  for (let x = ledger.doneStart[c]; x < end; x++) {
    if (ledger.doneHash[x] !== hash) continue;
    const row = ledger.doneRows[x];
    if (row.taskKey === key) (found ??= []).push(row);
  }
  return found;
}

export type ReceivablesSource = ReceivablesInput | Ledger;

/** The ledger of `source`, building it when given records. */
export const ledgerOf = (source: ReceivablesSource): Ledger =>
  'kind' in source && source.kind === 'receivables-ledger' ? source : buildLedger(source as ReceivablesInput);

export interface AllocationResult {
  /** every customer's sales, each customer's oldest first */
  sales: SaleState[];
  payments: PaymentApplication[];
  /** fen paid but allocated to no sale */
  credit: Fen;
  problems: AllocationProblem[];
}

/**
 * Allocate payments to credit sales (rules in allocation.ts): per customer, manual lines first,
 * then oldest first by effective due date (hence `extensions`), then ship date; the rest is credit.
 * `overrides` replaces the manual lines of the payments it names (an allocation being edited).
 */
export function allocatePayments(
  sales: readonly CreditSaleRow[],
  payments: readonly PaymentRow[],
  options: { overrides?: ReadonlyMap<string, readonly PaymentAllocation[]>; extensions?: readonly ExtensionRequestRow[] } = {}
): AllocationResult {
  const ledger = buildLedger({ sales, payments, extensions: options.extensions }, { overrides: options.overrides });
  const result: AllocationResult = { sales: [], payments: [], credit: 0 as Fen, problems: [] };
  let credit = 0;
  for (const c of ledger.customers.values()) {
    result.sales.push(...c.sales);
    result.payments.push(...c.payments);
    result.problems.push(...c.problems);
    credit += c.credit;
  }
  result.credit = credit as Fen;
  return result;
}
