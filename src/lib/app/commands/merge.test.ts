import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { KebuDB, type TableName } from '$lib/db/schema';
import { WritePath } from '$lib/db/write-path';
import { customerLinks } from '$lib/app/merge';
import { i18n } from '$lib/i18n/index.svelte';
import type { Customer } from '$lib/domain/records/types';
import { mergeCustomers, planCustomerMerge, type MergeWorkspace } from './merge';
import { insert } from './command';
import { fen } from '$lib/domain/money';

let n = 0;
let db: KebuDB;
let wp: WritePath;
beforeEach(async () => {
  db = new KebuDB(`merge-cmd-${++n}`);
  await db.open();
  wp = new WritePath(db, { id: 'p', name: '王丽', device: 'test' });
});
afterEach(async () => {
  wp.destroy();
  db.close();
  await db.delete();
  i18n.locale = 'zh-CN';
});

/** The link lookups the note needs, read straight from the database. */
async function workspace(): Promise<MergeWorkspace> {
  const store = async (table: 'staff' | 'orgUnits' | 'customers' | 'contacts') => {
    const rows = (await db.table(table).toArray()) as { id: string }[];
    return { rows, get: (id: string) => rows.find((r) => r.id === id) };
  };
  return {
    db,
    writes: wp,
    staff: await store('staff'),
    orgUnits: await store('orgUnits'),
    customers: await store('customers'),
    contacts: await store('contacts'),
    customColumns: { rows: [] }
  };
}

/** One valid record of every table that links to a customer, for customer `c`. */
function recordsFor(c: string) {
  return [
    insert('contacts', { id: `ct-${c}`, customerId: c, name: `联系人${c}`, primary: true }),
    insert('followUps', { id: `fu-${c}`, customerId: c, at: '2026-03-01T10:00', channel: 'phone', done: true }),
    insert('creditApplications', { id: `ap-${c}`, customerId: c, amount: fen(1_000_000), termDays: 30, purpose: '进货' }),
    insert('creditEvaluations', {
      id: `ev-${c}`,
      customerId: c,
      statements: [],
      aspects: {},
      settings: {},
      settingsVersion: 1,
      evaluatedOn: '2026-02-01'
    }),
    insert('creditAgreements', {
      id: `ag-${c}`,
      customerId: c,
      limit: fen(10_000_000),
      termDays: 30,
      startDate: '2026-01-01',
      endDate: '2026-12-31'
    }),
    insert('creditSales', { id: `sa-${c}`, customerId: c, agreementId: `ag-${c}`, shipDate: '2026-03-01', amount: fen(3_777_652), termDays: 30 }),
    insert('creditOverrides', {
      id: `ov-${c}`,
      customerId: c,
      saleId: `sa-${c}`,
      by: 'stf-1',
      at: 1,
      reason: '老客户',
      reasons: [],
      exposure: fen(3_777_652)
    }),
    insert('payments', { id: `pa-${c}`, customerId: c, paidOn: '2026-03-05', amount: fen(100_000), method: 'cash' }),
    insert('extensionRequests', {
      id: `ex-${c}`,
      customerId: c,
      saleId: `sa-${c}`,
      requestedOn: '2026-03-20',
      requestedDueDate: '2026-04-30',
      reason: '资金紧张',
      status: 'requested'
    }),
    insert('ladderTasksDone', {
      id: `td-${c}`,
      customerId: c,
      saleId: `sa-${c}`,
      taskKey: `sa-${c}:confirm-delivery`,
      kind: 'confirm-delivery',
      outcome: 'arrived-satisfied',
      doneOn: '2026-03-01'
    }),
    insert('ladderEffectLifts', {
      id: `li-${c}`,
      customerId: c,
      effect: 'stop-shipment',
      liftedOn: '2026-03-10',
      liftedBy: 'stf-1',
      reason: '已回款'
    }),
    insert('customers', { id: `ch-${c}`, kind: 'unit', name: `${c}分公司`, parentId: c })
  ];
}

