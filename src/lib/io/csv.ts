/**
 * Delimited text in and out, with papaparse: comma, semicolon or tab separated, quoted fields
 * with line breaks and doubled quotes, as Excel, WPS and LibreOffice write them.
 */
import Papa from 'papaparse';
import { guardFormula } from './formula-guard';

export const DELIMITERS = [',', ';', '\t'] as const;
export type Delimiter = (typeof DELIMITERS)[number];
export type DelimiterChoice = Delimiter | 'auto';

export interface ParsedText {
  rows: string[][];
  delimiter: Delimiter;
}

/** Parse delimited text into rows of cells; wholly empty lines are dropped. */
export function parseDelimited(text: string, choice: DelimiterChoice = 'auto'): ParsedText {
  const result = Papa.parse<string[]>(text, {
    delimiter: choice === 'auto' ? '' : choice,
    delimitersToGuess: [...DELIMITERS],
    skipEmptyLines: 'greedy'
  });
  const found = result.meta.delimiter as Delimiter;
  return { rows: result.data, delimiter: (DELIMITERS as readonly string[]).includes(found) ? found : ',' };
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
