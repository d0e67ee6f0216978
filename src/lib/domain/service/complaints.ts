/**
 * The five-step complaint workflow and its escalation (service.md "Complaints"; essay 6: "加油站—片区—
 * 公司三级客户投诉快速反应机制 … 核实—审查—整改—回访—归档 … 每个环节都有专人负责").
 *
 * Steps run in order 核实 verify → 审查 review → 整改 rectify → 回访 revisit → 归档 archive; a step
 * cannot be done before the one ahead of it. Service levels (settings) are working days counted
 * from the complaint's receipt, so they are the promise the customer hears ("verified within 1
 * day, resolved within 3, visited again within 7"): defaults verify 1, review 3, rectify 3,
 * revisit 7, archive none. Counting and pauses follow `working-days.ts`.
 *
 * Escalation, level by level (site → area → company): a step escalates one level on the first day
 * it is late, and once more if it is still not done when a second period of its own length has
 * passed (deadline + N working days). Each escalation moves the complaint one unit up its chain of
 * org units and stops at the top; the list of escalations is what the complaint's history keeps.
 */
import { isoOf } from '../dates';
import type { OrgUnitKind } from '../records/types';
import { Checker, todayOf, type Outcome } from './problems';
import { addWorkingDays, compileCalendar, pausedDays, workingDaysBetween, type HolidayCalendar, type Pause } from './working-days';

export const COMPLAINT_STEPS = ['verify', 'review', 'rectify', 'revisit', 'archive'] as const;
export type ComplaintStep = (typeof COMPLAINT_STEPS)[number];

export const COMPLAINT_CHANNELS = ['suggestion-box', 'hotline', 'wechat', 'web', 'in-person', 'mystery-shopper'] as const;
export type ComplaintChannel = (typeof COMPLAINT_CHANNELS)[number];

/** Working days from receipt per step; null: no service level. */
export type ServiceLevels = Record<ComplaintStep, number | null>;
export const DEFAULT_SERVICE_LEVELS: ServiceLevels = { verify: 1, review: 3, rectify: 3, revisit: 7, archive: null };

export interface UnitRef {
  id: string;
  kind: OrgUnitKind;
}

export interface ComplaintInput {
  id: string;
  receivedAt: string;
  /** when each step was done (date or date-time) */
  done: Partial<Record<ComplaintStep, string | null>>;
  pauses?: readonly Pause[];
  /** the complaint's org unit first, then its parents up to the company (see `unitChain`) */
  chain: readonly UnitRef[];
}

export interface StepStatus {
  step: ComplaintStep;
  workingDays: number | null;
  deadline: string | null;
  doneOn: string | null;
  late: boolean;
  workingDaysLate: number;
  /** working days from receipt to done (null while open) */
  workingDaysTaken: number | null;
}

export interface Escalation {
  step: ComplaintStep;
  on: string;
  why: 'late' | 'still-late';
  deadline: string;
  from: UnitRef;
  to: UnitRef;
}

export interface ComplaintStatus {
  steps: StepStatus[];
  /** the first step not done, null when archived */
  current: ComplaintStep | null;
  escalations: Escalation[];
  /** the unit now responsible */
  unit: UnitRef;
}

function checkLevels(levels: ServiceLevels, c: Checker): void {
  for (const s of COMPLAINT_STEPS) if (levels[s] !== null) c.whole(levels[s], `serviceLevels.${s}`, 0, 366);
}

export function complaintStatus(
  k: ComplaintInput,
  calendar: HolidayCalendar,
  today: string,
  levels: ServiceLevels = DEFAULT_SERVICE_LEVELS
): Outcome<ComplaintStatus> {
  const t = todayOf(today);
  if (!t.ok) return t;
  const c = new Checker();
  const cal = compileCalendar(calendar, c);
  checkLevels(levels, c);
  const received = c.day(k.receivedAt, 'receivedAt', t.value);
  const paused = pausedDays(k.pauses ?? [], c, t.value);
  if (k.chain.length === 0) c.push('unknown-unit', 'chain');
  const doneDays = COMPLAINT_STEPS.map((s) => (k.done[s] == null ? null : c.day(k.done[s], `done.${s}`, t.value)));
  doneDays.forEach((d, i) => {
    if (d === null) return;
    const before = doneDays.slice(0, i);
    if (before.some((b) => b === null || b > d) || d < received)
      c.push('step-out-of-order', `done.${COMPLAINT_STEPS[i]}`, k.done[COMPLAINT_STEPS[i]]);
  });
  if (!cal.ok || c.failed) return { ok: false, problems: c.problems };
  const steps: StepStatus[] = [];
  const events: Omit<Escalation, 'from' | 'to'>[] = [];
  for (const [i, step] of COMPLAINT_STEPS.entries()) {
    const n = levels[step];
    const done = doneDays[i];
    const taken = done === null ? null : workingDaysBetween(cal.value, received, done, paused);
    const deadline = n === null ? null : addWorkingDays(cal.value, received, n, paused);
    if (deadline === 'none') return { ok: false, problems: [{ kind: 'no-working-day', at: 'calendar' }] };
    const upTo = done ?? t.value;
    const late = deadline !== null && upTo > deadline;
    steps.push({
      step,
      workingDays: n,
      deadline: deadline === null ? null : isoOf(deadline),
      doneOn: done === null ? null : isoOf(done),
      late,
      workingDaysLate: late ? workingDaysBetween(cal.value, deadline, upTo, paused) : 0,
      workingDaysTaken: taken
    });
    if (!late || deadline === null || n === null) continue;
    events.push({ step, on: isoOf(deadline + 1), why: 'late', deadline: isoOf(deadline) });
    const second = addWorkingDays(cal.value, deadline, Math.max(n, 1), paused);
    if (typeof second === 'number' && upTo > second) events.push({ step, on: isoOf(second + 1), why: 'still-late', deadline: isoOf(second) });
  }
  return { ok: true, value: escalate(steps, events, k.chain) };
}

function escalate(steps: StepStatus[], events: Omit<Escalation, 'from' | 'to'>[], chain: readonly UnitRef[]): ComplaintStatus {
  const ordered = events.map((e, i) => ({ e, i })).sort((a, b) => (a.e.on < b.e.on ? -1 : a.e.on > b.e.on ? 1 : a.i - b.i));
  const escalations: Escalation[] = [];
  let level = 0;
  for (const { e } of ordered) {
    if (level >= chain.length - 1) break;
    escalations.push({ ...e, from: chain[level], to: chain[level + 1] });
    level++;
  }
  const current = steps.find((s) => s.doneOn === null)?.step ?? null;
  return { steps, current, escalations, unit: chain[level] };
}

export interface OrgUnitLink {
  id: string;
  kind: OrgUnitKind;
  parentId?: string | null;
}

/** The unit and its parents up to the root; a problem for an unknown unit or a loop. */
export function unitChain(units: readonly OrgUnitLink[], id: string): Outcome<UnitRef[]> {
  const byId = new Map(units.map((u) => [u.id, u]));
  const chain: UnitRef[] = [];
  const seen = new Set<string>();
  let at: string | null | undefined = id;
  while (at != null) {
    const u = byId.get(at);
    if (!u) return { ok: false, problems: [{ kind: 'unknown-unit', at: 'orgUnitId', value: at }] };
    if (seen.has(at)) return { ok: false, problems: [{ kind: 'unit-cycle', at: 'orgUnitId', value: at }] };
    seen.add(at);
    chain.push({ id: u.id, kind: u.kind });
    at = u.parentId;
  }
  return { ok: true, value: chain };
}
