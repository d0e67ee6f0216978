/**
 * Mouse on the grid, by delegation from the scroll container: click selects, Shift+click and drag
 * extend (scrolling when the pointer leaves the edge), row headers select rows, double-click
 * edits, the checkbox glyph toggles; on headers, dragging the title moves the column and
 * dragging the right edge resizes it. Positions come from geometry.hitTest, not from the DOM.
 */
import { hitTest, type HitTarget, type Viewport } from './geometry';
import type { GridManager } from './grid-manager.svelte';

const DRAG_THRESHOLD = 5;
const EDGE = 24;

/** The live scroll position: a scroll made just before the click may not have been reported yet. */
function liveViewport(el: HTMLElement): Viewport {
  return { scrollTop: el.scrollTop, scrollLeft: el.scrollLeft, width: el.clientWidth, height: el.clientHeight };
}

function hit<R extends { id: string }>(m: GridManager<R>, e: MouseEvent): HitTarget {
  const el = m.win.element;
  if (!el) return { kind: 'none' };
  const box = el.getBoundingClientRect();
  return hitTest(m.layout, liveViewport(el), m.rowCount, e.clientX - box.left, e.clientY - box.top);
}

/** Follow the mouse until the button is released. */
function track(move: (e: MouseEvent) => void, up: (e: MouseEvent) => void): void {
  const onMove = (e: MouseEvent) => move(e);
  const onUp = (e: MouseEvent) => {
    window.removeEventListener('mousemove', onMove);
    window.removeEventListener('mouseup', onUp);
    up(e);
  };
  window.addEventListener('mousemove', onMove);
  window.addEventListener('mouseup', onUp);
}

export function onGridMouseDown<R extends { id: string }>(m: GridManager<R>, e: MouseEvent): void {
  if (e.button !== 0) return;
  const target = e.target as HTMLElement;
  const resize = target.closest<HTMLElement>('[data-resize]');
  if (resize) return startResize(m, e, resize.dataset.resize as string);
  const title = target.closest<HTMLElement>('[data-sort]');
  if (title) return startColumnDrag(m, e, title.dataset.sort as string);
  if (target.closest('button, input, textarea, select, a')) return;

  const h = hit(m, e);
  if (h.kind === 'none' || h.kind === 'header') return;
  // a click elsewhere first tries to commit the open editor; an invalid value keeps it open
  if (m.editing && !m.commitEdit(m.editText, undefined, false)) {
    e.preventDefault();
    m.focusEditor();
    return;
  }
  e.preventDefault();
  m.focusGrid();
  m.columnMenu = null;
  m.contextMenu = null;
  if (h.kind === 'corner') return m.selectAll();
  if (h.kind === 'row-header') {
    const anchor = e.shiftKey ? m.range.r0 : h.row;
    m.selectRect(
      { r0: Math.min(anchor, h.row), c0: 0, r1: Math.max(anchor, h.row), c1: m.colCount - 1 },
      e.shiftKey ? undefined : { r: h.row, c: 0 }
    );
    dragSelect(m, (h2) => {
      const r = h2.kind === 'cell' || h2.kind === 'row-header' ? h2.row : null;
      if (r !== null) m.selectRect({ r0: Math.min(anchor, r), c0: 0, r1: Math.max(anchor, r), c1: m.colCount - 1 });
    });
    return;
  }
  const onCheck = target.closest('[data-check]') !== null;
  m.select({ r: h.row, c: h.col }, e.shiftKey);
  if (onCheck && !e.shiftKey) m.commands.toggleCheckbox(h.row, h.col);
  dragSelect(m, (h2) => {
    if (h2.kind === 'cell') m.select({ r: h2.row, c: h2.col }, true);
  });
}

