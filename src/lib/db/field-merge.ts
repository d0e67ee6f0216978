/**
 * The merge rule, once: per field, last writer wins by stamp. Pure functions, no storage: the
 * incremental path (apply-remote.ts, on stored records) and the reference merge
 * (src/lib/sync/merge.ts, on a set of entries) both call them, and field-merge.test.ts checks
 * with fast-check that the rule is commutative, idempotent and associative.
 *
 * - A write is `[value, at, by]`; `compareWrite` orders two writes by `at`, then `by`, then the
 *   value's JSON: a total order, the same on every device.
 * - The incoming write replaces the current one only when it is greater (`wins`).
 * - Within one entry only the last write of each field counts (`lastWrites`): an insert and an
 *   edit of one record in the same write show what the writer's own device showed.
 * - A stored record's current write of a field is its `_f[field]` stamp, else the creation stamp
 *   when the field holds a value (`storedWrite`).
 */
import { compareWrite, type Entry, type FieldWrite } from './changes';

/** Key of a record in a merged state: `table/id`. */
export const recordKey = (table: string, id: string) => `${table}/${id}`;

/** Whether `incoming` replaces `current` (none yet: it does). */
export function wins(incoming: FieldWrite, current: FieldWrite | null | undefined): boolean {
  return !current || compareWrite(incoming, current) > 0;
}

/** The winning writes of two states of one record, field by field. Neither argument changes. */
export function mergeFields(a: Record<string, FieldWrite>, b: Record<string, FieldWrite>): Record<string, FieldWrite> {
  const out: Record<string, FieldWrite> = Object.create(null) as Record<string, FieldWrite>;
  for (const field in a) if (Object.hasOwn(a, field)) out[field] = a[field];
  for (const field in b) if (Object.hasOwn(b, field) && wins(b[field], out[field])) out[field] = b[field];
  return out;
}

/** The write of each `table/id.field` that counts in an entry: the last one. */
export function lastWrites(entry: Pick<Entry, 'ops'>): Map<string, FieldWrite> {
  const last = new Map<string, FieldWrite>();
  for (const op of entry.ops) {
    const key = recordKey(op.t, op.id);
    for (const field in op.f) if (Object.hasOwn(op.f, field)) last.set(`${key}.${field}`, op.f[field]);
  }
  return last;
}

/** A stored record's envelope and fields, as far as the rule needs them. */
export interface StoredRecord {
  createdAt: number;
  createdBy: string;
  _f?: Record<string, { at: number; by: string }>;
  [field: string]: unknown;
}

/** The current write of `field` in a stored record: its own stamp, else the creation stamp; null if never written. */
export function storedWrite(row: StoredRecord, field: string): FieldWrite | null {
  const s = row._f?.[field];
  if (s) return [row[field], s.at, s.by];
  return row[field] !== undefined ? [row[field], row.createdAt, row.createdBy] : null;
}
