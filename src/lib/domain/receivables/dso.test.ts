import { describe, expect, it } from 'vitest';
import { dso, dsoTrend } from './dso';
import type { ReceivablesInput } from './ledger';
import { pay, sale, y } from '$lib/demo/receivables-testing';

// c1: 3 000 shipped 05-15, paid 06-10; 6 000 shipped 06-05, open.
const BOOK: ReceivablesInput = {
  sales: [
    sale('s1', { shipDate: '2026-05-15', amount: y(3_000) }),
    sale('s2', { shipDate: '2026-06-05', amount: y(6_000) }),
    sale('t1', { customerId: 'c2', shipDate: '2026-01-10', amount: y(1_000) })
  ],
  payments: [pay('p1', '2026-06-10', y(3_000))]
};

describe('dso', () => {
  it.each<[string, number, { opening: number; closing: number; sales: number; dso: number | null }]>([
    // June: ((3 000 + 6 000) / 2) / 6 000 × 30 = 22.5
    ['30 days to 06-30', 30, { opening: 3_000, closing: 6_000, sales: 6_000, dso: 22.5 }],
    // 05-02 … 06-30 (60 days): opening 0, closing 6 000, sales 9 000 → 3 000 / 9 000 × 60 = 20
    ['60 days to 06-30', 60, { opening: 0, closing: 6_000, sales: 9_000, dso: 20 }]
  ])('c1, %s', (_name, periodDays, want) => {
    const r = dso(BOOK, '2026-06-30', { periodDays });
    const c1 = r.customers.find((c) => c.customerId === 'c1')!;
    expect({ opening: c1.openingReceivables / 100, closing: c1.closingReceivables / 100, sales: c1.creditSales / 100, dso: c1.dso }).toEqual(want);
    expect(c1.days).toBe(periodDays);
  });

  it('is not computable without credit sales in the period, and says why', () => {
    const c2 = dso(BOOK, '2026-06-30', { periodDays: 30 }).customers.find((c) => c.customerId === 'c2')!;
    expect(c2).toMatchObject({ dso: null, reason: 'no-credit-sales', openingReceivables: y(1_000), closingReceivables: y(1_000) });
  });

  it('is 0 with nothing owed, and leaves such customers out of the list', () => {
    const r = dso({ sales: [sale('s1', { shipDate: '2025-01-01' })], payments: [pay('p1', '2025-02-01', y(10_000))] }, '2026-06-30');
    expect(r.customers).toEqual([]);
    expect(r.overall.dso).toBe(0);
  });

  it('overall adds every customer', () => {
    const r = dso(BOOK, '2026-06-30', { periodDays: 30 });
    // opening 3 000 + 1 000, closing 6 000 + 1 000, sales 6 000 → 5 500 / 6 000 × 30 = 27.5
    expect(r.overall).toMatchObject({ from: '2026-06-01', to: '2026-06-30', dso: 27.5 });
    expect(r.formula).toMatch(/average|receivables at start/);
  });

  it('trends by calendar month, the current month up to today', () => {
    const trend = dsoTrend(BOOK, '2026-06-20', { customerId: 'c1', months: 2 });
    expect(
      trend.map((m) => [m.month, m.from, m.to, m.days, m.openingReceivables / 100, m.closingReceivables / 100, m.creditSales / 100, m.dso])
    ).toEqual([
      // May: (0 + 3 000) / 2 / 3 000 × 31
      ['2026-05', '2026-05-01', '2026-05-31', 31, 0, 3_000, 3_000, 15.5],
      // June 1–20: (3 000 + 6 000) / 2 / 6 000 × 20
      ['2026-06', '2026-06-01', '2026-06-20', 20, 3_000, 6_000, 6_000, 15]
    ]);
  });

  it('the report carries the overall trend, oldest month first', () => {
    const r = dso(BOOK, '2026-06-30', { months: 6 });
    expect(r.trend.map((m) => m.month)).toEqual(['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06']);
    expect(r.trend[0]).toMatchObject({ openingReceivables: 0, closingReceivables: y(1_000), creditSales: y(1_000), dso: 15.5 });
    expect(r.trend[1]).toMatchObject({ dso: null, reason: 'no-credit-sales' });
  });

  it('refuses nonsense periods', () => {
    expect(() => dso(BOOK, '2026-06-30', { periodDays: 0 })).toThrow(RangeError);
    expect(() => dso(BOOK, '2026-06-31')).toThrow(RangeError);
  });
});
