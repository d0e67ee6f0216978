/**
 * Commands on the rows of any record grid (customers, contacts, staff, org units): what a person
 * types, pastes or fills, deletes and restores, and a value put back from a record's history.
 * Each is one write, so one undo.
 */
import type { GridCommit } from '$lib/grid/types';
import type { TableName } from '$lib/db/schema';
import type { Mutation } from '$lib/db/write-path';
import { insert, remove, restore, run, update, type CommandResult, type Draft, type Patch, type WriteTarget } from './command';

type FieldLabel = (field: string) => string;

/**
 * The edits, pastes and fills of one grid commit: one update per row touched, one insert per row
 * added below the last (each with `defaults`, e.g. the customer a contact belongs to).
 */
export function commitGridEdits<T extends TableName>(
  ws: WriteTarget,
  table: T,
  commit: Pick<GridCommit, 'edits' | 'newRows'>,
  defaults: Draft<T> = {},
  fieldLabel?: FieldLabel
): Promise<CommandResult> {
  return run(ws.writes, gridCommitLabel(commit), gridMutations(table, commit, defaults), { fieldLabel });
}

/** The undo label of a grid commit: a paste when it adds rows or changes several cells. */
export const gridCommitLabel = (commit: Pick<GridCommit, 'edits' | 'newRows'>): string =>
  commit.newRows.length || commit.edits.length > 1 ? 'change.paste' : 'change.edit';

/** The mutations of a grid commit: one update per row touched, one insert per new row (with `defaults`). */
export function gridMutations<T extends TableName>(table: T, commit: Pick<GridCommit, 'edits' | 'newRows'>, defaults: Draft<T> = {}): Mutation[] {
  const patches = new Map<string, Patch<T>>();
  for (const e of commit.edits) {
    const p = patches.get(e.rowId) ?? ({} as Patch<T>);
    (p as Record<string, unknown>)[e.column] = e.value;
    patches.set(e.rowId, p);
  }
  const mutations = [...patches].map(([id, patch]) => update(table, id, patch));
  for (const row of commit.newRows) {
    const record: Record<string, unknown> = { ...defaults };
    for (const [k, v] of Object.entries(row)) if (v !== undefined) record[k] = v;
    mutations.push(insert(table, record as Draft<T>));
  }
  return mutations;
}

/** One field of one record, as typed in a form. */
export function editField<T extends TableName>(
  ws: WriteTarget,
  table: T,
  id: string,
  field: string,
  value: unknown,
  fieldLabel?: FieldLabel
): Promise<CommandResult> {
  return run(ws.writes, 'change.edit', [update(table, id, { [field]: value } as Patch<T>)], { fieldLabel });
}

/** Records to the bin (soft delete: undo, or restore, brings them back). */
export function deleteRecords(ws: WriteTarget, table: TableName, ids: readonly string[]): Promise<CommandResult> {
  return run(
    ws.writes,
    'change.delete',
    ids.map((id) => remove(table, id))
  );
}

/** Records back from the bin. */
export function restoreRecords(ws: WriteTarget, table: TableName, ids: readonly string[]): Promise<CommandResult> {
  return run(
    ws.writes,
    'change.restore',
    ids.map((id) => restore(table, id))
  );
}

/**
 * An earlier or a lost value of a field put back (the record's history): an ordinary edit, so it
 * wins everywhere and is undoable.
 */
export function restoreFieldValue<T extends TableName>(
  ws: WriteTarget,
  table: T,
  id: string,
  field: string,
  value: unknown,
  fieldLabel?: FieldLabel
): Promise<CommandResult> {
  return run(ws.writes, 'change.restoreValue', [update(table, id, { [field]: value } as Patch<T>)], { fieldLabel });
}
