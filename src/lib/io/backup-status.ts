/**
 * When a workspace was last backed up on this device (`meta` entry, local and not replicated),
 * and whether it is time to remind the user: browsers may clear site storage.
 */
import { wallTime } from '$lib/db/ids';
import type { KebuDB } from '$lib/db/schema';

export const LAST_BACKUP_KEY = 'lastBackup';
/** a backup older than this many days gets a reminder */
export const BACKUP_REMIND_DAYS = 7;
export const DAY_MS = 86_400_000;

export async function lastBackupAt(db: KebuDB): Promise<number | null> {
  const entry = await db.meta.get(LAST_BACKUP_KEY);
  const at = (entry?.value as { at?: unknown } | undefined)?.at;
  return typeof at === 'number' ? at : null;
}

/** True when the workspace should be backed up: never backed up (with data), or long ago. */
export function backupIsDue(lastBackup: number | null, hasData: boolean, now = wallTime()): boolean {
  if (!hasData) return false;
  return lastBackup === null || now - lastBackup > BACKUP_REMIND_DAYS * DAY_MS;
}
