/**
 * The Replica's side of decoding the log: log elements go to a decoder a group at a time, and
 * decoded entries come back a budgeted batch at a time (decode.ts). On a page the decoder is the
 * decode worker (workers/log-decoder.ts, given to SyncConnection.open), so neither a compression
 * bomb nor a huge snapshot is ever a long task of the page; elsewhere (Node, the tests) the same
 * handlers run in this thread: the rule is written once.
 */
import { Assembler, decodeHandlers, groups, type Decoded, type Piece } from './decode';

export type { Decoded };

/** What the Replica asks of a decoder (the requests of decode.ts `decodeHandlers`). */
export interface LogDecoder {
  open(): Promise<number>;
  add(session: number, items: unknown[]): Promise<(string | null)[]>;
  next(session: number, keep?: number[]): Promise<{ pieces: Piece[]; done: boolean }>;
  close(session: number): void;
  /**
   * Start again after the decoder itself failed (a worker that ran out of memory on an element):
   * a new worker. Without it, a failure is the caller's.
   */
  reset?(): void;
}

/** The handlers called in this thread. */
export function inThreadDecoder(): LogDecoder {
  const h = decodeHandlers();
  return {
    open: async () => h.open(),
    add: async (session, items) => h.add({ session, items }),
    next: async (session, keep) => h.next({ session, keep }),
    close: (session) => h.close({ session })
  };
}

/** Keep the elements whose ids say so (`keep` answers for all ids at once). */
export type KeepOf = (ids: (string | null)[]) => Promise<boolean[]>;

/** A failure of `keepOf` (storage), not of the decoder. */
class KeepFailed {
  constructor(readonly error: unknown) {}
}

async function run(decoder: LogDecoder, items: readonly unknown[], keepOf: KeepOf, into: Assembler) {
  const session = await decoder.open();
  try {
    const ids: (string | null)[] = [];
    for (const group of groups(items)) ids.push(...(await decoder.add(session, group)));
    const keep = await keepOf(ids).catch((e: unknown) => {
      throw new KeepFailed(e);
    });
    const indexes = keep.flatMap((k, i) => (k ? [i] : []));
    if (!indexes.length) return;
    for (let first = true; ; first = false) {
      const r = await decoder.next(session, first ? indexes : undefined);
      into.add(r.pieces);
      if (r.done) return;
    }
  } finally {
    decoder.close(session);
  }
}

/**
 * Decode `items` (log elements, in log order) except those `keepOf` leaves out, and return each
 * one's entry or why it was refused, in order. Should the worker fail on an element, the rest are
 * decoded one by one in a new worker, and the element that makes it fail is refused.
 */
export async function decodeElements(decoder: LogDecoder, items: readonly unknown[], keepOf: KeepOf): Promise<Decoded[]> {
  const all = new Assembler();
  try {
    await run(decoder, items, keepOf, all);
    return all.out;
  } catch (e) {
    if (e instanceof KeepFailed) throw e.error;
    if (!decoder.reset) throw e;
  }
  const done = new Set(all.out.map((d) => d.i));
  const out = [...all.out];
  for (let i = 0; i < items.length; i++) {
    if (done.has(i)) continue;
    decoder.reset();
    const one = new Assembler();
    try {
      await run(decoder, [items[i]], keepOf, one);
      for (const d of one.out) out.push({ ...d, i });
    } catch (e) {
      if (e instanceof KeepFailed) throw e.error;
      out.push({ i, ok: false, reason: 'unreadable: worker', id: null, device: null });
    }
  }
  return out.sort((a, b) => a.i - b.i);
}
