/**
 * Applying change sets made on other devices (src/lib/sync), in ONE transaction. Per field the
 * write with the greater stamp wins (field-merge.ts), so the result does not depend on the order
 * entries arrive in, and applying one twice does nothing. An insert creates the record when it is
 * missing and merges field by field when it is not. Each entry is checked first (stamps within
 * the clock's bound, fields against TABLE_FIELDS and the custom columns, including those the same
 * batch inserts); a refused entry writes nothing and the others still apply. Each applied entry
 * is appended to `changes` as one `remote: true` change set with its own id; an entry whose id is
 * already there is skipped. The undo stacks are not touched.
 *
 * Clock: only an accepted entry moves this device's clock (to its greatest stamp), and an entry
 * stamped more than MAX_SKEW ahead of this device's own time is refused as `write.future`.
 *
 * Entries are taken in groups of about GROUP records: one round of reads per group, merge, then
 * the group's writes are issued without waiting, so IndexedDB stores one group while the next is
 * decoded (`entries` may be lazy) and merged.
 */
import type { Table } from 'dexie';
import type { CustomColumn } from '$lib/domain/records/types';
import type { ChangeSet, Entry, EntryOp, FieldWrite, LostWrite, Op } from './changes';
import type { Row } from './entries';
import { lastWrites, recordKey, storedWrite, wins } from './field-merge';
import { loadClock, MAX_STAMP_AT, saveClock } from './hybrid-clock';
import { sameValue, transaction, type WriteContext } from './local-write';
import { TABLE_NAMES, type TableName } from './schema';
import { isEnvelopeField, isValidId, Validator } from './validate';

/** About how many records applyRemote merges before sending them to IndexedDB. */
const GROUP = 2000;

/** What `applyRemote` did with each entry it was given (entries already in the log are in neither list). */
export interface RemoteResult {
  applied: string[];
  /**
   * `reason` starts with a WriteErrorCode, or `write.future` (a stamp too far ahead of this
   * device's clock); 'write.not-found' means "the record is not here yet"
   */
  refused: { id: string; reason: string }[];
}

/** What one applyRemote call reads once and writes once: records by `table/id`, the changed ones, the log. */
interface RemoteBatch {
  rows: Map<string, Row | undefined>;
  dirty: Map<TableName, Set<string>>;
  changeSets: ChangeSet[];
  /** every custom column, removed ones included, and those the batch inserted so far */
  columns: CustomColumn[];
  /** the validator for the batch's columns, until an entry adds one */
  validator?: Validator;
  /** tables that were empty when first named (their records need not be looked up) */
  wasEmpty: Map<TableName, boolean>;
  /** entry ids in the log */
  here: Set<string>;
  logSize: number;
}

const isTable = (t: unknown): t is TableName => (TABLE_NAMES as readonly unknown[]).includes(t);

/** The next group of entries, about GROUP records. */
function takeGroup(iterator: Iterator<Entry>): Entry[] {
  const group: Entry[] = [];
  for (let size = 0; size < GROUP;) {
    const next = iterator.next();
    if (next.done) break;
    group.push(next.value);
    size += Array.isArray(next.value.ops) ? next.value.ops.length : 1;
  }
  return group;
}

