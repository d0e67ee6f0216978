/**
 * What can go wrong with a file, as message keys (src/lib/i18n/messages/io.ts) with parameters:
 * the UI says it in the user's language. Every check that raises one runs before anything is
 * written, so a refused file changes nothing. A failed write is named by its cause (writeFailure).
 */
import { WriteError } from '$lib/db/validate';

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
  | 'io.error.backupTooLarge'
  | 'io.error.truncated'
  | 'io.error.nul'
  | 'io.error.storageFull'
  | 'io.error.storageFullUnknown'
  | 'io.error.writeField'
  | 'io.error.backupFormat'
  | 'io.error.backupVersion'
  | 'io.error.backupIntegrity'
  | 'io.error.backupLocked'
  | 'io.error.backupPassphrase'
  | 'io.error.backupSealDamaged'
  | 'io.error.sealedVersion'
  | 'io.error.cancelled'
  | 'io.error.write'
  | 'io.error.purchasesRejected'
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

/** A storage quota error anywhere in an error's chain (Dexie wraps the browser's in `inner`). */
export function isStorageFull(e: unknown): boolean {
  for (let x = e, depth = 0; x && typeof x === 'object' && depth < 5; depth++) {
    const err = x as { name?: string; inner?: unknown; cause?: unknown; failures?: unknown[] };
    if (err.name === 'QuotaExceededError') return true;
    if (err.failures?.some((f) => isStorageFull(f))) return true;
    x = err.inner ?? err.cause;
  }
  return false;
}

const size = (bytes: number) => (bytes >= 1024 * MB ? `${(bytes / 1024 / MB).toFixed(1)} GB` : `${(bytes / MB).toFixed(1)} MB`);

async function estimate(): Promise<{ usage: number; quota: number } | null> {
  try {
    const { usage, quota } = (await globalThis.navigator?.storage?.estimate?.()) ?? {};
    return Number.isFinite(usage) && Number.isFinite(quota) ? { usage: usage!, quota: quota! } : null;
  } catch {
    return null;
  }
}

/** Storage full, with what this site uses and what is left when the browser says. */
export async function storageFull(known?: { usage: number; quota: number } | null): Promise<IoError> {
  const e = known ?? (await estimate());
  if (!e) return new IoError('io.error.storageFullUnknown');
  return new IoError('io.error.storageFull', { used: size(e.usage), free: size(Math.max(0, e.quota - e.usage)) });
}

/** Less than this left: a write that failed without a named cause failed for room. */
const NEARLY_FULL_BYTES = 2 * MB;

/**
 * A failed write as the user should hear it: cancelled only when the user cancelled (`signal`),
 * storage full when the browser's quota was the cause (Dexie reports it as an aborted
 * transaction; a failure without a named cause while less than 2 MB is left counts too), a
 * refused value with its table, field and problem; otherwise `fallback`.
 */
export async function writeFailure(e: unknown, signal?: AbortSignal, fallback: IoErrorCode = 'io.error.failed'): Promise<IoError> {
  if (e instanceof IoError) return e;
  if (isStorageFull(e)) return storageFull();
  if (signal?.aborted) return new IoError('io.error.cancelled');
  // a request that failed inside the transaction may reach us without its cause (the write path
  // reports it as write.failed or as a duplicate id): the storage says whether room ran out
  if (!(e instanceof WriteError && e.problem.field)) {
    const room = await estimate();
    if (room && room.quota - room.usage < NEARLY_FULL_BYTES) return storageFull(room);
  }
  if (e instanceof WriteError) {
    const { code, table, field } = e.problem;
    if (field) return new IoError('io.error.writeField', { problem: code, table, field });
    return new IoError('io.error.write', { code, field: '' });
  }
  return new IoError(fallback);
}
