/**
 * Other people's cursors: an outline per highlighted cell (or row) with the person's name, placed
 * by display position. Pure: the grid recomputes it when rows, order or columns change.
 */
import type { GridHighlight } from './types';
import type { ResolvedColumn } from './view';

export interface HighlightBox {
  left: number;
  width: number;
  frozen: boolean;
  color: string;
  name: string;
}

/** Boxes by display row; highlights of filtered-out rows or hidden columns are left out. */
export function highlightBoxes<R extends { id: string }>(
  highlights: readonly GridHighlight[],
  rows: readonly R[],
  positionOf: (rowIndex: number) => number,
  columns: readonly ResolvedColumn<R>[],
  rowHeaderWidth: number,
  rowWidth: number
): Map<number, HighlightBox[]> {
  const byRow = new Map<string, GridHighlight[]>();
  for (const h of highlights) byRow.set(h.rowId, [...(byRow.get(h.rowId) ?? []), h]);
  const out = new Map<number, HighlightBox[]>();
  let left = byRow.size;
  for (let i = 0; i < rows.length && left > 0; i++) {
    const hs = byRow.get(rows[i].id);
    if (!hs) continue;
    left--;
    const pos = positionOf(i);
    if (pos < 0) continue;
    const boxes: HighlightBox[] = [];
    for (const h of hs) {
      if (h.column === undefined) {
        boxes.push({ left: 0, width: rowWidth, frozen: false, color: h.color, name: h.name });
        continue;
      }
      const vc = columns.find((c) => c.key === h.column);
      if (vc) boxes.push({ left: rowHeaderWidth + vc.left, width: vc.width, frozen: vc.frozen, color: h.color, name: h.name });
    }
    if (boxes.length) out.set(pos, boxes);
  }
  return out;
}
