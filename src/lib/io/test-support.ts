/**
 * Helpers for the io specs (Vitest, Node, fake-indexeddb): workspaces made through the write
 * path, imports run the way the import worker runs them, and records compared field by field.
 */
import Dexie from 'dexie';
import { KebuDB, TABLE_NAMES, type TableName } from '$lib/db/schema';
import { WritePath, type Actor } from '$lib/db/write-path';
import { demoMutations } from '$lib/demo/load';
import { ENVELOPE_FIELDS } from '$lib/domain/records/merge';
import { ImportSession } from './import-session';
import type { PlanOptions } from './plan';
import type { ReadOptions } from './source';

export const ALICE: Actor = { id: 'alice', name: '王丽', device: 'test' };
let n = 0;

export async function freshWorkspace(): Promise<{ db: KebuDB; writes: WritePath; close: () => Promise<void> }> {
  const db = new KebuDB(`io-test-${process.pid}-${++n}`);
  await db.open();
  const writes = new WritePath(db, ALICE);
  return {
    db,
    writes,
    close: async () => {
      writes.destroy();
      db.close();
      await Dexie.delete(db.name);
    }
  };
}

export async function demoWorkspace(customers = 60) {
  const ws = await freshWorkspace();
  await ws.writes.write('change.demo', demoMutations({ customers, contactsPerCustomer: 1, followUpsPerCustomer: 1 }));
  return ws;
}

/** Import one file (one sheet) into `table` with the suggested mapping; returns the plan summary. */
export async function importFile(
  db: KebuDB,
  table: TableName,
  name: string,
  bytes: Uint8Array,
  read: ReadOptions = {},
  options: PlanOptions = { duplicates: 'skip', blankClears: false }
) {
  const session = new ImportSession(db, ALICE, 'zh-CN');
  const opened = await session.open(name, bytes, read);
  const { mapping } = await session.suggest(table);
  const summary = await session.plan(table, mapping, options);
  const result = await session.commit();
  session.destroy();
  return { opened, mapping, summary, result };
}

/** Every table and the log, for "nothing changed" checks. */
export async function everything(db: KebuDB) {
  const out: Record<string, unknown> = {};
  for (const t of TABLE_NAMES) out[t] = await db.table(t).toArray();
  out.changes = await db.changes.toArray();
  out.meta = await db.meta.toArray();
  return out;
}

/** A record without its envelope (ids kept): what "equal field by field" compares. */
export function fieldsOf(r: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(r)) if (k === 'id' || !ENVELOPE_FIELDS.has(k)) out[k] = v;
  return out;
}

export async function liveFields(db: KebuDB, table: TableName) {
  const rows = (await db.table(table).toArray()) as Record<string, unknown>[];
  return rows
    .filter((r) => !r.deleted)
    .map(fieldsOf)
    .sort((a, b) => String(a.id).localeCompare(String(b.id)));
}
