/**
 * Merging two customer records into one (shared/domain/records.md, "Duplicates": merging keeps
 * every contact, receivable and note of both). `planMerge` is pure: it says what to write on the
 * record that is kept; it writes nothing.
 *
 * Rules, field by field (envelope fields — id, deleted, created*, updated*, _f — are never touched):
 * - keep's non-empty value wins; an empty value in keep is filled from other;
 * - array fields (tags, segments, multiple-choice custom fields) are unioned, keep's items first;
 * - when both hold different non-empty values, keep's stays and other's is appended to notes as a
 *   line `[合并 <other.name>] <field>: <value>` and reported in `conflicts`, so nothing of either
 *   record is lost. Phones and codes that differ only in formatting (`+86 138…` / `138…`) are
 *   the same value, not a conflict;
 * - notes: keep's notes, then other's notes as a conflict line (or other's notes alone when keep
 *   has none), then the conflict lines;
 * - custom `x_*` fields follow the same rules;
 * - a parent link that would point keep at itself is dropped: when keep's parent is other, keep
 *   takes other's parent (the key is present with `undefined` when that clears it).
 *
 * The caller does the rest, in one transaction: apply `patch` to keep, re-point other's contacts,
 * follow-ups, receivables, attachments and subsidiaries (`parentId`) to keep, then soft-delete
 * other.
 */
import { normalizeCode, normalizePhone } from './normalize';
import type { Customer } from './types';

export interface MergeConflict {
  field: string;
  kept: unknown;
  other: unknown;
}

/**
 * How the note lines about the other record read: the app passes the workspace's language,
 * field labels and display values (staff names, choice labels); the default writes raw keys.
 */
export interface MergeNoteWriter {
  header(otherName: string): string;
  line(field: string, value: unknown): string;
}

const RAW_NOTES: MergeNoteWriter = {
  header: (name) => `[合并 ${name}]`,
  line: (field, value) => `${field}: ${show(value)}`
};

export interface MergePlan {
  /** fields to set on keep; a key present with `undefined` clears that field */
  patch: Partial<Customer>;
  conflicts: MergeConflict[];
}

export const ENVELOPE_FIELDS: ReadonlySet<string> = new Set(['id', 'deleted', 'createdAt', 'createdBy', 'updatedAt', 'updatedBy', '_f']);

/** Fields handled apart from the generic rule. */
const SPECIAL = new Set(['notes', 'parentId']);

const PHONE_FIELDS = new Set(['mobile', 'phone', 'fax']);
const CODE_FIELDS = new Set(['creditCode', 'idNumber']);

function isEmpty(v: unknown): boolean {
  return v === undefined || v === null || (typeof v === 'string' && v.trim() === '') || (Array.isArray(v) && v.length === 0);
}

function comparable(field: string, v: unknown): unknown {
  if (typeof v !== 'string') return v;
  if (PHONE_FIELDS.has(field)) return normalizePhone(v);
  if (CODE_FIELDS.has(field)) return normalizeCode(v);
  return v.trim();
}

function sameValue(field: string, a: unknown, b: unknown): boolean {
  const x = comparable(field, a);
  const y = comparable(field, b);
  if (x === y) return true;
  if (typeof x === 'object' && typeof y === 'object') return JSON.stringify(x) === JSON.stringify(y);
  return false;
}

function show(v: unknown): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return v.map(show).join(', ');
  return JSON.stringify(v);
}

function union(a: readonly unknown[], b: readonly unknown[]): unknown[] {
  const out = [...a];
  for (const item of b) {
    if (!out.some((x) => x === item || JSON.stringify(x) === JSON.stringify(item))) out.push(item);
  }
  return out;
}

export function planMerge(keep: Customer, other: Customer, note: MergeNoteWriter = RAW_NOTES): MergePlan {
  const patch: Record<string, unknown> = {};
  const conflicts: MergeConflict[] = [];
  const lines: string[] = [];
  const header = note.header(other.name);
  const k = keep as unknown as Record<string, unknown>;
  const o = other as unknown as Record<string, unknown>;

  const fields = new Set([...Object.keys(keep), ...Object.keys(other)]);
  for (const field of fields) {
    if (ENVELOPE_FIELDS.has(field) || SPECIAL.has(field)) continue;
    const kv = k[field];
    const ov = o[field];
    if (isEmpty(ov)) continue;
    if (isEmpty(kv)) {
      patch[field] = ov;
    } else if (Array.isArray(kv) && Array.isArray(ov)) {
      const merged = union(kv, ov);
      if (merged.length > kv.length) patch[field] = merged;
    } else if (!sameValue(field, kv, ov)) {
      conflicts.push({ field, kept: kv, other: ov });
      lines.push(`${header} ${note.line(field, ov)}`);
    }
  }

  // parent: never a link to itself or to the record merged away
  const keepParent = isEmpty(keep.parentId) ? undefined : keep.parentId;
  const otherParent = isEmpty(other.parentId) || other.parentId === keep.id ? undefined : other.parentId;
  if (keepParent === other.id) {
    patch.parentId = otherParent;
  } else if (keepParent === undefined) {
    if (otherParent !== undefined) patch.parentId = otherParent;
  } else if (otherParent !== undefined && otherParent !== keepParent) {
    conflicts.push({ field: 'parentId', kept: keepParent, other: otherParent });
    lines.push(`${header} ${note.line('parentId', otherParent)}`);
  }

  // notes: keep's, then other's, then one line per conflict
  const keepNotes = isEmpty(keep.notes) ? '' : (keep.notes as string);
  const otherNotes = isEmpty(other.notes) ? '' : (other.notes as string);
  let notes = keepNotes;
  if (otherNotes !== '') {
    if (keepNotes === '') notes = otherNotes;
    else if (!sameValue('notes', keepNotes, otherNotes)) {
      conflicts.push({ field: 'notes', kept: keepNotes, other: otherNotes });
      lines.unshift(`${header} ${note.line('notes', otherNotes)}`);
    }
  }
  if (lines.length > 0) notes = notes === '' ? lines.join('\n') : `${notes}\n${lines.join('\n')}`;
  if (notes !== keepNotes) patch.notes = notes;

  return { patch: patch as Partial<Customer>, conflicts };
}
