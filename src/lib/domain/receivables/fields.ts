/**
 * The fields of the receivables tables and their cell types, in the shape of
 * `records/fields.ts`'s `TABLE_FIELDS`, so the write path validates them the same way (they are
 * part of `TABLE_FIELDS`). Envelope fields are not listed; the pieces come from records/field-kit.ts.
 *
 * Cell types cannot say "positive", "after the ship date" or "this outcome belongs to that task";
 * `checkReceivableRecord` (./checks.ts) says those, and the derivations skip what it refuses.
 */
import { choice, date, json, link, requiredDate, requiredMoney, requiredNumber, requiredText, text, type FieldSpecs } from '../records/field-kit';
import { ALL_TASK_OUTCOMES, EXTENSION_STATUSES, LADDER_EFFECTS, OVERDUE_CAUSES, PAYMENT_METHODS, TASK_KINDS, type PaymentAllocation } from './types';

export const RECEIVABLE_TABLES = [
  'creditAgreements',
  'creditSales',
  'payments',
  'extensionRequests',
  'ladderTasksDone',
  'ladderEffectLifts'
] as const;
export type ReceivableTable = (typeof RECEIVABLE_TABLES)[number];

/**
 * The receivables tables' fields; the record types (./types.ts) are derived from them. Dates are
 * 'YYYY-MM-DD', money fen. A sale's `dueDate` is set only when it is not ship date + term;
 * `invoiceNo` is absent while shipped but not invoiced; `overdueCause` is classified at the
 * collection letter ('non-credit' exempts the sale from stop-shipment). A payment's `allocations`
 * are set only by a person (absent: oldest invoice first). A task record's `taskKey` is
 * `taskKey(saleId, kind, epoch)`; `promisedOn` the payment date the customer agreed.
 */
export const RECEIVABLE_SPECS = {
  creditAgreements: {
    customerId: link('customers', true),
    applicationId: text,
    agreementNo: text,
    limit: requiredMoney,
    termDays: requiredNumber,
    startDate: requiredDate,
    endDate: requiredDate,
    earlyPaymentIncentive: text,
    signedBy: link('staff'),
    signedOn: date,
    notes: text
  },
  creditSales: {
    customerId: link('customers', true),
    agreementId: link('creditAgreements'),
    invoiceNo: text,
    shipDate: requiredDate,
    amount: requiredMoney,
    termDays: requiredNumber,
    dueDate: date,
    goods: text,
    orgUnitId: link('orgUnits'),
    deliveryConfirmedOn: date,
    overdueCause: choice(OVERDUE_CAUSES),
    causeNote: text,
    notes: text
  },
  payments: {
    customerId: link('customers', true),
    paidOn: requiredDate,
    amount: requiredMoney,
    method: choice(PAYMENT_METHODS, true),
    reference: text,
    allocations: json<PaymentAllocation[]>(),
    notes: text
  },
  extensionRequests: {
    customerId: link('customers', true),
    saleId: link('creditSales', true),
    requestedOn: requiredDate,
    requestedDueDate: requiredDate,
    reason: requiredText,
    status: choice(EXTENSION_STATUSES, true),
    decidedBy: link('staff'),
    decidedOn: date,
    approvedDueDate: date,
    decisionNote: text
  },
  ladderTasksDone: {
    customerId: link('customers', true),
    saleId: link('creditSales', true),
    taskKey: requiredText,
    kind: choice(TASK_KINDS, true),
    outcome: choice(ALL_TASK_OUTCOMES, true),
    doneOn: requiredDate,
    doneBy: link('staff'),
    promisedOn: date,
    note: text
  },
  ladderEffectLifts: {
    customerId: link('customers', true),
    effect: choice(LADDER_EFFECTS, true),
    saleId: link('creditSales'),
    liftedOn: requiredDate,
    liftedBy: link('staff', true),
    reason: requiredText
  }
} as const satisfies Record<ReceivableTable, FieldSpecs>;

/** The same specs, indexable by any field name (what the write path and the grid read). */
export const RECEIVABLE_FIELDS: Record<ReceivableTable, FieldSpecs> = RECEIVABLE_SPECS;
