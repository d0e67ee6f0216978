/**
 * Random operations, fixed seeds, checked convergence (STYLE item 11, after Yjs's tests/testHelper.js).
 *
 * PEERS workspaces (fake-indexeddb Dexie + WritePath + Y.Doc + Replica) exchange Yjs updates over a
 * simulated network: per-link queues delivered out of order, with drops, and peers that go
 * offline and come back (a full state exchange on reconnect, as real providers do). Each peer's
 * clock is skewed: one 10 minutes fast, one 10 minutes slow, the others up to ±10 minutes. Each
 * step is a random operation: insert, edit (also the same field of one record on two peers at
 * once), delete racing an edit, delete, restore, undo, a hostile element pushed raw into a log
 * (malformed, invalid, or well-formed with stamps a day ahead or at the end of dates), deliveries,
 * disconnect/reconnect, reloads (the Y.Doc rebuilt from its stored update, the database
 * reopened, a new WritePath and clock and Replica: every device state rebuilt from storage), and
 * compactions (a new epoch from one device's snapshot) with a device offline across them that
 * keeps editing. At the end: every Y document equal, every Dexie table equal field by field, the
 * Dexie state equal to the pure merge of every entry any device wrote (nothing lost, nothing
 * deleted brought back), the old logs emptied, and the merge rules hold.
 *
 * CI budget: 12 seeds × 120 operations (a few seconds). Longer:  KEBU_FUZZ_SEEDS=200 KEBU_FUZZ_OPS=400 npx vitest run src/lib/sync
 * Replay one seed:                            KEBU_FUZZ_SEED=1234 KEBU_FUZZ_OPS=400 npx vitest run src/lib/sync/convergence
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { compareWrite, type FieldWrite } from '$lib/db/changes';
import { HybridClock } from '$lib/db/hybrid-clock';
import { KebuDB, TABLE_NAMES } from '$lib/db/schema';
import { WritePath } from '$lib/db/write-path';
import { TIERS } from '$lib/domain/records/types';
import { decodeEntry, type Entry } from './entry';
import { FIRST_LOG, logName } from './epoch';
import { readEpochs } from './epoch-log';
import { fieldHistory, mergeEntries, recordKey } from './merge';
import { HOSTILE_ELEMENTS } from './fuzz-hostile';
import { Replica } from './replica';
import { createRng } from '$lib/domain/records/rng';

const SEEDS = Number(process.env.KEBU_FUZZ_SEEDS ?? 12);
const OPS = Number(process.env.KEBU_FUZZ_OPS ?? 120);
const ONE_SEED = process.env.KEBU_FUZZ_SEED;
const PEERS = 4;
const NET = Symbol('network');
const HOSTILE = Symbol('hostile');
const MINUTES_10 = 600_000;

interface Peer {
  i: number;
  name: string;
  /** how far this device's wall clock is off (ms) */
  skew: number;
  db: KebuDB;
  wp: WritePath;
  doc: Y.Doc;
  replica: Replica;
  online: boolean;
}

const peersToClose: Peer[] = [];
afterEach(async () => {
  vi.restoreAllMocks();
  for (const p of peersToClose.splice(0)) {
    p.replica.destroy();
    p.wp.destroy();
    p.doc.destroy();
    p.db.close();
    await p.db.delete();
  }
});

let run = 0;

