/**
 * The grid's headless state: which rows show in which order (query.ts), which columns and where
 * (view.ts), what is in view (virtual-window), the selection, the cell being edited, and every
 * command a key, a click or a menu can run. Components only render this and forward events.
 *
 * Rows are addressed by display position (r) and visible column index (c). Every change leaves
 * as one `GridCommit`; the page answers with the new rows array (or an error message).
 */
import { flushSync, untrack } from 'svelte';
import { formatCell, parseCell } from '$lib/domain/cells';
import { yuanText } from '$lib/domain/money';
import type { ViewState } from '$lib/domain/records/types';
import { t } from '$lib/i18n/index.svelte';
import { canvasSize, frozenWidth, prefixSums, type Layout } from './geometry';
import { QueryEngine } from './query';
import { SearchIndex } from './search-index';
import { clampCell, clampRect, moveCell, rectContains, rectOf, type Cell, type Move, type Rect } from './selection';
import { selectionStats } from './stats';
import type { GridColumn, GridCommit, GridProps } from './types';
import { cellValue } from './values';
import { resolveColumns, type ResolvedColumn } from './view';
import { markPending, pendingKey, settlePending, type Pending } from './pending';
import { HEADER_HEIGHT, ROW_HEIGHT, VirtualWindow } from './virtual-window.svelte';
import { GridCommands } from './grid-commands';
import { highlightBoxes, type HighlightBox } from './highlights';
import { ViewCommands } from './view-commands';

export interface EditState {
  r: number;
  c: number;
  rowId: string;
  key: string;
  /** 'enter': started by typing (arrows commit and move); 'edit': F2, Enter, double-click */
  mode: 'enter' | 'edit';
  /** an IME composition is in progress outside the editor (EditContext); don't focus yet */
  preedit: boolean;
}

export type GridDialog =
  | { kind: 'filter'; key: string }
  | { kind: 'rename'; key: string }
  | { kind: 'remove'; key: string }
  | { kind: 'add-column' }
  | { kind: 'save-view' };

const NO_HIGHLIGHTS: HighlightBox[] = [];
const notReady = (): never => {
  throw new Error('GridManager used before construction');
};
let sequence = 0;

export class GridManager<R extends { id: string }> {
  readonly uid = `kg${++sequence}`;
  readonly win: VirtualWindow;
  readonly commands: GridCommands<R>;
  readonly viewOps: ViewCommands<R>;
  // set by the constructor; the deriveds below only run later
  #p: () => GridProps<R> = notReady;
  #setView: (v: ViewState) => void = notReady;
  #index = new SearchIndex<R>();
  #engine = new QueryEngine<R>(this.#index);
  #searchVersion = $state(0);
  #searchCols: GridColumn<R>[] = [];

  editing = $state.raw<EditState | null>(null);
  editText = $state('');
  editError = $state<string | null>(null);
  message = $state<string | null>(null);
  /** a list under the message (the cells a paste left out, each with its reason) */
  messageItems = $state.raw<string[]>([]);
  saving = $state(0);
  columnMenu = $state.raw<{ key: string; x: number; y: number; trigger: HTMLElement | null } | null>(null);
  contextMenu = $state.raw<{ x: number; y: number } | null>(null);
  dialog = $state.raw<GridDialog | null>(null);
  /** a header being dragged to a new place: drop position among visible columns */
  dragColumn = $state.raw<{ key: string; to: number } | null>(null);
  editorEl: HTMLTextAreaElement | HTMLInputElement | null = null;
  #pending = $state.raw(new Map<string, Pending>());
  #active = $state.raw<Cell>({ r: 0, c: 0 });
  #range = $state.raw<Rect>({ r0: 0, c0: 0, r1: 0, c1: 0 });
  #extent: Cell = { r: 0, c: 0 };

