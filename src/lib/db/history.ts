/**
 * A record's history from the change log: who changed which field when, from what to what.
 * The log is read newest first and the scan stops after `scan` change sets, so a long log costs
 * a bounded read.
 */
import type { ChangeSet } from './changes';
import type { KebuDB, TableName } from './schema';

export interface HistoryEntry {
  changeSet: string;
  at: number;
  actor: string;
  actorName: string;
  device: string;
  label: string;
  /** 'lost': a concurrent value from another device that lost the merge (`after` holds it) */
  kind: 'insert' | 'update' | 'lost';
  before: Record<string, unknown>;
  after: Record<string, unknown>;
  undo: boolean;
}

export async function recordHistory(db: KebuDB, table: TableName, id: string, { limit = 50, scan = 5000 } = {}): Promise<HistoryEntry[]> {
  const out: HistoryEntry[] = [];
  let seen = 0;
  await db.changes
    .reverse()
    .until(() => out.length >= limit || seen >= scan)
    .each((cs: ChangeSet) => {
      seen++;
      for (const op of cs.ops) {
        if (op.table !== table || op.id !== id) continue;
        out.push({
          changeSet: cs.id,
          at: cs.at,
          actor: cs.actor,
          actorName: cs.actorName,
          device: cs.device,
          label: cs.label,
          kind: op.kind,
          before: op.kind === 'update' ? op.before : {},
          after: op.kind === 'update' ? op.after : {},
          undo: Boolean(cs.undoOf)
        });
      }
      for (const l of cs.lost ?? []) {
        if (l.table !== table || l.id !== id) continue;
        out.push({
          changeSet: cs.id,
          at: l.at,
          actor: l.by,
          actorName: cs.actorName,
          device: cs.device,
          label: cs.label,
          kind: 'lost',
          before: {},
          after: { [l.field]: l.value === null ? undefined : l.value },
          undo: false
        });
      }
    });
  return out;
}
