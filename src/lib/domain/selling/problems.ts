/**
 * Typed problems and the checks every selling rule runs on its input before computing anything.
 * A rule returns `{ ok: true, value }` or `{ ok: false, problems }` and never a partial result: the
 * checks all run first, and the computation starts only when there is no problem.
 *
 * `path` names the offending field (`lines[3].discountPercent`), `value` is what was given, `code`
 * is stable for the screens' messages (zh-CN and en live in i18n, not here); `message` is the
 * English sentence used by tests and `npm run check:selling`.
 */
import { tryDay } from '../dates';
import { parseDecimal, type Decimal } from './exact';

export type SellingProblemCode =
  | 'not-an-amount'
  | 'negative-amount'
  | 'not-a-quantity'
  | 'negative-quantity'
  | 'percent-out-of-range'
  | 'not-a-date'
  | 'not-a-month'
  | 'range-reversed'
  | 'not-a-count'
  | 'unknown-stage'
  | 'unknown-template-stage'
  | 'bad-settings'
  | 'discount-exceeds-subtotal'
  | 'duplicate-id'
  | 'missing-id';

export interface SellingProblem {
  code: SellingProblemCode;
  path: string;
  value: unknown;
  message: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; problems: SellingProblem[] };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = <T>(problems: SellingProblem[]): Result<T> => ({ ok: false, problems });

const show = (v: unknown): string => (typeof v === 'string' ? JSON.stringify(v) : String(v));

/** Collects problems while a rule checks its input. */
export class Checker {
  readonly problems: SellingProblem[] = [];

  add(code: SellingProblemCode, path: string, value: unknown, message: string): void {
    this.problems.push({ code, path, value, message: `${path}: ${message} (got ${show(value)})` });
  }

  get clean(): boolean {
    return this.problems.length === 0;
  }

  /** A whole number of fen ≥ 0 (or any sign when `signed`). */
  fen(path: string, v: unknown, signed = false): number {
    if (typeof v !== 'number' || !Number.isSafeInteger(v)) {
      this.add('not-an-amount', path, v, 'not a whole number of fen');
      return 0;
    }
    if (!signed && v < 0) {
      this.add('negative-amount', path, v, 'an amount cannot be negative here');
      return 0;
    }
    return v;
  }

  /** A whole count ≥ 0. */
  count(path: string, v: unknown): number {
    if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 0) {
      this.add('not-a-count', path, v, 'not a whole number ≥ 0');
      return 0;
    }
    return v;
  }

  /** A percentage 0–100 (decimals allowed, exact), or 0–`max`. */
  percent(path: string, v: unknown, max = 100): Decimal {
    const d = typeof v === 'number' && Number.isFinite(v) ? parseDecimal(String(v)) : null;
    if (d === null || d.units < 0n || d.units > BigInt(max) * 10n ** BigInt(d.scale)) {
      this.add('percent-out-of-range', path, v, `a percentage must be between 0 and ${max}`);
      return { units: 0n, scale: 0 };
    }
    return d;
  }

  /** A quantity: a decimal string (or a finite number) ≥ 0, kept exact. */
  quantity(path: string, v: unknown): Decimal {
    const text = typeof v === 'number' && Number.isFinite(v) ? String(v) : v;
    const d = typeof text === 'string' ? parseDecimal(text.trim()) : null;
    if (d === null) {
      this.add('not-a-quantity', path, v, 'not a decimal quantity such as "12.5"');
      return { units: 0n, scale: 0 };
    }
    if (d.units < 0n) {
      this.add('negative-quantity', path, v, 'a quantity cannot be negative');
      return { units: 0n, scale: 0 };
    }
    return d;
  }

  /** An ISO date `YYYY-MM-DD`; its day number. */
  day(path: string, v: unknown): number {
    const day = tryDay(v);
    if (Number.isNaN(day)) {
      this.add('not-a-date', path, v, 'not a YYYY-MM-DD date');
      return 0;
    }
    return day;
  }

  /** A month `YYYY-MM`; the day number of its first day. */
  month(path: string, v: unknown): number {
    const day = typeof v === 'string' && v.length === 7 ? tryDay(`${v}-01`) : Number.NaN;
    if (Number.isNaN(day)) {
      this.add('not-a-month', path, v, 'not a YYYY-MM month');
      return 0;
    }
    return day;
  }

  /** A non-empty string id, unique within `seen` when given. */
  id(path: string, v: unknown, seen?: Set<string>): string {
    if (typeof v !== 'string' || v === '') {
      this.add('missing-id', path, v, 'not an id');
      return '';
    }
    if (seen) {
      if (seen.has(v)) this.add('duplicate-id', path, v, 'this id appears twice');
      seen.add(v);
    }
    return v;
  }
}
