/**
 * How a batch of log elements becomes entries, written once for both places that run it: the
 * decode worker (workers/log-decode.worker.ts, in the browser) and the in-thread decoder (Node,
 * tests: decoder.ts). The page never inflates or parses an element itself.
 *
 *   open(items)      the id each element names, undecoded (of a packed one, from the start of its
 *                    text: at most 1 KB of its data is inflated): the page skips those it has
 *                    applied already without having them decoded
 *   select(indexes)  which of them to decode, in log order
 *   next(budget)     inflate (bounded per element, entry.ts `inflateElement`) and decode one
 *                    element at a time until the batch's budget is spent: time, or ops handed
 *                    over; an entry of more ops than one batch carries is handed over in slices,
 *                    so what the page receives at a time stays small whatever a peer sent. Only
 *                    one element's text is held at a time: a bomb costs its declared length once.
 */
import { decodeEntry, inflateElement, packedPrefix, type Entry, type EntryOp } from './entry';

/** Work per batch in the decode worker: about a frame of decoding, and what the page takes in one short task. */
export const BATCH_MS = 16;
/** Ops handed over per batch at most: about 5 ms to receive on a phone-class CPU. */
export const BATCH_OPS = 500;

/**
 * A batch's budget, on an injectable clock: the batch is full once `ms` have passed since it
 * started, or `units` of work were counted. At least one unit of work is done per batch.
 */
export class Budget {
  readonly #start: number;
  #units = 0;
  constructor(
    readonly ms: number = BATCH_MS,
    readonly units: number = BATCH_OPS,
    readonly now: () => number = () => performance.now()
  ) {
    this.#start = now();
  }

  /** The units still free in this batch (at least 1 while it is not full). */
  get free(): number {
    return Math.max(0, this.units - this.#units);
  }

  /** Count `n` units of work done; true when the batch is full. */
  spend(n: number): boolean {
    this.#units += n;
    return this.full();
  }

  full(): boolean {
    return this.#units >= this.units || this.now() - this.#start >= this.ms;
  }
}

/**
 * One decoded element, or part of one. An entry handed over in slices comes as a first piece with
 * `head` (the entry without its ops) and pieces that add ops, the last one with `end`.
 */
export type Piece =
  { i: number; refused: string; id: string | null; device: string | null } | { i: number; head?: Omit<Entry, 'ops'>; ops: EntryOp[]; end: boolean };

/** The id an element names first (encodeEntry writes the entry's right after `v`), undecoded; null if none. */
export function idOf(item: unknown): string | null {
  return typeof item === 'string' ? (/"id":"([\w.:-]{1,64})"/.exec(item.slice(0, 200))?.[1] ?? null) : null;
}

/** The device an undecodable element names, if any. */
export function deviceOf(item: unknown): string | null {
  return typeof item === 'string' ? (/"device":"([^"\\]{1,60})"/.exec(item.slice(0, 400))?.[1] ?? null) : null;
}

/** The id each element names, undecoded (of a packed one, from the start of its text). */
export function idsOf(items: readonly unknown[]): (string | null)[] {
  return items.map((item) => idOf(item instanceof Uint8Array ? packedPrefix(item) : item));
}

export class DecodeSession {
  /** the elements as received; each released once decoded */
  readonly #items: unknown[];
  /** the id each element names, undecoded */
  readonly ids: (string | null)[];
  #order: number[];
  #at = 0;
  /** an entry being handed over in slices, and its next op */
  #current: { i: number; entry: Entry; from: number } | null = null;

  /** `ids` when they were read already (`idsOf`) */
  constructor(items: readonly unknown[], ids?: (string | null)[]) {
    this.#items = [...items];
    this.ids = ids ?? idsOf(items);
    this.#order = this.#items.map((_, i) => i);
  }

