/**
 * The replicated form of a change set, and its strict decoder.
 *
 * An entry is one JSON text in the workspace's `Y.Array` named `log`:
 *
 *   { v: 2, id, actor, actorName, device, at, label,
 *     ops: [{ t: table, id: recordId, s?: [at, by], f: { field: [value] | [value, at, by] }, ins?: 1 }] }
 *
 * Every op carries the new value of each field it wrote with that field's stamp (at, by); `null`
 * is an emptied field. A one-element write `[value]` has the op's stamp `s`, or without `s` the
 * entry's own (at, actor): a write made here stamps every field with the entry's stamp, and a
 * snapshot record mostly with its creation stamp, so the log (which every device keeps in memory)
 * does not repeat a 40-character stamp per field. Version 1 entries (every write `[value, at, by]`)
 * still decode. An insert (`ins: 1`) carries all its fields and `deleted: [0, createdAt,
 * createdBy]`, the creation stamp. A delete or restore is just the field `deleted` (1 / 0).
 *
 * A log element is that JSON text, or, for an entry longer than PACK_ABOVE characters (a
 * snapshot, an import), the text deflated (`packEntry`): a `Uint8Array` of one format byte (1),
 * the UTF-8 length (uint32, little-endian) and raw deflate data. Every device holds the whole log
 * in memory, and JavaScript keeps the JSON of Chinese text at two bytes per character: a
 * 50 000-customer snapshot is 55 MB as text and 5 MB packed (and as much less on the wire).
 *
 * `decodeEntry` is the first half of the door for what came from another device: it never
 * throws, and it accepts only the shape the write path writes, with harmless values.
 * `WritePath.applyRemote` is the second half: it checks every value as a local write is checked.
 */
import { Deflate, deflateSync, Inflate } from 'fflate';
import type { Entry, EntryOp, FieldWrite } from '$lib/db/changes';
import { TABLE_NAMES, type TableName } from '$lib/db/schema';
import { isEnvelopeField, isValidId } from '$lib/db/validate';
import { MAX_STAMP_AT } from '$lib/db/write-path';

export type { Entry, EntryOp, FieldWrite };

export type DecodeResult = { ok: true; entry: Entry } | { ok: false; reason: string };

/** One element of the shared log: an entry's JSON, or that JSON packed (deflated). */
export type LogItem = string | Uint8Array;

/** Entries whose JSON is longer than this travel packed; a single edit stays plain text. */
export const PACK_ABOVE = 4096;
/** The first byte of a packed element: the packing's format. */
const PACKED = 1;
/** Raw deflate never expands more than 1032-fold: a larger declared length is a lie. */
const MAX_INFLATE_RATIO = 1032;

