/**
 * What a cell type cannot say about a receivables record: amounts are positive, dates are real,
 * an outcome belongs to its task, a lift has a reason. The write path calls this after the field
 * check; the derivations call it on every row (rows arrive from imports and peers too) and skip a
 * row with an `error`, reporting it. A `warning` is shown but the row is used.
 */
import { RECEIVABLE_TABLES, type ReceivableTable } from './fields';
import { tryDay } from '../dates';
import {
  LADDER_EFFECTS,
  TASK_KINDS,
  TASK_OUTCOMES,
  type CreditAgreementRow,
  type CreditSaleRow,
  type ExtensionRequestRow,
  type LadderEffectLiftRow,
  type LadderTaskDoneRow,
  type PaymentRow
} from './types';

export type RecordProblemCode =
  | 'customer-required'
  | 'date-invalid'
  | 'amount-not-positive'
  | 'limit-negative'
  | 'term-invalid'
  | 'start-after-end'
  | 'due-before-ship'
  | 'allocation-invalid'
  | 'allocations-exceed-amount'
  | 'sale-required'
  | 'reason-required'
  | 'decision-incomplete'
  | 'new-due-not-later-than-request'
  | 'kind-invalid'
  | 'outcome-not-of-kind'
  | 'task-key-mismatch'
  | 'effect-invalid'
  | 'lifted-by-required';

export interface RecordProblem {
  code: RecordProblemCode;
  field?: string;
  /** error: the derivations skip the row; warning: shown, the row is used */
  severity: 'error' | 'warning';
}

const blank = (s: unknown): boolean => typeof s !== 'string' || s.trim() === '';
const positiveFen = (n: unknown): boolean => typeof n === 'number' && Number.isSafeInteger(n) && n > 0;
const isTerm = (n: unknown): boolean => typeof n === 'number' && Number.isSafeInteger(n) && n >= 0 && n <= 3660;

function dates(out: RecordProblem[], row: object, fields: readonly string[], required: boolean) {
  const r = row as Record<string, unknown>;
  for (const field of fields) {
    const v = r[field];
    if (v === undefined || v === null || v === '') {
      if (required) out.push({ code: 'date-invalid', field, severity: 'error' });
    } else if (Number.isNaN(tryDay(v))) {
      out.push({ code: 'date-invalid', field, severity: required ? 'error' : 'warning' });
    }
  }
}

export function checkCreditSaleRow(s: CreditSaleRow): RecordProblem[] {
  const out: RecordProblem[] = [];
  if (blank(s.customerId)) out.push({ code: 'customer-required', field: 'customerId', severity: 'error' });
  dates(out, s, ['shipDate'], true);
  dates(out, s, ['dueDate', 'deliveryConfirmedOn'], false);
  if (!positiveFen(s.amount)) out.push({ code: 'amount-not-positive', field: 'amount', severity: 'error' });
  if (!isTerm(s.termDays)) out.push({ code: 'term-invalid', field: 'termDays', severity: 'error' });
  if (s.dueDate && s.dueDate < s.shipDate) out.push({ code: 'due-before-ship', field: 'dueDate', severity: 'warning' });
  return out;
}

export function checkPaymentRow(p: PaymentRow): RecordProblem[] {
  const out: RecordProblem[] = [];
  if (blank(p.customerId)) out.push({ code: 'customer-required', field: 'customerId', severity: 'error' });
  dates(out, p, ['paidOn'], true);
  if (!positiveFen(p.amount)) out.push({ code: 'amount-not-positive', field: 'amount', severity: 'error' });
  if (p.allocations !== undefined) {
    if (!Array.isArray(p.allocations) || p.allocations.some((l) => !l || blank(l.saleId) || !positiveFen(l.amount))) {
      out.push({ code: 'allocation-invalid', field: 'allocations', severity: 'warning' });
    } else if (p.allocations.reduce((sum, l) => sum + l.amount, 0) > p.amount) {
      out.push({ code: 'allocations-exceed-amount', field: 'allocations', severity: 'warning' });
    }
  }
  return out;
}

