import { describe, expect, it } from 'vitest';
import { planEventFollowUps, type FollowUpEvent } from './event-follow-ups';

const staff = [
  { id: 'li', active: true },
  { id: 'wang', active: true },
  { id: 'left', active: false }
];
const all = [
  { id: 'c1', managerId: 'li', tier: 'VIP' },
  { id: 'c2', managerId: 'wang', tier: 'B' },
  { id: 'c3', managerId: 'li', tier: 'B' },
  { id: 'c4', managerId: 'left', tier: 'C' }
];
const priceChange: FollowUpEvent = { kind: 'price-change', purpose: '油价下调通知', date: '2026-05-20', time: '10:30' };

describe('event-triggered follow-ups', () => {
  it('creates one planned contact per customer of the filter, for each customer’s manager', () => {
    const filtered = all.filter((k) => k.tier === 'B');
    const r = planEventFollowUps(priceChange, filtered, staff, '2026-05-18');
    expect(r).toEqual({
      ok: true,
      value: {
        planned: [
          {
            customerId: 'c2',
            staffId: 'wang',
            at: '2026-05-20T10:30',
            channel: 'phone',
            purpose: '油价下调通知',
            event: 'price-change',
            done: false
          },
          { customerId: 'c3', staffId: 'li', at: '2026-05-20T10:30', channel: 'phone', purpose: '油价下调通知', event: 'price-change', done: false }
        ],
        skipped: []
      }
    });
  });

  it('a customer without an active manager refuses the plan, unless a fallback is named', () => {
    expect(planEventFollowUps(priceChange, all, staff, '2026-05-18')).toEqual({
      ok: false,
      problems: [{ kind: 'no-manager', at: 'customers[3]', value: 'c4' }]
    });
    const r = planEventFollowUps(priceChange, all, staff, '2026-05-18', { fallbackStaffId: 'wang' });
    expect(r.ok && r.value.planned.map((p) => `${p.customerId}:${p.staffId}`)).toEqual(['c1:li', 'c2:wang', 'c3:li', 'c4:wang']);
  });

  it('twice the same customer gives one contact; running it again skips those already planned', () => {
    const existing = [{ customerId: 'c1', at: '2026-05-20T09:00', purpose: '油价下调通知', done: false }];
    const r = planEventFollowUps(priceChange, [all[0], all[0], all[1]], staff, '2026-05-18', { existing });
    expect(r.ok && r.value).toEqual({
      planned: [expect.objectContaining({ customerId: 'c2' })],
      skipped: [{ customerId: 'c1', reason: 'already-planned' }]
    });
  });

  it.each<[string, Partial<FollowUpEvent>, string]>([
    ['a date in the past', { date: '2026-05-01' }, 'invalid-date'],
    ['a date in 2999', { date: '2999-05-20' }, 'future-date'],
    ['a blank purpose', { purpose: '  ' }, 'invalid-setting'],
    ['a time of 25:00', { time: '25:00' }, 'invalid-setting']
  ])('refuses %s', (_n, change, kind) => {
    const r = planEventFollowUps({ ...priceChange, ...change }, all.slice(0, 2), staff, '2026-05-18');
    expect(r).toMatchObject({ ok: false, problems: [{ kind }] });
  });
});
