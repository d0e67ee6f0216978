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
 *
 * Quick search never waits on the page: when the search index cannot answer the query whole yet
 * (rows just arrived, pinyin still being built), the order keeps the last complete answer's rows
 * (`carryOver`), with the current filters and sort, and `pending` is true until the index reports
 * that it can answer; the order is then computed for the query current at that moment, so an
 * answer to an older query never replaces a newer one.
 */
import type { ColumnFilter, SortKey } from '$lib/domain/records/types';
import type { GridColumn } from './types';
import { compileFilters, type RowPredicate } from './filter';
import { searchTerms, type SearchIndex } from './search-index';
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
export function diffRows<R extends { id: string }>(prev: readonly R[], next: readonly R[], limit: number): number[] | null {
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

/**
 * The last complete answer, carried over to a new rows array while the new answer is pending: the
 * matches whose row object is still at the same index.
 */
export function carryOver<R>(answer: { rows: readonly R[]; matches: Int32Array } | null, rows: readonly R[]): Int32Array | null {
  if (!answer) return null;
  if (answer.rows === rows) return answer.matches;
  return answer.matches.filter((i) => i < rows.length && rows[i] === answer.rows[i]);
}

/** Everything but the rows: when this is unchanged, a new rows array can be repaired in place. */
function queryShape<R>(q: Query<R>): string {
  // the index learning more only matters while something is searched for
  return JSON.stringify([q.sort, q.filters, q.search, q.search.trim() ? q.searchVersion : 0]);
}

function sameQueryShape<R>(a: Query<R>, shape: string, b: Query<R>): boolean {
  return a.columns === b.columns && a.searchColumns === b.searchColumns && a.searchText === b.searchText && shape === queryShape(b);
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
  #pending = false;
  /** the last complete answer to a search, or null when the last query searched for nothing */
  #answer: { rows: readonly R[]; matches: Int32Array } | null = null;

  constructor(index: SearchIndex<R>) {
    this.#index = index;
  }

  get order(): Int32Array {
    return this.#order;
  }

  /** The search waits for the index: the order shows the last complete answer meanwhile. */
  get pending(): boolean {
    return this.#pending;
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

  /** Rows matching the search (ascending indices), or null for all rows. */
  #searchMatches(q: Query<R>): Int32Array | null {
    const terms = searchTerms(q.search);
    this.#pending = false;
    if (terms.length === 0) {
      this.#answer = null;
      return null;
    }
    if (this.#index.canAnswer(terms)) {
      const matches = this.#index.matches(terms);
      this.#answer = { rows: q.rows, matches };
      return matches;
    }
    this.#index.hurry();
    // hurry() may finish at once (a synchronous scheduler in tests and exports)
    if (this.#index.canAnswer(terms)) return this.#searchMatches(q);
    this.#pending = true;
    return carryOver(this.#answer, q.rows);
  }

  #compute(q: Query<R>): Int32Array {
    const preds = this.#predicates(q);
    const matches = this.#searchMatches(q);
    const natural = this.#natural;
    if (natural.rows !== q.rows) natural.reset(q.rows);
    const keys = this.#sortColumns(q);
    // the candidates in creation order: every row, or the search's matches (ascending indices)
    // put in that order (a sort below orders them anyway)
    let cand: Int32Array = natural.perm;
    if (matches) {
      cand = matches.slice();
      if (!keys.length) cand.sort(natural.tie);
    }
    const n = cand.length;
    let order: Int32Array;
    if (preds.length === 0) {
      order = matches ? cand : cand.slice();
    } else {
      const buf = new Int32Array(n);
      let k = 0;
      const rows = q.rows;
      outer: for (let p = 0; p < n; p++) {
        const i = cand[p];
        for (let f = 0; f < preds.length; f++) if (!preds[f](rows[i])) continue outer;
        buf[k++] = i;
      }
      order = buf.slice(0, k);
    }
    if (keys.length) order.sort(comparator(keys, natural.tie));
    return order;
  }

  /** The last answer follows the changed rows (for carryOver, should a later search wait). */
  #repairAnswer(rows: readonly R[], changed: number[], isChanged: Uint8Array, terms: string[]) {
    const kept = Array.from(carryOver(this.#answer, rows) ?? []).filter((i) => !isChanged[i]);
    for (const i of changed) if (this.#index.rowMatches(i, terms)) kept.push(i);
    return { rows, matches: Int32Array.from(kept).sort() };
  }

  #repair(q: Query<R>, changed: number[], from: number): Int32Array | null {
    const rows = q.rows;
    this.#index.setRows(rows, changed);
    // a provisional order (search pending) is recomputed, never repaired into a final one
    if (this.#pending) return null;
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
    const terms = searchTerms(q.search);
    if (terms.length && !this.#index.canAnswer(terms)) return null;
    this.#pending = false;
    const isChanged = new Uint8Array(rows.length);
    for (const i of changed) isChanged[i] = 1;
    const back: number[] = [];
    outer: for (const i of changed) {
      if (terms.length && !this.#index.rowMatches(i, terms)) continue;
      for (const p of preds) if (!p(rows[i])) continue outer;
      back.push(i);
    }
    if (terms.length) this.#answer = this.#repairAnswer(rows, changed, isChanged, terms);
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