/** The simulated network and the peers on it; `now` is the true time, each peer's wall clock is skewed. */
function network(seed: number, r: ReturnType<typeof createRng>, time: { now: number }) {
  const queues = new Map<string, Uint8Array[]>();
  const link = (from: number, to: number) => {
    const k = `${from}>${to}`;
    let q = queues.get(k);
    if (!q) queues.set(k, (q = []));
    return q;
  };
  const peers: Peer[] = [];
  /** every entry any device wrote: the reference the end state is the merge of */
  const written = new Map<string, Entry>();
  /** a device's Y.Doc, WritePath (with its own clock) and Replica on its database, as a page load makes them */
  const load = (p: Peer, stored?: Uint8Array) => {
    p.db = new KebuDB(p.name);
    p.wp = new WritePath(p.db, { id: `peer${p.i}`, name: `Peer ${p.i}`, device: `d${p.i}` }, new HybridClock(() => time.now + p.skew));
    p.wp.onEntry((e) => written.set(e.id, e));
    p.doc = new Y.Doc();
    if (stored) Y.applyUpdate(p.doc, stored, NET);
    p.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === NET || !p.online) return; // a provider sends only what happened here
      for (const other of peers) if (other !== p && other.online) link(p.i, other.i).push(update);
    });
    p.replica = new Replica(p.doc, p.wp);
  };
  const skews = [MINUTES_10, -MINUTES_10, r.int(-MINUTES_10, MINUTES_10), r.int(-MINUTES_10, MINUTES_10)];
  for (let i = 0; i < PEERS; i++) {
    const p = { i, name: `fuzz-${run}-${seed}-${i}`, skew: skews[i], online: true } as Peer;
    load(p);
    peers.push(p);
    peersToClose.push(p);
  }
  const exchange = (a: Peer, b: Peer) => {
    Y.applyUpdate(b.doc, Y.encodeStateAsUpdate(a.doc, Y.encodeStateVector(b.doc)), NET);
    Y.applyUpdate(a.doc, Y.encodeStateAsUpdate(b.doc, Y.encodeStateVector(a.doc)), NET);
  };
  const deliver = (count: number) => {
    for (let k = 0; k < count; k++) {
      const links = [...queues].filter(([, q]) => q.length);
      if (!links.length) return;
      const [key, q] = r.pick(links);
      const [, to] = key.split('>').map(Number);
      // mostly in order, sometimes a later message first (delay), sometimes lost (drop)
      const idx = r.chance(0.7) ? 0 : r.int(0, q.length - 1);
      const [update] = q.splice(idx, 1);
      if (r.chance(0.1) || !peers[to].online) continue;
      Y.applyUpdate(peers[to].doc, update, NET);
    }
  };
  const toggle = (p: Peer) => {
    if (p.online) {
      p.online = false;
      for (const [k, q] of queues) if (k.split('>').map(Number).includes(p.i)) q.length = 0;
    } else {
      p.online = true;
      for (const other of peers) if (other !== p && other.online) exchange(p, other);
    }
  };
  /** a reload: what was received is applied first (as y-indexeddb stores it), then everything is rebuilt from storage */
  const reload = async (p: Peer) => {
    await p.replica.flushed();
    const stored = Y.encodeStateAsUpdate(p.doc);
    p.replica.destroy();
    p.wp.destroy();
    p.doc.destroy();
    p.db.close();
    load(p, stored);
    await p.replica.whenSynced;
  };
  return { peers, exchange, deliver, toggle, reload, written };
}

interface Run {
  r: ReturnType<typeof createRng>;
  time: { now: number };
  net: ReturnType<typeof network>;
  created: string[];
  hostile: number;
  /** log items deleted by a member with a raw Yjs client */
  deleted: number;
  /** compactions started */
  compactions: number;
  concurrent: { id: string; field: string; entries: string[] }[];
  races: { id: string; del: string; edit: string }[];
}

const FIELDS = ['name', 'city', 'tier', 'notes', 'tags'] as const;
function valueFor(r: Run['r'], field: string, step: number, p: number): unknown {
  switch (field) {
    case 'tier':
      return r.pick(TIERS);
    case 'tags':
      return r.chance(0.3) ? undefined : [`t${r.int(0, 2)}`, `s${step}`];
    case 'notes':
      return r.chance(0.3) ? undefined : `note ${step}/${p}`;
    default:
      return `${field} ${step}/${p}`;
  }
}

/** a record that peer `p` has, or null */
async function pickRecord(run: Run, p: Peer): Promise<string | null> {
  if (!run.created.length) return null;
  for (let tries = 0; tries < 4; tries++) {
    const id = run.created[run.r.int(0, run.created.length - 1)];
    if (await p.db.customers.get(id)) return id;
  }
  return null;
}

const edit = async (p: Peer, id: string, patch: Record<string, unknown>) =>
  (await p.wp.write('change.edit', [{ type: 'update', table: 'customers', id, patch }])).id;

/** Two peers write before either hears of the other: the same field, or a delete and an edit. */
async function race(run: Run, p: Peer, step: number, kind: 'field' | 'delete') {
  const { r, time } = run;
  const q = r.pick(run.net.peers.filter((x) => x !== p));
  const id = await pickRecord(run, p);
  if (!id || !(await q.db.customers.get(id))) return;
  if (kind === 'field') {
    const field = r.pick(['name', 'city', 'notes'] as const);
    const ids = [await edit(p, id, { [field]: `${field} ${step}/${p.i}` })];
    if (r.chance(0.5)) time.now += 1;
    ids.push(await edit(q, id, { [field]: `${field} ${step}/${q.i}` }));
    run.concurrent.push({ id, field, entries: ids });
    return;
  }
  const del = await p.wp.write('change.delete', [{ type: 'delete', table: 'customers', id }]);
  time.now += r.int(0, 1);
  const ed = await edit(q, id, { city: `city ${step}`, notes: `after ${step}` });
  if (del.ops.length) run.races.push({ id, del: del.id, edit: ed }); // (it may have been deleted already)
}

