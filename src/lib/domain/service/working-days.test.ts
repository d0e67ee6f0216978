import { describe, expect, it } from 'vitest';
import { serviceLevel, type HolidayCalendar } from './working-days';

// National Day 2025: 10-01 … 10-08 off, Sunday 09-28 and Saturday 10-11 are make-up working days
const CHINA: HolidayCalendar = {
  weekend: [6, 7],
  holidays: ['2025-10-01', '2025-10-02', '2025-10-03', '2025-10-04', '2025-10-05', '2025-10-06', '2025-10-07', '2025-10-08'],
  workdays: ['2025-09-28', '2025-10-11']
};

describe('working-day deadlines', () => {
  it.each<[string, string, number, string]>([
    ['Friday + 1 crosses the weekend', '2025-09-19T16:30', 1, '2025-09-22'],
    ['the hour of the start never counts', '2025-09-22T00:01', 1, '2025-09-23'],
    ['a start on Saturday counts from Monday', '2025-09-20', 1, '2025-09-22'],
    ['a make-up Sunday is a working day', '2025-09-26T09:00', 1, '2025-09-28'],
    ['the holiday does not count', '2025-09-30T09:00', 1, '2025-10-09'],
    ['a make-up Saturday counts', '2025-10-09T15:00', 2, '2025-10-11'],
    ['three across the holiday', '2025-09-29T10:00', 3, '2025-10-10'],
    ['zero: the same day', '2025-10-09T15:00', 0, '2025-10-09']
  ])('%s', (_n, start, n, deadline) => {
    expect(serviceLevel({ calendar: CHINA, start, workingDays: n })).toEqual({ ok: true, value: { deadline, late: null, workingDaysLate: 0 } });
  });

  it.each([
    ['on the deadline', '2025-10-11', false, 0],
    ['the next working day', '2025-10-13', true, 1],
    ['two working days later', '2025-10-14', true, 2]
  ] as const)('done %s', (_n, doneOn, late, workingDaysLate) => {
    const r = serviceLevel({ calendar: CHINA, start: '2025-10-09T15:00', workingDays: 2, doneOn });
    expect(r).toEqual({ ok: true, value: { deadline: '2025-10-11', late, workingDaysLate } });
  });

  it('an open step is late once today is after the deadline', () => {
    const at = (today: string) => serviceLevel({ calendar: CHINA, start: '2025-10-09', workingDays: 1, today });
    expect(at('2025-10-10')).toMatchObject({ value: { late: false } });
    expect(at('2025-10-11')).toMatchObject({ value: { late: true, workingDaysLate: 1 } });
  });
});

describe('the clock pauses while waiting on the customer', () => {
  const cal: HolidayCalendar = { weekend: [6, 7] };
  it.each([
    ['no pause', [], '2026-03-05'],
    ['paused Tuesday, resumed Thursday', [{ from: '2026-03-03', to: '2026-03-05' }], '2026-03-09'],
    ['paused and resumed the same day', [{ from: '2026-03-03', to: '2026-03-03' }], '2026-03-05'],
    [
      'two pauses',
      [
        { from: '2026-03-03', to: '2026-03-04' },
        { from: '2026-03-05', to: '2026-03-06' }
      ],
      '2026-03-09'
    ],
    ['a pause after the deadline changes nothing', [{ from: '2026-03-06', to: '2026-03-10' }], '2026-03-05']
  ])('%s', (_n, pauses, deadline) => {
    const r = serviceLevel({ calendar: cal, start: '2026-03-02T09:00', workingDays: 3, pauses });
    expect(r.ok && r.value.deadline).toBe(deadline);
  });
  it('still waiting: no deadline and not late', () => {
    const r = serviceLevel({ calendar: cal, start: '2026-03-02', workingDays: 3, pauses: [{ from: '2026-03-04' }], today: '2026-03-20' });
    expect(r).toEqual({ ok: true, value: { deadline: null, late: false, workingDaysLate: 0 } });
  });
  it('still waiting after the deadline had passed: late', () => {
    const r = serviceLevel({ calendar: cal, start: '2026-03-02', workingDays: 1, pauses: [{ from: '2026-03-05' }], today: '2026-03-20' });
    expect(r.ok && r.value).toMatchObject({ deadline: '2026-03-03', late: true });
  });
});

describe('bad calendars and inputs are refused', () => {
  it.each<[string, Parameters<typeof serviceLevel>[0], string]>([
    ['a weekday 8', { calendar: { weekend: [8] }, start: '2026-03-02', workingDays: 1 }, 'invalid-setting'],
    ['a holiday that is no date', { calendar: { holidays: ['2026-02-30'] }, start: '2026-03-02', workingDays: 1 }, 'invalid-date'],
    ['no working day at all', { calendar: { weekend: [1, 2, 3, 4, 5, 6, 7] }, start: '2026-03-02', workingDays: 1 }, 'no-working-day'],
    ['a negative level', { calendar: {}, start: '2026-03-02', workingDays: -1 }, 'invalid-setting'],
    [
      'a pause that ends before it starts',
      { calendar: {}, start: '2026-03-02', workingDays: 1, pauses: [{ from: '2026-03-04', to: '2026-03-03' }] },
      'invalid-date'
    ],
    ['done in 2999', { calendar: {}, start: '2026-03-02', workingDays: 1, doneOn: '2999-01-01', today: '2026-03-10' }, 'future-date']
  ])('%s', (_n, input, kind) => {
    const r = serviceLevel(input);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems.map((p) => p.kind)).toContain(kind);
  });
});
