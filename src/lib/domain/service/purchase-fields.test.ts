import { describe, expect, it } from 'vitest';
import { TABLE_FIELDS } from '../records/fields';
import { checkValue } from '../cells';
import { creditSalePurchase, normalizeTime, purchaseOf, purchaseProblems } from './purchase-fields';

const TODAY = '2026-05-10';
const CUSTOMERS = new Set(['c1']);
const ok = { customerId: 'c1', date: '2026-05-01', time: '08:30', amount: 35_000, volume: 45.5, unit: 'L', paymentKind: 'card' };

describe('purchase records', () => {
  it('are a table of the write path, validated like every other', () => {
    const specs = TABLE_FIELDS.purchases;
    expect(Object.keys(specs)).toEqual([
      'date',
      'time',
      'customerId',
      'orgUnitId',
      'amount',
      'volume',
      'unit',
      'product',
      'paymentKind',
      'receiptNo',
      'notes'
    ]);
    expect(checkValue(specs.amount, 12.5)).toBe('cell.error.money');
    expect(checkValue(specs.paymentKind, 'cheque')).toBe('cell.error.choice');
    expect(checkValue(specs.customerId, undefined)).toBe('cell.error.required');
  });

  it.each([
    ['9:05', '09:05'],
    ['09:05:59', '09:05'],
    ['23：59', '23:59'],
    [' 7:00 ', '07:00'],
    ['24:00', null],
    ['12:60', null],
    ['12:00:61', null],
    ['noon', null],
    ['', null],
    [undefined, null]
  ])('time %j is kept as %j', (text, expected) => {
    expect(normalizeTime(text)).toBe(expected);
  });

  it('become the engine’s purchases, with the time when it is one', () => {
    expect(purchaseOf(ok)).toEqual({
      customerId: 'c1',
      at: '2026-05-01T08:30',
      amountFen: 35_000,
      volume: 45.5,
      unit: 'L',
      paymentKind: 'card',
      siteId: null
    });
    expect(purchaseOf({ ...ok, time: 'later', orgUnitId: 's1' })).toMatchObject({ at: '2026-05-01', siteId: 's1' });
  });

  it('a credit sale counts as a credit purchase on its ship date', () => {
    expect(creditSalePurchase({ customerId: 'c1', shipDate: '2026-04-02', amount: 500_00, orgUnitId: 's1' })).toEqual({
      customerId: 'c1',
      at: '2026-04-02',
      amountFen: 500_00,
      volume: null,
      unit: null,
      paymentKind: 'credit',
      siteId: 's1'
    });
  });

  it.each([
    ['a good purchase', {}, []],
    ['bought today', { date: TODAY, time: '23:59' }, []],
    ['no volume', { volume: undefined }, []],
    ['an amount of 0', { amount: 0 }, []],
    ['1 亿元 exactly', { amount: 10_000_000_000 }, []],
    ['a negative amount', { amount: -100 }, [{ field: 'amount', kind: 'negative-amount', value: '-100' }]],
    ['an absurd amount', { amount: 10_000_000_001 }, [{ field: 'amount', kind: 'absurd-amount', value: '10000000001' }]],
    ['a date in 2999', { date: '2999-01-01' }, [{ field: 'date', kind: 'future-date', value: '2999-01-01T08:30' }]],
    ['tomorrow', { date: '2026-05-11', time: undefined }, [{ field: 'date', kind: 'future-date', value: '2026-05-11' }]],
    ['a date before 1900', { date: '1899-12-31', time: undefined }, [{ field: 'date', kind: 'implausible-date', value: '1899-12-31' }]],
    ['an unknown customer', { customerId: 'nobody' }, [{ field: 'customerId', kind: 'unknown-customer', value: 'nobody' }]],
    ['a negative volume', { volume: -1 }, [{ field: 'volume', kind: 'negative-amount', value: '-1' }]],
    ['a time that is none', { time: '25:00' }, [{ field: 'time', kind: 'invalid-date', value: '25:00' }]],
    ['an unknown payment kind', { paymentKind: 'barter' }, [{ field: 'paymentKind', kind: 'invalid-setting', value: 'barter' }]]
  ])('%s', (_name, patch, expected) => {
    expect(purchaseProblems({ ...ok, ...patch }, CUSTOMERS, TODAY)).toEqual(expected);
  });
});
