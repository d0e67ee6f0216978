/**
 * Small factories for the receivables specs: rows with sensible defaults, amounts in 元.
 * Not exported from index.ts.
 */
import type { Fen } from '$lib/domain/money';
import type {
  CreditSaleRow,
  ExtensionRequestRow,
  LadderEffectLiftRow,
  LadderTaskDoneRow,
  PaymentRow,
  TaskKind,
  TaskOutcome
} from '$lib/domain/receivables/types';

/** 元 → fen */
export const y = (yuan: number): Fen => Math.round(yuan * 100) as Fen;

export function sale(id: string, fields: Partial<CreditSaleRow> = {}): CreditSaleRow {
  return {
    id,
    customerId: 'c1',
    invoiceNo: `FP-${id}`,
    shipDate: '2026-03-01',
    amount: y(10_000),
    termDays: 30,
    ...fields
  };
}

export function pay(id: string, paidOn: string, amount: Fen, fields: Partial<PaymentRow> = {}): PaymentRow {
  return { id, customerId: 'c1', paidOn, amount, method: 'bank-transfer', ...fields };
}

export function extension(id: string, saleId: string, fields: Partial<ExtensionRequestRow> = {}): ExtensionRequestRow {
  return {
    id,
    customerId: 'c1',
    saleId,
    requestedOn: '2026-03-25',
    requestedDueDate: '2026-04-30',
    reason: '台风影响运输',
    status: 'approved',
    decidedBy: 'm1',
    decidedOn: '2026-03-26',
    ...fields
  };
}

export function doneTask(
  id: string,
  saleId: string,
  kind: TaskKind,
  doneOn: string,
  outcome: TaskOutcome,
  fields: Partial<LadderTaskDoneRow> = {}
): LadderTaskDoneRow {
  return { id, customerId: 'c1', saleId, taskKey: `${saleId}:${kind}`, kind, outcome, doneOn, doneBy: 's1', ...fields };
}

export function lift(id: string, fields: Partial<LadderEffectLiftRow> = {}): LadderEffectLiftRow {
  return {
    id,
    customerId: 'c1',
    effect: 'blacklist',
    liftedOn: '2026-05-06',
    liftedBy: 'm1',
    reason: '已结清，经理批准',
    ...fields
  };
}
