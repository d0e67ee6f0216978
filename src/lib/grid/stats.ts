/**
 * What the status bar says about a selection: how many cells, and the sum and average of the
 * numeric cells (numbers and money kept apart: adding fen to plain numbers means nothing).
 * Results are always finite numbers or absent.
 */
import type { PlanContext } from './edits';
import { rectCells, type Rect } from './selection';
import { cellValue } from './values';

export interface Tally {
  count: number;
  sum: number;
}

export interface SelectionStats {
  cells: number;
  number: Tally | null;
  /** in fen */
  money: Tally | null;
}

export function selectionStats<R extends { id: string }>(ctx: PlanContext<R>, range: Rect): SelectionStats {
  const rows = Math.min(range.r1, ctx.order.length - 1) - range.r0 + 1;
  const cols = Math.min(range.c1, ctx.columns.length - 1) - range.c0 + 1;
  const cells = rows > 0 && cols > 0 ? rectCells({ ...range, r1: range.r0 + rows - 1, c1: range.c0 + cols - 1 }) : 0;
  const number: Tally = { count: 0, sum: 0 };
  const money: Tally = { count: 0, sum: 0 };
  if (cells > 1) {
    for (let c = range.c0; c < range.c0 + cols; c++) {
      const col = ctx.columns[c].col;
      const t = col.spec.type === 'money' ? money : col.spec.type === 'number' ? number : null;
      if (!t) continue;
      for (let r = range.r0; r < range.r0 + rows; r++) {
        const v = cellValue(col, ctx.rows[ctx.order[r]]);
        if (typeof v === 'number' && Number.isFinite(v)) {
          t.count++;
          t.sum += v;
        }
      }
    }
  }
  const ok = (t: Tally) => (t.count > 0 && Number.isFinite(t.sum) ? t : null);
  return { cells, number: ok(number), money: ok(money) };
}

export function average(t: Tally): number {
  return t.sum / t.count;
}
