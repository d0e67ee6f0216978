/**
 * The import worker: reads and checks files, plans and commits imports, reverts them, and checks
 * and restores backups, off the page's main thread. It opens the workspace's own database and
 * writes through a WritePath with the page's actor, so the undo stack is shared and the page's
 * stores hear of the write through the WritePath's BroadcastChannel.
 */
// both languages' messages: each request names the language it is answered in
import '$lib/i18n/all-messages';
import type { Actor } from '$lib/db/write-path';
import { WritePath } from '$lib/db/write-path';
import { KebuDB, type TableName } from '$lib/db/schema';
import type { Locale } from '$lib/i18n/messages/define';
import { readBackup, type BackupHeader } from './backup';
import { IoError, writeFailure } from './errors';
import { ImportSession } from './import-session';
import type { ColumnMapping } from './mapping';
import type { PlanOptions, RowStatus } from './plan';
import { serve, type HandlerContext } from '$lib/workers/rpc';
import { ioErrors } from './worker-errors';
import type { ReadOptions } from './source';
import type { Snapshot } from '$lib/db/write-path';

let db: KebuDB | null = null;
let session: ImportSession | null = null;
let actor: Actor | null = null;
let backup: Snapshot | null = null;

function need(): ImportSession {
  if (!session) throw new IoError('io.error.failed');
  return session;
}

serve(
  self as unknown as Parameters<typeof serve>[0],
  {
    init: (p: { dbName: string; actor: Actor; locale: Locale }) => {
      session?.destroy();
      db?.close();
      db = new KebuDB(p.dbName);
      actor = p.actor;
      session = new ImportSession(db, p.actor, p.locale);
      return true;
    },
    open: (p: { fileName: string; file: Blob | null; options: ReadOptions }) => need().open(p.fileName, p.file, p.options),
    suggest: (p: { table: TableName }) => need().suggest(p.table),
    plan: (p: { table: TableName; mapping: ColumnMapping[]; options: PlanOptions }) => need().plan(p.table, p.mapping, p.options),
    page: (p: { status: RowStatus | 'all'; offset: number; limit: number }) => need().page(p.status, p.offset, p.limit),
    commit: (_p: unknown, ctx: HandlerContext) => need().commit({ signal: ctx.signal, onProgress: (done, total) => ctx.progress({ done, total }) }),
    revert: (p: { changeSet: string }) => need().revert(p.changeSet),
    checkBackup: async (p: { file: Blob; passphrase?: string }): Promise<BackupHeader> => {
      const { header, snapshot } = await readBackup(new Uint8Array(await p.file.arrayBuffer()), p.passphrase);
      backup = snapshot;
      return header;
    },
    restore: async (p: { dbName: string }, ctx: HandlerContext) => {
      if (!backup || !actor) throw new IoError('io.error.failed');
      const target = new KebuDB(p.dbName);
      const writes = new WritePath(target, actor);
      try {
        await writes.restoreSnapshot(backup, { signal: ctx.signal, onProgress: (done, total) => ctx.progress({ done, total }) });
      } catch (e) {
        throw await writeFailure(e, ctx.signal);
      } finally {
        writes.destroy();
        target.close();
      }
      backup = null;
      return true;
    }
  },
  ioErrors
);
