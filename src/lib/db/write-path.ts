/**
 * The one write path. Every mutation of a workspace, from a cell edit to a 100 000-row import,
 * goes through `WritePath.write`: it is validated, applied in ONE Dexie transaction together with
 * its change-log entry and the undo stack, and announced to this tab and the others. Either all
 * of a write commits or none of it does (IndexedDB transactions are atomic; closing the page
 * mid-write aborts the transaction).
 *
 * Undo and redo both "apply the inverse of a change set": undo inverts the newest change set on
 * the undo stack and pushes the inverse onto the redo stack; redo inverts that back. An inverse
 * only reverts fields that still hold the value the change set wrote, so undo never clobbers a
 * later change made by somebody else. The stacks live in the `meta` table and survive a reload.
 * `revert` applies the same inversion to any one change set on request (an import from the import
 * history), as a new change set that is itself undoable.
 *
 * A write may run in a worker (imports do): a WritePath constructed there on the same workspace
 * database with the same actor shares the undo stacks, and its BroadcastChannel notice reaches the
 * page's stores. `restoreSnapshot` is the one way a backup is put back: it replaces every table
 * and the log verbatim, after checking every record.
 *
 * Replication (src/lib/sync): every local change set is also announced in its replicated form
 * (`onEntry`: each field written with its stamp), and `applyRemote` merges change sets from other
 * devices field by field, last writer (greatest stamp) wins, without touching the undo stacks.
 */
import type { Table } from 'dexie';
import type { CustomColumn, Versioned } from '$lib/domain/records/types';
import {
  compareWrite,
  UNDO_KEY,
  UNDO_LIMIT,
  type ChangeSet,
  type Entry,
  type EntryOp,
  type FieldWrite,
  type LostWrite,
  type Op,
  type UndoState
} from './changes';
import { chunksOf } from './chunks';
import { newId } from './ids';
import { TABLE_NAMES, type KebuDB, type RecordTables, type TableName } from './schema';
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

/** Which records a committed write touched; `'all'` when it touched too many to list. */
export interface ChangeNotice {
  tables: Partial<Record<TableName, string[] | 'all'>>;
  changeSet: string;
  local: boolean;
  /**
   * Every record the write touched, as committed (changes from other devices carry them): a
   * listener in this tab can take them instead of reading them back. Never posted to other tabs.
   */
  rows?: { [K in TableName]?: RecordTables[K][] };
  /** written in a worker, where no replica runs: the page's replica must send it (entryOf) */
  detached?: true;
}

/** Writes made in a worker (imports, restores) have no replica beside them. */
const IN_WORKER =
  typeof (globalThis as { WorkerGlobalScope?: unknown }).WorkerGlobalScope !== 'undefined' &&
  globalThis instanceof ((globalThis as unknown as { WorkerGlobalScope: new () => unknown }).WorkerGlobalScope);

type Row = Versioned & Record<string, unknown>;

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

/** A whole workspace as a verified backup holds it (src/lib/io/backup.ts makes and checks the file). */
export interface Snapshot {
  tables: Partial<Record<TableName, Record<string, unknown>[]>>;
  changes: ChangeSet[];
}

/** Rows stored per request batch: small enough to report progress and notice an abort often. */
const CHUNK = 5000;

function fail(p: WriteProblem): never {
  throw new WriteError(p);
}

type ChangeLink = Pick<ChangeSet, 'undoOf' | 'redoOf' | 'revertOf'>;

/** The envelope of a record from a backup: what the write path would have written. */
function checkEnvelope(row: Record<string, unknown>): WriteProblem['code'] | null {
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

const LIST_LIMIT = 5000;
/** About how many records applyRemote merges before sending them to IndexedDB. */
const GROUP = 2000;

/** The greatest time a stamp may hold (the end of JavaScript dates): the clock never jumps past it. */
export const MAX_STAMP_AT = 8.64e15;

/** What one applyRemote call reads once and writes once: records by `table/id`, the changed ones, the log. */
interface RemoteBatch {
  rows: Map<string, Row | undefined>;
  dirty: Map<TableName, Set<string>>;
  changeSets: ChangeSet[];
  /** the validator for the batch's columns, until an entry adds one */
  validator?: Validator;
}

/** What `applyRemote` did with each entry it was given (entries already in the log are in neither list). */
export interface RemoteResult {
  applied: string[];
  /** `reason` starts with a WriteErrorCode; 'write.not-found' means "the record is not here yet" */
  refused: { id: string; reason: string }[];
}

/**
 * A stored record as a replication op, each field with its own stamp (`_f`, else the creation
 * stamp): the whole record as an insert, or only `fields` as an update.
 */
function rowOp(table: TableName, row: Row, fields?: string[]): EntryOp {
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
  f.deleted = [row.deleted, ...stamp('deleted')];
  return { t: table, id: row.id, f, ins: 1 };
}

/** The replicated form of a local change set: every field it wrote with its stamp (cs.at, cs.actor). */
function toEntry(cs: ChangeSet, insertedRows: Map<TableName, Row[]>): Entry {
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

export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === undefined || b === undefined || a === null || b === null) return false;
  if (typeof a !== 'object' || typeof b !== 'object') return false;
  return JSON.stringify(a) === JSON.stringify(b);
}

