/**
 * Which `Y.Array` of a workspace's Y.Doc is its log now, and what becomes of the old ones
 * (the layout is in epoch.ts). The Replica holds one EpochLog: it follows the `epochs` map, moves
 * to a new epoch as soon as one is seen (in the very transaction that brought it), sweeps the old
 * logs, and keeps what the current log's cover is made of: the keys of the elements this device
 * has taken, and of those it has applied (or refused, or keeps waiting).
 */
import * as Y from 'yjs';
import type { LogItem } from './entry';
import {
  coverFor,
  coverOf,
  currentEpoch,
  elementsOf,
  epochOf,
  EPOCHS_NAME,
  FIRST_LOG,
  isCovered,
  logName,
  type Epoch,
  type LogElement
} from './epoch';

/** The origin of the transaction that moves an old log's elements into the current one. */
export const MOVED = 'kebu:moved';

/** The well-formed epoch records of the `epochs` map (each under its own id). */
export function readEpochs(map: Y.Map<unknown>): Epoch[] {
  const out: Epoch[] = [];
  map.forEach((value, key) => {
    const e = epochOf(value);
    if (e && e.id === key) out.push(e);
  });
  return out;
}

export interface EpochHooks {
  /** the observer of the current log (moved along when the epoch changes) */
  observer: (event: Y.YArrayEvent<LogItem>, tr: Y.Transaction) => void;
  /** take elements of a new current log (after a move to a new epoch) */
  take: (elements: LogElement[]) => void;
  /** elements refused here, left behind by a sweep */
  refused: (key: string) => boolean;
  /** resolves once `refused` knows what was refused before: no sweep before */
  ready: Promise<void>;
}

export class EpochLog {
  readonly epochs: Y.Map<unknown>;
  /** elements of old logs moved into the current one by this device (this session) */
  moved = 0;
  #epoch: Epoch | null;
  #log: Y.Array<LogItem>;
  /** old logs observed (for elements arriving late) */
  readonly #old = new Set<Y.Array<LogItem>>();
  #seen = new Set<string>();
  #applied = new Set<string>();
  #sweepScheduled = false;
  #destroyed = false;
  readonly #oldObserver: (event: Y.YArrayEvent<LogItem>) => void;
  readonly #epochsObserver: () => void;

  constructor(
    readonly doc: Y.Doc,
    private readonly hooks: EpochHooks
  ) {
    this.epochs = doc.getMap(EPOCHS_NAME);
    this.#epoch = currentEpoch(readEpochs(this.epochs));
    this.#log = doc.getArray<LogItem>(logName(this.#epoch?.id ?? null));
    this.#oldObserver = (event) => {
      if (event.changes.added.size) this.scheduleSweep();
    };
    this.#epochsObserver = () => this.follow();
    this.#log.observe(hooks.observer);
    this.epochs.observe(this.#epochsObserver);
    this.scheduleSweep();
  }

  get log(): Y.Array<LogItem> {
    return this.#log;
  }

  get epoch(): Epoch | null {
    return this.#epoch;
  }

