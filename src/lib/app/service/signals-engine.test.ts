import { describe, expect, it } from 'vitest';
import { DEFAULT_CHURN_SETTINGS, type ChurnSettings } from './churn-settings';
import { SignalsEngine, type SignalRow } from './signals-engine';

const every6 = ['2026-04-01', '2026-04-07', '2026-04-13', '2026-04-19', '2026-04-25'];
const purchase = (id: string, customerId: string, date: string, extra: Record<string, unknown> = {}): SignalRow => ({
  id,
  customerId,
  date,
  amount: 30_000,
  paymentKind: 'cash',
  deleted: 0,
  ...extra
});
const followUp = (id: string, at: string, extra: Record<string, unknown> = {}): SignalRow => ({
  id,
  customerId: 'c1',
  at,
  channel: 'phone',
  done: true,
  purpose: '长时间未来加油',
  outcome: '出差，下周回来',
  deleted: 0,
  ...extra
});

function engineWith(rows: { purchases?: SignalRow[]; creditSales?: SignalRow[]; followUps?: SignalRow[]; customers?: SignalRow[] } = {}) {
  const e = new SignalsEngine();
  e.load('purchases', rows.purchases ?? every6.map((d, i) => purchase(`p${i}`, 'c1', d)));
  e.load('creditSales', rows.creditSales ?? []);
  e.load('followUps', rows.followUps ?? []);
  e.load('customers', rows.customers ?? [{ id: 'c1', deleted: 0 }]);
  return e;
}

const flagsOf = (e: SignalsEngine, today: string, customer = 'c1', settings: ChurnSettings = DEFAULT_CHURN_SETTINGS) =>
  e.flags(today, settings).signals.find((s) => s.customerId === customer)?.flags ?? [];
const summary = (e: SignalsEngine, today: string, customer = 'c1', settings?: ChurnSettings) =>
  flagsOf(e, today, customer, settings).map((f) => ({ kind: f.kind, raisedOn: f.raisedOn, cleared: f.cleared }));