export function checkExtensionRow(x: ExtensionRequestRow): RecordProblem[] {
  const out: RecordProblem[] = [];
  if (blank(x.saleId)) out.push({ code: 'sale-required', field: 'saleId', severity: 'error' });
  dates(out, x, ['requestedOn', 'requestedDueDate'], true);
  dates(out, x, ['decidedOn', 'approvedDueDate'], false);
  if (blank(x.reason)) out.push({ code: 'reason-required', field: 'reason', severity: 'warning' });
  if (x.status === 'approved' || x.status === 'rejected') {
    if (blank(x.decidedBy) || !x.decidedOn) out.push({ code: 'decision-incomplete', field: 'decidedBy', severity: 'warning' });
  }
  if (x.requestedDueDate && x.requestedOn && x.requestedDueDate <= x.requestedOn) {
    out.push({ code: 'new-due-not-later-than-request', field: 'requestedDueDate', severity: 'warning' });
  }
  return out;
}

export function checkTaskDoneRow(t: LadderTaskDoneRow): RecordProblem[] {
  const out: RecordProblem[] = [];
  if (blank(t.saleId)) out.push({ code: 'sale-required', field: 'saleId', severity: 'error' });
  dates(out, t, ['doneOn'], true);
  dates(out, t, ['promisedOn'], false);
  if (!(TASK_KINDS as readonly string[]).includes(t.kind)) out.push({ code: 'kind-invalid', field: 'kind', severity: 'error' });
  else if (!(TASK_OUTCOMES[t.kind] as readonly string[]).includes(t.outcome)) {
    out.push({ code: 'outcome-not-of-kind', field: 'outcome', severity: 'error' });
  }
  const prefix = `${t.saleId}:${t.kind}`;
  if (typeof t.taskKey !== 'string' || (t.taskKey !== prefix && !t.taskKey.startsWith(`${prefix}:`))) {
    out.push({ code: 'task-key-mismatch', field: 'taskKey', severity: 'error' });
  }
  return out;
}

export function checkLiftRow(l: LadderEffectLiftRow): RecordProblem[] {
  const out: RecordProblem[] = [];
  if (blank(l.customerId)) out.push({ code: 'customer-required', field: 'customerId', severity: 'error' });
  if (!(LADDER_EFFECTS as readonly string[]).includes(l.effect)) out.push({ code: 'effect-invalid', field: 'effect', severity: 'error' });
  dates(out, l, ['liftedOn'], true);
  if (blank(l.liftedBy)) out.push({ code: 'lifted-by-required', field: 'liftedBy', severity: 'error' });
  if (blank(l.reason)) out.push({ code: 'reason-required', field: 'reason', severity: 'error' });
  return out;
}

export function checkAgreementRow(a: CreditAgreementRow): RecordProblem[] {
  const out: RecordProblem[] = [];
  if (blank(a.customerId)) out.push({ code: 'customer-required', field: 'customerId', severity: 'error' });
  if (typeof a.limit !== 'number' || !Number.isSafeInteger(a.limit) || a.limit < 0) {
    out.push({ code: 'limit-negative', field: 'limit', severity: 'error' });
  }
  if (!isTerm(a.termDays)) out.push({ code: 'term-invalid', field: 'termDays', severity: 'error' });
  dates(out, a, ['startDate', 'endDate'], true);
  dates(out, a, ['signedOn'], false);
  if (a.startDate && a.endDate && a.startDate > a.endDate) out.push({ code: 'start-after-end', field: 'endDate', severity: 'error' });
  return out;
}

type RowOf = {
  creditAgreements: CreditAgreementRow;
  creditSales: CreditSaleRow;
  payments: PaymentRow;
  extensionRequests: ExtensionRequestRow;
  ladderTasksDone: LadderTaskDoneRow;
  ladderEffectLifts: LadderEffectLiftRow;
};

const CHECKS: { [T in ReceivableTable]: (row: RowOf[T]) => RecordProblem[] } = {
  creditAgreements: checkAgreementRow,
  creditSales: checkCreditSaleRow,
  payments: checkPaymentRow,
  extensionRequests: checkExtensionRow,
  ladderTasksDone: checkTaskDoneRow,
  ladderEffectLifts: checkLiftRow
};

/** The problems of a whole record of a receivables table (empty when it is fine). */
export function checkReceivableRecord<T extends ReceivableTable>(table: T, row: RowOf[T]): RecordProblem[] {
  if (!(RECEIVABLE_TABLES as readonly string[]).includes(table)) throw new RangeError(`not a receivables table: ${table}`);
  return CHECKS[table](row);
}

export const hasError = (problems: readonly RecordProblem[]): boolean => problems.some((p) => p.severity === 'error');
