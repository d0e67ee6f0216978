/**
 * The last stage of the receivables generator: what the collectors did on the ladder (tasks done,
 * with their outcomes and retries), the overdue causes they classified, and a few manager lifts.
 */
import { addDays, dayOf, isoOf } from '$lib/domain/dates';
import { LADDER_DAYS, taskKey } from '$lib/domain/receivables/ladder';
import type { Rng } from '$lib/domain/records/rng';
import type { CreditSaleRow, LadderEffectLiftRow, LadderTaskDoneRow, TaskKind, TaskOutcome } from '$lib/domain/receivables/types';
import type { Book, Gen, Sold } from './receivables';

const OUTCOME_OF: Record<TaskKind, readonly TaskOutcome[]> = {
  'confirm-delivery': ['arrived-satisfied', 'arrived-satisfied', 'arrived-with-issue'],
  'pre-due-reminder': ['payment-date-agreed', 'will-pay-on-time', 'payment-date-agreed'],
  'overdue-notice': ['notice-sent', 'payment-promised', 'disputed'],
  'collection-letter': ['letter-sent', 'payment-promised'],
  'field-visit': ['visited', 'special-case-opened', 'payment-promised']
};

/** Overdue causes, ladder tasks done and a few manager lifts. */
export function makeLadderWork(g: Gen, book: Book, sold: Sold): { done: LadderTaskDoneRow[]; lifts: LadderEffectLiftRow[] } {
  const { dRng, ids, today } = g;
  const { sales, dueOf, paidDay, epochOf } = sold;
  const done: LadderTaskDoneRow[] = [];
  const lifts: LadderEffectLiftRow[] = [];
  const liftedCustomers = new Set<number>();
  const customerIndex = new Map(book.customerIds.map((id, c) => [id, c]));
  for (let i = 0; i < sales.length; i++) {
    const s = sales[i];
    const ship = dayOf(s.shipDate);
    if (ship > today) continue;
    const due = dueOf[i];
    const paid = paidDay[i];
    if (paid > due + 14 && due + 14 <= today) {
      const r = dRng.next();
      if (r < 0.3) s.overdueCause = 'non-credit';
      else if (r < 0.8) s.overdueCause = 'credit';
    }
    const steps: [TaskKind, number][] = [
      ['pre-due-reminder', Math.max(ship, due - LADDER_DAYS.preDue)],
      ['overdue-notice', due + LADDER_DAYS.overdueNotice],
      ['collection-letter', due + LADDER_DAYS.collectionLetter],
      ['field-visit', due + LADDER_DAYS.fieldVisit]
    ];
    if (!s.deliveryConfirmedOn) steps.unshift(['confirm-delivery', ship]);
    for (const [kind, on] of steps) {
      if (on >= today || on >= paid) continue;
      if (kind === 'pre-due-reminder' && !dRng.chance(0.7)) continue;
      if (!dRng.chance(0.85)) continue;
      const doneOn = Math.min(today, on + dRng.int(0, 3));
      const retry = dRng.chance(0.1);
      const outcome = retry ? (kind === 'confirm-delivery' ? 'no-answer' : retryOf(dRng, kind)) : dRng.pick(OUTCOME_OF[kind]);
      done.push(doneRow(ids.done(), s, kind, epochOf[i], outcome, doneOn));
    }
    const blacklistDay = due + LADDER_DAYS.blacklist;
    const c = customerIndex.get(s.customerId)!;
    if (paid > blacklistDay && blacklistDay < today && !liftedCustomers.has(c) && dRng.chance(0.1)) {
      liftedCustomers.add(c);
      lifts.push({
        id: ids.lift(),
        deleted: 0,
        customerId: s.customerId,
        effect: dRng.chance(0.5) ? 'blacklist' : 'stop-shipment',
        liftedOn: isoOf(Math.min(today, blacklistDay + dRng.int(1, 20))),
        liftedBy: 'staff-manager',
        reason: '客户已签还款计划，经理批准恢复'
      });
    }
  }
  return { done, lifts };
}

function retryOf(dRng: Rng, kind: TaskKind): TaskOutcome {
  return kind === 'overdue-notice' || kind === 'pre-due-reminder' ? 'no-answer' : dRng.pick(OUTCOME_OF[kind]);
}

function doneRow(id: string, s: CreditSaleRow, kind: TaskKind, epoch: number, outcome: TaskOutcome, day: number): LadderTaskDoneRow {
  const row: LadderTaskDoneRow = {
    id,
    deleted: 0,
    customerId: s.customerId,
    saleId: s.id,
    taskKey: taskKey(s.id, kind, epoch),
    kind,
    outcome,
    doneOn: isoOf(day),
    doneBy: 'staff-collector'
  };
  if (outcome === 'payment-date-agreed' || outcome === 'payment-promised') row.promisedOn = addDays(row.doneOn, 7);
  return row;
}
