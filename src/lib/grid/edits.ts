/**
 * Turning a gesture (paste, clear, fill down, one edit) into one `GridCommit`. Pure: it reads
 * rows through the display order and the visible columns and either returns the commit or the
 * first problem, naming the cell (row number as shown, column label) and the reason. A clear or a
 * fill with one bad cell changes nothing; a paste keeps its good cells and lists the bad ones
 * (`PastePlan.skipped`), so a person fixes a few cells instead of the whole block.
 */
import { parseCell, type CellError } from '$lib/domain/cells';
import type { CellEdit, GridCommit } from './types';
import type { ResolvedColumn } from './view';
import { rectCols, rectRows, type Rect } from './selection';
import { cellValue, cloneValue, isEmptyValue, sameValue } from './values';

export interface PlanContext<R extends { id: string }> {
  rows: readonly R[];
  /** display order: row indices */
  order: Int32Array;
  /** visible columns in display order */
  columns: readonly ResolvedColumn<R>[];
}

export interface PlanProblem {
  /** 1-based row number as shown in the row header (new rows continue the count) */
  row: number;
  column: string;
  error: CellError;
}

export type Plan = { ok: true; commit: GridCommit } | { ok: false; problem: PlanProblem };

/** A paste: the good cells as one commit, and every cell left out with its reason. */
export interface PastePlan {
  ok: true;
  commit: GridCommit;
  skipped: PlanProblem[];
}

export function isEmptyCommit(c: GridCommit): boolean {
  return c.edits.length === 0 && c.newRows.length === 0;
}

function rowAt<R extends { id: string }>(ctx: PlanContext<R>, r: number): R {
  return ctx.rows[ctx.order[r]];
}

/**
 * Paste a block of texts. A single value fills the whole selected range; a block that fits the
 * range a whole number of times is repeated over it; otherwise the block is written from the
 * range's top-left cell to the right and down, and rows past the last one become new rows.
 * A cell that does not parse is left out and listed; so is a new row that would lack a required
 * text column, such as its name (listed once, under that column).
 */
export function planPaste<R extends { id: string }>(ctx: PlanContext<R>, data: string[][], range: Rect): PastePlan {
  const height = data.length;
  const width = data.reduce((w, row) => Math.max(w, row.length), 0);
  const skipped: PlanProblem[] = [];
  if (height === 0 || width === 0) return { ok: true, commit: { edits: [], newRows: [] }, skipped };
  const rangeRows = rectRows(range);
  const rangeCols = rectCols(range);
  const tiles = rangeRows % height === 0 && rangeCols % width === 0 && (rangeRows > height || rangeCols > width);
  const outRows = tiles ? rangeRows : height;
  const outCols = Math.min(tiles ? rangeCols : width, ctx.columns.length - range.c0);
  const edits: CellEdit[] = [];
  const newRows: Record<string, unknown>[] = [];
  for (let i = 0; i < outRows; i++) {
    const r = range.r0 + i;
    const existing = r < ctx.order.length ? rowAt(ctx, r) : null;
    const fresh: Record<string, unknown> = {};
    for (let j = 0; j < outCols; j++) {
      const vc = ctx.columns[range.c0 + j];
      if (vc.col.readonly) continue;
      const text = data[i % height][j % width] ?? '';
      if (!existing && text.trim() === '') continue;
      const parsed = parseCell(vc.col.spec, text);
      if (!parsed.ok) {
        skipped.push({ row: r + 1, column: vc.col.label, error: parsed.error });
      } else if (existing) {
        if (!sameValue(cellValue(vc.col, existing), parsed.value)) {
          edits.push({ rowId: existing.id, column: vc.key, value: parsed.value });
        }
      } else if (parsed.value !== undefined) {
        fresh[vc.key] = parsed.value;
      }
    }
    if (existing || Object.keys(fresh).length === 0) continue;
    // a required text (a name) has no default; a page's defaults for new rows fill the others
    const missing = ctx.columns.find((vc) => vc.col.spec.required && vc.col.spec.type === 'text' && !vc.col.readonly && fresh[vc.key] === undefined);
    if (missing) skipped.push({ row: r + 1, column: missing.col.label, error: 'cell.error.required' });
    else newRows.push(fresh);
  }
  return { ok: true, commit: { edits, newRows }, skipped };
}

/** Empty every editable cell of the range. A required column refuses. */
export function planClear<R extends { id: string }>(ctx: PlanContext<R>, range: Rect): Plan {
  const edits: CellEdit[] = [];
  for (let c = range.c0; c <= range.c1; c++) {
    const vc = ctx.columns[c];
    if (!vc || vc.col.readonly) continue;
    for (let r = range.r0; r <= range.r1 && r < ctx.order.length; r++) {
      const row = rowAt(ctx, r);
      if (isEmptyValue(cellValue(vc.col, row))) continue;
      if (vc.col.spec.required) return { ok: false, problem: { row: r + 1, column: vc.col.label, error: 'cell.error.required' } };
      edits.push({ rowId: row.id, column: vc.key, value: undefined });
    }
  }
  return { ok: true, commit: { edits, newRows: [] } };
}

/**
 * Ctrl+D: copy the range's first row into the rows below it; with a one-row range, copy the row
 * above into it.
 */
export function planFillDown<R extends { id: string }>(ctx: PlanContext<R>, range: Rect): Plan {
  const single = range.r0 === range.r1;
  const source = single ? range.r0 - 1 : range.r0;
  if (source < 0 || source >= ctx.order.length) return { ok: true, commit: { edits: [], newRows: [] } };
  const from = rowAt(ctx, source);
  const first = single ? range.r0 : range.r0 + 1;
  const edits: CellEdit[] = [];
  for (let c = range.c0; c <= range.c1; c++) {
    const vc = ctx.columns[c];
    if (!vc || vc.col.readonly) continue;
    const value = cellValue(vc.col, from);
    for (let r = first; r <= range.r1 && r < ctx.order.length; r++) {
      const row = rowAt(ctx, r);
      if (sameValue(cellValue(vc.col, row), value)) continue;
      if (isEmptyValue(value) && vc.col.spec.required) {
        return { ok: false, problem: { row: r + 1, column: vc.col.label, error: 'cell.error.required' } };
      }
      edits.push({ rowId: row.id, column: vc.key, value: cloneValue(value) });
    }
  }
  return { ok: true, commit: { edits, newRows: [] } };
}

/** The range's cells as displayed texts, for copying. */
export function rangeTexts<R extends { id: string }>(ctx: PlanContext<R>, range: Rect, text: (row: R, col: ResolvedColumn<R>) => string): string[][] {
  const out: string[][] = [];
  for (let r = range.r0; r <= range.r1 && r < ctx.order.length; r++) {
    const row = rowAt(ctx, r);
    const line: string[] = [];
    for (let c = range.c0; c <= range.c1 && c < ctx.columns.length; c++) line.push(text(row, ctx.columns[c]));
    out.push(line);
  }
  return out;
}
