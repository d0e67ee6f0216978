/**
 * The one dates module: ISO calendar dates `YYYY-MM-DD` as whole days. Every rule counts calendar
 * days, so the domain turns each ISO date into its day number (days since 1970-01-01, the proleptic
 * Gregorian calendar) and does integer arithmetic. No time zone: the date a person typed is the
 * day, and "today" is always a parameter, never the clock (`app/clock.svelte.ts` is the one source
 * of today; a lint rule forbids reading the date anywhere else). The few conversions from a `Date`
 * (the clock's local day, a workbook's date cell) are here too, so nothing else pads months.
 *
 * The conversion is Howard Hinnant's `days_from_civil` / `civil_from_days`, done by hand because it
 * runs hundreds of thousands of times per derivation and `Date.UTC` is several times slower.
 */

/** Days since 1970-01-01. */
export type Day = number;

/** A day number for an invalid or absent date: sorts after every real day. */
export const NEVER: Day = Number.POSITIVE_INFINITY;

function daysFromCivil(y: number, m: number, d: number): Day {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

const daysInMonth = (y: number, m: number): number =>
  m === 2 ? (y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28) : m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;

/** The day number of an ISO date, or NaN when it is not a real `YYYY-MM-DD` date. */
export function tryDay(iso: unknown): Day {
  if (typeof iso !== 'string' || iso.length !== 10) return Number.NaN;
  if (iso.charCodeAt(4) !== 45 || iso.charCodeAt(7) !== 45) return Number.NaN;
  let y = 0;
  for (let i = 0; i < 4; i++) {
    const c = iso.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return Number.NaN;
    y = y * 10 + c;
  }
  const m1 = iso.charCodeAt(5) - 48;
  const m2 = iso.charCodeAt(6) - 48;
  const d1 = iso.charCodeAt(8) - 48;
  const d2 = iso.charCodeAt(9) - 48;
  if (m1 < 0 || m1 > 9 || m2 < 0 || m2 > 9 || d1 < 0 || d1 > 9 || d2 < 0 || d2 > 9) return Number.NaN;
  const m = m1 * 10 + m2;
  const d = d1 * 10 + d2;
  if (m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return Number.NaN;
  return daysFromCivil(y, m, d);
}

/** The day number of an ISO date; a RangeError names the field when it is not one. */
export function dayOf(iso: string, label = 'date'): Day {
  const day = tryDay(iso);
  if (Number.isNaN(day)) throw new RangeError(`${label} is not a YYYY-MM-DD date: ${String(iso)}`);
  return day;
}

/** Year, month (1–12) and day of a day number. */
export function civilOf(day: Day): { y: number; m: number; d: number } {
  const z = day + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return { y: yoe + era * 400 + (m <= 2 ? 1 : 0), m, d };
}

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));

/** The ISO date of a day number. */
export function isoOf(day: Day): string {
  const { y, m, d } = civilOf(day);
  return `${String(y).padStart(4, '0')}-${pad2(m)}-${pad2(d)}`;
}

/** `iso` moved by `days` calendar days. */
export const addDays = (iso: string, days: number): string => isoOf(dayOf(iso) + days);

/** Calendar days from `from` to `to` (positive when `to` is later). */
export const daysBetween = (from: string, to: string): number => dayOf(to, 'to') - dayOf(from, 'from');

/** A month as a single integer: year × 12 + (month − 1). */
export type MonthIndex = number;

export function monthIndexOf(day: Day): MonthIndex {
  const { y, m } = civilOf(day);
  return y * 12 + m - 1;
}

/** The first day of a month index. */
export const monthStart = (month: MonthIndex): Day => daysFromCivil(Math.floor(month / 12), (month % 12) + 1, 1);

/** `YYYY-MM` of a month index. */
export const monthLabel = (month: MonthIndex): string => `${String(Math.floor(month / 12)).padStart(4, '0')}-${pad2((month % 12) + 1)}`;

/** Whether `text` is a real `YYYY-MM-DD` date. */
export const isIsoDate = (text: unknown): text is string => !Number.isNaN(tryDay(text));

/** `iso` moved by `years` calendar years, overflowing like `Date.UTC` (2028-02-29 + 1 → 2029-03-01). */
export function addYears(iso: string, years: number): string {
  const { y, m, d } = civilOf(dayOf(iso));
  return isoOf(daysFromCivil(y + years, m, 1) + d - 1);
}

/** The first day of the month `months` months before the month of `iso`. */
export const monthStartBefore = (iso: string, months: number): string => isoOf(monthStart(monthIndexOf(dayOf(iso)) - months));

const MONTH_TEXT = /^(\d{4})-(\d{2})$/;

/** `YYYY-MM` as a month index, or NaN. */
export function parseMonth(s: unknown): MonthIndex {
  const m = typeof s === 'string' ? MONTH_TEXT.exec(s) : null;
  if (!m || Number(m[2]) < 1 || Number(m[2]) > 12) return Number.NaN;
  return Number(m[1]) * 12 + Number(m[2]) - 1;
}

const TIME = /^[T ]\d{2}:\d{2}(:\d{2})?$/;

/** The day of an ISO date or date-time (`T` or a space; the hour never matters), or NaN. */
export function dayOfMoment(s: unknown): Day {
  if (typeof s !== 'string') return Number.NaN;
  // a plain date is the hot path (hundreds of thousands of purchases): no regular expression
  if (s.length === 10) return tryDay(s);
  if (!TIME.test(s.slice(10))) return Number.NaN;
  const h = Number(s.slice(11, 13));
  const m = Number(s.slice(14, 16));
  const sec = s.length > 16 ? Number(s.slice(17, 19)) : 0;
  if (h > 23 || m > 59 || sec > 59) return Number.NaN;
  return tryDay(s.slice(0, 10));
}

/** ISO weekday (1 Monday … 7 Sunday) of a day number; 1970-01-01 was a Thursday. */
export const isoWeekday = (day: Day): number => ((((day + 3) % 7) + 7) % 7) + 1;

/** `YYYYMMDD` of an ISO date (file names). */
export const compactIso = (iso: string): string => iso.replace(/-/g, '');

const DAY_MS = 86_400_000;

/** The local calendar date of an instant (the device's time zone). */
export function localIsoOf(d: Date): string {
  return `${String(d.getFullYear()).padStart(4, '0')}-${pad2(d.getMonth() + 1)}-${pad2(d.getDate())}`;
}

/** `YYYY-MM-DDTHH:MM` of an instant in local time (an `<input type="datetime-local">` value). */
export const localDateTimeOf = (d: Date): string => `${localIsoOf(d)}T${pad2(d.getHours())}:${pad2(d.getMinutes())}`;

/** The calendar date of an instant read as UTC (workbooks store dates without a zone), or null. */
export function utcIsoOf(d: Date | number): string | null {
  const ms = typeof d === 'number' ? d : d.getTime();
  return Number.isFinite(ms) ? isoOf(Math.floor(ms / DAY_MS)) : null;
}

/** Midnight UTC of an ISO date, as workbook writers want a date cell; null when it is not one. */
export function utcDateOf(iso: unknown): Date | null {
  const day = tryDay(iso);
  return Number.isNaN(day) ? null : new Date(day * DAY_MS);
}

/** The ISO date of an Excel serial day number (1900 system: 25569 is 1970-01-01). */
export const isoOfExcelSerial = (serial: number): string => isoOf(Math.floor(serial) - 25569);
