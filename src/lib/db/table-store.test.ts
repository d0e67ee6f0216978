import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { KebuDB } from './schema';
import { TableStore } from './table-store.svelte';
import { WritePath, type ChangeNotice } from './write-path';

let n = 0;
let db: KebuDB;
let wp: WritePath;
beforeEach(async () => {
  db = new KebuDB(`store-test-${++n}`);
  await db.open();
  wp = new WritePath(db, { id: 'p', name: '王丽', device: 'test' });
});
afterEach(async () => {
  wp.destroy();
  db.close();
  await db.delete();
});

const until = async (ok: () => boolean) => {
  for (let i = 0; i < 500 && !ok(); i++) await new Promise((r) => setTimeout(r, 5));
  expect(ok()).toBe(true);
};

describe('TableStore', () => {
  it('loads a large table in chunks, without deleted rows, and follows later writes', async () => {
    const rows = Array.from({ length: 12_345 }, (_, i) => ({
      type: 'insert' as const,
      table: 'customers' as const,
      record: { id: `c${String(i).padStart(6, '0')}`, kind: 'unit', name: `客户${i}` }
    }));
    await wp.write('change.add', rows);
    await wp.write('change.delete', [{ type: 'delete', table: 'customers', id: 'c000007' }]);

    const store = new TableStore(db, wp, 'customers');
    await until(() => !store.loading);
    expect(store.rows).toHaveLength(12_344);
    expect(store.get('c000007')).toBeUndefined();
    expect(store.rows.map((r) => r.id)).toEqual([...store.rows.map((r) => r.id)].sort());

    await wp.write('change.edit', [
      { type: 'update', table: 'customers', id: 'c000001', patch: { tier: 'A' } },
      { type: 'insert', table: 'customers', record: { id: 'new-1', kind: 'individual', name: '张伟' } },
      { type: 'delete', table: 'customers', id: 'c000002' },
      { type: 'restore', table: 'customers', id: 'c000007' }
    ]);
    await until(() => store.get('new-1') !== undefined);
    expect(store.get('c000001')?.tier).toBe('A');
    expect(store.get('c000002')).toBeUndefined();
    expect(store.get('c000007')?.name).toBe('客户7');
    expect(store.rows).toHaveLength(12_345);
    store.destroy();
  });

  it('takes the rows a notice carries without reading them back, and keeps notices in order', async () => {
    await wp.write('change.add', [{ type: 'insert', table: 'customers', record: { id: 'c1', kind: 'unit', name: '顺达' } }]);
    const stored = (await db.customers.get('c1'))!;
    let emit: (n: ChangeNotice) => void = () => {};
    const notices = { subscribe: (fn: (n: ChangeNotice) => void) => ((emit = fn), () => {}) } as unknown as WritePath;
    const store = new TableStore(db, notices, 'customers');
    await until(() => !store.loading && store.rows.length === 1);
    // a notice to read c1 back, then at once one carrying c1 renamed and c9, which is not in the database
    emit({ tables: { customers: ['c1'] }, changeSet: 'a', local: true });
    emit({
      tables: { customers: ['c1', 'c9'] },
      changeSet: 'b',
      local: true,
      rows: {
        customers: [
          { ...stored, name: '顺达物流' },
          { ...stored, id: 'c9', name: '宁波港' }
        ]
      }
    });
    await until(() => store.get('c9') !== undefined);
    await new Promise((r) => setTimeout(r, 20));
    expect(store.rows.map((r) => [r.id, r.name])).toEqual([
      ['c1', '顺达物流'],
      ['c9', '宁波港']
    ]);
    // a carried deleted row leaves the store
    emit({ tables: { customers: ['c9'] }, changeSet: 'c', local: true, rows: { customers: [{ ...stored, id: 'c9', deleted: 1 }] } });
    await until(() => store.get('c9') === undefined);
    expect(store.rows).toHaveLength(1);
    store.destroy();
  });
});