/** Longest string anywhere in an entry. */
export const MAX_STRING = 1_000_000;
/** Longest entry text (a large import is one entry). */
export const MAX_ENTRY_CHARS = 256_000_000;
/** Deepest nesting inside a field value (JSON settings). */
const MAX_DEPTH = 24;
const MAX_LABEL = 200;
/** Names that must never become keys of a plain object. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** One op as written in the log: the op's stamp `s` only where most of its fields share another. */
function encodeOp(op: EntryOp, entry: Entry): Record<string, unknown> {
  const counts = new Map<string, number>();
  for (const w of Object.values(op.f)) {
    const k = `${w[1]} ${w[2]}`;
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  const own = `${entry.at} ${entry.actor}`;
  let best = own;
  for (const [k, n] of counts) if (n > (counts.get(best) ?? 0)) best = k;
  const [sAt, sBy] = best === own ? [entry.at, entry.actor] : [Number(best.slice(0, best.indexOf(' '))), best.slice(best.indexOf(' ') + 1)];
  const f: Record<string, unknown[]> = {};
  for (const [field, w] of Object.entries(op.f)) f[field] = w[1] === sAt && w[2] === sBy ? [w[0]] : w;
  const out: Record<string, unknown> = { t: op.t, id: op.id };
  if (best !== own) out.s = [sAt, sBy];
  out.f = f;
  if (op.ins) out.ins = 1;
  return out;
}

/** The entry's JSON up to its ops: `{"v":2,…,"ops":[` (the text then goes on with the ops and `]}`). */
function encodeHead(entry: Entry): string {
  const { id, actor, actorName, device, at, label } = entry;
  const head = JSON.stringify({ v: 2, id, actor, actorName, device, at, label, ops: [] });
  return head.slice(0, -2);
}

export function encodeEntry(entry: Entry): string {
  return `${encodeHead(entry)}${entry.ops.map((op) => JSON.stringify(encodeOp(op, entry))).join(',')}]}`;
}

/** A packed element: format byte, UTF-8 length, then the raw deflate chunks. */
function packed(length: number, chunks: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(5 + chunks.reduce((n, c) => n + c.length, 0));
  out[0] = PACKED;
  new DataView(out.buffer).setUint32(1, length, true);
  let at = 5;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/** The log element for `entry`: its JSON, packed when long (see the top of this file). */
export function packEntry(entry: Entry): LogItem {
  const json = encodeEntry(entry);
  if (json.length <= PACK_ABOVE) return json;
  const utf8 = new TextEncoder().encode(json);
  return packed(utf8.length, [deflateSync(utf8, { level: 6 })]);
}

/** Ops per slice of `packEntryInSlices`: about 20 ms of work on a phone-class CPU. */
export const PACK_SLICE = 500;

/**
 * `packEntry` for a long entry, `PACK_SLICE` ops at a time with `pause()` between slices: the
 * same bytes, but a 100 000-record import (4 s of encoding and deflating here) never blocks the
 * page for long.
 */
export async function packEntryInSlices(entry: Entry, pause: () => Promise<void> = () => new Promise((r) => setTimeout(r, 0))): Promise<LogItem> {
  if (entry.ops.length <= PACK_SLICE) return packEntry(entry);
  const encoder = new TextEncoder();
  const chunks: Uint8Array[] = [];
  const deflate = new Deflate({ level: 6 }, (chunk) => chunks.push(chunk));
  let length = 0;
  const write = (text: string, final = false) => {
    const utf8 = encoder.encode(text);
    length += utf8.length;
    deflate.push(utf8, final);
  };
  write(encodeHead(entry));
  for (let from = 0; from < entry.ops.length; from += PACK_SLICE) {
    const ops = entry.ops.slice(from, from + PACK_SLICE).map((op) => JSON.stringify(encodeOp(op, entry)));
    write(`${from ? ',' : ''}${ops.join(',')}`);
    await pause();
  }
  write(']}', true);
  return packed(length, chunks);
}

class Refused extends Error {}

/** The declared UTF-8 length of a packed element, or null when it cannot be one. */
function declaredSize(input: Uint8Array): number | null {
  if (input.length < 6 || input[0] !== PACKED) return null;
  const size = new DataView(input.buffer, input.byteOffset, input.byteLength).getUint32(1, true);
  return size > MAX_ENTRY_CHARS || size > (input.length - 5) * MAX_INFLATE_RATIO ? null : size;
}

/** How much deflate data the inflaters take at a time: each step's output is checked against the declared length. */
const INFLATE_STEP = 16 * 1024;

/** A packed element inflated: its JSON text, or why it is refused (the reasons `decodeEntry` gives). */
export type Inflated = { ok: true; text: string } | { ok: false; reason: string };

/** The UTF-8 inside a packed element as text; `bad-utf8` when it is not UTF-8. */
function utf8Text(utf8: Uint8Array): Inflated {
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(utf8) };
  } catch {
    return { ok: false, reason: 'bad-utf8' };
  }
}

/**
 * Whether the text starting in `out[0, at)` can still be a JSON object: after an optional UTF-8 BOM
 * (TextDecoder drops it) and JSON whitespace, the first byte must be `{`. null while only those
 * came yet. Anything else is refused by `decodeEntry` whatever follows (`not-json`,
 * `not-an-object` or `bad-utf8`): inflating stops there, so a bomb of zeros costs one chunk.
 */
function startsAsObject(out: Uint8Array, at: number): boolean | null {
  let i = at >= 3 && out[0] === 0xef && out[1] === 0xbb && out[2] === 0xbf ? 3 : 0;
  if (i === 0 && at < 3 && out[0] === 0xef) return null;
  while (i < at && (out[i] === 0x20 || out[i] === 0x09 || out[i] === 0x0a || out[i] === 0x0d)) i++;
  return i < at ? out[i] === 0x7b : null;
}

/** The header's bounds: the format byte, and a declared length within MAX_ENTRY_CHARS and the deflate ratio. */
function checkHeader(input: Uint8Array): { ok: true; size: number } | { ok: false; reason: string } {
  if (input.length < 6 || input[0] !== PACKED) return { ok: false, reason: 'bad-packing' };
  const size = declaredSize(input);
  return size === null ? { ok: false, reason: 'too-large' } : { ok: true, size };
}

/**
 * The rule for a packed element, in one place: the header's bounds, then the deflate data must
 * end cleanly at exactly the declared length. Inflating stops as soon as the output would pass it,
 * so a bomb costs no more than an honest element of its declared size, and as soon as the text
 * cannot be a JSON object (`startsAsObject`). With fflate, in slices.
 */
