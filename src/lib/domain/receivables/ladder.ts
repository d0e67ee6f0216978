/**
 * The receivables tracking ladder (receivables.md, "The ladder"): where each open receivable
 * stands, which of its dated tasks are due, and the effects that follow by themselves.
 *
 * Everything is derived from the dates and "today" (a parameter), so it is right after any edit,
 * import or sync. Days are calendar days on the effective due date (after approved extensions);
 * `d` below is today − due date (positive: days overdue).
 *
 * Stages (position) of an open receivable, the first that applies:
 *   not-shipped   today before the ship date
 *   overdue-30    d ≥ 30          overdue-14  d ≥ 14        overdue-7  d ≥ 7       overdue  d ≥ 1
 *   pre-due       −7 ≤ d ≤ 0      (the due day itself is not overdue)
 *   just-shipped  within 7 days after shipping (ship day + 0…6)
 *   in-term       otherwise
 * and `settled` once the open amount is 0.
 *
 * Tasks, each falling due at the start of its day:
 *   confirm-delivery   on the ship date; cancelled once delivery is confirmed on the sale
 *   pre-due-reminder   7 days before due (or the ship date, when the term is shorter); expires
 *                      after the due date (the overdue steps take over: reminding someone that a
 *                      payment is coming due when it is already late is the wrong call)
 *   overdue-notice     7 days overdue          collection-letter  14 days overdue
 *   field-visit        30 days overdue
 * A task stays due until done. Paying in full cancels the remaining tasks; a partial payment keeps
 * them. One invoice has one current rung: of the tasks whose day has come, only the latest in
 * ladder order can be due (`currentRung`); it passes over the earlier ones. "Now and then ask how the goods are selling" has no date, so it is not a task: the stage
 * `in-term` stands for it. A task is done by a `LadderTaskDone` record dated on or before today;
 * a record with a retry outcome (no answer, goods not arrived) counts an attempt and hides the task
 * until the next day.
 *
 * Task keys are stable: `${saleId}:${kind}`, with `:e${n}` after n approved extensions for the
 * tasks that hang on the due date. Edits of amounts or dates keep a done task done; an extension
 * opens a fresh reminder before the new date.
 *
 * Effects, per sale, on the effective due date:
 *   bad-credit     not settled before due+7 (it was open at the start of that day, when the step
 *                  falls due; a payment later that day is a payment 7 days late) — a permanent entry
 *   stop-shipment  open today and ≥ 14 days overdue, unless its cause is classified non-credit;
 *                  ends by itself when the sale is paid
 *   blacklist      not settled before due+30 — stays after payment until a manager lifts it
 * An effect is lifted by a `LadderEffectLift` dated on or before today: for one sale (`saleId`),
 * or for every trigger dated on or before the lift. A later trigger applies the effect again.
 * receivables.md's "unless the cause is non-credit and being resolved" exempts only the stop; the
 * blacklist at 30 days has no such exception (a manager can lift it). The effects are in effects.ts.
 */
import { openOn, type SaleState } from './allocation';
import { isoOf, NEVER, tryDay, type Day } from '../dates';
import type { Fen } from '../money';
import { LADDER_DAYS } from './ladder-days';
import { RETRY_OUTCOMES, TASK_KINDS, type LadderTaskDoneRow, type TaskKind } from './types';

export { LADDER_DAYS } from './ladder-days';
export {
  collectEffects,
  EFFECT_AFTER,
  effectsOn,
  ladderEffects,
  liftFor,
  makeTrigger,
  noEffects,
  openAtStartOf,
  settleEffects,
  stopExempt,
  stopsShipping,
  type CustomerEffects,
  type EffectTrigger
} from './effects';

export const LADDER_STAGES = [
  'not-shipped',
  'just-shipped',
  'in-term',
  'pre-due',
  'overdue',
  'overdue-7',
  'overdue-14',
  'overdue-30',
  'settled'
] as const;
export type LadderStage = (typeof LADDER_STAGES)[number];

/** The task key of a sale's task; `epoch` is the number of extensions applied to its due date. */
export function taskKey(saleId: string, kind: TaskKind, epoch = 0): string {
  return kind === 'confirm-delivery' || epoch === 0 ? `${saleId}:${kind}` : `${saleId}:${kind}:e${epoch}`;
}

/** The stage of an open sale `d` days past its due date, from 1 day overdue (the overdue tasks' days). */
export function overdueStage(d: number): LadderStage {
  if (d >= LADDER_DAYS.fieldVisit) return 'overdue-30';
  if (d >= LADDER_DAYS.collectionLetter) return 'overdue-14';
  if (d >= LADDER_DAYS.overdueNotice) return 'overdue-7';
  return 'overdue';
}

