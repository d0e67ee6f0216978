/**
 * Virtualisation math, pure. Coordinates:
 *   - rows have a fixed height; data row r starts at `r * rowHeight` below the header;
 *   - columns have variable widths; `prefix[i]` is the x of column i from the first data column;
 *   - the canvas is `rowHeader + prefix[n]` wide and `header + rows * rowHeight` tall, and the
 *     viewport shows a window of it at (scrollLeft, scrollTop);
 *   - the row header, the header row and the first `frozen` columns stay in place (sticky).
 * Every function here is O(log columns) or O(1) so that scroll handling does no per-row work.
 */

export interface Layout {
  rowHeight: number;
  headerHeight: number;
  rowHeaderWidth: number;
  /** prefix sums of the visible column widths, length = columns + 1 */
  prefix: Float64Array;
  /** number of frozen leading columns */
  frozen: number;
}

export interface Viewport {
  scrollTop: number;
  scrollLeft: number;
  width: number;
  height: number;
}

export interface Span {
  start: number;
  /** exclusive */
  end: number;
}

export function prefixSums(widths: readonly number[]): Float64Array {
  const prefix = new Float64Array(widths.length + 1);
  for (let i = 0; i < widths.length; i++) prefix[i + 1] = prefix[i] + widths[i];
  return prefix;
}

/** The column containing x (data coordinates), clamped to the existing columns; -1 when none. */
export function columnAt(prefix: Float64Array, x: number): number {
  const n = prefix.length - 1;
  if (n <= 0) return -1;
  if (x <= 0) return 0;
  if (x >= prefix[n]) return n - 1;
  let lo = 0;
  let hi = n - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (prefix[mid] <= x) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

export function frozenWidth(layout: Layout): number {
  return layout.prefix[Math.min(layout.frozen, layout.prefix.length - 1)];
}

/** Rows in view, plus `overscan` rows on each side. */
export function visibleRows(layout: Layout, vp: Viewport, rowCount: number, overscan = 0): Span {
  if (rowCount <= 0) return { start: 0, end: 0 };
  const bodyHeight = Math.max(0, vp.height - layout.headerHeight);
  const first = Math.floor(Math.max(0, vp.scrollTop) / layout.rowHeight);
  const last = Math.ceil((Math.max(0, vp.scrollTop) + bodyHeight) / layout.rowHeight);
  return {
    start: Math.max(0, Math.min(rowCount, first - overscan)),
    end: Math.max(0, Math.min(rowCount, last + overscan))
  };
}

/** Scrolling (non-frozen) columns in view, plus `overscan` columns on each side. */
export function visibleColumns(layout: Layout, vp: Viewport, overscan = 0): Span {
  const n = layout.prefix.length - 1;
  const frozen = Math.min(layout.frozen, n);
  if (frozen >= n) return { start: n, end: n };
  const lo = Math.max(0, vp.scrollLeft) + frozenWidth(layout);
  const hi = Math.max(0, vp.scrollLeft) + Math.max(0, vp.width - layout.rowHeaderWidth);
  if (hi <= lo) return { start: frozen, end: Math.min(n, frozen + 1 + overscan) };
  const first = Math.max(frozen, columnAt(layout.prefix, lo));
  // the last column whose left edge is before `hi`
  const last = Math.max(first, columnAt(layout.prefix, hi - 0.5));
  return {
    start: Math.max(frozen, first - overscan),
    end: Math.min(n, last + 1 + overscan)
  };
}

/** Where to scroll so that cell (row, col) is fully in view; unchanged axes keep their value. */
export function revealCell(layout: Layout, vp: Viewport, row: number, col: number): { scrollTop: number; scrollLeft: number } {
  let { scrollTop, scrollLeft } = vp;
  if (row >= 0) {
    const top = row * layout.rowHeight;
    const bodyHeight = Math.max(layout.rowHeight, vp.height - layout.headerHeight);
    if (top < scrollTop) scrollTop = top;
    else if (top + layout.rowHeight > scrollTop + bodyHeight) scrollTop = top + layout.rowHeight - bodyHeight;
  }
  const n = layout.prefix.length - 1;
  if (col >= layout.frozen && col < n) {
    const x0 = layout.prefix[col];
    const x1 = layout.prefix[col + 1];
    const fw = frozenWidth(layout);
    const bodyWidth = Math.max(0, vp.width - layout.rowHeaderWidth);
    if (x0 - fw < scrollLeft) scrollLeft = Math.max(0, x0 - fw);
    else if (x1 > scrollLeft + bodyWidth) scrollLeft = Math.min(x0 - fw, x1 - bodyWidth);
  }
  return { scrollTop, scrollLeft };
}

export type HitTarget =
  | { kind: 'cell'; row: number; col: number }
  | { kind: 'row-header'; row: number }
  | { kind: 'header'; col: number }
  | { kind: 'corner' }
  | { kind: 'none' };

/**
 * What lies under a point given relative to the viewport's top-left corner. Rows and columns
 * beyond the data are clamped so that a drag past the edge keeps selecting the last ones.
 */
export function hitTest(layout: Layout, vp: Viewport, rowCount: number, x: number, y: number): HitTarget {
  const n = layout.prefix.length - 1;
  const inHeader = y < layout.headerHeight;
  const row = Math.min(rowCount - 1, Math.max(0, Math.floor((vp.scrollTop + y - layout.headerHeight) / layout.rowHeight)));
  let col = -1;
  if (x >= layout.rowHeaderWidth && n > 0) {
    const dx = x - layout.rowHeaderWidth;
    const fw = frozenWidth(layout);
    col = dx < fw ? columnAt(layout.prefix, dx) : Math.max(layout.frozen, columnAt(layout.prefix, vp.scrollLeft + dx));
    col = Math.min(n - 1, col);
  }
  if (inHeader) return col < 0 ? { kind: 'corner' } : { kind: 'header', col };
  if (rowCount <= 0) return { kind: 'none' };
  if (col < 0) return { kind: 'row-header', row };
  return { kind: 'cell', row, col };
}

/** Canvas size in px. */
export function canvasSize(layout: Layout, rowCount: number): { width: number; height: number } {
  return {
    width: layout.rowHeaderWidth + layout.prefix[layout.prefix.length - 1],
    height: layout.headerHeight + rowCount * layout.rowHeight
  };
}
