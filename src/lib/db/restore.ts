/**
 * Restoring a backup: the one way a whole workspace is put back. Every record table and the log
 * are replaced verbatim (ids, envelopes and field stamps included), after every record was
 * checked: a valid id and envelope, and fields valid against TABLE_FIELDS and the snapshot's own
 * custom columns. One bad record refuses the restore and changes nothing. The local undo and
 * redo stacks are cleared (they point into the replaced log). One transaction: all or nothing.
 */
import type { Table } from 'dexie';
import type { CustomColumn } from '$lib/domain/records/types';
import { UNDO_KEY, type ChangeSet } from './changes';
import { CHUNK } from './entries';
import { loadClock, saveClock, type HybridClock } from './hybrid-clock';
import { fail, transaction, type WriteOptions } from './local-write';
import { TABLE_NAMES, type KebuDB, type TableName } from './schema';
import { isEnvelopeField, isValidId, Validator, type WriteProblem } from './validate';

/** A whole workspace as a verified backup holds it (src/lib/io/backup.ts makes and checks the file). */
export interface Snapshot {
  tables: Partial<Record<TableName, Record<string, unknown>[]>>;
  changes: ChangeSet[];
}

/** The envelope of a record from a backup: what the write path would have written. */
export function checkEnvelope(row: Record<string, unknown>): WriteProblem['code'] | null {
  if (!isValidId(row.id)) return 'write.bad-id';
  if (row.deleted !== 0 && row.deleted !== 1) return 'write.failed';
  for (const k of ['createdAt', 'updatedAt']) if (!Number.isFinite(row[k])) return 'write.failed';
  for (const k of ['createdBy', 'updatedBy']) if (typeof row[k] !== 'string') return 'write.failed';
  const f = row._f;
  if (f !== undefined) {
    if (typeof f !== 'object' || f === null || Array.isArray(f)) return 'write.failed';
    for (const s of Object.values(f as Record<string, unknown>)) {
      const stamp = s as { at?: unknown; by?: unknown } | null;
      if (!stamp || !Number.isFinite(stamp.at) || typeof stamp.by !== 'string') return 'write.failed';
    }
  }
  return null;
}

/** Throws WriteError at the first record or change set of `snapshot` that could not have been written. */
export function checkSnapshot(snapshot: Snapshot) {
  const columns = (snapshot.tables.customColumns ?? []) as unknown as CustomColumn[];
  // values of removed custom columns stay in records, so their columns count here too
  const validator = new Validator(columns.map((c) => ({ ...c, deleted: 0 as const })));
  for (const table of TABLE_NAMES) {
    (snapshot.tables[table] ?? []).forEach((row, index) => {
      const problem = checkEnvelope(row);
      if (problem) fail({ code: problem, table, index, id: typeof row.id === 'string' ? row.id : undefined });
      const fields: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(row)) if (!isEnvelopeField(k) && v !== undefined) fields[k] = v;
      const p = validator.check(table, fields, true, index);
      if (p) fail({ ...p, id: row.id as string });
    });
  }
  snapshot.changes.forEach((cs, index) => {
    if (!isValidId(cs.id) || !Array.isArray(cs.ops) || typeof cs.label !== 'string' || !Number.isFinite(cs.at)) {
      fail({ code: 'write.failed', table: 'settings', index, id: typeof cs.id === 'string' ? cs.id : undefined });
    }
  });
}

/**
 * Check `snapshot`, then replace every table and the log with it, in one transaction. The clock
 * moves past the newest change set restored, so that an edit made next sorts after it.
 */
export async function restoreSnapshot(
  db: KebuDB,
  clock: HybridClock,
  snapshot: Snapshot,
  opts: Pick<WriteOptions, 'signal' | 'onProgress'> = {}
): Promise<void> {
  checkSnapshot(snapshot);
  const total = TABLE_NAMES.reduce((n, t) => n + (snapshot.tables[t]?.length ?? 0), 0) + snapshot.changes.length;
  opts.signal?.throwIfAborted();
  let done = 0;
  await transaction(db, async () => {
    for (const table of TABLE_NAMES) await db.table(table).clear();
    await db.changes.clear();
    await db.meta.where('key').startsWith(UNDO_KEY).delete();
    const put = async (table: Table, name: TableName, rows: object[]) => {
      for (let from = 0; from < rows.length; from += CHUNK) {
        const chunk = rows.slice(from, from + CHUNK);
        await table.bulkAdd(chunk).catch(() => fail({ code: 'write.duplicate-id', table: name, index: from }));
        done += chunk.length;
        opts.signal?.throwIfAborted();
        opts.onProgress?.(done, total);
      }
    };
    for (const table of TABLE_NAMES) await put(db.table(table), table, snapshot.tables[table] ?? []);
    // the log keeps its order; `seq` is this device's and is given afresh
    await put(
      db.changes,
      'settings',
      snapshot.changes.map(({ seq: _seq, ...cs }) => cs)
    );
    await loadClock(db, clock);
    for (const cs of snapshot.changes) clock.restore(cs.at);
    await saveClock(db, clock);
  });
}
