import { describe, expect, it } from 'vitest';
import {
  addDays,
  addYears,
  civilOf,
  compactIso,
  dayOf,
  dayOfMoment,
  daysBetween,
  isIsoDate,
  isoOf,
  isoOfExcelSerial,
  isoWeekday,
  localDateTimeOf,
  localIsoOf,
  monthIndexOf,
  monthLabel,
  monthStart,
  monthStartBefore,
  parseMonth,
  tryDay,
  utcDateOf,
  utcIsoOf
} from './dates';

describe('calendar days', () => {
  it.each([
    ['1970-01-01', 0],
    ['1970-01-02', 1],
    ['1969-12-31', -1],
    ['2000-02-29', 11016],
    ['2026-03-01', 20513]
  ])('%s is day %i', (iso, day) => {
    expect(dayOf(iso)).toBe(day);
    expect(isoOf(day)).toBe(iso);
    expect(dayOf(iso)).toBe(Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8))) / 86_400_000);
  });

  it('round-trips every day for 400 years against Date.UTC', () => {
    for (let day = dayOf('1900-01-01'); day < dayOf('2300-01-01'); day += 1) {
      const iso = new Date(day * 86_400_000).toISOString().slice(0, 10);
      if (tryDay(iso) !== day || isoOf(day) !== iso) throw new Error(`mismatch at ${iso}`);
    }
  });

  it.each(['2026-02-29', '2026-13-01', '2026-00-10', '2026-04-31', '2026-1-05', '20260105', '', 'yesterday', '2026-03-0x'])('refuses %j', (text) => {
    expect(tryDay(text)).toBeNaN();
    expect(() => dayOf(text, 'shipDate')).toThrow(/shipDate/);
  });

  it('adds days across months, leap days and years', () => {
    expect(addDays('2026-03-01', 30)).toBe('2026-03-31');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addDays('2026-03-31', -31)).toBe('2026-02-28');
    expect(daysBetween('2026-03-31', '2026-04-07')).toBe(7);
    expect(civilOf(dayOf('2028-02-29'))).toEqual({ y: 2028, m: 2, d: 29 });
  });

  it('names months', () => {
    const m = monthIndexOf(dayOf('2026-03-17'));
    expect(monthLabel(m)).toBe('2026-03');
    expect(isoOf(monthStart(m))).toBe('2026-03-01');
    expect(isoOf(monthStart(m + 10))).toBe('2027-01-01');
  });
});

describe('dates from and to instants, and calendar steps', () => {
  it.each([
    ['2026-03-15', 1, '2027-03-15'],
    ['2028-02-29', 1, '2029-03-01'],
    ['2026-01-31', -1, '2025-01-31']
  ])('addYears(%s, %i) is %s', (iso, years, want) => expect(addYears(iso, years)).toBe(want));

  it.each([
    ['2026-03-15', 0, '2026-03-01'],
    ['2026-03-15', 2, '2026-01-01'],
    ['2026-01-31', 1, '2025-12-01'],
    ['2026-03-15', 14, '2025-01-01']
  ])('monthStartBefore(%s, %i) is %s', (iso, months, want) => expect(monthStartBefore(iso, months)).toBe(want));

  it('reads local dates and times of an instant', () => {
    const d = new Date(2026, 0, 5, 9, 7);
    expect(localIsoOf(d)).toBe('2026-01-05');
    expect(localDateTimeOf(d)).toBe('2026-01-05T09:07');
  });

  it('reads workbook dates as UTC and writes them back', () => {
    expect(utcIsoOf(new Date(Date.UTC(2026, 1, 28, 23, 59)))).toBe('2026-02-28');
    expect(utcIsoOf(new Date(Number.NaN))).toBeNull();
    expect(utcDateOf('2026-02-28')?.getTime()).toBe(Date.UTC(2026, 1, 28));
    expect(utcDateOf('2026-02-30')).toBeNull();
    expect(isoOfExcelSerial(25569)).toBe('1970-01-01');
    expect(isoOfExcelSerial(46000)).toBe('2025-12-09');
  });

  it.each([
    ['2026-02-28', true],
    ['2026-02-29', false],
    ['2026-2-28', false],
    [20260228, false]
  ])('isIsoDate(%s) is %s', (v, want) => expect(isIsoDate(v)).toBe(want));

  it('compacts a date for file names', () => expect(compactIso('2026-03-05')).toBe('20260305'));
});

describe('moments, weekdays and months', () => {
  it.each([
    ['2026-03-01', '2026-03-01'],
    ['2026-03-01T08:30', '2026-03-01'],
    ['2026-03-01 23:59:59', '2026-03-01'],
    ['2026-03-01T24:00', null],
    ['2026-03-01T08:60', null],
    ['2026-03-01T08:30:60', null],
    ['2026-03-01X08:30', null],
    ['2026-02-30', null],
    ['', null],
    [20260301, null]
  ] as const)('dayOfMoment(%j) is the day of %s', (text, want) => {
    const day = dayOfMoment(text);
    if (want === null) expect(day).toBeNaN();
    else expect(isoOf(day)).toBe(want);
  });

  it.each([
    ['1970-01-01', 4],
    ['2026-12-07', 1],
    ['2026-12-12', 6],
    ['2026-12-13', 7],
    ['1969-12-28', 7],
    ['2000-02-29', 2]
  ])('isoWeekday(%s) is %i', (iso, want) => expect(isoWeekday(dayOf(iso))).toBe(want));

  it.each([
    ['2026-01', '2026-01'],
    ['2026-12', '2026-12'],
    ['0001-01', '0001-01'],
    ['2026-13', null],
    ['2026-00', null],
    ['2026-1', null],
    ['2026-01-01', null],
    [202601, null]
  ] as const)('parseMonth(%j) is %s', (text, want) => {
    const month = parseMonth(text);
    if (want === null) expect(month).toBeNaN();
    else expect(monthLabel(month)).toBe(want);
  });
});
