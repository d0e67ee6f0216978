/**
 * The sharing benchmark page (bench/sync/run.js builds it with Vite and drives it in Chromium).
 *
 * initialSync  a device holding 50 000 customers shares them (their snapshot entries in a Y.Doc,
 *              made untimed); a new device receives that document as one Yjs update and is timed
 *              until every customer is in its Dexie and in the TableStore its grid shows. Against the
 *              raw parts on the same data in the same page: Y.applyUpdate of the same update into a
 *              bare Y.Doc + Dexie bulkPut of the same rows.
 * heap         the JavaScript heap holding the workspace's rows (as a TableStore does) vs the same
 *              plus the shared log (the Y.Doc): the runner reads it after a GC, as V8 counts it and
 *              as a heap snapshot counts it (with strings and buffers kept outside V8's heap).
 * share        the owner starts sharing: every record packed into the log, timed, with the longest
 *              main-thread task meanwhile.
 * disk         bytes per record: the encoded log, and IndexedDB usage of the y-indexeddb copy.
 * latency      two pages (two browser contexts) share a workspace through the real transports;
 *              one edits a field every 100 ms with the send time in the value, the other notes
 *              when the edit is in its Dexie.
 */
import Dexie from 'dexie';
import * as Y from 'yjs';
import { IndexeddbPersistence } from 'y-indexeddb';
import { KebuDB } from '$lib/db/schema';
import { TableStore } from '$lib/db/table-store.svelte';
import { WritePath, type Mutation } from '$lib/db/write-path';
import { newId } from '$lib/db/ids';
import { generateWorkspace } from '$lib/demo/records';
import { Replica } from '$lib/sync/replica';
import { packEntry, type LogItem } from '$lib/sync/entry';
import { SyncConnection, type ShareConfig } from '$lib/sync/connection';
import { workerDecoder } from '$lib/workers/log-decoder';
import { watchMainThread } from '../../lib/main-thread';

const ACTOR = { id: newId(), name: '基准', device: 'bench' };
let update: Uint8Array | null = null;
let rows: Record<string, unknown>[] = [];
const keep: unknown[] = [];

async function fresh(name: string) {
  await Dexie.delete(name);
  const db = new KebuDB(name);
  await db.open();
  return db;
}

/** Make the shared document of n customers (untimed). */
async function prepare(n: number) {
  const ws = generateWorkspace({ seed: 11, customers: n, contactsPerCustomer: 0, followUpsPerCustomer: 0 });
  const db = await fresh('bench-sync-source');
  const writes = new WritePath(db, ACTOR);
  await writes.write(
    'change.demo',
    ws.customers.map((c): Mutation => ({ type: 'insert', table: 'customers', record: c as never }))
  );
  const entries = await writes.snapshotEntries();
  const doc = new Y.Doc();
  doc.getArray<LogItem>('log').push(entries.map(packEntry));
  update = Y.encodeStateAsUpdate(doc);
  rows = (await db.customers.toArray()) as never;
  writes.destroy();
  db.close();
  await Dexie.delete('bench-sync-source');
  return { records: rows.length, updateBytes: update.byteLength, entries: entries.length };
}

async function initialSync() {
  const db = await fresh('bench-sync-target');
  const writes = new WritePath(db, { id: newId(), name: '新设备', device: 'bench' });
  // the grid's rows: the open workspace's store of the customers table (empty on a new device)
  const store = new TableStore(db, writes, 'customers');
  while (store.loading) await new Promise((r) => setTimeout(r, 1));
  const doc = new Y.Doc();
  const start = performance.now();
  const replica = new Replica(doc, writes, { decoder: workerDecoder });
  Y.applyUpdate(doc, update!, 'net');
  await replica.flushed();
  for (const until = performance.now() + 60_000; store.rows.length < rows.length && performance.now() < until;) {
    await new Promise((r) => setTimeout(r, 0));
  }
  const got = store.rows.length;
  const ms = performance.now() - start;
  store.destroy();
  replica.destroy();
  writes.destroy();
  db.close();
  await Dexie.delete('bench-sync-target');
  return { ms, got, refused: replica.refused.length, pending: replica.pending.length };
}

async function rawParts() {
  const t0 = performance.now();
  const doc = new Y.Doc();
  Y.applyUpdate(doc, update!);
  const apply = performance.now() - t0;
  const db = await fresh('bench-sync-raw');
  const t1 = performance.now();
  // the baseline (bench/ is outside the one-write-path rule)
  await db.customers.bulkPut(rows as never[]);
  const put = performance.now() - t1;
  db.close();
  await Dexie.delete('bench-sync-raw');
  return { apply, put };
}

/**
 * The owner starts sharing a workspace of `rows.length` customers: every record becomes a snapshot
 * entry, packed and pushed into the log as SyncConnection does, timed until all are in the log,
 * with the longest main-thread task meanwhile (the page must stay usable).
 */
