/**
 * The local write: validate a list of mutations and apply them as ONE change set, inside the
 * caller's transaction (write-path.ts opens it). Inserts get their envelope and are stored a
 * chunk at a time while the next chunk is checked; updates record, per field, the value before
 * and after and the field's stamp (`_f`). Any refusal throws `WriteError` and the transaction
 * rolls back everything, chunks already added included.
 */
import type { Table } from 'dexie';
import type { CustomColumn } from '$lib/domain/records/types';
import type { ChangeSet, Op } from './changes';
import { CHUNK, type Row } from './entries';
import { loadClock, saveClock, type HybridClock } from './hybrid-clock';
import { newId } from './ids';
import { TABLE_NAMES, type KebuDB, type TableName } from './schema';
import { isEnvelopeField, isValidId, Validator, WriteError, type WriteProblem } from './validate';

export interface Actor {
  id: string;
  name: string;
  device: string;
}

export type Mutation =
  | { type: 'insert'; table: TableName; record: Record<string, unknown> }
  | { type: 'update'; table: TableName; id: string; patch: Record<string, unknown> }
  | { type: 'delete'; table: TableName; id: string }
  | { type: 'restore'; table: TableName; id: string };

/** Options of one write. */
export interface WriteOptions {
  /**
   * The change set's id, chosen by the caller (a fresh `newId()`), so that a record written in the
   * same write can name its own change set (an import's history entry does, to revert it later).
   */
  id?: string;
  /** Aborting rolls the whole write back: the transaction is aborted, nothing is left behind. */
  signal?: AbortSignal;
  /** Called while the records are stored: `done` of `total` mutations. */
  onProgress?: (done: number, total: number) => void;
}

/** What a write needs to know of its workspace and device. */
export interface WriteContext {
  db: KebuDB;
  actor: Actor;
  clock: HybridClock;
}

export type ChangeLink = Pick<ChangeSet, 'undoOf' | 'redoOf' | 'revertOf'>;

export function fail(p: WriteProblem): never {
  throw new WriteError(p);
}

export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === undefined || b === undefined || a === null || b === null) return false;
  if (typeof a !== 'object' || typeof b !== 'object') return false;
  return JSON.stringify(a) === JSON.stringify(b);
}

/** The one transaction of a write: every record table, the log and `meta` (undo stacks, clock). */
export function transaction<T>(db: KebuDB, fn: () => Promise<T>): Promise<T> {
  return db.transaction('rw', [...TABLE_NAMES.map((n) => db.table(n)), db.changes, db.meta], fn);
}

/** A checked insert: the fields first, then the envelope (checked before the envelope is set). */
function insertRow(m: Extract<Mutation, { type: 'insert' }>, id: unknown, validator: Validator, index: number, at: number, by: string): Row {
  if (!isValidId(id)) fail({ code: 'write.bad-id', table: m.table, index });
  const row = {} as Row;
  const record = m.record as Record<string, unknown>;
  for (const k in record) {
    const v = record[k];
    if (v === undefined || !Object.hasOwn(record, k) || isEnvelopeField(k)) continue;
    if (k === '__proto__') fail({ code: 'write.unknown-field', table: m.table, index, field: k });
    row[k] = v;
  }
  const problem = validator.check(m.table, row, true, index);
  if (problem) fail({ ...problem, id });
  Object.assign(row, { id, deleted: 0, createdAt: at, createdBy: by, updatedAt: at, updatedBy: by });
  return row;
}

/** A checked update, delete or restore as the patch it writes. */
function patchOf(m: Exclude<Mutation, { type: 'insert' }>, validator: Validator, index: number): Record<string, unknown> {
  if (!isValidId(m.id)) fail({ code: 'write.bad-id', table: m.table, index });
  if (m.type === 'delete') return { deleted: 1 };
  if (m.type === 'restore') return { deleted: 0 };
  const patch: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(m.patch)) {
    if (k === 'deleted') {
      if (v !== 0 && v !== 1) fail({ code: 'write.failed', table: m.table, index, field: k });
    } else if (isEnvelopeField(k)) fail({ code: 'write.unknown-field', table: m.table, index, field: k });
    patch[k] = v;
  }
  const problem = validator.check(m.table, patch, false, index);
  if (problem) fail({ ...problem, id: m.id });
  return patch;
}

/**
 * Inserts go to IndexedDB a chunk at a time as soon as they are checked, without waiting for the
 * chunk before: the database stores one chunk while the next is checked. A refusal later on
 * throws inside the transaction, which rolls back every chunk already added.
 */
class Inserter {
  readonly pending = new Map<TableName, Row[]>();
  /** the rows inserted, by table: the replicated entry is built from them */
  readonly inserted = new Map<TableName, Row[]>();
  readonly adding: Promise<void>[] = [];
  constructor(
    readonly db: KebuDB,
    readonly progress: (n: number) => void
  ) {}

  add(table: TableName, row: Row) {
    let list = this.pending.get(table);
    if (!list) this.pending.set(table, (list = []));
    list.push(row);
    if (list.length === CHUNK) {
      this.#flush(table, list);
      this.pending.set(table, []);
    }
    let kept = this.inserted.get(table);
    if (!kept) this.inserted.set(table, (kept = []));
    kept.push(row);
  }

