import { describe, expect, it } from 'vitest';
import { clearing, customerFlags, mood } from './flags';
import { addDays } from '../dates';
import { medianCycle, visitCycle, volumeAnomaly, type VolumePurchase } from './signals';

const weekly = Array.from({ length: 11 }, (_, i) => addDays('2026-01-02', 7 * i)); // last 2026-03-13

describe('visit cycle at the grace boundary (cycle 7, grace 3)', () => {
  it.each([
    ['grace − 1', '2026-03-22', 9, false, null],
    ['grace', '2026-03-23', 10, false, null],
    ['grace + 1', '2026-03-24', 11, true, '2026-03-24']
  ] as const)('%s', (_n, today, daysSince, flagged, raisedOn) => {
    const r = visitCycle({ purchases: weekly }, today, { graceDays: 3 });
    expect(r).toEqual({
      ok: true,
      value: { cycleDays: 7, source: 'median', intervals: 10, lastPurchase: '2026-03-13', daysSince, graceDays: 3, flagged, raisedOn }
    });
  });
});

describe('the median cycle', () => {
  it.each<[string, string[], number | null, number]>([
    ['no purchase', [], null, 0],
    ['one purchase', ['2026-01-01'], null, 0],
    ['two purchases', ['2026-01-01', '2026-01-04'], 3, 1],
    ['two date-times on two days', ['2026-01-01T23:59', '2026-01-04 08:00'], 3, 1],
    ['three purchases, unsorted: intervals 2 and 8', ['2026-01-11', '2026-01-01', '2026-01-03'], 5, 2],
    ['even count rounds up', ['2026-01-01', '2026-01-03', '2026-01-08', '2026-01-12', '2026-01-15'], 4, 4],
    ['many: only the last 12 intervals', [...Array.from({ length: 10 }, (_, i) => addDays('2025-01-01', 30 * i)), ...weekly], 7, 12]
  ])('%s', (_n, purchases, cycle, intervals) => {
    const r = visitCycle({ purchases }, '2026-06-01');
    expect(r.ok && r.value.cycleDays).toBe(cycle);
    expect(r.ok && r.value.intervals).toBe(intervals);
    if (cycle === null) expect(r.ok && r.value.flagged).toBe(false);
  });
  it('median of a list', () => {
    expect(medianCycle([])).toBeNull();
    expect(medianCycle([5])).toBe(5);
    expect(medianCycle([3, 4])).toBe(4);
    expect(medianCycle([9, 1, 5])).toBe(5);
  });
  it('a cycle set by hand wins, even with one purchase', () => {
    const r = visitCycle({ purchases: ['2026-01-01'], cycleDays: 5 }, '2026-01-10');
    expect(r.ok && r.value).toMatchObject({ cycleDays: 5, source: 'hand', daysSince: 9, flagged: true, raisedOn: '2026-01-10' });
  });
});

describe('volume anomaly', () => {
  // baseline: 90 days holding 300 → average 100 per 30 days; threshold 50
  const base: VolumePurchase[] = [{ date: '2026-01-15', volume: 300 }];
  it.each([
    ['just below the threshold', 49.99, true],
    ['at the threshold', 50, false],
    ['above', 51, false]
  ] as const)('%s', (_n, last, flagged) => {
    const r = volumeAnomaly([...base, { date: '2026-04-20', volume: last }], '2026-04-30');
    expect(r.ok && r.value).toMatchObject({ baselineAverage: 100, threshold: 50, flagged });
    expect(r.ok && r.value.window).toEqual({ from: '2026-04-01', to: '2026-04-30', total: last });
    expect(r.ok && r.value.baseline).toEqual({ from: '2026-01-01', to: '2026-03-31', total: 300 });
  });
  it('says since when the drop is flagged', () => {
    const r = volumeAnomaly(base, '2026-04-30');
    expect(r.ok && r.value.flagged).toBe(true);
    // the window first held nothing while the baseline held 300 on 2026-02-14 (purchase 30 days earlier)
    expect(r.ok && r.value.raisedOn).toBe('2026-02-14');
  });
  it.each<[string, VolumePurchase, string]>([
    ['a negative volume', { date: '2026-04-01', volume: -5 }, 'negative-amount'],
    ['an absurd volume', { date: '2026-04-01', volume: 1e12 }, 'absurd-amount'],
    ['a date in 2999', { date: '2999-04-01', volume: 5 }, 'future-date'],
    ['not a date', { date: '2026-13-01', volume: 5 }, 'invalid-date'],
    ['NaN', { date: '2026-04-01', volume: Number.NaN }, 'invalid-number']
  ])('refuses %s whole', (_n, bad, kind) => {
    const r = volumeAnomaly([...base, bad], '2026-04-30');
    expect(r).toEqual({
      ok: false,
      problems: [expect.objectContaining({ kind, at: 'purchases[1]' + (kind === 'future-date' || kind === 'invalid-date' ? '.date' : '.volume') })]
    });
  });
});