async function share() {
  const db = await fresh('bench-sync-share');
  const writes = new WritePath(db, ACTOR);
  await writes.write(
    'change.demo',
    rows.map((r): Mutation => ({ type: 'insert', table: 'customers', record: r as never }))
  );
  const doc = new Y.Doc();
  const replica = new Replica(doc, writes, { decoder: workerDecoder });
  await replica.whenSynced;
  const stop = watchMainThread();
  const t0 = performance.now();
  replica.push(await writes.snapshotEntries());
  await replica.sent();
  const ms = performance.now() - t0;
  const { longTask, maxGap } = stop();
  const items = replica.log.length;
  replica.destroy();
  writes.destroy();
  db.close();
  await Dexie.delete('bench-sync-share');
  return { ms, longTask, maxGap, items };
}

/** Hold the rows (as a TableStore does); with `shared`, hold the workspace's Y.Doc too. */
async function hold(shared: boolean) {
  keep.length = 0;
  keep.push(rows.map((r) => ({ ...r })));
  if (shared) {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, update!);
    keep.push(doc);
  }
  rows = [];
  update = null;
  // what the shared copy holds: text (two bytes a character once it has Chinese) or packed bytes
  const items = shared ? (keep[1] as Y.Doc).getArray<LogItem>('log').toArray() : [];
  return items.reduce((n, s) => n + (typeof s === 'string' ? 2 * s.length : s.byteLength), 0);
}

/** Store the log with y-indexeddb as a shared workspace does; usage per record. */
async function disk(n: number) {
  const before = (await navigator.storage.estimate()).usage ?? 0;
  const doc = new Y.Doc();
  const p = new IndexeddbPersistence('bench-sync-disk', doc);
  await p.whenSynced;
  Y.applyUpdate(doc, update!);
  await new Promise((r) => setTimeout(r, 1500));
  const after = (await navigator.storage.estimate()).usage ?? 0;
  await p.destroy();
  await Dexie.delete('bench-sync-disk');
  return { perRecordLog: update!.byteLength / n, perRecordDisk: (after - before) / n };
}

// ---- latency: two pages ----------------------------------------------------------------------

let conn: SyncConnection | null = null;
let writes: WritePath | null = null;
let db: KebuDB | null = null;
const arrivals: number[] = [];

async function joinRoom(config: ShareConfig, role: 'a' | 'b', recordId: string) {
  const id = `bench-lat-${role}-${config.room}`;
  db = await fresh(`kebu-ws-${id}`);
  writes = new WritePath(db, { id: newId(), name: role, device: 'bench' });
  if (role === 'a') await writes.write('change.add', [{ type: 'insert', table: 'customers', record: { id: recordId, kind: 'unit', name: '0' } }]);
  writes.subscribe(() => {
    if (role !== 'b') return;
    void db!.customers.get(recordId).then((r) => {
      const sent = Number(String(r?.notes ?? '').split(':')[1]);
      if (Number.isFinite(sent)) arrivals.push(Date.now() - sent);
    });
  });
  conn = await SyncConnection.open({
    workspaceId: id,
    writes,
    config: { ...config, seeded: role === 'b' },
    user: { id: newId(), name: role, device: 'bench' },
    decoder: workerDecoder
  });
  return true;
}

function peers() {
  return conn ? { peers: conn.status.peers, relay: conn.status.relay } : null;
}

async function edit(recordId: string, i: number) {
  await writes!.write('change.edit', [{ type: 'update', table: 'customers', id: recordId, patch: { notes: `${i}:${Date.now()}` } }]);
}

function latencies() {
  return arrivals.splice(0);
}

declare global {
  interface Window {
    __syncBench?: Record<string, (...args: never[]) => unknown>;
  }
}
window.__syncBench = { prepare, initialSync, rawParts, share, hold, disk, joinRoom, peers, edit, latencies } as never;
document.getElementById('state')!.textContent = 'ready';

/** Where the initial sync's time goes: decoding the log, merging into Dexie, reading the rows back. */
async function breakdown() {
  const { decodeEntry } = await import('$lib/sync/entry');
  const doc = new Y.Doc();
  const t00 = performance.now();
  Y.applyUpdate(doc, update!);
  const texts = doc.getArray<LogItem>('log').toArray();
  const apply = performance.now() - t00;
  const t0 = performance.now();
  const entries = texts.map((t) => decodeEntry(t)).flatMap((r) => (r.ok ? [r.entry] : []));
  const decode = performance.now() - t0;
  const db = await fresh('bench-sync-breakdown');
  const writes = new WritePath(db, { id: newId(), name: 'x', device: 'bench' });
  const t1 = performance.now();
  await writes.applyRemote(entries);
  const merge = performance.now() - t1;
  const t2 = performance.now();
  await db.customers.toArray();
  const read = performance.now() - t2;
  writes.destroy();
  db.close();
  await Dexie.delete('bench-sync-breakdown');
  return { apply, decode, merge, read };
}
(window.__syncBench as Record<string, unknown>).breakdown = breakdown;
