/**
 * Merge commands: what a merge of two customers will move (for the dialog that asks first) and
 * the merge itself, one write, so one undo brings both customers and every moved record back.
 * The rule is `app/merge.ts`; this reads the records it needs from the workspace's database.
 */
import type { KebuDB, TableName } from '$lib/db/schema';
import type { CustomColumn, Customer } from '$lib/domain/records/types';
import { formatCell } from '$lib/domain/cells';
import { tableColumns, type LinkSources } from '$lib/grid/columns';
import { customerLinks, mergeMutations, type MergeWrite } from '$lib/app/merge';
import { i18n, t } from '$lib/i18n/index.svelte';
import { CommandError, run, type CommandResult, type Writer } from './command';

/** What the merge commands need of an open workspace. */
export interface MergeWorkspace extends LinkSources {
  db: KebuDB;
  writes: Writer;
  customColumns: { rows: readonly CustomColumn[] };
}

type Row = { id: string; deleted?: 0 | 1 } & Record<string, unknown>;

/** Reads every record that links to `keep` or `other`, through an index where the table has one. */
async function readLinked(ws: MergeWorkspace, keep: Customer, other: Customer) {
  const cache = new Map<string, Row[]>();
  const links = customerLinks(undefined, ws.customColumns.rows);
  const wanted = [...links, { table: 'contacts' as TableName, field: 'customerId' }];
  for (const { table, field } of wanted) {
    const store = ws.db.table(table);
    const indexed = field in store.schema.idxByName;
    for (const id of [keep.id, other.id]) {
      const key = `${table}\u0000${field}\u0000${id}`;
      if (cache.has(key)) continue;
      const rows = indexed ? await store.where(field).equals(id).toArray() : await store.filter((r: Row) => r[field] === id).toArray();
      cache.set(key, rows as Row[]);
    }
  }
  return (table: TableName, field: string, id: string) => cache.get(`${table}\u0000${field}\u0000${id}`) ?? [];
}

/** The note lines about the other record: field labels and display values in today's language. */
function noteWriter(ws: MergeWorkspace) {
  const columns = new Map(tableColumns(i18n.locale, ws, 'customers', ws.customColumns.rows).map((c) => [c.key, c]));
  return {
    header: (name: string) => t('merge.note.header', { name }),
    line: (field: string, value: unknown) => {
      const col = columns.get(field);
      const shown = col ? formatCell(col.spec, value) : Array.isArray(value) ? value.join(', ') : String(value);
      return t('merge.note.line', { field: col?.label ?? field, value: shown });
    }
  };
}

/** The merge's one write and what it moves, without writing anything. */
export async function planCustomerMerge(ws: MergeWorkspace, keep: Customer, other: Customer): Promise<MergeWrite> {
  const read = await readLinked(ws, keep, other);
  return mergeMutations(keep, other, read, { custom: ws.customColumns.rows, note: noteWriter(ws) });
}

/**
 * Merges `other` into `keep`: one write, one undo. Both are read again first, so a change made
 * while the dialog was open is merged too; a customer gone to the bin meanwhile refuses the merge.
 */
export async function mergeCustomers(ws: MergeWorkspace, keep: Customer, other: Customer): Promise<CommandResult> {
  return run(ws.writes, 'change.merge', async () => {
    const [k, o] = await ws.db.customers.bulkGet([keep.id, other.id]);
    if (!k || !o || k.deleted || o.deleted || k.id === o.id) throw new CommandError('customer.notFound');
    return (await planCustomerMerge(ws, k, o)).mutations;
  });
}
