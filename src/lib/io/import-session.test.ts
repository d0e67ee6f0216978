import { afterEach, describe, expect, it } from 'vitest';
import { WritePath } from '$lib/db/write-path';
import { IoError } from './errors';
import { ImportSession, importHistory } from './import-session';
import { ALICE, everything, freshWorkspace } from './test-support';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

const csv = (rows: string[][]) => new TextEncoder().encode(rows.map((r) => r.join(',')).join('\r\n'));

async function workspaceWithCustomers() {
  const ws = await freshWorkspace();
  cleanups.push(ws.close);
  await ws.writes.write('change.add', [
    { type: 'insert', table: 'customers', record: { id: 'c1', kind: 'unit', name: '杭州顺达物流有限公司', mobile: '13800138000', tier: 'B' } },
    { type: 'insert', table: 'customers', record: { id: 'c2', kind: 'unit', name: '河北石油', creditCode: '91130100MA0CXXXX1Y' } }
  ]);
  return ws;
}

const FILE = csv([
  ['客户名称', '手机', '等级', '统一社会信用代码', '备注'],
  ['杭州顺达物流', '+86 138-0013-8000', 'A', '', '新备注'], // same mobile and name as c1
  ['河北石油股份有限公司', '', '', '91130100ma0cxxxx1y', ''], // same code and name as c2
  ['新客户甲', '', 'Z', '', ''], // not a tier: kept in 等级（原值）, the row is imported
  ['新客户乙', '', 'VIP', '', ''],
  ['新客户乙有限公司', '', '', '', ''], // a duplicate of the row above
  ['', '13900139000', '', '', ''] // no name
]);

async function plan(ws: Awaited<ReturnType<typeof workspaceWithCustomers>>, duplicates: 'skip' | 'update' | 'create', blankClears = false) {
  const session = new ImportSession(ws.db, ALICE, 'zh-CN');
  await session.open('客户.csv', FILE);
  const { mapping } = await session.suggest('customers');
  const summary = await session.plan('customers', mapping, { duplicates, blankClears });
  return { session, summary };
}

describe('preview', () => {
  it('sorts rows into new, duplicate and rejected, with the reasons', async () => {
    const ws = await workspaceWithCustomers();
    const { summary } = await plan(ws, 'skip');
    expect(summary.counts).toEqual({ new: 2, update: 0, unchanged: 0, duplicate: 3, rejected: 1 });
    const byLine = Object.fromEntries(summary.rows.map((r) => [r.line, r]));
    expect(byLine[2].match).toMatchObject({ id: 'c1', name: '杭州顺达物流有限公司', reasons: ['mobile', 'name'] });
    expect(byLine[3].match).toMatchObject({ id: 'c2', reasons: ['code', 'name'] });
    expect(byLine[4].cells[2]).toEqual({ text: 'Z', aside: '等级（原值）' });
    expect(summary.valueTables).toEqual([
      {
        column: 2,
        header: '等级',
        field: 'tier',
        label: '等级',
        asideLabel: '等级（原值）',
        options: ['VIP', 'A', 'B', 'C'].map((o) => ({ value: o, label: o })),
        words: [{ text: 'Z', rows: 1 }]
      }
    ]);
    expect(byLine[6]).toMatchObject({ status: 'duplicate', match: { line: 5, reasons: ['name'] } });
    expect(byLine[7].cells[0]).toEqual({ text: '', problem: 'cell.error.required' });
  });

  it('"update" updates the existing records and shows what changes', async () => {
    const ws = await workspaceWithCustomers();
    const { summary, session } = await plan(ws, 'update');
    expect(summary.counts).toEqual({ new: 2, update: 1, unchanged: 1, duplicate: 1, rejected: 1 });
    const row = summary.rows.find((r) => r.line === 2)!;
    // the name and mobile it matched by keep their spelling; the rest is updated
    expect(row.diff).toEqual([
      { field: 'tier', label: '等级', before: 'B', after: 'A' },
      { field: 'notes', label: '备注', before: '', after: '新备注' }
    ]);
    await session.commit();
    expect(await ws.db.customers.get('c1')).toMatchObject({ name: '杭州顺达物流有限公司', tier: 'A', notes: '新备注', mobile: '13800138000' });
  });

  it('"create anyway" creates the duplicates too', async () => {
    const ws = await workspaceWithCustomers();
    const { summary } = await plan(ws, 'create');
    expect(summary.counts).toMatchObject({ new: 5, duplicate: 0, rejected: 1 });
  });
});

