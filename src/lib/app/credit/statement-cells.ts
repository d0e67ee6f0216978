/**
 * The statement sheet's editable state: per period a name and the text of each §2 item as typed
 * (元). Turned into fen statements by `readStatementCells`, with the cells that are not amounts.
 */
import { readAmount, type PastedPeriod } from '$lib/domain/credit/statement-paste';
import { STATEMENT_FIELDS, type Exclusion, type FinancialStatement, type StatementField } from '$lib/domain/credit/statement';
import type { StatementPeriod } from '$lib/domain/credit/evaluation-record';
import type { Fen } from '$lib/domain/money';
import { formatYuan } from '$lib/domain/money';

export interface PeriodCells {
  label: string;
  cells: Partial<Record<StatementField, string>>;
}

/** An excluded illiquid asset as typed (credit.md §3): what it is, 元, whether it is stock. */
export interface ExclusionCells {
  label: string;
  amount: string;
  fromInventory: boolean;
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
    for (const [field, fen] of Object.entries(p.values) as [StatementField, Fen | null][]) target.cells[field] = fen === null ? '' : formatYuan(fen);
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
export function pasteAmountsAt(
  current: readonly PeriodCells[],
  block: readonly (readonly string[])[],
  row: number,
  col: number
): PeriodCells[] | null {
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

/** The exclusions as fen (`list`), and the rows that are not one (no label, or not an amount > 0). */
export function readExclusions(items: readonly ExclusionCells[]): { list: Exclusion[]; invalid: Set<number> } {
  const invalid = new Set<number>();
  const list: Exclusion[] = [];
  items.forEach((e, i) => {
    const amount = readAmount(e.amount);
    if (!e.label.trim() || !amount.ok || amount.fen === null || amount.fen <= 0) invalid.add(i);
    else list.push({ label: e.label.trim(), amount: amount.fen, ...(e.fromInventory ? { fromInventory: true } : {}) });
  });
  return { list, invalid };
}

/** Stored exclusions as typed cells (to edit an evaluation again). */
export const exclusionCellsOf = (list: readonly Exclusion[]): ExclusionCells[] =>
  list.map((e) => ({ label: e.label, amount: formatYuan(e.amount), fromInventory: e.fromInventory === true }));

/**
 * The characteristic sheet's texts as scores: blank → null; a text that is not a number from 0
 * to `max` counts as blank and is marked (`${factor}:${aspect}`).
 */
export function readSheetTexts(texts: readonly (readonly string[])[], max: number): { sheet: (number | null)[][]; invalid: Set<string> } {
  const invalid = new Set<string>();
  const sheet = texts.map((row, i) =>
    row.map((text, j) => {
      const s = text.normalize('NFKC').trim();
      if (s === '') return null;
      const n = Number(s);
      if (!Number.isFinite(n) || n < 0 || n > max) {
        invalid.add(`${i}:${j}`);
        return null;
      }
      return n;
    })
  );
  return { sheet, invalid };
}
