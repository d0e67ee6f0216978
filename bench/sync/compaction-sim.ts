/**
 * A year of a team's edits on a shared workspace, at the level of the shared log (loaded by
 * bench/sync/compaction.js through Vite, so that it runs the app's own code): the log elements are
 * made by entry.ts (`packEntry`), the snapshots by db/entries.ts (`rowOps`), the epochs by
 * sync/epoch-log.ts (EpochLog: `start`, the sweep), compaction is decided by `shouldCompact`, and
 * Yjs frees what is deleted as it does in the app. Dexie is left out: it holds the records either
 * way, the log is what compaction changes.
 *
 * The devices' documents exchange their updates at the end of every day and each one is reloaded
 * from its stored state every morning (a new Yjs client, as a page load makes). Every size is
 * `Y.encodeStateAsUpdate` of a device's document: what y-indexeddb keeps once it merges its
 * updates (every 500 updates, and when the page closes) and what the relay keeps once it rewrites
 * its file (when the last device leaves the room).
 */
import * as Y from 'yjs';
import type { Entry, EntryOp } from '$lib/db/changes';
import { rowOps, type Row } from '$lib/db/entries';
import { newId } from '$lib/db/ids';
import { packEntry } from '$lib/sync/entry';
import { elementsOf, shouldCompact, type Epoch } from '$lib/sync/epoch';
import { EpochLog } from '$lib/sync/epoch-log';
import { createRng } from '$lib/domain/records/rng';

export interface Assumptions {
  customers: number;
  devices: number;
  days: number;
  editsPerDay: number;
  newPerDay: number;
  deletesPerDay: number;
  compact: boolean;
}

export interface Outcome {
  records: number;
  edits: number;
  elements: number;
  compactions: number;
  /** the encoded document of device 0 (bytes) */
  bytes: number;
  /** the same, of its live log elements only (what the log holds, without Yjs's bookkeeping) */
  liveBytes: number;
  seconds: number;
}

const DAY = 86_400_000;
const CITIES = ['杭州市', '宁波市', '温州市', '绍兴市', '上海市', '苏州市'];
const TIERS = ['A', 'B', 'C'];

interface Device {
  name: string;
  doc: Y.Doc;
  layout: EpochLog;
}

/** A device's document and its log layout, every element it holds counted as applied. */
function open(name: string, stored?: Uint8Array): Device {
  const doc = new Y.Doc();
  if (stored) Y.applyUpdate(doc, stored);
  const layout: EpochLog = new EpochLog(doc, {
    observer: (event) => layout.applier()(layout.fresh(elementsOf(layout.log, event.changes.added))),
    take: (elements) => layout.applier()(elements),
    refused: () => false,
    ready: Promise.resolve()
  });
  layout.applier()(layout.fresh(elementsOf(layout.log)));
  return { name, doc, layout };
}

const itemBytes = (v: unknown) => (typeof v === 'string' ? new TextEncoder().encode(v).length : (v as Uint8Array).length);

