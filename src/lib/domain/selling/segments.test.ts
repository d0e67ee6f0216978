import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { abcClasses, revenueByCustomer, rfmMeasures, rfmScores, type AbcClass, type RfmMeasure } from './segments';

const m = (id: string, daysSinceLast: number, purchases: number, amountFen: number): RfmMeasure => ({ id, daysSinceLast, purchases, amountFen });
const scores = (list: RfmMeasure[]) => {
  const r = rfmScores(list);
  if (!r.ok) throw new Error(r.problems.map((p) => p.message).join('; '));
  return Object.fromEntries(r.value.map((x) => [x.id, x.scores]));
};

describe('RFM quintiles', () => {
  it.each<[string, RfmMeasure[], Record<string, number[]>]>([
    ['no customers', [], {}],
    ['one customer', [m('a', 5, 1, 100)], { a: [1, 1, 1] }],
    ['two customers', [m('a', 5, 1, 100), m('b', 1, 3, 300)], { a: [1, 1, 1], b: [3, 3, 3] }],
    [
      'four customers',
      [m('a', 4, 1, 1), m('b', 3, 2, 2), m('c', 2, 3, 3), m('d', 1, 4, 4)],
      { a: [1, 1, 1], b: [2, 2, 2], c: [3, 3, 3], d: [4, 4, 4] }
    ],
    ['all tied share the lowest score', [m('a', 7, 2, 50), m('b', 7, 2, 50), m('c', 7, 2, 50)], { a: [1, 1, 1], b: [1, 1, 1], c: [1, 1, 1] }],
    [
      'five customers, one each',
      [m('a', 50, 1, 10), m('b', 40, 2, 20), m('c', 30, 3, 30), m('d', 20, 4, 40), m('e', 10, 5, 50)],
      { a: [1, 1, 1], b: [2, 2, 2], c: [3, 3, 3], d: [4, 4, 4], e: [5, 5, 5] }
    ],
    [
      'ties at the top share 5 only when enough are worse',
      [m('a', 1, 9, 90), m('b', 1, 9, 90), m('c', 9, 1, 10), m('d', 8, 2, 20), m('e', 7, 3, 30), m('f', 6, 4, 40)],
      { a: [4, 4, 4], b: [4, 4, 4], c: [1, 1, 1], d: [1, 1, 1], e: [2, 2, 2], f: [3, 3, 3] }
    ]
  ])('%s', (_n, list, expected) => {
    expect(scores(list)).toEqual(expected);
  });

  it('gives its reason', () => {
    const r = rfmScores([m('a', 5, 1, 100), m('b', 1, 3, 300)]);
    expect(r.ok && r.value[1].reason).toBe('R 3 (1 of 2 worse), F 3 (1 of 2 worse), M 3 (1 of 2 worse)');
  });

  it('measures from purchases and credit sales together, as of today', () => {
    const r = rfmMeasures(
      [
        { customerId: 'a', date: '2026-03-01', amountFen: 100 },
        { customerId: 'a', date: '2026-03-20', amountFen: 50 }
      ],
      [
        { customerId: 'a', date: '2026-02-01', amountFen: 1000 },
        { customerId: 'b', date: '2026-04-02', amountFen: 7 }
      ],
      '2026-04-01'
    );
    expect(r.ok && r.value).toEqual([m('a', 12, 3, 1150), m('b', 0, 1, 7)]);
    expect(revenueByCustomer([{ customerId: 'x', date: '2026-01-01', amountFen: 5 }], [])).toEqual({ ok: true, value: [{ id: 'x', revenueFen: 5 }] });
  });

  it.each<[string, RfmMeasure[], string[]]>([
    ['a negative recency', [m('a', -1, 1, 1)], ['not-a-count']],
    ['a fractional count', [m('a', 1, 1.5, 1)], ['not-a-count']],
    ['a malformed amount', [m('a', 1, 1, Number.NaN)], ['not-an-amount']],
    ['an id twice', [m('a', 1, 1, 1), m('a', 2, 2, 2)], ['duplicate-id']]
  ])('refuses %s', (_n, list, codes) => {
    const r = rfmScores(list);
    expect(r.ok ? [] : r.problems.map((p) => p.code)).toEqual(codes);
  });
});

