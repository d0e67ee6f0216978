/**
 * The log's epochs: how the shared log stops growing without bound.
 *
 * The first log is the `Y.Array` named `log` (epoch 0). A compaction starts a new epoch: a record
 * in the `Y.Map` named `epochs` (its key the epoch's id) and a new `Y.Array` named `log.<id>`
 * that starts with a snapshot of the merged state, every field with its stamp. The current epoch
 * is the record with the greatest `(n, id)`: every device picks the same one, also when two
 * compacted at once. Every log that is not the current one is old: its elements that the snapshot
 * does not contain (beyond `cover`, the state vector of what the compacting device had applied)
 * are moved into the current log, then every element of it is deleted, which frees its content
 * (Yjs keeps a few bytes per run of deleted elements).
 *
 * Everything here is pure (no Yjs, no Dexie) except `elementsOf`, `liveKeys` and `coverOf`.
 */
import type * as Y from 'yjs';
import { isValidId } from '$lib/db/validate';

export const EPOCHS_NAME = 'epochs';
export const FIRST_LOG = 'log';

export interface Epoch {
  /** 1, 2, …: one more than the epoch it compacted (the first log is epoch 0 and has no record) */
  n: number;
  id: string;
  /** the id of the epoch whose log this one compacted; null for the first log */
  from: string | null;
  /**
   * What the snapshot contains of that log: per Yjs client, the clock below which every element
   * is in it (applied, or refused, by the compacting device; those waiting were carried over)
   */
  cover: Record<string, number>;
  /** when it was made (the compacting device's time, ms) */
  at: number;
  /** the device that compacted */
  device: string;
}

/** The name of an epoch's `Y.Array`: `log` for the first one. */
export const logName = (id: string | null): string => (id === null ? FIRST_LOG : `log.${id}`);

/** At most this many clients in a cover (a cover from a hostile peer cannot grow without bound). */
const MAX_COVER = 100_000;

/** A record read from the `epochs` map, or null when it does not have the shape of one. */
export function epochOf(value: unknown): Epoch | null {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return null;
  const v = value as Record<string, unknown>;
  if (!Number.isSafeInteger(v.n) || (v.n as number) < 1 || !isValidId(v.id)) return null;
  if (v.from !== null && !isValidId(v.from)) return null;
  if (!Number.isFinite(v.at) || typeof v.device !== 'string') return null;
  const cover = v.cover;
  if (!cover || typeof cover !== 'object' || Array.isArray(cover)) return null;
  const entries = Object.entries(cover as Record<string, unknown>);
  if (entries.length > MAX_COVER || entries.some(([k, c]) => !/^\d{1,10}$/.test(k) || !Number.isSafeInteger(c) || (c as number) < 0)) return null;
  return {
    n: v.n as number,
    id: v.id,
    from: v.from as string | null,
    cover: cover as Record<string, number>,
    at: v.at as number,
    device: v.device.slice(0, 60)
  };
}

/** The greater of two epochs by `(n, id)`; null is epoch 0. */
const after = (a: Epoch, b: Epoch | null) => !b || a.n > b.n || (a.n === b.n && a.id > b.id);

/** The current epoch among `records` (null: the first log). */
export function currentEpoch(records: Iterable<Epoch>): Epoch | null {
  let best: Epoch | null = null;
  for (const r of records) if (after(r, best)) best = r;
  return best;
}

/**
 * The cover of the log `name` (what a snapshot contains of it): that of the greatest record that
 * compacted it; null when none did (an epoch that lost to a concurrent one: all of it moves).
 */
export function coverFor(name: string, records: Iterable<Epoch>): Record<string, number> | null {
  let best: Epoch | null = null;
  for (const r of records) if (logName(r.from) === name && after(r, best)) best = r;
  return best?.cover ?? null;
}

/** Whether the log element `key` (`client:clock`) is contained in a snapshot with this cover. */
export function isCovered(cover: Record<string, number> | null, key: string): boolean {
  if (!cover) return false;
  const colon = key.indexOf(':');
  const c = cover[key.slice(0, colon)];
  return c !== undefined && Number(key.slice(colon + 1)) < c;
}

/**
 * The cover of a log from the keys of its live elements and those this device has applied: per
 * client, below the first element not applied and past the last one applied.
 */
export function coverOf(keys: Iterable<string>, applied: (key: string) => boolean): Record<string, number> {
  const done = new Map<string, number>();
  const open = new Map<string, number>();
  for (const key of keys) {
    const colon = key.indexOf(':');
    const client = key.slice(0, colon);
    const clock = Number(key.slice(colon + 1));
    if (applied(key)) done.set(client, Math.max(done.get(client) ?? 0, clock + 1));
    else open.set(client, Math.min(open.get(client) ?? Infinity, clock));
  }
  const cover: Record<string, number> = {};
  for (const [client, end] of done) cover[client] = Math.min(end, open.get(client) ?? Infinity);
  return cover;
}

/** Thresholds of `shouldCompact`. */
export interface CompactPolicy {
  /** never below this many elements since the epoch began */
  minElements: number;
  /** compact when the elements outnumber the live records this many times */
  perRecord: number;
}

export const COMPACT_POLICY: CompactPolicy = { minElements: 2000, perRecord: 1 };

/**
 * Whether a log of `elements` elements (its snapshot's included) should be compacted, for a
 * workspace of `records` records. A snapshot costs about what `records` edits cost (an edit
 * element is one record's changed fields, a snapshot holds every record once), so compacting
 * when the edits outnumber the records keeps the log within about twice the size of one snapshot.
 */
export function shouldCompact(elements: number, records: number, policy: CompactPolicy = COMPACT_POLICY): boolean {
  return elements >= policy.minElements && elements >= records * policy.perRecord;
}

/** One element of a log and its key (its Yjs item id `client:clock`). */
export interface LogElement {
  key: string;
  value: unknown;
}

/** A log's live elements in order, each keyed by its Yjs item id; only those of `items` when given. */
export function elementsOf<T>(log: Y.Array<T>, items?: Set<Y.Item>): LogElement[] {
  const out: LogElement[] = [];
  for (let item = log._start; item; item = item.right) {
    if (item.deleted || !item.countable || (items && !items.has(item))) continue;
    const values = item.content.getContent();
    for (let i = 0; i < values.length; i++) out.push({ key: `${item.id.client}:${item.id.clock + i}`, value: values[i] });
  }
  return out;
}
