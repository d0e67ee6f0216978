/**
 * The notice bus of one workspace: who hears that a write committed. Listeners in this tab get
 * every notice (with the committed rows when there are any); other tabs and the page of a worker
 * hear it through a BroadcastChannel named after the database (`kebu:<db name>`), without rows.
 * Entry listeners (the sync replica) get the replicated form of this device's own change sets.
 */
import type { ChangeSet, Entry } from './changes';
import type { RecordTables, TableName } from './schema';

/** Which records a committed write touched; `'all'` when it touched too many to list. */
export interface ChangeNotice {
  tables: Partial<Record<TableName, string[] | 'all'>>;
  changeSet: string;
  local: boolean;
  /**
   * Every record the write touched, as committed (changes from other devices carry them): a
   * listener in this tab can take them instead of reading them back. Never posted to other tabs.
   */
  rows?: { [K in TableName]?: RecordTables[K][] };
  /** written in a worker, where no replica runs: the page's replica must send it (`entry`) */
  detached?: true;
  /**
   * The replication entry of a write made in a worker, sent with its notice so that the page
   * never reads the written records back to send them (a 100 000-row import).
   */
  entry?: Entry;
}

/** A notice lists at most this many ids per table, else `'all'`. */
export const LIST_LIMIT = 5000;

/** Whether this code runs in a worker: writes made there (imports, restores) have no replica beside them. */
export const IN_WORKER =
  typeof (globalThis as { WorkerGlobalScope?: unknown }).WorkerGlobalScope !== 'undefined' &&
  globalThis instanceof (globalThis as unknown as { WorkerGlobalScope: new () => unknown }).WorkerGlobalScope;

/** The notice of a committed local change set: the ids it touched, table by table. */
export function noticeOf(cs: ChangeSet): ChangeNotice {
  const tables: ChangeNotice['tables'] = {};
  for (const op of cs.ops) {
    const cur = tables[op.table];
    if (cur === 'all') continue;
    const list = cur ?? (tables[op.table] = []);
    if (list.length >= LIST_LIMIT) tables[op.table] = 'all';
    else list.push(op.id);
  }
  return { tables, changeSet: cs.id, local: true };
}

export class NoticeBus {
  readonly #listeners = new Set<(n: ChangeNotice) => void>();
  readonly #entryListeners = new Set<(e: Entry) => void>();
  readonly #channel: BroadcastChannel | null;

  constructor(dbName: string) {
    this.#channel = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(`kebu:${dbName}`);
    if (this.#channel) this.#channel.onmessage = (e: MessageEvent<ChangeNotice>) => this.emit({ ...e.data, local: false });
  }

  subscribe(fn: (n: ChangeNotice) => void): () => void {
    this.#listeners.add(fn);
    return () => this.#listeners.delete(fn);
  }

  onEntry(fn: (e: Entry) => void): () => void {
    this.#entryListeners.add(fn);
    return () => this.#entryListeners.delete(fn);
  }

  /** whether anybody here wants entries (building one for a 100 000-row import costs ~300 ms) */
  get wantsEntries(): boolean {
    return this.#entryListeners.size > 0;
  }

  /** To this tab's listeners only. */
  emit(n: ChangeNotice) {
    for (const fn of this.#listeners) fn(n);
  }

  /** To this tab's listeners (with `rows`) and to the other tabs and the page (without). */
  announce(n: ChangeNotice) {
    this.emit(n);
    if (!this.#channel) return;
    const { rows: _rows, ...posted } = n;
    this.#channel.postMessage(posted);
  }

  /** Hand a local entry to the entry listeners; one that throws does not stop the others. */
  sendEntry(entry: Entry) {
    for (const fn of this.#entryListeners) {
      try {
        fn(entry);
      } catch (e) {
        console.error('kebu: an entry listener failed', e);
      }
    }
  }

  destroy() {
    this.#channel?.close();
    this.#listeners.clear();
    this.#entryListeners.clear();
  }
}
