/**
 * The ledger's first stage: read the records in input order, skip soft-deleted ones, check what
 * would make a record count wrongly (a failing record is listed in `problems` and skipped), number
 * the customers in order of first appearance (sales, payments, done tasks, lifts) and copy the
 * numbers into typed-array columns. Nothing here is grouped or ordered yet (ledger-group.ts).
 */
import { checkCreditSaleRow, checkExtensionRow, checkLiftRow, checkPaymentRow, checkTaskDoneRow, hasError, type RecordProblem } from './checks';
import { tryDay } from '../dates';
import type { ReceivableTable } from './fields';
import type { LedgerOptions, LedgerProblem } from './ledger-types';
import {
  TASK_OUTCOMES,
  type CreditSaleRow,
  type ExtensionRequestRow,
  type LadderEffectLiftRow,
  type LadderTaskDoneRow,
  type PaymentRow
} from './types';

const isTerm = (n: number): boolean => Number.isSafeInteger(n) && n >= 0 && n <= 3660;
/** Is `n` a positive whole number of fen? (amounts of sales, payments and manual lines) */
export const isAmount = (n: number): boolean => Number.isSafeInteger(n) && n > 0;

/**
 * Is `outcome` one of the outcomes of task `kind`? (a kind arriving from a peer may be anything).
 * A switch compares strings; a keyed lookup would hash every fresh string.
 */
function outcomeFits(kind: string, outcome: string): boolean {
  let outcomes: readonly string[];
  switch (kind) {
    case 'confirm-delivery':
      outcomes = TASK_OUTCOMES['confirm-delivery'];
      break;
    case 'pre-due-reminder':
      outcomes = TASK_OUTCOMES['pre-due-reminder'];
      break;
    case 'overdue-notice':
      outcomes = TASK_OUTCOMES['overdue-notice'];
      break;
    case 'collection-letter':
      outcomes = TASK_OUTCOMES['collection-letter'];
      break;
    case 'field-visit':
      outcomes = TASK_OUTCOMES['field-visit'];
      break;
    default:
      return false;
  }
  for (const o of outcomes) if (o === outcome) return true;
  return false;
}

function report(problems: LedgerProblem[], table: ReceivableTable, id: string, found: RecordProblem[]) {
  for (const record of found) if (record.severity === 'error') problems.push({ table, id, record });
}

/** Customers numbered once, in order of first appearance. */
export class Customers {
  readonly ids: string[] = [];
  readonly index = new Map<string, number>();
  of(id: string): number {
    let c = this.index.get(id);
    if (c === undefined) {
      c = this.ids.length;
      this.index.set(id, c);
      this.ids.push(id);
    }
    return c;
  }
}

/** Approved extension requests that pass their checks, by sale id (only approved ones matter). */
export function readExtensions(extensions: readonly ExtensionRequestRow[], problems: LedgerProblem[]): Map<string, ExtensionRequestRow[]> {
  const bySale = new Map<string, ExtensionRequestRow[]>();
  for (const x of extensions) {
    if (x.deleted === 1 || x.status !== 'approved') continue;
    const found = checkExtensionRow(x);
    if (hasError(found)) {
      report(problems, 'extensionRequests', x.id, found);
      continue;
    }
    const list = bySale.get(x.saleId);
    if (list) list.push(x);
    else bySale.set(x.saleId, [x]);
  }
  return bySale;
}

/** The sales read, in input order: `n` slots of each column. */
export interface SaleInput {
  n: number;
  cust: Int32Array;
  ship: Int32Array;
  /** the due date before extensions */
  base: Int32Array;
  /** after extensions (ledger-group.ts fills it in) */
  due: Int32Array;
  epoch: Uint16Array;
  amount: Float64Array;
  rows: CreditSaleRow[];
}

export function readSales(sales: readonly CreditSaleRow[], customers: Customers, problems: LedgerProblem[]): SaleInput {
  const size = sales.length;
  const s: SaleInput = {
    n: 0,
    cust: new Int32Array(size),
    ship: new Int32Array(size),
    base: new Int32Array(size),
    due: new Int32Array(size),
    epoch: new Uint16Array(size),
    amount: new Float64Array(size),
    rows: []
  };
  for (let k = 0; k < size; k++) {
    const sale = sales[k];
    if (sale.deleted === 1) continue;
    const ship = tryDay(sale.shipDate);
    const amount = sale.amount;
    const term = sale.termDays;
    if (ship !== ship || !isAmount(amount) || !isTerm(term) || !sale.customerId || !sale.id) {
      report(problems, 'creditSales', sale.id, checkCreditSaleRow(sale));
      continue;
    }
    let base = ship + term;
    if (sale.dueDate) {
      const set = tryDay(sale.dueDate);
      if (set !== set) problems.push({ table: 'creditSales', id: sale.id, record: { code: 'date-invalid', field: 'dueDate', severity: 'warning' } });
      else base = set;
    }
    const i = s.n++;
    s.cust[i] = customers.of(sale.customerId);
    s.ship[i] = ship;
    s.base[i] = base;
    s.due[i] = base;
    s.amount[i] = amount;
    s.rows.push(sale);
  }
  return s;
}

