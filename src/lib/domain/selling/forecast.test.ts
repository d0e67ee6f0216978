import { describe, expect, it } from 'vitest';
import type { AllocationLine } from '../receivables/allocation';
import { dayOf } from '../dates';
import { collectionsFromAllocation, commissionByMonth, type Collection } from './commission';
import { DEFAULT_STAGES, forecastByMonth, type ForecastInput, type OpportunityInput } from './forecast';

const opp = (expectedClose: string, amountFen = 1000, probabilityPercent = 50, stage = 'proposal'): OpportunityInput => ({
  amountFen,
  probabilityPercent,
  expectedClose,
  stage
});

const weighted = (input: ForecastInput) => {
  const r = forecastByMonth(input);
  if (!r.ok) throw new Error(r.problems.map((p) => p.message).join('; '));
  return Object.fromEntries(r.value.months.filter((m) => m.counted.length > 0).map((m) => [m.month, m.weightedFen]));
};

describe('forecast by month at the window edges', () => {
  it.each<[string, string, string, OpportunityInput[], Record<string, number>]>([
    ['the day before the window', '2026-03', '2026-05', [opp('2026-02-28')], {}],
    ['the first day of the window', '2026-03', '2026-05', [opp('2026-03-01')], { '2026-03': 500 }],
    ['the last day of the window', '2026-03', '2026-05', [opp('2026-05-31')], { '2026-05': 500 }],
    ['the day after the window', '2026-03', '2026-05', [opp('2026-06-01')], {}],
    ['a leap day', '2028-02', '2028-02', [opp('2028-02-29')], { '2028-02': 500 }],
    ['across a year end', '2026-12', '2027-01', [opp('2026-12-31'), opp('2027-01-01', 3)], { '2026-12': 500, '2027-01': 2 }],
    ['a one-month window', '2026-04', '2026-04', [opp('2026-04-15'), opp('2026-03-31'), opp('2026-05-01')], { '2026-04': 500 }],
    ['rounded per opportunity before summing', '2026-04', '2026-04', [opp('2026-04-01', 1), opp('2026-04-02', 1)], { '2026-04': 2 }],
    ['won and lost never count', '2026-04', '2026-04', [opp('2026-04-01', 100, 90, 'won'), opp('2026-04-01', 100, 10, 'lost')], {}],
    [
      'the stage default when no probability',
      '2026-04',
      '2026-04',
      [{ amountFen: 1000, expectedClose: '2026-04-09', stage: 'negotiation' }],
      { '2026-04': 750 }
    ],
    ['a 0 % opportunity still shows its month', '2026-04', '2026-04', [opp('2026-04-09', 1000, 0)], { '2026-04': 0 }]
  ])('%s', (_n, from, to, opportunities, expected) => {
    expect(weighted({ from, to, opportunities })).toEqual(expected);
  });

  it('puts won (by closing day) and collected (reverted left out) beside the forecast', () => {
    const r = forecastByMonth({
      from: '2026-01',
      to: '2026-02',
      opportunities: [opp('2026-01-10'), { ...opp('2026-01-20', 7000, 100, 'won'), closedOn: '2026-02-03' }],
      collections: [
        { date: '2026-01-31', amountFen: 300 },
        { date: '2026-02-01', amountFen: 400 },
        { date: '2026-02-02', amountFen: 999, reverted: true },
        { date: '2026-03-01', amountFen: 5 }
      ]
    });
    expect(r.ok && r.value.months.map((m) => [m.month, m.weightedFen, m.wonFen, m.collectedFen])).toEqual([
      ['2026-01', 500, 0, 300],
      ['2026-02', 0, 7000, 400]
    ]);
    expect(r.ok && [r.value.weightedTotalFen, r.value.wonTotalFen, r.value.collectedTotalFen]).toEqual([500, 7000, 700]);
  });

  it.each<[string, ForecastInput, string[]]>([
    ['a probability of 150', { from: '2026-01', to: '2026-01', opportunities: [opp('2026-01-05', 1, 150)] }, ['percent-out-of-range']],
    ['a negative amount', { from: '2026-01', to: '2026-01', opportunities: [opp('2026-01-05', -1)] }, ['negative-amount']],
    ['an unknown stage', { from: '2026-01', to: '2026-01', opportunities: [opp('2026-01-05', 1, 5, 'maybe')] }, ['unknown-stage']],
    ['a date that does not exist', { from: '2026-01', to: '2026-03', opportunities: [opp('2026-02-30')] }, ['not-a-date']],
    ['a malformed month', { from: '2026-1', to: '2026-03', opportunities: [] }, ['not-a-month']],
    ['a window that ends before it starts', { from: '2026-03', to: '2026-01', opportunities: [] }, ['range-reversed']],
    [
      'a stage setting over 100 %',
      { from: '2026-01', to: '2026-01', opportunities: [], stages: [{ id: 'open', outcome: 'open', defaultProbabilityPercent: 120 }] },
      ['percent-out-of-range']
    ]
  ])('refuses %s', (_n, input, codes) => {
    const r = forecastByMonth(input);
    expect(r.ok ? [] : r.problems.map((p) => p.code)).toEqual(codes);
  });

  it('has the default pipeline lead → qualified → proposal → negotiation → won / lost', () => {
    expect(DEFAULT_STAGES.map((s) => `${s.id}:${s.defaultProbabilityPercent}`)).toEqual([
      'lead:10',
      'qualified:25',
      'proposal:50',
      'negotiation:75',
      'won:100',
      'lost:0'
    ]);
  });
});