  flushAll() {
    for (const [table, rows] of this.pending) if (rows.length) this.#flush(table, rows);
  }

  #flush(table: TableName, rows: Row[]) {
    const added = this.db
      .table(table)
      .bulkAdd(rows)
      .then(
        () => this.progress(rows.length),
        (e: unknown) => {
          if (e instanceof WriteError || (e as Error)?.name === 'AbortError') throw e;
          const name = (e as { failures?: { name?: string }[] }).failures?.[0]?.name;
          fail({ code: name === 'ConstraintError' ? 'write.duplicate-id' : 'write.failed', table, index: 0 });
        }
      );
    // handled here too: when a later mutation is refused, nobody awaits the chunks in flight
    added.catch(() => {});
    this.adding.push(added);
  }
}

type Patches = Map<TableName, Map<string, { index: number; patch: Record<string, unknown> }>>;

/** Read the records the patches name, write the fields that change, stamped (at, by). */
async function applyPatches(db: KebuDB, changes: Patches, at: number, by: string, ops: Op[], progress: (n: number) => void) {
  for (const [table, byId] of changes) {
    const ids = [...byId.keys()];
    const current = (await db.table(table).bulkGet(ids)) as (Row | undefined)[];
    const updated: Row[] = [];
    ids.forEach((id, i) => {
      const { index, patch } = byId.get(id)!;
      const row = current[i] ?? fail({ code: 'write.not-found', table, index, id });
      const before: Record<string, unknown> = {};
      const after: Record<string, unknown> = {};
      const next = { ...row } as Row;
      const stamps = { ...(row._f ?? {}) };
      for (const [field, value] of Object.entries(patch)) {
        if (sameValue(row[field], value)) continue;
        before[field] = row[field];
        after[field] = value;
        if (value === undefined) delete next[field];
        else next[field] = value;
        stamps[field] = { at, by };
      }
      if (!Object.keys(after).length) return;
      next._f = stamps;
      next.updatedAt = at;
      next.updatedBy = by;
      updated.push(next);
      ops.push({ kind: 'update', table, id, before, after });
    });
    for (let from = 0; from < updated.length; from += CHUNK) {
      await db.table(table).bulkPut(updated.length <= CHUNK ? updated : updated.slice(from, from + CHUNK));
      progress(Math.min(CHUNK, updated.length - from));
    }
  }
}

/**
 * Validate and apply `mutations` as one change set (inside the caller's transaction). Returns the
 * change set and the rows it inserted (for its replication entry). Throws `WriteError` on the
 * first refused mutation.
 */
export async function applyMutations(
  ctx: WriteContext,
  label: string,
  mutations: Mutation[],
  link: ChangeLink,
  opts: WriteOptions = {}
): Promise<{ cs: ChangeSet; inserted: Map<TableName, Row[]> }> {
  const { db, actor } = ctx;
  await loadClock(db, ctx.clock);
  const at = ctx.clock.now();
  const { signal, onProgress } = opts;
  let done = 0;
  const progress = (n: number) => {
    done += n;
    signal?.throwIfAborted();
    onProgress?.(done, mutations.length);
  };
  const by = actor.id;
  const validator = new Validator(await db.customColumns.toArray());
  // ids first, so that a custom column added in this write can take values in it
  const insertIds = mutations.map((m) => (m.type === 'insert' ? (m.record.id === undefined ? newId(at) : m.record.id) : undefined));
  mutations.forEach((m, i) => {
    if (m.type === 'insert' && m.table === 'customColumns' && isValidId(insertIds[i])) {
      validator.addCustomColumn({ ...m.record, id: insertIds[i], deleted: 0 } as unknown as CustomColumn);
    }
  });
  const inserter = new Inserter(db, progress);
  const changes: Patches = new Map();
  const ops: Op[] = [];
  mutations.forEach((m, index) => {
    if (!(TABLE_NAMES as readonly string[]).includes(m.table)) fail({ code: 'write.failed', table: m.table, index });
    if (m.type === 'insert') {
      const row = insertRow(m, insertIds[index], validator, index, at, by);
      inserter.add(m.table, row);
      ops.push({ kind: 'insert', table: m.table, id: row.id });
      return;
    }
    const patch = patchOf(m, validator, index);
    let byId = changes.get(m.table);
    if (!byId) changes.set(m.table, (byId = new Map()));
    const prev = byId.get(m.id);
    byId.set(m.id, { index, patch: prev ? { ...prev.patch, ...patch } : patch });
  });
  inserter.flushAll();
  // not awaited yet: requests run in order within the transaction, so the updates below read
  // after the inserts, and the change set is handed over while the inserts are still stored
  await applyPatches(db, changes, at, by, ops, progress);

  const cs: ChangeSet = { id: opts.id ?? newId(at), actor: by, actorName: actor.name, device: actor.device, at, label, ops, ...link };
  if (ops.length) {
    await Promise.all([(db.changes as Table<ChangeSet, number>).add(cs), saveClock(db, ctx.clock), ...inserter.adding]);
    signal?.throwIfAborted();
  }
  return { cs, inserted: inserter.inserted };
}