/**
 * A member with a raw Yjs client, in sync with `p`, deletes a few items of the log; the update
 * reaches `p` and, through it, the others (as a relay would pass it on).
 */
function deleteItems(run: Run, p: Peer): number {
  const mallory = new Y.Doc();
  Y.applyUpdate(mallory, Y.encodeStateAsUpdate(p.doc));
  const log = mallory.getArray<unknown>(logName(p.replica.epoch?.id ?? null));
  let n = 0;
  if (log.length) {
    const from = run.r.int(0, log.length - 1);
    n = Math.min(run.r.int(1, 3), log.length - from);
    log.delete(from, n);
    Y.applyUpdate(p.doc, Y.encodeStateAsUpdate(mallory, Y.encodeStateVector(p.doc)), HOSTILE);
  }
  mallory.destroy();
  return n;
}

/**
 * A compaction by an online device while another is offline, which then keeps editing: its
 * edits made before (never delivered) and after reach the others only through the old log.
 */
async function compaction(run: Run, step: number) {
  const { r, net } = run;
  // at least two online: one to compact, one to go offline across it (or one already offline)
  while (net.peers.filter((x) => x.online).length < 2) net.toggle(r.pick(net.peers.filter((x) => !x.online)));
  const online = net.peers.filter((x) => x.online);
  const away = online.length === net.peers.length ? r.pick(online) : r.pick(net.peers.filter((x) => !x.online));
  if (away.online) {
    const id = await pickRecord(run, away);
    if (id) await edit(away, id, { notes: `before ${step}` });
    net.toggle(away);
  }
  const p = r.pick(net.peers.filter((x) => x.online));
  if (await p.replica.compact()) run.compactions++;
  else if (process.env.KEBU_FUZZ_VERBOSE) console.info(`no compaction at ${step}: ${p.replica.setAside} set aside`);
  const id = await pickRecord(run, away);
  if (id) await edit(away, id, r.chance(0.5) ? { city: `away ${step}` } : { notes: undefined });
  if (r.chance(0.3)) {
    const cs = await away.wp.write('change.add', [{ type: 'insert', table: 'customers', record: { kind: 'unit', name: `离线 ${step}` } }]);
    run.created.push(cs.ops[0].id);
  }
  if (id && r.chance(0.3)) await away.wp.write('change.delete', [{ type: 'delete', table: 'customers', id }]);
}

/** One random operation. */
async function step(run: Run, step: number, roll: number) {
  const { r, net } = run;
  const p = r.pick(net.peers);
  if (roll < 0.1) {
    const record = { kind: 'unit', name: `客户 ${step}`, city: r.pick(['杭州', '北京']) };
    const cs = await p.wp.write('change.add', [{ type: 'insert', table: 'customers', record }]);
    run.created.push(cs.ops[0].id);
  } else if (roll < 0.32) {
    const id = await pickRecord(run, p);
    const field = r.pick(FIELDS);
    if (id) await edit(p, id, { [field]: valueFor(r, field, step, p.i) });
  } else if (roll < 0.42) await race(run, p, step, 'field');
  else if (roll < 0.5) await race(run, p, step, 'delete');
  else if (roll < 0.55) {
    const id = await pickRecord(run, p);
    if (id) await p.wp.write('change.delete', [{ type: 'delete', table: 'customers', id }]);
  } else if (roll < 0.6) {
    const id = await pickRecord(run, p);
    if (id) await p.wp.write('change.restore', [{ type: 'restore', table: 'customers', id }]);
  } else if (roll < 0.68) await (r.chance(0.8) ? p.wp.undo() : p.wp.redo());
  else if (roll < 0.73) {
    const bad = r.pick(HOSTILE_ELEMENTS(run.time.now + p.skew, run.created[0]));
    run.hostile++;
    p.doc.transact(() => (p.replica.log as Y.Array<unknown>).push([bad]), HOSTILE);
  } else if (roll < 0.87) net.deliver(1 + r.int(0, 7));
  else if (roll < 0.92) net.toggle(p);
  else if (roll < 0.96) await net.reload(p);
  else if (roll < 0.98) run.deleted += deleteItems(run, p);
  else if (roll < 0.99) await compaction(run, step);
  else {
    const q = r.pick(net.peers.filter((x) => x !== p));
    if (p.online && q.online) net.exchange(p, q);
  }
}

