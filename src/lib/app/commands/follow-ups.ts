/** Contacts made with a customer (维护回访): logging one, and marking a planned one done. */
import type { FollowUp } from '$lib/domain/records/types';
import { insert, run, update, type CommandResult, type WriteTarget } from './command';

export type FollowUpDraft = Pick<FollowUp, 'customerId' | 'at' | 'channel' | 'done'> &
  Partial<Pick<FollowUp, 'staffId' | 'contactId' | 'purpose' | 'outcome' | 'nextStep' | 'nextDate'>>;

/** A contact logged (done, or planned when its time is ahead); blank texts are left out. */
export function logContact(ws: WriteTarget, draft: FollowUpDraft): Promise<CommandResult> {
  const record: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(draft)) {
    if (v === undefined || v === '') continue;
    record[k] = typeof v === 'string' ? v.trim() : v;
  }
  return run(ws.writes, 'change.add', [insert('followUps', record as FollowUpDraft)]);
}

export function markFollowUpDone(ws: WriteTarget, id: string): Promise<CommandResult> {
  return run(ws.writes, 'change.edit', [update('followUps', id, { done: true })]);
}
