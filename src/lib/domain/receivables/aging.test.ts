import { describe, expect, it } from 'vitest';
import { aging, AGING_BUCKETS, agingBucket } from './aging';
import { addDays } from '../dates';
import { pay, sale, y } from '$lib/demo/receivables-testing';

const TODAY = '2026-06-30';

describe('agingBucket at its edges', () => {
  it.each([
    [-30, 'current'],
    [0, 'current'],
    [1, '1-30'],
    [30, '1-30'],
    [31, '31-60'],
    [60, '31-60'],
    [61, '61-90'],
    [90, '61-90'],
    [91, '90+'],
    [400, '90+']
  ])('%i days past due → %s', (days, bucket) => {
    expect(AGING_BUCKETS[agingBucket(days)]).toBe(bucket);
  });
});

describe('aging', () => {
  it.each([0, 1, 30, 31, 60, 61, 90, 91])('a sale %i days past due today lands in its bucket', (days) => {
    const due = addDays(TODAY, -days);
    const t = aging({ sales: [sale('s1', { shipDate: addDays(due, -30) })], payments: [] }, TODAY);
    const expected = [0, 0, 0, 0, 0];
    expected[agingBucket(days)] = y(10_000);
    expect(t.rows[0].buckets).toEqual(expected);
    expect(t.rows[0].oldestDaysPastDue).toBe(days);
  });

  it('adds customers and buckets into totals; overdue is all but current', () => {
    const t = aging(
      {
        sales: [
          sale('a1', { shipDate: '2026-06-01', amount: y(100) }), // due 07-01: current
          sale('a2', { shipDate: '2026-05-01', amount: y(200) }), // due 05-31: 30 days
          sale('b1', { customerId: 'c2', shipDate: '2026-02-01', amount: y(400) }), // due 03-03: 119 days
          sale('b2', { customerId: 'c2', shipDate: '2026-04-01', amount: y(800) }) // due 05-01: 60 days
        ],
        payments: [pay('p1', '2026-06-10', y(50), { customerId: 'c2' })] // to b1, the oldest
      },
      TODAY
    );
    expect(t.rows).toEqual([
      expect.objectContaining({ customerId: 'c1', buckets: [y(100), y(200), 0, 0, 0], total: y(300), overdue: y(200), invoices: 2 }),
      expect.objectContaining({ customerId: 'c2', buckets: [0, 0, y(800), 0, y(350)], total: y(1_150), overdue: y(1_150), invoices: 2 })
    ]);
    expect(t.totals).toEqual({
      buckets: [y(100), y(200), y(800), 0, y(350)],
      total: y(1_450),
      overdue: y(1_350),
      credit: 0,
      customers: 2,
      invoices: 4
    });
  });

  it('counts what is open on the day: later payments and later shipments do not count', () => {
    const t = aging(
      {
        sales: [sale('s1', { shipDate: '2026-05-01' }), sale('s2', { shipDate: '2026-07-05' })],
        payments: [pay('p1', '2026-07-01', y(10_000))]
      },
      TODAY
    );
    expect(t.rows[0]).toMatchObject({ total: y(10_000), buckets: [0, y(10_000), 0, 0, 0], credit: 0, invoices: 1 });
  });

  it('shows an overpayment as credit beside the buckets, not netted', () => {
    const t = aging(
      {
        sales: [sale('s1', { shipDate: '2026-04-01', amount: y(1_000) }), sale('s2', { shipDate: '2026-05-01', amount: y(500) })],
        payments: [
          pay('p1', '2026-06-01', y(1_200), { allocations: [{ saleId: 's1', amount: y(1_000) }] }),
          pay('p2', '2026-06-02', y(600), { allocations: [{ saleId: 's1', amount: y(600) }] })
        ]
      },
      TODAY
    );
    // s1 paid by p1; p1's 200 goes to s2; p2's line to s1 is capped at 0, its 600 tops s2 up (300) and 300 is credit
    expect(t.rows[0]).toMatchObject({ total: 0, credit: y(300), invoices: 0 });
    expect(t.totals.credit).toBe(y(300));
  });

  it('leaves out customers who owe nothing and hold no credit', () => {
    const t = aging({ sales: [sale('s1', { shipDate: '2026-04-01' })], payments: [pay('p1', '2026-05-01', y(10_000))] }, TODAY);
    expect(t.rows).toEqual([]);
    expect(t.totals.total).toBe(0);
  });
});