async function fuzz(seed: number, ops: number) {
  const r = createRng(seed);
  const time = { now: 1_760_000_000_000 };
  vi.spyOn(Date, 'now').mockImplementation(() => time.now);
  vi.spyOn(console, 'warn').mockImplementation(() => {});
  run++;
  const net = network(seed, r, time);
  const { peers, exchange } = net;
  const state: Run = { r, time, net, created: [], hostile: 0, deleted: 0, compactions: 0, concurrent: [], races: [] };

  // a few shared records to start with, so that the random steps have something to race on
  const seedRecords = await peers[0].wp.write(
    'change.add',
    [0, 1, 2].map((k) => ({ type: 'insert' as const, table: 'customers' as const, record: { kind: 'unit', name: `起始 ${k}` } }))
  );
  state.created.push(...seedRecords.ops.map((o) => o.id));
  for (const q of peers.slice(1)) exchange(peers[0], q);

  for (let k = 0; k < ops; k++) {
    time.now += r.int(0, 2); // 0: two peers write in the same millisecond
    // one hostile element, one reload and one compaction in every run, the rest at random
    if (k === (ops * 3) >> 2) await compaction(state, k);
    else await step(state, k, k === ops >> 1 ? 0.725 : k === ops >> 2 ? 0.95 : r.next());
  }

  // everyone back, a full exchange, everything applied; then every device reloads once more
  // (a device that sees a deletion appends the elements again, which the others need in turn)
  for (const p of peers) p.online = true;
  for (let round = 0; round < 6; round++) {
    for (let k = 0; k < 2; k++) for (const a of peers) for (const b of peers) if (a.i < b.i) exchange(a, b);
    for (let k = 0; k < 2; k++) await Promise.all(peers.map((p) => p.replica.flushed()));
    if (new Set(peers.map((p) => Y.encodeStateVector(p.doc).toString())).size === 1) break;
  }
  // refused elements are remembered: the last reloads decode none of them again
  vi.mocked(console.warn).mockClear();
  for (const p of peers) await net.reload(p);
  const warned = vi.mocked(console.warn).mock.calls.map((c) => String(c[0]).slice(0, 200));
  expect(warned, `seed ${seed}: refused elements decoded again after a reload`).toEqual([]);
  return check(seed, ops, state);
}

