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
 * Rows that fail `checkReceivableRecord` with an error are skipped and listed in `problems`
 * (done-task rows: only a wrong kind, outcome or customer is checked here, see below);
 * soft-deleted rows are skipped silently. A done-task record is found through its `customerId`,
 * so it must name its sale's customer (the write path copies it from the sale, and a customer
 * merge re-points it with the sale).
 *
 * Why columns: in V8 the cost of a pass over half a million records is reading their strings
 * (customer ids, dates) and hashing fresh ones; everything else here is integer work.
 */
import {
  ALLOCATION_RULE,
  type AllocationLine,
  type AllocationProblem,
  type PaymentApplication,
  type SaleState
} from './allocation';
import {
  checkCreditSaleRow,
  checkExtensionRow,
  checkLiftRow,
  checkPaymentRow,
  checkTaskDoneRow,
  hasError,
  type RecordProblem
} from './checks';
import { NEVER, tryDay } from './dates';
import { extendedDueDay } from './due-date';
import type { ReceivableTable } from './fields';
import type { Fen } from '../money';
import {
  TASK_OUTCOMES,
  type CreditSaleRow,
  type ExtensionRequestRow,
  type LadderEffectLiftRow,
  type LadderTaskDoneRow,
  type PaymentAllocation,
  type PaymentRow
} from './types';

export interface ReceivablesInput {
  sales: readonly CreditSaleRow[];
  payments: readonly PaymentRow[];
  extensions?: readonly ExtensionRequestRow[];
  done?: readonly LadderTaskDoneRow[];
  lifts?: readonly LadderEffectLiftRow[];
}

export interface LedgerOptions {
  /** manual allocations to use instead of the payments' own (an allocation being edited, before it is saved) */
  overrides?: ReadonlyMap<string, readonly PaymentAllocation[]>;
}

/** One customer's part of the ledger, as objects. */
export interface CustomerLedger {
  customerId: string;
  /** oldest first: effective due date, ship date, id */
  sales: SaleState[];
  /** by date, then id */
  payments: PaymentApplication[];
  /** fen paid and allocated to no sale (overpayment), over all payments */
  credit: Fen;
  lifts: LadderEffectLiftRow[];
  /** the customer's done-task records by task key */
  done: DoneIndex;
  problems: AllocationProblem[];
}

export type LedgerProblem =
  | { table: ReceivableTable; id: string; record: RecordProblem }
  | { table: 'payments'; id: string; allocation: AllocationProblem };

/** Done-task records by task key (one record, or several when a task was logged more than once). */
export type DoneIndex = ReadonlyMap<string, LadderTaskDoneRow | readonly LadderTaskDoneRow[]>;

/** Day sentinels of the Int32 columns. */
export const NEVER_DAY = 2_147_483_647;
export const NO_DAY = -2_147_483_648;

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

export interface Ledger {
  readonly kind: 'receivables-ledger';
  /** customer index → id, in order of first appearance */
  customerIds: string[];
  customerIndex: Map<string, number>;
  /** sale slots of customer c: [saleStart[c], saleStart[c + 1]) */
  saleStart: Int32Array;
  saleRows: CreditSaleRow[];
  shipDay: Int32Array;
  baseDueDay: Int32Array;
  dueDay: Int32Array;
  epoch: Uint16Array;
  /** fen */
  amount: Float64Array;
  /** fen allocated from every payment */
  allocated: Float64Array;
  /** latest line day, NO_DAY without lines */
  lastLineDay: Int32Array;
  /** day fully paid, NEVER_DAY while open */
  settledDay: Int32Array;
  /** payment slots of customer c: [paymentStart[c], paymentStart[c + 1]) */
  paymentStart: Int32Array;
  paymentRows: PaymentRow[];
  paymentDay: Int32Array;
  /** fen */
  paymentAmount: Float64Array;
  /** fen allocated to sales */
  applied: Float64Array;
  lineCount: number;
  lineSale: Int32Array;
  linePayment: Int32Array;
  lineDay: Int32Array;
  lineAmount: Float64Array;
  lineManual: Uint8Array;
  /** the line indices of sale slot i: saleLines[saleLineStart[i] … saleLineStart[i + 1]) */
  saleLineStart: Int32Array;
  saleLines: Int32Array;
  paymentLineStart: Int32Array;
  paymentLines: Int32Array;
  /** fen of unallocated payment per customer */
  credit: Float64Array;
  /** lifts per customer index (only customers with lifts) */
  lifts: Map<number, LadderEffectLiftRow[]>;
  /** done-task records of customer c: doneRows[doneStart[c] … doneStart[c + 1]) */
  doneStart: Int32Array;
  doneRows: LadderTaskDoneRow[];
  /** keyHash of each done record's task key, beside doneRows */
  doneHash: Int32Array;
  allocationProblems: Map<number, AllocationProblem[]>;
  problems: LedgerProblem[];
  /** per-customer object views */
  customers: CustomerViews;
  rule: string;
}

