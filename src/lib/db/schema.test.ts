/**
 * Schema versions are append-only: a database written by every earlier version must open with the
 * current code without losing a field. For each version, write one full record into every store it
 * has, close it, reopen with the whole history, and compare.
 */
import { describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { KebuDB, SCHEMA_VERSIONS, CURRENT_VERSION } from './schema';

function sampleRow(store: string, i: number): Record<string, unknown> {
  const base = {
    id: `${store}-${i}`,
    deleted: 0,
    createdAt: 1_700_000_000_000,
    createdBy: 'p1',
    updatedAt: 1_700_000_000_001,
    updatedBy: 'p2',
    _f: { name: { at: 1_700_000_000_001, by: 'p2' } },
    name: `名称 ${i}`,
    customerId: 'c-1',
    table: 'customers',
    at: '2026-01-02T09:30',
    nested: { a: [1, 2, { b: '深' }] },
    x_unknown_custom: 12.5,
    aFieldFromTheFuture: true
  };
  if (store === 'changes') return { id: `cs-${i}`, actor: 'p1', ops: [{ kind: 'insert', table: 'customers', id: 'c-1' }] };
  if (store === 'meta') return { key: `k-${i}`, value: { undo: ['a'], redo: [] } };
  return base;
}

describe('schema upgrades', () => {
  it('has strictly increasing versions', () => {
    const versions = SCHEMA_VERSIONS.map((v) => v.version);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    expect(new Set(versions).size).toBe(versions.length);
    expect(CURRENT_VERSION).toBe(versions.at(-1));
  });

  it.each(SCHEMA_VERSIONS.map((v) => [v.version]))('opens a database written by version %i without losing a field', async (version) => {
    const name = `upgrade-from-${version}`;
    const history = SCHEMA_VERSIONS.filter((v) => v.version <= version);
    const old = new KebuDB(name, history);
    await old.open();
    const written: Record<string, unknown[]> = {};
    for (const table of old.tables) {
      const rows = [sampleRow(table.name, 1), sampleRow(table.name, 2)];
      await table.bulkPut(rows);
      written[table.name] = rows;
    }
    old.close();

    const current = new KebuDB(name);
    await current.open();
    expect(current.verno).toBe(CURRENT_VERSION);
    for (const [store, rows] of Object.entries(written)) {
      const read = await current.table(store).toArray();
      for (const row of rows) expect(read).toContainEqual(expect.objectContaining(row as object));
    }
    current.close();
    await Dexie.delete(name);
  });
});