/** One round of reads: which entries are here already, whether tables named first were empty, then the records. */
async function readGroup(ctx: WriteContext, group: Entry[], batch: RemoteBatch) {
  const { db } = ctx;
  const named = new Set<TableName>();
  for (const e of group) {
    if (!Array.isArray(e.ops)) continue;
    for (const op of e.ops) if (isTable(op?.t) && !batch.wasEmpty.has(op.t)) named.add(op.t);
  }
  const ids = group.map((e) => e.id).filter((id) => isValidId(id));
  const [present, ...counts] = await Promise.all([
    batch.logSize ? (db.changes.where('id').anyOf(ids).keys() as Promise<string[]>) : [],
    ...[...named].map((t) => db.table(t).count())
  ]);
  for (const id of present) batch.here.add(id);
  [...named].forEach((t, i) => batch.wasEmpty.set(t, counts[i] === 0));
  const wanted = new Map<TableName, string[]>();
  for (const e of group) {
    if (batch.here.has(e.id) || !Array.isArray(e.ops)) continue;
    for (const op of e.ops) {
      if (!isTable(op?.t) || !isValidId(op.id)) continue;
      const key = recordKey(op.t, op.id);
      if (batch.rows.has(key)) continue;
      batch.rows.set(key, undefined);
      if (batch.wasEmpty.get(op.t)) continue;
      let list = wanted.get(op.t);
      if (!list) wanted.set(op.t, (list = []));
      list.push(op.id);
    }
  }
  await Promise.all(
    [...wanted].map(async ([t, list]) => {
      const got = (await db.table(t).bulkGet(list)) as (Row | undefined)[];
      list.forEach((id, i) => batch.rows.set(recordKey(t, id), got[i]));
    })
  );
}

/**
 * Apply `entries` in one transaction. Returns what was applied and refused, and every record
 * written, as committed (a record written by two groups: its last version).
 */
export async function applyRemote(
  ctx: WriteContext,
  entries: Iterable<Entry>
): Promise<{ result: RemoteResult; written: Map<TableName, Map<string, Row>> }> {
  const result: RemoteResult = { applied: [], refused: [] };
  const written = new Map<TableName, Map<string, Row>>();
  const { db } = ctx;
  await transaction(db, async () => {
    // removed columns count too: whether a value is accepted must not depend on what was seen
    const [stored, logSize] = await Promise.all([db.customColumns.toArray(), db.changes.count(), loadClock(db, ctx.clock)]);
    const batch: RemoteBatch = {
      rows: new Map(),
      dirty: new Map(),
      changeSets: [],
      columns: stored.map((c) => ({ ...c, deleted: 0 as const })),
      wasEmpty: new Map(),
      here: new Set(),
      logSize
    };
    const writes: Promise<unknown>[] = [];
    const iterator = entries[Symbol.iterator]();
    for (let group = takeGroup(iterator); group.length; group = takeGroup(iterator)) {
      await readGroup(ctx, group, batch);
      for (const entry of group) {
        if (batch.here.has(entry.id)) continue;
        const reason = applyEntry(ctx, entry, batch);
        if (reason) result.refused.push({ id: entry.id, reason });
        else {
          result.applied.push(entry.id);
          batch.here.add(entry.id);
        }
      }
      // then the group's writes, not awaited: IndexedDB stores them while the next group is taken
      for (const [t, keys] of batch.dirty) {
        const put = [...keys].map((key) => batch.rows.get(key) as Row);
        let rows = written.get(t);
        if (!rows) written.set(t, (rows = new Map()));
        for (const row of put) rows.set(row.id, row);
        writes.push(db.table(t).bulkPut(put));
      }
      if (batch.changeSets.length) writes.push((db.changes as Table<ChangeSet, number>).bulkAdd(batch.changeSets));
      batch.dirty = new Map();
      batch.changeSets = [];
    }
    if (result.applied.length) writes.push(saveClock(db, ctx.clock));
    await Promise.all(writes);
  });
  return { result, written };
}

/** A stamp's problem: not a time at all, or further ahead than this device accepts. */
function badStamp(ctx: WriteContext, at: unknown): 'failed' | 'future' | null {
  if (typeof at !== 'number' || !Number.isFinite(at) || at > MAX_STAMP_AT) return 'failed';
  return ctx.clock.accepts(at) ? null : 'future';
}

/** A short, printable name of the device an entry says it came from. */
export const deviceOf = (entry: Pick<Entry, 'device'>) => (typeof entry.device === 'string' && entry.device ? entry.device.slice(0, 60) : '?');

/**
 * Check every op of an entry, before anything is written. Returns why it is refused, or the
 * record keys of its ops and its greatest stamp.
 */
