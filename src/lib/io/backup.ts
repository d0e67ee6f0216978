/**
 * Whole-workspace backups. A backup file holds every record table (settings, custom columns and
 * saved views included) and the change log, verbatim, so that restoring gives back the workspace
 * as it was, history and all.
 *
 * File layout (gzip-compressed UTF-8 text):
 *   line 1   the header, JSON: format, version, schema version, when, which workspace, counts,
 *            and the SHA-256 of the content (hex) and its length in bytes
 *   line 2…  the content, JSON: { tables: { customers: [...], … }, changes: [...] }
 * Reading checks, before anything is written: what the file unpacks to (MAX_BACKUP_BYTES, while it
 * inflates), the format name, that the backup version and schema
 * version are not newer than this app's, the content length and hash, and the content's shape;
 * WritePath.restoreSnapshot then checks every record against the field specs. A file that fails
 * any check changes nothing.
 *
 * A backup made with a passphrase is this file sealed whole (backup-seal.ts: PBKDF2 and AES-GCM,
 * with its own versioned header); reading opens the seal first, and asks for the passphrase
 * (io.error.backupLocked) when none was given.
 */
import { CURRENT_VERSION, TABLE_NAMES, type KebuDB, type TableName } from '$lib/db/schema';
import type { ChangeSet } from '$lib/db/changes';
import { wallTime } from '$lib/db/ids';
import { localDateTimeOf } from '$lib/domain/dates';
import type { Snapshot } from '$lib/db/write-path';
import { IoError, MB } from './errors';
import { isSealed, openSealed, sealBackup } from './backup-seal';

export const BACKUP_FORMAT = 'kebu-backup';
export const BACKUP_VERSION = 1;
export const BACKUP_EXTENSION = '.kebu';
export interface BackupHeader {
  format: typeof BACKUP_FORMAT;
  version: number;
  schemaVersion: number;
  createdAt: number;
  createdBy: string;
  workspace: { id: string; name: string };
  counts: Partial<Record<TableName | 'changes', number>>;
  sha256: string;
  bytes: number;
}

export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

async function pipe(bytes: Uint8Array, stream: CompressionStream | DecompressionStream): Promise<Uint8Array> {
  const out = new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(stream);
  return new Uint8Array(await new Response(out).arrayBuffer());
}

/**
 * What a backup may unpack to: its content is one JSON string, and a JavaScript string holds at
 * most about 512 M characters. A deflate bomb stops here, while it inflates.
 */
export const MAX_BACKUP_BYTES = 512 * MB;

async function gunzipBounded(bytes: Uint8Array): Promise<Uint8Array> {
  const reader = new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new DecompressionStream('gzip')).getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > MAX_BACKUP_BYTES) {
      await reader.cancel().catch(() => {});
      throw new IoError('io.error.backupTooLarge', { max: MAX_BACKUP_BYTES / MB });
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/** Every table and the change log of a workspace, as stored. */
export async function readSnapshot(db: KebuDB): Promise<Snapshot> {
  const tables: Snapshot['tables'] = {};
  let log: ChangeSet[] = [];
  // one read transaction: a consistent picture even while someone writes
  await db.transaction('r', [...TABLE_NAMES.map((n) => db.table(n)), db.changes], async () => {
    for (const t of TABLE_NAMES) tables[t] = await db.table(t).toArray();
    log = await db.changes.orderBy('seq').toArray();
  });
  return { tables, changes: log.map(({ seq: _seq, ...cs }) => cs as ChangeSet) };
}

export async function makeBackup(
  snapshot: Snapshot,
  info: { workspace: { id: string; name: string }; createdBy: string; now?: number; passphrase?: string }
): Promise<Uint8Array> {
  const content = new TextEncoder().encode(JSON.stringify({ tables: snapshot.tables, changes: snapshot.changes }));
  const counts: BackupHeader['counts'] = { changes: snapshot.changes.length };
  for (const t of TABLE_NAMES) counts[t] = snapshot.tables[t]?.length ?? 0;
  const header: BackupHeader = {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    schemaVersion: CURRENT_VERSION,
    createdAt: info.now ?? wallTime(),
    createdBy: info.createdBy,
    workspace: info.workspace,
    counts,
    sha256: await sha256Hex(content),
    bytes: content.length
  };
  const head = new TextEncoder().encode(JSON.stringify(header) + '\n');
  const whole = new Uint8Array(head.length + content.length);
  whole.set(head, 0);
  whole.set(content, head.length);
  const packed = await pipe(whole, new CompressionStream('gzip'));
  return info.passphrase ? sealBackup(packed, info.passphrase) : packed;
}

function isRecordArray(v: unknown): v is Record<string, unknown>[] {
  return Array.isArray(v) && v.every((r) => typeof r === 'object' && r !== null && !Array.isArray(r));
}

/**
 * Read and check a backup file, opening a sealed one with `passphrase`; throws IoError (and nothing
 * is written) when it is not sound.
 */
export async function readBackup(file: Uint8Array, passphrase?: string): Promise<{ header: BackupHeader; snapshot: Snapshot }> {
  if (file.length === 0) throw new IoError('io.error.empty');
  if (isSealed(file)) file = await openSealed(file, passphrase ?? '');
  let bytes = file;
  if (file[0] === 0x1f && file[1] === 0x8b) {
    try {
      bytes = await gunzipBounded(file);
    } catch (e) {
      if (e instanceof IoError) throw e;
      throw new IoError('io.error.backupIntegrity');
    }
  }
  const nl = bytes.indexOf(0x0a);
  let header: BackupHeader;
  try {
    header = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, nl < 0 ? bytes.length : nl)));
  } catch {
    throw new IoError('io.error.backupFormat');
  }
  if (typeof header !== 'object' || header === null || header.format !== BACKUP_FORMAT || nl < 0) {
    throw new IoError('io.error.backupFormat');
  }
  if (!Number.isInteger(header.version) || !Number.isInteger(header.schemaVersion)) throw new IoError('io.error.backupFormat');
  if (header.version > BACKUP_VERSION || header.schemaVersion > CURRENT_VERSION) {
    throw new IoError('io.error.backupVersion', { version: header.version, schema: header.schemaVersion });
  }
  const content = bytes.subarray(nl + 1);
  if (content.length !== header.bytes || (await sha256Hex(content)) !== header.sha256) {
    throw new IoError('io.error.backupIntegrity');
  }
  let parsed: { tables?: unknown; changes?: unknown };
  try {
    parsed = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(content));
  } catch {
    throw new IoError('io.error.backupIntegrity');
  }
  const tables: Snapshot['tables'] = {};
  const raw = (parsed.tables ?? {}) as Record<string, unknown>;
  for (const t of TABLE_NAMES) {
    const rows = raw[t] ?? [];
    if (!isRecordArray(rows)) throw new IoError('io.error.backupFormat');
    tables[t] = rows;
  }
  if (!isRecordArray(parsed.changes)) throw new IoError('io.error.backupFormat');
  return { header, snapshot: { tables, changes: parsed.changes as unknown as ChangeSet[] } };
}

export function backupFileName(workspaceName: string, at: number): string {
  const stamp = localDateTimeOf(new Date(at)).replace(/[-:]/g, '').replace('T', '-');
  const safe = workspaceName.replace(/[\\/:*?"<>|\s]+/g, '_').slice(0, 40) || 'kebu';
  return `${safe}-${stamp}${BACKUP_EXTENSION}`;
}

export { backupIsDue, BACKUP_REMIND_DAYS, LAST_BACKUP_KEY } from './backup-status';
