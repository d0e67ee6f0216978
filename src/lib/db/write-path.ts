/**
 * The one write path: the small facade the app writes through. Every mutation of a workspace,
 * from a cell edit to a 100 000-row import, goes through `WritePath.write`: validated, applied in
 * ONE Dexie transaction together with its change-log entry and the undo stack, and announced to
 * this tab and the others. Either all of a write commits or none of it does.
 *
 * The parts, each in its own module (README.md in this folder says why):
 *   local-write.ts   validate and apply mutations as one change set
 *   undo.ts          undo, redo and revert (the inverse of a change set), the stacks in `meta`
 *   apply-remote.ts  change sets from other devices, merged per field by field-merge.ts
 *   entries.ts       replication entries: of a local write, a snapshot, a change set read back
 *   restore.ts       a verified backup put back whole
 *   notices.ts       who hears of a committed write (this tab, other tabs, the sync replica)
 *   hybrid-clock.ts  the stamps, bounded and persisted
 *
 * A write may run in a worker (imports do): a WritePath constructed there on the same workspace
 * database with the same actor shares the undo stacks and the clock, and its notice reaches the
 * page's stores through the BroadcastChannel, with the write's replication entry (`entry`).
 */
import type { ChangeSet, Entry } from './changes';
import { applyRemote, type RemoteResult } from './apply-remote';
import { entryOf, snapshotEntries, toEntry, type Row } from './entries';
import { HybridClock, loadClock, saveClock } from './hybrid-clock';
import { applyMutations, fail, transaction, type Actor, type Mutation, type WriteContext, type WriteOptions } from './local-write';
import { IN_WORKER, LIST_LIMIT, NoticeBus, noticeOf, type ChangeNotice } from './notices';
import { restoreSnapshot, type Snapshot } from './restore';
import { UNDO_KEY } from './changes';
import { newId } from './ids';
import { isSharedDb } from './registry';
import { TABLE_NAMES, type KebuDB, type TableName } from './schema';
import { invertTop, peekTop, pushUndo, readUndo, revert, type HistoryPeek } from './undo';
import { isValidId } from './validate';

export type { Actor, Mutation, WriteOptions } from './local-write';
export type { ChangeNotice } from './notices';
export type { HistoryPeek } from './undo';
export type { RemoteResult } from './apply-remote';
export type { Snapshot } from './restore';
export { sameValue } from './local-write';
export { MAX_SKEW, MAX_STAMP_AT } from './hybrid-clock';

export class WritePath {
  readonly #db: KebuDB;
  readonly #ctx: WriteContext;
  readonly #bus: NoticeBus;

  constructor(db: KebuDB, actor: Actor, clock = new HybridClock()) {
    this.#db = db;
    this.#ctx = { db, actor, clock };
    this.#bus = new NoticeBus(db.name);
  }

  get actor(): Actor {
    return this.#ctx.actor;
  }

  /** This device's hybrid clock (hybrid-clock.ts). */
  get clock(): HybridClock {
    return this.#ctx.clock;
  }

  /** Listen to committed writes, from this tab and from other tabs of the same workspace. */
  subscribe(fn: (n: ChangeNotice) => void): () => void {
    return this.#bus.subscribe(fn);
  }

  /**
   * Listen to this WritePath's own committed change sets (write, undo, redo, revert) in their
   * replicated form, after commit. Remote entries and restored snapshots are not announced here.
   */
  onEntry(fn: (e: Entry) => void): () => void {
    return this.#bus.onEntry(fn);
  }

  destroy() {
    this.#bus.destroy();
  }

