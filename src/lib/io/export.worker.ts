/**
 * The export worker: exports a grid view or the whole workspace to `.xlsx` or CSV, and makes
 * backups, off the page's main thread. ExcelJS is imported only when a workbook is written.
 */
// both languages' messages: each request names the language it is answered in
import '$lib/i18n/all-messages';
import { KebuDB } from '$lib/db/schema';
import { makeBackup, readSnapshot } from './backup';
import { runExport, type ExportRequest } from './export-job';
import { serve, type HandlerContext } from '$lib/workers/rpc';
import { ioErrors } from './worker-errors';
import { statementSheet, type StatementExport } from './statement-export';
import { writeXlsx } from './xlsx-write';

serve(
  self as unknown as Parameters<typeof serve>[0],
  {
    export: async (p: { dbName: string; request: ExportRequest }, ctx: HandlerContext) => {
      const db = new KebuDB(p.dbName);
      try {
        const result = await runExport(db, p.request, (done, total) => ctx.progress({ done, total }));
        ctx.transfer.push(result.bytes.buffer);
        return result;
      } finally {
        db.close();
      }
    },
    statement: async (p: StatementExport, ctx: HandlerContext) => {
      const bytes = await writeXlsx([statementSheet(p)], { version: 1, columns: [] });
      ctx.transfer.push(bytes.buffer);
      return { bytes, fileName: p.fileName, mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' };
    },
    backup: async (p: { dbName: string; workspace: { id: string; name: string }; createdBy: string; passphrase?: string }) => {
      const db = new KebuDB(p.dbName);
      try {
        const bytes = await makeBackup(await readSnapshot(db), { workspace: p.workspace, createdBy: p.createdBy, passphrase: p.passphrase });
        return bytes;
      } finally {
        db.close();
      }
    }
  },
  ioErrors
);
