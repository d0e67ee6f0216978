import { describe, expect, it } from 'vitest';
import { developmentFunnel, developmentStage } from './development';
import { managerLoads, periodOf, visitsDue, type ManagedCustomer } from './staffing';
import { dayOfMoment, isoOf } from '../dates';

const customersOf = (managerId: string, n: number, extra: Partial<ManagedCustomer> = {}): ManagedCustomer[] =>
  Array.from({ length: n }, (_, i) => ({ id: `${managerId}-${i}`, managerId, ...extra }));

describe('the 1:15 minimum', () => {
  it.each([
    [0, 15, true],
    [14, 1, true],
    [15, 0, false],
    [16, 0, false]
  ])('%i customers: shortfall %i', (n, shortfall, under) => {
    const r = managerLoads([{ id: 'w', active: true }], customersOf('w', n));
    expect(r).toEqual({ ok: true, value: { rows: [{ staffId: 'w', customers: n, minimum: 15, shortfall, under }], unassigned: [] } });
  });
  it('lost customers do not count; orphans are listed; the minimum is a setting', () => {
    const customers = [...customersOf('w', 3), ...customersOf('w', 2, { lost: true }), ...customersOf('gone', 1), { id: 'none' }];
    const r = managerLoads(
      [
        { id: 'w', active: true },
        { id: 'gone', active: false }
      ],
      customers,
      5
    );
    expect(r).toEqual({
      ok: true,
      value: { rows: [{ staffId: 'w', customers: 3, minimum: 5, shortfall: 2, under: true }], unassigned: ['gone-0', 'none'] }
    });
  });
  it('refuses a minimum that is not a whole number', () => {
    expect(managerLoads([], [], 1.5)).toMatchObject({ ok: false, problems: [{ kind: 'invalid-setting', at: 'minimum' }] });
  });
});

describe('visits due per tier and period', () => {
  it.each([
    ['month', '2026-05-17', '2026-05-01', '2026-05-31'],
    ['quarter', '2026-05-17', '2026-04-01', '2026-06-30'],
    ['half-year', '2026-05-17', '2026-01-01', '2026-06-30'],
    ['year', '2026-05-17', '2026-01-01', '2026-12-31']
  ] as const)('the %s holding %s', (kind, day, from, to) => {
    const p = periodOf(dayOfMoment(day), kind);
    expect([isoOf(p.from), isoOf(p.to)]).toEqual([from, to]);
  });

  const customers: ManagedCustomer[] = [
    { id: 'vip', tier: 'VIP', createdOn: '2025-01-01' },
    { id: 'b', tier: 'B', createdOn: '2025-01-01' },
    { id: 'new-b', tier: 'B', createdOn: '2026-05-03' },
    { id: 'c', tier: 'C' }
  ];
  it('counts done contacts in the period up to today, and what the last period still owes', () => {
    const contacts = [
      { customerId: 'vip', at: '2026-04-10T10:00', done: true },
      { customerId: 'b', at: '2026-04-20', done: true },
      { customerId: 'b', at: '2026-05-30', done: true },
      { customerId: 'b', at: '2026-05-02', done: false }
    ];
    const r = visitsDue(customers, contacts, '2026-05-17');
    if (!r.ok) throw new Error('refused');
    expect(r.value.map((v) => [v.customerId, v.level, v.period.from, v.required, v.done, v.remaining, v.overdue])).toEqual([
      ['vip', 'company', '2026-04-01', 1, 1, 0, 1],
      ['b', 'site', '2026-05-01', 1, 0, 1, 0],
      ['new-b', 'site', '2026-05-01', 1, 0, 1, 0],
      ['c', 'site', '2026-01-01', 0, 0, 0, 0]
    ]);
  });
  it('a contact with an unknown customer is refused', () => {
    expect(visitsDue(customers, [{ customerId: 'ghost', at: '2026-05-01', done: true }], '2026-05-17')).toMatchObject({
      ok: false,
      problems: [{ kind: 'unknown-customer', value: 'ghost' }]
    });
  });
});

describe('the three-step development stage', () => {
  it.each([
    [
      { doneContacts: 0, hasIdentifier: false, hasName: false, hasContactDetail: false },
      null,
      { stage: 'first-contact', needs: ['contact', 'identifier'] }
    ],
    [
      { doneContacts: 1, hasIdentifier: true, hasName: false, hasContactDetail: false },
      'first-contact',
      { stage: 'initial', needs: ['contact', 'name'] }
    ],
    [{ doneContacts: 2, hasIdentifier: true, hasName: true, hasContactDetail: true }, 'initial', { stage: 'complete', needs: ['contact'] }],
    [{ doneContacts: 3, hasIdentifier: true, hasName: true, hasContactDetail: true }, 'complete', null],
    [{ doneContacts: 5, hasIdentifier: false, hasName: true, hasContactDetail: true }, null, { stage: 'first-contact', needs: ['identifier'] }]
  ] as const)('%o', (input, stage, next) => {
    expect(developmentStage(input)).toEqual({ stage, next });
  });
  it('counts the funnel per org unit', () => {
    const f = developmentFunnel([
      { orgUnitId: 's1', stage: 'complete' },
      { orgUnitId: 's1', stage: null },
      { orgUnitId: 's2', stage: 'initial' }
    ]);
    expect(f.get('s1')).toEqual({ none: 1, 'first-contact': 0, initial: 0, complete: 1 });
    expect(f.get('s2')).toEqual({ none: 0, 'first-contact': 0, initial: 1, complete: 0 });
  });
});
