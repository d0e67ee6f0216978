/**
 * Aging 账龄 (receivables.md, "Views everyone expects"): open amounts by customer in buckets of days
 * past the effective due date, with totals.
 *
 *   current  days past due ≤ 0 (not yet due, or due today)
 *   1–30     1 … 30        31–60  31 … 60        61–90  61 … 90        90+  91 and more
 *
 * "Open" is as of `today`: sales shipped by then, less the payments allocated to them that are
 * dated by then (allocation.ts). A customer's unallocated overpayment is shown as `credit` beside
 * the buckets and is not netted against them (an aging shows what is owed and how late; netting
 * would hide a late invoice behind a prepayment). Rows list every customer with an open amount or a
 * credit, by customer id (the same on every device); totals add the rows.
 */
import { dayOf } from '../dates';
import { ledgerOf, openAt, type ReceivablesSource } from './ledger';
import type { Fen } from '../money';

export const AGING_BUCKETS = ['current', '1-30', '31-60', '61-90', '90+'] as const;
export type AgingBucket = (typeof AGING_BUCKETS)[number];

export const AGING_RULE = 'days past due ≤ 0: current; 1–30; 31–60; 61–90; ≥ 91: 90+';

/** The bucket index (into AGING_BUCKETS) of an amount `daysPastDue` days past its due date. */
export function agingBucket(daysPastDue: number): number {
  if (daysPastDue <= 0) return 0;
  if (daysPastDue <= 30) return 1;
  if (daysPastDue <= 60) return 2;
  if (daysPastDue <= 90) return 3;
  return 4;
}

export interface AgingRow {
  customerId: string;
  /** fen per bucket, in the order of AGING_BUCKETS */
  buckets: Fen[];
  /** fen open */
  total: Fen;
  /** fen past due (total − current) */
  overdue: Fen;
  /** fen paid and allocated to no sale */
  credit: Fen;
  /** open sales */
  invoices: number;
  /** days past due of the oldest open sale (≤ 0 when none is overdue) */
  oldestDaysPastDue: number;
}

export interface AgingTable {
  asOf: string;
  buckets: readonly AgingBucket[];
  rule: string;
  rows: AgingRow[];
  totals: { buckets: Fen[]; total: Fen; overdue: Fen; credit: Fen; customers: number; invoices: number };
}

/** Fen open in every bucket together. */
export const bucketTotal = (b: readonly number[]): number => b[0] + b[1] + b[2] + b[3] + b[4];

/** Fen past due: all but the current bucket. */
export const overdueOf = (b: readonly number[]): number => bucketTotal(b) - b[0];

const byCustomer = (a: AgingRow, b: AgingRow) => (a.customerId < b.customerId ? -1 : a.customerId > b.customerId ? 1 : 0);

/**
 * The aging table of `rows` (any order; sorted here by customer id) with its totals, from the sums
 * of their buckets, credit and invoices: the one place totals are made (aging, and the engine
 * merging its shards' tables, call it).
 */
export function agingTable(asOf: string, rows: AgingRow[], sums: { buckets: number[]; credit: number; invoices: number }): AgingTable {
  rows.sort(byCustomer);
  return {
    asOf,
    buckets: AGING_BUCKETS,
    rule: AGING_RULE,
    rows,
    totals: {
      buckets: sums.buckets as Fen[],
      total: bucketTotal(sums.buckets) as Fen,
      overdue: overdueOf(sums.buckets) as Fen,
      credit: sums.credit as Fen,
      customers: rows.length,
      invoices: sums.invoices
    }
  };
}

export function aging(source: ReceivablesSource, today: string): AgingTable {
  const t = dayOf(today, 'today');
  const L = ledgerOf(source);
  const rows: AgingRow[] = [];
  const totals = [0, 0, 0, 0, 0];
  let totalCredit = 0;
  let totalInvoices = 0;
  for (let c = 0; c < L.customerIds.length; c++) {
    const b = [0, 0, 0, 0, 0];
    let invoices = 0;
    let oldest = -Infinity;
    let allocated = 0;
    const end = L.saleStart[c + 1];
    for (let i = L.saleStart[c]; i < end; i++) {
      if (L.shipDay[i] > t) continue;
      const open = openAt(L, i, t);
      allocated += L.amount[i] - open;
      if (open === 0) continue;
      const late = t - L.dueDay[i];
      b[agingBucket(late)] += open;
      invoices++;
      if (late > oldest) oldest = late;
    }
    let paid = 0;
    const pEnd = L.paymentStart[c + 1];
    for (let p = L.paymentStart[c]; p < pEnd; p++) if (L.paymentDay[p] <= t) paid += L.paymentAmount[p];
    const credit = paid - allocated;
    const total = bucketTotal(b);
    if (total === 0 && credit === 0) continue;
    for (let k = 0; k < 5; k++) totals[k] += b[k];
    totalCredit += credit;
    totalInvoices += invoices;
    rows.push({
      customerId: L.customerIds[c],
      buckets: b as Fen[],
      total: total as Fen,
      overdue: overdueOf(b) as Fen,
      credit: credit as Fen,
      invoices,
      oldestDaysPastDue: invoices ? oldest : 0
    });
  }
  return agingTable(today, rows, { buckets: totals, credit: totalCredit, invoices: totalInvoices });
}
