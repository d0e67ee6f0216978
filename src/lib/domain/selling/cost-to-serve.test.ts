import { describe, expect, it } from 'vitest';
import { campaignResponse, costToServe, type CostToServeInput } from './cost-to-serve';

const base: CostToServeInput = {
  customers: ['quiet'],
  purchases: [
    { customerId: 'big', amountFen: 100_000, costFen: 70_000 },
    { customerId: 'big', amountFen: 50_000, costFen: 35_000 },
    { customerId: 'needy', amountFen: 20_000, costFen: 12_000 }
  ],
  activities: [
    { customerId: 'needy', kind: 'visit' },
    { customerId: 'needy', kind: 'visit' },
    { customerId: 'needy', kind: 'complaint' },
    { customerId: 'big', kind: 'call' },
    { customerId: 'big', kind: 'demo' }
  ],
  expenses: [{ customerId: 'needy', amountFen: 1_500 }],
  costPerKindFen: { visit: 3_000, complaint: 5_000, call: 500 },
  segmentOf: (id) => ({ big: 'A', needy: 'B' })[id]
};

describe('cost to serve', () => {
  it('is gross margin minus activity costs and expenses, least profitable first', () => {
    const r = costToServe(base);
    if (!r.ok) throw new Error('refused');
    expect(r.value.customers.map((c) => [c.id, c.grossMarginFen, c.activityCostFen, c.expensesFen, c.profitFen])).toEqual([
      ['needy', 8_000, 11_000, 1_500, -4_500],
      ['quiet', 0, 0, 0, 0],
      ['big', 45_000, 500, 0, 44_500]
    ]);
    expect(r.value.customers[0].reason).toBe('margin 8000 − 3 activities 11000 − expenses 1500 = -4500');
    expect(r.value.segments.map((s) => [s.id, s.profitFen])).toEqual([
      ['B', -4_500],
      ['', 0],
      ['A', 44_500]
    ]);
    expect(r.value.uncostedKinds).toEqual(['demo']);
  });

  it.each<[string, Partial<CostToServeInput>, string]>([
    ['a negative activity cost', { costPerKindFen: { visit: -1 } }, 'negative-amount'],
    ['a malformed purchase amount', { purchases: [{ customerId: 'a', amountFen: 1.25, costFen: 0 }] }, 'not-an-amount'],
    ['an expense without a customer', { expenses: [{ customerId: '', amountFen: 1 }] }, 'missing-id']
  ])('refuses %s', (_n, patch, code) => {
    const r = costToServe({ ...base, ...patch });
    expect(r.ok ? [] : r.problems.map((p) => p.code)).toEqual([code]);
  });
});

describe('campaign response rate', () => {
  it.each<[string, string[], string[], string[], number | null, number]>([
    ['nobody reached', ['a', 'b'], [], [], null, 0],
    ['one of three, to 0.1 % half up', ['a', 'b', 'c'], ['a', 'b', 'c'], ['b'], 33.3, 0],
    ['two of three rounds up', ['a', 'b', 'c'], ['a', 'b', 'c'], ['a', 'c'], 66.7, 0],
    ['a response from someone not reached is not counted', ['a', 'b'], ['a'], ['a', 'z'], 100, 1],
    ['one of eight is 12.5 %', 'abcdefgh'.split(''), 'abcdefgh'.split(''), ['a', 'a'], 12.5, 0]
  ])('%s', (_n, targets, reached, responded, rate, unreached) => {
    const r = campaignResponse(targets, reached, responded);
    expect([r.ratePercent, r.unreachedResponses]).toEqual([rate, unreached]);
  });
});
