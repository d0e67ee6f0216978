/**
 * Working-day service levels (service.md "Complaints"; rules in shared/fixtures/service/README.md).
 *
 * A day is a working day when it is a make-up working day (调休, `workdays`), or else when it is
 * neither a weekend day (ISO weekday in `weekend`, 1 Monday … 7 Sunday) nor a public holiday.
 * "Within N working days" of a start moment ends at the end of the Nth working day after the
 * start's date: the start's own date never counts, whatever the hour, and paused days (waiting on
 * the customer) do not count. N = 0 means the start's own date. `late` = done after the deadline's
 * date; not done yet, late once today is after it.
 *
 * Pauses: a pause from A (waiting on the customer began) to B (the clock resumed) pauses the days
 * A … B − 1; the day it resumes counts. A pause with no end pauses every day from A: a deadline
 * that falls on or after A is then unknown (`null`, "paused").
 */
import { isoOf, isoWeekday, type Day } from '../dates';
import { Checker, todayOf, type Outcome } from './problems';

export interface HolidayCalendar {
  /** ISO weekdays of the weekend; [6, 7] when absent */
  weekend?: readonly number[];
  holidays?: readonly string[];
  /** make-up working days (调休) */
  workdays?: readonly string[];
}

export interface WorkCalendar {
  readonly weekend: ReadonlySet<number>;
  readonly holidays: ReadonlySet<Day>;
  readonly workdays: ReadonlySet<Day>;
}

/** A deadline further than this many calendar days means the calendar has no working days. */
export const SEARCH_LIMIT_DAYS = 3660;

export function compileCalendar(cal: HolidayCalendar, c: Checker = new Checker()): Outcome<WorkCalendar> {
  const weekend = cal.weekend ?? [6, 7];
  weekend.forEach((w, i) => c.whole(w, `calendar.weekend[${i}]`, 1, 7));
  const holidays = (cal.holidays ?? []).map((d, i) => c.day(d, `calendar.holidays[${i}]`));
  const workdays = (cal.workdays ?? []).map((d, i) => c.day(d, `calendar.workdays[${i}]`));
  return c.result(() => ({ weekend: new Set(weekend), holidays: new Set(holidays), workdays: new Set(workdays) }));
}

export function isWorkingDay(cal: WorkCalendar, day: Day): boolean {
  if (cal.workdays.has(day)) return true;
  return !cal.weekend.has(isoWeekday(day)) && !cal.holidays.has(day);
}

export interface Pause {
  from: string;
  /** the day the clock resumed; absent while still waiting */
  to?: string | null;
}

/** Paused days as a predicate, from checked pauses. */
export interface PausedDays {
  has(day: Day): boolean;
  /** the first day of a pause still open, or null */
  openFrom: Day | null;
}

export function pausedDays(pauses: readonly Pause[], c: Checker = new Checker(), notAfter?: Day): PausedDays {
  const spans: [Day, Day][] = [];
  let openFrom: Day | null = null;
  pauses.forEach((p, i) => {
    const from = c.day(p.from, `pauses[${i}].from`, notAfter);
    if (p.to == null) {
      openFrom = openFrom === null ? from : Math.min(openFrom, from);
      return;
    }
    const to = c.day(p.to, `pauses[${i}].to`, notAfter);
    if (to < from) c.push('invalid-date', `pauses[${i}].to`, p.to);
    else spans.push([from, to - 1]);
  });
  const open = openFrom as Day | null;
  return { has: (day) => (open !== null && day >= open) || spans.some(([a, b]) => day >= a && day <= b), openFrom: open };
}

/** Paused days given as a list of dates (the case file's `pausedDays`). */
export function pausedDayList(days: readonly Day[]): PausedDays {
  const set = new Set(days);
  return { has: (d) => set.has(d), openFrom: null };
}

/**
 * The Nth working, unpaused day after `start` (its own day never counts); `start` itself when
 * n = 0; null when it falls in an open pause; 'none' when no such day within the search limit.
 */
export function addWorkingDays(cal: WorkCalendar, start: Day, n: number, paused: PausedDays): Day | null | 'none' {
  if (n === 0) return start;
  let count = 0;
  for (let d = start + 1; d <= start + SEARCH_LIMIT_DAYS; d++) {
    if (paused.openFrom !== null && d >= paused.openFrom) return null;
    if (paused.has(d) || !isWorkingDay(cal, d)) continue;
    if (++count === n) return d;
  }
  return 'none';
}

/** Working, unpaused days after `from` up to and including `to` (0 when `to` ≤ `from`). */
export function workingDaysBetween(cal: WorkCalendar, from: Day, to: Day, paused: PausedDays): number {
  let n = 0;
  for (let d = from + 1; d <= to && d <= from + SEARCH_LIMIT_DAYS; d++) if (!paused.has(d) && isWorkingDay(cal, d)) n++;
  return n;
}

export interface ServiceLevelInput {
  calendar: HolidayCalendar;
  /** date or date-time the clock started */
  start: string;
  workingDays: number;
  pauses?: readonly Pause[];
  /** alternatively, the paused days themselves */
  pausedDays?: readonly string[];
  doneOn?: string | null;
  /** needed to say whether an open step is late */
  today?: string | null;
}

export interface ServiceLevelResult {
  /** the last day it may be done; null while an open pause holds the clock */
  deadline: string | null;
  /** done after the deadline, or not done and today after it; null when neither can be known */
  late: boolean | null;
  /** working days past the deadline (0 when on time) */
  workingDaysLate: number;
}

export function serviceLevel(input: ServiceLevelInput): Outcome<ServiceLevelResult> {
  const c = new Checker();
  const today = input.today == null ? null : todayOf(input.today);
  if (today && !today.ok) return today;
  const t = today ? today.value : undefined;
  const cal = compileCalendar(input.calendar, c);
  const start = c.day(input.start, 'start', t);
  const n = c.whole(input.workingDays, 'workingDays', 0, 366);
  const done = input.doneOn == null ? null : c.day(input.doneOn, 'doneOn', t);
  const list = (input.pausedDays ?? []).map((d, i) => c.day(d, `pausedDays[${i}]`));
  const pauses = pausedDays(input.pauses ?? [], c, t);
  if (!cal.ok || c.failed) return { ok: false, problems: c.problems };
  const listed = pausedDayList(list);
  const paused: PausedDays = { has: (d) => listed.has(d) || pauses.has(d), openFrom: pauses.openFrom };
  const deadline = addWorkingDays(cal.value, start, n, paused);
  if (deadline === 'none') return { ok: false, problems: [{ kind: 'no-working-day', at: 'calendar' }] };
  const upTo = done ?? t ?? null;
  const late = deadline === null || upTo === null ? (deadline === null ? false : null) : upTo > deadline;
  return {
    ok: true,
    value: {
      deadline: deadline === null ? null : isoOf(deadline),
      late,
      workingDaysLate: late && deadline !== null && upTo !== null ? workingDaysBetween(cal.value, deadline, upTo, paused) : 0
    }
  };
}
