/**
 * The import history: one `settings` record `import.<changeSetId>` per import, written in the
 * import's own write (import-session.ts). Reverting the import soft-deletes it with everything
 * else the import wrote, so a deleted entry is a reverted import (who and when: its stamps).
 */
import type { KebuDB, TableName } from '$lib/db/schema';
import type { RowStatus } from './plan';

export const HISTORY_PREFIX = 'import.';

export interface ImportHistoryValue {
  table: TableName;
  file: string;
  sheet?: string;
  at: number;
  by: string;
  byName: string;
  changeSet: string;
  counts: Record<RowStatus, number>;
  columns: number;
}

export interface ImportHistoryEntry {
  id: string;
  value: ImportHistoryValue;
  reverted: boolean;
  /** when the entry last changed: the revert, for a reverted import */
  changedAt: number;
}

/** The import history of a workspace, newest first. */
export async function importHistory(db: KebuDB): Promise<ImportHistoryEntry[]> {
  const rows = await db.settings.where('id').startsWith(HISTORY_PREFIX).toArray();
  return rows
    .filter((r) => typeof r.value === 'object' && r.value !== null)
    .map((r) => ({ id: r.id, value: r.value as ImportHistoryValue, reverted: r.deleted === 1, changedAt: r.updatedAt }))
    .sort((a, b) => b.value.at - a.value.at);
}
