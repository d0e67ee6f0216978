/**
 * Complaints as the screens read them: the stored complaint and its events (complaint-fields.ts)
 * turned into the engine's input (`complaintStatus`), and the engine's answer joined back with what
 * people recorded. Pure: records, settings and today in, views out.
 *
 * - A step is done at its earliest `step` event (two people finishing it on two devices leave two
 *   events; the first counts). Undoing the move soft-deletes the event, so the step is open again.
 * - Pauses pair each `pause` with the next `resume` in time order; a `pause` with no `resume` after
 *   it is still open (the clock holds). Two pauses in a row count from the first.
 * - Escalations: the engine derives them from the dates; once a person acts on the complaint, the
 *   command stores those not yet stored as `escalation` events (`pendingEscalations`), so the
 *   history keeps them even if the calendar or the service levels change later. The history shows
 *   the stored ones and, until then, the derived ones.
 */
import { dayOfMoment } from '../dates';
import type { OrgUnitKind } from '../records/types';
import {
  COMPLAINT_STEPS,
  complaintStatus,
  unitChain,
  type ComplaintStatus,
  type ComplaintStep,
  type Escalation,
  type OrgUnitLink
} from './complaints';
import type { Complaint, ComplaintEvent } from './complaint-fields';
import { calendarOf, type ComplaintSettings } from './complaint-settings';
import type { ComplaintState } from './flags';
import type { ServiceProblem } from './problems';
import type { Pause } from './working-days';

/** The fields of a record the derivations read (the envelope beyond id and deleted is the write path's). */
export type ComplaintRow = Pick<Complaint, 'id' | 'customerId' | 'receivedAt'> & Partial<Complaint>;
export type EventRow = Pick<ComplaintEvent, 'id' | 'complaintId' | 'kind' | 'at'> & Partial<ComplaintEvent>;

export interface StepDone {
  at: string;
  staffId?: string;
  notes?: string;
  eventId: string;
}

/** An escalation as the history shows it: stored (kept) or derived and not yet stored. */
export interface KeptEscalation {
  step: ComplaintStep;
  why: 'late' | 'still-late';
  on: string;
  deadline: string;
  fromUnitId: string;
  toUnitId: string;
  kept: boolean;
}

export interface ComplaintView {
  complaint: ComplaintRow;
  /** its live events, oldest first */
  events: EventRow[];
  done: Partial<Record<ComplaintStep, StepDone>>;
  pauses: Pause[];
  /** waiting on the customer now (a pause not yet resumed) */
  paused: boolean;
  /** the first step not done; null when archived */
  current: ComplaintStep | null;
  /** the engine's answer, or null with its problems (no org unit, a date typed wrong…) */
  status: ComplaintStatus | null;
  problems: ServiceProblem[];
  /** the current step's deadline (null: no service level, or the clock is paused) */
  deadline: string | null;
  /** the current step is past its deadline */
  late: boolean;
  escalations: KeptEscalation[];
  /** the unit responsible now (after escalations), or the complaint's own */
  unitId: string | null;
}

const byTime = (a: EventRow, b: EventRow) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Live events per complaint, oldest first. */
export function eventsByComplaint(events: readonly EventRow[]): Map<string, EventRow[]> {
  const map = new Map<string, EventRow[]>();
  for (const e of events) {
    if (e.deleted) continue;
    const list = map.get(e.complaintId);
    if (list) list.push(e);
    else map.set(e.complaintId, [e]);
  }
  for (const list of map.values()) list.sort(byTime);
  return map;
}

/** Pause/resume events as the engine's pauses (dates), and whether one is still open. */
export function pausesOf(events: readonly EventRow[]): { pauses: Pause[]; paused: boolean } {
  const pauses: Pause[] = [];
  let open: string | null = null;
  for (const e of events) {
    if (e.kind === 'pause' && open === null) open = e.at.slice(0, 10);
    else if (e.kind === 'resume' && open !== null) {
      pauses.push({ from: open, to: e.at.slice(0, 10) });
      open = null;
    }
  }
  if (open !== null) pauses.push({ from: open, to: null });
  return { pauses, paused: open !== null };
}

function doneOf(events: readonly EventRow[]): Partial<Record<ComplaintStep, StepDone>> {
  const done: Partial<Record<ComplaintStep, StepDone>> = {};
  for (const e of events)
    if (e.kind === 'step' && e.step && !done[e.step]) done[e.step] = { at: e.at, staffId: e.staffId, notes: e.notes, eventId: e.id };
  return done;
}

const escalationKey = (e: { step?: string; why?: string }) => `${e.step}|${e.why}`;

