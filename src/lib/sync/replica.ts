/**
 * Binds a workspace's Y.Doc to its WritePath, in the style of y-indexeddb's provider: a
 * `whenSynced` promise, `destroy()`, and transactions tagged with `this` as origin so the replica
 * never re-applies its own pushes.
 *
 *   local write ── WritePath.onEntry ──► log.push([json])          (origin: this replica)
 *   log additions from anyone else ──► decode worker (decoder.ts) ──► WritePath.applyRemote   (in log order)
 *
 * Dexie stays the store the grid queries; the Y.Array only carries the change sets. An element
 * that does not decode, or that applyRemote refuses, is refused and the workspace goes on. Refused
 * elements are remembered by their log element (the Yjs item id, `client:clock`) in the
 * workspace's `meta` (REFUSED_KEY), listed with their reason and device (`refused`, `onRefused`)
 * and never decoded again on later opens. An entry that edits a record, or writes to a custom
 * column, that this device has not received yet waits in `pending` and is tried again after every
 * later batch (Yjs does not order the entries of different devices causally).
 *
 * The log is the current epoch's (epoch.ts, epoch-log.ts): the replica moves to a new epoch when
 * it sees one and sweeps the old logs; `compact()` starts a new epoch from this device's state.
 */
import * as Y from 'yjs';
import type { WritePath } from '$lib/db/write-path';
import { newId, wallTime } from '$lib/db/ids';
import { PACK_SLICE, packEntry, packEntryInSlices, type Entry, type LogItem } from './entry';
import { decodeElements, inThreadDecoder, type LogDecoder } from './decoder';
import { elementsOf, FIRST_LOG, type Epoch, type LogElement } from './epoch';
import { EpochLog } from './epoch-log';

export const LOG_NAME = FIRST_LOG;

/** The origin of the transaction that appends deleted elements again. */
const RESTORED = 'kebu:restored';

/** The `meta` key of this device's refused log elements. */
export const REFUSED_KEY = 'sync.refused';

/** At most this many refused elements are remembered (the newest). */
export const REFUSED_LIMIT = 1000;

/**
 * Entries waiting for a record or column not here yet are retried after every batch, which costs
 * every later remote edit; those that will never apply (records nobody has) are set aside: beyond
 * PENDING_LIMIT entries (the oldest first), or after waiting PENDING_MAX_AGE. They are counted,
 * not retried in this session, and tried again the next time the workspace is opened.
 */
export const PENDING_LIMIT = 2000;
export const PENDING_MAX_AGE = 60 * 60 * 1000;

/** a value of a custom column this device does not know (yet) */
const UNKNOWN_COLUMN = /^write\.unknown-field \S+\.x_/;

/** Log elements another device deleted, appended again from this device's copy. */
export interface Deletion {
  /** when this device saw it (ms) */
  at: number;
  /** how many elements were deleted and appended again */
  count: number;
  /**
   * The Yjs client ids whose state advanced in the update that deleted them (a Yjs deletion names
   * no author; a device that deletes and writes in one update is named by its writes).
   */
  clients: number[];
}

export interface RefusedEntry {
  /** the log element: its Yjs item id `client:clock` */
  key: string;
  /** the entry's id when it could be read */
  id: string | null;
  /** the device the entry says it came from, when it could be read */
  device: string | null;
  reason: string;
  /** when this device refused it (ms) */
  at: number;
}

/** What was remembered in `meta`, kept only when it has the shape RefusedEntry has. */
function rememberedOf(value: unknown): RefusedEntry[] {
  if (!Array.isArray(value)) return [];
  return value.filter(
    (r): r is RefusedEntry => !!r && typeof r === 'object' && typeof r.key === 'string' && typeof r.reason === 'string' && Number.isFinite(r.at)
  );
}