  destroy() {
    if (this.#destroyed) return;
    this.#destroyed = true;
    this.#log.unobserve(this.hooks.observer);
    this.epochs.unobserve(this.#epochsObserver);
    for (const log of this.#old) log.unobserve(this.#oldObserver);
  }

  /** What the current log observer does with an event of a log that became old meanwhile. */
  oldChanged(event: Y.YArrayEvent<LogItem>) {
    this.#oldObserver(event);
  }

  /** The elements of the current log not taken yet, now taken. */
  fresh(elements: LogElement[]): LogElement[] {
    const seen = this.#seen;
    return elements.filter((e) => !seen.has(e.key) && !!seen.add(e.key));
  }

  /** A function to call once elements taken now are applied (a no-op once the epoch changed). */
  applier(): (elements: LogElement[]) => void {
    const applied = this.#applied;
    return (elements) => {
      for (const e of elements) applied.add(e.key);
    };
  }

  /** Items made here (in this device's store already) into the current log, as `origin`. */
  pushOwn(items: LogItem[], origin: unknown) {
    const client = this.doc.clientID;
    const clock = Y.getState(this.doc.store, client);
    this.doc.transact(() => this.#log.push(items), origin);
    for (let i = 0; i < items.length; i++) {
      this.#seen.add(`${client}:${clock + i}`);
      this.#applied.add(`${client}:${clock + i}`);
    }
  }

  /** The cover of the current log now: what is applied here of it. */
  cover(): Record<string, number> {
    const applied = this.#applied;
    return coverOf(
      elementsOf(this.#log).map((e) => e.key),
      (key) => applied.has(key)
    );
  }

  /**
   * Start `epoch` with `items` (this device's snapshot, as `origin`), sweeping the old logs in the
   * same transaction, so that no device sees the old log emptied without the new epoch. Returns
   * the elements moved from old logs (to be applied here unless they were already).
   */
  start(epoch: Epoch, items: LogItem[], origin: unknown): LogElement[] {
    this.doc.transact(() => {
      this.epochs.set(epoch.id, { ...epoch, cover: { ...epoch.cover } });
      this.#switch(epoch);
      this.#log.push(items);
      this.#sweepIn();
    }, origin);
    const elements = elementsOf(this.#log);
    for (const e of elements.slice(0, items.length)) {
      this.#seen.add(e.key);
      this.#applied.add(e.key);
    }
    return this.fresh(elements.slice(items.length));
  }

  /** Move to the current epoch when it is not this log's; true when it moved. */
  follow(): boolean {
    if (this.#destroyed) return false;
    const next = currentEpoch(readEpochs(this.epochs));
    if ((next?.id ?? null) === (this.#epoch?.id ?? null)) return false;
    this.#switch(next);
    this.hooks.take(this.fresh(elementsOf(this.#log)));
    this.scheduleSweep();
    return true;
  }

  /** Sweep the old logs soon (once what was refused before is known, so that it stays behind). */
  scheduleSweep() {
    if (this.#sweepScheduled) return;
    this.#sweepScheduled = true;
    void this.hooks.ready.then(() => {
      this.#sweepScheduled = false;
      if (this.#destroyed) return;
      this.follow();
      this.doc.transact(() => this.#sweepIn(), MOVED);
    });
  }

  #switch(next: Epoch | null) {
    this.#log.unobserve(this.hooks.observer);
    this.#watchOld(this.#log);
    this.#epoch = next;
    this.#log = this.doc.getArray<LogItem>(logName(next?.id ?? null));
    if (this.#old.delete(this.#log)) this.#log.unobserve(this.#oldObserver);
    this.#log.observe(this.hooks.observer);
    this.#seen = new Set();
    this.#applied = new Set();
  }

  #watchOld(log: Y.Array<LogItem>) {
    if (this.#old.has(log)) return;
    this.#old.add(log);
    log.observe(this.#oldObserver);
  }

  /**
   * Inside a transaction: every old log's elements that no snapshot contains (and that were not
   * refused here) are appended to the current log, then every element of the old logs is deleted.
   * The appended ones are taken by the current log's observer like any addition (skipped by id
   * where they were applied already).
   */
  #sweepIn() {
    const records = readEpochs(this.epochs);
    const current = logName(this.#epoch?.id ?? null);
    const moved: LogItem[] = [];
    // the logs of the records, and every other log in the document (an epoch whose record was removed)
    const names = new Set([FIRST_LOG, ...records.map((r) => logName(r.id))]);
    for (const name of this.doc.share.keys()) if (name.startsWith(`${FIRST_LOG}.`)) names.add(name);
    for (const name of names) {
      if (name === current) continue;
      const log = this.doc.getArray<LogItem>(name);
      this.#watchOld(log);
      if (!log.length) continue;
      const cover = coverFor(name, records);
      for (const e of elementsOf(log)) if (!isCovered(cover, e.key) && !this.hooks.refused(e.key)) moved.push(e.value as LogItem);
      log.delete(0, log.length);
    }
    if (!moved.length) return;
    this.moved += moved.length;
    this.#log.push(moved);
  }
}
