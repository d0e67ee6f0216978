/**
 * Allocating a customer's payments to their credit sales (receivables.md: a payment "may be
 * partial; may cover several invoices").
 *
 * Rules (ours where receivables.md is silent):
 * 1. Manual lines first. Payments in date order (`paidOn`, then id); each manual line goes to its
 *    sale, capped at what the sale still owes and at what is left of the payment. What was asked
 *    but could not be applied is reported (`sale-not-found`, `sale-over-allocated`,
 *    `lines-exceed-payment`) and flows into rule 2.
 * 2. Then automatically, oldest first: payments in date order, each remainder to the open sales in
 *    order of effective due date, then ship date, then id, until it is spent.
 * 3. What is left is an overpayment: the customer's credit 预收, reported, never dropped. A later
 *    sale takes it up by rule 2 (which is why a payment may settle a sale shipped after it).
 * 4. A line counts against its sale from the later of the payment date and the ship date (`day`),
 *    so "open on day D" = amount − lines with day ≤ D. The sale is settled on the day of its last
 *    line once fully allocated.
 * Allocation never looks at "today": it is a function of the records alone, and the views ask
 * "open as of" a day. Future-dated payments are allocated but count only from their date.
 *
 * The allocation itself runs in `buildLedger` (ledger.ts), on typed-array columns, for every
 * customer in one pass; this module holds the per-customer object views and their open amount.
 */
import { dayOf, type Day } from '../dates';
import type { Fen } from '../money';
import type { CreditSaleRow, PaymentRow } from './types';

export interface AllocationLine {
  paymentId: string;
  saleId: string;
  /** fen */
  amount: number;
  /** the day this money counts against the sale: max(payment day, ship day) */
  day: Day;
  manual: boolean;
}

/** A credit sale with its effective due date and what has been allocated to it. */
export interface SaleState {
  sale: CreditSaleRow;
  shipDay: Day;
  /** before extensions */
  baseDueDay: Day;
  /** after approved extensions: the ladder runs on this */
  dueDay: Day;
  /** the number of extensions applied (see due-date.ts) */
  epoch: number;
  /** fen allocated from every payment, whatever its date */
  allocated: number;
  lines: AllocationLine[];
  /** the latest line's day; -Infinity without lines */
  lastLineDay: Day;
  /** the day the sale was fully paid, NEVER while anything is unallocated */
  settledDay: Day;
}

export interface PaymentApplication {
  payment: PaymentRow;
  day: Day;
  /** fen allocated to sales */
  applied: number;
  /** fen left over: credit */
  unapplied: number;
  lines: AllocationLine[];
}

export type AllocationProblemCode = 'sale-not-found' | 'sale-over-allocated' | 'lines-exceed-payment';

export interface AllocationProblem {
  code: AllocationProblemCode;
  paymentId: string;
  saleId?: string;
  /** fen asked for but not applied as asked */
  amount: number;
}

/** The rule the allocation follows, for display next to its result. */
export const ALLOCATION_RULE =
  'manual lines first (payments by date), then each payment by date to the open sales by due date, ship date, id; the rest is credit';

/** Open amount of a sale on `day` (0 before it ships). */
export function openOn(s: SaleState, day: Day): number {
  if (s.shipDay > day || s.settledDay <= day) return 0;
  if (s.lastLineDay <= day) return s.sale.amount - s.allocated;
  let open: number = s.sale.amount;
  for (const line of s.lines) if (line.day <= day) open -= line.amount;
  return open;
}

/** Fen still owed on a sale: after every payment (no `asOf`), or on the ISO date `asOf`. */
export function openAmount(s: SaleState, asOf?: string): Fen {
  return (asOf === undefined ? s.sale.amount - s.allocated : openOn(s, dayOf(asOf, 'asOf'))) as Fen;
}
