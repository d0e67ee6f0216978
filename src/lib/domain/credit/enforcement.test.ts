import { describe, expect, it } from 'vitest';
import type { Fen } from '../money';
import { checkCreditSale, type CreditSaleCheckInput, type StopReason } from './enforcement';

const y = (yuan: number) => Math.round(yuan * 100) as Fen;
const base: CreditSaleCheckInput = {
  today: '2026-06-15',
  blacklisted: false,
  stopShipment: false,
  agreement: { limit: y(100_000), startDate: '2026-01-01', endDate: '2026-12-31' },
  openReceivables: y(60_000),
  unbilledShipments: y(10_000),
  order: y(20_000)
};

describe('checkCreditSale (credit.md §6)', () => {
  it.each<[string, Partial<CreditSaleCheckInput>, 'allow' | 'stop', StopReason[]]>([
    ['within the limit', {}, 'allow', []],
    ['exactly at the limit', { order: y(30_000) }, 'allow', []],
    ['one fen over', { order: (y(30_000) + 1) as Fen }, 'stop', ['over-limit']],
    ['blacklisted', { blacklisted: true }, 'stop', ['blacklisted']],
    ['stop-shipment flag', { stopShipment: true }, 'stop', ['stop-shipment']],
    ['on the end date', { today: '2026-12-31' }, 'allow', []],
    ['after the end date', { today: '2027-01-01' }, 'stop', ['agreement-expired']],
    ['before the start date', { today: '2025-12-31' }, 'stop', ['agreement-not-started']],
    ['no agreement', { agreement: null }, 'stop', ['no-agreement']],
    [
      'everything at once',
      { blacklisted: true, stopShipment: true, today: '2027-02-01', order: y(50_000) },
      'stop',
      ['blacklisted', 'stop-shipment', 'agreement-expired', 'over-limit']
    ]
  ])('%s', (_name, changes, decision, reasons) => {
    const d = checkCreditSale({ ...base, ...changes });
    expect(d.decision).toBe(decision);
    expect(d.reasons).toEqual(reasons);
  });

  it('shows the exposure, the headroom and how far over', () => {
    const d = checkCreditSale({ ...base, order: y(45_000) });
    expect(d.exposure).toEqual({ openReceivables: y(60_000), unbilledShipments: y(10_000), order: y(45_000), total: y(115_000) });
    expect(d.limit).toBe(y(100_000));
    expect(d.headroom).toBe(-y(15_000));
    expect(d.overBy).toBe(y(15_000));
  });

  it.each<[string, CreditSaleCheckInput['override'], 'allow-by-override' | 'stop', string[]]>([
    ['with who, when and why', { by: 's-1', at: 1_760_000_000_000, reason: '老客户，总经理口头同意' }, 'allow-by-override', []],
    ['without a reason', { by: 's-1', at: 1_760_000_000_000, reason: '  ' }, 'stop', ['reason-required']],
    ['without who', { by: '', at: 1_760_000_000_000, reason: '急单' }, 'stop', ['by-required']]
  ])('a manager override %s', (_name, override, decision, problems) => {
    const d = checkCreditSale({ ...base, blacklisted: true, override });
    expect(d.decision).toBe(decision);
    expect(d.reasons).toEqual(['blacklisted']);
    expect(d.overrideProblems).toEqual(problems);
    expect(d.override).toEqual(decision === 'allow-by-override' ? override : null);
  });

  it('an override on an allowed sale changes nothing', () => {
    const d = checkCreditSale({ ...base, override: { by: 's-1', at: 1, reason: 'x' } });
    expect(d).toMatchObject({ decision: 'allow', override: null });
  });

  it.each<[string, Partial<CreditSaleCheckInput>]>([
    ['a bad date', { today: '2026/06/15' }],
    ['a negative order', { order: -1 as Fen }],
    ['fractions of a fen', { openReceivables: 0.5 as Fen }]
  ])('refuses %s', (_name, changes) => {
    expect(() => checkCreditSale({ ...base, ...changes })).toThrow(RangeError);
  });
});