  constructor(props: () => GridProps<R>, setView: (v: ViewState) => void) {
    this.#p = props;
    this.#setView = setView;
    this.win = new VirtualWindow(
      () => this.layout,
      () => this.rowCount
    );
    this.commands = new GridCommands(this);
    this.viewOps = new ViewCommands(this);
    this.#index.onReady = () => this.#searchVersion++;
    this.win.onScroll = () => this.#index.pauseFor(400);
    // once rows are in, index them for quick search in idle time; forget saved values shown
    // optimistically once the rows that contain them arrive
    $effect(() => {
      void this.order;
      untrack(() => {
        this.#index.start();
        const stale = [...this.#pending].filter(([, p]) => p.doneAt && p.doneAt !== this.rows);
        if (stale.length) {
          const next = new Map(this.#pending);
          for (const [k] of stale) next.delete(k);
          this.#pending = next;
        }
      });
    });
  }

  destroy(): void {
    this.#index.destroy();
  }

  get props(): GridProps<R> {
    return this.#p();
  }
  get rows(): R[] {
    return this.#p().rows;
  }
  get view(): ViewState {
    return this.#p().view;
  }

  readonly #layoutKey = $derived(JSON.stringify([this.view.order, this.view.hidden, this.view.widths, this.view.frozen]));

  /** frozen columns may take up to 60% of the grid's width (in steps of 40 px, not every pixel) */
  readonly #frozenBudget = $derived.by(() => {
    const width = this.win.width;
    return width > 0 ? Math.floor((width * 0.6) / 40) * 40 : Infinity;
  });

  /** visible columns in display order, with widths and offsets */
  readonly columns: ResolvedColumn<R>[] = $derived.by(() => {
    void this.#layoutKey;
    const all = this.#p().columns;
    const budget = this.#frozenBudget;
    return untrack(() => resolveColumns(all, this.view, budget));
  });

  readonly frozenCount = $derived(this.columns.filter((c) => c.frozen).length);
  readonly colCount = $derived(this.columns.length);

