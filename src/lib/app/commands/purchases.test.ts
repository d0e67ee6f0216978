import { describe, expect, it } from 'vitest';
import { freshWritePath } from '$lib/db/test-write-path';
import type { KebuDB } from '$lib/db/schema';
import type { WritePath } from '$lib/db/write-path';
import { i18n } from '$lib/i18n/index.svelte';
import { CHURN_SETTINGS_ID, DEFAULT_CHURN_SETTINGS } from '$lib/app/service/churn-settings';
import { commitPurchaseEdits, saveChurnSettings, type PurchaseBook } from './purchases';

let db: KebuDB;
let wp: WritePath;
freshWritePath((d, w) => {
  db = d;
  wp = w;
});

const LABEL: Record<string, string> = { amount: '金额（元）', date: '日期', time: '时间', customerId: '客户' };
const label = (f: string) => LABEL[f] ?? f;

async function book(): Promise<PurchaseBook> {
  await wp.write('change.add', [{ type: 'insert', table: 'customers', record: { id: 'c1', kind: 'unit', name: '顺达物流' } }]);
  return {
    purchase: () => undefined,
    customerIds: new Set(['c1']),
    today: '2026-05-10'
  };
}
const row = (extra: Record<string, unknown> = {}) => ({ date: '2026-05-01', customerId: 'c1', amount: 35_000, ...extra });

describe('purchase commands', () => {
  it('a grid commit of good rows is one write, the time kept as HH:mm and the payment kind defaulted', async () => {
    const r = await commitPurchaseEdits(
      { writes: wp },
      { edits: [], newRows: [row({ time: '8:05' }), row({ paymentKind: 'card' })] },
      await book(),
      label
    );
    expect(r.ok).toBe(true);
    const rows = await db.purchases.toArray();
    expect(rows.map((p) => [p.time, p.paymentKind])).toEqual([
      ['08:05', 'other'],
      [undefined, 'card']
    ]);
  });

  it.each([
    ['a negative amount', row({ amount: -100 }), '“金额（元）”的值“-1.00”不能为负数，未做任何更改。'],
    ['an absurd amount', row({ amount: 10_000_000_001 }), '“金额（元）”的值“100,000,000.01”超过 1 亿元，不像是一笔购买，未做任何更改。'],
    ['a date in 2999', row({ date: '2999-01-01' }), '“日期”的值“2999-01-01”晚于今天，购买不会发生在未来，未做任何更改。'],
    ['an unknown customer', row({ customerId: 'ghost' }), '“客户”的值“ghost”找不到这个客户，未做任何更改。'],
    ['a time that is none', row({ time: '25:61' }), '“时间”的值“25:61”不是有效的日期或时间，未做任何更改。']
  ])('%s refuses the whole commit with a sentence', async (_name, bad, message) => {
    const b = await book();
    const before = await db.changes.count();
    const r = await commitPurchaseEdits({ writes: wp }, { edits: [], newRows: [row(), bad] }, b, label);
    expect(r.ok ? '' : r.message).toBe(message);
    expect(await db.purchases.count()).toBe(0);
    expect(await db.changes.count()).toBe(before);
  });

  it('an edit is checked on what the record would become, naming only the field it writes', async () => {
    const b = await book();
    const first = await commitPurchaseEdits({ writes: wp }, { edits: [], newRows: [row()] }, b, label);
    const id = first.ok ? first.changeSet.ops[0].id : '';
    const stored = await db.purchases.get(id);
    const withStored = { ...b, purchase: () => stored };
    const bad = await commitPurchaseEdits({ writes: wp }, { edits: [{ rowId: id, column: 'amount', value: -1 }], newRows: [] }, withStored, label);
    expect(bad.ok).toBe(false);
    expect((await db.purchases.get(id))?.amount).toBe(35_000);
    const good = await commitPurchaseEdits({ writes: wp }, { edits: [{ rowId: id, column: 'time', value: '9:30' }], newRows: [] }, withStored, label);
    expect(good.ok).toBe(true);
    expect((await db.purchases.get(id))?.time).toBe('09:30');
  });

  it('the churn settings are saved whole, and a number out of range changes nothing', async () => {
    i18n.locale = 'en';
    try {
      const bad = await saveChurnSettings({ writes: wp }, { ...DEFAULT_CHURN_SETTINGS, ratioPercent: 0 }, false);
      expect(bad.ok ? '' : bad.message).toBe('“Below this share of the average (%)” must be a whole number from 1 to 100.');
      expect(await db.settings.get(CHURN_SETTINGS_ID)).toBeUndefined();
      const good = await saveChurnSettings({ writes: wp }, { ...DEFAULT_CHURN_SETTINGS, graceDays: 5 }, false);
      expect(good.ok).toBe(true);
      expect((await db.settings.get(CHURN_SETTINGS_ID))?.value).toMatchObject({ graceDays: 5, ratioPercent: 50, measure: 'amount' });
    } finally {
      i18n.locale = 'zh-CN';
    }
  });
});
