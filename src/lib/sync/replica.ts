/**
 * Binds a workspace's Y.Doc to its WritePath, in the style of y-indexeddb's provider: a
 * `whenSynced` promise, `destroy()`, and transactions tagged with `this` as origin so the replica
 * never re-applies its own pushes.
 *
 *   local write ── WritePath.onEntry ──► log.push([json])          (origin: this replica)
 *   log additions from anyone else ──► decodeEntry ──► WritePath.applyRemote   (in log order)
 *
 * Dexie stays the store the grid queries; the Y.Array only carries the change sets. An element
 * that does not decode is refused (console.warn, kept in `refused`) and the workspace goes on.
 * An entry that edits a record this device has not received yet waits in `pending`, and one with
 * values of a custom column not seen yet waits in `deferred`; both are tried again after every later
 * batch (Yjs does not order the entries of different devices causally).
 */
import * as Y from 'yjs';
import type { WritePath } from '$lib/db/write-path';
import type { CustomColumn } from '$lib/domain/records/types';
import { decodeEntry, packEntry, type Entry, type LogItem } from './entry';

export const LOG_NAME = 'log';

/** a value of a custom column this device does not know (yet) */
const UNKNOWN_COLUMN = /^write\.unknown-field \S+\.x_/;

export interface RefusedEntry {
  /** the entry's id when it could be read */
  id: string | null;
  reason: string;
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
  #deferred: LogItem[] = [];
  #queue: Promise<void> = Promise.resolve();
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

  /** Send entries made on this device (packed when long); not applied here again. */
  push(entries: Entry[]) {
    if (this.#destroyed || !entries.length) return;
    const items = entries.map(packEntry);
    this.doc.transact(() => this.log.push(items), this);
  }

  /** Entries waiting for a record they edit. */
  get pending(): readonly Entry[] {
    return this.#pending;
  }

  /** Log elements waiting for a custom column they write to. */
  get deferred(): readonly LogItem[] {
    return this.#deferred;
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

  async #apply(items: unknown[]) {
    let batch: Entry[] = [];
    try {
      const columns: CustomColumn[] = await this.#writes.readCustomColumns();
      const entries: Entry[] = [];
      let queue = [...this.#deferred, ...items];
      this.#deferred = [];
      // an element that writes to a column inserted later in the batch is decoded again after it
      for (;;) {
        const again: LogItem[] = [];
        let newColumns = false;
        for (const item of queue) {
          const r = decodeEntry(item, columns);
          if (!r.ok && (typeof item === 'string' || item instanceof Uint8Array) && UNKNOWN_COLUMN.test(r.reason)) {
            again.push(item);
            continue;
          }
          if (!r.ok) {
            const id = typeof item === 'string' ? /"id":"([\w.:-]{1,64})"/.exec(item.slice(0, 200))?.[1] : undefined;
            this.#refuse(id ?? null, r.reason);
            continue;
          }
          entries.push(r.entry);
          for (const op of r.entry.ops) {
            if (op.ins && op.t === 'customColumns') {
              const col: Record<string, unknown> = { id: op.id };
              for (const [k, w] of Object.entries(op.f)) col[k] = w[0];
              columns.push(col as unknown as CustomColumn);
              newColumns = true;
            }
          }
        }
        if (!again.length || !newColumns) {
          this.#deferred = again;
          break;
        }
        queue = again;
      }
      batch = [...this.#pending, ...entries];
      this.#pending = [];
      // retry what waits for a record while a round makes progress (an insert later in the batch)
      for (;;) {
        const { applied, refused } = await this.#writes.applyRemote(batch);
        const byId = new Map(batch.map((e) => [e.id, e]));
        const waiting: Entry[] = [];
        for (const r of refused) {
          if (r.reason.startsWith('write.not-found')) waiting.push(byId.get(r.id)!);
          else this.#refuse(r.id, r.reason);
        }
        if (!waiting.length || !applied.length) {
          this.#pending = waiting;
          break;
        }
        batch = waiting;
      }
    } catch (e) {
      // a storage failure rolled the batch back: it is tried again with the next one
      this.#pending = [...batch, ...this.#pending];
      console.warn('kebu sync: applying entries failed', e);
    }
  }
}
