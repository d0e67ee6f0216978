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
 */
import type { Table } from 'dexie';
import type { CustomColumn, Versioned } from '$lib/domain/records/types';
import { UNDO_KEY, UNDO_LIMIT, type ChangeSet, type Op, type UndoState } from './changes';
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

/** Which records a committed write touched; `'all'` when it touched too many to list. */
export interface ChangeNotice {
  tables: Partial<Record<TableName, string[] | 'all'>>;
  changeSet: string;
  local: boolean;
}

type Row = Versioned & Record<string, unknown>;

function fail(p: WriteProblem): never {
  throw new WriteError(p);
}

const LIST_LIMIT = 5000;

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

  destroy() {
    this.#channel?.close();
    this.#listeners.clear();
  }

  /** A hybrid clock: wall time, but never backwards and never twice on this device. */
  #now(): number {
    this.#lastAt = Math.max(Date.now(), this.#lastAt + 1);
    return this.#lastAt;
  }

  /**
   * Validate and apply `mutations` as one atomic change set labelled `label` (a message key
   * such as 'change.edit'). Throws `WriteError` and changes nothing when any mutation is invalid.
   */
  async write(label: string, mutations: Mutation[]): Promise<ChangeSet> {
    const cs = await this.#transaction(async () => {
      const cs = await this.#apply(label, mutations, {});
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
      const inverse = await this.#invert(target);
      const cs = await this.#apply(target.label, inverse, which === 'undo' ? { undoOf: id } : { redoOf: id });
      (which === 'undo' ? s.redo : s.undo).push(cs.id);
      await this.#db.meta.put({ key: this.#undoKey, value: s });
      return cs;
    });
    if (cs) this.#announce(cs);
    return cs;
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

  async #apply(label: string, mutations: Mutation[], link: Pick<ChangeSet, 'undoOf' | 'redoOf'>): Promise<ChangeSet> {
    const db = this.#db;
    const at = this.#now();
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

    const inserts = new Map<TableName, Row[]>();
    const changes = new Map<TableName, Map<string, { index: number; patch: Record<string, unknown> }>>();
    const ops: Op[] = [];

    mutations.forEach((m, index) => {
      if (!(TABLE_NAMES as readonly string[]).includes(m.table)) {
        fail({ code: 'write.failed', table: m.table, index });
      }
      if (m.type === 'insert') {
        const id = insertIds[index];
        if (!isValidId(id)) fail({ code: 'write.bad-id', table: m.table, index });
        const fields: Record<string, unknown> = {};
        for (const [k, v] of Object.entries(m.record)) {
          if (!isEnvelopeField(k) && v !== undefined) fields[k] = v;
        }
        const problem = validator.check(m.table, fields, true, index);
        if (problem) fail({ ...problem, id: id as string });
        const row = {
          ...fields,
          id,
          deleted: 0,
          createdAt: at,
          createdBy: by,
          updatedAt: at,
          updatedBy: by
        } as Row;
        let list = inserts.get(m.table);
        if (!list) inserts.set(m.table, (list = []));
        list.push(row);
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

    for (const [table, rows] of inserts) {
      await db
        .table(table)
        .bulkAdd(rows)
        .catch((e: unknown) => {
          const name = (e as { failures?: { name?: string }[] }).failures?.[0]?.name;
          fail({ code: name === 'ConstraintError' ? 'write.duplicate-id' : 'write.failed', table, index: 0 });
        });
    }

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
      if (updated.length) await db.table(table).bulkPut(updated);
    }

    const cs: ChangeSet = {
      id: newId(at),
      actor: by,
      actorName: this.#actor.name,
      device: this.#actor.device,
      at,
      label,
      ops,
      ...link
    };
    if (ops.length) await (db.changes as Table<ChangeSet, number>).add(cs);
    return cs;
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
    const notice: ChangeNotice = { tables, changeSet: cs.id, local: true };
    this.#emit(notice);
    this.#channel?.postMessage(notice);
  }

  #emit(n: ChangeNotice) {
    for (const fn of this.#listeners) fn(n);
  }
}
