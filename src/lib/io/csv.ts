/**
 * Delimited text in and out, with papaparse: comma, semicolon or tab separated, quoted fields
 * with line breaks and doubled quotes, as Excel, WPS and LibreOffice write them.
 *
 * Reading checks the limits of errors.ts row by row while papaparse goes (columns, cell length,
 * rows, NUL characters) and stops at the first one exceeded, naming the cell.
 */
import Papa from 'papaparse';
import { cellAddress, IoError, MAX_CELL_CHARS, MAX_COLUMNS, MAX_ROWS } from './errors';
import { guardFormula } from './formula-guard';

export const DELIMITERS = [',', ';', '\t'] as const;
export type Delimiter = (typeof DELIMITERS)[number];
export type DelimiterChoice = Delimiter | 'auto';

export interface ParsedText {
  rows: string[][];
  delimiter: Delimiter;
}

/** Refuse row `n` (1-based among the parsed rows) when it exceeds a limit, naming the cell. */
function checkRow(row: string[], n: number, place: string): void {
  if (row.length > MAX_COLUMNS) {
    throw new IoError('io.error.tooManyColumns', { place, cell: cellAddress(MAX_COLUMNS, n), columns: row.length, max: MAX_COLUMNS });
  }
  for (let j = 0; j < row.length; j++) {
    const c = row[j];
    if (c.length > MAX_CELL_CHARS) throw new IoError('io.error.cellTooLong', { place, cell: cellAddress(j, n), max: MAX_CELL_CHARS });
    if (c.includes('\0')) throw new IoError('io.error.nul', { place, cell: cellAddress(j, n) });
  }
}

/**
 * Parse delimited text into rows of cells; wholly empty lines are dropped. Line ends may be mixed
 * (CRLF, LF, CR in one file): each ends a row. `place` names the file in messages.
 */
export function parseDelimited(text: string, choice: DelimiterChoice = 'auto', place = ''): ParsedText {
  // papaparse picks one line end for the whole file: make them one (a CR inside a quoted cell
  // becomes LF, which is what a text cell keeps anyway)
  const normal = text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
  const rows: string[][] = [];
  let failure: unknown = null;
  const result = Papa.parse<string[]>(normal, {
    delimiter: choice === 'auto' ? '' : choice,
    delimitersToGuess: [...DELIMITERS],
    newline: '\n',
    skipEmptyLines: 'greedy',
    step: (step, parser) => {
      try {
        if (rows.length > MAX_ROWS) throw new IoError('io.error.tooManyRows', { rows: `${MAX_ROWS}+`, max: MAX_ROWS });
        checkRow(step.data, rows.length + 1, place);
        rows.push(step.data);
      } catch (e) {
        failure = e;
        parser.abort();
      }
    }
  });
  if (failure) throw failure;
  const found = result.meta.delimiter as Delimiter;
  return { rows, delimiter: (DELIMITERS as readonly string[]).includes(found) ? found : ',' };
}

/**
 * CSV as Excel opens it correctly: UTF-8 with a BOM (without it Excel on Chinese Windows reads
 * GBK), CRLF line ends, fields quoted when needed, text that looks like a formula guarded.
 * `guardText(c)` tells which cells are text (numbers stay numbers).
 */
export function writeCsv(rows: readonly (readonly string[])[], isText: (row: number, col: number) => boolean): string {
  const guarded = rows.map((r, i) => r.map((cell, j) => (isText(i, j) ? guardFormula(cell) : cell)));
  return '\ufeff' + Papa.unparse(guarded, { newline: '\r\n', quotes: false }) + '\r\n';
}