const isTerm = (n: number): boolean => Number.isSafeInteger(n) && n >= 0 && n <= 3660;
const isAmount = (n: number): boolean => Number.isSafeInteger(n) && n > 0;
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

/** Group `n` items by customer (counting sort): start offsets per customer and the items in slot order. */
function groupByCustomer(cust: Int32Array, n: number, customers: number): { start: Int32Array; order: Int32Array } {
  const start = new Int32Array(customers + 1);
  for (let i = 0; i < n; i++) start[cust[i] + 1]++;
  for (let c = 0; c < customers; c++) start[c + 1] += start[c];
  const fill = start.slice(0, customers);
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[fill[cust[i]]++] = i;
  return { start, order };
}

/** Sort order[from, to) with `less` (insertion sort for the usual handful, Array sort beyond). */
function sortSlice(order: Int32Array, from: number, to: number, cmp: (a: number, b: number) => number) {
  const n = to - from;
  if (n < 2) return;
  if (n <= 24) {
    for (let i = from + 1; i < to; i++) {
      const x = order[i];
      let j = i - 1;
      while (j >= from && cmp(order[j], x) > 0) {
        order[j + 1] = order[j];
        j--;
      }
      order[j + 1] = x;
    }
    return;
  }
  const part = Array.from(order.subarray(from, to)).sort(cmp);
  order.set(part, from);
}