describe('commit', () => {
  it('writes one change set with the history entry and the remembered mapping; revert takes it back', async () => {
    const ws = await workspaceWithCustomers();
    const { session } = await plan(ws, 'update');
    const result = await session.commit();
    session.destroy();
    expect(result.changeSet).toBeTruthy();
    const log = await ws.db.changes.toArray();
    expect(log.at(-1)).toMatchObject({ id: result.changeSet, label: 'change.import' });
    expect(await ws.db.customers.count()).toBe(4);

    const history = await importHistory(ws.db);
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({
      reverted: false,
      value: { file: '客户.csv', table: 'customers', changeSet: result.changeSet, byName: '王丽' }
    });

    // the next file of this layout gets the same mapping back
    const again = new ImportSession(ws.db, ALICE, 'zh-CN');
    await again.open('客户2.csv', FILE);
    expect((await again.suggest('customers')).remembered).toBe(true);

    // revert: inserted records deleted, updated fields back, the entry marked reverted
    expect(await again.revert(result.changeSet!)).toBe(true);
    again.destroy();
    expect(
      (await ws.db.customers.toArray())
        .filter((c) => !c.deleted)
        .map((c) => c.id)
        .sort()
    ).toEqual(['c1', 'c2']);
    expect(await ws.db.customers.get('c1')).toMatchObject({ tier: 'B' });
    expect((await ws.db.customers.get('c1'))?.notes).toBeUndefined();
    expect((await importHistory(ws.db))[0].reverted).toBe(true);
    // and the revert is one undo step of the same person
    await ws.writes.undo();
    expect((await importHistory(ws.db))[0].reverted).toBe(false);
  });

  it('is all or nothing: a cancel part-way leaves nothing behind', async () => {
    const ws = await freshWorkspace();
    cleanups.push(ws.close);
    const rows = [['客户名称', '手机']];
    for (let i = 0; i < 12_000; i++) rows.push([`客户${i}`, '']);
    const session = new ImportSession(ws.db, ALICE, 'zh-CN');
    await session.open('big.csv', csv(rows));
    const { mapping } = await session.suggest('customers');
    await session.plan('customers', mapping, { duplicates: 'skip', blankClears: false });
    const before = await everything(ws.db);
    const controller = new AbortController();
    const progress: number[] = [];
    const err = await session
      .commit({
        signal: controller.signal,
        onProgress: (done) => {
          progress.push(done);
          controller.abort();
        }
      })
      .catch((e: unknown) => e);
    expect((err as IoError).code).toBe('io.error.cancelled');
    expect(progress).toEqual([5000]);
    expect(await everything(ws.db)).toEqual(before);
    // the same plan can still be committed afterwards
    const ok = await session.commit();
    expect(ok.counts.new).toBe(12_000);
    expect(await ws.db.customers.count()).toBe(12_000);
    session.destroy();
  });

  it('a write from another WritePath on the same database (the worker) shares the undo stack', async () => {
    const ws = await freshWorkspace();
    cleanups.push(ws.close);
    const worker = new ImportSession(ws.db, ALICE, 'zh-CN');
    await worker.open('a.csv', csv([['名称'], ['甲'], ['乙']]));
    const { mapping } = await worker.suggest('customers');
    await worker.plan('customers', mapping, { duplicates: 'skip', blankClears: false });
    await worker.commit();
    worker.destroy();
    const page = new WritePath(ws.db, ALICE);
    expect((await page.undo())?.label).toBe('change.import');
    page.destroy();
    expect((await ws.db.customers.toArray()).every((c) => c.deleted === 1)).toBe(true);
  });
});
