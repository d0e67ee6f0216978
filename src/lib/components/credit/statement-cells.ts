/**
 * The statement sheet's editable state: per period a name and the text of each §2 item as typed
 * (元). Turned into fen statements by `readStatementCells`, with the cells that are not amounts.
 */
import { readAmount, type PastedPeriod } from '$lib/domain/credit/statement-paste';
import { STATEMENT_FIELDS, type FinancialStatement, type StatementField } from '$lib/domain/credit/statement';
import type { StatementPeriod } from '$lib/domain/credit/evaluation-record';
import type { Fen } from '$lib/domain/money';
import { formatYuan } from '$lib/domain/money';

export interface PeriodCells {
  label: string;
  cells: Partial<Record<StatementField, string>>;
}

export interface ReadCells {
  periods: StatementPeriod[];
  /** `${period}:${field}` of cells that are not amounts */
  invalid: Set<string>;
}

export function readStatementCells(periods: readonly PeriodCells[]): ReadCells {
  const invalid = new Set<string>();
  const out = periods.map((p, k) => {
    const statement: Partial<Record<StatementField, Fen | null>> = {};
    for (const field of STATEMENT_FIELDS) {
      const r = readAmount(p.cells[field] ?? '');
      if (!r.ok) invalid.add(`${k}:${field}`);
      else if (r.fen !== null) statement[field] = r.fen;
    }
    return { label: p.label, statement: statement as FinancialStatement };
  });
  return { periods: out, invalid };
}

/** The cells `readStatementCells` found invalid, in order, as their period and item. */
export function invalidCells(invalid: ReadonlySet<string>): { key: string; period: number; field: StatementField }[] {
  return [...invalid].map((key) => {
    const [k, field] = key.split(':');
    return { key, period: Number(k), field: field as StatementField };
  });
}

/** Pasted periods into the sheet: pasted items replace, others stay; new periods are added. */
export function mergePasted(current: readonly PeriodCells[], pasted: readonly PastedPeriod[]): PeriodCells[] {
  const next = current.map((p) => ({ label: p.label, cells: { ...p.cells } }));
  pasted.forEach((p, k) => {
    const target = (next[k] ??= { label: p.label ?? '', cells: {} });
    if (p.label) target.label = p.label;
    for (const [field, fen] of Object.entries(p.values) as [StatementField, Fen | null][])
      target.cells[field] = fen === null ? '' : formatYuan(fen);
  });
  return next;
}

/** Cells from stored periods (to edit an evaluation again). */
export function cellsOf(periods: readonly StatementPeriod[]): PeriodCells[] {
  return periods.map((p) => ({
    label: p.label,
    cells: Object.fromEntries(
      STATEMENT_FIELDS.filter((f) => typeof p.statement[f] === 'number').map((f) => [f, formatYuan(p.statement[f] as number)])
    )
  }));
}

/**
 * A block of amounts without labels (a column copied from a spreadsheet) pasted at one cell, as a
 * spreadsheet would: down the items from `row`, across the periods from `col`, adding periods as
 * needed. Null when a cell of the block is not an amount (then nothing is pasted).
 */
export function pasteAmountsAt(current: readonly PeriodCells[], block: readonly (readonly string[])[], row: number, col: number): PeriodCells[] | null {
  if (block.some((r) => r.some((c) => !readAmount(c).ok))) return null;
  const next = current.map((p) => ({ label: p.label, cells: { ...p.cells } }));
  block.forEach((cells, i) => {
    const field = STATEMENT_FIELDS[row + i];
    if (!field) return;
    cells.forEach((text, j) => {
      const target = (next[col + j] ??= { label: '', cells: {} });
      const r = readAmount(text);
      target.cells[field] = r.ok && r.fen !== null ? formatYuan(r.fen) : '';
    });
  });
  return next;
}
