/**
 * Complaints (service.md "Complaints"): receiving one, doing its steps, pausing the clock while
 * waiting on the customer and resuming it, a note, and the complaint settings. Each is one write
 * (one undo). Every action on a complaint also stores the escalations the engine derived that are
 * not stored yet (`pendingEscalations`), in the same write, so the history keeps them.
 *
 * The rules (which step, when, paused or not) are the domain's (`complaint-rules.ts`); a refusal
 * is a `CommandError` in the user's language before anything is written.
 */
import { newId } from '$lib/db/ids';
import {
  checkComplaintSettings,
  COMPLAINT_SETTINGS_ID,
  noteProblem,
  pauseProblem,
  pendingEscalations,
  stepProblem,
  type Complaint,
  type ComplaintChannel,
  type ComplaintSettings,
  type ComplaintStep,
  type ComplaintView
} from '$lib/domain/service';
import { CommandError, insert, run, update, type CommandResult, type WriteTarget } from './command';
import type { Mutation } from '$lib/db/write-path';

export interface ComplaintDraft {
  customerId: string;
  orgUnitId: string;
  channel: ComplaintChannel | '';
  receivedAt: string;
  summary: string;
  details?: string;
  ownerId?: string;
}

const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/;

/** A new complaint, accepted at once (service.md: "accept at once"); returns its id. */
export async function receiveComplaint(ws: WriteTarget, draft: ComplaintDraft, today: string): Promise<CommandResult & { id?: string }> {
  const id = newId();
  const r = await run(ws.writes, 'change.add', () => {
    if (!draft.customerId) throw new CommandError('complaint.error.customer');
    if (!draft.orgUnitId) throw new CommandError('complaint.error.unit');
    if (!draft.channel) throw new CommandError('complaint.error.channel');
    if (!draft.summary.trim()) throw new CommandError('complaint.error.summary');
    if (!DATE_TIME.test(draft.receivedAt)) throw new CommandError('complaint.error.bad-time');
    if (draft.receivedAt.slice(0, 10) > today) throw new CommandError('complaint.error.after-today');
    const record: Partial<Complaint> & { id: string } = {
      id,
      customerId: draft.customerId,
      orgUnitId: draft.orgUnitId,
      channel: draft.channel,
      receivedAt: draft.receivedAt,
      summary: draft.summary.trim()
    };
    if (draft.details?.trim()) record.details = draft.details.trim();
    if (draft.ownerId) record.ownerId = draft.ownerId;
    return [insert('complaints', record)];
  });
  return r.ok ? { ...r, id } : r;
}

/** The escalations derived and not stored yet, as events of this write. */
function escalationEvents(view: ComplaintView): Mutation[] {
  return pendingEscalations(view).map((e) =>
    insert('complaintEvents', {
      complaintId: view.complaint.id,
      kind: 'escalation',
      at: e.on,
      step: e.step,
      why: e.why,
      deadline: e.deadline,
      fromUnitId: e.fromUnitId,
      toUnitId: e.toUnitId
    })
  );
}

export interface StepDraft {
  /** local date-time `YYYY-MM-DDTHH:mm` */
  at: string;
  staffId?: string;
  notes?: string;
}

/** Marks `step` done (it must be the current one); the board's move to the next column. */
export function completeStep(ws: WriteTarget, view: ComplaintView, step: ComplaintStep, draft: StepDraft, today: string): Promise<CommandResult> {
  return run(ws.writes, 'change.edit', () => {
    const problem = stepProblem(view, step, draft.at, today);
    if (problem) throw new CommandError(`complaint.error.${problem}`);
    if (!draft.staffId) throw new CommandError('complaint.error.staff');
    const event: Record<string, string> = { complaintId: view.complaint.id, kind: 'step', step, at: draft.at };
    if (draft.staffId) event.staffId = draft.staffId;
    if (draft.notes?.trim()) event.notes = draft.notes.trim();
    return [...escalationEvents(view), insert('complaintEvents', event)];
  });
}

/** Waiting on the customer begins (`pause`: the clock holds) or ends (`resume`). */
export function pauseOrResume(
  ws: WriteTarget,
  view: ComplaintView,
  kind: 'pause' | 'resume',
  draft: StepDraft,
  today: string
): Promise<CommandResult> {
  return run(ws.writes, 'change.edit', () => {
    const problem = pauseProblem(view, kind, draft.at, today);
    if (problem) throw new CommandError(`complaint.error.${problem}`);
    const event: Record<string, string> = { complaintId: view.complaint.id, kind, at: draft.at };
    if (draft.staffId) event.staffId = draft.staffId;
    if (draft.notes?.trim()) event.notes = draft.notes.trim();
    return [...escalationEvents(view), insert('complaintEvents', event)];
  });
}

/** A note in the complaint's history (what was said, what was found), at any step. */
export function addComplaintNote(ws: WriteTarget, view: ComplaintView, draft: StepDraft, today: string): Promise<CommandResult> {
  return run(ws.writes, 'change.edit', () => {
    if (!draft.notes?.trim()) throw new CommandError('complaint.error.note');
    const problem = noteProblem(view, draft.at, today);
    if (problem) throw new CommandError(`complaint.error.${problem}`);
    const event: Record<string, string> = { complaintId: view.complaint.id, kind: 'note', at: draft.at, notes: draft.notes.trim() };
    if (draft.staffId) event.staffId = draft.staffId;
    return [...escalationEvents(view), insert('complaintEvents', event)];
  });
}

/** Who is responsible now. */
export function assignComplaint(ws: WriteTarget, view: ComplaintView, ownerId: string): Promise<CommandResult> {
  return run(ws.writes, 'change.edit', () => [...escalationEvents(view), update('complaints', view.complaint.id, { ownerId: ownerId || undefined })]);
}

/** The service levels and the holiday calendar, checked whole, written whole. */
export function saveComplaintSettings(ws: WriteTarget, settings: ComplaintSettings, exists: boolean): Promise<CommandResult> {
  return run(ws.writes, 'change.settings', () => {
    const checked = checkComplaintSettings(settings);
    if (!checked.ok) throw new CommandError('complaintSettings.invalid', { where: checked.problems.map((p) => p.at).join(', ') });
    // plain data: a value read from reactive state holds proxies IndexedDB cannot store
    const value = JSON.parse(JSON.stringify(checked.value)) as ComplaintSettings;
    return [exists ? update('settings', COMPLAINT_SETTINGS_ID, { value }) : insert('settings', { id: COMPLAINT_SETTINGS_ID, value })];
  });
}
