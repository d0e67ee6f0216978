/**
 * What can go wrong with a file, as message keys (src/lib/i18n/messages/io.ts) with parameters:
 * the UI says it in the user's language. Every check that raises one runs before anything is
 * written, so a refused file changes nothing.
 */
export type IoErrorCode =
  | 'io.error.tooLarge'
  | 'io.error.empty'
  | 'io.error.notSpreadsheet'
  | 'io.error.xls'
  | 'io.error.encoding'
  | 'io.error.mergedHeader'
  | 'io.error.formula'
  | 'io.error.noHeader'
  | 'io.error.noSheet'
  | 'io.error.tooManyRows'
  | 'io.error.tooManyColumns'
  | 'io.error.cellTooLong'
  | 'io.error.unpackedTooLarge'
  | 'io.error.truncated'
  | 'io.error.nul'
  | 'io.error.storageFull'
  | 'io.error.backupFormat'
  | 'io.error.backupVersion'
  | 'io.error.backupIntegrity'
  | 'io.error.cancelled'
  | 'io.error.write'
  | 'io.error.failed';

export type IoErrorParams = Record<string, string | number>;

export class IoError extends Error {
  constructor(
    readonly code: IoErrorCode,
    readonly params: IoErrorParams = {}
  ) {
    super(`${code} ${JSON.stringify(params)}`);
    this.name = 'IoError';
  }
}

/** The largest file we read: a 200 MB spreadsheet is refused up front, before it is read. */
export const MAX_FILE_BYTES = 100 * 1024 * 1024;
/** Rows per import: more than a browser tab can hold comfortably with undo. */
export const MAX_ROWS = 500_000;
/** Columns per sheet: old Excel's 256 (IV). A customer list has a few dozen; more is a broken file. */
export const MAX_COLUMNS = 256;
/** Characters per cell: Excel's own limit (32 767); text fields hold at most 100 000 anyway. */
export const MAX_CELL_CHARS = 32_767;
/**
 * What a workbook may unpack to, all its parts together: a 500 000-row sheet of ordinary cells is
 * less; a zip bomb is stopped here, while it inflates, before its content is parsed.
 */
export const MAX_UNPACKED_BYTES = 256 * 1024 * 1024;

export const MB = 1024 * 1024;

/** A cell's address as a spreadsheet shows it: column 0, row 7 → `A7`. */
export function cellAddress(column: number, row: number): string {
  let letters = '';
  for (let n = column + 1; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return `${letters}${row}`;
}
