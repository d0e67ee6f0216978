/** Cells and rectangular ranges in display coordinates (row = display position, col = visible index). */

export interface Cell {
  r: number;
  c: number;
}

/** Inclusive rectangle. */
export interface Rect {
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

export function rectOf(a: Cell, b: Cell): Rect {
  return { r0: Math.min(a.r, b.r), c0: Math.min(a.c, b.c), r1: Math.max(a.r, b.r), c1: Math.max(a.c, b.c) };
}

export function rectContains(rect: Rect, r: number, c: number): boolean {
  return r >= rect.r0 && r <= rect.r1 && c >= rect.c0 && c <= rect.c1;
}

export function rectRows(rect: Rect): number {
  return rect.r1 - rect.r0 + 1;
}

export function rectCols(rect: Rect): number {
  return rect.c1 - rect.c0 + 1;
}

export function rectCells(rect: Rect): number {
  return Math.max(0, rectRows(rect)) * Math.max(0, rectCols(rect));
}

export function clampCell(cell: Cell, rows: number, cols: number): Cell {
  return {
    r: Math.max(0, Math.min(rows - 1, cell.r)),
    c: Math.max(0, Math.min(cols - 1, cell.c))
  };
}

/** Keep a rectangle inside a grid of rows × cols (after rows disappear or columns are hidden). */
export function clampRect(rect: Rect, rows: number, cols: number): Rect {
  const a = clampCell({ r: rect.r0, c: rect.c0 }, rows, cols);
  const b = clampCell({ r: rect.r1, c: rect.c1 }, rows, cols);
  return rectOf(a, b);
}

export type Move = 'up' | 'down' | 'left' | 'right' | 'row-start' | 'row-end' | 'top' | 'bottom' | 'first' | 'last' | 'page-up' | 'page-down';

/** Where a move takes a cell, inside a grid of rows × cols. */
export function moveCell(cell: Cell, move: Move, rows: number, cols: number, page: number): Cell {
  const { r, c } = cell;
  const to = (r2: number, c2: number) => clampCell({ r: r2, c: c2 }, rows, cols);
  switch (move) {
    case 'up':
      return to(r - 1, c);
    case 'down':
      return to(r + 1, c);
    case 'left':
      return to(r, c - 1);
    case 'right':
      return to(r, c + 1);
    case 'row-start':
      return to(r, 0);
    case 'row-end':
      return to(r, cols - 1);
    case 'top':
      return to(0, c);
    case 'bottom':
      return to(rows - 1, c);
    case 'first':
      return to(0, 0);
    case 'last':
      return to(rows - 1, cols - 1);
    case 'page-up':
      return to(r - Math.max(1, page), c);
    case 'page-down':
      return to(r + Math.max(1, page), c);
  }
}