function keptEscalations(events: readonly EventRow[], derived: readonly Escalation[]): KeptEscalation[] {
  const stored = events
    .filter((e) => e.kind === 'escalation' && e.step && e.why)
    .map((e): KeptEscalation => ({
      step: e.step!,
      why: e.why!,
      on: e.at.slice(0, 10),
      deadline: e.deadline ?? '',
      fromUnitId: e.fromUnitId ?? '',
      toUnitId: e.toUnitId ?? '',
      kept: true
    }));
  const keys = new Set(stored.map(escalationKey));
  const fresh = derived
    .filter((e) => !keys.has(escalationKey(e)))
    .map((e): KeptEscalation => ({
      step: e.step,
      why: e.why,
      on: e.on,
      deadline: e.deadline,
      fromUnitId: e.from.id,
      toUnitId: e.to.id,
      kept: false
    }));
  return [...stored, ...fresh].sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0));
}

export interface ComplaintContext {
  settings: ComplaintSettings;
  units: readonly OrgUnitLink[];
  today: string;
}

/** One complaint as the screens show it. */
export function complaintView(complaint: ComplaintRow, events: readonly EventRow[], ctx: ComplaintContext): ComplaintView {
  const done = doneOf(events);
  const { pauses, paused } = pausesOf(events);
  const current = COMPLAINT_STEPS.find((s) => !done[s]) ?? null;
  const chain = complaint.orgUnitId
    ? unitChain(ctx.units, complaint.orgUnitId)
    : { ok: false as const, problems: [{ kind: 'unknown-unit' as const, at: 'orgUnitId' }] };
  const input = {
    id: complaint.id,
    receivedAt: complaint.receivedAt,
    done: Object.fromEntries(COMPLAINT_STEPS.map((s) => [s, done[s]?.at ?? null])),
    pauses,
    chain: chain.ok ? chain.value : []
  };
  const result = complaintStatus(input, calendarOf(ctx.settings), ctx.today, ctx.settings.levels);
  const status = chain.ok && result.ok ? result.value : null;
  const problems = !chain.ok ? chain.problems : result.ok ? [] : result.problems;
  const step = status && current ? status.steps.find((s) => s.step === current) : undefined;
  return {
    complaint,
    events: [...events],
    done,
    pauses,
    paused,
    current,
    status,
    problems,
    deadline: step?.deadline ?? null,
    late: step?.late ?? false,
    escalations: keptEscalations(events, status?.escalations ?? []),
    unitId: status?.unit.id ?? complaint.orgUnitId ?? null
  };
}

/** Every live complaint as a view, newest first. */
export function complaintViews(complaints: readonly ComplaintRow[], events: readonly EventRow[], ctx: ComplaintContext): ComplaintView[] {
  const byComplaint = eventsByComplaint(events);
  return complaints
    .filter((k) => !k.deleted)
    .map((k) => complaintView(k, byComplaint.get(k.id) ?? [], ctx))
    .sort((a, b) => (a.complaint.receivedAt < b.complaint.receivedAt ? 1 : a.complaint.receivedAt > b.complaint.receivedAt ? -1 : 0));
}

/** The derived escalations a person's action should now store (not stored yet). */
export const pendingEscalations = (view: ComplaintView): KeptEscalation[] => view.escalations.filter((e) => !e.kept);

/** Open complaints whose current step's deadline has come (due today or late), most late first. */
export function dueComplaints(views: readonly ComplaintView[], today: string): ComplaintView[] {
  return views
    .filter((v) => v.current !== null && !v.paused && v.deadline !== null && v.deadline <= today)
    .sort((a, b) => (a.deadline! < b.deadline! ? -1 : a.deadline! > b.deadline! ? 1 : 0));
}

/**
 * Each complaint as the mood signal reads it (flags.ts `mood`): received, and closed when archived.
 * Deleted complaints and those with an unreadable receipt are left out.
 */
export function complaintStates(complaints: readonly ComplaintRow[], events: readonly EventRow[]): (ComplaintState & { customerId: string })[] {
  const byComplaint = eventsByComplaint(events);
  return complaints
    .filter((k) => !k.deleted && !Number.isNaN(dayOfMoment(k.receivedAt)))
    .map((k) => ({
      id: k.id,
      customerId: k.customerId,
      receivedAt: k.receivedAt,
      closedAt: doneOf(byComplaint.get(k.id) ?? []).archive?.at ?? null
    }));
}

/**
 * The customers with a complaint open on `today`: received on or before it and not archived by
 * it (the mood signal's "open complaint"). For the churn signals of the purchases screens.
 */
export function openComplaintCustomerIds(complaints: readonly ComplaintRow[], events: readonly EventRow[], today: string): Set<string> {
  const day = dayOfMoment(today);
  const ids = new Set<string>();
  for (const k of complaintStates(complaints, events)) {
    const received = dayOfMoment(k.receivedAt);
    const closed = k.closedAt == null ? Number.NaN : dayOfMoment(k.closedAt);
    if (received <= day && !(closed <= day)) ids.add(k.customerId);
  }
  return ids;
}

/** The kind of each unit, for naming a level ("site", "area", "company"). */
export const unitKindOf = (units: readonly OrgUnitLink[], id: string): OrgUnitKind | null => units.find((u) => u.id === id)?.kind ?? null;
