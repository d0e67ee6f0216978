/**
 * Failures say what happened and leave nothing behind (issue 16.8), where the cause is pure: a
 * full storage during an import is named with what is used and free (not "cancelled"), the user's
 * own cancel still says cancelled, and a refused value names its field and its real problem.
 */
import Dexie, { type Table } from 'dexie';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { TableName } from '$lib/db/schema';
import { Validator, WriteError } from '$lib/db/validate';
import { WritePath } from '$lib/db/write-path';
import { translate } from '$lib/i18n/translate';
import { IoError, MB, writeFailure } from './errors';
import { readBackup, makeBackup, readSnapshot } from './backup';
import { ImportSession } from './import-session';
import { ALICE, demoWorkspace, everything, freshWorkspace } from './test-support';

const csv = new TextEncoder().encode('客户名称,手机\r\n杭州顺达物流,13800138000\r\n宁波恒信贸易,13900139000\r\n');

let ws: Awaited<ReturnType<typeof demoWorkspace>>;
beforeAll(async () => {
  ws = await demoWorkspace(5);
});
afterAll(() => ws.close());
afterEach(() => vi.unstubAllGlobals());

/** The browser's quota error as Dexie reports it from a write: the transaction aborted, the cause inside. */
function quotaAbort(): Error {
  return new Dexie.AbortError('Transaction aborted', new DOMException('The quota has been exceeded.', 'QuotaExceededError'));
}

async function plannedImport(signal?: AbortSignal) {
  const session = new ImportSession(ws.db, ALICE, 'zh-CN');
  await session.open('two.csv', csv);
  const { mapping } = await session.suggest('customers');
  await session.plan('customers', mapping, { duplicates: 'skip', blankClears: false });
  const err = await session.commit({ signal }).catch((e: unknown) => e);
  session.destroy();
  return err;
}

describe('a full storage during an import', () => {
  it('is named, with what is used and free, and nothing is written', async () => {
    vi.stubGlobal('navigator', { storage: { estimate: async () => ({ usage: 812.4 * MB, quota: 1024 * MB }) } });
    const before = await everything(ws.db);
    // the customers table of this database runs out of room (the write path reaches it through
    // db.table(), so the wrap is on the tables' prototype, for this table only)
    const proto = Object.getPrototypeOf(ws.db.customers) as Table;
    const bulkAdd = proto.bulkAdd;
    const spy = vi.spyOn(proto, 'bulkAdd').mockImplementation(function (this: Table, ...args: unknown[]) {
      if (this.name === 'customers' && this.db === ws.db) return Promise.reject(quotaAbort()) as never;
      return (bulkAdd as (...a: unknown[]) => never).apply(this, args);
    });
    const err = await plannedImport();
    spy.mockRestore();
    expect(err).toBeInstanceOf(IoError);
    expect((err as IoError).code).toBe('io.error.storageFull');
    const { code, params } = err as IoError;
    expect(translate('zh-CN', code, params)).toBe(
      '存储空间已满，没有写入任何数据。浏览器已用 812.4 MB，剩余 211.6 MB。请清理浏览器的存储空间（或删除不用的工作区）后再试。'
    );
    expect(translate('en', code, params)).toContain('uses 812.4 MB with 211.6 MB left');
    expect(await everything(ws.db)).toEqual(before);
  });

  it('without an estimate, says storage is full without numbers', async () => {
    vi.stubGlobal('navigator', {});
    expect((await writeFailure(quotaAbort())).code).toBe('io.error.storageFullUnknown');
  });

  it('a failure without a named cause while the storage is (nearly) full is storage full', async () => {
    vi.stubGlobal('navigator', { storage: { estimate: async () => ({ usage: 1023.5 * MB, quota: 1024 * MB }) } });
    const lost = new WriteError({ code: 'write.failed', table: 'customers', index: 0 });
    const err = await writeFailure(lost);
    expect(err.code).toBe('io.error.storageFull');
    expect(err.params).toEqual({ used: '1023.5 MB', free: '0.5 MB' });
    // with room left, it stays what it was
    vi.stubGlobal('navigator', { storage: { estimate: async () => ({ usage: 10 * MB, quota: 1024 * MB }) } });
    expect((await writeFailure(lost)).code).toBe('io.error.write');
  });

  it("the user's own cancel still says cancelled", async () => {
    const controller = new AbortController();
    controller.abort();
    const err = await plannedImport(controller.signal);
    expect((err as IoError).code).toBe('io.error.cancelled');
  });
});

describe('each field says its real problem', () => {
  const validator = new Validator([]);
  it.each<[string, TableName, Record<string, unknown>, string]>([
    ['a number in the name', 'customers', { name: 123 }, 'cell.error.notText'],
    ['a true in the notes', 'customers', { name: 'a', notes: true }, 'cell.error.notText'],
    ['a name over 100 000 characters', 'customers', { name: 'x'.repeat(100_001) }, 'cell.error.text'],
    ['a number as a date', 'followUps', { nextDate: 20260105 }, 'cell.error.date']
  ])('%s', (_what, table, fields, code) => {
    expect(validator.check(table, fields, false, 0)?.code).toBe(code);
  });

  it('a setting that is not plain data is not "text too long"', () => {
    expect(validator.check('settings', { value: new Date() }, false, 0)?.code).toBe('cell.error.notData');
  });

  it('a backup with a number for a name is refused naming the table, the field and the problem; nothing changes', async () => {
    const snapshot = await readSnapshot(ws.db);
    const customers = snapshot.tables.customers!.map((r, i) => (i === 0 ? { ...r, name: 123 } : r));
    const file = await makeBackup(
      { ...snapshot, tables: { ...snapshot.tables, customers } },
      { workspace: { id: 'w', name: 'w' }, createdBy: 'test' }
    );
    const { snapshot: read } = await readBackup(file);
    const target = await freshWorkspace();
    const before = await everything(target.db);
    const writes = new WritePath(target.db, ALICE);
    const err = await writes.restoreSnapshot(read).catch((e: unknown) => writeFailure(e));
    writes.destroy();
    expect(err).toBeInstanceOf(IoError);
    expect((err as IoError).params).toEqual({ problem: 'cell.error.notText', table: 'customers', field: 'name' });
    // components/io/describe.test.ts says it in words
    expect(await everything(target.db)).toEqual(before);
    await target.close();
  });
});