/** Everything that must hold once every peer has everything. */
async function check(seed: number, ops: number, run: Run) {
  const { peers } = run.net;
  const { hostile, created, concurrent, races, deleted, compactions } = run;
  const why = (what: string) => `seed ${seed} (replay: KEBU_FUZZ_SEED=${seed} KEBU_FUZZ_OPS=${ops}): ${what}`;

  // 1. the Y documents are equal
  const logs = peers.map((p) => p.replica.log.toArray());
  const vectors = peers.map((p) => Y.encodeStateVector(p.doc).toString());
  for (const p of peers.slice(1)) {
    expect(vectors[p.i], why(`state vector of peer ${p.i}`)).toEqual(vectors[0]);
    expect(logs[p.i], why(`log of peer ${p.i}`)).toEqual(logs[0]);
  }

  // 2. every peer is in the same epoch, every old log is emptied
  const epochs = peers.map((p) => p.replica.epoch?.id ?? null);
  for (const p of peers) {
    expect(epochs[p.i], why(`epoch of peer ${p.i}`)).toBe(epochs[0]);
    for (const name of [FIRST_LOG, ...readEpochs(p.replica.epochs).map((e) => logName(e.id))])
      if (name !== logName(epochs[0])) expect(p.doc.getArray(name).length, why(`old log ${name} on peer ${p.i}`)).toBe(0);
  }

  // 3. every valid entry is applied everywhere, every hostile element refused everywhere
  const inLog: Entry[] = [];
  for (const item of logs[0]) {
    const d = decodeEntry(item);
    // hostile ids start with H-; some have the right shape and are refused by applyRemote
    if (d.ok && !d.entry.id.startsWith('H-')) inLog.push(d.entry);
  }
  for (const p of peers) expect(p.replica.pending, why(`pending on peer ${p.i}`)).toEqual([]);
  // a deleted element comes back once per device that had it: ids repeat, and a hostile element
  // refused everywhere may not come back at all; a compaction leaves behind what was refused
  if (!compactions) {
    if (!deleted) expect(logs[0].length - inLog.length, why('hostile elements in the log')).toBe(hostile);
    const entryIds = [...new Set(inLog.map((e) => e.id))].sort();
    for (const p of peers) {
      if (!deleted) expect(p.replica.refused.length, why(`refused on peer ${p.i}`)).toBe(hostile);
      else expect(p.replica.refused.length, why(`refused on peer ${p.i}`)).toBeGreaterThanOrEqual(logs[0].length - inLog.length);
      const ids = (await p.db.changes.toArray()).map((c) => c.id).sort();
      expect(ids, why(`change log of peer ${p.i}`)).toEqual(entryIds);
    }
  }
  // the reference: every entry any device wrote, whatever the log holds of it now
  const entries = [...run.net.written.values()];

  // 4. every Dexie table is equal on every peer, field by field
  const tables = await Promise.all(
    peers.map(async (p) => Object.fromEntries(await Promise.all(TABLE_NAMES.map(async (t) => [t, await p.db.table(t).toArray()]))))
  );
  for (const p of peers.slice(1)) expect(tables[p.i], why(`tables of peer ${p.i}`)).toEqual(tables[0]);

  // 5. the stored records are the pure merge of every entry written (and of the log as it is now)
  const merged = mergeEntries(entries);
  const mergedLog = mergeEntries(inLog);
  const rows = tables[0].customers as Record<string, unknown>[];
  expect(rows.length, why('record count')).toBe(created.length);
  for (const row of rows) {
    const state = merged.get(recordKey('customers', row.id as string));
    expect(state, why(`merged state of ${row.id}`)).toBeDefined();
    const fromLog = Object.fromEntries(
      Object.entries(state!.fields)
        .filter(([, w]) => w[0] !== null)
        .map(([k, w]) => [k, w[0]])
    );
    const { id: _id, createdAt: _ca, createdBy: _cb, updatedAt: _ua, updatedBy: _ub, _f, ...fields } = row;
    expect(fields, why(`fields of ${row.id}`)).toEqual(fromLog);
    const now = Object.entries(mergedLog.get(recordKey('customers', row.id as string))?.fields ?? {}).filter(([, w]) => w[0] !== null);
    expect(Object.fromEntries(now.map(([k, w]) => [k, w[0]])), why(`fields of ${row.id} in the log`)).toEqual(fromLog);
  }

  // 6. the merge rules
  const write = (entryId: string, id: string, field: string): FieldWrite | undefined =>
    entries.find((e) => e.id === entryId)?.ops.find((o) => o.id === id)?.f[field];
  for (const c of concurrent) {
    const history = fieldHistory(entries, 'customers', c.id, c.field);
    const [w0, w1] = c.entries.map((e) => write(e, c.id, c.field)!);
    for (const e of c.entries)
      expect(
        history.some((h) => h.entry === e),
        why(`history of ${c.id}.${c.field} keeps ${e}`)
      ).toBe(true);
    const winner = compareWrite(w0, w1) > 0 ? c.entries[0] : c.entries[1];
    const loser = winner === c.entries[0] ? c.entries[1] : c.entries[0];
    expect(
      history.findIndex((h) => h.entry === loser),
      why('the loser is after the winner')
    ).toBeGreaterThan(history.findIndex((h) => h.entry === winner));
    const row = rows.find((x) => x.id === c.id)!;
    expect(row[c.field] ?? null, why(`value of ${c.id}.${c.field}`)).toEqual(history[0].value);
  }
  for (const race of races) {
    expect(write(race.edit, race.id, 'deleted'), why('an edit never writes deleted')).toBeUndefined();
    const history = fieldHistory(entries, 'customers', race.id, 'deleted');
    const row = rows.find((x) => x.id === race.id)!;
    // still deleted, unless a restore (or an undo of the delete) with a later stamp came after
    if (history[0].entry === race.del) expect(row.deleted, why(`${race.id} stays deleted`)).toBe(1);
    else expect(compareWrite([history[0].value, history[0].at, history[0].by], write(race.del, race.id, 'deleted')!)).toBeGreaterThan(0);
  }
  return { entries: entries.length, hostile, concurrent: concurrent.length, races: races.length, compactions };
}

describe('replication converges under random operations', () => {
  // KEBU_FUZZ_FROM=k starts at the k-th seed, so that a long run can be split over processes
  const from = Number(process.env.KEBU_FUZZ_FROM ?? 0);
  const seeds = ONE_SEED ? [Number(ONE_SEED)] : Array.from({ length: SEEDS }, (_, k) => 1000 + (from + k) * 7919);
  it.each(seeds)(
    'seed %i',
    async (seed) => {
      const stats = await fuzz(seed, OPS);
      if (process.env.KEBU_FUZZ_VERBOSE) console.info(`seed ${seed}`, stats);
      expect(stats.entries).toBeGreaterThan(0);
    },
    120_000
  );
});