const statement = (collections: Collection[], rate = 3, rules: { staffId: string; ratePercent: number }[] = []) => {
  const r = commissionByMonth({ collections, defaultRatePercent: rate, rules });
  if (!r.ok) throw new Error(r.problems.map((p) => p.message).join('; '));
  return r.value.months.map((m) => [m.staffId, m.month, m.collectedFen, m.commissionFen]);
};

describe('commission on collected revenue', () => {
  it.each<[string, Collection[], (string | number)[][]]>([
    ['nothing collected earns nothing', [], []],
    [
      'partial payments earn pro rata, rounded once per month',
      [
        { staffId: 'li', date: '2026-01-05', amountFen: 16_667 },
        { staffId: 'li', date: '2026-01-20', amountFen: 16_667 }
      ],
      [['li', '2026-01', 33_334, 1000]]
    ],
    [
      'a late payment earns in the month it is collected',
      [{ staffId: 'li', saleId: 's1', date: '2026-05-02', amountFen: 100_000 }],
      [['li', '2026-05', 100_000, 3000]]
    ],
    [
      'a reverted payment is removed, its month left out when nothing else was collected',
      [
        { staffId: 'li', date: '2026-02-10', amountFen: 50_000, reverted: true },
        { staffId: 'li', date: '2026-03-10', amountFen: 50_000, reverted: true },
        { staffId: 'li', date: '2026-03-11', amountFen: 10_000 }
      ],
      [['li', '2026-03', 10_000, 300]]
    ],
    [
      'per staff member, with their own rule',
      [
        { staffId: 'wang', date: '2026-01-31', amountFen: 10_000 },
        { staffId: 'li', date: '2026-02-01', amountFen: 10_000 }
      ],
      [
        ['li', '2026-02', 10_000, 300],
        ['wang', '2026-01', 10_000, 550]
      ]
    ]
  ])('%s', (_n, collections, expected) => {
    expect(statement(collections, 3, [{ staffId: 'wang', ratePercent: 5.5 }])).toEqual(expected);
  });

  it('takes collections from the receivables allocation: each line earned by the sale owner', () => {
    const line = (paymentId: string, saleId: string, amount: number, day: string): AllocationLine => ({
      paymentId,
      saleId,
      amount,
      day: dayOf(day),
      manual: false
    });
    const owners: Record<string, string> = { s1: 'li', s2: 'wang' };
    const collections = collectionsFromAllocation(
      [
        line('p1', 's1', 6000, '2026-01-31'),
        line('p1', 's2', 4000, '2026-01-31'),
        line('p2', 's1', 4000, '2026-02-14'),
        line('p3', 'gone', 1, '2026-02-14')
      ],
      (id) => owners[id],
      new Set(['p2'])
    );
    expect(collections.map((c) => [c.staffId, c.date, c.amountFen, c.reverted])).toEqual([
      ['li', '2026-01-31', 6000, false],
      ['wang', '2026-01-31', 4000, false],
      ['li', '2026-02-14', 4000, true]
    ]);
    expect(statement(collections, 10)).toEqual([
      ['li', '2026-01', 6000, 600],
      ['wang', '2026-01', 4000, 400]
    ]);
  });

  it.each<[string, Parameters<typeof commissionByMonth>[0], string[]]>([
    ['a rate of 150', { collections: [], defaultRatePercent: 150 }, ['percent-out-of-range']],
    [
      'a staff rule twice',
      {
        collections: [],
        defaultRatePercent: 3,
        rules: [
          { staffId: 'a', ratePercent: 1 },
          { staffId: 'a', ratePercent: 2 }
        ]
      },
      ['duplicate-id']
    ],
    ['a malformed amount', { collections: [{ date: '2026-01-01', amountFen: 1.5 }], defaultRatePercent: 3 }, ['not-an-amount']],
    ['a malformed date', { collections: [{ date: '01/02/2026', amountFen: 1 }], defaultRatePercent: 3 }, ['not-a-date']]
  ])('refuses %s', (_n, input, codes) => {
    const r = commissionByMonth(input);
    expect(r.ok ? [] : r.problems.map((p) => p.code)).toEqual(codes);
  });
});
