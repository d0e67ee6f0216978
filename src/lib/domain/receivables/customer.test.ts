import { describe, expect, it } from 'vitest';
import { checkCreditSale } from '../credit/enforcement';
import { agreementInEffect, creditSaleCheckInput, customerReceivables } from './customer';
import type { ReceivablesInput } from './ledger';
import { pay, sale, y } from '$lib/demo/receivables-testing';
import type { CreditAgreementRow } from './types';

const TODAY = '2026-04-20';

// s1 due 03-31 (20 days overdue), half paid; s2 due 05-05 (not yet due); s3 shipped, no invoice yet;
// s4 entered for shipment next week.
const BOOK: ReceivablesInput = {
  sales: [
    sale('s1', { deliveryConfirmedOn: '2026-03-02' }),
    sale('s2', { shipDate: '2026-04-05', deliveryConfirmedOn: '2026-04-06', amount: y(3_000) }),
    sale('s3', { shipDate: '2026-04-18', invoiceNo: undefined, amount: y(1_500) }),
    sale('s4', { shipDate: '2026-04-27', amount: y(700) })
  ],
  payments: [pay('p1', '2026-04-01', y(5_000))]
};

const agreement = (id: string, fields: Partial<CreditAgreementRow> = {}): CreditAgreementRow => ({
  id,
  customerId: 'c1',
  limit: y(20_000),
  termDays: 30,
  startDate: '2026-01-01',
  endDate: '2026-12-31',
  ...fields
});

describe('customerReceivables', () => {
  it('open receivables with their ladder position, due tasks and aging bucket', () => {
    const v = customerReceivables(BOOK, 'c1', TODAY);
    expect(v.open.map((o) => [o.saleId, o.open / 100, o.position.stage, o.bucket, o.tasksDue.map((t) => t.kind)])).toEqual([
      ['s1', 5_000, 'overdue-14', '1-30', ['collection-letter']],
      ['s2', 3_000, 'in-term', 'current', []],
      ['s3', 1_500, 'just-shipped', 'current', ['confirm-delivery']]
    ]);
    expect(v.totals).toEqual({ open: y(9_500), overdue: y(5_000), notYetDue: y(4_500), credit: 0 });
  });

  it('payment behaviour and effects', () => {
    const v = customerReceivables(BOOK, 'c1', TODAY);
    expect(v.behaviour.averageDaysLate).toBeCloseTo((5_000 * 1 + 5_000 * 20) / 10_000);
    expect(v.effects.stopShipment).toMatchObject({ active: true, since: '2026-04-14' });
    expect(v.effects.badCredit.map((x) => x.saleId)).toEqual(['s1']);
  });

  it('standing: exposure split into invoiced and unbilled, committed shipments included', () => {
    const v = customerReceivables(BOOK, 'c1', TODAY);
    expect(v.standing).toEqual({
      blacklisted: false,
      stopShipment: true,
      openReceivables: y(5_000 + 3_000 + 700),
      unbilledShipments: y(1_500)
    });
    expect(customerReceivables(BOOK, 'c1', TODAY, { manuallyBlacklisted: true }).standing.blacklisted).toBe(true);
  });

  it('feeds checkCreditSale (credit.md §6): the stop and the limit', () => {
    const v = customerReceivables(BOOK, 'c1', TODAY);
    const a = agreementInEffect([agreement('a1')], 'c1', TODAY);
    const d = checkCreditSale(creditSaleCheckInput(v, a, y(12_000)));
    expect(d.decision).toBe('stop');
    expect(d.reasons).toEqual(['stop-shipment', 'over-limit']);
    expect(d.exposure.total).toBe(y(10_200 + 12_000));
    const paidUp = customerReceivables({ ...BOOK, payments: [...BOOK.payments, pay('p2', '2026-04-19', y(5_000))] }, 'c1', TODAY);
    expect(checkCreditSale(creditSaleCheckInput(paidUp, a, y(10_000))).decision).toBe('allow');
  });

  it('a customer without records owes nothing', () => {
    const v = customerReceivables(BOOK, 'nobody', TODAY);
    expect(v.open).toEqual([]);
    expect(v.standing).toEqual({ blacklisted: false, stopShipment: false, openReceivables: 0, unbilledShipments: 0 });
    expect(v.behaviour.averageDaysLate).toBeNull();
  });
});

describe('agreementInEffect', () => {
  it.each<[string, CreditAgreementRow[], string | null]>([
    ['the one in force', [agreement('a1')], 'a1'],
    ['none before it starts', [agreement('a1', { startDate: '2026-05-01' })], null],
    ['the end date is the last valid day', [agreement('a1', { endDate: TODAY })], 'a1'],
    ['none after it ends', [agreement('a1', { endDate: '2026-04-19' })], null],
    ['the latest signed of two', [agreement('a1'), agreement('a2', { startDate: '2026-04-01' })], 'a2'],
    ['not another customer’s', [agreement('a1', { customerId: 'c2' })], null],
    ['not a deleted one', [agreement('a1', { deleted: 1 })], null],
    ['not an invalid one', [agreement('a1', { startDate: '2026-13-01' })], null]
  ])('%s', (_name, agreements, id) => {
    expect(agreementInEffect(agreements, 'c1', TODAY)?.id ?? null).toBe(id);
  });
});