function inflateSyncBounded(input: Uint8Array): Inflated {
  const head = checkHeader(input);
  if (!head.ok) return head;
  const out = new Uint8Array(head.size);
  let at = 0;
  let over = false;
  let ended = false;
  let object: boolean | null = null;
  const inflate = new Inflate((chunk, final) => {
    if (at + chunk.length > out.length) over = true;
    else out.set(chunk, at);
    at += chunk.length;
    if (final) ended = true;
    if (object === null && !over) object = startsAsObject(out, at);
  });
  const body = input.subarray(5);
  try {
    for (let i = 0; i < body.length && !over && object !== false; i += INFLATE_STEP)
      inflate.push(body.subarray(i, i + INFLATE_STEP), i + INFLATE_STEP >= body.length);
  } catch {
    return { ok: false, reason: 'bad-packing' };
  }
  if (object === false) return { ok: false, reason: 'not-json' };
  return over || !ended || at !== out.length ? { ok: false, reason: 'bad-packing' } : utf8Text(out);
}

/** `inflateSyncBounded` by the platform (DecompressionStream, several times faster): the same rule. */
async function inflateNative(input: Uint8Array): Promise<Inflated> {
  const head = checkHeader(input);
  if (!head.ok) return head;
  const out = new Uint8Array(head.size);
  let at = 0;
  let object: boolean | null = null;
  try {
    const body = input.subarray(5);
    const reader = new Blob([body as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new DecompressionStream('deflate-raw')).getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (at + value.length > out.length) {
        await reader.cancel().catch(() => undefined);
        return { ok: false, reason: 'bad-packing' };
      }
      out.set(value, at);
      at += value.length;
      if (object === null) object = startsAsObject(out, at);
      if (object === false) {
        await reader.cancel().catch(() => undefined);
        return { ok: false, reason: 'not-json' };
      }
    }
  } catch {
    return { ok: false, reason: 'bad-packing' };
  }
  return at === out.length ? utf8Text(out) : { ok: false, reason: 'bad-packing' };
}

/**
 * A log element ready for `decodeEntry`: a packed one inflated (by the platform where there is
 * one), bounded per element; anything else as it is. The decode worker and the in-thread decoder
 * both call it (decode.ts).
 */
export async function inflateElement(item: unknown): Promise<{ ok: true; value: unknown } | { ok: false; reason: string }> {
  if (!(item instanceof Uint8Array)) return { ok: true, value: item };
  const r = typeof DecompressionStream === 'undefined' ? inflateSyncBounded(item) : await inflateNative(item);
  return r.ok ? { ok: true, value: r.text } : r;
}

/**
 * The first `chars` characters of a packed element's text (where the entry's id and device are),
 * without inflating the rest: at most 1 KB of its deflate data is read. '' when there is none.
 */
export function packedPrefix(input: Uint8Array, chars = 400): string {
  if (!checkHeader(input).ok) return '';
  const decoder = new TextDecoder();
  let text = '';
  try {
    const inflate = new Inflate((chunk) => {
      if (text.length < chars) text += decoder.decode(chunk.subarray(0, chars * 4), { stream: true });
    });
    inflate.push(input.subarray(5, 5 + 1024), false);
  } catch {
    // not deflate: decoding refuses it
  }
  return text.slice(0, chars);
}

/** The JSON text inside a packed element (see `inflateSyncBounded`). */
function unpack(input: Uint8Array): string {
  const r = inflateSyncBounded(input);
  if (!r.ok) refuse(r.reason);
  return r.text;
}