/** The payments read, in input order. */
export interface PaymentInput {
  n: number;
  cust: Int32Array;
  day: Int32Array;
  amount: Float64Array;
  /** 1 when the payment has manual lines (its own or an override) */
  manual: Uint8Array;
  /** how many manual lines there are in all */
  manualLines: number;
  rows: PaymentRow[];
}

export function readPayments(payments: readonly PaymentRow[], options: LedgerOptions, customers: Customers, problems: LedgerProblem[]): PaymentInput {
  const size = payments.length;
  const p: PaymentInput = {
    n: 0,
    cust: new Int32Array(size),
    day: new Int32Array(size),
    amount: new Float64Array(size),
    manual: new Uint8Array(size),
    manualLines: 0,
    rows: []
  };
  for (let k = 0; k < size; k++) {
    const payment = payments[k];
    if (payment.deleted === 1) continue;
    const day = tryDay(payment.paidOn);
    if (day !== day || !isAmount(payment.amount) || !payment.customerId || !payment.id) {
      report(problems, 'payments', payment.id, checkPaymentRow(payment));
      continue;
    }
    const i = p.n++;
    p.cust[i] = customers.of(payment.customerId);
    p.day[i] = day;
    p.amount[i] = payment.amount;
    p.rows.push(payment);
    const manual = options.overrides?.get(payment.id) ?? payment.allocations;
    if (manual && manual.length > 0) {
      p.manualLines += manual.length;
      p.manual[i] = 1;
    }
  }
  return p;
}

/** The done-task records read, in input order, with the hash of each task key. */
export interface DoneInput {
  cust: Int32Array;
  hash: Int32Array;
  rows: LadderTaskDoneRow[];
}

/**
 * Done-task records are grouped by customer (a map of 20 000 customers) rather than keyed by task
 * (a map of every task ever done): Today looks a task up among its customer's few records.
 */
export function readDone(done: readonly LadderTaskDoneRow[], customers: Customers, problems: LedgerProblem[]): DoneInput {
  const d: DoneInput = { cust: new Int32Array(done.length), hash: new Int32Array(done.length), rows: [] };
  for (const t of done) {
    if (t.deleted === 1) continue;
    // Only what would make a record count wrongly is checked here (its kind and outcome, its
    // customer): a malformed key never matches a task and a bad date never counts (doneState),
    // and the write path refuses both. Reading every key and date again would cost more than
    // all the other checks together.
    if (!outcomeFits(t.kind, t.outcome) || !t.customerId) {
      const found = checkTaskDoneRow(t);
      report(problems, 'ladderTasksDone', t.id, hasError(found) ? found : [{ code: 'customer-required', field: 'customerId', severity: 'error' }]);
      continue;
    }
    d.cust[d.rows.length] = customers.of(t.customerId);
    d.hash[d.rows.length] = keyHash(t.taskKey);
    d.rows.push(t);
  }
  return d;
}

/** Lifts that pass their checks, per customer index (only customers with lifts). */
export function readLifts(
  lifts: readonly LadderEffectLiftRow[],
  customers: Customers,
  problems: LedgerProblem[]
): Map<number, LadderEffectLiftRow[]> {
  const byCustomer = new Map<number, LadderEffectLiftRow[]>();
  for (const l of lifts) {
    if (l.deleted === 1) continue;
    const found = checkLiftRow(l);
    if (hasError(found)) {
      report(problems, 'ladderEffectLifts', l.id, found);
      continue;
    }
    const c = customers.of(l.customerId);
    const list = byCustomer.get(c);
    if (list) list.push(l);
    else byCustomer.set(c, [l]);
  }
  return byCustomer;
}

/**
 * FNV-1a of a task key. Done records are found by comparing these integers among a customer's
 * records (contiguous, cache-friendly) and the strings only on a match: no map of every task key,
 * and no reading of every record's key when looking one up.
 */
export function keyHash(key: string): number {
  let h = 0x811c9dc5 ^ key.length;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  return h | 0;
}
