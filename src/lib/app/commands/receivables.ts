/**
 * Receivables commands (receivables.md): agreements, credit sales (with a manager's override in
 * the same write), payments with their allocation, extension requests and decisions, ladder lifts
 * and the outcomes of Today's tasks. Each is one write, so one undo, and refuses bad input with
 * its own message before anything is written.
 */
import type { Fen } from '$lib/domain/money';
import type { ExtensionStatus, LadderEffect, PaymentAllocation, PaymentMethod } from '$lib/domain/receivables/types';
import type { TaskDoneWrite } from '$lib/domain/receivables/today';
import type { Mutation } from '$lib/db/write-path';
import { COLLECTION_TEMPLATES_SETTING, type CollectionTemplates } from '$lib/app/receivables/collection-docs';
import { saveSetting } from './settings';
import { CommandError, insert, run, update, type CommandResult, type Draft, type Patch, type WriteTarget } from './command';

export interface AgreementDraft {
  customerId: string | undefined;
  agreementNo?: string;
  limit: Fen | null;
  termDays: number;
  startDate: string;
  endDate: string;
}

/** A credit agreement: a known customer, a positive limit, a whole number of days, dates in order. */
export function addAgreement(ws: WriteTarget, a: AgreementDraft): Promise<CommandResult> {
  return run(ws.writes, 'change.add', () => {
    if (!a.customerId) throw new CommandError('customer.notFound');
    if (a.limit === null || a.limit <= 0) throw new CommandError('agreements.bad-limit');
    if (!Number.isSafeInteger(a.termDays) || a.termDays < 1) throw new CommandError('agreements.bad-term');
    if (!a.startDate || !a.endDate || a.endDate < a.startDate) throw new CommandError('agreements.bad-dates');
    const record: Draft<'creditAgreements'> = {
      customerId: a.customerId,
      limit: a.limit,
      termDays: a.termDays,
      startDate: a.startDate,
      endDate: a.endDate
    };
    if (a.agreementNo?.trim()) record.agreementNo = a.agreementNo.trim();
    return [insert('creditAgreements', record)];
  });
}

/**
 * A credit sale, and the manager's override that let it through when it was stopped, in one write
 * (`creditSaleRecords` in app/receivables/rules.ts decides both).
 */
export function recordCreditSale(ws: WriteTarget, sale: Draft<'creditSales'>, override: Draft<'creditOverrides'> | null): Promise<CommandResult> {
  const mutations: Mutation[] = [insert('creditSales', sale)];
  if (override) mutations.push(insert('creditOverrides', override));
  return run(ws.writes, 'change.add', mutations);
}

export interface PaymentDraft {
  customerId: string;
  paidOn: string;
  amount: Fen | null;
  method: PaymentMethod;
  reference?: string;
  /** stored only when a person changed the oldest-first default */
  allocations?: PaymentAllocation[] | null;
}

/** A payment received: a positive amount; its allocation when a person chose one. */
export function recordPayment(ws: WriteTarget, p: PaymentDraft): Promise<CommandResult> {
  return run(ws.writes, 'change.add', () => {
    if (p.amount === null || p.amount <= 0) throw new CommandError('sale.bad-amount');
    const record: Draft<'payments'> = { customerId: p.customerId, paidOn: p.paidOn, amount: p.amount, method: p.method };
    if (p.reference?.trim()) record.reference = p.reference.trim();
    if (p.allocations) record.allocations = p.allocations;
    return [insert('payments', record)];
  });
}

/** An extension request, made today, for a later due date, with a reason. */
export function requestExtension(
  ws: WriteTarget,
  r: { customerId: string; saleId: string; dueDate: string; requestedOn: string; requestedDueDate: string; reason: string }
): Promise<CommandResult> {
  return run(ws.writes, 'change.add', () => {
    if (!r.requestedDueDate || r.requestedDueDate <= r.dueDate) throw new CommandError('ext.bad-date');
    if (!r.reason.trim()) throw new CommandError('mgr.reason-required');
    return [
      insert('extensionRequests', {
        customerId: r.customerId,
        saleId: r.saleId,
        requestedOn: r.requestedOn,
        requestedDueDate: r.requestedDueDate,
        reason: r.reason.trim(),
        status: 'requested'
      })
    ];
  });
}

/**
 * A manager's decision on an extension request (the manager is checked by the screen, which lists
 * the problems); an approved due date other than the one requested must still be later than the
 * sale's due date.
 */
export function decideExtension(
  ws: WriteTarget,
  d: {
    id: string;
    status: Exclude<ExtensionStatus, 'requested'>;
    managerId: string;
    decidedOn: string;
    note: string;
    dueDate: string;
    requestedDueDate?: string;
    approvedDueDate?: string;
  }
): Promise<CommandResult> {
  return run(ws.writes, 'change.edit', () => {
    const patch: Patch<'extensionRequests'> = { status: d.status, decidedBy: d.managerId, decidedOn: d.decidedOn };
    if (d.note.trim()) patch.decisionNote = d.note.trim();
    if (d.status === 'approved' && d.approvedDueDate && d.approvedDueDate !== d.requestedDueDate) {
      if (d.approvedDueDate <= d.dueDate) throw new CommandError('ext.bad-date');
      patch.approvedDueDate = d.approvedDueDate;
    }
    return [update('extensionRequests', d.id, patch)];
  });
}

/** A ladder effect (bad credit, stop shipment, blacklist) lifted by a manager, with a reason. */
export function liftEffect(
  ws: WriteTarget,
  l: { customerId: string; effect: LadderEffect; liftedOn: string; liftedBy: string; reason: string }
): Promise<CommandResult> {
  return run(ws.writes, 'change.add', [insert('ladderEffectLifts', { ...l, reason: l.reason.trim() })]);
}

/** The entry a task's outcome writes to the customer's follow-up log (texts in the user's language). */
export interface TaskLogEntry {
  /** when, as `YYYY-MM-DDTHH:mm` */
  at: string;
  channel: Draft<'followUps'>['channel'];
  /** the task done */
  purpose: string;
  /** its outcome */
  outcome: string;
  contactId?: string;
}

/**
 * The outcome of one of Today's tasks in one write (one undo): the ladder's done record
 * (`recordTaskDone`), what it sets on the sale, and the contact in the customer's follow-up log
 * (channel, outcome, who, when). Who did it is required.
 */
export function recordTaskOutcome(ws: WriteTarget, saleId: string, w: TaskDoneWrite, log: TaskLogEntry): Promise<CommandResult> {
  return run(ws.writes, 'change.add', () => {
    if (!w.done.doneBy) throw new CommandError('today.doneBy-required');
    const mutations: Mutation[] = [insert('ladderTasksDone', w.done as Draft<'ladderTasksDone'>)];
    if (w.salePatch) mutations.push(update('creditSales', saleId, w.salePatch as Patch<'creditSales'>));
    const entry: Draft<'followUps'> = {
      customerId: w.done.customerId,
      at: log.at,
      channel: log.channel,
      staffId: w.done.doneBy,
      purpose: log.purpose,
      outcome: log.outcome,
      done: true
    };
    if (log.contactId) entry.contactId = log.contactId;
    mutations.push(insert('followUps', entry));
    return mutations;
  });
}

/** The collection documents' templates (one settings record, written whole). */
export function saveCollectionTemplates(ws: WriteTarget, value: CollectionTemplates, exists: boolean): Promise<CommandResult> {
  return saveSetting(ws, COLLECTION_TEMPLATES_SETTING, value, exists);
}
