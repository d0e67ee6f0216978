/**
 * A table's live rows in memory, for the grid. Loads the first rows at once (so the screen paints
 * before a 100 000-row table has arrived), then the rest in chunks of 5 000 by primary key,
 * yielding between chunks so the page never freezes; afterwards it follows committed
 * writes from this tab and others by re-reading only the ids a write touched, or, for changes
 * from other devices, by taking the rows the notice carries.
 */
import type { Table } from 'dexie';
import type { Versioned } from '$lib/domain/records/types';
import { chunksOf } from './chunks';
import type { ChangeNotice, WritePath } from './write-path';
import type { KebuDB, RecordTables, TableName } from './schema';

const FIRST_PAGE = 200;

/** Resolves after the next frame has been painted (at once where there are no frames, e.g. tests). */
function afterPaint(): Promise<void> {
  if (typeof requestAnimationFrame === 'undefined') return Promise.resolve();
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}
const CHUNK = 5000;

export class TableStore<K extends TableName> {
  /** the table's live (not deleted) rows, in primary-key order, then in order of arrival */
  rows = $state.raw<RecordTables[K][]>([]);
  loading = $state(true);

  readonly #table: Table<RecordTables[K], string>;
  readonly #name: K;
  #index = new Map<string, number>();
  #unsubscribe: () => void;
  #version = 0;
  #queue: Promise<void> = Promise.resolve();

  constructor(db: KebuDB, writes: WritePath, name: K) {
    this.#name = name;
    this.#table = db.recordTable(name);
    this.#unsubscribe = writes.subscribe((n) => this.#onChange(n));
    void this.#load();
  }

  get(id: string): RecordTables[K] | undefined {
    const rows = this.rows; // read first, so that callers re-run when rows change
    const i = this.#index.get(id);
    return i === undefined ? undefined : rows[i];
  }

  destroy() {
    this.#unsubscribe();
    this.#version++;
  }

  #set(rows: RecordTables[K][]) {
    this.#index = new Map(rows.map((r, i) => [r.id, i]));
    this.rows = rows;
  }

  async #load() {
    const version = ++this.#version;
    const first = await this.#table.limit(FIRST_PAGE).toArray();
    if (version !== this.#version) return;
    const live = (rows: RecordTables[K][]) => rows.filter((r) => !(r as Versioned).deleted);
    if (first.length < FIRST_PAGE) {
      this.#set(live(first));
      this.loading = false;
      return;
    }
    this.#set(live(first));
    // the rest in chunks by primary key, yielding between them, so that reading a 100 000-row
    // table never blocks the page for long; the rows are published once, when all have arrived
    const all = first.slice();
    await afterPaint(); // let the first rows reach the screen before the rest competes with them
    for await (const chunk of chunksOf(this.#table, CHUNK, first[first.length - 1].id)) {
      if (version !== this.#version) return;
      for (const r of chunk) all.push(r);
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
    if (version !== this.#version) return;
    this.#set(live(all));
    this.loading = false;
  }

  /** Notices are handled one after another, so a later one never lands before an earlier read. */
  #onChange(n: ChangeNotice) {
    if (!n.tables[this.#name]) return;
    this.#queue = this.#queue.then(() => this.#apply(n)).catch((e) => console.error('kebu: a table store missed a change', e));
  }

  async #apply(n: ChangeNotice) {
    const ids = n.tables[this.#name];
    const given = n.rows?.[this.#name];
    if (!ids) return;
    if (this.loading || (ids === 'all' && !given)) {
      await this.#load();
      return;
    }
    const version = this.#version;
    // changes from other devices carry their rows; a write of this tab or another is read back
    const fresh = given ?? (await this.#table.bulkGet(ids as string[]));
    if (version !== this.#version) return;
    let rows = this.rows.slice();
    let removed = false;
    fresh.forEach((row, i) => {
      const at = this.#index.get(row?.id ?? (ids as string[])[i]);
      if (!row || (row as Versioned).deleted) {
        if (at !== undefined) {
          rows[at] = undefined as never;
          removed = true;
        }
      } else if (at === undefined) {
        this.#index.set(row.id, rows.length);
        rows.push(row);
      } else rows[at] = row;
    });
    if (removed) rows = rows.filter(Boolean);
    if (removed) this.#set(rows);
    else this.rows = rows;
  }
}
