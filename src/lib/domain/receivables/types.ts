/**
 * The stored records of receivables tracking (shared/domain/receivables.md) and of the credit
 * agreement they draw on (credit.md §1.6). Every record carries the replicated envelope
 * (`Versioned`: id, soft delete, created/updated stamps, per-field stamps). Money is integer fen,
 * dates are ISO calendar dates `YYYY-MM-DD`, "who" is a staff id.
 *
 * What is stored and what is derived (the whole design turns on this):
 * - Stored: facts people enter. A credit sale (the receivable itself: there is no separate
 *   receivable record, a credit sale *is* one), a payment, an extension request and its decision,
 *   a ladder task having been done, a manager lifting an effect.
 * - Derived, never stored: the effective due date, the automatic allocation of payments, open
 *   amounts, the ladder position, the tasks due, the bad-credit entries, the stop-shipment flag and
 *   the blacklist. They are functions of the stored facts and of "today", so they are right after
 *   any edit, import or sync, and two devices that hold the same records see the same thing.
 *
 * Allocations are embedded in the payment (`Payment.allocations`), and only when a person set them
 * by hand. Why: with replication, two people may record payments for the same customer at the same
 * time. Were automatic allocations stored as rows, each device would allocate its payment to the
 * same oldest invoice and the merged data would over-pay it. Derived allocation (all payments, in
 * date order, oldest invoice first) converges by construction. A manual split belongs to the one
 * payment it spends, so "the lines add up to at most the payment" is checked inside one record,
 * and the per-field last-writer-wins stamp of `allocations` replaces a split whole, never mixing
 * two people's splits. The one conflict left — two payments manually allocated to the same invoice
 * beyond its amount — is capped when deriving (in payment order) and reported, the excess flowing
 * to the automatic allocation.
 *
 * A task done and a lift are separate append-only records for the same reason: two people marking
 * the same call done on two devices leave two records, and the task is done; nothing is lost.
 */
import type { CreditAgreementTerms } from '../credit/enforcement';
import type { Fen } from '../money';
import type { Versioned } from '../records/types';
import type { RecordOf } from '../records/field-kit';
import type { RECEIVABLE_SPECS } from './fields';

/** A record as the domain reads it: the envelope beyond `id` and `deleted` is the write path's. */
export type Row<T extends Versioned> = Omit<T, 'deleted' | 'createdAt' | 'createdBy' | 'updatedAt' | 'updatedBy' | '_f'> & {
  deleted?: 0 | 1;
};

/**
 * A signed credit agreement 信用销售协议 (credit.md §1.6): what the `sign` step of the credit
 * workflow (credit/workflow.ts) produces, stored so that credit sales can draw on it. The terms
 * are credit/enforcement.ts's `CreditAgreementTerms` (limit, start and end dates), which is what
 * `checkCreditSale` takes.
 */
export interface CreditAgreement extends Versioned, CreditAgreementTerms, RecordOf<typeof RECEIVABLE_SPECS.creditAgreements> {}

/** How an overdue receivable's cause is classified at the collection letter (14 days overdue). */
export const OVERDUE_CAUSES = ['credit', 'non-credit'] as const;
export type OverdueCause = (typeof OVERDUE_CAUSES)[number];

/**
 * A credit sale 信用销售 / 赊销: goods shipped before payment. It is the receivable: payments settle
 * it, the ladder runs on it.
 */
export interface CreditSale extends Versioned, RecordOf<typeof RECEIVABLE_SPECS.creditSales> {}

export const PAYMENT_METHODS = ['bank-transfer', 'cash', 'acceptance-bill', 'cheque', 'goods-offset', 'other'] as const;
/** 银行转账 / 现金 / 承兑汇票 / 支票 / 以货抵款 / 其他 */
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];

/** One line of a manual allocation: this much of the payment goes to that credit sale. */
export interface PaymentAllocation {
  saleId: string;
  /** fen, > 0 */
  amount: Fen;
}

/** A payment 回款: may be partial, may cover several invoices. */
export interface Payment extends Versioned, RecordOf<typeof RECEIVABLE_SPECS.payments> {}

export const EXTENSION_STATUSES = ['requested', 'approved', 'rejected'] as const;
export type ExtensionStatus = (typeof EXTENSION_STATUSES)[number];

/** An extension request 延期申请, submitted in writing before the due date, decided by a manager. */
export interface ExtensionRequest extends Versioned, RecordOf<typeof RECEIVABLE_SPECS.extensionRequests> {}

/** The five dated tasks of the ladder, in ladder order. */
export const TASK_KINDS = ['confirm-delivery', 'pre-due-reminder', 'overdue-notice', 'collection-letter', 'field-visit'] as const;
export type TaskKind = (typeof TASK_KINDS)[number];

/** The outcomes a person picks when doing a task (one click each), per kind. */
export const TASK_OUTCOMES = {
  'confirm-delivery': ['arrived-satisfied', 'arrived-with-issue', 'not-arrived', 'no-answer'],
  'pre-due-reminder': ['payment-date-agreed', 'will-pay-on-time', 'asks-extension', 'no-answer'],
  'overdue-notice': ['notice-sent', 'payment-promised', 'disputed', 'no-answer'],
  'collection-letter': ['letter-sent', 'payment-promised', 'disputed'],
  'field-visit': ['visited', 'special-case-opened', 'payment-promised', 'not-found']
} as const satisfies Record<TaskKind, readonly string[]>;
export type TaskOutcome = (typeof TASK_OUTCOMES)[TaskKind][number];
export const ALL_TASK_OUTCOMES: readonly TaskOutcome[] = [...new Set(Object.values(TASK_OUTCOMES).flat())];

/**
 * Outcomes that are an attempt, not the task done: the task stays due (from the next day) and
 * counts the attempt. Could not reach them → call again tomorrow; goods not there yet → ask again.
 */
export const RETRY_OUTCOMES: ReadonlySet<TaskOutcome> = new Set<TaskOutcome>(['no-answer', 'not-arrived']);

/** A derived ladder task was done (or attempted), with its outcome. Append-only. */
export interface LadderTaskDone extends Versioned, RecordOf<typeof RECEIVABLE_SPECS.ladderTasksDone> {}

/** The automatic effects of the ladder. */
export const LADDER_EFFECTS = ['bad-credit', 'stop-shipment', 'blacklist'] as const;
export type LadderEffect = (typeof LADDER_EFFECTS)[number];

/**
 * A manager lifts an effect, with a recorded reason. With `saleId`, it lifts that sale's trigger of
 * the effect; without, every trigger of the effect for the customer dated on or before `liftedOn`
 * (a later trigger — another invoice going 14 or 30 days overdue — applies the effect again).
 * That the person is a manager is the caller's check (roles live outside the domain).
 */
export interface LadderEffectLift extends Versioned, RecordOf<typeof RECEIVABLE_SPECS.ladderEffectLifts> {}

export type CreditAgreementRow = Row<CreditAgreement>;
export type CreditSaleRow = Row<CreditSale>;
export type PaymentRow = Row<Payment>;
export type ExtensionRequestRow = Row<ExtensionRequest>;
export type LadderTaskDoneRow = Row<LadderTaskDone>;
export type LadderEffectLiftRow = Row<LadderEffectLift>;
