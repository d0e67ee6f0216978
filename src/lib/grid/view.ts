/**
 * Pure operations on a table's `ViewState`. Every function returns a new state and leaves the
 * old one alone, so the page can keep, compare and save views.
 */
import type { CellSpec } from '$lib/domain/cells';
import type { ColumnFilter, SortKey, ViewState } from '$lib/domain/records/types';
import type { GridColumn } from './types';

export const MIN_WIDTH = 48;
export const MAX_WIDTH = 1200;

const DEFAULT_WIDTHS: Record<CellSpec['type'], number> = {
  text: 160,
  number: 100,
  money: 120,
  date: 110,
  choice: 110,
  multi: 170,
  checkbox: 72,
  link: 150
};

export function clampWidth(width: number): number {
  if (!Number.isFinite(width)) return MIN_WIDTH;
  return Math.round(Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, width)));
}

/** A visible column with its place on screen. */
export interface ResolvedColumn<R> {
  col: GridColumn<R>;
  key: string;
  /** index among visible columns */
  index: number;
  width: number;
  /** x offset from the start of the first data column */
  left: number;
  frozen: boolean;
}

/** All columns in display order (hidden ones included): the view's order, then any new columns. */
export function orderedColumns<R>(columns: readonly GridColumn<R>[], view: ViewState): GridColumn<R>[] {
  const byKey = new Map(columns.map((c) => [c.key, c]));
  const out: GridColumn<R>[] = [];
  const seen = new Set<string>();
  for (const key of view.order) {
    const c = byKey.get(key);
    if (c && !seen.has(key)) {
      out.push(c);
      seen.add(key);
    }
  }
  for (const c of columns) if (!seen.has(c.key)) out.push(c);
  return out;
}

export function columnWidth<R>(col: GridColumn<R>, view: ViewState): number {
  return clampWidth(view.widths[col.key] ?? col.width ?? DEFAULT_WIDTHS[col.spec.type] ?? 120);
}

/**
 * The visible columns in display order, with widths, offsets and frozen flags. Frozen columns
 * wider together than `maxFrozenWidth` (a phone's grid) are not frozen, so the rest can be seen.
 */
export function resolveColumns<R>(columns: readonly GridColumn<R>[], view: ViewState, maxFrozenWidth = Infinity): ResolvedColumn<R>[] {
  const hidden = new Set(view.hidden);
  const visible = orderedColumns(columns, view).filter((c) => !hidden.has(c.key));
  let frozen = Math.max(0, Math.min(view.frozen | 0, visible.length));
  let frozenWidth = 0;
  for (let i = 0; i < frozen; i++) frozenWidth += columnWidth(visible[i], view);
  if (frozenWidth > maxFrozenWidth) frozen = 0;
  let left = 0;
  return visible.map((col, index) => {
    const width = columnWidth(col, view);
    const r: ResolvedColumn<R> = { col, key: col.key, index, width, left, frozen: index < frozen };
    left += width;
    return r;
  });
}

/**
 * Header click: sort by this column alone, cycling ascending → descending → unsorted.
 * With `additive` (Shift+click) the column is added as a further key, or flipped, or removed.
 */
export function toggleSort(view: ViewState, key: string, additive: boolean): ViewState {
  const current = view.sort.find((s) => s.column === key);
  let sort: SortKey[];
  if (additive) {
    if (!current) sort = [...view.sort, { column: key, dir: 'asc' }];
    else if (current.dir === 'asc') sort = view.sort.map((s) => (s.column === key ? { column: key, dir: 'desc' } : s));
    else sort = view.sort.filter((s) => s.column !== key);
  } else if (current && view.sort.length === 1) {
    sort = current.dir === 'asc' ? [{ column: key, dir: 'desc' }] : [];
  } else {
    sort = [{ column: key, dir: 'asc' }];
  }
  return { ...view, sort };
}

/** Set one column's direction as the only sort key, or remove it (`null`). */
export function setSort(view: ViewState, key: string, dir: SortKey['dir'] | null): ViewState {
  if (dir === null) return { ...view, sort: view.sort.filter((s) => s.column !== key) };
  return { ...view, sort: [{ column: key, dir }] };
}

/** Move a column so that it lands at `to` among the visible columns. */
export function moveColumn<R>(view: ViewState, columns: readonly GridColumn<R>[], key: string, to: number): ViewState {
  const all = orderedColumns(columns, view).map((c) => c.key);
  const hidden = new Set(view.hidden);
  const visible = all.filter((k) => !hidden.has(k));
  const from = visible.indexOf(key);
  if (from < 0) return view;
  const target = Math.max(0, Math.min(visible.length - 1, to));
  if (target === from) return view;
  const without = all.filter((k) => k !== key);
  const rest = visible.filter((k) => k !== key);
  // insert before the visible column that will follow it, or after the last visible one
  const before = rest[target];
  const at = before === undefined ? without.indexOf(rest[rest.length - 1]) + 1 : without.indexOf(before);
  without.splice(at, 0, key);
  // a column moved into or out of the frozen block keeps the frozen block the same size
  return { ...view, order: without };
}

export function moveColumnBy<R>(view: ViewState, columns: readonly GridColumn<R>[], key: string, delta: number): ViewState {
  const visible = resolveColumns(columns, view);
  const from = visible.findIndex((c) => c.key === key);
  return from < 0 ? view : moveColumn(view, columns, key, from + delta);
}

export function setWidth(view: ViewState, key: string, width: number): ViewState {
  return { ...view, widths: { ...view.widths, [key]: clampWidth(width) } };
}

export function setFrozen(view: ViewState, count: number): ViewState {
  return { ...view, frozen: Math.max(0, count | 0) };
}

export function setHidden(view: ViewState, key: string, hide: boolean): ViewState {
  const hidden = view.hidden.filter((k) => k !== key);
  if (hide) hidden.push(key);
  return { ...view, hidden };
}

export function addFilter(view: ViewState, filter: ColumnFilter): ViewState {
  return { ...view, filters: [...view.filters, filter] };
}

export function removeFilter(view: ViewState, index: number): ViewState {
  return { ...view, filters: view.filters.filter((_, i) => i !== index) };
}

export function setSearch(view: ViewState, search: string): ViewState {
  return { ...view, search };
}

/** Forget a removed column everywhere in the view. */
export function dropColumn(view: ViewState, key: string): ViewState {
  const { [key]: _gone, ...widths } = view.widths;
  return {
    ...view,
    order: view.order.filter((k) => k !== key),
    hidden: view.hidden.filter((k) => k !== key),
    widths,
    sort: view.sort.filter((s) => s.column !== key),
    filters: view.filters.filter((f) => f.column !== key)
  };
}
