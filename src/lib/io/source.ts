/**
 * A file as rows of cells: `.csv` / `.txt` (any of the encodings and delimiters in encoding.ts and
 * csv.ts) or `.xlsx` (one sheet of it, read with ExcelJS, loaded only when a workbook arrives).
 *
 * Refused up front, before anything is read or written, each with its own message: a file over
 * MAX_FILE_BYTES, an empty one, one that is not a spreadsheet (binary, or a zip that is not a
 * workbook), an old `.xls`, text in the wrong encoding, a sheet whose header row has merged cells,
 * and a sheet with a formula (its value is a computation, not data: save values only first).
 * The limits of errors.ts (cells, columns, rows, what a workbook unpacks to) are checked while the
 * file is read, so a hostile file is stopped before it is held whole (csv.ts, zip-guard.ts).
 *
 * Every cell is accounted for: a row with more cells than the header (or, in a text file, fewer)
 * is kept with its problem in `shape`, and the plan rejects it with that problem listed.
 */
import { utcIsoOf } from '$lib/domain/dates';
import { decodeText, type Encoding, type EncodingChoice } from './encoding';
import { parseDelimited, type Delimiter, type DelimiterChoice } from './csv';
import { IoError, MAX_FILE_BYTES, MAX_ROWS, MB } from './errors';
import { unguardFormula } from './formula-guard';
import { META_SHEET, parseMeta, type ExportMeta } from './meta';

/** A cell as a file holds it: text, a number, a truth value, a date (xlsx) or nothing. */
export type RawCell = string | number | boolean | Date | null;

/** A row whose cells do not line up with the header. */
export type ShapeProblem = 'io.row.extraCells' | 'io.row.missingCells';
/** The field a plan lists a row's ShapeProblem under (its label is `field._row`: "the row"). */
export const ROW_FIELD = '_row';

export interface SourceTable {
  header: string[];
  rows: RawCell[][];
  /** the file's line (CSV) or row number (xlsx) of rows[0], for messages */
  firstLine: number;
  /** rows (index into `rows`) with cells beyond the header, or missing cells in a text file */
  shape?: Map<number, ShapeProblem>;
}

export interface SourceInfo {
  kind: 'csv' | 'xlsx';
  /** the visible sheets of a workbook, in order */
  sheets: string[];
  sheet?: string;
  encoding?: Encoding;
  delimiter?: Delimiter;
  /** the hidden description a Kebu export carries (custom column types), if any */
  meta: ExportMeta | null;
}

export interface ReadOptions {
  encoding?: EncodingChoice;
  delimiter?: DelimiterChoice;
  sheet?: string;
}

export function checkSize(size: number): void {
  if (size > MAX_FILE_BYTES) {
    throw new IoError('io.error.tooLarge', { size: Math.round(size / MB), max: MAX_FILE_BYTES / MB });
  }
  if (size === 0) throw new IoError('io.error.empty');
}

const isZip = (b: Uint8Array) => b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;
const isOle = (b: Uint8Array) => b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0;

/** Read the file `name` (its bytes) into a header and rows. */
export async function readSource(name: string, bytes: Uint8Array, opts: ReadOptions = {}): Promise<{ info: SourceInfo; table: SourceTable }> {
  checkSize(bytes.length);
  if (isOle(bytes) || /\.xls$/i.test(name)) throw new IoError('io.error.xls');
  if (isZip(bytes)) {
    const { readWorkbook } = await import('./xlsx-read');
    return readWorkbook(bytes, opts.sheet);
  }
  if (/\.(xlsx|xlsm|ods|numbers|pdf|docx?|zip|png|jpe?g|gif)$/i.test(name)) throw new IoError('io.error.notSpreadsheet');
  const { text, encoding } = decodeText(bytes, opts.encoding ?? 'auto');
  const { rows, delimiter } = parseDelimited(text, opts.delimiter ?? 'auto', name);
  const table = toTable(
    rows.map((r) => r.map((c) => unguardFormula(c))),
    1,
    undefined,
    true
  );
  return { info: { kind: 'csv', sheets: [], encoding, delimiter, meta: null }, table };
}

const isBlank = (c: RawCell) => c === null || c === undefined || (typeof c === 'string' && c.trim() === '');

/**
 * The first non-empty row is the header; wholly empty rows and trailing empty columns go. A row
 * with something beyond the header's last column, or (`ragged`: a text file, where every row
 * should have every delimiter) fewer cells than the header, is noted in `shape`.
 */
export function toTable(rows: RawCell[][], firstRowNumber: number, rowNumbers?: number[], ragged = false): SourceTable {
  const at = rows.findIndex((r) => r.some((c) => !isBlank(c)));
  if (at < 0) throw new IoError('io.error.empty');
  const header = rows[at].map((c) => (c === null || c === undefined ? '' : cellToText(c).trim()));
  let width = header.length;
  while (width > 0 && header[width - 1] === '') width--;
  if (width === 0) throw new IoError('io.error.noHeader');
  const body: RawCell[][] = [];
  const shape = new Map<number, ShapeProblem>();
  let firstLine = 0;
  for (let i = at + 1; i < rows.length; i++) {
    const r = rows[i];
    let any = false;
    let extra = false;
    for (let j = 0; j < r.length; j++) {
      if (isBlank(r[j] ?? null)) continue;
      if (j < width) any = true;
      else extra = true;
    }
    if (!any && !extra) continue;
    if (!firstLine) firstLine = rowNumbers ? rowNumbers[i] : firstRowNumber + i;
    if (extra) shape.set(body.length, 'io.row.extraCells');
    else if (ragged && r.length < width) shape.set(body.length, 'io.row.missingCells');
    body.push(r.length === width ? r : Array.from({ length: width }, (_, j) => r[j] ?? null));
  }
  if (body.length === 0) throw new IoError('io.error.empty');
  if (body.length > MAX_ROWS) throw new IoError('io.error.tooManyRows', { rows: body.length, max: MAX_ROWS });
  return { header: header.slice(0, width), rows: body, firstLine, ...(shape.size ? { shape } : {}) };
}

/** A calendar date of a workbook date cell (workbooks store dates without a zone: read as UTC). */
export function dateToIso(d: Date): string {
  const iso = utcIsoOf(d);
  if (iso === null) throw new RangeError('Invalid time value');
  return iso;
}

/** A cell as the text a person would type for it. */
export function cellToText(c: RawCell): string {
  if (c === null || c === undefined) return '';
  if (typeof c === 'string') return c;
  if (typeof c === 'number') return String(c);
  if (typeof c === 'boolean') return c ? 'TRUE' : 'FALSE';
  return dateToIso(c);
}

export { META_SHEET, parseMeta };