describe('churn signals of the stored rows', () => {
  it.each([
    // usual cycle 6 days, last purchase 04-25, grace 3: flagged from day 10 after it
    ['2026-05-03', 3, []],
    ['2026-05-04', 3, []],
    ['2026-05-05', 3, [{ kind: 'cycle', raisedOn: '2026-05-05', cleared: false }]],
    ['2026-05-06', 3, [{ kind: 'cycle', raisedOn: '2026-05-05', cleared: false }]],
    ['2026-05-06', 5, []],
    ['2026-05-06', 0, [{ kind: 'cycle', raisedOn: '2026-05-02', cleared: false }]]
  ])('on %s with grace %i', (today, graceDays, expected) => {
    expect(summary(engineWith(), today, 'c1', { ...DEFAULT_CHURN_SETTINGS, graceDays })).toEqual(expected);
  });

  it('says why in numbers', () => {
    const [f] = flagsOf(engineWith(), '2026-05-06');
    expect(f.kind === 'cycle' && f.detail).toMatchObject({ cycleDays: 6, daysSince: 11, graceDays: 3, lastPurchase: '2026-04-25', source: 'median' });
  });

  it('counts a credit sale as a purchase without it being entered twice', () => {
    const e = engineWith({ creditSales: [{ id: 's1', customerId: 'c1', shipDate: '2026-05-01', amount: 90_000, termDays: 30, deleted: 0 }] });
    expect(summary(e, '2026-05-10')).toEqual([]);
    const [f] = flagsOf(e, '2026-05-11');
    expect(f.kind === 'cycle' && f.detail).toMatchObject({ lastPurchase: '2026-05-01', daysSince: 10, cycleDays: 6 });
  });

  it.each([
    ['a follow-up with its reason and result on the day', true, [followUp('f1', '2026-05-06T10:00')]],
    ['one on the day the flag was raised', true, [followUp('f1', '2026-05-05T09:00')]],
    ['one before the flag was raised', false, [followUp('f1', '2026-05-04T09:00')]],
    ['one without a result', false, [followUp('f1', '2026-05-06T10:00', { outcome: '  ' })]],
    ['one without a reason', false, [followUp('f1', '2026-05-06T10:00', { purpose: undefined })]],
    ['a planned one', false, [followUp('f1', '2026-05-06T10:00', { done: false })]],
    ['one in the bin', false, [followUp('f1', '2026-05-06T10:00', { deleted: 1 })]]
  ])('%s clears the flag: %s', (_name, cleared, followUps) => {
    expect(summary(engineWith({ followUps }), '2026-05-06')).toEqual([{ kind: 'cycle', raisedOn: '2026-05-05', cleared }]);
  });

  it('recomputes only the customers a change touched, and all of them when the day moves', () => {
    const e = engineWith({ purchases: [...every6.map((d, i) => purchase(`p${i}`, 'c1', d)), ...every6.map((d, i) => purchase(`q${i}`, 'c2', d))] });
    expect(e.flags('2026-05-06', DEFAULT_CHURN_SETTINGS).recomputed).toBe(2);
    e.upsert('purchases', [purchase('p9', 'c1', '2026-05-06')]);
    const after = e.flags('2026-05-06', DEFAULT_CHURN_SETTINGS);
    expect(after.recomputed).toBe(1);
    expect(after.signals.map((s) => s.customerId)).toEqual(['c2']);
    expect(e.flags('2026-05-07', DEFAULT_CHURN_SETTINGS).recomputed).toBe(2);
  });

  it('follows a purchase moved to another customer (a merge re-points it) and one deleted', () => {
    const e = engineWith();
    expect(summary(e, '2026-05-06')).toHaveLength(1);
    e.upsert('purchases', [purchase('p4', 'c1', '2026-05-04')]);
    expect(summary(e, '2026-05-06')).toEqual([]);
    e.upsert('purchases', [purchase('p4', 'c2', '2026-05-04')]);
    expect(summary(e, '2026-05-06')).toHaveLength(1);
    e.remove('purchases', ['p3']);
    // 04-01, 04-07, 04-13: cycle 6, 23 days since
    const [f] = flagsOf(e, '2026-05-06');
    expect(f.kind === 'cycle' && f.detail).toMatchObject({ lastPurchase: '2026-04-13', daysSince: 23 });
  });

  it('keeps a customer in the bin out, and takes a cycle set by hand', () => {
    expect(summary(engineWith({ customers: [{ id: 'c1', deleted: 1 }] }), '2026-05-06')).toEqual([]);
    expect(summary(engineWith({ customers: [{ id: 'c1', cycleDays: 20, deleted: 0 }] }), '2026-05-06')).toEqual([]);
    const [f] = flagsOf(engineWith({ customers: [{ id: 'c1', cycleDays: 2, deleted: 0 }] }), '2026-05-06');
    expect(f.kind === 'cycle' && f.detail).toMatchObject({ cycleDays: 2, source: 'hand' });
  });

  it('reads purchases as of today, and leaves out rows the write path could not have written', () => {
    const e = engineWith({
      purchases: [
        ...every6.map((d, i) => purchase(`p${i}`, 'c1', d)),
        purchase('later', 'c1', '2026-06-01'),
        purchase('neg', 'c1', '2026-05-01', { amount: -5 }),
        purchase('bad', 'c1', 'soon')
      ]
    });
    const [f] = flagsOf(e, '2026-05-06');
    expect(f.kind === 'cycle' && f.detail).toMatchObject({ lastPurchase: '2026-04-25', daysSince: 11 });
  });

  it.each([
    // baseline 01-11 … 04-10: three purchases of ¥300 (an average of ¥300 per 30 days); window: one
    ['amount', 10_000, 40, true],
    ['amount', 15_000, 40, false],
    ['volume', 10_000, 40, false],
    ['volume', 10_000, 19.99, true]
  ] as const)('volume by %s: window amount %i, volume %d → flagged %s', (measure, amount, volume, flagged) => {
    const purchases = [
      purchase('a', 'c1', '2026-02-01', { volume: 40 }),
      purchase('b', 'c1', '2026-03-01', { volume: 40 }),
      purchase('c', 'c1', '2026-04-01', { volume: 40 }),
      purchase('d', 'c1', '2026-05-09', { amount, volume })
    ];
    const kinds = summary(engineWith({ purchases }), '2026-05-10', 'c1', { ...DEFAULT_CHURN_SETTINGS, measure }).map((f) => f.kind);
    expect(kinds).toEqual(flagged ? ['volume'] : []);
  });
});