  readonly #searchColumns = $derived.by(() => {
    const next = this.columns.map((c) => c.col);
    const prev = this.#searchCols;
    if (next.length === prev.length && next.every((c, i) => c === prev[i])) return prev;
    this.#searchCols = next;
    return next;
  });

  /** row indices in display order */
  readonly order: Int32Array = $derived.by(() => {
    const p = this.#p();
    const q = {
      rows: p.rows,
      columns: p.columns,
      sort: p.view.sort,
      filters: p.view.filters,
      search: p.view.search,
      searchColumns: this.#searchColumns,
      searchText: p.searchText,
      searchVersion: this.#searchVersion
    };
    return untrack(() => this.#engine.run(q));
  });

  /** quick search waits for the index (the order shows the last complete answer meanwhile) */
  readonly searching = $derived(this.order && this.#engine.pending);
  readonly rowCount = $derived(this.order.length);
  readonly filtered = $derived(this.rowCount !== this.rows.length);

  readonly rowHeaderWidth = $derived(Math.max(44, String(Math.max(this.rows.length, 1)).length * 8 + 22) + (this.#p().openRow ? 22 : 0));

  readonly layout: Layout = $derived({
    rowHeight: ROW_HEIGHT,
    headerHeight: HEADER_HEIGHT,
    rowHeaderWidth: this.rowHeaderWidth,
    prefix: prefixSums(this.columns.map((c) => c.width)),
    frozen: this.frozenCount
  });

  readonly frozenWidth = $derived(frozenWidth(this.layout));
  readonly canvas = $derived(canvasSize(this.layout, this.rowCount));
  readonly frozenCols = $derived(this.columns.slice(0, this.frozenCount));

  /** scrolling columns in view, plus the active cell's column so that it stays in the DOM */
  readonly scrollCols = $derived.by(() => {
    const cols = this.columns.slice(this.win.colStart, this.win.colEnd);
    const a = this.active.c;
    if (a >= this.frozenCount && (a < this.win.colStart || a >= this.win.colEnd) && this.columns[a]) {
      cols.push(this.columns[a]);
    }
    return cols;
  });

  /**
   * Row elements are a fixed pool: row r always uses slot r % capacity, so scrolling by one row
   * rewrites one element and nothing is created or destroyed. The last slot holds the active row
   * when it is out of view (aria-activedescendant must point at an element in the DOM).
   */
  readonly slots: number[] = $derived.by(() => {
    const cap = Math.max(1, this.win.capacity, this.win.rowEnd - this.win.rowStart);
    const out = new Array<number>(cap + 1).fill(-1);
    for (let r = this.win.rowStart; r < this.win.rowEnd; r++) out[r % cap] = r;
    const a = this.active.r;
    if (this.rowCount > 0 && (a < this.win.rowStart || a >= this.win.rowEnd)) out[cap] = a;
    return out;
  });

  // ---- selection -------------------------------------------------------------------------

  readonly hasCells = $derived(this.rowCount > 0 && this.colCount > 0);
  readonly active: Cell = $derived(clampCell(this.#active, this.rowCount, this.colCount));
  readonly range: Rect = $derived(clampRect(this.#range, this.rowCount, this.colCount));
  readonly activeId = $derived(this.hasCells ? this.cellId(this.active.r, this.active.c) : undefined);

  readonly planContext = $derived({ rows: this.rows, order: this.order, columns: this.columns });
  readonly stats = $derived(selectionStats(this.planContext, this.range));

  cellId(r: number, c: number): string {
    return `${this.uid}-${r}-${c}`;
  }

  rowAt(r: number): R {
    return this.rows[this.order[r]];
  }

  value(row: R, vc: ResolvedColumn<R>): unknown {
    if (this.#pending.size) {
      const p = this.#pending.get(pendingKey(row.id, vc.key));
      if (p && (!p.doneAt || p.doneAt === this.rows)) return p.value;
    }
    return cellValue(vc.col, row);
  }

  text(row: R, vc: ResolvedColumn<R>): string {
    return formatCell(vc.col.spec, this.value(row, vc));
  }

  isSelected(r: number, c: number): boolean {
    return rectContains(this.range, r, c);
  }

  isActive(r: number, c: number): boolean {
    return this.active.r === r && this.active.c === c;
  }

  rowSelected(r: number): boolean {
    return r >= this.range.r0 && r <= this.range.r1;
  }

  select(cell: Cell, extend = false): void {
    const target = clampCell(cell, this.rowCount, this.colCount);
    if (extend) {
      this.#extent = target;
      this.#range = rectOf(this.active, target);
    } else {
      this.#active = target;
      this.#extent = target;
      this.#range = rectOf(target, target);
    }
    this.contextMenu = null;
    this.win.reveal(extend ? target.r : this.active.r, extend ? target.c : this.active.c);
  }

  selectRect(rect: Rect, active?: Cell): void {
    this.#range = clampRect(rect, this.rowCount, this.colCount);
    this.#extent = { r: rect.r1, c: rect.c1 };
    if (active) this.#active = clampCell(active, this.rowCount, this.colCount);
  }

  selectAll(): void {
    this.selectRect({ r0: 0, c0: 0, r1: this.rowCount - 1, c1: this.colCount - 1 });
  }

  move(move: Move, extend: boolean): void {
    if (!this.hasCells) return;
    const from = extend ? this.#extent : this.active;
    this.select(moveCell(from, move, this.rowCount, this.colCount, this.win.page), extend);
  }

  // ---- editing ---------------------------------------------------------------------------

  canEdit(c: number): boolean {
    const vc = this.columns[c];
    return !!vc && !vc.col.readonly;
  }

  startEdit(mode: EditState['mode'], text?: string, preedit = false): boolean {
    if (!this.hasCells || !this.canEdit(this.active.c)) return false;
    const { r, c } = this.active;
    const vc = this.columns[c];
    if (vc.col.spec.type === 'checkbox') {
      this.commands.toggleCheckbox(r, c);
      return false;
    }
    const row = this.rowAt(r);
    this.win.reveal(r, c);
    this.editText = text ?? this.#editableText(row, vc);
    this.editError = null;
    this.message = null;
    this.editing = { r, c, rowId: row.id, key: vc.key, mode, preedit };
    if (!preedit) this.focusEditor();
    return true;
  }

  /** Text of a value as it is edited: like the display, without thousands separators for money. */
  #editableText(row: R, vc: ResolvedColumn<R>): string {
    const v = this.value(row, vc);
    if (vc.col.spec.type === 'money' && typeof v === 'number') return yuanText(v);
    return formatCell(vc.col.spec, v);
  }

  /** Mount the editor now and give it focus, so the next key typed lands in it. */
  focusEditor(): void {
    flushSync();
    const el = this.editorEl;
    if (!el) return;
    el.focus({ preventScroll: true });
    const end = el.value.length;
    el.setSelectionRange(end, end);
  }

  endPreedit(text: string): void {
    if (!this.editing) return;
    this.editText = text;
    this.editing = { ...this.editing, preedit: false };
    this.focusEditor();
  }

  cancelEdit(): void {
    this.editing = null;
    this.editError = null;
    this.focusGrid();
  }

  /**
   * Commit the editor: text is parsed with the column's type; a value (from a list) is taken
   * as is. An invalid text keeps the editor open with the reason. Returns whether it closed.
   */
  commitEdit(input: string | { value: unknown }, then?: Move, refocus = true): boolean {
    const e = this.editing;
    if (!e) return true;
    const vc = this.columns.find((c) => c.key === e.key);
    const row = this.rows.find((x) => x.id === e.rowId);
    if (!vc || !row) {
      this.cancelEdit();
      return true;
    }
    let value: unknown;
    if (typeof input === 'string') {
      const parsed = parseCell(vc.col.spec, input);
      if (!parsed.ok) {
        this.editError = t(parsed.error);
        return false;
      }
      value = parsed.value;
    } else value = input.value;
    this.editing = null;
    this.editError = null;
    this.commands.setCell(row, vc, value);
    if (then) this.move(then, false);
    if (refocus) this.focusGrid();
    return true;
  }

  // ---- saving ----------------------------------------------------------------------------

  /** Send one commit; edits show at once and roll back on error. */
  async save(commit: GridCommit): Promise<boolean> {
    if (commit.edits.length === 0 && commit.newRows.length === 0) return true;
    const { next, keys } = markPending(this.#pending, commit.edits);
    if (keys.length) this.#pending = next;
    this.saving++;
    let error: string | null;
    try {
      error = await this.#p().commit(commit);
    } catch (err) {
      error = t('grid.saveFailed', { reason: err instanceof Error ? err.message : String(err) });
    }
    this.saving--;
    if (keys.length) this.#pending = settlePending(this.#pending, keys, !!error, this.rows);
    if (error) {
      this.message = error;
      this.messageItems = [];
    }
    return !error;
  }

  // ---- view ------------------------------------------------------------------------------

  setView(view: ViewState): void {
    this.#setView(view);
  }

  column(key: string): GridColumn<R> | undefined {
    return this.#p().columns.find((c) => c.key === key);
  }

  // ---- highlights ------------------------------------------------------------------------

  readonly #highlightRows = $derived.by(() => {
    const hs = this.#p().highlights;
    if (!hs?.length) return new Map<number, HighlightBox[]>();
    void this.order;
    return highlightBoxes(hs, this.rows, (i) => this.#engine.positionOf(i), this.columns, this.rowHeaderWidth, this.canvas.width);
  });

  highlightsAt(r: number): HighlightBox[] {
    return this.#highlightRows.get(r) ?? NO_HIGHLIGHTS;
  }

  // ---- focus and menus -------------------------------------------------------------------

  focusGrid(): void {
    this.win.element?.focus({ preventScroll: true });
  }

  openColumnMenu(key: string, trigger: HTMLElement): void {
    const rect = trigger.getBoundingClientRect();
    this.contextMenu = null;
    this.columnMenu = { key, x: rect.left, y: rect.bottom + 2, trigger };
  }

  openContextMenu(x?: number, y?: number): void {
    if (x === undefined || y === undefined) {
      const el = this.win.element;
      const box = el?.getBoundingClientRect();
      const vc = this.columns[this.active.c];
      if (!box || !vc) return;
      x = box.left + this.rowHeaderWidth + (vc.frozen ? vc.left : vc.left - this.win.scrollLeft) + 8;
      y = box.top + HEADER_HEIGHT + (this.active.r + 1) * ROW_HEIGHT - this.win.scrollTop;
    }
    this.columnMenu = null;
    this.contextMenu = { x, y };
  }
}
