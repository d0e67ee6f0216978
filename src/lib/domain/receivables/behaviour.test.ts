import { describe, expect, it } from 'vitest';
import { fillPaymentRecord, paymentBehaviour, timelinessScore } from './behaviour';
import { DEFAULT_CREDIT_SETTINGS, forIndustry } from '../credit/settings';
import { ladderEffects } from './ladder';
import { buildLedger, type ReceivablesInput } from './ledger';
import { pay, sale, y } from '$lib/demo/receivables-testing';

// A 10 000 due 03-31 paid 04-10 (10 days late); B 30 000 due 04-30 paid 04-25 (early);
// C 20 000 due 05-10 still open on 05-20 (10 days so far); D 5 000 not yet due.
const BOOK: ReceivablesInput = {
  sales: [
    sale('A', { shipDate: '2026-03-01', amount: y(10_000) }),
    sale('B', { shipDate: '2026-03-31', amount: y(30_000) }),
    sale('C', { shipDate: '2026-04-10', amount: y(20_000) }),
    sale('D', { shipDate: '2026-05-15', amount: y(5_000) })
  ],
  payments: [pay('p1', '2026-04-10', y(10_000)), pay('p2', '2026-04-25', y(30_000))]
};

const sales = () => buildLedger(BOOK).customers.get('c1')!.sales;

describe('paymentBehaviour', () => {
  it('average days late weighted by amount; early counts 0; open overdue counts its days so far', () => {
    const b = paymentBehaviour(sales(), '2026-05-20');
    // (10 000 × 10 + 30 000 × 0 + 20 000 × 10) / 60 000 = 5
    expect(b).toMatchObject({
      averageDaysLate: 5,
      weighed: y(60_000),
      paidOnTime: y(30_000),
      paidLate: y(10_000),
      openOverdue: y(20_000),
      onTimeShare: 0.5,
      maxDaysLate: 10,
      invoices: 3
    });
  });

  it.each<[string, string, number | null]>([
    ['before anything falls due', '2026-03-20', null],
    ['on A’s due day: A counts only once paid or late', '2026-03-31', null],
    ['A one day late and open', '2026-04-01', 1],
    ['A paid 10 days late', '2026-04-15', 10]
  ])('%s (%s)', (_name, today, average) => {
    expect(paymentBehaviour(sales(), today).averageDaysLate).toBe(average);
  });

  it('can be limited to recent sales', () => {
    expect(paymentBehaviour(sales(), '2026-05-20', { since: '2026-04-01' }).averageDaysLate).toBe((20_000 * 10) / 50_000);
  });

  it('suggests a timeliness score, less a point per bad-credit entry in force', () => {
    const s = sales();
    // A was paid 10 days late and C is 10 days overdue: two bad-credit entries
    const effects = ladderEffects(s, [], '2026-05-20');
    const b = paymentBehaviour(s, '2026-05-20', { effects });
    expect(b.badCreditEntries).toBe(2);
    expect(b.suggestedTimeliness).toBe(timelinessScore(5, 2));
    expect(b.suggestedTimeliness).toBe(6);
  });

  it.each([
    [0, 0, 10],
    [-3, 0, 10],
    [3, 0, 9],
    [3.01, 0, 8],
    [7, 0, 8],
    [15, 0, 6],
    [30, 0, 4],
    [60, 0, 2],
    [61, 0, 0],
    [0, 5, 7],
    [45, 3, 0]
  ])('timelinessScore(%d days, %i entries) = %i', (days, entries, score) => {
    expect(timelinessScore(days, entries)).toBe(score);
  });

  it('fills a blank timeliness aspect of the characteristic sheet, never a scored one', () => {
    const settings = forIndustry(DEFAULT_CREDIT_SETTINGS, null);
    const blank = settings.factors.map(() => [null, null, null, null]);
    const b = paymentBehaviour(sales(), '2026-05-20');
    const filled = fillPaymentRecord(blank, settings, b);
    expect(filled.filled).toBe(true);
    expect(filled.sheet[0][0]).toBe(8); // 5 days late on average → 8 of 10
    expect(blank[0][0]).toBeNull();
    const scored = settings.factors.map(() => [3, null, null, null]);
    expect(fillPaymentRecord(scored, settings, b)).toEqual({ sheet: scored, filled: false });
  });
});