export class WritePath {
  readonly #db: KebuDB;
  readonly #actor: Actor;
  readonly #listeners = new Set<(n: ChangeNotice) => void>();
  readonly #channel: BroadcastChannel | null;
  readonly #entryListeners = new Set<(e: Entry) => void>();
  /** the replicated form of each local change set, until it is announced */
  readonly #entries = new WeakMap<ChangeSet, () => Entry>();
  #lastAt = 0;

  constructor(db: KebuDB, actor: Actor) {
    this.#db = db;
    this.#actor = actor;
    this.#channel =
      typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(`kebu:${db.name}`);
    if (this.#channel) {
      this.#channel.onmessage = (e: MessageEvent<ChangeNotice>) => this.#emit({ ...e.data, local: false });
    }
  }

  /** each person has their own stacks: undo undoes only your own changes */
  get #undoKey(): string {
    return `${UNDO_KEY}:${this.#actor.id}`;
  }

  get actor(): Actor {
    return this.#actor;
  }

  /** Listen to committed writes, from this tab and from other tabs of the same workspace. */
  subscribe(fn: (n: ChangeNotice) => void): () => void {
    this.#listeners.add(fn);
    return () => this.#listeners.delete(fn);
  }

  /**
   * Listen to this WritePath's own committed change sets (write, undo, redo, revert) in their
   * replicated form, after commit. Remote entries and restored snapshots are not announced here.
   */
  onEntry(fn: (e: Entry) => void): () => void {
    this.#entryListeners.add(fn);
    return () => this.#entryListeners.delete(fn);
  }

  destroy() {
    this.#channel?.close();
    this.#listeners.clear();
    this.#entryListeners.clear();
  }

  /** A hybrid clock: wall time, but never backwards and never twice on this device. */
  #now(): number {
    this.#lastAt = Math.max(Date.now(), this.#lastAt + 1);
    return this.#lastAt;
  }

  /** Hybrid clock, receive rule: never behind a stamp this device has seen. */
  #observe(entry: Entry) {
    let max = entry.at;
    if (Array.isArray(entry.ops)) for (const op of entry.ops) for (const field in op?.f) if (op.f[field]?.[1] > max) max = op.f[field][1];
    if (Number.isFinite(max) && max <= MAX_STAMP_AT && max > this.#lastAt) this.#lastAt = max;
  }

  /**
   * Validate and apply `mutations` as one atomic change set labelled `label` (a message key
   * such as 'change.edit'). Throws `WriteError` and changes nothing when any mutation is invalid.
   */
  async write(label: string, mutations: Mutation[], opts: WriteOptions = {}): Promise<ChangeSet> {
    if (opts.id !== undefined && !isValidId(opts.id)) fail({ code: 'write.bad-id', table: 'settings', index: -1 });
    opts.signal?.throwIfAborted();
    const cs = await this.#transaction(async () => {
      const cs = await this.#apply(label, mutations, {}, opts);
      if (cs.ops.length) await this.#pushUndo(cs.id, true);
      return cs;
    });
    this.#announce(cs);
    return cs;
  }

  /** Undo the newest of this device's own writes. Returns null when there is nothing to undo. */
  async undo(): Promise<ChangeSet | null> {
    return this.#invertTop('undo');
  }

  async redo(): Promise<ChangeSet | null> {
    return this.#invertTop('redo');
  }

  /**
   * Take back the change set `changeSetId` (any one, not only the newest): the fields that still
   * hold what it wrote get their values from before it, the records it inserted are soft-deleted.
   * One new change set (labelled `label`, linked by `revertOf`) that is pushed on the undo stack
   * like any write. Returns null when there is no such change set or nothing of it is left.
   */
  async revert(changeSetId: string, label = 'change.revert'): Promise<ChangeSet | null> {
    const cs = await this.#transaction(async () => {
      const target = await this.#db.changes.where('id').equals(changeSetId).first();
      if (!target) return null;
      const cs = await this.#applyInverse(target, label, { revertOf: changeSetId });
      if (!cs.ops.length) return null;
      await this.#pushUndo(cs.id, true);
      return cs;
    });
    if (cs) this.#announce(cs);
    return cs;
  }

  async undoState(): Promise<{ canUndo: boolean; canRedo: boolean }> {
    const s = await this.#readUndo();
    return { canUndo: s.undo.length > 0, canRedo: s.redo.length > 0 };
  }

  #transaction<T>(fn: () => Promise<T>): Promise<T> {
    const db = this.#db;
    return db.transaction(
      'rw',
      [...TABLE_NAMES.map((n) => db.table(n)), db.changes, db.meta],
      fn
    );
  }

  async #readUndo(): Promise<UndoState> {
    const entry = await this.#db.meta.get(this.#undoKey);
    const v = entry?.value as UndoState | undefined;
    return { undo: v?.undo ?? [], redo: v?.redo ?? [] };
  }

  async #pushUndo(id: string, clearRedo: boolean) {
    const s = await this.#readUndo();
    s.undo.push(id);
    if (s.undo.length > UNDO_LIMIT) s.undo.splice(0, s.undo.length - UNDO_LIMIT);
    if (clearRedo) s.redo = [];
    await this.#db.meta.put({ key: this.#undoKey, value: s });
  }

  async #invertTop(which: 'undo' | 'redo'): Promise<ChangeSet | null> {
    const cs = await this.#transaction(async () => {
      const s = await this.#readUndo();
      const id = s[which].pop();
      if (!id) return null;
      const target = await this.#db.changes.where('id').equals(id).first();
      if (!target) {
        await this.#db.meta.put({ key: this.#undoKey, value: s });
        return null;
      }
      const cs = await this.#applyInverse(target, target.label, which === 'undo' ? { undoOf: id } : { redoOf: id });
      (which === 'undo' ? s.redo : s.undo).push(cs.id);
      await this.#db.meta.put({ key: this.#undoKey, value: s });
      return cs;
    });
    if (cs) this.#announce(cs);
    return cs;
  }

  /** Apply the inverse of `target` as a new change set (shared by undo, redo and revert). */
  async #applyInverse(target: ChangeSet, label: string, link: ChangeLink): Promise<ChangeSet> {
    return this.#apply(label, await this.#invert(target), link);
  }

  /** The mutations that take back `cs`, for the fields that still hold what it wrote. */
  async #invert(cs: ChangeSet): Promise<Mutation[]> {
    const byTable = new Map<TableName, Op[]>();
    for (const op of cs.ops) {
      const list = byTable.get(op.table) ?? [];
      list.push(op);
      byTable.set(op.table, list);
    }
    const out: Mutation[] = [];
    for (const [table, ops] of byTable) {
      const current = await this.#db.table(table).bulkGet(ops.map((o) => o.id));
      ops.forEach((op, i) => {
        const row = current[i] as Row | undefined;
        if (!row) return;
        if (op.kind === 'insert') {
          if (row.deleted === 0) out.push({ type: 'update', table, id: op.id, patch: { deleted: 1 } });
          return;
        }
        const patch: Record<string, unknown> = {};
        for (const [field, value] of Object.entries(op.after)) {
          if (sameValue(row[field], value)) patch[field] = op.before[field];
        }
        if (Object.keys(patch).length) out.push({ type: 'update', table, id: op.id, patch });
      });
    }
    return out;
  }

  async #apply(label: string, mutations: Mutation[], link: ChangeLink, opts: WriteOptions = {}): Promise<ChangeSet> {
    const db = this.#db;
    const at = this.#now();
    const { signal, onProgress } = opts;
    const total = mutations.length;
    let done = 0;
    const progress = (n: number) => {
      done += n;
      signal?.throwIfAborted();
      onProgress?.(done, total);
    };
    const by = this.#actor.id;
    const validator = new Validator(await db.customColumns.toArray());
    // ids first, so that a custom column added in this write can take values in it
    const insertIds = mutations.map((m) =>
      m.type === 'insert' ? (m.record.id === undefined ? newId(at) : m.record.id) : undefined
    );
    mutations.forEach((m, i) => {
      if (m.type === 'insert' && m.table === 'customColumns' && isValidId(insertIds[i])) {
        validator.addCustomColumn({ ...m.record, id: insertIds[i], deleted: 0 } as unknown as CustomColumn);
      }
    });

    // Inserts go to IndexedDB a chunk at a time as soon as they are checked, without waiting for
    // the chunk before: the database stores one chunk while the next is checked. A refusal later
    // on throws inside the transaction, which rolls back every chunk already added.
    // the rows inserted, by table: the replicated entry is built from them only if someone listens
    const inserted = new Map<TableName, Row[]>();
    const pending = new Map<TableName, Row[]>();
    const adding: Promise<void>[] = [];
    const flush = (table: TableName, rows: Row[]) => {
      const added = db
          .table(table)
          .bulkAdd(rows)
          .then(
            () => progress(rows.length),
            (e: unknown) => {
              if (e instanceof WriteError || (e as Error)?.name === 'AbortError') throw e;
              const name = (e as { failures?: { name?: string }[] }).failures?.[0]?.name;
              fail({ code: name === 'ConstraintError' ? 'write.duplicate-id' : 'write.failed', table, index: 0 });
            }
          );
      // handled here too: when a later mutation is refused, nobody awaits the chunks in flight
      added.catch(() => {});
      adding.push(added);
    };
    const changes = new Map<TableName, Map<string, { index: number; patch: Record<string, unknown> }>>();
    const ops: Op[] = [];

    mutations.forEach((m, index) => {
      if (!(TABLE_NAMES as readonly string[]).includes(m.table)) {
        fail({ code: 'write.failed', table: m.table, index });
      }
      if (m.type === 'insert') {
        const id = insertIds[index];
        if (!isValidId(id)) fail({ code: 'write.bad-id', table: m.table, index });
        // one object per row, fields first, then the envelope (checked before the envelope is set)
        const row = {} as Row;
        const record = m.record as Record<string, unknown>;
        for (const k in record) {
          const v = record[k];
          if (v === undefined || !Object.hasOwn(record, k) || isEnvelopeField(k)) continue;
          if (k === '__proto__') fail({ code: 'write.unknown-field', table: m.table, index, field: k });
          row[k] = v;
        }
        const problem = validator.check(m.table, row, true, index);
        if (problem) fail({ ...problem, id: id as string });
        row.id = id as string;
        row.deleted = 0;
        row.createdAt = at;
        row.createdBy = by;
        row.updatedAt = at;
        row.updatedBy = by;
        let list = pending.get(m.table);
        if (!list) pending.set(m.table, (list = []));
        list.push(row);
        if (list.length === CHUNK) {
          flush(m.table, list);
          pending.set(m.table, []);
        }
        let kept = inserted.get(m.table);
        if (!kept) inserted.set(m.table, (kept = []));
        kept.push(row);
        ops.push({ kind: 'insert', table: m.table, id: row.id });
        return;
      }
      if (!isValidId(m.id)) fail({ code: 'write.bad-id', table: m.table, index });
      let patch: Record<string, unknown>;
      if (m.type === 'delete') patch = { deleted: 1 };
      else if (m.type === 'restore') patch = { deleted: 0 };
      else {
        patch = {};
        for (const [k, v] of Object.entries(m.patch)) {
          if (k === 'deleted') {
            if (v !== 0 && v !== 1) fail({ code: 'write.failed', table: m.table, index, field: k });
            patch[k] = v;
          } else if (isEnvelopeField(k)) {
            fail({ code: 'write.unknown-field', table: m.table, index, field: k });
          } else patch[k] = v;
        }
        const problem = validator.check(m.table, patch, false, index);
        if (problem) fail({ ...problem, id: m.id });
      }
      let byId = changes.get(m.table);
      if (!byId) changes.set(m.table, (byId = new Map()));
      const prev = byId.get(m.id);
      byId.set(m.id, { index, patch: prev ? { ...prev.patch, ...patch } : patch });
    });

    for (const [table, rows] of pending) if (rows.length) flush(table, rows);
    // not awaited yet: requests run in order within the transaction, so the updates below read
    // after the inserts, and the change set is handed over while the inserts are still stored

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

    const cs: ChangeSet = {
      id: opts.id ?? newId(at),
      actor: by,
      actorName: this.#actor.name,
      device: this.#actor.device,
      at,
      label,
      ops,
      ...link
    };
    if (ops.length) {
      await Promise.all([(db.changes as Table<ChangeSet, number>).add(cs), ...adding]);
      signal?.throwIfAborted();
      // built only when somebody listens (a replica): an import of 100 000 rows would pay ~300 ms
      this.#entries.set(cs, () => toEntry(cs, inserted));
    }
    return cs;
  }

  /**
   * Every record of the workspace, deleted ones included, as replication entries of at most
   * `perEntry` records each, with each field's own stamp (`_f`, else the creation stamp): what a
   * device pushes into a shared log so that records written before sharing reach the others.
   * Applying them anywhere changes nothing that is newer, so pushing them twice is harmless.
   */
  async snapshotEntries(perEntry = 2000): Promise<Entry[]> {
    const at = this.#now();
    const { id: actor, name: actorName, device } = this.#actor;
    const entries: Entry[] = [];
    let ops: EntryOp[] = [];
    const flush = () => {
      if (!ops.length) return;
      entries.push({ v: 1, id: newId(at), actor, actorName, device, at, label: 'change.share', ops });
      ops = [];
    };
    // read in chunks by primary key, each its own request: a 50 000-record table read at once
    // is one long task of deserialising on the page
    for (const table of TABLE_NAMES) {
      for await (const rows of chunksOf(this.#db.table(table), perEntry)) {
        for (const row of rows as Row[]) {
          ops.push(rowOp(table, row));
          if (ops.length >= perEntry) flush();
        }
      }
    }
    flush();
    return entries;
  }

  /** Which of these change-set ids are in this workspace's log already (applied here). */
  async knownChangeSets(ids: readonly string[]): Promise<Set<string>> {
    const valid = ids.filter((id) => isValidId(id));
    return new Set(valid.length ? ((await this.#db.changes.where('id').anyOf(valid).keys()) as string[]) : []);
  }

  /**
   * The replication entry of a change set written elsewhere (in a worker): the records it touched
   * as they are now, each field with its own stamp. Later values ride along, which is right
   * under last-writer-wins: every field carries the stamp it was written with. Null when the
   * change set is not (or no longer) here.
   */
  async entryOf(changeSetId: string): Promise<Entry | null> {
    const cs = await this.#db.changes.where('id').equals(changeSetId).first();
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
        const rows = (await this.#db.table(table).bulkGet(list.map((o) => o.id))) as (Row | undefined)[];
        list.forEach((op, i) => {
          const row = rows[i];
          if (!row) return;
          if (op.kind === 'insert') ops.push(rowOp(table, row));
          else ops.push(rowOp(table, row, Object.keys(op.after)));
        });
      }
    }
    const { id, actor, actorName, device, at, label } = cs;
    return ops.length ? { v: 1, id, actor, actorName, device, at, label, ops } : null;
  }

  /**
   * Apply change sets made on other devices (src/lib/sync), in ONE transaction. Per field, the
   * write with the greater stamp wins (`compareWrite`: at, then by): a field is written only when
   * the incoming stamp is greater than the record's `_f[field]` (or its creation stamp). So the
   * result does not depend on the order entries arrive in, and applying one twice does nothing.
   * An insert creates the record when it is missing and merges field by field when it is not.
   * Each entry is checked (fields against TABLE_FIELDS and the custom columns) and appended to
   * `changes` as one change set with its own id, actor and time and `remote: true`; an entry whose
   * id is already there is skipped. A refused entry writes nothing; the others still apply.
   * The undo stacks are not touched. The local clock moves past every stamp seen.
   */
  async applyRemote(entries: Iterable<Entry>): Promise<RemoteResult> {
    const result: RemoteResult = { applied: [], refused: [] };
    // every record written, as committed (a record written by two groups: its last version)
    const written = new Map<TableName, Map<string, Row>>();
    const db = this.#db;
    await this.#transaction(async () => {
      // removed columns count too: whether a value is accepted must not depend on what was seen
      const [stored, logSize] = await Promise.all([db.customColumns.toArray(), db.changes.count()]);
      const columns = stored.map((c) => ({ ...c, deleted: 0 as const }));
      // a table that was empty (a new device's first sync) holds none of the records: no need to
      // look them up, and nothing to wait for between groups. Learnt per table when first named.
      const wasEmpty = new Map<TableName, boolean>();
      const batch: RemoteBatch = { rows: new Map(), dirty: new Map(), changeSets: [] };
      const here = new Set<string>();
      const writes: Promise<unknown>[] = [];
      const iterator = entries[Symbol.iterator]();
      // in groups of about GROUP records: each group's rows go to IndexedDB as soon as it is
      // merged, so storing one group overlaps taking the next (`entries` may decode lazily)
      for (let done = false; !done; ) {
        const group: Entry[] = [];
        for (let size = 0; size < GROUP; ) {
          const next = iterator.next();
          if (next.done) {
            done = true;
            break;
          }
          this.#observe(next.value);
          group.push(next.value);
          size += Array.isArray(next.value.ops) ? next.value.ops.length : 1;
        }
        if (!group.length) break;
        // one round of reads per group: which entries are here already, whether the tables named
        // for the first time were empty, then the records they name
        const named = new Set<TableName>();
        for (const e of group) {
          if (!Array.isArray(e.ops)) continue;
          for (const op of e.ops) if ((TABLE_NAMES as readonly string[]).includes(op?.t) && !wasEmpty.has(op.t)) named.add(op.t);
        }
        const ids = group.map((e) => e.id).filter((id) => isValidId(id));
        const [present, ...counts] = await Promise.all([
          logSize ? (db.changes.where('id').anyOf(ids).keys() as Promise<string[]>) : [],
          ...[...named].map((t) => db.table(t).count())
        ]);
        for (const id of present) here.add(id);
        [...named].forEach((t, i) => wasEmpty.set(t, counts[i] === 0));
        const wanted = new Map<TableName, string[]>();
        for (const e of group) {
          if (here.has(e.id) || !Array.isArray(e.ops)) continue;
          for (const op of e.ops) {
            if (!(TABLE_NAMES as readonly string[]).includes(op?.t) || !isValidId(op.id)) continue;
            const key = `${op.t}/${op.id}`;
            if (batch.rows.has(key)) continue;
            batch.rows.set(key, undefined);
            if (wasEmpty.get(op.t)) continue;
            let list = wanted.get(op.t);
            if (!list) wanted.set(op.t, (list = []));
            list.push(op.id);
          }
        }
        await Promise.all(
          [...wanted].map(async ([t, list]) => {
            const got = (await db.table(t).bulkGet(list)) as (Row | undefined)[];
            list.forEach((id, i) => batch.rows.set(`${t}/${id}`, got[i]));
          })
        );
        for (const entry of group) {
          if (here.has(entry.id)) continue;
          const reason = this.#applyEntry(entry, columns, batch);
          if (reason) result.refused.push({ id: entry.id, reason });
          else {
            result.applied.push(entry.id);
            here.add(entry.id);
          }
        }
        // then the group's writes, not awaited: IndexedDB stores them while the next group is taken
        for (const [t, keys] of batch.dirty) {
          const put = [...keys].map((key) => batch.rows.get(key) as Row);
          let rows = written.get(t);
          if (!rows) written.set(t, (rows = new Map()));
          for (const row of put) rows.set(row.id, row);
          writes.push(db.table(t).bulkPut(put));
        }
        if (batch.changeSets.length) writes.push((db.changes as Table<ChangeSet, number>).bulkAdd(batch.changeSets));
        batch.dirty = new Map();
        batch.changeSets = [];
      }
      await Promise.all(writes);
    });
    if (written.size) {
      const tables: ChangeNotice['tables'] = {};
      const rows: Partial<Record<TableName, Row[]>> = {};
      for (const [t, byId] of written) {
        tables[t] = byId.size > LIST_LIMIT ? 'all' : [...byId.keys()];
        rows[t] = [...byId.values()];
      }
      const notice: ChangeNotice = { tables, changeSet: result.applied[result.applied.length - 1] ?? 'remote', local: true };
      this.#emit({ ...notice, rows: rows as ChangeNotice['rows'] });
      this.#channel?.postMessage(notice);
    }
    return result;
  }

  /**
   * Check and merge one remote entry (inside applyRemote's transaction). Returns why it was
   * refused, or null. Synchronous on purpose: applyRemote read every record up front, and an IndexedDB transaction
   * with no request pending across an await may commit under us (Dexie's PrematureCommitError).
   */
  #applyEntry(entry: Entry, columns: CustomColumn[], batch: RemoteBatch): string | null {
    if (!isValidId(entry.id) || !Array.isArray(entry.ops) || !Number.isFinite(entry.at)) return 'write.failed entry';
    // check everything first: nothing of a refused entry is written
    const added: CustomColumn[] = [];
    for (const op of entry.ops) {
      if (op.ins && op.t === 'customColumns' && isValidId(op.id)) {
        const col: Record<string, unknown> = { id: op.id, deleted: 0 };
        for (const k in op.f) if (Object.hasOwn(op.f, k) && !isEnvelopeField(k)) col[k] = op.f[k][0];
        added.push(col as unknown as CustomColumn);
      }
    }
    const validator = added.length ? new Validator([...columns, ...added]) : (batch.validator ??= new Validator(columns));
    const ops = entry.ops;
    const keys: string[] = new Array(ops.length);
    for (let index = 0; index < ops.length; index++) {
      const op = ops[index];
      if (!(TABLE_NAMES as readonly string[]).includes(op.t)) return `write.failed ${String(op.t)}`;
      if (!isValidId(op.id)) return `write.bad-id ${op.t}`;
      keys[index] = `${op.t}/${op.id}`;
      const values: Record<string, unknown> = {};
      for (const field in op.f) {
        if (!Object.hasOwn(op.f, field)) continue;
        const w = op.f[field];
        if (!Array.isArray(w) || w.length !== 3 || !Number.isFinite(w[1]) || w[1] > MAX_STAMP_AT || typeof w[2] !== 'string') {
          return `write.failed ${keys[index]}.${field}`;
        }
        if (field === 'deleted') {
          if (w[0] !== 0 && w[0] !== 1) return `write.failed ${keys[index]}.deleted`;
        } else if (isEnvelopeField(field)) return `write.unknown-field ${keys[index]}.${field}`;
        else values[field] = w[0] === null ? undefined : w[0];
      }
      if (op.ins && !op.f.deleted) return `write.failed ${keys[index]}.deleted`;
      const problem = validator.check(op.t, values, op.ins === 1, index);
      if (problem) return `${problem.code} ${keys[index]}${problem.field ? `.${problem.field}` : ''}`;
    }

    // the batch read every record up front; records written by earlier entries of the batch are there
    const rows = batch.rows;
    const exists = new Set<string>();
    for (const key of keys) if (rows.get(key)) exists.add(key);
    for (let i = 0; i < ops.length; i++) {
      if (ops[i].ins) exists.add(keys[i]);
      else if (!exists.has(keys[i])) return `write.not-found ${keys[i]}`;
    }

    // merge field by field; within one entry only the last write of a field counts (only an entry
    // naming a record twice needs the lookup: a snapshot of 2 000 records never does)
    let last: Map<string, FieldWrite> | null = null;
    if (exists.size < ops.length) {
      last = new Map();
      for (let i = 0; i < ops.length; i++) for (const field in ops[i].f) if (Object.hasOwn(ops[i].f, field)) last.set(`${keys[i]}.${field}`, ops[i].f[field]);
    }
    const changes: Op[] = [];
    const lost: LostWrite[] = [];
    for (let i = 0; i < ops.length; i++) {
      const op = ops[i];
      const key = keys[i];
      const row = rows.get(key);
      const next = row ? ({ ...row } as Row) : this.#newRow(op, key, last);
      if (row) {
        const stamps = { ...(row._f ?? {}) };
        const before: Record<string, unknown> = {};
        const after: Record<string, unknown> = {};
        let changed = false;
        for (const field in op.f) {
          if (!Object.hasOwn(op.f, field)) continue;
          const w = op.f[field];
          const value = w[0] === null ? undefined : w[0];
          const s = stamps[field];
          const current: FieldWrite | null = s ? [next[field], s.at, s.by] : next[field] !== undefined ? [next[field], next.createdAt, next.createdBy] : null;
          if (last && last.get(`${key}.${field}`) !== w) continue;
          if (current && compareWrite(w, current) <= 0) {
            // a concurrent write that lost: keep it for the record's history (it may be restored)
            if (field !== 'deleted' && !sameValue(current[0], value)) lost.push({ table: op.t, id: op.id, field, value: w[0], at: w[1], by: w[2] });
            continue;
          }
          changed = true;
          if (op.ins && w[1] === next.createdAt && w[2] === next.createdBy) delete stamps[field];
          else stamps[field] = { at: w[1], by: w[2] };
          if (!sameValue(next[field], value)) {
            before[field] = next[field];
            after[field] = value;
          }
          if (value === undefined) delete next[field];
          else next[field] = value;
          if (w[1] > next.updatedAt || (w[1] === next.updatedAt && w[2] > next.updatedBy)) {
            next.updatedAt = w[1];
            next.updatedBy = w[2];
          }
        }
        if (!changed) continue;
        if (Object.keys(stamps).length) next._f = stamps;
        else delete next._f;
        if (Object.keys(after).length) changes.push({ kind: 'update', table: op.t, id: op.id, before, after });
      } else changes.push({ kind: 'insert', table: op.t, id: op.id });
      rows.set(key, next);
      let dirty = batch.dirty.get(op.t);
      if (!dirty) batch.dirty.set(op.t, (dirty = new Set()));
      dirty.add(key);
    }
    const { id, actor, actorName, device, at, label } = entry;
    batch.changeSets.push({ id, actor, actorName, device, at, label, ops: changes, remote: true, ...(lost.length ? { lost } : {}) });
    if (added.length) {
      for (const c of added) columns.push(c);
      batch.validator = undefined;
    }
    return null;
  }

  /**
   * A record that is not here yet, from its insert op: every field wins (only the last write of
   * a field in the entry counts). Fields stamped with the creation stamp (that of `deleted: 0`)
   * keep no stamp of their own.
   */
  #newRow(op: EntryOp, key: string, last: Map<string, FieldWrite> | null): Row {
    const [, createdAt, createdBy] = op.f.deleted;
    const next = { id: op.id, deleted: 0, createdAt, createdBy, updatedAt: createdAt, updatedBy: createdBy } as Row;
    let stamps: Record<string, { at: number; by: string }> | undefined;
    for (const field in op.f) {
      if (!Object.hasOwn(op.f, field)) continue;
      const w = op.f[field];
      if (last && last.get(`${key}.${field}`) !== w) continue;
      if (w[1] !== createdAt || w[2] !== createdBy) (stamps ??= {})[field] = { at: w[1], by: w[2] };
      if (w[0] !== null) next[field] = w[0];
      if (w[1] > next.updatedAt || (w[1] === next.updatedAt && w[2] > next.updatedBy)) {
        next.updatedAt = w[1];
        next.updatedBy = w[2];
      }
    }
    if (stamps) next._f = stamps;
    return next;
  }

  /**
   * Replace this workspace's whole content with `snapshot`: every record table and the change log,
   * verbatim (ids, envelopes and field stamps included). Every record is checked first: a valid
   * id and envelope, and fields valid against TABLE_FIELDS and the snapshot's own custom columns;
   * one bad record refuses the restore and changes nothing. The local undo and redo stacks are
   * cleared (they point into the replaced log). One transaction: all or nothing. Not undoable.
   */
  async restoreSnapshot(snapshot: Snapshot, opts: Pick<WriteOptions, 'signal' | 'onProgress'> = {}): Promise<void> {
    const columns = (snapshot.tables.customColumns ?? []) as unknown as CustomColumn[];
    // values of removed custom columns stay in records, so their columns count here too
    const validator = new Validator(columns.map((c) => ({ ...c, deleted: 0 as const })));
    const total = TABLE_NAMES.reduce((n, t) => n + (snapshot.tables[t]?.length ?? 0), 0) + snapshot.changes.length;
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
    opts.signal?.throwIfAborted();
    const db = this.#db;
    let done = 0;
    await this.#transaction(async () => {
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
      await put(db.changes, 'settings', snapshot.changes.map(({ seq: _seq, ...cs }) => cs));
    });
    const notice: ChangeNotice = {
      tables: Object.fromEntries(TABLE_NAMES.map((t) => [t, 'all'])),
      changeSet: `restore:${newId()}`,
      local: true
    };
    this.#emit(notice);
    this.#channel?.postMessage(notice);
  }

  /** Local, unreplicated, not undoable device state of this workspace (e.g. when it was last backed up). */
  async setMeta(key: string, value: unknown): Promise<void> {
    if (key === UNDO_KEY || key.startsWith(`${UNDO_KEY}:`)) fail({ code: 'write.failed', table: 'settings', index: 0 });
    await this.#db.meta.put({ key, value });
  }

  #announce(cs: ChangeSet) {
    if (!cs.ops.length) return;
    const tables: ChangeNotice['tables'] = {};
    for (const op of cs.ops) {
      const cur = tables[op.table];
      if (cur === 'all') continue;
      const list = cur ?? (tables[op.table] = []);
      if (list.length >= LIST_LIMIT) tables[op.table] = 'all';
      else list.push(op.id);
    }
    const notice: ChangeNotice = { tables, changeSet: cs.id, local: true, ...(IN_WORKER ? { detached: true as const } : {}) };
    this.#emit(notice);
    this.#channel?.postMessage(notice);
    const makeEntry = this.#entries.get(cs);
    this.#entries.delete(cs);
    if (!makeEntry || !this.#entryListeners.size) return;
    const entry = makeEntry();
    for (const fn of this.#entryListeners) {
      try {
        fn(entry);
      } catch (e) {
        console.error('kebu: an entry listener failed', e);
      }
    }
  }

  #emit(n: ChangeNotice) {
    for (const fn of this.#listeners) fn(n);
  }
}
