/**
 * The ledger's second stage: group what ledger-read.ts read by customer (a counting sort, so no
 * view ever scans all payments for one customer), apply approved extensions to the sales' due
 * dates, order each customer's sales oldest first (effective due date, ship date, id) and payments
 * by date then id, and copy the columns into slot order. From here on only columns are read.
 */
import { extendedDueDay } from './due-date';
import type { DoneInput, PaymentInput, SaleInput } from './ledger-read';
import type { PaymentColumns, SaleColumns } from './ledger-types';
import type { ExtensionRequestRow, LadderTaskDoneRow } from './types';

/** Group `n` items by customer (counting sort): start offsets per customer and the items in slot order. */
export function groupByCustomer(cust: Int32Array, n: number, customers: number): { start: Int32Array; order: Int32Array } {
  const start = new Int32Array(customers + 1);
  for (let i = 0; i < n; i++) start[cust[i] + 1]++;
  for (let c = 0; c < customers; c++) start[c + 1] += start[c];
  const fill = start.slice(0, customers);
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[fill[cust[i]]++] = i;
  return { start, order };
}

/** Sort order[from, to) with `cmp` (insertion sort for the usual handful, Array sort beyond). */
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

/** Order each customer's slots of a grouping with `cmp` (on the items' input indices). */
function sortEachCustomer(grouped: { start: Int32Array; order: Int32Array }, cmp: (a: number, b: number) => number) {
  const { start, order } = grouped;
  for (let c = 0; c + 1 < start.length; c++) sortSlice(order, start[c], start[c + 1], cmp);
}

/** Sales in slot order: customer c's are [start[c], start[c + 1]), oldest first. */
export interface SaleSlots extends SaleColumns {
  start: Int32Array;
}

/**
 * Move the due dates of sales with approved extensions. An extension names its customer, so its
 * sale is found among that customer's few sales (no map of all sale ids); one naming the wrong
 * customer is looked up among all.
 */
function applyExtensions(
  s: SaleInput,
  grouped: { start: Int32Array; order: Int32Array },
  extensions: ReadonlyMap<string, ExtensionRequestRow[]>,
  customerIndex: ReadonlyMap<string, number>
) {
  let everySale: Map<string, number> | null = null;
  for (const [saleId, exts] of extensions) {
    let k = -1;
    const c = customerIndex.get(exts[0].customerId);
    if (c !== undefined) {
      for (let x = grouped.start[c]; x < grouped.start[c + 1]; x++) {
        if (s.rows[grouped.order[x]].id === saleId) {
          k = grouped.order[x];
          break;
        }
      }
    }
    if (k < 0) {
      if (!everySale) {
        everySale = new Map();
        for (let x = 0; x < s.n; x++) everySale.set(s.rows[x].id, x);
      }
      k = everySale.get(saleId) ?? -1;
    }
    if (k < 0) continue;
    const r = extendedDueDay(s.base[k], exts);
    s.due[k] = r.dueDay;
    s.epoch[k] = r.epoch;
  }
}

export function orderSales(
  s: SaleInput,
  customers: number,
  extensions: ReadonlyMap<string, ExtensionRequestRow[]>,
  customerIndex: ReadonlyMap<string, number>
): SaleSlots {
  const grouped = groupByCustomer(s.cust, s.n, customers);
  applyExtensions(s, grouped, extensions, customerIndex);
  sortEachCustomer(grouped, (a, b) => s.due[a] - s.due[b] || s.ship[a] - s.ship[b] || compareIds(s.rows[a].id, s.rows[b].id));
  const { start, order } = grouped;
  const ns = s.n;
  const out: SaleSlots = {
    start,
    saleRows: new Array(ns),
    shipDay: new Int32Array(ns),
    baseDueDay: new Int32Array(ns),
    dueDay: new Int32Array(ns),
    epoch: new Uint16Array(ns),
    amount: new Float64Array(ns)
  };
  for (let i = 0; i < ns; i++) {
    const k = order[i];
    out.saleRows[i] = s.rows[k];
    out.shipDay[i] = s.ship[k];
    out.baseDueDay[i] = s.base[k];
    out.dueDay[i] = s.due[k];
    out.epoch[i] = s.epoch[k];
    out.amount[i] = s.amount[k];
  }
  return out;
}

/** Payments in slot order: customer c's are [start[c], start[c + 1]), by date then id. */
export interface PaymentSlots extends PaymentColumns {
  start: Int32Array;
  /** 1 when the payment has manual lines */
  paymentManual: Uint8Array;
  manualLines: number;
}

export function orderPayments(p: PaymentInput, customers: number): PaymentSlots {
  const grouped = groupByCustomer(p.cust, p.n, customers);
  sortEachCustomer(grouped, (a, b) => p.day[a] - p.day[b] || compareIds(p.rows[a].id, p.rows[b].id));
  const { start, order } = grouped;
  const np = p.n;
  const out: PaymentSlots = {
    start,
    paymentRows: new Array(np),
    paymentDay: new Int32Array(np),
    paymentAmount: new Float64Array(np),
    paymentManual: new Uint8Array(np),
    manualLines: p.manualLines
  };
  for (let i = 0; i < np; i++) {
    const k = order[i];
    out.paymentRows[i] = p.rows[k];
    out.paymentDay[i] = p.day[k];
    out.paymentAmount[i] = p.amount[k];
    out.paymentManual[i] = p.manual[k];
  }
  return out;
}

/** Done-task records in customer order: customer c's are doneRows[doneStart[c] … doneStart[c + 1]). */
export function orderDone(d: DoneInput, customers: number): { doneStart: Int32Array; doneRows: LadderTaskDoneRow[]; doneHash: Int32Array } {
  const n = d.rows.length;
  const { start, order } = groupByCustomer(d.cust, n, customers);
  const doneRows: LadderTaskDoneRow[] = new Array(n);
  const doneHash = new Int32Array(n);
  for (let x = 0; x < n; x++) {
    doneRows[x] = d.rows[order[x]];
    doneHash[x] = d.hash[order[x]];
  }
  return { doneStart: start, doneRows, doneHash };
}