const compareIds = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export function buildLedger(input: ReceivablesInput, options: LedgerOptions = {}): Ledger {
  const problems: LedgerProblem[] = [];
  const customerIndex = new Map<string, number>();
  const customerIds: string[] = [];
  const indexOf = (id: string): number => {
    let c = customerIndex.get(id);
    if (c === undefined) {
      c = customerIds.length;
      customerIndex.set(id, c);
      customerIds.push(id);
    }
    return c;
  };

  // ---------------------------------------------------------------- extensions (approved only matter)
  const extensionsBySale = new Map<string, ExtensionRequestRow[]>();
  for (const x of input.extensions ?? []) {
    if (x.deleted === 1 || x.status !== 'approved') continue;
    const found = checkExtensionRow(x);
    if (hasError(found)) {
      report(problems, 'extensionRequests', x.id, found);
      continue;
    }
    const list = extensionsBySale.get(x.saleId);
    if (list) list.push(x);
    else extensionsBySale.set(x.saleId, [x]);
  }

  // ---------------------------------------------------------------- sales: validate, due dates
  const inSales = input.sales;
  const sCust = new Int32Array(inSales.length);
  const sShip = new Int32Array(inSales.length);
  const sBase = new Int32Array(inSales.length);
  const sDue = new Int32Array(inSales.length);
  const sEpoch = new Uint16Array(inSales.length);
  const sAmount = new Float64Array(inSales.length);
  const sRows: CreditSaleRow[] = [];
  let ns = 0;
  for (let k = 0; k < inSales.length; k++) {
    const sale = inSales[k];
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
    sCust[ns] = indexOf(sale.customerId);
    sShip[ns] = ship;
    sBase[ns] = base;
    sDue[ns] = base;
    sAmount[ns] = amount;
    sRows.push(sale);
    ns++;
  }

  // ---------------------------------------------------------------- payments: validate
  const inPayments = input.payments;
  const pCust = new Int32Array(inPayments.length);
  const pDay = new Int32Array(inPayments.length);
  const pAmount = new Float64Array(inPayments.length);
  /** 1 when the payment has manual lines (its own or an override) */
  const pManual = new Uint8Array(inPayments.length);
  const pRows: PaymentRow[] = [];
  let np = 0;
  let manualLines = 0;
  for (let k = 0; k < inPayments.length; k++) {
    const payment = inPayments[k];
    if (payment.deleted === 1) continue;
    const day = tryDay(payment.paidOn);
    if (day !== day || !isAmount(payment.amount) || !payment.customerId || !payment.id) {
      report(problems, 'payments', payment.id, checkPaymentRow(payment));
      continue;
    }
    pCust[np] = indexOf(payment.customerId);
    pDay[np] = day;
    pAmount[np] = payment.amount;
    pRows.push(payment);
    const manual = options.overrides?.get(payment.id) ?? payment.allocations;
    if (manual && manual.length > 0) {
      manualLines += manual.length;
      pManual[np] = 1;
    }
    np++;
  }

  // ---------------------------------------------------------------- done tasks, by customer
  // Grouped by customer (a map of 20 000 customers) rather than keyed by task (a map of every task
  // ever done): Today looks a task up among its customer's few records.
  const inDone = input.done ?? [];
  const dCust = new Int32Array(inDone.length);
  const dHash = new Int32Array(inDone.length);
  const dRows: LadderTaskDoneRow[] = [];
  for (const t of inDone) {
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
    dCust[dRows.length] = indexOf(t.customerId);
    dHash[dRows.length] = keyHash(t.taskKey);
    dRows.push(t);
  }

  // ---------------------------------------------------------------- lifts (before the customer count is fixed)
  const lifts = new Map<number, LadderEffectLiftRow[]>();
  for (const l of input.lifts ?? []) {
    if (l.deleted === 1) continue;
    const found = checkLiftRow(l);
    if (hasError(found)) {
      report(problems, 'ladderEffectLifts', l.id, found);
      continue;
    }
    const c = indexOf(l.customerId);
    const list = lifts.get(c);
    if (list) list.push(l);
    else lifts.set(c, [l]);
  }

  const customers = customerIds.length;
  const dg = groupByCustomer(dCust, dRows.length, customers);
  const doneRows: LadderTaskDoneRow[] = new Array(dRows.length);
  const doneHash = new Int32Array(dRows.length);
  for (let x = 0; x < dRows.length; x++) {
    doneRows[x] = dRows[dg.order[x]];
    doneHash[x] = dHash[dg.order[x]];
  }

  // ---------------------------------------------------------------- group sales; apply extensions; order
  const sg = groupByCustomer(sCust, ns, customers);
  // An extension names its customer, so its sale is found among that customer's few sales
  // (no map of all sale ids); one naming the wrong customer is looked up among all.
  let everySale: Map<string, number> | null = null;
  for (const [saleId, exts] of extensionsBySale) {
    let k = -1;
    const c = customerIndex.get(exts[0].customerId);
    if (c !== undefined) {
      for (let x = sg.start[c]; x < sg.start[c + 1]; x++) {
        if (sRows[sg.order[x]].id === saleId) {
          k = sg.order[x];
          break;
        }
      }
    }
    if (k < 0) {
      if (!everySale) {
        everySale = new Map();
        for (let x = 0; x < ns; x++) everySale.set(sRows[x].id, x);
      }
      k = everySale.get(saleId) ?? -1;
    }
    if (k < 0) continue;
    const r = extendedDueDay(sBase[k], exts);
    sDue[k] = r.dueDay;
    sEpoch[k] = r.epoch;
  }
  for (let c = 0; c < customers; c++) {
    sortSlice(sg.order, sg.start[c], sg.start[c + 1], (a, b) => sDue[a] - sDue[b] || sShip[a] - sShip[b] || compareIds(sRows[a].id, sRows[b].id));
  }
  const saleRows: CreditSaleRow[] = new Array(ns);
  const shipDay = new Int32Array(ns);
  const baseDueDay = new Int32Array(ns);
  const dueDay = new Int32Array(ns);
  const epoch = new Uint16Array(ns);
  const amount = new Float64Array(ns);
  for (let i = 0; i < ns; i++) {
    const k = sg.order[i];
    saleRows[i] = sRows[k];
    shipDay[i] = sShip[k];
    baseDueDay[i] = sBase[k];
    dueDay[i] = sDue[k];
    epoch[i] = sEpoch[k];
    amount[i] = sAmount[k];
  }

  // ---------------------------------------------------------------- group and order payments
  const pg = groupByCustomer(pCust, np, customers);
  for (let c = 0; c < customers; c++) {
    sortSlice(pg.order, pg.start[c], pg.start[c + 1], (a, b) => pDay[a] - pDay[b] || compareIds(pRows[a].id, pRows[b].id));
  }
  // (rows are read in input order above; from here on, in customer order, only columns are read)
  const paymentRows: PaymentRow[] = new Array(np);
  const paymentDay = new Int32Array(np);
  const paymentAmount = new Float64Array(np);
  const paymentManual = new Uint8Array(np);
  for (let i = 0; i < np; i++) {
    const k = pg.order[i];
    paymentRows[i] = pRows[k];
    paymentDay[i] = pDay[k];
    paymentAmount[i] = pAmount[k];
    paymentManual[i] = pManual[k];
  }

  // ---------------------------------------------------------------- allocate, customer by customer
  const capacity = ns + np + manualLines;
  const lineSale = new Int32Array(capacity);
  const linePayment = new Int32Array(capacity);
  const lineDay = new Int32Array(capacity);
  const lineAmount = new Float64Array(capacity);
  const lineManual = new Uint8Array(capacity);
  let lines = 0;
  const allocated = new Float64Array(ns);
  const lastLineDay = new Int32Array(ns).fill(NO_DAY);
  const applied = new Float64Array(np);
  const credit = new Float64Array(customers);
  const allocationProblems = new Map<number, AllocationProblem[]>();

  const allocationProblem = (c: number, x: AllocationProblem) => {
    let list = allocationProblems.get(c);
    if (!list) allocationProblems.set(c, (list = []));
    list.push(x);
    problems.push({ table: 'payments', id: x.paymentId, allocation: x });
  };
  const addLine = (i: number, p: number, value: number, manual: boolean) => {
    const day = paymentDay[p] > shipDay[i] ? paymentDay[p] : shipDay[i];
    lineSale[lines] = i;
    linePayment[lines] = p;
    lineDay[lines] = day;
    lineAmount[lines] = value;
    lineManual[lines] = manual ? 1 : 0;
    lines++;
    allocated[i] += value;
    applied[p] += value;
    if (day > lastLineDay[i]) lastLineDay[i] = day;
  };

  for (let c = 0; c < customers; c++) {
    const s0 = sg.start[c];
    const s1 = sg.start[c + 1];
    const p0 = pg.start[c];
    const p1 = pg.start[c + 1];
    if (p0 === p1) continue;
    // 1. manual lines, payments in date order (a customer's sale found by a scan of its few
    //    sales, or through a map for a customer with many)
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
    for (let p = p0; p < p1; p++) {
      if (paymentManual[p] === 0) continue;
      const row = paymentRows[p];
      const manual = options.overrides?.get(row.id) ?? row.allocations ?? [];
      for (const want of manual) {
        if (!want || !isAmount(want.amount)) continue;
        const i = findSale(want.saleId);
        if (i === undefined) {
          allocationProblem(c, { code: 'sale-not-found', paymentId: row.id, saleId: want.saleId, amount: want.amount });
          continue;
        }
        const left = paymentAmount[p] - applied[p];
        const owed = amount[i] - allocated[i];
        const take = Math.min(want.amount, left, owed);
        if (take < want.amount) {
          const code = owed < want.amount && owed <= left ? 'sale-over-allocated' : 'lines-exceed-payment';
          allocationProblem(c, { code, paymentId: row.id, saleId: want.saleId, amount: want.amount - take });
        }
        if (take > 0) addLine(i, p, take, true);
      }
    }
    // 2. oldest first
    let i = s0;
    let rest = 0;
    for (let p = p0; p < p1; p++) {
      let left = paymentAmount[p] - applied[p];
      while (left > 0 && i < s1) {
        const owed = amount[i] - allocated[i];
        if (owed <= 0) {
          i++;
          continue;
        }
        const take = owed < left ? owed : left;
        addLine(i, p, take, false);
        left -= take;
        if (take === owed) i++;
      }
      rest += left;
    }
    credit[c] = rest;
  }
  const settledDay = new Int32Array(ns).fill(NEVER_DAY);
  for (let i = 0; i < ns; i++) if (allocated[i] === amount[i]) settledDay[i] = lastLineDay[i];

  // ---------------------------------------------------------------- lines by sale and by payment
  const saleLineStart = new Int32Array(ns + 1);
  const paymentLineStart = new Int32Array(np + 1);
  for (let l = 0; l < lines; l++) {
    saleLineStart[lineSale[l] + 1]++;
    paymentLineStart[linePayment[l] + 1]++;
  }
  for (let i = 0; i < ns; i++) saleLineStart[i + 1] += saleLineStart[i];
  for (let p = 0; p < np; p++) paymentLineStart[p + 1] += paymentLineStart[p];
  const saleLines = new Int32Array(lines);
  const paymentLines = new Int32Array(lines);
  {
    const sf = saleLineStart.slice(0, ns);
    const pf = paymentLineStart.slice(0, np);
    for (let l = 0; l < lines; l++) {
      saleLines[sf[lineSale[l]]++] = l;
      paymentLines[pf[linePayment[l]]++] = l;
    }
  }

  const ledger: Ledger = {
    kind: 'receivables-ledger',
    customerIds,
    customerIndex,
    saleStart: sg.start,
    saleRows,
    shipDay,
    baseDueDay,
    dueDay,
    epoch,
    amount,
    allocated,
    lastLineDay,
    settledDay,
    paymentStart: pg.start,
    paymentRows,
    paymentDay,
    paymentAmount,
    applied,
    lineCount: lines,
    lineSale,
    linePayment,
    lineDay,
    lineAmount,
    lineManual,
    saleLineStart,
    saleLines,
    paymentLineStart,
    paymentLines,
    credit,
    lifts,
    doneStart: dg.start,
    doneRows,
    doneHash,
    allocationProblems,
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