export class Replica {
  readonly doc: Y.Doc;
  /** resolves once every entry already in the document has been applied */
  readonly whenSynced: Promise<void>;
  /** log elements this device refused (remembered ones first), oldest first */
  readonly refused: RefusedEntry[] = [];
  /** deletions of log elements by other devices, undone here (this session), oldest first */
  readonly deletions: Deletion[] = [];
  readonly #writes: WritePath;
  readonly #refusedKeys = new Set<string>();
  readonly #refusedListeners = new Set<() => void>();
  #refusedDirty = false;
  #pending: Entry[] = [];
  /** when each waiting entry first waited (this device's time) */
  readonly #since = new WeakMap<Entry, number>();
  /** entries set aside (see PENDING_LIMIT), this session */
  setAside = 0;
  readonly #limits: { pending: number; maxAge: number };
  /** where log elements are inflated and decoded: the decode worker on a page (SyncConnection.open's `decoder`) */
  readonly #decoder: LogDecoder;
  /** the log element of each entry decoded and not applied yet */
  readonly #keyOf = new WeakMap<Entry, string>();
  #queue: Promise<void> = Promise.resolve();
  #sending: Promise<void> | null = null;
  #destroyed = false;
  readonly #offEntry: () => void;
  readonly #layout: EpochLog;

