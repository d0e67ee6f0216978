import { describe, expect, it } from 'vitest';
import { monthlyAnalysis } from './monthly';
import { checkPurchases, MAX_PURCHASE_FEN, type Purchase } from './purchases';

const units = [
  { id: 'co', kind: 'company' as const },
  { id: 's1', kind: 'site' as const, parentId: 'co' },
  { id: 's2', kind: 'site' as const, parentId: 'co' }
];
const buy = (customerId: string, at: string, amountFen: number, paymentKind: Purchase['paymentKind'] = 'cash'): Purchase => ({
  customerId,
  at,
  amountFen,
  paymentKind
});

// 20 customers of s1 created in 2025; in March 2026 each buys (i + 1) × 100 元, the top two by card
const customers = Array.from({ length: 20 }, (_, i) => ({ id: `a${i}`, orgUnitId: 's1', createdOn: '2025-01-10' }));
customers.push({ id: 'new', orgUnitId: 's2', createdOn: '2026-03-05' });
const purchases: Purchase[] = customers.slice(0, 20).map((k, i) => buy(k.id, '2026-03-10T08:00', (i + 1) * 10000, i >= 18 ? 'card' : 'cash'));
purchases.push(buy('a0', '2025-03-02', 105000), buy('new', '2026-03-06', 10000, 'credit'));

describe('monthly analysis', () => {
  const r = monthlyAnalysis(
    {
      customers: [...customers, { id: 'gone', orgUnitId: 's2', createdOn: '2025-01-01', losses: [{ on: '2026-03-20' }] }],
      purchases,
      flags: [{ customerId: 'a1', raisedOn: '2026-03-02', clearedOn: '2026-04-01' }],
      complaints: [
        {
          customerId: 'a2',
          receivedAt: '2026-03-02T10:00',
          steps: [
            { step: 'verify', doneOn: '2026-03-04', late: true, workingDaysTaken: 2 },
            { step: 'review', doneOn: '2026-03-05', late: false, workingDaysTaken: 3 },
            { step: 'rectify', doneOn: null, late: true, workingDaysTaken: null }
          ]
        },
        { customerId: 'a3', receivedAt: '2026-02-27', steps: [{ step: 'verify', doneOn: '2026-03-02', late: false, workingDaysTaken: 1 }] }
      ]
    },
    ['2026-03'],
    units,
    '2026-04-02'
  );
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  const row = (unitId: string | null) => r.value.find((x) => x.unitId === unitId);

  it('s1: active, top 10 %, card share, growth against last March', () => {
    // total 210 × 100 元 = 2 100 000 fen; top ⌈2⌉ customers 20 + 19 → 3 900 / 21 000
    expect(row('s1')).toEqual({
      unitId: 's1',
      month: '2026-03',
      newCustomers: 0,
      activeCustomers: 20,
      lostCustomers: 0,
      customersAtEnd: 20,
      salesFen: 2100000,
      customersGrowth: 0,
      activeGrowth: 19,
      salesGrowth: 19,
      topDecileShare: 0.185714,
      cardShare: 0.185714,
      creditShare: 0,
      flagsRaised: 1,
      flagsCleared: 0,
      complaintsReceived: 1,
      complaintsArchived: 0,
      lateSteps: 1,
      stepDays: { verify: 1.5, review: 3, rectify: null, revisit: null, archive: null }
    });
  });
  it('s2: a new customer on credit, a lost one', () => {
    expect(row('s2')).toMatchObject({ newCustomers: 1, lostCustomers: 1, activeCustomers: 1, customersAtEnd: 1, creditShare: 1, topDecileShare: 1 });
  });
  it('the company rolls its sites up', () => {
    expect(row('co')).toMatchObject({ newCustomers: 1, lostCustomers: 1, activeCustomers: 21, salesFen: 2110000, customersAtEnd: 21 });
    expect(row(null)).toMatchObject({ salesFen: 2110000 });
  });
  it('a month without sales has no shares, never NaN', () => {
    const empty = monthlyAnalysis({ customers, purchases: [] }, ['2026-02'], null, '2026-04-02');
    expect(empty.ok && empty.value[0]).toMatchObject({ salesFen: 0, topDecileShare: null, cardShare: null, creditShare: null, salesGrowth: null });
  });
  it.each<[string, Purchase, string]>([
    ['a negative amount', buy('a0', '2026-03-01', -1), 'negative-amount'],
    ['an absurd amount', buy('a0', '2026-03-01', MAX_PURCHASE_FEN + 1), 'absurd-amount'],
    ['a fraction of a fen', buy('a0', '2026-03-01', 10.5), 'invalid-number'],
    ['a date in 2999', buy('a0', '2999-03-01', 100), 'future-date'],
    ['an unknown customer', buy('ghost', '2026-03-01', 100), 'unknown-customer']
  ])('refuses %s, nothing partial', (_n, bad, kind) => {
    const out = monthlyAnalysis({ customers, purchases: [...purchases, bad] }, ['2026-03'], units, '2026-04-02');
    expect(out).toEqual({ ok: false, problems: [expect.objectContaining({ kind, at: expect.stringContaining(`purchases[${purchases.length}]`) })] });
  });
});

describe('purchases', () => {
  it('checks every row and names each bad one', () => {
    const r = checkPurchases([buy('a', '2026-01-01', 100), buy('b', '2026-01-01', -5), buy('a', 'yesterday', 5)], new Set(['a']), '2026-02-01');
    expect(r).toEqual({
      ok: false,
      problems: [
        { kind: 'unknown-customer', at: 'purchases[1].customerId', value: 'b' },
        { kind: 'negative-amount', at: 'purchases[1].amountFen', value: '-5' },
        { kind: 'invalid-date', at: 'purchases[2].at', value: 'yesterday' }
      ]
    });
  });
});
