/**
 * Replication entries (the form in which a change set travels, src/lib/sync): built from a local
 * change set as it commits (`toEntry`), from stored records for a snapshot of the whole workspace
 * (`snapshotEntries`), or read back from the log for a change set written elsewhere (`entryOf`).
 * Every field carries its stamp: `_f[field]`, else the record's creation stamp.
 */
import type { Versioned } from '$lib/domain/records/types';
import type { ChangeSet, Entry, EntryOp, FieldWrite, Op } from './changes';
import { chunksOf } from './chunks';
import { newId } from './ids';
import { TABLE_NAMES, type KebuDB, type TableName } from './schema';
import { isEnvelopeField } from './validate';

export type Row = Versioned & Record<string, unknown>;

/** Rows read or written per request. */
export const CHUNK = 5000;

/**
 * A stored record as replication ops, each field with its own stamp (`_f`, else the creation
 * stamp): the whole record as an insert (its `deleted: [0, createdAt, createdBy]` is the creation
 * stamp), then, when it was deleted or restored since, its `deleted` with that write's stamp.
 */
export function rowOps(table: TableName, row: Row): EntryOp[] {
  const op = rowOp(table, row);
  const d = row._f?.deleted;
  return d || row.deleted ? [op, { t: table, id: row.id, f: { deleted: [row.deleted, d?.at ?? row.createdAt, d?.by ?? row.createdBy] } }] : [op];
}

/**
 * A stored record as a replication op, each field with its own stamp (`_f`, else the creation
 * stamp): the whole record as an insert (without a later delete or restore: see rowOps), or only
 * `fields` as an update.
 */
export function rowOp(table: TableName, row: Row, fields?: string[]): EntryOp {
  const stamp = (field: string): [number, string] => {
    const s = row._f?.[field];
    return s ? [s.at, s.by] : [row.createdAt, row.createdBy];
  };
  const f: Record<string, FieldWrite> = {};
  if (fields) {
    for (const k of fields) f[k] = [k === 'deleted' ? row.deleted : (row[k] ?? null), ...stamp(k)];
    return { t: table, id: row.id, f };
  }
  for (const [k, v] of Object.entries(row)) {
    if (isEnvelopeField(k) || v === undefined) continue;
    f[k] = [v, ...stamp(k)];
  }
  // an emptied field keeps its stamp: a snapshot must empty it where an older value is still held
  for (const k of Object.keys(row._f ?? {})) if (!(k in f) && k !== 'deleted' && !isEnvelopeField(k)) f[k] = [null, ...stamp(k)];
  f.deleted = [0, row.createdAt, row.createdBy];
  return { t: table, id: row.id, f, ins: 1 };
}

/** The replicated form of a local change set: every field it wrote with its stamp (cs.at, cs.actor). */
export function toEntry(cs: ChangeSet, insertedRows: Map<TableName, Row[]>): Entry {
  const inserted = new Map<string, Row>();
  for (const [table, rows] of insertedRows) for (const r of rows) inserted.set(`${table}/${r.id}`, r);
  const write = (v: unknown): FieldWrite => [v === undefined ? null : v, cs.at, cs.actor];
  const ops = cs.ops.map((op): EntryOp => {
    const f: Record<string, FieldWrite> = {};
    if (op.kind === 'update') {
      for (const [k, v] of Object.entries(op.after)) f[k] = write(v);
      return { t: op.table, id: op.id, f };
    }
    const row = inserted.get(`${op.table}/${op.id}`) ?? {};
    for (const [k, v] of Object.entries(row)) if (!isEnvelopeField(k) && v !== undefined) f[k] = write(v);
    f.deleted = write(0);
    return { t: op.table, id: op.id, f, ins: 1 };
  });
  const { id, actor, actorName, device, at, label } = cs;
  return { v: 1, id, actor, actorName, device, at, label, ops };
}

/**
 * Every record of the workspace, deleted ones included, as replication entries of at most
 * `perEntry` records each, stamped `at` by `actor`: what a device pushes into a shared log so
 * that records written before sharing reach the others. Applying them anywhere changes nothing
 * that is newer, so pushing them twice is harmless.
 */
export async function snapshotEntries(db: KebuDB, who: Pick<Entry, 'actor' | 'actorName' | 'device' | 'at'>, perEntry: number): Promise<Entry[]> {
  const entries: Entry[] = [];
  let ops: EntryOp[] = [];
  const flush = () => {
    if (!ops.length) return;
    entries.push({ v: 1, id: newId(who.at), ...who, label: 'change.share', ops });
    ops = [];
  };
  // read in chunks by primary key, each its own request: a 50 000-record table read at once
  // is one long task of deserialising on the page
  for (const table of TABLE_NAMES) {
    for await (const rows of chunksOf(db.table(table), perEntry)) {
      for (const row of rows as Row[]) {
        ops.push(...rowOps(table, row));
        if (ops.length >= perEntry) flush();
      }
    }
  }
  flush();
  return entries;
}

/**
 * The replication entry of a change set from the log: the records it touched as they are now,
 * each field with its own stamp. Later values ride along, which is right under last-writer-wins:
 * every field carries the stamp it was written with. Null when the change set is not (or no
 * longer) here, or came from another device.
 */
export async function entryOf(db: KebuDB, changeSetId: string): Promise<Entry | null> {
  const cs = await db.changes.where('id').equals(changeSetId).first();
  if (!cs || cs.remote || !cs.ops.length) return null;
  const ops: EntryOp[] = [];
  const byTable = new Map<TableName, Op[]>();
  for (const op of cs.ops) {
    const list = byTable.get(op.table);
    if (list) list.push(op);
    else byTable.set(op.table, [op]);
  }
  for (const [table, all] of byTable) {
    // in chunks, each its own read: an import of 100 000 rows read at once is one long task
    for (let from = 0; from < all.length; from += CHUNK) {
      const list = all.slice(from, from + CHUNK);
      const rows = (await db.table(table).bulkGet(list.map((o) => o.id))) as (Row | undefined)[];
      list.forEach((op, i) => {
        const row = rows[i];
        if (!row) return;
        if (op.kind === 'insert') ops.push(...rowOps(table, row));
        else ops.push(rowOp(table, row, Object.keys(op.after)));
      });
    }
  }
  const { id, actor, actorName, device, at, label } = cs;
  return ops.length ? { v: 1, id, actor, actorName, device, at, label, ops } : null;
}
