/**
 * The change log. Every write is one `ChangeSet`: who, when, and the operations it made, each with
 * the previous values of exactly the fields it changed. Undo and redo replay these; the sharing
 * layer will replicate through the same path.
 */
import type { TableName } from './schema';

export type Op =
  /** a new record; undoing it soft-deletes it */
  | { kind: 'insert'; table: TableName; id: string }
  /** changed fields: their values before and after (undefined = empty) */
  | {
      kind: 'update';
      table: TableName;
      id: string;
      before: Record<string, unknown>;
      after: Record<string, unknown>;
    };

export interface ChangeSet {
  /** local order of the log */
  seq?: number;
  /** globally unique */
  id: string;
  actor: string;
  actorName: string;
  device: string;
  at: number;
  /** what the user did, a message key such as 'change.edit' */
  label: string;
  ops: Op[];
  /** set when this change set undid or redid another */
  undoOf?: string;
  redoOf?: string;
  /** set when this change set reverted another on request (e.g. an import, from the import history) */
  revertOf?: string;
  /** set when this change set came from another device (src/lib/sync): it is not on any undo stack */
  remote?: boolean;
  /**
   * Values of this remote change set that lost the merge (a later write of the same field was
   * already here): kept so that the record's history can show them and a person can restore one.
   */
  lost?: LostWrite[];
}

export interface LostWrite {
  table: TableName;
  id: string;
  field: string;
  value: unknown;
  at: number;
  by: string;
}

/**
 * One written field in a replicated entry: the new value (`null` = emptied) and its stamp.
 * Stamps order writes the same way on every device: `at` (hybrid clock, ms), then `by` (actor id),
 * then — only for two writes of one actor in the same millisecond on two devices — the value's JSON.
 */
export type FieldWrite = [value: unknown, at: number, by: string];

/** One record's part of an entry. `ins: 1`: the record was created (`f.deleted` holds the creation stamp). */
export interface EntryOp {
  t: TableName;
  id: string;
  f: Record<string, FieldWrite>;
  ins?: 1;
}

/** A change set as it is replicated (src/lib/sync/entry.ts encodes and checks it). */
export interface Entry extends Pick<ChangeSet, 'id' | 'actor' | 'actorName' | 'device' | 'at' | 'label'> {
  v: 1;
  ops: EntryOp[];
}

/** The JSON text of a value, `undefined` and `null` alike (both mean an empty cell). */
export function valueKey(value: unknown): string {
  return value === undefined || value === null ? 'null' : JSON.stringify(value);
}

/** Order of two field writes: by `at`, then `by`, then the value's JSON. The same on every device. */
export function compareWrite(a: FieldWrite, b: FieldWrite): number {
  if (a[1] !== b[1]) return a[1] < b[1] ? -1 : 1;
  if (a[2] !== b[2]) return a[2] < b[2] ? -1 : 1;
  const ka = valueKey(a[0]);
  const kb = valueKey(b[0]);
  return ka === kb ? 0 : ka < kb ? -1 : 1;
}

/** The local undo and redo stacks, kept in `meta` so they survive a reload. */
export interface UndoState {
  undo: string[];
  redo: string[];
}

export const UNDO_KEY = 'undo';
export const UNDO_LIMIT = 200;
