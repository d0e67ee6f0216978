import { describe, expect, it } from 'vitest';
import type { ReceivablesInput } from './ledger';
import { statement } from './statement';
import { pay, sale, y } from '$lib/demo/receivables-testing';

const BOOK: ReceivablesInput = {
  sales: [
    sale('s0', { shipDate: '2026-02-20', amount: y(1_000), invoiceNo: 'FP-0' }),
    sale('s1', { shipDate: '2026-03-05', amount: y(2_000), invoiceNo: 'FP-1', goods: '轮胎' }),
    sale('s2', { shipDate: '2026-03-20', amount: y(3_000), invoiceNo: 'FP-2' }),
    sale('s3', { shipDate: '2026-04-02', amount: y(4_000), invoiceNo: 'FP-3' }),
    sale('x1', { customerId: 'c2', shipDate: '2026-03-10' })
  ],
  payments: [
    pay('p0', '2026-02-25', y(400)),
    pay('p1', '2026-03-20', y(2_600), { reference: 'HD-1' }),
    pay('p2', '2026-03-31', y(500), { method: 'acceptance-bill' }),
    pay('p3', '2026-04-10', y(9_000))
  ]
};

describe('statement (对账单)', () => {
  it('opening balance, the period’s lines with a running balance, closing balance', () => {
    const st = statement(BOOK, 'c1', '2026-03-01', '2026-03-31');
    expect(st.openingBalance).toBe(y(600)); // 1 000 shipped − 400 paid before March
    expect(st.lines.map((l) => [l.date, l.kind, l.id, l.debit / 100, l.credit / 100, l.balance / 100])).toEqual([
      ['2026-03-05', 'sale', 's1', 2_000, 0, 2_600],
      ['2026-03-20', 'sale', 's2', 3_000, 0, 5_600], // a sale before a payment of the same day
      ['2026-03-20', 'payment', 'p1', 0, 2_600, 3_000],
      ['2026-03-31', 'payment', 'p2', 0, 500, 2_500]
    ]);
    expect(st).toMatchObject({ salesTotal: y(5_000), paymentsTotal: y(3_100), closingBalance: y(2_500) });
    expect(st.lines[0]).toMatchObject({ invoiceNo: 'FP-1', goods: '轮胎', dueDate: '2026-04-04' });
    expect(st.lines[2]).toMatchObject({ reference: 'HD-1', method: 'bank-transfer' });
  });

  it('lists what is still open at the end, for the customer to confirm', () => {
    const st = statement(BOOK, 'c1', '2026-03-01', '2026-03-31');
    // paid 3 500 in all by 03-31: s0 (1 000), s1 (2 000), 500 of s2
    expect(st.openAtEnd.map((o) => [o.saleId, o.open / 100])).toEqual([['s2', 2_500]]);
  });

  it('closing = everything shipped − everything paid up to the end; an overpayment is a negative balance', () => {
    const st = statement(BOOK, 'c1', '2026-04-01', '2026-04-30');
    expect(st.openingBalance).toBe(y(2_500));
    expect(st.closingBalance).toBe(y(10_000 - 12_500));
    expect(st.openAtEnd).toEqual([]);
  });

  it('includes both ends of the period', () => {
    const st = statement(BOOK, 'c1', '2026-03-05', '2026-03-20');
    expect(st.lines.map((l) => l.id)).toEqual(['s1', 's2', 'p1']);
  });

  it('is empty for a customer without records, and refuses a reversed period', () => {
    expect(statement(BOOK, 'nobody', '2026-01-01', '2026-12-31')).toMatchObject({ openingBalance: 0, lines: [], closingBalance: 0 });
    expect(() => statement(BOOK, 'c1', '2026-04-01', '2026-03-01')).toThrow(RangeError);
  });
});
