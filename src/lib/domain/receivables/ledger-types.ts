/**
 * The ledger's shapes: its input, its columns and its per-customer object views (ledger.ts builds
 * it; the views of the folder read its columns; everything outside the folder uses ledger.ts's
 * API). Split out so that the build stages and the views share them without importing each other.
 */
import type { AllocationProblem, PaymentApplication, SaleState } from './allocation';
import type { RecordProblem } from './checks';
import type { ReceivableTable } from './fields';
import type { CustomerViews } from './ledger-views';
import type { Fen } from '../money';
import type { CreditSaleRow, ExtensionRequestRow, LadderEffectLiftRow, LadderTaskDoneRow, PaymentAllocation, PaymentRow } from './types';

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
  { table: ReceivableTable; id: string; record: RecordProblem } | { table: 'payments'; id: string; allocation: AllocationProblem };

/** Done-task records by task key (one record, or several when a task was logged more than once). */
export type DoneIndex = ReadonlyMap<string, LadderTaskDoneRow | readonly LadderTaskDoneRow[]>;

/** Day sentinels of the Int32 columns. */
export const NEVER_DAY = 2_147_483_647;
export const NO_DAY = -2_147_483_648;

/** Sale slots in customer order: customer c's are [start[c], start[c + 1]), oldest first (ledger-group.ts). */
export interface SaleColumns {
  saleRows: CreditSaleRow[];
  shipDay: Int32Array;
  /** before extensions */
  baseDueDay: Int32Array;
  /** after approved extensions */
  dueDay: Int32Array;
  epoch: Uint16Array;
  /** fen */
  amount: Float64Array;
}

/** Payment slots in customer order, by date then id (ledger-group.ts). */
export interface PaymentColumns {
  paymentRows: PaymentRow[];
  paymentDay: Int32Array;
  /** fen */
  paymentAmount: Float64Array;
}

/** The allocation, as columns: lines, and per sale / payment / customer what they add up to (ledger-allocate.ts). */
export interface AllocationColumns {
  lineCount: number;
  lineSale: Int32Array;
  linePayment: Int32Array;
  lineDay: Int32Array;
  lineAmount: Float64Array;
  lineManual: Uint8Array;
  /** fen allocated to each sale from every payment */
  allocated: Float64Array;
  /** latest line day per sale, NO_DAY without lines */
  lastLineDay: Int32Array;
  /** day each sale was fully paid, NEVER_DAY while open */
  settledDay: Int32Array;
  /** fen of each payment allocated to sales */
  applied: Float64Array;
  /** fen of unallocated payment per customer */
  credit: Float64Array;
  allocationProblems: Map<number, AllocationProblem[]>;
}

export interface Ledger extends SaleColumns, PaymentColumns, AllocationColumns {
  readonly kind: 'receivables-ledger';
  /** customer index → id, in order of first appearance */
  customerIds: string[];
  customerIndex: Map<string, number>;
  /** sale slots of customer c: [saleStart[c], saleStart[c + 1]) */
  saleStart: Int32Array;
  /** payment slots of customer c: [paymentStart[c], paymentStart[c + 1]) */
  paymentStart: Int32Array;
  /** the line indices of sale slot i: saleLines[saleLineStart[i] … saleLineStart[i + 1]) */
  saleLineStart: Int32Array;
  saleLines: Int32Array;
  paymentLineStart: Int32Array;
  paymentLines: Int32Array;
  /** lifts per customer index (only customers with lifts) */
  lifts: Map<number, LadderEffectLiftRow[]>;
  /** done-task records of customer c: doneRows[doneStart[c] … doneStart[c + 1]) */
  doneStart: Int32Array;
  doneRows: LadderTaskDoneRow[];
  /** keyHash of each done record's task key, beside doneRows */
  doneHash: Int32Array;
  problems: LedgerProblem[];
  /** per-customer object views */
  customers: CustomerViews;
  rule: string;
}