function checkEntry(ctx: WriteContext, entry: Entry, validator: Validator): string | { keys: string[]; max: number } {
  const stampProblem = badStamp(ctx, entry.at);
  if (stampProblem === 'future') return `write.future ${deviceOf(entry)}`;
  if (stampProblem) return 'write.failed entry';
  const ops = entry.ops;
  const keys: string[] = new Array(ops.length);
  let max = entry.at;
  for (let index = 0; index < ops.length; index++) {
    const op = ops[index];
    if (!isTable(op.t)) return `write.failed ${String(op.t)}`;
    if (!isValidId(op.id)) return `write.bad-id ${op.t}`;
    keys[index] = recordKey(op.t, op.id);
    const values: Record<string, unknown> = {};
    for (const field in op.f) {
      if (!Object.hasOwn(op.f, field)) continue;
      const w = op.f[field];
      if (!Array.isArray(w) || w.length !== 3 || typeof w[2] !== 'string') return `write.failed ${keys[index]}.${field}`;
      const problem = badStamp(ctx, w[1]);
      if (problem === 'future') return `write.future ${deviceOf(entry)}`;
      if (problem) return `write.failed ${keys[index]}.${field}`;
      if (w[1] > max) max = w[1];
      if (field === 'deleted') {
        if (w[0] !== 0 && w[0] !== 1) return `write.failed ${keys[index]}.deleted`;
      } else if (isEnvelopeField(field)) return `write.unknown-field ${keys[index]}.${field}`;
      else values[field] = w[0] === null ? undefined : w[0];
    }
    if (op.ins && !op.f.deleted) return `write.failed ${keys[index]}.deleted`;
    const problem = validator.check(op.t, values, op.ins === 1, index);
    if (problem) return `${problem.code} ${keys[index]}${problem.field ? `.${problem.field}` : ''}`;
  }
  return { keys, max };
}

/** The custom columns an entry inserts. */
function columnsAdded(entry: Entry): CustomColumn[] {
  const added: CustomColumn[] = [];
  for (const op of entry.ops) {
    if (op.ins && op.t === 'customColumns' && isValidId(op.id)) {
      const col: Record<string, unknown> = { id: op.id, deleted: 0 };
      for (const k in op.f) if (Object.hasOwn(op.f, k) && !isEnvelopeField(k)) col[k] = op.f[k][0];
      added.push(col as unknown as CustomColumn);
    }
  }
  return added;
}

/**
 * Check and merge one remote entry (inside applyRemote's transaction). Returns why it was
 * refused, or null. Synchronous on purpose: applyRemote read every record up front, and an
 * IndexedDB transaction with no request pending across an await may commit under us (Dexie's
 * PrematureCommitError).
 */
function applyEntry(ctx: WriteContext, entry: Entry, batch: RemoteBatch): string | null {
  if (!isValidId(entry.id) || !Array.isArray(entry.ops) || !Number.isFinite(entry.at)) return 'write.failed entry';
  const added = columnsAdded(entry);
  const validator = added.length ? new Validator([...batch.columns, ...added]) : (batch.validator ??= new Validator(batch.columns));
  const checked = checkEntry(ctx, entry, validator);
  if (typeof checked === 'string') return checked;
  const { keys } = checked;
  const ops = entry.ops;
  // the batch read every record up front; records written by earlier entries of the batch are there
  const exists = new Set<string>();
  for (const key of keys) if (batch.rows.get(key)) exists.add(key);
  for (let i = 0; i < ops.length; i++) {
    if (ops[i].ins) exists.add(keys[i]);
    else if (!exists.has(keys[i])) return `write.not-found ${keys[i]}`;
  }
  // within one entry only the last write of a field counts (only an entry naming a record twice
  // needs the lookup: a snapshot of 2 000 records never does)
  const last = exists.size < ops.length ? lastWrites(entry) : null;
  const changes: Op[] = [];
  const lost: LostWrite[] = [];
  for (let i = 0; i < ops.length; i++) {
    const op = ops[i];
    const row = batch.rows.get(keys[i]);
    let next: Row;
    if (row) {
      const merged = mergeOp(op, keys[i], row, last, lost);
      if (!merged) continue;
      next = merged.next;
      if (merged.change) changes.push(merged.change);
    } else {
      next = newRow(op, keys[i], last);
      changes.push({ kind: 'insert', table: op.t, id: op.id });
    }
    batch.rows.set(keys[i], next);
    let dirty = batch.dirty.get(op.t);
    if (!dirty) batch.dirty.set(op.t, (dirty = new Set()));
    dirty.add(keys[i]);
  }
  const { id, actor, actorName, device, at, label } = entry;
  batch.changeSets.push({ id, actor, actorName, device, at, label, ops: changes, remote: true, ...(lost.length ? { lost } : {}) });
  if (added.length) {
    batch.columns.push(...added);
    batch.validator = undefined;
  }
  ctx.clock.observe(checked.max);
  return null;
}

