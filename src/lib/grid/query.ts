/**
 * Which rows are shown, in which order: column conditions AND quick search, then a sort by
 * several keys, ties (and everything when nothing is sorted) in creation order
 * (natural-order.ts), so the order is the same after a reload. The result is an `Int32Array`
 * of row indices (display order).
 *
 * When only a few row objects are new (an edit replaces one row; a paste appends some), the
 * order is repaired instead of recomputed: the changed rows are taken out, their sort keys and
 * matches recomputed, and they are merged back in one O(n) pass. Anything else (rows deleted or
 * reordered, another view) recomputes from scratch.
 */
import type { ColumnFilter, SortKey } from '$lib/domain/records/types';
import type { GridColumn } from './types';
import { compileFilters, type RowPredicate } from './filter';
import type { SearchIndex } from './search-index';
import { NaturalOrder } from './natural-order';
import { comparator, SortKeys, type SortColumn } from './sort-keys';

export interface Query<R> {
  rows: readonly R[];
  /** all columns (hidden ones included: a condition may name a hidden column) */
  columns: readonly GridColumn<R>[];
  sort: readonly SortKey[];
  filters: readonly ColumnFilter[];
  search: string;
  /** the columns whose text quick search looks at (the visible ones) */
  searchColumns: readonly GridColumn<R>[];
  /** extra text per row for quick search */
  searchText?: (row: R) => string;
  /** bump when the search index learns more (pinyin ready) */
  searchVersion: number;
}

/** The few indices whose row object changed (appended ones included), or null to recompute. */
export function diffRows<R extends { id: string }>(
  prev: readonly R[],
  next: readonly R[],
  limit: number
): number[] | null {
  if (next.length < prev.length) return null;
  const changed: number[] = [];
  for (let i = 0; i < prev.length; i++) {
    const a = prev[i];
    const b = next[i];
    if (a === b) continue;
    if (a.id !== b.id || changed.length >= limit) return null;
    changed.push(i);
  }
  if (next.length - prev.length + changed.length > limit) return null;
  for (let i = prev.length; i < next.length; i++) changed.push(i);
  return changed;
}

/** Everything but the rows: when this is unchanged, a new rows array can be repaired in place. */
function queryShape<R>(q: Query<R>): string {
  // the index learning more only matters while something is searched for
  return JSON.stringify([q.sort, q.filters, q.search, q.search.trim() ? q.searchVersion : 0]);
}

function sameQueryShape<R>(a: Query<R>, shape: string, b: Query<R>): boolean {
  return (
    a.columns === b.columns &&
    a.searchColumns === b.searchColumns &&
    a.searchText === b.searchText &&
    shape === queryShape(b)
  );
}

export class QueryEngine<R extends { id: string }> {
  #index: SearchIndex<R>;
  #last: Query<R> | null = null;
  /** the shape of #last, as text (inputs may be live objects that change under us) */
  #lastShape = '';
  #order: Int32Array = new Int32Array(0);
  #keys = new Map<string, SortKeys<R>>();
  #keysRows: readonly R[] | null = null;
  #inverse: Int32Array | null = null;
  #natural = new NaturalOrder<R>();

  constructor(index: SearchIndex<R>) {
    this.#index = index;
  }

  get order(): Int32Array {
    return this.#order;
  }

  /** Display position of a row index, or -1 when it is filtered out. */
  positionOf(rowIndex: number): number {
    if (!this.#inverse) {
      const rows = this.#last?.rows.length ?? 0;
      const inv = new Int32Array(rows).fill(-1);
      const order = this.#order;
      for (let p = 0; p < order.length; p++) inv[order[p]] = p;
      this.#inverse = inv;
    }
    return rowIndex >= 0 && rowIndex < this.#inverse.length ? this.#inverse[rowIndex] : -1;
  }

