/**
 * The grid's public contract. Pages give the grid all rows (already loaded), the columns and a
 * bindable `ViewState`; the grid never mutates rows and reports every change as one `GridCommit`
 * (one undo step).
 */
import type { CellSpec } from '$lib/domain/cells';
import type { CellType, ViewState } from '$lib/domain/records/types';

export type { ViewState };

export interface GridColumn<R> {
  /** field key in the row object, e.g. 'name' or 'x_ab12' for custom columns */
  key: string;
  /** header text, already translated */
  label: string;
  /** type, options, link resolver, required */
  spec: CellSpec;
  /** default px width */
  width?: number;
  readonly?: boolean;
  /** a user-defined column: can be renamed/removed from its header menu */
  custom?: boolean;
  /** default row[key] */
  get?: (row: R) => unknown;
}

/** value undefined = clear */
export interface CellEdit {
  rowId: string;
  column: string;
  value: unknown;
}

/** one commit = one undo step */
export interface GridCommit {
  edits: CellEdit[];
  newRows: Record<string, unknown>[];
}

export interface GridHighlight {
  rowId: string;
  column?: string;
  color: string;
  name: string;
}

export interface GridSavedView {
  id: string;
  name: string;
  state: ViewState;
}

export interface GridColumnsEditor {
  add(label: string, type: CellType, options: string[]): void;
  rename(key: string, label: string): void;
  remove(key: string): void;
}

export interface GridProps<R extends { id: string }> {
  /** all rows (already loaded); never mutated by the grid; a new array arrives after each change */
  rows: R[];
  columns: GridColumn<R>[];
  /** $bindable: column order, hidden, widths, frozen, sort, filters, search */
  view: ViewState;
  /** accessible name of the grid */
  label: string;
  /** null = saved; a string = translated error to show (old values stay) */
  commit: (c: GridCommit) => Promise<string | null>;
  /** Ctrl+Z */
  undo?: () => void;
  /** Ctrl+Y / Ctrl+Shift+Z */
  redo?: () => void;
  /** "Delete rows" action (row header menu / Ctrl+-): soft delete, undoable by caller */
  deleteRows?: (ids: string[]) => void;
  /** Ctrl+Enter or a button in the row header opens the record's page */
  openRow?: (id: string) => void;
  /** extra haystack text for quick search (e.g. phones, notes); default: all visible column texts */
  searchText?: (row: R) => string;
  /** saved named views of this table */
  views?: GridSavedView[];
  saveView?: (name: string, state: ViewState) => void;
  deleteView?: (id: string) => void;
  columnsEditor?: GridColumnsEditor;
  /** other people's cursors (outlined cells in their colour) */
  highlights?: GridHighlight[];
  /** the active cell moved (the record and column), or there is none: for others' highlights */
  onActiveCell?: (cell: { rowId: string; column: string } | null) => void;
  /**
   * A problem with a stored value (an invalid identity number), already translated, or null: the
   * cell is marked, and the reason is its title and accessible description.
   */
  cellProblem?: (row: R, column: string) => string | null;
  /** rows still arriving (show count as "loading…") */
  loading?: boolean;
}

/**
 * The view a table starts with: every column in its given order, nothing hidden or filtered; the
 * columns up to a name column (`名称`) are frozen, so each row's name stays in sight while
 * scrolling right (a narrow grid lets them scroll: see `resolveColumns`).
 */
export function defaultViewState(columns: readonly { key: string }[]): ViewState {
  return {
    order: columns.map((c) => c.key),
    hidden: [],
    widths: {},
    frozen: columns.findIndex((c) => c.key === 'name') + 1,
    sort: [],
    filters: [],
    search: ''
  };
}
