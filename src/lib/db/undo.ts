/**
 * Undo, redo and revert: each applies the inverse of a change set as a new change set. Undo
 * inverts the newest change set on this person's undo stack and pushes the inverse onto the redo
 * stack; redo inverts that back; `revert` inverts any one change set on request (an import, from
 * the import history). An inverse only reverts fields that still hold the value the change set
 * wrote, so undo never clobbers a later change made by somebody else. The stacks live in `meta`
 * (key `undo:<actor id>`) and survive a reload. All of it runs inside the caller's transaction.
 */
import { UNDO_KEY, UNDO_LIMIT, type ChangeSet, type Op, type UndoState } from './changes';
import type { Row } from './entries';
import { applyMutations, sameValue, type ChangeLink, type Mutation, type WriteContext } from './local-write';
import type { TableName } from './schema';

/** each person has their own stacks: undo undoes only your own changes */
export const undoKey = (actorId: string) => `${UNDO_KEY}:${actorId}`;

export async function readUndo(ctx: WriteContext): Promise<UndoState> {
  const entry = await ctx.db.meta.get(undoKey(ctx.actor.id));
  const v = entry?.value as UndoState | undefined;
  return { undo: v?.undo ?? [], redo: v?.redo ?? [] };
}

async function saveUndo(ctx: WriteContext, s: UndoState) {
  await ctx.db.meta.put({ key: undoKey(ctx.actor.id), value: s });
}

export async function pushUndo(ctx: WriteContext, id: string, clearRedo: boolean) {
  const s = await readUndo(ctx);
  s.undo.push(id);
  if (s.undo.length > UNDO_LIMIT) s.undo.splice(0, s.undo.length - UNDO_LIMIT);
  if (clearRedo) s.redo = [];
  await saveUndo(ctx, s);
}

/** The mutations that take back `cs`, for the fields that still hold what it wrote. */
export async function invert(ctx: WriteContext, cs: ChangeSet): Promise<Mutation[]> {
  const byTable = new Map<TableName, Op[]>();
  for (const op of cs.ops) {
    const list = byTable.get(op.table) ?? [];
    list.push(op);
    byTable.set(op.table, list);
  }
  const out: Mutation[] = [];
  for (const [table, ops] of byTable) {
    const current = await ctx.db.table(table).bulkGet(ops.map((o) => o.id));
    ops.forEach((op, i) => {
      const row = current[i] as Row | undefined;
      if (!row) return;
      if (op.kind === 'insert') {
        if (row.deleted === 0) out.push({ type: 'update', table, id: op.id, patch: { deleted: 1 } });
        return;
      }
      const patch: Record<string, unknown> = {};
      for (const [field, value] of Object.entries(op.after)) {
        if (sameValue(row[field], value)) patch[field] = op.before[field];
      }
      if (Object.keys(patch).length) out.push({ type: 'update', table, id: op.id, patch });
    });
  }
  return out;
}

type Applied = Awaited<ReturnType<typeof applyMutations>>;

/** Apply the inverse of `target` as a new change set (shared by undo, redo and revert). */
async function applyInverse(ctx: WriteContext, target: ChangeSet, label: string, link: ChangeLink): Promise<Applied> {
  return applyMutations(ctx, label, await invert(ctx, target), link);
}

/** Undo (or redo) the top of the stack. Null when the stack is empty or its change set is gone. */
export async function invertTop(ctx: WriteContext, which: 'undo' | 'redo'): Promise<Applied | null> {
  const s = await readUndo(ctx);
  const id = s[which].pop();
  if (!id) return null;
  const target = await ctx.db.changes.where('id').equals(id).first();
  if (!target) {
    await saveUndo(ctx, s);
    return null;
  }
  const applied = await applyInverse(ctx, target, target.label, which === 'undo' ? { undoOf: id } : { redoOf: id });
  (which === 'undo' ? s.redo : s.undo).push(applied.cs.id);
  await saveUndo(ctx, s);
  return applied;
}

/** What undoing (or redoing) the top of the stack would do, read without applying it. */
export interface HistoryPeek {
  /** the label of the change set it takes back (a message key) */
  label: string;
  /** how many records it would remove or change */
  records: number;
  /** the ids of the `settings` records among them (e.g. an import's history entry) */
  settings: string[];
}

/** Read the inverse of the top of the stack without applying it. Null when there is nothing to undo (redo). */
export async function peekTop(ctx: WriteContext, which: 'undo' | 'redo'): Promise<HistoryPeek | null> {
  const s = await readUndo(ctx);
  const id = s[which].at(-1);
  if (!id) return null;
  const target = await ctx.db.changes.where('id').equals(id).first();
  if (!target) return null;
  const inverse = await invert(ctx, target);
  // an inverse only updates (an insert is taken back by soft-deleting it)
  const touched = inverse.flatMap((m) => (m.type === 'insert' ? [] : [{ table: m.table, id: m.id }]));
  const records = new Set(touched.map((r) => `${r.table}/${r.id}`));
  const settings = touched.filter((r) => r.table === 'settings').map((r) => r.id);
  return { label: target.label, records: records.size, settings };
}

/** Take back any one change set as a new, undoable one. Null when it is not here or nothing of it is left. */
export async function revert(ctx: WriteContext, changeSetId: string, label: string): Promise<Applied | null> {
  const target = await ctx.db.changes.where('id').equals(changeSetId).first();
  if (!target) return null;
  const applied = await applyInverse(ctx, target, label, { revertOf: changeSetId });
  if (!applied.cs.ops.length) return null;
  await pushUndo(ctx, applied.cs.id, true);
  return applied;
}
