/**
 * Making a backup from the page: the export worker reads the workspace and writes the file (sealed
 * with `passphrase` when one is given), the page offers it as a download and notes the time
 * (`meta`, this device only) for the reminder.
 */
import { clock } from '$lib/app/clock.svelte';
import type { OpenWorkspace } from '$lib/db/workspace';
import { LAST_BACKUP_KEY } from '$lib/io/backup-status';

export const BACKUP_EVENT = 'kebu:backup';

export async function backupNow(ws: OpenWorkspace, createdBy: string, passphrase?: string): Promise<string> {
  const [{ exportWorker, download }, { backupFileName }] = await Promise.all([import('$lib/io/client'), import('$lib/io/backup')]);
  const worker = exportWorker();
  try {
    const bytes = await worker.call<Uint8Array>('backup', {
      dbName: ws.db.name,
      workspace: { id: ws.info.id, name: ws.info.name },
      createdBy,
      passphrase
    });
    const at = clock.now();
    const fileName = backupFileName(ws.info.name, at);
    download(bytes, fileName, passphrase ? 'application/octet-stream' : 'application/gzip');
    await ws.writes.setMeta(LAST_BACKUP_KEY, { at });
    window.dispatchEvent(new CustomEvent(BACKUP_EVENT));
    return fileName;
  } finally {
    worker.terminate();
  }
}
