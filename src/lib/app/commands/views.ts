/** A grid's named views and custom columns: records too, so each change is one undoable write. */
import type { CellType, ViewState } from '$lib/domain/records/types';
import type { TableName } from '$lib/db/schema';
import { insert, remove, run, update, type CommandResult, type Draft, type WriteTarget } from './command';

/** `viewKey` names the grid the view belongs to (a table, or a table seen from one screen). */
export function saveView(ws: WriteTarget, viewKey: string, name: string, state: ViewState): Promise<CommandResult> {
  return run(ws.writes, 'change.view', [insert('savedViews', { table: viewKey, name, state })]);
}

export function deleteView(ws: WriteTarget, id: string): Promise<CommandResult> {
  return run(ws.writes, 'change.view', [remove('savedViews', id)]);
}

/** A custom column at the end of `table`'s columns; a link column links to another customer (records.md). */
export function addColumn(
  ws: WriteTarget,
  table: TableName,
  column: { label: string; type: CellType; options: string[]; order: number }
): Promise<CommandResult> {
  const record: Draft<'customColumns'> = { table, label: column.label, type: column.type, order: column.order };
  if (column.options.length) record.options = column.options;
  if (column.type === 'link') record.linkTable = 'customers';
  return run(ws.writes, 'change.column', [insert('customColumns', record)]);
}

export function renameColumn(ws: WriteTarget, columnId: string, label: string): Promise<CommandResult> {
  return run(ws.writes, 'change.column', [update('customColumns', columnId, { label })]);
}

export function removeColumn(ws: WriteTarget, columnId: string): Promise<CommandResult> {
  return run(ws.writes, 'change.column', [remove('customColumns', columnId)]);
}
