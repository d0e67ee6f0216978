import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { KebuDB } from '$lib/db/schema';
import { WritePath } from '$lib/db/write-path';
import { fen } from '$lib/domain/money';
import { i18n } from '$lib/i18n/index.svelte';
import { addCustomer, deleteCustomer } from './customers';
import { commitGridEdits, restoreFieldValue, restoreRecords } from './records';
import { addAgreement, recordCreditSale, recordPayment, requestExtension } from './receivables';
import { logContact, markFollowUpDone } from './follow-ups';
import { saveRequiredFields } from './settings';
import { loadDemoData } from './demo';

let n = 0;
let db: KebuDB;
let wp: WritePath;
let ws: { writes: WritePath };
beforeEach(async () => {
  db = new KebuDB(`commands-${++n}`);
  await db.open();
  wp = new WritePath(db, { id: 'p', name: '王丽', device: 'test' });
  ws = { writes: wp };
});
afterEach(async () => {
  wp.destroy();
  db.close();
  await db.delete();
  i18n.locale = 'zh-CN';
});

const live = async (table: 'customers' | 'payments' | 'creditAgreements') => (await db.table(table).toArray()).filter((r) => !r.deleted);

describe('commands', () => {
  it('a grid commit is one write: edits grouped per row, new rows with defaults; one undo takes it back', async () => {
    const added = await addCustomer(ws, 'unit', '  杭州顺达物流  ');
    expect(added.ok).toBe(true);
    const id = added.ok ? added.changeSet.ops[0].id : '';
    expect((await db.customers.get(id))!).toMatchObject({ name: '杭州顺达物流', status: 'prospect', stage: 'first-contact' });
    const r = await commitGridEdits(
      ws,
      'customers',
      {
        edits: [
          { rowId: id, column: 'shortName', value: '顺达' },
          { rowId: id, column: 'tier', value: 'A' }
        ],
        newRows: [{ name: '成都蜀香餐饮' }, { name: '张伟', kind: 'individual' }]
      },
      { kind: 'unit' }
    );
    expect(r.ok && r.changeSet.label).toBe('change.paste');
    expect((await live('customers')).map((c) => c.name).sort()).toEqual(['张伟', '成都蜀香餐饮', '杭州顺达物流']);
    expect(await db.customers.get(id)).toMatchObject({ shortName: '顺达', tier: 'A' });
    await wp.undo();
    expect(await live('customers')).toHaveLength(1);
    expect((await db.customers.get(id))!.shortName).toBeUndefined();
  });

  it.each([
    ['zh-CN', '请填写客户名称'],
    ['en', 'Please enter the customer name']
  ] as const)('refuses with a sentence in the user language and writes nothing (%s)', async (locale, text) => {
    i18n.locale = locale;
    const r = await addCustomer(ws, 'unit', '   ');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toContain(text);
    expect(await db.changes.count()).toBe(0);
  });

  it.each([
    ['no customer', { customerId: undefined }, '找不到这位客户'],
    ['a zero limit', { limit: fen(0) }, '额度'],
    ['a broken term', { termDays: 1.5 }, '期限'],
    ['dates out of order', { endDate: '2025-12-31' }, '截止日期不能早于开始日期']
  ])('an agreement with %s is refused before anything is written', async (_what, bad, text) => {
    const good = { customerId: 'c1', limit: fen(10_000_000), termDays: 30, startDate: '2026-01-01', endDate: '2026-12-31' };
    const r = await addAgreement(ws, { ...good, ...bad });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toContain(text);
    expect(await db.changes.count()).toBe(0);
  });

  it('a credit sale and its override are one write; a payment, an extension request, a follow-up, a setting', async () => {
    const c = await addCustomer(ws, 'unit', '杭州顺达物流');
    const customerId = c.ok ? c.changeSet.ops[0].id : '';
    const sale = await recordCreditSale(
      ws,
      { id: '01J0000000000000000000SALE', customerId, shipDate: '2026-03-01', amount: fen(5_000_000), termDays: 30 },
      { customerId, saleId: '01J0000000000000000000SALE', by: 'stf-1', at: 1, reason: '老客户', reasons: [], exposure: fen(5_000_000) }
    );
    expect(sale.ok && sale.changeSet.ops.map((o) => o.table)).toEqual(['creditSales', 'creditOverrides']);
    expect((await recordPayment(ws, { customerId, paidOn: '2026-03-05', amount: null, method: 'cash' })).ok).toBe(false);
    expect((await recordPayment(ws, { customerId, paidOn: '2026-03-05', amount: fen(100), method: 'cash', reference: ' ' })).ok).toBe(true);
    expect((await live('payments'))[0]).not.toHaveProperty('reference');
    const ext = { customerId, saleId: '01J0000000000000000000SALE', dueDate: '2026-03-31', requestedOn: '2026-03-20', reason: '资金紧张' };
    expect((await requestExtension(ws, { ...ext, requestedDueDate: '2026-03-30' })).ok).toBe(false);
    expect((await requestExtension(ws, { ...ext, requestedDueDate: '2026-04-30' })).ok).toBe(true);
    const fu = await logContact(ws, { customerId, at: '2026-03-01T10:00', channel: 'phone', done: false, contactId: '', purpose: ' 催款 ' });
    const fuId = fu.ok ? fu.changeSet.ops[0].id : '';
    expect(await db.followUps.get(fuId)).toMatchObject({ purpose: '催款', done: false });
    expect(await db.followUps.get(fuId)).not.toHaveProperty('contactId');
    await markFollowUpDone(ws, fuId);
    expect((await db.followUps.get(fuId))!.done).toBe(true);
    expect((await saveRequiredFields(ws, { unit: ['name'], individual: ['name'] }, false)).ok).toBe(true);
    expect((await saveRequiredFields(ws, { unit: ['name', 'mobile'], individual: ['name'] }, true)).ok).toBe(true);
    expect((await db.settings.get('requiredFields'))!.value).toEqual({ unit: ['name', 'mobile'], individual: ['name'] });
  });

  it('delete, restore and a value put back from history are undoable writes', async () => {
    const c = await addCustomer(ws, 'unit', '杭州顺达物流');
    const id = c.ok ? c.changeSet.ops[0].id : '';
    await deleteCustomer(ws, id);
    expect(await live('customers')).toHaveLength(0);
    await restoreRecords(ws, 'customers', [id]);
    expect(await live('customers')).toHaveLength(1);
    const r = await restoreFieldValue(ws, 'customers', id, 'name', '杭州顺达');
    expect(r.ok && r.changeSet.label).toBe('change.restoreValue');
    await wp.undo();
    expect((await db.customers.get(id))!.name).toBe('杭州顺达物流');
  });

  it('the demo loads in one write', async () => {
    const r = await loadDemoData(ws, { customers: 5, today: '2026-03-01' });
    expect(r.ok).toBe(true);
    expect(await db.changes.count()).toBe(1);
    expect((await live('customers')).length).toBeGreaterThanOrEqual(5);
  });
});
