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
}

/** The local undo and redo stacks, kept in `meta` so they survive a reload. */
export interface UndoState {
  undo: string[];
  redo: string[];
}

export const UNDO_KEY = 'undo';
export const UNDO_LIMIT = 200;
