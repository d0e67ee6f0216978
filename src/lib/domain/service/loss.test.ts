import { describe, expect, it } from 'vitest';
import { lossRate, lossRates, type LossCustomer } from './loss';

const many = (n: number, k: Partial<LossCustomer> = {}, prefix = 'c'): LossCustomer[] =>
  Array.from({ length: n }, (_, i) => ({ id: `${prefix}${i}`, createdOn: '2025-01-01', ...k }));

describe('loss rate for a month', () => {
  it.each<[string, LossCustomer[], { customersAtStart: number; lost: number; lossRate: number | null }]>([
    ['nobody', [], { customersAtStart: 0, lost: 0, lossRate: null }],
    [
      'one of four lost in the month',
      [...many(3), { id: 'x', createdOn: '2025-01-01', losses: [{ on: '2026-03-31' }] }],
      { customersAtStart: 4, lost: 1, lossRate: 0.25 }
    ],
    [
      'lost last month: not there at the start',
      [...many(3), { id: 'x', createdOn: '2025-01-01', losses: [{ on: '2026-02-28' }] }],
      { customersAtStart: 3, lost: 0, lossRate: 0 }
    ],
    [
      'created in the month: not counted',
      [...many(2), { id: 'x', createdOn: '2026-03-01', losses: [{ on: '2026-03-02' }] }],
      { customersAtStart: 2, lost: 0, lossRate: 0 }
    ],
    [
      'won back before the month, lost again in it',
      [...many(2), { id: 'x', createdOn: '2025-01-01', losses: [{ on: '2025-06-01', wonBackOn: '2025-09-01' }, { on: '2026-03-10' }] }],
      { customersAtStart: 3, lost: 1, lossRate: 0.333333 }
    ],
    [
      'won back on the first day: there',
      [{ id: 'x', createdOn: '2025-01-01', losses: [{ on: '2026-02-10', wonBackOn: '2026-03-01' }] }],
      { customersAtStart: 1, lost: 0, lossRate: 0 }
    ]
  ])('%s', (_n, customers, expected) => {
    expect(lossRate(customers, '2026-03')).toEqual({ ok: true, value: expected });
  });
  it.each<[string, LossCustomer[], string, string | undefined, string]>([
    ['a loss before creation', [{ id: 'x', createdOn: '2026-01-01', losses: [{ on: '2025-01-01' }] }], '2026-03', undefined, 'invalid-date'],
    ['a creation in 2999', [{ id: 'x', createdOn: '2999-01-01' }], '2026-03', '2026-04-01', 'future-date'],
    ['a month that is not one', [], '2026-13', undefined, 'invalid-date'],
    ['a future month', [], '2026-06', '2026-04-01', 'future-date']
  ])('refuses %s', (_n, customers, month, today, kind) => {
    const r = lossRate(customers, month, today);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems[0].kind).toBe(kind);
  });
});

describe('per org unit and month, with the warning', () => {
  const units = [
    { id: 'co', kind: 'company' as const },
    { id: 'north', kind: 'area' as const, parentId: 'co' },
    { id: 's1', kind: 'site' as const, parentId: 'north' },
    { id: 's2', kind: 'site' as const, parentId: 'north' }
  ];
  // s1: 100 customers, 1 lost in January, 2 in February, 3 in March: rising two months running
  const s1 = many(100, { orgUnitId: 's1' }, 's1-').map((k, i) => ({
    ...k,
    losses: i < 1 ? [{ on: '2026-01-15' }] : i < 3 ? [{ on: '2026-02-15' }] : i < 6 ? [{ on: '2026-03-15' }] : []
  }));
  // s2: 50 customers, 1 lost in January and 1 in March: not two rises running
  const s2 = many(50, { orgUnitId: 's2' }, 's2-').map((k, i) => ({ ...k, losses: i < 2 ? [{ on: `2026-0${2 * i + 1}-10` }] : [] }));
  const r = lossRates([...s1, ...s2], ['2026-02', '2026-03'], units, '2026-04-02');
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  const row = (unitId: string | null, month: string) => r.value.find((x) => x.unitId === unitId && x.month === month);
  it.each([
    ['s1', '2026-02', 99, 2, 0.020202, true],
    ['s1', '2026-03', 97, 3, 0.030928, true],
    ['s2', '2026-02', 49, 0, 0, false],
    ['s2', '2026-03', 49, 1, 0.020408, false],
    ['north', '2026-03', 146, 4, 0.027397, true],
    ['co', '2026-03', 146, 4, 0.027397, true],
    [null, '2026-03', 146, 4, 0.027397, true]
  ] as const)('%s %s', (unitId, month, customersAtStart, lost, rate, warning) => {
    expect(row(unitId, month)).toEqual({ unitId, month, customersAtStart, lost, lossRate: rate, warning });
  });
  it('an unknown unit is refused', () => {
    expect(lossRates([{ id: 'x', orgUnitId: 'nowhere', createdOn: '2025-01-01' }], ['2026-03'], units)).toMatchObject({
      ok: false,
      problems: [{ kind: 'unknown-unit', at: 'customers[0].orgUnitId' }]
    });
  });
});