  /**
   * Validate and apply `mutations` as one atomic change set labelled `label` (a message key
   * such as 'change.edit'). Throws `WriteError` and changes nothing when any mutation is invalid.
   */
  async write(label: string, mutations: Mutation[], opts: WriteOptions = {}): Promise<ChangeSet> {
    if (opts.id !== undefined && !isValidId(opts.id)) fail({ code: 'write.bad-id', table: 'settings', index: -1 });
    opts.signal?.throwIfAborted();
    const applied = await transaction(this.#db, async () => {
      const applied = await applyMutations(this.#ctx, label, mutations, {}, opts);
      if (applied.cs.ops.length) await pushUndo(this.#ctx, applied.cs.id, true);
      return applied;
    });
    await this.#announce(applied.cs, applied.inserted);
    return applied.cs;
  }

  /** Undo the newest of this device's own writes. Returns null when there is nothing to undo. */
  async undo(): Promise<ChangeSet | null> {
    return this.#run(() => invertTop(this.#ctx, 'undo'));
  }

  async redo(): Promise<ChangeSet | null> {
    return this.#run(() => invertTop(this.#ctx, 'redo'));
  }

  /**
   * What `undo()` (`redo()`) would take back, without applying it: the label of the change set
   * and how many records it would remove or change. Null when there is nothing to undo (redo).
   */
  peekUndo(): Promise<HistoryPeek | null> {
    return peekTop(this.#ctx, 'undo');
  }

  peekRedo(): Promise<HistoryPeek | null> {
    return peekTop(this.#ctx, 'redo');
  }

  /**
   * Take back the change set `changeSetId` (any one, not only the newest): the fields that still
   * hold what it wrote get their values from before it, the records it inserted are soft-deleted.
   * One new change set (labelled `label`, linked by `revertOf`) that is pushed on the undo stack
   * like any write. Returns null when there is no such change set or nothing of it is left.
   */
  async revert(changeSetId: string, label = 'change.revert'): Promise<ChangeSet | null> {
    return this.#run(() => revert(this.#ctx, changeSetId, label));
  }

  async undoState(): Promise<{ canUndo: boolean; canRedo: boolean }> {
    const s = await readUndo(this.#ctx);
    return { canUndo: s.undo.length > 0, canRedo: s.redo.length > 0 };
  }

  /**
   * Every record of the workspace, deleted ones included, as replication entries of at most
   * `perEntry` records each, with each field's own stamp (entries.ts).
   */
  async snapshotEntries(perEntry = 2000): Promise<Entry[]> {
    await loadClock(this.#db, this.clock);
    const { id: actor, name: actorName, device } = this.actor;
    return snapshotEntries(this.#db, { actor, actorName, device, at: this.clock.now() }, perEntry);
  }

  /** How many records the workspace holds, deleted ones included (what a snapshot of it carries). */
  async recordCount(): Promise<number> {
    const counts = await Promise.all(TABLE_NAMES.map((t) => this.#db.table(t).count()));
    return counts.reduce((a, b) => a + b, 0);
  }

  /** Which of these change-set ids are in this workspace's log already (applied here). */
  async knownChangeSets(ids: readonly string[]): Promise<Set<string>> {
    const valid = ids.filter((id) => isValidId(id));
    return new Set(valid.length ? ((await this.#db.changes.where('id').anyOf(valid).keys()) as string[]) : []);
  }

  /** The replication entry of a local change set, read back from the log and the records (entries.ts). */
  entryOf(changeSetId: string): Promise<Entry | null> {
    return entryOf(this.#db, changeSetId);
  }

  /** Apply change sets made on other devices, in one transaction (apply-remote.ts). */
  async applyRemote(entries: Iterable<Entry>): Promise<RemoteResult> {
    const { result, written } = await applyRemote(this.#ctx, entries);
    if (written.size) {
      const tables: ChangeNotice['tables'] = {};
      const rows: Partial<Record<TableName, Row[]>> = {};
      for (const [t, byId] of written) {
        tables[t] = byId.size > LIST_LIMIT ? 'all' : [...byId.keys()];
        rows[t] = [...byId.values()];
      }
      const changeSet = result.applied[result.applied.length - 1] ?? 'remote';
      this.#bus.announce({ tables, changeSet, local: true, rows: rows as ChangeNotice['rows'] });
    }
    return result;
  }

  /** Replace this workspace's whole content with a verified backup (restore.ts). Not undoable. */
  async restoreSnapshot(snapshot: Snapshot, opts: Pick<WriteOptions, 'signal' | 'onProgress'> = {}): Promise<void> {
    await restoreSnapshot(this.#db, this.clock, snapshot, opts);
    const tables = Object.fromEntries(TABLE_NAMES.map((t) => [t, 'all']));
    this.#bus.announce({ tables, changeSet: `restore:${newId()}`, local: true });
  }

  /** Local, unreplicated, not undoable device state of this workspace (e.g. when it was last backed up). */
  async setMeta(key: string, value: unknown): Promise<void> {
    if (key === UNDO_KEY || key.startsWith(`${UNDO_KEY}:`) || key === 'clock') fail({ code: 'write.failed', table: 'settings', index: 0 });
    await this.#db.meta.put({ key, value });
  }

  /** Read device state written with setMeta. */
  async getMeta(key: string): Promise<unknown> {
    return (await this.#db.meta.get(key))?.value;
  }

  /** Persist the clock now (after a reload has restored it, nothing else needs this). */
  async saveClock(): Promise<void> {
    await saveClock(this.#db, this.clock);
  }

  async #run(fn: () => Promise<{ cs: ChangeSet; inserted: Map<TableName, Row[]> } | null>): Promise<ChangeSet | null> {
    // an async function: Dexie follows native awaits only inside one
    const applied = await transaction(this.#db, async () => await fn());
    if (applied) await this.#announce(applied.cs, applied.inserted);
    return applied?.cs ?? null;
  }

  /**
   * Tell this tab and the others; hand the replicated form to the entry listeners. In a worker,
   * where no replica runs, the entry of a shared workspace's write goes with the notice so that
   * the page's replica sends it.
   */
  async #announce(cs: ChangeSet, inserted: Map<TableName, Row[]>) {
    if (!cs.ops.length) return;
    const notice = noticeOf(cs);
    // built only when somebody needs it: an import of 100 000 rows would pay ~300 ms here, and
    // the page as much again to receive it
    const detached = IN_WORKER && (await isSharedDb(this.#db.name).catch(() => true));
    const entry = detached || this.#bus.wantsEntries ? toEntry(cs, inserted) : null;
    this.#bus.announce(detached && entry ? { ...notice, detached: true, entry } : notice);
    if (entry && this.#bus.wantsEntries) this.#bus.sendEntry(entry);
  }
}