  constructor(doc: Y.Doc, writes: WritePath, limits: { pending?: number; maxAge?: number; decoder?: LogDecoder } = {}) {
    this.#limits = { pending: limits.pending ?? PENDING_LIMIT, maxAge: limits.maxAge ?? PENDING_MAX_AGE };
    this.#decoder = limits.decoder ?? inThreadDecoder();
    this.doc = doc;
    this.#writes = writes;
    this.#offEntry = writes.onEntry((entry) => this.push([entry]));
    // what was refused before is read first, so that it is never decoded again
    this.#queue = writes.getMeta(REFUSED_KEY).then(
      (value) => {
        for (const r of rememberedOf(value)) {
          this.refused.push(r);
          this.#refusedKeys.add(r.key);
        }
        if (this.refused.length) this.#notifyRefused();
      },
      (e) => console.warn('kebu sync: could not read the refused entries', e)
    );
    const layout: EpochLog = new EpochLog(doc, {
      observer: (event, tr) => {
        // a new epoch in the same transaction makes this log an old one: nothing of it is restored
        if (tr.changed.has(layout.epochs as unknown as Parameters<typeof tr.changed.has>[0])) layout.follow();
        if (event.target !== layout.log) return layout.oldChanged(event);
        if (tr.origin === this) return;
        // read now: a later transaction may split these items (a concurrent insert between values)
        if (event.changes.added.size) this.#enqueue(layout.fresh(elementsOf(layout.log, event.changes.added)));
        if (event.changes.deleted.size) this.#restoreDeleted(event.changes.deleted, tr);
      },
      take: (elements) => void this.#enqueue(elements),
      refused: (key) => this.#refusedKeys.has(key),
      ready: this.#queue
    });
    this.#layout = layout;
    this.whenSynced = this.#enqueue(layout.fresh(elementsOf(layout.log)));
  }

  /** The current epoch's log. */
  get log(): Y.Array<LogItem> {
    return this.#layout.log;
  }

  /** The epoch records (epoch.ts). */
  get epochs(): Y.Map<unknown> {
    return this.#layout.epochs;
  }

  /** The current epoch (null: the first log). */
  get epoch(): Epoch | null {
    return this.#layout.epoch;
  }

  /** Elements of old logs this device moved into the current one (this session). */
  get moved(): number {
    return this.#layout.moved;
  }

  /** Listen to refusals (also those remembered from earlier opens, once read). */
  onRefused(fn: () => void): () => void {
    this.#refusedListeners.add(fn);
    return () => this.#refusedListeners.delete(fn);
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
      this.#layout.pushOwn(entries.map(packEntry), this);
      return;
    }
    const sending = (this.#sending ?? Promise.resolve())
      .then(async () => {
        for (const entry of entries) {
          const item = await packEntryInSlices(entry);
          if (this.#destroyed) return;
          this.#layout.pushOwn([item], this);
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

  /**
   * Start a new epoch from this device's state (epoch.ts), after everything received so far is
   * applied: a snapshot of every record with its stamps, then the entries still waiting here;
   * what the old log holds beyond the snapshot moves into the new log, the rest is deleted. Not
   * while entries are set aside (they would be left behind), nor when another epoch began
   * meanwhile. Resolves true when this device started one.
   */
  compact(): Promise<boolean> {
    const run = this.#queue.then(() => this.#compact());
    this.#queue = run.then(
      () => undefined,
      (e) => console.warn('kebu sync: compaction failed', e)
    );
    return run.catch(() => false);
  }

  async #compact(): Promise<boolean> {
    if (this.#destroyed || this.setAside) return false;
    await this.sent();
    const layout = this.#layout;
    const from = layout.epoch;
    // what is applied now is in the snapshot read next; anything later is moved, not covered
    const cover = layout.cover();
    const items: LogItem[] = [];
    for (const entry of await this.#writes.snapshotEntries()) items.push(await packEntryInSlices(entry));
    // entries waiting for a record are not in the snapshot: they are carried over as they are
    for (const entry of this.#pending) items.push(packEntry(entry));
    if (this.#destroyed || layout.epoch !== from || layout.follow()) return false;
    const epoch: Epoch = { n: (from?.n ?? 0) + 1, id: newId(), from: from?.id ?? null, cover, at: wallTime(), device: this.#writes.actor.device };
    void this.#enqueue(layout.start(epoch, items, this));
    return true;
  }

  destroy() {
    this.#destroyed = true;
    this.#offEntry();
    this.#layout.destroy();
  }

  /** Apply elements after everything before. */
  #enqueue(elements: LogElement[]): Promise<void> {
    const applied = this.#layout.applier();
    this.#queue = this.#queue
      .then(() => (this.#destroyed ? undefined : this.#apply(elements)))
      .then(() => applied(elements))
      .then(() => this.#saveRefused());
    return this.#queue;
  }

  #refuse(key: string | null, id: string | null, device: string | null, reason: string) {
    console.warn(`kebu sync: refused entry ${id ?? '(unreadable)'}${device ? ` of ${device}` : ''}: ${reason}`);
    if (key === null || this.#refusedKeys.has(key)) return;
    this.#refusedKeys.add(key);
    this.refused.push({ key, id, device, reason, at: wallTime() });
    if (this.refused.length > REFUSED_LIMIT) this.refused.splice(0, this.refused.length - REFUSED_LIMIT);
    this.#refusedDirty = true;
    this.#notifyRefused();
  }

  /**
   * The log only grows: elements another device deleted are appended again from this device's
   * copy (their content is still readable while observers run), except those refused here.
   * Devices that have them already skip them by id; a device that joins later gets them.
   */
  #restoreDeleted(deleted: Set<Y.Item>, tr: Y.Transaction) {
    const values: LogItem[] = [];
    const clients: number[] = [];
    for (const [client, clock] of tr.afterState) if ((tr.beforeState.get(client) ?? 0) < clock) clients.push(client);
    for (const item of deleted) {
      if (!item.countable) continue;
      const content = item.content.getContent() as LogItem[];
      for (let i = 0; i < content.length; i++) if (!this.#refusedKeys.has(`${item.id.client}:${item.id.clock + i}`)) values.push(content[i]);
    }
    if (!values.length) return;
    this.deletions.push({ at: wallTime(), count: values.length, clients });
    console.warn(`kebu sync: ${values.length} log elements were deleted by another device; appended again`);
    // after the transaction that deleted them; not as this replica's own push: the observer takes
    // them like any addition, so one this device never applied is applied, or refused and remembered
    queueMicrotask(() => {
      if (!this.#destroyed) this.doc.transact(() => this.#layout.log.push(values), RESTORED);
    });
    this.#notifyRefused();
  }

  /** What keeps waiting: the newest PENDING_LIMIT entries that have not waited PENDING_MAX_AGE. */
  #bound(waiting: Entry[]): Entry[] {
    const now = wallTime();
    const kept = waiting.filter((e) => {
      const since = this.#since.get(e);
      if (since === undefined) this.#since.set(e, now);
      return since === undefined || now - since <= this.#limits.maxAge;
    });
    const over = Math.max(0, kept.length - this.#limits.pending);
    const set = waiting.length - kept.length + over;
    if (!set) return waiting;
    this.setAside += set;
    console.warn(`kebu sync: ${set} entries wait for records this device does not have; set aside`);
    this.#notifyRefused();
    return kept.slice(over);
  }

  #notifyRefused() {
    for (const fn of this.#refusedListeners) fn();
  }

  /** Remember the refused elements in `meta`, as plain data. */
  async #saveRefused() {
    if (!this.#refusedDirty || this.#destroyed) return;
    this.#refusedDirty = false;
    try {
      await this.#writes.setMeta(
        REFUSED_KEY,
        this.refused.map((r) => ({ ...r }))
      );
    } catch (e) {
      console.warn('kebu sync: could not remember the refused entries', e);
    }
  }

  async #apply(elements: LogElement[]) {
    // elements refused before are never decoded again
    const received = elements.filter((e) => !this.#refusedKeys.has(e.key));
    if (!received.length && !this.#pending.length) return;
    // inflated and decoded off the page (decoder.ts); entries already applied here (a reload
    // replays the whole log) are skipped by the id they name, undecoded
    const decoded = received.length
      ? await decodeElements(
          this.#decoder,
          received.map((e) => e.value),
          async (ids) => {
            const known = await this.#writes.knownChangeSets(ids.filter((id) => id !== null));
            return ids.map((id) => id === null || !known.has(id));
          }
        )
      : [];
    if (this.#destroyed) return;
    // what waited from earlier batches first, then the new entries, in log order
    const entries: Entry[] = this.#pending;
    this.#pending = [];
    for (const d of decoded) {
      const key = received[d.i].key;
      if (!d.ok) {
        this.#refuse(key, d.id, d.device, d.reason);
        continue;
      }
      entries.push(d.entry);
      this.#keyOf.set(d.entry, key);
    }
    if (!entries.length) return;
    try {
      let batch: Iterable<Entry> = entries;
      let all = entries;
      // retry what waits for a record or a column while a round makes progress (an insert later
      // in the batch); what still waits is tried again after every later batch
      for (;;) {
        const { applied, refused } = await this.#writes.applyRemote(batch);
        // by id, in order: two elements may carry the same entry id
        const byId = new Map<string, Entry[]>();
        for (const e of all) {
          const list = byId.get(e.id);
          if (list) list.push(e);
          else byId.set(e.id, [e]);
        }
        const waiting: Entry[] = [];
        for (const r of refused) {
          const entry = byId.get(r.id)?.shift();
          if (!entry) continue;
          if (r.reason.startsWith('write.not-found') || UNKNOWN_COLUMN.test(r.reason)) waiting.push(entry);
          else this.#refuse(this.#keyOf.get(entry) ?? null, r.id, typeof entry.device === 'string' ? entry.device.slice(0, 60) : null, r.reason);
        }
        if (!waiting.length || !applied.length) {
          this.#pending = this.#bound(waiting);
          break;
        }
        batch = all = waiting;
      }
    } catch (e) {
      // a storage failure rolled the batch back: it is tried again with the next one (what was
      // applied already is skipped then)
      this.#pending = [...entries, ...this.#pending];
      console.warn('kebu sync: applying entries failed', e);
    }
  }
}
