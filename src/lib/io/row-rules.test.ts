import { describe, expect, it } from 'vitest';
import { cellText, splitDateTime } from './plan-read';
import { ROW_RULES, timeOfCell } from './row-rules';

const ctx = { today: '2026-05-10', customerIds: new Set(['c1']), fieldOf: ['date', 'customerId', 'amount'] };
const purchases = ROW_RULES.purchases!;

describe('purchase rows of an import', () => {
  it.each([
    ['2026-03-05 14:23:11', { date: '2026-03-05', time: '14:23:11' }],
    ['2026/3/5 9:05', { date: '2026/3/5', time: '9:05' }],
    ['2026年3月5日 9：05', { date: '2026年3月5日', time: '9：05' }],
    ['2026-03-05T14:23', { date: '2026-03-05', time: '14:23' }],
    ['2026-03-05 14:23:11.250', { date: '2026-03-05', time: '14:23:11.250' }],
    ['2026-03-05', null],
    ['14:23', null],
    ['2026-03-05 noon', null]
  ])('%j splits into %j', (text, expected) => {
    expect(splitDateTime(text)).toEqual(expected);
  });

  it.each([
    ['2026-03-05 14:23:11', '14:23'],
    ['2026/3/5 9:05', '09:05'],
    ['2026-03-05 14:23:11.250', '14:23'],
    ['2026-03-05 25:00', null],
    ['2026-03-05', null],
    [new Date(Date.UTC(2026, 2, 5, 14, 23)), '14:23'],
    [new Date(Date.UTC(2026, 2, 5)), null],
    [45000, null]
  ])('the time of %j is %j', (raw, expected) => {
    expect(timeOfCell(raw)).toBe(expected);
  });

  it('a date column reads the date of a date-and-time, for any date field', () => {
    expect(cellText({ type: 'date' }, '2026-03-05 14:23:11')).toBe('2026-03-05');
    expect(cellText({ type: 'text' }, '2026-03-05 14:23:11')).toBe('2026-03-05 14:23:11');
  });

  it.each([
    [
      'the time from the date column',
      { date: '2026-05-01', customerId: 'c1', amount: 100, paymentKind: 'cash' },
      ['2026-05-01 08:30:15'],
      '08:30',
      []
    ],
    ['no time in the date column', { date: '2026-05-01', customerId: 'c1', amount: 100, paymentKind: 'cash' }, ['2026-05-01'], undefined, []],
    [
      'a date in 2999 and a negative amount',
      { date: '2999-01-01', customerId: 'c1', amount: -100, paymentKind: 'cash' },
      ['2999-01-01'],
      undefined,
      [
        { field: 'date', code: 'purchase.problem.future-date' },
        { field: 'amount', code: 'purchase.problem.negative-amount' }
      ]
    ],
    [
      'an unknown customer',
      { date: '2026-05-01', customerId: 'c9', amount: 100, paymentKind: 'cash' },
      ['2026-05-01'],
      undefined,
      [{ field: 'customerId', code: 'purchase.problem.unknown-customer' }]
    ]
  ])('%s', (_name, values, cells, time, problems) => {
    const v: Record<string, unknown> = { ...values };
    expect(purchases(v, cells, ctx)).toEqual(problems);
    expect(v.time).toBe(time);
  });

  it('a mapped time column is kept as HH:mm, a date-and-time in it too', () => {
    const withTime = { ...ctx, fieldOf: ['date', 'time', 'customerId', 'amount'] };
    for (const [typed, kept] of [
      ['9:05', '09:05'],
      ['2026-05-01 17:45:00', '17:45']
    ]) {
      const v: Record<string, unknown> = { date: '2026-05-01', time: typed, customerId: 'c1', amount: 100, paymentKind: 'cash' };
      expect(purchases(v, ['2026-05-01', typed], withTime)).toEqual([]);
      expect(v.time).toBe(kept);
    }
  });
});
