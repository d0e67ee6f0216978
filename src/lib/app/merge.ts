/**
 * The one write that merges `other` into `keep` (records.md: "Merging two records keeps every
 * contact, receivable and note of both"):
 * - keep's blanks are filled from other and other's conflicting values are noted (`planMerge`),
 *   the note readable: field labels and display values in the workspace's language;
 * - every record that links to other is re-pointed to keep. Which fields link to a customer is
 *   read from the field specs (`customerLinks`): every field of every table whose spec is
 *   `link('customers')`, and every custom link column to customers. A table added later with a
 *   customer link is re-pointed without anyone listing it here;
 * - keep has one primary contact: other's primary contacts stay primary only when keep has none
 *   (then the first of them);
 * - other is soft-deleted.
 * Pure: the caller reads the linked records (`commands/merge.ts` reads them from the database).
 */
import { planMerge, type MergeNoteWriter } from '$lib/domain/records/merge';
import { TABLE_FIELDS, type FieldSpecs } from '$lib/domain/records/fields';
import type { Customer, CustomColumn } from '$lib/domain/records/types';
import type { Mutation } from '$lib/db/write-path';
import type { TableName } from '$lib/db/schema';
import { remove, update } from './commands/command';

/** One field that holds a customer's id. */
export interface CustomerLink {
  table: TableName;
  field: string;
}

type Row = { id: string; deleted?: 0 | 1 } & Record<string, unknown>;

/** Records of `table` whose `field` holds `id` (deleted ones included). */
export type LinkedReader = (table: TableName, field: string, id: string) => readonly Row[];

/** Every field, in every table's spec (and the custom columns), that links to a customer. */
export function customerLinks(specs: Readonly<Record<string, FieldSpecs>> = TABLE_FIELDS, custom: readonly CustomColumn[] = []): CustomerLink[] {
  const out: CustomerLink[] = [];
  for (const [table, fields] of Object.entries(specs)) {
    for (const [field, spec] of Object.entries(fields)) {
      if (spec.type === 'link' && spec.linkTable === 'customers') out.push({ table: table as TableName, field });
    }
  }
  for (const c of custom) {
    if (!c.deleted && c.type === 'link' && c.linkTable === 'customers') out.push({ table: c.table as TableName, field: `x_${c.id}` });
  }
  return out;
}

export interface MergeWrite {
  mutations: Mutation[];
  /** live records that move to keep, per table (group children count under `customers`) */
  moves: Partial<Record<TableName, number>>;
}

export interface MergeOptions {
  specs?: Readonly<Record<string, FieldSpecs>>;
  custom?: readonly CustomColumn[];
  note?: MergeNoteWriter;
}

export function mergeMutations(keep: Customer, other: Customer, read: LinkedReader, opts: MergeOptions = {}): MergeWrite {
  const plan = planMerge(keep, other, opts.note);
  const mutations: Mutation[] = [];
  if (Object.keys(plan.patch).length) mutations.push(update('customers', keep.id, plan.patch));

  // one patch per record, whatever number of its fields link to other
  const patches = new Map<string, { table: TableName; row: Row; patch: Record<string, unknown> }>();
  for (const { table, field } of customerLinks(opts.specs, opts.custom)) {
    for (const row of read(table, field, other.id)) {
      if (row[field] !== other.id || row.id === keep.id || (table === 'customers' && row.id === other.id)) continue;
      const key = `${table}\u0000${row.id}`;
      const entry = patches.get(key) ?? { table, row, patch: {} };
      entry.patch[field] = keep.id;
      patches.set(key, entry);
    }
  }

  const keepHasPrimary = read('contacts', 'customerId', keep.id).some((c) => !c.deleted && c.primary === true);
  let primaryTaken = keepHasPrimary;
  const moves: Partial<Record<TableName, number>> = {};
  for (const { table, row, patch } of patches.values()) {
    if (table === 'contacts' && row.primary === true && !row.deleted) {
      if (primaryTaken) patch.primary = false;
      primaryTaken = true;
    }
    mutations.push(update(table, row.id, patch));
    if (!row.deleted) moves[table] = (moves[table] ?? 0) + 1;
  }
  mutations.push(remove('customers', other.id));
  return { mutations, moves };
}