function openStageOn(s: SaleState, day: Day): LadderStage {
  if (day < s.shipDay) return 'not-shipped';
  const d = day - s.dueDay;
  if (d >= 1) return overdueStage(d);
  if (d >= -LADDER_DAYS.preDue) return 'pre-due';
  if (day - s.shipDay < LADDER_DAYS.deliveryWindow) return 'just-shipped';
  return 'in-term';
}

/** The stage of a sale on `day`. */
export function stageOn(s: SaleState, day: Day): LadderStage {
  return day >= s.shipDay && openOn(s, day) === 0 ? 'settled' : openStageOn(s, day);
}

export interface LadderPosition {
  saleId: string;
  stage: LadderStage;
  /** index in LADDER_STAGES */
  rung: number;
  dueDate: string;
  /** today − due date: negative before the due date */
  daysPastDue: number;
  /** fen open today */
  open: Fen;
  settledOn: string | null;
  /** the next change of stage if nothing is paid, with its date */
  next: { stage: LadderStage; on: string } | null;
}

/** Where a sale stands on the ladder today (`today` as a day number or ISO date). */
export function ladderPosition(s: SaleState, today: Day | string): LadderPosition {
  const t = typeof today === 'string' ? tryDay(today) : today;
  if (Number.isNaN(t)) throw new RangeError(`today is not a YYYY-MM-DD date: ${String(today)}`);
  const stage = stageOn(s, t);
  let next: LadderPosition['next'] = null;
  if (stage !== 'settled' && stage !== 'overdue-30') {
    const candidates = [
      s.shipDay,
      s.shipDay + LADDER_DAYS.deliveryWindow,
      s.dueDay - LADDER_DAYS.preDue,
      s.dueDay + 1,
      s.dueDay + LADDER_DAYS.overdueNotice,
      s.dueDay + LADDER_DAYS.collectionLetter,
      s.dueDay + LADDER_DAYS.fieldVisit
    ]
      .filter((d) => d > t)
      .sort((a, b) => a - b);
    for (const d of candidates) {
      const later = openStageOn(s, d);
      if (later !== stage) {
        next = { stage: later, on: isoOf(d) };
        break;
      }
    }
  }
  return {
    saleId: s.sale.id,
    stage,
    rung: LADDER_STAGES.indexOf(stage),
    dueDate: isoOf(s.dueDay),
    daysPastDue: t - s.dueDay,
    open: openOn(s, t) as Fen,
    settledOn: s.settledDay === NEVER || s.settledDay > t ? null : isoOf(s.settledDay),
    next
  };
}

// ------------------------------------------------------------------ tasks

/** The first day a task of `kind` is due, for a sale shipped on `shipDay` and due on `dueDay`. */
export function taskDay(kind: TaskKind, shipDay: Day, dueDay: Day): Day {
  switch (kind) {
    case 'confirm-delivery':
      return shipDay;
    case 'pre-due-reminder':
      return Math.max(shipDay, dueDay - LADDER_DAYS.preDue);
    case 'overdue-notice':
      return dueDay + LADDER_DAYS.overdueNotice;
    case 'collection-letter':
      return dueDay + LADDER_DAYS.collectionLetter;
    case 'field-visit':
      return dueDay + LADDER_DAYS.fieldVisit;
  }
}

export interface DoneState {
  /** the record that closed the task (earliest non-retry outcome on or before today) */
  done: LadderTaskDoneRow | null;
  /** retry outcomes on or before today */
  attempts: number;
  /** the day of the latest attempt */
  lastAttemptDay: Day;
}

/** What the done-task records of one task key say as of `today`. */
export function doneState(found: LadderTaskDoneRow | readonly LadderTaskDoneRow[] | undefined, today: Day): DoneState {
  const state: DoneState = { done: null, attempts: 0, lastAttemptDay: -Infinity };
  if (!found) return state;
  const rows: readonly LadderTaskDoneRow[] = Array.isArray(found) ? found : [found as LadderTaskDoneRow];
  let doneDay = NEVER;
  for (const r of rows) {
    const day = tryDay(r.doneOn);
    if (!(day <= today)) continue;
    if (RETRY_OUTCOMES.has(r.outcome)) {
      state.attempts++;
      if (day > state.lastAttemptDay) state.lastAttemptDay = day;
    } else if (day < doneDay || (day === doneDay && state.done && r.id < state.done.id)) {
      doneDay = day;
      state.done = r;
    }
  }
  return state;
}

export type TaskStatus = 'upcoming' | 'due' | 'snoozed' | 'done' | 'expired' | 'cancelled';
export type TaskStatusReason = 'settled' | 'delivery-confirmed' | 'due-date-passed';

export interface LadderTask {
  key: string;
  kind: TaskKind;
  saleId: string;
  status: TaskStatus;
  reason?: TaskStatusReason;
  /** the day it falls due */
  on: string;
  /** the last day it can be done (pre-due reminder only) */
  until?: string;
  /** today − on (≥ 0 when due) */
  daysWaiting: number;
  attempts: number;
  done: LadderTaskDoneRow | null;
}

