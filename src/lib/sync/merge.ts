/**
 * The reference merge: the merge rule applied to a set of entries (no Dexie, no Yjs). The rule
 * itself is written once, in src/lib/db/field-merge.ts; `applyRemote` (db/apply-remote.ts) applies
 * it incrementally to the stored records, and the convergence test checks that both agree.
 *
 * Per field, last writer wins by stamp: (at, by) compared lexicographically — `at` as a number,
 * then `by` as a string — and, only when one actor wrote one field in the same millisecond on two
 * devices, the value's JSON. The order is total and the same on every device, so the result does
 * not depend on the order entries arrive in (commutative), on duplicates (idempotent) or on
 * grouping (associative). Within one entry only the last write of each field counts (an insert
 * and an edit of the same record in one write): it is what the writer's own device shows.
 *
 * Deletion is the field `deleted` (0/1) and follows the same rule. A record deleted on one device
 * and edited on another at the same time stays deleted: the edit writes only the fields it changed,
 * never `deleted`, so it cannot bring the record back. Only a restore — a write of `deleted: 0`
 * with a later stamp — does. The values that lost stay in the log: `fieldHistory` lists them.
 */
import { compareWrite, type Entry, type FieldWrite } from '$lib/db/changes';
import { lastWrites, mergeFields, recordKey } from '$lib/db/field-merge';
import type { TableName } from '$lib/db/schema';

export { lastWrites, recordKey };

export interface RecordState {
  table: TableName;
  id: string;
  /** the creation stamp, when an insert of the record was seen */
  created?: { at: number; by: string };
  /** the winning write of each field (`null` value = empty) */
  fields: Record<string, FieldWrite>;
}

/** Merge `entries` (any order, duplicates allowed) into the state of every record they touch. */
export function mergeEntries(entries: Iterable<Entry>): Map<string, RecordState> {
  const out = new Map<string, RecordState>();
  const seen = new Set<string>();
  for (const entry of entries) {
    if (seen.has(entry.id)) continue;
    seen.add(entry.id);
    const last = lastWrites(entry);
    for (const op of entry.ops) {
      const key = recordKey(op.t, op.id);
      let rec = out.get(key);
      if (!rec) out.set(key, (rec = { table: op.t, id: op.id, fields: Object.create(null) as Record<string, FieldWrite> }));
      if (op.ins && op.f.deleted) {
        const [, at, by] = op.f.deleted;
        const c = rec.created;
        if (!c || at < c.at || (at === c.at && by < c.by)) rec.created = { at, by };
      }
      const counted: Record<string, FieldWrite> = {};
      for (const [field, w] of Object.entries(op.f)) if (last.get(`${key}.${field}`) === w) counted[field] = w;
      rec.fields = mergeFields(rec.fields, counted);
    }
  }
  return out;
}

export interface HistoryValue {
  value: unknown;
  at: number;
  by: string;
  /** the entry (change set) that wrote it */
  entry: string;
  actorName: string;
}

/**
 * Every value written to one field, winner first, then the losers in stamp order. A value that
 * the same entry overwrote (an insert and an edit in one write) was never shown and is left out.
 */
export function fieldHistory(entries: Iterable<Entry>, table: TableName, id: string, field: string): HistoryValue[] {
  const out: { w: FieldWrite; h: HistoryValue }[] = [];
  const seen = new Set<string>();
  for (const entry of entries) {
    if (seen.has(entry.id)) continue;
    seen.add(entry.id);
    const w = lastWrites(entry).get(`${recordKey(table, id)}.${field}`);
    if (w) out.push({ w, h: { value: w[0], at: w[1], by: w[2], entry: entry.id, actorName: entry.actorName } });
  }
  out.sort((a, b) => compareWrite(b.w, a.w));
  return out.map((x) => x.h);
}
