import { afterEach, describe, expect, it } from 'vitest';
import { WriteError } from '$lib/db/validate';
import { backupIsDue, makeBackup, readBackup, readSnapshot } from './backup';
import { IoError } from './errors';
import { demoWorkspace, everything, freshWorkspace } from './test-support';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

const gunzip = async (b: Uint8Array) =>
  new Uint8Array(await new Response(new Blob([b as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new DecompressionStream('gzip'))).arrayBuffer());
const gzip = async (b: Uint8Array) =>
  new Uint8Array(await new Response(new Blob([b as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new CompressionStream('gzip'))).arrayBuffer());

async function backupOf(ws: Awaited<ReturnType<typeof demoWorkspace>>) {
  return makeBackup(await readSnapshot(ws.db), { workspace: { id: 'w1', name: '演示' }, createdBy: '王丽' });
}

describe('backup and restore', () => {
  it('restores everything (tables, settings, columns, views, history) into a new workspace', async () => {
    const source = await demoWorkspace(40);
    cleanups.push(source.close);
    await source.writes.write('change.column', [
      { type: 'insert', table: 'customColumns', record: { table: 'customers', label: '积分', type: 'number', order: 1 } },
      {
        type: 'insert',
        table: 'savedViews',
        record: { table: 'customers', name: 'VIP', state: { order: [], hidden: [], widths: {}, frozen: 0, sort: [], filters: [], search: 'VIP' } }
      },
      { type: 'insert', table: 'settings', record: { id: 'requiredFields', value: { unit: ['name'], individual: [] } } }
    ]);
    const file = await backupOf(source);
    const { header, snapshot } = await readBackup(file);
    expect(header).toMatchObject({ format: 'kebu-backup', version: 1, workspace: { name: '演示' }, counts: { customers: 40, changes: 2 } });
    const target = await freshWorkspace();
    cleanups.push(target.close);
    await target.writes.restoreSnapshot(snapshot);
    const a = await everything(source.db);
    const b = await everything(target.db);
    for (const key of ['customers', 'contacts', 'followUps', 'staff', 'orgUnits', 'customColumns', 'savedViews', 'settings']) {
      expect(b[key], key).toEqual(a[key]);
    }
    const ids = (rows: unknown) => (rows as { id: string }[]).map((c) => c.id);
    expect(ids(b.changes)).toEqual(ids(a.changes));
  });

  it('replaces the same workspace with the backup', async () => {
    const ws = await demoWorkspace(10);
    cleanups.push(ws.close);
    const file = await backupOf(ws);
    const before = await ws.db.customers.toArray();
    await ws.writes.write('change.add', [{ type: 'insert', table: 'customers', record: { kind: 'unit', name: '后来的客户' } }]);
    await ws.writes.restoreSnapshot((await readBackup(file)).snapshot);
    expect(await ws.db.customers.toArray()).toEqual(before);
  });

  it.each([
    [
      'a changed byte',
      async (f: Uint8Array) => {
        const raw = await gunzip(f);
        const at = raw.indexOf(0x0a) + 50;
        raw[at] = raw[at] === 0x41 ? 0x42 : 0x41;
        return gzip(raw);
      },
      'io.error.backupIntegrity'
    ],
    ['a cut-off file', async (f: Uint8Array) => f.slice(0, Math.floor(f.length / 2)), 'io.error.backupIntegrity'],
    [
      'a newer version',
      async (f: Uint8Array) => {
        const text = new TextDecoder().decode(await gunzip(f)).replace('"version":1', '"version":99');
        return gzip(new TextEncoder().encode(text));
      },
      'io.error.backupVersion'
    ],
    ['not a backup', async () => new TextEncoder().encode('客户名称,手机\n甲,1\n'), 'io.error.backupFormat'],
    ['an empty file', async () => new Uint8Array(0), 'io.error.empty']
  ])('refuses %s before writing anything', async (_what, spoil, code) => {
    const ws = await demoWorkspace(10);
    cleanups.push(ws.close);
    const file = await spoil(await backupOf(ws));
    const before = await everything(ws.db);
    const err = await readBackup(file)
      .then((b) => ws.writes.restoreSnapshot(b.snapshot))
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(IoError);
    expect((err as IoError).code).toBe(code);
    expect(await everything(ws.db)).toEqual(before);
  });

  it('refuses a record that would not pass the write path', async () => {
    const ws = await demoWorkspace(5);
    cleanups.push(ws.close);
    const snapshot = await readSnapshot(ws.db);
    (snapshot.tables.customers![0] as Record<string, unknown>).tier = 'S+';
    const before = await everything(ws.db);
    const err = await ws.writes.restoreSnapshot(snapshot).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(WriteError);
    expect(await everything(ws.db)).toEqual(before);
  });

  it('reminds when the last backup is old or missing', () => {
    const day = 86_400_000;
    const now = 100 * day;
    expect(backupIsDue(null, true, now)).toBe(true);
    expect(backupIsDue(null, false, now)).toBe(false);
    expect(backupIsDue(now - 3 * day, true, now)).toBe(false);
    expect(backupIsDue(now - 8 * day, true, now)).toBe(true);
  });
});
