/**
 * A customer statement 对账单 as one spreadsheet sheet: the page computes the statement (domain
 * `statement`) and translates the words; the export worker turns this plain payload (it crosses
 * the worker boundary, so no functions) into a sheet and writes it with the same ExcelJS writer
 * as every other export (xlsx-write.ts). Money is yuan with two decimals and a number format,
 * dates are date cells; the first row is the opening balance, the last the closing balance.
 */
import { utcDateOf } from '$lib/domain/dates';
import { yuanFromFen, yuanText } from '$lib/domain/money';
import { DATE_FORMAT, MONEY_FORMAT, textWidth, type XColumn, type XSheet } from './export-model';

export interface StatementExport {
  sheetName: string;
  fileName: string;
  headers: { date: string; description: string; invoice: string; due: string; debit: string; credit: string; balance: string };
  /** a title line written above the lines, e.g. the customer and the period */
  title: string;
  /** fen amounts; `balance` after the line */
  lines: { date: string; description: string; invoice?: string; due?: string; debit: number; credit: number; balance: number }[];
}

const yuan = (fen: unknown): number | null => (typeof fen === 'number' && Number.isFinite(fen) ? yuanFromFen(fen) : null);

export function statementSheet(s: StatementExport): XSheet {
  const rows: Record<string, unknown>[] = [{ description: s.title }, ...s.lines];
  const col = (key: string, header: string, type: XColumn['type'], numFmt?: string): XColumn => {
    const value = (r: Record<string, unknown>) =>
      type === 'money' ? yuan(r[key]) : type === 'date' ? utcDateOf(r[key]) : typeof r[key] === 'string' ? (r[key] as string) : null;
    const text = (r: Record<string, unknown>) =>
      type === 'money' ? (typeof r[key] === 'number' ? yuanText(r[key] as number) : '') : String(r[key] ?? '');
    const width = Math.min(60, Math.max(textWidth(header), ...rows.map((r) => textWidth(text(r)))) + 2);
    return { key, header, type, width, numFmt, value, text };
  };
  return {
    name: s.sheetName,
    table: 'statement',
    columns: [
      col('date', s.headers.date, 'date', DATE_FORMAT),
      col('description', s.headers.description, 'text'),
      col('invoice', s.headers.invoice, 'text'),
      col('due', s.headers.due, 'date', DATE_FORMAT),
      col('debit', s.headers.debit, 'money', MONEY_FORMAT),
      col('credit', s.headers.credit, 'money', MONEY_FORMAT),
      col('balance', s.headers.balance, 'money', MONEY_FORMAT)
    ],
    rows
  };
}