export async function simulate(a: Assumptions): Promise<Outcome> {
  const started = performance.now();
  const r = createRng(7);
  let now = 1_760_000_000_000;
  const rows = new Map<string, Row>();
  const live: string[] = [];
  let devices = Array.from({ length: a.devices }, (_, i) => open(`d${i}`));
  const push = (d: Device, ops: EntryOp[], label: string) => {
    const actor = `actor-${d.name}`;
    const entry: Entry = { v: 1, id: newId(now), actor, actorName: d.name, device: d.name, at: now, label, ops };
    d.layout.pushOwn([packEntry(entry)], 'bench');
  };
  const insert = (d: Device) => {
    now += 1;
    const by = `actor-${d.name}`;
    const row = {
      id: newId(now),
      kind: 'unit',
      name: `杭州顺达物流有限公司${rows.size}`,
      city: r.pick(CITIES),
      tier: r.pick(TIERS),
      phone: `1380000${String(rows.size).padStart(4, '0')}`,
      notes: '老客户，按月结算',
      deleted: 0,
      createdAt: now,
      createdBy: by,
      updatedAt: now,
      updatedBy: by
    } as Row;
    rows.set(row.id, row);
    live.push(row.id);
    return row;
  };
  // day 0: the owner's snapshot of the existing book (as sharing pushes it)
  const first = Array.from({ length: a.customers }, () => insert(devices[0]));
  for (let from = 0; from < first.length; from += 2000)
    push(
      devices[0],
      first.slice(from, from + 2000).flatMap((row) => rowOps('customers', row)),
      'change.share'
    );
  let edits = 0;
  let compactions = 0;
  for (let day = 0; day < a.days; day++) {
    now += DAY;
    for (let k = 0; k < a.editsPerDay; k++) {
      const d = r.pick(devices);
      const row = rows.get(r.pick(live))!;
      now += 1;
      const by = `actor-${d.name}`;
      const field = r.pick(['city', 'tier', 'phone', 'notes', 'name'] as const);
      const value =
        field === 'city'
          ? r.pick(CITIES)
          : field === 'tier'
            ? r.pick(TIERS)
            : field === 'notes'
              ? `${day}日回访：已沟通，下周再联系`
              : `${row[field]}`.slice(0, 20) + k;
      row[field] = value;
      row._f = { ...row._f, [field]: { at: now, by } };
      row.updatedAt = now;
      row.updatedBy = by;
      push(d, [{ t: 'customers', id: row.id, f: { [field]: [value, now, by] } }], 'change.edit');
      edits++;
    }
    for (let k = 0; k < a.newPerDay; k++) {
      const d = r.pick(devices);
      push(d, rowOps('customers', insert(d)), 'change.add');
    }
    for (let k = 0; k < a.deletesPerDay && live.length > 1; k++) {
      const d = r.pick(devices);
      const [id] = live.splice(r.int(0, live.length - 1), 1);
      const row = rows.get(id)!;
      now += 1;
      row.deleted = 1;
      row._f = { ...row._f, deleted: { at: now, by: `actor-${d.name}` } };
      push(d, [{ t: 'customers', id, f: { deleted: [1, now, `actor-${d.name}`] } }], 'change.delete');
    }
    // the end of the day: everyone exchanges, then one device compacts when the policy says so
    for (const x of devices) for (const y of devices) if (x !== y) Y.applyUpdate(y.doc, Y.encodeStateAsUpdate(x.doc, Y.encodeStateVector(y.doc)));
    const d = devices[day % devices.length];
    if (a.compact && shouldCompact(d.layout.log.length, rows.size)) {
      const from = d.layout.epoch;
      const epoch: Epoch = { n: (from?.n ?? 0) + 1, id: newId(now), from: from?.id ?? null, cover: d.layout.cover(), at: now, device: d.name };
      const all = [...rows.values()];
      const items = [];
      for (let k = 0; k < all.length; k += 2000) {
        const ops = all.slice(k, k + 2000).flatMap((row) => rowOps('customers', row));
        items.push(
          packEntry({ v: 1, id: newId(now), actor: `actor-${d.name}`, actorName: d.name, device: d.name, at: now, label: 'change.share', ops })
        );
      }
      d.layout.start(epoch, items, 'bench');
      compactions++;
      for (const x of devices) for (const y of devices) if (x !== y) Y.applyUpdate(y.doc, Y.encodeStateAsUpdate(x.doc, Y.encodeStateVector(y.doc)));
      await new Promise((done) => setTimeout(done, 0));
    }
    // the next morning every device is a new page load
    devices = devices.map((x) => {
      const stored = Y.encodeStateAsUpdate(x.doc);
      x.layout.destroy();
      x.doc.destroy();
      return open(x.name, stored);
    });
    await new Promise((done) => setTimeout(done, 0));
  }
  const d0 = devices[0];
  const elements = elementsOf(d0.layout.log);
  return {
    records: rows.size,
    edits,
    elements: elements.length,
    compactions,
    bytes: Y.encodeStateAsUpdate(d0.doc).length,
    liveBytes: elements.reduce((n, e) => n + itemBytes(e.value), 0),
    seconds: (performance.now() - started) / 1000
  };
}