  run(q: Query<R>): Int32Array {
    const last = this.#last;
    const same = last !== null && sameQueryShape(last, this.#lastShape, q);
    if (same && last.rows === q.rows) return this.#order;
    let order: Int32Array | null = null;
    this.#index.setColumns(q.searchColumns, q.searchText);
    if (same && last.rows !== q.rows) {
      const limit = Math.max(64, Math.min(20000, q.rows.length >> 3));
      const changed = diffRows(last.rows, q.rows, limit);
      if (changed) order = this.#repair(q, changed, last.rows.length);
    }
    if (!order) {
      this.#index.setRows(q.rows);
      order = this.#compute(q);
    }
    this.#last = q;
    this.#lastShape = queryShape(q);
    this.#order = order;
    this.#inverse = null;
    return order;
  }

  #predicates(q: Query<R>): RowPredicate<R>[] {
    return compileFilters(q.filters, q.columns);
  }

  #sortColumns(q: Query<R>): SortColumn[] {
    if (this.#keysRows !== q.rows) {
      this.#keys.clear();
      this.#keysRows = q.rows;
    }
    const byKey = new Map(q.columns.map((c) => [c.key, c]));
    const out: SortColumn[] = [];
    for (const s of q.sort) {
      const col = byKey.get(s.column);
      if (!col) continue;
      let keys = this.#keys.get(col.key);
      if (!keys || keys.col !== col) {
        keys = new SortKeys(col, q.rows);
        this.#keys.set(col.key, keys);
      }
      out.push({ values: keys.values, dir: s.dir === 'desc' ? -1 : 1 });
    }
    return out;
  }

  #compute(q: Query<R>): Int32Array {
    const n = q.rows.length;
    const preds = this.#predicates(q);
    const search = this.#index.matcher(q.search);
    const natural = this.#natural;
    if (natural.rows !== q.rows) natural.reset(q.rows);
    const perm = natural.perm;
    let order: Int32Array;
    if (preds.length === 0 && !search) {
      order = perm.slice();
    } else {
      const buf = new Int32Array(n);
      let k = 0;
      const rows = q.rows;
      outer: for (let p = 0; p < n; p++) {
        const i = perm[p];
        if (search && !search(i)) continue;
        for (let p = 0; p < preds.length; p++) if (!preds[p](rows[i])) continue outer;
        buf[k++] = i;
      }
      order = buf.slice(0, k);
    }
    const keys = this.#sortColumns(q);
    if (keys.length) order.sort(comparator(keys, natural.tie));
    return order;
  }

  #repair(q: Query<R>, changed: number[], from: number): Int32Array | null {
    const rows = q.rows;
    this.#index.setRows(rows, changed);
    const natural = this.#natural;
    if (natural.rows === this.#last?.rows) natural.append(rows, from);
    else natural.reset(rows);
    // sort keys follow the changed rows in place
    if (q.sort.length) {
      if (this.#keysRows !== this.#last?.rows) return null;
      for (const key of this.#keys.keys()) if (!q.sort.some((s) => s.column === key)) this.#keys.delete(key);
      for (const keys of this.#keys.values()) if (!keys.update(rows, changed)) return null;
      this.#keysRows = rows;
    }
    const keys = this.#sortColumns(q);
    const cmp = comparator(keys, natural.tie);
    const preds = this.#predicates(q);
    const search = this.#index.matcher(q.search);
    const isChanged = new Uint8Array(rows.length);
    for (const i of changed) isChanged[i] = 1;
    const back: number[] = [];
    outer: for (const i of changed) {
      if (search && !search(i)) continue;
      for (const p of preds) if (!p(rows[i])) continue outer;
      back.push(i);
    }
    back.sort(cmp);
    const prev = this.#order;
    const out = new Int32Array(prev.length + back.length);
    let k = 0;
    let j = 0;
    for (let p = 0; p < prev.length; p++) {
      const i = prev[p];
      if (isChanged[i]) continue;
      while (j < back.length && cmp(back[j], i) < 0) out[k++] = back[j++];
      out[k++] = i;
    }
    while (j < back.length) out[k++] = back[j++];
    return k === out.length ? out : out.slice(0, k);
  }
}
