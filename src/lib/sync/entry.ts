/**
 * The replicated form of a change set, and its strict decoder.
 *
 * An entry is one JSON string in the workspace's `Y.Array<string>` named `log`:
 *
 *   { v: 1, id, actor, actorName, device, at, label,
 *     ops: [{ t: table, id: recordId, f: { field: [value, at, by] }, ins?: 1 }] }
 *
 * Every op carries the new value of each field it wrote with that field's stamp (at, by); `null`
 * is an emptied field. An insert (`ins: 1`) carries all its fields and `deleted: [0, createdAt,
 * createdBy]`, the creation stamp. A delete or restore is just the field `deleted` (1 / 0).
 *
 * `decodeEntry` is the door for text that came from another device: it never throws, and it
 * accepts only what the write path itself would have written.
 */
import type { Entry, EntryOp, FieldWrite } from '$lib/db/changes';
import { TABLE_NAMES, type TableName } from '$lib/db/schema';
import { isEnvelopeField, isValidId, Validator } from '$lib/db/validate';
import { MAX_STAMP_AT } from '$lib/db/write-path';
import type { CustomColumn } from '$lib/domain/records/types';

export type { Entry, EntryOp, FieldWrite };

export type DecodeResult = { ok: true; entry: Entry } | { ok: false; reason: string };

/** Longest string anywhere in an entry. */
export const MAX_STRING = 1_000_000;
/** Longest entry text (a large import is one entry). */
export const MAX_ENTRY_CHARS = 256_000_000;
/** Deepest nesting of a field value (JSON settings); the envelope itself is 5 deep. */
const MAX_DEPTH = 24;
const MAX_LABEL = 200;
/** Names that must never become keys of a plain object. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export function encodeEntry(entry: Entry): string {
  return JSON.stringify(entry);
}

class Refused extends Error {}

function refuse(reason: string): never {
  throw new Refused(reason);
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Every string short, every key harmless, nesting bounded. Iterative: a hostile depth cannot overflow the stack. */
function checkTree(root: unknown) {
  const stack: [unknown, number][] = [[root, 0]];
  while (stack.length) {
    const [v, depth] = stack.pop()!;
    if (typeof v === 'string') {
      if (v.length > MAX_STRING) refuse('too-long-string');
    } else if (typeof v === 'number') {
      if (!Number.isFinite(v)) refuse('not-finite');
    } else if (typeof v === 'object' && v !== null) {
      if (depth > MAX_DEPTH) refuse('too-deep');
      if (Array.isArray(v)) for (const x of v) stack.push([x, depth + 1]);
      else
        for (const [k, x] of Object.entries(v)) {
          if (FORBIDDEN_KEYS.has(k)) refuse(`forbidden-key ${k}`);
          if (k.length > MAX_STRING) refuse('too-long-string');
          stack.push([x, depth + 1]);
        }
    }
  }
}

function text(v: unknown, what: string, max = MAX_LABEL): string {
  if (typeof v !== 'string' || v.length > max) refuse(`bad-${what}`);
  return v;
}

function stampAt(v: unknown, what: string): number {
  if (typeof v !== 'number' || !Number.isFinite(v) || v < 0 || v > MAX_STAMP_AT) refuse(`bad-${what}`);
  return v;
}

function decodeOp(raw: unknown, index: number, validator: Validator): EntryOp {
  if (!isObject(raw)) refuse(`bad-op ${index}`);
  const t = raw.t;
  if (typeof t !== 'string' || !(TABLE_NAMES as readonly string[]).includes(t)) refuse(`bad-table ${index}`);
  const table = t as TableName;
  if (!isValidId(raw.id)) refuse(`bad-record-id ${index}`);
  const id = raw.id;
  if (raw.ins !== undefined && raw.ins !== 1) refuse(`bad-ins ${index}`);
  const ins = raw.ins === 1;
  if (!isObject(raw.f)) refuse(`bad-fields ${index}`);
  const f: Record<string, FieldWrite> = {};
  const values: Record<string, unknown> = {};
  for (const [field, w] of Object.entries(raw.f)) {
    const where = `${table}/${id}.${field}`;
    if (FORBIDDEN_KEYS.has(field)) refuse(`forbidden-key ${where}`);
    if (!Array.isArray(w) || w.length !== 3) refuse(`bad-write ${where}`);
    const at = stampAt(w[1], `stamp ${where}`);
    if (!isValidId(w[2])) refuse(`bad-stamp ${where}`);
    const value: unknown = w[0];
    if (field === 'deleted') {
      if (value !== 0 && value !== 1) refuse(`bad-deleted ${where}`);
    } else if (isEnvelopeField(field)) refuse(`envelope-field ${where}`);
    else values[field] = value === null ? undefined : value;
    f[field] = [value, at, w[2]];
  }
  if (!Object.keys(f).length) refuse(`no-fields ${index}`);
  if (ins && (!f.deleted || f.deleted[0] !== 0)) refuse(`insert-without-creation-stamp ${index}`);
  const problem = validator.check(table, values, ins, index);
  if (problem) refuse(`${problem.code} ${table}/${id}${problem.field ? `.${problem.field}` : ''}`);
  return ins ? { t: table, id, f, ins: 1 } : { t: table, id, f };
}

/**
 * Check `input` (an element of the log) and return the entry, or why it is refused. Field values
 * are checked like a local write: against TABLE_FIELDS and `columns` (the custom columns known on
 * this device) plus the columns the entry itself inserts. Never throws.
 */
export function decodeEntry(input: unknown, columns: readonly CustomColumn[] = []): DecodeResult {
  try {
    if (typeof input !== 'string') refuse('not-a-string');
    if (input.length > MAX_ENTRY_CHARS) refuse('too-large');
    let raw: unknown;
    try {
      raw = JSON.parse(input);
    } catch {
      refuse('not-json');
    }
    checkTree(raw);
    if (!isObject(raw)) refuse('not-an-object');
    if (raw.v !== 1) refuse('bad-version');
    if (!isValidId(raw.id)) refuse('bad-id');
    if (!isValidId(raw.actor)) refuse('bad-actor');
    const at = stampAt(raw.at, 'at');
    const actorName = text(raw.actorName, 'actor-name');
    const device = text(raw.device, 'device');
    const label = text(raw.label, 'label');
    if (!Array.isArray(raw.ops) || raw.ops.length === 0) refuse('bad-ops');
    // columns inserted by this entry can take values in it (removed columns count too)
    const added: CustomColumn[] = [];
    for (const op of raw.ops as unknown[]) {
      if (isObject(op) && op.t === 'customColumns' && op.ins === 1 && isValidId(op.id) && isObject(op.f)) {
        const col: Record<string, unknown> = { id: op.id };
        for (const [k, w] of Object.entries(op.f)) if (!isEnvelopeField(k) && Array.isArray(w)) col[k] = w[0];
        if (typeof col.table === 'string' && typeof col.type === 'string') added.push(col as unknown as CustomColumn);
      }
    }
    const validator = new Validator([...columns, ...added].map((c) => ({ ...c, deleted: 0 as const })));
    const ops = (raw.ops as unknown[]).map((op, i) => decodeOp(op, i, validator));
    return { ok: true, entry: { v: 1, id: raw.id, actor: raw.actor, actorName, device, at, label, ops } };
  } catch (e) {
    if (e instanceof Refused) return { ok: false, reason: e.message };
    // anything else (a stack overflow in JSON.parse, …) is a refusal too, never a crash
    return { ok: false, reason: `unreadable: ${e instanceof Error ? e.name : 'error'}` };
  }
}