/** Extend the selection while dragging; scroll when the pointer is near or past an edge. */
function dragSelect<R extends { id: string }>(m: GridManager<R>, extend: (h: HitTarget) => void): void {
  let last: MouseEvent | null = null;
  let frame = 0;
  const tick = () => {
    frame = 0;
    const el = m.win.element;
    if (!last || !el) return;
    const box = el.getBoundingClientRect();
    const dy = last.clientY > box.bottom - EDGE ? 1 : last.clientY < box.top + m.layout.headerHeight ? -1 : 0;
    const dx = last.clientX > box.right - EDGE ? 1 : last.clientX < box.left + m.rowHeaderWidth + m.frozenWidth ? -1 : 0;
    if (dy || dx) {
      m.win.scrollTo(m.win.scrollTop + dy * m.layout.rowHeight, m.win.scrollLeft + dx * 40);
      frame = requestAnimationFrame(tick);
    }
    const h = hitTest(
      m.layout,
      liveViewport(el),
      m.rowCount,
      Math.max(m.rowHeaderWidth, last.clientX - box.left),
      Math.max(m.layout.headerHeight, last.clientY - box.top)
    );
    extend(h);
  };
  track(
    (e) => {
      last = e;
      if (!frame) frame = requestAnimationFrame(tick);
    },
    () => {
      last = null;
      cancelAnimationFrame(frame);
    }
  );
}

function startResize<R extends { id: string }>(m: GridManager<R>, e: MouseEvent, key: string): void {
  const vc = m.columns.find((c) => c.key === key);
  if (!vc) return;
  e.preventDefault();
  e.stopPropagation();
  const x0 = e.clientX;
  const w0 = vc.width;
  track(
    (ev) => m.viewOps.resizeColumn(key, w0 + ev.clientX - x0),
    () => {}
  );
}

let suppressClick = false;

/** A header title was clicked after a drag: the click must not also sort. */
export function takeSuppressedClick(): boolean {
  const s = suppressClick;
  suppressClick = false;
  return s;
}

function startColumnDrag<R extends { id: string }>(m: GridManager<R>, e: MouseEvent, key: string): void {
  // no text selection while dragging; the click that follows still sorts
  e.preventDefault();
  const x0 = e.clientX;
  const y0 = e.clientY;
  let dragging = false;
  const dropIndex = (ev: MouseEvent): number => {
    const el = m.win.element;
    if (!el) return 0;
    const box = el.getBoundingClientRect();
    const h = hitTest(m.layout, liveViewport(el), m.rowCount, Math.max(m.rowHeaderWidth, ev.clientX - box.left), 1);
    if (h.kind !== 'header') return 0;
    // past the middle of a column drops after it
    const vc = m.columns[h.col];
    const x = ev.clientX - box.left - m.rowHeaderWidth + (vc.frozen ? 0 : el.scrollLeft);
    const from = m.columns.findIndex((c) => c.key === key);
    const after = x > vc.left + vc.width / 2;
    let to = h.col + (after ? 1 : 0);
    if (to > from) to--;
    return to;
  };
  track(
    (ev) => {
      if (!dragging && Math.abs(ev.clientX - x0) + Math.abs(ev.clientY - y0) < DRAG_THRESHOLD) return;
      dragging = true;
      m.dragColumn = { key, to: dropIndex(ev) };
    },
    (ev) => {
      if (!dragging) return;
      suppressClick = true;
      setTimeout(() => (suppressClick = false), 0);
      const to = dropIndex(ev);
      m.dragColumn = null;
      m.viewOps.moveColumn(key, to);
    }
  );
}

export function onGridDoubleClick<R extends { id: string }>(m: GridManager<R>, e: MouseEvent): void {
  const target = e.target as HTMLElement;
  const resize = target.closest<HTMLElement>('[data-resize]');
  if (resize) {
    m.viewOps.resetWidth(resize.dataset.resize as string);
    return;
  }
  if (target.closest('button, input, textarea, select, a, [data-check]')) return;
  const h = hit(m, e);
  if (h.kind !== 'cell') return;
  m.select({ r: h.row, c: h.col });
  m.startEdit('edit');
}

export function onGridContextMenu<R extends { id: string }>(m: GridManager<R>, e: MouseEvent): void {
  const h = hit(m, e);
  if (h.kind !== 'cell' && h.kind !== 'row-header') return;
  e.preventDefault();
  const c = h.kind === 'cell' ? h.col : 0;
  if (!m.isSelected(h.row, c)) {
    if (h.kind === 'cell') m.select({ r: h.row, c });
    else m.selectRect({ r0: h.row, c0: 0, r1: h.row, c1: m.colCount - 1 }, { r: h.row, c: 0 });
  }
  m.focusGrid();
  m.openContextMenu(e.clientX, e.clientY);
}