const classes = (revenue: Record<string, number>, a = 0.8, b = 0.95) => {
  const r = abcClasses(
    Object.entries(revenue).map(([id, revenueFen]) => ({ id, revenueFen })),
    { a, b }
  );
  if (!r.ok) throw new Error(r.problems.map((p) => p.message).join('; '));
  return Object.fromEntries(r.value.map((x) => [x.id, x.class]));
};

describe('ABC by revenue share', () => {
  it.each<[string, Record<string, number>, number, number, Record<string, AbcClass>]>([
    ['the first customer is always A', { a: 1 }, 0.8, 0.95, { a: 'A' }],
    ['a share just below the A cut-off', { a: 79, b: 21 }, 0.8, 0.95, { a: 'A', b: 'A' }],
    ['a share exactly on the A cut-off is B', { a: 80, b: 20 }, 0.8, 0.95, { a: 'A', b: 'B' }],
    ['a share exactly on the B cut-off is C', { a: 95, b: 5 }, 0.8, 0.95, { a: 'A', b: 'C' }],
    ['ties ranked by id', { b: 50, a: 50 }, 0.5, 0.95, { a: 'A', b: 'B' }],
    ['a share exactly on a cut-off that is no binary fraction (0.3)', { p: 3, q: 3, r: 3, s: 1 }, 0.3, 0.95, { p: 'A', q: 'B', r: 'B', s: 'B' }],
    ['a = b leaves no B', { a: 60, b: 30, c: 10 }, 0.9, 0.9, { a: 'A', b: 'A', c: 'C' }],
    ['b = 1 makes every later customer B', { a: 99, b: 1 }, 0.5, 1, { a: 'A', b: 'B' }],
    ['no revenue at all: everyone C', { a: 0, b: 0 }, 0.8, 0.95, { a: 'C', b: 'C' }]
  ])('%s', (_n, revenue, a, b, expected) => {
    expect(classes(revenue, a, b)).toEqual(expected);
  });

  it.each<[string, number, number]>([
    ['a cut-off above 1', 1.2, 1.5],
    ['a cut-off of 0', 0, 0.9],
    ['b below a', 0.9, 0.8],
    ['not a number', Number.NaN, 0.9]
  ])('refuses %s', (_n, a, b) => {
    const r = abcClasses([{ id: 'x', revenueFen: 1 }], { a, b });
    expect(r.ok ? [] : [...new Set(r.problems.map((p) => p.code))]).toEqual(['bad-settings']);
  });

  it('refuses a negative revenue', () => {
    const r = abcClasses([{ id: 'x', revenueFen: -1 }]);
    expect(r.ok ? [] : r.problems.map((p) => p.code)).toEqual(['negative-amount']);
  });

  it('law: classes are monotone in revenue (more revenue never a worse class)', () => {
    const rank = { A: 0, B: 1, C: 2 };
    fc.assert(
      fc.property(
        fc.array(fc.nat(1_000_000), { minLength: 1, maxLength: 40 }),
        fc.integer({ min: 1, max: 100 }),
        fc.integer({ min: 0, max: 100 }),
        (revenues, aPct, extra) => {
          const a = aPct / 100;
          const b = Math.min(100, aPct + extra) / 100;
          const r = abcClasses(
            revenues.map((revenueFen, i) => ({ id: `c${String(i).padStart(3, '0')}`, revenueFen })),
            { a, b }
          );
          if (!r.ok) throw new Error('refused');
          for (const x of r.value) for (const y of r.value) if (x.revenueFen > y.revenueFen) expect(rank[x.class]).toBeLessThanOrEqual(rank[y.class]);
        }
      )
    );
  });
});