async function seed() {
  await wp.write('seed', [
    insert('staff', { id: 'stf-1', name: '张三', active: true, manager: true }),
    insert('staff', { id: 'stf-2', name: '李四', active: true }),
    insert('customers', { id: 'k', kind: 'unit', name: '杭州顺达物流有限公司', managerId: 'stf-2', tier: 'A' }),
    insert('customers', { id: 'o', kind: 'unit', name: '杭州顺达物流', managerId: 'stf-1', industry: '物流' }),
    ...recordsFor('k'),
    ...recordsFor('o')
  ]);
  const get = async (id: string) => (await db.customers.get(id)) as Customer;
  return { keep: await get('k'), other: await get('o') };
}

const linkedTo = async (table: TableName, field: string, id: string) =>
  (await db.table(table).toArray())
    .filter((r) => r[field] === id && !r.deleted)
    .map((r) => r.id as string)
    .sort();

describe('mergeCustomers', () => {
  it('moves the records of every table that links to a customer, in one write that one undo takes back', async () => {
    const { keep, other } = await seed();
    const links = customerLinks();
    const before = new Map<string, string[]>();
    for (const { table, field } of links) before.set(`${table}.${field}`, await linkedTo(table, field, 'o'));

    const plan = await planCustomerMerge(await workspace(), keep, other);
    expect(plan.moves).toEqual({
      customers: 1,
      contacts: 1,
      followUps: 1,
      creditApplications: 1,
      creditEvaluations: 1,
      creditOverrides: 1,
      creditAgreements: 1,
      creditSales: 1,
      payments: 1,
      extensionRequests: 1,
      ladderTasksDone: 1,
      ladderEffectLifts: 1
    });

    const result = await mergeCustomers(await workspace(), keep, other);
    expect(result.ok).toBe(true);
    for (const { table, field } of links) {
      expect(await linkedTo(table, field, 'o'), `${table}.${field}`).toEqual([]);
      for (const id of before.get(`${table}.${field}`)!) expect(await linkedTo(table, field, 'k')).toContain(id);
    }
    expect((await db.customers.get('o'))!.deleted).toBe(1);
    // one primary contact
    const primaries = (await db.contacts.where('customerId').equals('k').toArray()).filter((c) => c.primary);
    expect(primaries.map((c) => c.id)).toEqual(['ct-k']);

    await wp.undo();
    expect((await db.customers.get('o'))!.deleted).toBe(0);
    for (const { table, field } of links) expect(await linkedTo(table, field, 'o')).toEqual(before.get(`${table}.${field}`));
    expect((await db.contacts.get('ct-o'))!.primary).toBe(true);
    expect((await db.customers.get('k'))!.notes).toBeUndefined();
  });

  it('merges what the records hold when it runs, and refuses when one of them went to the bin', async () => {
    const { keep, other } = await seed();
    await wp.write('edit', [{ type: 'update', table: 'customers', id: 'o', patch: { website: 'sd.example.com' } }]);
    expect((await mergeCustomers(await workspace(), keep, other)).ok).toBe(true);
    expect((await db.customers.get('k'))!.website).toBe('sd.example.com');
    await wp.undo();
    await wp.write('bin', [{ type: 'delete', table: 'customers', id: 'o' }]);
    const refused = await mergeCustomers(await workspace(), keep, other);
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.message).toBe('找不到这位客户，可能已被删除。');
  });

  it.each([
    ['zh-CN', '［合并自 杭州顺达物流］ 客户经理：张三'],
    ['en', '[Merged from 杭州顺达物流] Account manager: 张三']
  ] as const)('writes a readable note in the workspace language (%s)', async (locale, line) => {
    i18n.locale = locale;
    const { keep, other } = await seed();
    await mergeCustomers(await workspace(), keep, other);
    const notes = (await db.customers.get('k'))!.notes!;
    expect(notes).toContain(line);
    expect(notes).not.toMatch(/stf-|managerId/);
  });
});
