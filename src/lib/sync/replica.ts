/**
 * Binds a workspace's Y.Doc to its WritePath, in the style of y-indexeddb's provider: a
 * `whenSynced` promise, `destroy()`, and transactions tagged with `this` as origin so the replica
 * never re-applies its own pushes.
 *
 *   local write ── WritePath.onEntry ──► log.push([json])          (origin: this replica)
 *   log additions from anyone else ──► decodeEntry ──► WritePath.applyRemote   (in log order)
 *
 * Dexie stays the store the grid queries; the Y.Array only carries the change sets. An element
 * that does not decode, or that applyRemote refuses, is refused (console.warn, kept in `refused`)
 * and the workspace goes on. An entry that edits a record, or writes to a custom column, that this
 * device has not received yet waits in `pending` and is tried again after every later batch (Yjs
 * does not order the entries of different devices causally).
 */
import * as Y from 'yjs';
import type { WritePath } from '$lib/db/write-path';
import { decodeEntry, PACK_SLICE, packEntry, packEntryInSlices, unpackAll, type Entry, type LogItem } from './entry';

export const LOG_NAME = 'log';

/** a value of a custom column this device does not know (yet) */
const UNKNOWN_COLUMN = /^write\.unknown-field \S+\.x_/;

export interface RefusedEntry {
  /** the entry's id when it could be read */
  id: string | null;
  reason: string;
}

/** The id an element names first (encodeEntry writes the entry's right after `v`), undecoded; null if none. */
function idOf(item: unknown): string | null {
  return typeof item === 'string' ? (/"id":"([\w.:-]{1,64})"/.exec(item.slice(0, 200))?.[1] ?? null) : null;
}

export class Replica {
  readonly doc: Y.Doc;
  readonly log: Y.Array<LogItem>;
  /** resolves once every entry already in the document has been applied */
  readonly whenSynced: Promise<void>;
  /** entries this device refused, oldest first */
  readonly refused: RefusedEntry[] = [];
  readonly #writes: WritePath;
  #pending: Entry[] = [];
  #queue: Promise<void> = Promise.resolve();
  #sending: Promise<void> | null = null;
  #destroyed = false;
  readonly #offEntry: () => void;
  readonly #observer: (event: Y.YArrayEvent<LogItem>, tr: Y.Transaction) => void;

  constructor(doc: Y.Doc, writes: WritePath) {
    this.doc = doc;
    this.#writes = writes;
    this.log = doc.getArray<LogItem>(LOG_NAME);
    this.#observer = (event, tr) => {
      if (tr.origin === this) return;
      const added: LogItem[] = [];
      for (const d of event.changes.delta) if (d.insert) added.push(...(d.insert as LogItem[]));
      if (added.length) this.#enqueue(added);
    };
    this.log.observe(this.#observer);
    this.#offEntry = writes.onEntry((entry) => this.push([entry]));
    this.whenSynced = this.#enqueue(this.log.toArray());
  }

  /**
   * Send entries made on this device (packed when long); not applied here again. An entry of more
   * than PACK_SLICE records (an import, a snapshot) is packed a slice at a time between tasks, so
   * the page stays responsive; the log keeps the order entries were pushed in. `sent()` resolves
   * once all are in the log.
   */
  push(entries: Entry[]) {
    if (this.#destroyed || !entries.length) return;
    if (!this.#sending && entries.every((e) => e.ops.length <= PACK_SLICE)) {
      const items = entries.map(packEntry);
      this.doc.transact(() => this.log.push(items), this);
      return;
    }
    const sending = (this.#sending ?? Promise.resolve())
      .then(async () => {
        for (const entry of entries) {
          const item = await packEntryInSlices(entry);
          if (this.#destroyed) return;
          this.doc.transact(() => this.log.push([item]), this);
        }
      })
      .catch((e) => console.error('kebu sync: could not send entries', e));
    this.#sending = sending;
    void sending.finally(() => {
      if (this.#sending === sending) this.#sending = null;
    });
  }

  /** Resolves when every entry pushed so far is in the log. */
  async sent(): Promise<void> {
    while (this.#sending) await this.#sending;
  }

  /** Entries waiting for a record they edit. */
  get pending(): readonly Entry[] {
    return this.#pending;
  }

  /** Resolves when everything received so far has been applied. */
  flushed(): Promise<void> {
    return this.#queue;
  }

  destroy() {
    this.#destroyed = true;
    this.#offEntry();
    this.log.unobserve(this.#observer);
  }

  #enqueue(items: unknown[]): Promise<void> {
    this.#queue = this.#queue.then(() => (this.#destroyed ? undefined : this.#apply(items)));
    return this.#queue;
  }

  #refuse(id: string | null, reason: string) {
    this.refused.push({ id, reason });
    console.warn(`kebu sync: refused entry ${id ?? '(unreadable)'}: ${reason}`);
  }

  async #apply(received: unknown[]) {
    if (!received.length && !this.#pending.length) return;
    // packed elements inflated by the platform first (the rest of decoding is lazy, below)
    const unpacked = await unpackAll(received);
    // entries already applied here (a reload replays the whole log) are skipped undecoded
    const ids = unpacked.map(idOf);
    const known = await this.#writes.knownChangeSets(ids.filter((id) => id !== null));
    const items = unpacked.filter((_, i) => ids[i] === null || !known.has(ids[i]));
    if (!items.length && !this.#pending.length) return;
    // what waited from earlier batches first, then the new items, decoded as the write path asks
    // for them: decoding overlaps storing what came before
    const entries: Entry[] = this.#pending;
    this.#pending = [];
    let next = 0;
    /** Decode items until one more entry is in `entries`; false when none is left. */
    const decodeOne = (): boolean => {
      while (next < items.length) {
        const item = items[next++];
        const r = decodeEntry(item);
        if (r.ok) {
          entries.push(r.entry);
          return true;
        }
        this.#refuse(idOf(item), r.reason);
      }
      return false;
    };
    const lazily = function* (): Generator<Entry> {
      for (let i = 0; i < entries.length || decodeOne(); i++) yield entries[i];
    };
    try {
      let batch: Iterable<Entry> = lazily();
      let all = entries;
      // retry what waits for a record or a column while a round makes progress (an insert later
      // in the batch); what still waits is tried again after every later batch
      for (;;) {
        const { applied, refused } = await this.#writes.applyRemote(batch);
        const byId = new Map(all.map((e) => [e.id, e]));
        const waiting: Entry[] = [];
        for (const r of refused) {
          if (r.reason.startsWith('write.not-found') || UNKNOWN_COLUMN.test(r.reason)) waiting.push(byId.get(r.id)!);
          else this.#refuse(r.id, r.reason);
        }
        if (!waiting.length || !applied.length) {
          this.#pending = waiting;
          break;
        }
        batch = all = waiting;
      }
    } catch (e) {
      // a storage failure rolled the batch back: it is tried again with the next one (what was
      // applied already is skipped then)
      while (decodeOne());
      this.#pending = [...entries, ...this.#pending];
      console.warn('kebu sync: applying entries failed', e);
    }
  }
}