function refuse(reason: string): never {
  throw new Refused(reason);
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Inside a field value that is an array or an object (tags, JSON settings): every string short,
 * every key harmless, nesting bounded. Iterative, so a hostile depth cannot overflow the stack;
 * two parallel stacks, so it allocates nothing per value.
 */
function checkTree(root: unknown) {
  const values: unknown[] = [root];
  const depths: number[] = [0];
  while (values.length) {
    const v = values.pop();
    const depth = depths.pop()!;
    if (typeof v === 'string') {
      if (v.length > MAX_STRING) refuse('too-long-string');
    } else if (typeof v === 'number') {
      if (!Number.isFinite(v)) refuse('not-finite');
    } else if (typeof v === 'object' && v !== null) {
      if (depth > MAX_DEPTH) refuse('too-deep');
      if (Array.isArray(v)) {
        for (let i = 0; i < v.length; i++) {
          values.push(v[i]);
          depths.push(depth + 1);
        }
      } else {
        const o = v as Record<string, unknown>;
        for (const k in o) {
          if (!Object.hasOwn(o, k)) continue;
          if (FORBIDDEN_KEYS.has(k)) refuse(`forbidden-key ${k}`);
          if (k.length > MAX_STRING) refuse('too-long-string');
          values.push(o[k]);
          depths.push(depth + 1);
        }
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

/** A field's value: short strings, finite numbers, and bounded, harmless nesting. */
function checkValue(v: unknown) {
  if (typeof v === 'string') {
    if (v.length > MAX_STRING) refuse('too-long-string');
  } else if (typeof v === 'number') {
    if (!Number.isFinite(v)) refuse('not-finite');
  } else if (typeof v === 'object' && v !== null) checkTree(v);
}

function decodeOp(raw: unknown, index: number, entryStamp: [number, string], version: number): EntryOp {
  if (!isObject(raw)) refuse(`bad-op ${index}`);
  const t = raw.t;
  if (typeof t !== 'string' || !(TABLE_NAMES as readonly string[]).includes(t)) refuse(`bad-table ${index}`);
  const table = t as TableName;
  if (!isValidId(raw.id)) refuse(`bad-record-id ${index}`);
  const id = raw.id;
  if (raw.ins !== undefined && raw.ins !== 1) refuse(`bad-ins ${index}`);
  const ins = raw.ins === 1;
  const fields = raw.f;
  if (!isObject(fields)) refuse(`bad-fields ${index}`);
  let stamp = entryStamp;
  if (raw.s !== undefined) {
    if (version < 2 || !Array.isArray(raw.s) || raw.s.length !== 2) refuse(`bad-op-stamp ${index}`);
    const sBy = raw.s[1];
    if (!isValidId(sBy)) refuse(`bad-op-stamp ${index}`);
    stamp = [stampAt(raw.s[0], `op-stamp ${index}`), sBy];
  }
  const f: Record<string, FieldWrite> = {};
  let n = 0;
  for (const field in fields) {
    if (!Object.hasOwn(fields, field)) continue;
    const w = fields[field];
    if (FORBIDDEN_KEYS.has(field)) refuse(`forbidden-key ${table}/${id}.${field}`);
    if (field.length > MAX_LABEL) refuse(`bad-field ${index}`);
    if (!Array.isArray(w) || !(w.length === 3 || (version >= 2 && w.length === 1))) refuse(`bad-write ${table}/${id}.${field}`);
    // a one-element write has the op's (or the entry's) stamp, checked already
    const at = w.length === 1 ? stamp[0] : stampAt(w[1], `stamp ${table}/${id}.${field}`);
    const by = w.length === 1 ? stamp[1] : (w[2] as unknown);
    if (w.length !== 1 && !isValidId(by)) refuse(`bad-stamp ${table}/${id}.${field}`);
    const value: unknown = w[0];
    if (field === 'deleted') {
      if (value !== 0 && value !== 1) refuse(`bad-deleted ${table}/${id}.${field}`);
    } else if (isEnvelopeField(field)) refuse(`envelope-field ${table}/${id}.${field}`);
    else checkValue(value);
    f[field] = [value, at, by as string];
    n++;
  }
  if (!n) refuse(`no-fields ${index}`);
  if (ins && (!f.deleted || f.deleted[0] !== 0)) refuse(`insert-without-creation-stamp ${index}`);
  return ins ? { t: table, id, f, ins: 1 } : { t: table, id, f };
}

/**
 * Check the shape of `input` (an element of the log: text, or packed) and return the entry, or
 * why it is refused. Never throws. This is the door's first half: ids, stamps, tables, the
 * envelope, and values that are bounded and harmless (no prototype keys, no runaway strings or
 * nesting). The second half is `WritePath.applyRemote`, which checks every value against the
 * field specs and the custom columns, as a local write is checked, before anything is stored.
 */
export function decodeEntry(input: unknown): DecodeResult {
  try {
    const json = input instanceof Uint8Array ? unpack(input) : input;
    if (typeof json !== 'string') refuse('not-a-string');
    if (json.length > MAX_ENTRY_CHARS) refuse('too-large');
    let raw: unknown;
    try {
      raw = JSON.parse(json);
    } catch {
      refuse('not-json');
    }
    if (!isObject(raw)) refuse('not-an-object');
    if (raw.v !== 1 && raw.v !== 2) refuse('bad-version');
    const version = raw.v;
    if (!isValidId(raw.id)) refuse('bad-id');
    if (!isValidId(raw.actor)) refuse('bad-actor');
    const at = stampAt(raw.at, 'at');
    const actorName = text(raw.actorName, 'actor-name');
    const device = text(raw.device, 'device');
    const label = text(raw.label, 'label');
    if (!Array.isArray(raw.ops) || raw.ops.length === 0) refuse('bad-ops');
    const stamp: [number, string] = [at, raw.actor as string];
    const ops = (raw.ops as unknown[]).map((op, i) => decodeOp(op, i, stamp, version));
    return { ok: true, entry: { v: 1, id: raw.id, actor: raw.actor, actorName, device, at, label, ops } };
  } catch (e) {
    if (e instanceof Refused) return { ok: false, reason: e.message };
    // anything else (a stack overflow in JSON.parse, …) is a refusal too, never a crash
    return { ok: false, reason: `unreadable: ${e instanceof Error ? e.name : 'error'}` };
  }
}
