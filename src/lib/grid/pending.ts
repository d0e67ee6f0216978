/**
 * Edits on their way to the page: shown at once, kept until the rows that include them arrive,
 * dropped on error (the old value shows again). Keys are `rowId \0 column`.
 */
import type { CellEdit } from './types';

export interface Pending {
  value: unknown;
  /** rows array current when the save finished; the entry is stale once rows change */
  doneAt: readonly unknown[] | null;
}

export const pendingKey = (rowId: string, column: string): string => `${rowId}\u0000${column}`;

/** The map with `edits` marked as saving, and their keys (none for a very large commit). */
export function markPending(map: ReadonlyMap<string, Pending>, edits: readonly CellEdit[]): { next: Map<string, Pending>; keys: string[] } {
  const next = new Map(map);
  const keys: string[] = [];
  if (edits.length > 5000) return { next, keys };
  for (const e of edits) {
    const k = pendingKey(e.rowId, e.column);
    next.set(k, { value: e.value, doneAt: null });
    keys.push(k);
  }
  return { next, keys };
}

/** The map after a save of `keys` finished: dropped on error, else marked done at `rows`. */
export function settlePending(
  map: ReadonlyMap<string, Pending>,
  keys: readonly string[],
  error: boolean,
  rows: readonly unknown[]
): Map<string, Pending> {
  const next = new Map(map);
  for (const k of keys) {
    const p = next.get(k);
    if (!p || p.doneAt) continue;
    if (error) next.delete(k);
    else next.set(k, { ...p, doneAt: rows });
  }
  return next;
}
