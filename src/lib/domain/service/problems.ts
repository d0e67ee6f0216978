/**
 * Typed problems and the checked inputs of the service engine (../../../../../shared/domain/service.md).
 *
 * Every public rule of this folder returns `Outcome<T>`: either the whole result, or the list of
 * what was wrong with the input (a negative or absurd amount, a date in 2999, an unknown customer…),
 * never a partial result. A problem is data (kind, where, the value), so a screen can say it in
 * the user's language.
 *
 * Units: dates are ISO calendar dates `YYYY-MM-DD` (a date-time `YYYY-MM-DDTHH:mm[:ss]` counts as
 * its date), turned into day numbers with `../dates.ts`; money is integer fen
 * (`../money.ts`); "today" is always a parameter.
 */
import { dayOfMoment, tryDay, type Day } from '../dates';

export type ProblemKind =
  | 'invalid-date'
  | 'implausible-date'
  | 'future-date'
  | 'negative-amount'
  | 'absurd-amount'
  | 'invalid-number'
  | 'invalid-setting'
  | 'unknown-customer'
  | 'unknown-staff'
  | 'unknown-unit'
  | 'unit-cycle'
  | 'no-manager'
  | 'no-working-day'
  | 'step-out-of-order'
  | 'invalid-score';

export interface ServiceProblem {
  kind: ProblemKind;
  /** where: a field name, e.g. `purchases[3].date` */
  at: string;
  /** the offending value, as text */
  value?: string;
}

export type Outcome<T> = { ok: true; value: T } | { ok: false; problems: ServiceProblem[] };

export const ok = <T>(value: T): Outcome<T> => ({ ok: true, value });
export const fail = <T>(problems: ServiceProblem[]): Outcome<T> => ({ ok: false, problems });

/** The earliest date any rule accepts: older dates are typing mistakes. */
export const EARLIEST_DAY: Day = tryDay('1900-01-01');

/** Where a problem is; a function when the label is only worth building for a problem. */
export type Where = string | (() => string);
const label = (at: Where): string => (typeof at === 'string' ? at : at());

/**
 * Collects problems while reading input. `day(...)` checks a date: real, not before 1900, and,
 * with `notAfter`, not after that day (a purchase cannot be dated after today).
 */
export class Checker {
  readonly problems: ServiceProblem[] = [];
  push(kind: ProblemKind, where: Where, value?: unknown): void {
    const at = label(where);
    this.problems.push(value === undefined ? { kind, at } : { kind, at, value: String(value) });
  }
  day(s: unknown, at: Where, notAfter?: Day): Day {
    const d = dayOfMoment(s);
    if (Number.isNaN(d)) this.push('invalid-date', at, s);
    else if (d < EARLIEST_DAY) this.push('implausible-date', at, s);
    else if (notAfter !== undefined && d > notAfter) this.push('future-date', at, s);
    else return d;
    return Number.NaN;
  }
  /** A whole number within [min, max], else an `invalid-setting` problem. */
  whole(v: unknown, at: string, min: number, max: number): number {
    if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) {
      this.push('invalid-setting', at, v);
      return Number.NaN;
    }
    return v;
  }
  /** A finite number ≥ 0 and ≤ max (volumes), else `invalid-number`. */
  quantity(v: unknown, at: Where, max: number): number {
    if (typeof v !== 'number' || !Number.isFinite(v)) this.push('invalid-number', at, v);
    else if (v < 0) this.push('negative-amount', at, v);
    else if (v > max) this.push('absurd-amount', at, v);
    else return v;
    return Number.NaN;
  }
  get failed(): boolean {
    return this.problems.length > 0;
  }
  result<T>(make: () => T): Outcome<T> {
    return this.failed ? fail(this.problems) : ok(make());
  }
}

/** Today as a day number, or a problem outcome. */
export function todayOf(today: string): Outcome<Day> {
  const d = dayOfMoment(today);
  if (Number.isNaN(d)) return fail([{ kind: 'invalid-date', at: 'today', value: String(today) }]);
  if (d < EARLIEST_DAY) return fail([{ kind: 'implausible-date', at: 'today', value: today }]);
  return ok(d);
}

/** The problems as one line of text, for the case runner and logs (screens translate `kind`). */
export const describeProblems = (problems: readonly ServiceProblem[]): string =>
  problems.map((p) => `${p.kind} at ${p.at}${p.value === undefined ? '' : ` (${p.value})`}`).join('; ');