describe('mood', () => {
  it.each([
    ['an open complaint', [{ id: 'k1', receivedAt: '2026-03-01T10:00' }], [], true],
    ['a closed complaint', [{ id: 'k1', receivedAt: '2026-03-01', closedAt: '2026-03-03' }], [], false],
    ['a score of 2', [], [{ on: '2026-03-02', score: 2 }], true],
    ['a score of 3', [], [{ on: '2026-03-02', score: 3 }], false],
    [
      'a low score followed by a good one',
      [],
      [
        { on: '2026-03-02', score: 1 },
        { on: '2026-03-04', score: 5 }
      ],
      false
    ]
  ])('%s', (_n, complaints, surveys, flagged) => {
    const r = mood(complaints, surveys, '2026-03-05');
    expect(r.ok && r.value.flagged).toBe(flagged);
  });
  it('refuses a complaint closed before it was received', () => {
    expect(mood([{ id: 'k', receivedAt: '2026-03-02', closedAt: '2026-03-01' }], [], '2026-03-05')).toMatchObject({
      ok: false,
      problems: [{ kind: 'invalid-date', at: 'complaints[0].closedAt' }]
    });
  });
  it('refuses a score outside 1–5', () => {
    expect(mood([], [{ on: '2026-03-02', score: 6 }], '2026-03-05')).toMatchObject({ ok: false, problems: [{ kind: 'invalid-score' }] });
  });
});

describe('a flag clears with a follow-up logged after it was raised, with reason and result', () => {
  const f = (id: string, at: string, purpose = '回访', outcome = '已联系', done = true) => ({ id, at, done, purpose, outcome });
  it.each([
    ['before the flag', [f('a', '2026-03-23T10:00')], false],
    ['on the day it was raised', [f('a', '2026-03-24T10:00')], true],
    ['without a result', [f('a', '2026-03-25', '回访', ' ')], false],
    ['without a reason', [f('a', '2026-03-25', '')], false],
    ['planned, not done', [f('a', '2026-03-25', '回访', '已联系', false)], false],
    ['dated after today', [f('a', '2026-03-27')], false]
  ])('%s', (_n, followUps, cleared) => {
    expect(clearing('2026-03-24', followUps, '2026-03-26').cleared).toBe(cleared);
  });
  it('customerFlags puts the signals together with their numbers', () => {
    const purchases = weekly.map((date) => ({ date, volume: 40 }));
    const r = customerFlags({ purchases, followUps: [f('x', '2026-03-25')], surveys: [{ on: '2026-03-26', score: 1 }] }, '2026-03-26');
    if (!r.ok) throw new Error('refused');
    expect(r.value.map((x) => [x.kind, x.raisedOn, x.cleared])).toEqual([
      ['cycle', '2026-03-24', true],
      ['mood', '2026-03-26', false]
    ]);
    const cycle = r.value[0];
    expect(cycle.kind === 'cycle' && [cycle.detail.cycleDays, cycle.detail.daysSince]).toEqual([7, 13]);
  });
  it('refuses a purchase in 2999 instead of flagging part of the data', () => {
    const r = customerFlags({ purchases: [{ date: '2999-01-01', volume: 1 }] }, '2026-03-26');
    expect(r).toEqual({
      ok: false,
      problems: [
        { kind: 'future-date', at: 'purchases[0]', value: '2999-01-01' },
        { kind: 'future-date', at: 'purchases[0].date', value: '2999-01-01' }
      ]
    });
  });
});