export interface LadderTaskPlan {
  saleId: string;
  /** all five, in ladder order, with their status */
  tasks: LadderTask[];
  /** the one due today: the current rung (`currentRung`), when it is not done or snoozed */
  due: LadderTask[];
}

/** Is a task of a sale with `open` fen open today cancelled, and why? (before its status by date; shared with `deriveToday`) */
export function cancelledBecause(
  kind: TaskKind,
  shipDay: Day,
  open: number,
  deliveryConfirmedOn: string | undefined,
  today: Day
): TaskStatusReason | null {
  if (open === 0 && today >= shipDay) return 'settled';
  if (kind === 'confirm-delivery' && deliveryConfirmedOn && tryDay(deliveryConfirmedOn) <= today) return 'delivery-confirmed';
  return null;
}

/** Has a task of `kind` on a sale due on `dueDay` expired today? (only the pre-due reminder does, after the due date) */
export const taskExpired = (kind: TaskKind, dueDay: Day, today: Day): boolean => kind === 'pre-due-reminder' && today > dueDay;

/** Status of a task not cancelled, by its day and its done records; shared with `deriveToday`. */
export function statusByDate(kind: TaskKind, on: Day, dueDay: Day, state: DoneState, today: Day): TaskStatus {
  if (state.done) return 'done';
  if (today < on) return 'upcoming';
  if (taskExpired(kind, dueDay, today)) return 'expired';
  if (state.lastAttemptDay >= today) return 'snoozed';
  return 'due';
}

export type DoneLookup = ReadonlyMap<string, LadderTaskDoneRow | readonly LadderTaskDoneRow[]> | readonly LadderTaskDoneRow[];

function doneIndex(done: DoneLookup): ReadonlyMap<string, LadderTaskDoneRow | readonly LadderTaskDoneRow[]> {
  if (!Array.isArray(done)) return done as ReadonlyMap<string, LadderTaskDoneRow | readonly LadderTaskDoneRow[]>;
  const map = new Map<string, LadderTaskDoneRow[]>();
  for (const r of done as readonly LadderTaskDoneRow[]) {
    if (r.deleted === 1) continue;
    const list = map.get(r.taskKey);
    if (list) list.push(r);
    else map.set(r.taskKey, [r]);
  }
  return map;
}

/**
 * One invoice, one current rung: of a sale's tasks whose day has come (and that have not expired
 * or been cancelled by themselves), only the latest in ladder order is current; the earlier ones
 * are passed over (a collection letter makes the unsent overdue notice moot). Returns the index
 * in TASK_KINDS of the current task, or -1. It is due today only when its own status is `due`
 * (done or snoozed: nothing of this sale is due today). Shared with `deriveToday`.
 */
export function currentRung(shipDay: Day, dueDay: Day, open: number, deliveryConfirmedOn: string | undefined, today: Day): number {
  for (let k = TASK_KINDS.length - 1; k >= 0; k--) {
    const kind = TASK_KINDS[k];
    if (taskDay(kind, shipDay, dueDay) > today || taskExpired(kind, dueDay, today)) continue;
    if (cancelledBecause(kind, shipDay, open, deliveryConfirmedOn, today) !== null) continue;
    return k;
  }
  return -1;
}

/** The five tasks of a sale with their status today, and the one due (its current rung, if due). */
export function ladderTasks(s: SaleState, done: DoneLookup, today: Day | string): LadderTaskPlan {
  const t = typeof today === 'string' ? tryDay(today) : today;
  if (Number.isNaN(t)) throw new RangeError(`today is not a YYYY-MM-DD date: ${String(today)}`);
  const index = doneIndex(done);
  const open = openOn(s, t);
  const tasks: LadderTask[] = TASK_KINDS.map((kind) => {
    const key = taskKey(s.sale.id, kind, s.epoch);
    const on = taskDay(kind, s.shipDay, s.dueDay);
    const state = doneState(index.get(key), t);
    const cancelled = state.done ? null : cancelledBecause(kind, s.shipDay, open, s.sale.deliveryConfirmedOn, t);
    const status: TaskStatus = cancelled ? 'cancelled' : statusByDate(kind, on, s.dueDay, state, t);
    const reason: TaskStatusReason | undefined = cancelled ?? (status === 'expired' ? 'due-date-passed' : undefined);
    const task: LadderTask = {
      key,
      kind,
      saleId: s.sale.id,
      status,
      on: isoOf(on),
      daysWaiting: t - on,
      attempts: state.attempts,
      done: state.done
    };
    if (reason) task.reason = reason;
    if (kind === 'pre-due-reminder') task.until = isoOf(s.dueDay);
    return task;
  });
  const k = currentRung(s.shipDay, s.dueDay, open, s.sale.deliveryConfirmedOn, t);
  return { saleId: s.sale.id, tasks, due: k >= 0 && tasks[k].status === 'due' ? [tasks[k]] : [] };
}