  /** Decode only these elements (indexes into the items, in order). */
  select(indexes: readonly number[]) {
    const keep = new Set(indexes);
    for (let i = 0; i < this.#items.length; i++) if (!keep.has(i)) this.#items[i] = undefined;
    this.#order = [...indexes];
    this.#at = 0;
  }

  get done(): boolean {
    return !this.#current && this.#at >= this.#order.length;
  }

  /** Inflate and decode what fits in `budget` (at least one piece while any is left). */
  async next(budget: Budget = new Budget()): Promise<Piece[]> {
    const pieces: Piece[] = [];
    while (!this.done) {
      if (!this.#current) {
        const i = this.#order[this.#at++];
        const item = this.#items[i];
        this.#items[i] = undefined;
        const inflated = await inflateElement(item);
        const r = inflated.ok ? decodeEntry(inflated.value) : inflated;
        if (!r.ok) {
          const text = inflated.ok ? inflated.value : item instanceof Uint8Array ? packedPrefix(item) : null;
          pieces.push({ i, refused: r.reason, id: idOf(text), device: deviceOf(text) });
          if (budget.spend(1)) break;
          continue;
        }
        this.#current = { i, entry: r.entry, from: 0 };
      }
      const { i, entry, from } = this.#current;
      const to = Math.min(entry.ops.length, from + Math.max(1, budget.free));
      const end = to >= entry.ops.length;
      const ops = from === 0 && end ? entry.ops : entry.ops.slice(from, to);
      if (from === 0) {
        const { ops: _ops, ...head } = entry;
        pieces.push({ i, head, ops, end });
      } else pieces.push({ i, ops, end });
      this.#current = end ? null : { i, entry, from: to };
      if (budget.spend(to - from)) break;
    }
    return pieces;
  }
}

/** One element's result, put together from its pieces. */
export type Decoded = { i: number; ok: true; entry: Entry } | { i: number; ok: false; reason: string; id: string | null; device: string | null };

/** Puts pieces back together into decoded elements, in order. */
export class Assembler {
  readonly out: Decoded[] = [];
  #open: Entry | null = null;
  #i = -1;

  add(pieces: readonly Piece[]) {
    for (const p of pieces) {
      if ('refused' in p) {
        this.out.push({ i: p.i, ok: false, reason: p.refused, id: p.id, device: p.device });
        continue;
      }
      if (p.head) {
        this.#open = { ...p.head, ops: p.ops };
        this.#i = p.i;
      } else if (this.#open && this.#i === p.i) for (const op of p.ops) this.#open.ops.push(op);
      if (p.end && this.#open) {
        this.out.push({ i: this.#i, ok: true, entry: this.#open });
        this.#open = null;
      }
    }
  }
}

/** Bytes (or characters) of log elements sent to the decoder in one message at most. */
export const SEND_BYTES = 1 << 20;
/** Log elements sent in one message at most. */
export const SEND_ITEMS = 2000;

/** The size an element costs to send: its bytes, or its characters. */
export function sizeOf(item: unknown): number {
  return item instanceof Uint8Array ? item.byteLength : typeof item === 'string' ? item.length : 16;
}

/**
 * `items` cut into consecutive groups of at most `maxItems` and about `maxBytes` (a group holds
 * at least one element), so that handing one group to the worker is a short task.
 */
export function groups<T>(items: readonly T[], maxBytes = SEND_BYTES, maxItems = SEND_ITEMS, size: (item: T) => number = sizeOf): T[][] {
  const out: T[][] = [];
  let group: T[] = [];
  let bytes = 0;
  for (const item of items) {
    const n = size(item);
    if (group.length && (bytes + n > maxBytes || group.length >= maxItems)) {
      out.push(group);
      group = [];
      bytes = 0;
    }
    group.push(item);
    bytes += n;
  }
  if (group.length) out.push(group);
  return out;
}

/**
 * The decoder's requests, served by the worker and called directly by the in-thread decoder:
 * `open` a session, `add` elements to it (their ids come back), `next` (with the elements to
 * decode the first time), `close`.
 */
export function decodeHandlers(budget: () => Budget = () => new Budget()) {
  const sessions = new Map<number, { items: unknown[]; ids: (string | null)[]; session: DecodeSession | null }>();
  let last = 0;
  return {
    open: () => {
      sessions.set(++last, { items: [], ids: [], session: null });
      return last;
    },
    add: ({ session, items }: { session: number; items: unknown[] }): (string | null)[] => {
      const s = sessions.get(session);
      if (!s) throw new Error('no such session');
      const ids = idsOf(items);
      for (let i = 0; i < items.length; i++) {
        s.items.push(items[i]);
        s.ids.push(ids[i]);
      }
      return ids;
    },
    next: async ({ session, keep }: { session: number; keep?: number[] }): Promise<{ pieces: Piece[]; done: boolean }> => {
      const s = sessions.get(session);
      if (!s) throw new Error('no such session');
      if (!s.session) {
        s.session = new DecodeSession(s.items, s.ids);
        s.items = [];
        s.ids = [];
      }
      if (keep) s.session.select(keep);
      const pieces = await s.session.next(budget());
      if (s.session.done) sessions.delete(session);
      return { pieces, done: s.session.done };
    },
    close: ({ session }: { session: number }) => {
      sessions.delete(session);
    }
  };
}