/** Move a record's `updatedAt/By` up to a write's stamp. */
function touch(next: Row, w: FieldWrite) {
  if (w[1] > next.updatedAt || (w[1] === next.updatedAt && w[2] > next.updatedBy)) {
    next.updatedAt = w[1];
    next.updatedBy = w[2];
  }
}

/**
 * Merge one op into a stored record, field by field. Null when no field won; else the new record
 * and the change it made (none when only stamps moved). Writes that lost are kept in `lost`.
 */
function mergeOp(
  op: EntryOp,
  key: string,
  row: Row,
  last: Map<string, FieldWrite> | null,
  lost: LostWrite[]
): { next: Row; change: Op | null } | null {
  const next = { ...row } as Row;
  const stamps = { ...(row._f ?? {}) };
  const before: Record<string, unknown> = {};
  const after: Record<string, unknown> = {};
  let changed = false;
  for (const field in op.f) {
    if (!Object.hasOwn(op.f, field)) continue;
    const w = op.f[field];
    if (last && last.get(`${key}.${field}`) !== w) continue;
    const value = w[0] === null ? undefined : w[0];
    const current = storedWrite(row, field);
    if (!wins(w, current)) {
      // a concurrent write that lost: keep it for the record's history (it may be restored)
      if (field !== 'deleted' && current && !sameValue(current[0], value))
        lost.push({ table: op.t, id: op.id, field, value: w[0], at: w[1], by: w[2] });
      continue;
    }
    changed = true;
    if (op.ins && w[1] === next.createdAt && w[2] === next.createdBy) delete stamps[field];
    else stamps[field] = { at: w[1], by: w[2] };
    if (!sameValue(next[field], value)) {
      before[field] = next[field];
      after[field] = value;
    }
    if (value === undefined) delete next[field];
    else next[field] = value;
    touch(next, w);
  }
  if (!changed) return null;
  if (Object.keys(stamps).length) next._f = stamps;
  else delete next._f;
  return { next, change: Object.keys(after).length ? { kind: 'update', table: op.t, id: op.id, before, after } : null };
}

/**
 * A record that is not here yet, from its insert op: every field wins (only the last write of
 * a field in the entry counts). Fields stamped with the creation stamp (that of `deleted: 0`)
 * keep no stamp of their own.
 */
function newRow(op: EntryOp, key: string, last: Map<string, FieldWrite> | null): Row {
  const [, createdAt, createdBy] = op.f.deleted;
  const next = { id: op.id, deleted: 0, createdAt, createdBy, updatedAt: createdAt, updatedBy: createdBy } as Row;
  let stamps: Record<string, { at: number; by: string }> | undefined;
  for (const field in op.f) {
    if (!Object.hasOwn(op.f, field)) continue;
    const w = op.f[field];
    if (last && last.get(`${key}.${field}`) !== w) continue;
    if (w[1] !== createdAt || w[2] !== createdBy) (stamps ??= {})[field] = { at: w[1], by: w[2] };
    if (w[0] !== null) next[field] = w[0];
    touch(next, w);
  }
  if (stamps) next._f = stamps;
  return next;
}
