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

export const MB = 1024 * 1024;
