import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { KebuDB } from '$lib/db/schema';
import { WritePath } from '$lib/db/write-path';
import { coverFor, coverOf, currentEpoch, epochOf, isCovered, logName, shouldCompact, type Epoch } from './epoch';
import { readEpochs } from './epoch-log';
import { Replica } from './replica';

const epoch = (over: Partial<Epoch> = {}): Epoch => ({ n: 1, id: 'e1', from: null, cover: { '7': 3 }, at: 1, device: 'd', ...over });

describe('epoch records', () => {
  it.each([
    ['a well-formed record', epoch(), true],
    ['n 0 (the first log has no record)', epoch({ n: 0 }), false],
    ['n not an integer', epoch({ n: 1.5 }), false],
    ['an id with a space', epoch({ id: 'a b' }), false],
    ['from not an id', epoch({ from: '' }), false],
    ['a cover keyed by a name', epoch({ cover: { x: 1 } }), false],
    ['a negative clock', epoch({ cover: { '7': -1 } }), false],
    ['a cover that is an array', { ...epoch(), cover: [] }, false],
    ['no time', { ...epoch(), at: null }, false],
    ['not an object', 'epoch', false]
  ])('%s: read %s', (_, value, ok) => {
    expect(epochOf(value) !== null).toBe(ok);
  });

  it('the current epoch is the greatest (n, id), whatever the order; none is the first log', () => {
    const a = epoch({ n: 2, id: 'a' });
    const b = epoch({ n: 2, id: 'b' });
    const c = epoch({ n: 1, id: 'z' });
    expect(currentEpoch([a, b, c])).toBe(b);
    expect(currentEpoch([c, b, a])).toBe(b);
    expect(currentEpoch([])).toBeNull();
    expect(logName(null)).toBe('log');
    expect(logName('b')).toBe('log.b');
  });

  it("a log's cover is that of the greatest epoch that compacted it; none when no epoch did", () => {
    const a = epoch({ n: 1, id: 'a', cover: { '1': 5 } });
    const b = epoch({ n: 1, id: 'b', cover: { '1': 9 } });
    const c = epoch({ n: 2, id: 'c', from: 'b', cover: { '2': 1 } });
    expect(coverFor('log', [a, b, c])).toEqual({ '1': 9 });
    expect(coverFor('log.b', [a, b, c])).toEqual({ '2': 1 });
    expect(coverFor('log.a', [a, b, c])).toBeNull();
  });

  it.each([
    [{ '7': 3 }, '7:2', true],
    [{ '7': 3 }, '7:3', false],
    [{ '7': 3 }, '8:0', false],
    [null, '7:0', false]
  ])('cover %j contains %s: %s', (cover, key, covered) => {
    expect(isCovered(cover, key)).toBe(covered);
  });

  it('a cover stops below the first element not applied, and past the last one applied', () => {
    const applied = new Set(['1:0', '1:1', '1:3', '2:0', '2:1']);
    expect(coverOf(['1:0', '1:1', '1:2', '1:3', '2:0', '2:1', '3:0'], (k) => applied.has(k))).toEqual({ '1': 2, '2': 2 });
  });

  it.each([
    [1999, 10, false],
    [2000, 10, true],
    [2000, 5000, false],
    [5000, 5000, true]
  ])('%i elements for %i records: compact %s', (elements, records, yes) => {
    expect(shouldCompact(elements, records)).toBe(yes);
  });
});

let n = 0;
const open: { db: KebuDB; wp: WritePath; doc: Y.Doc; replica: Replica }[] = [];
function peer(actor: string) {
  const db = new KebuDB(`epoch-${++n}`);
  const wp = new WritePath(db, { id: actor, name: actor, device: `${actor}-phone` });
  const doc = new Y.Doc();
  const p = { db, wp, doc, replica: new Replica(doc, wp) };
  open.push(p);
  return p;
}
type Peer = ReturnType<typeof peer>;
const exchange = async (...peers: Peer[]) => {
  for (const a of peers) for (const b of peers) if (a !== b) Y.applyUpdate(b.doc, Y.encodeStateAsUpdate(a.doc, Y.encodeStateVector(b.doc)), 'net');
  for (let k = 0; k < 3; k++) await Promise.all(peers.map((p) => p.replica.flushed()));
};
const rows = async (p: Peer) => (await p.db.customers.toArray()).sort((a, b) => a.id.localeCompare(b.id));

beforeEach(() => {
  vi.spyOn(console, 'warn').mockImplementation(() => {});
});
afterEach(async () => {
  vi.restoreAllMocks();
  for (const p of open.splice(0)) {
    p.replica.destroy();
    p.wp.destroy();
    p.db.close();
    await p.db.delete();
  }
});

describe('Replica: compaction', () => {
  it('a device offline across a compaction delivers every edit; a deleted record stays deleted; the old log is released', async () => {
    const [a, b, c] = [peer('alice'), peer('bob'), peer('carol')];
    const made = await a.wp.write(
      'change.import',
      Array.from({ length: 40 }, (_, i) => ({
        type: 'insert' as const,
        table: 'customers' as const,
        record: { kind: 'unit', name: `客户${i}`, notes: `n${i}` }
      }))
    );
    const [id0, id1, id2] = made.ops.map((o) => o.id);
    await exchange(a, b, c);
    for (let i = 0; i < 120; i++) await a.wp.write('change.edit', [{ type: 'update', table: 'customers', id: id2, patch: { city: `城市${i}` } }]);
    await a.wp.write('change.delete', [{ type: 'delete', table: 'customers', id: id0 }]);
    await a.wp.write('change.edit', [{ type: 'update', table: 'customers', id: id1, patch: { notes: undefined } }]);
    await exchange(a, b);
    // carol is offline: she edits the record alice deleted, and another one
    await c.wp.write('change.edit', [{ type: 'update', table: 'customers', id: id0, patch: { city: '离线' } }]);
    await c.wp.write('change.edit', [{ type: 'update', table: 'customers', id: id2, patch: { name: '改名' } }]);
    const before = Y.encodeStateAsUpdate(a.doc).length;

    expect(await a.replica.compact()).toBe(true);
    expect(a.doc.getArray('log').length).toBe(0);
    expect(a.replica.log.length).toBe(1);
    const after = Y.encodeStateAsUpdate(a.doc).length;
    expect(after).toBeLessThan(before / 5);
    await exchange(a, b);
    expect(b.replica.epoch?.id).toBe(a.replica.epoch?.id);

    await exchange(a, b, c);
    expect(c.replica.epoch?.id).toBe(a.replica.epoch?.id);
    expect(c.replica.moved).toBe(2);
    await exchange(a, b, c);
    for (const p of [a, b, c]) expect(p.doc.getArray('log').length, p.wp.actor.id).toBe(0);
    const want = await rows(a);
    expect(await rows(b)).toEqual(want);
    expect(await rows(c)).toEqual(want);
    const byId = new Map(want.map((r) => [r.id, r]));
    expect(byId.get(id0)).toMatchObject({ deleted: 1, city: '离线' });
    expect(byId.get(id1)!.notes).toBeUndefined();
    expect(byId.get(id2)).toMatchObject({ name: '改名', city: '城市119' });

    // a device that joins now reads the new log only, and has the same records (stamps included)
    const d = peer('dave');
    await exchange(a, d);
    expect(await rows(d)).toEqual(want);
  }, 30_000);

  it('two devices compacting at once end in the same epoch, with nothing lost', async () => {
    const [a, b] = [peer('alice'), peer('bob')];
    await a.wp.write('change.add', [{ type: 'insert', table: 'customers', record: { kind: 'unit', name: '甲' } }]);
    await exchange(a, b);
    await b.wp.write('change.add', [{ type: 'insert', table: 'customers', record: { kind: 'unit', name: '乙' } }]);
    expect(await a.replica.compact()).toBe(true);
    expect(await b.replica.compact()).toBe(true);
    await a.wp.write('change.add', [{ type: 'insert', table: 'customers', record: { kind: 'unit', name: '丙' } }]);
    await exchange(a, b);
    await exchange(a, b);
    expect(readEpochs(a.replica.epochs)).toHaveLength(2);
    expect(a.replica.epoch?.id).toBe(b.replica.epoch?.id);
    for (const e of readEpochs(a.replica.epochs))
      if (e.id !== a.replica.epoch?.id) for (const p of [a, b]) expect(p.doc.getArray(logName(e.id)).length).toBe(0);
    expect((await rows(a)).map((r) => r.name).sort()).toEqual(['丙', '乙', '甲']);
    expect(await rows(b)).toEqual(await rows(a));
  });

  it('an epoch record removed by a raw Yjs client strands nothing: its log is swept into the current one', async () => {
    const [a, b] = [peer('alice'), peer('bob')];
    await a.wp.write('change.add', [{ type: 'insert', table: 'customers', record: { kind: 'unit', name: '甲' } }]);
    await a.replica.compact();
    await a.wp.write('change.add', [{ type: 'insert', table: 'customers', record: { kind: 'unit', name: '乙' } }]);
    await exchange(a, b);
    const mallory = new Y.Doc();
    Y.applyUpdate(mallory, Y.encodeStateAsUpdate(a.doc));
    mallory.getMap('epochs').delete(a.replica.epoch!.id);
    Y.applyUpdate(a.doc, Y.encodeStateAsUpdate(mallory, Y.encodeStateVector(a.doc)), 'net');
    await exchange(a, b);
    await exchange(a, b);
    expect(a.replica.epoch).toBeNull();
    const c = peer('carol');
    await exchange(a, b, c);
    expect((await rows(c)).map((r) => r.name).sort()).toEqual(['乙', '甲']);
  });

  it('a reload after a compaction reads the new log; the old one stays empty', async () => {
    const a = peer('alice');
    await a.wp.write('change.add', [{ type: 'insert', table: 'customers', record: { kind: 'unit', name: '甲' } }]);
    await a.replica.compact();
    const stored = Y.encodeStateAsUpdate(a.doc);
    a.replica.destroy();
    const doc = new Y.Doc();
    Y.applyUpdate(doc, stored);
    const again = new Replica(doc, a.wp);
    open.push({ ...a, doc, replica: again });
    await again.whenSynced;
    expect(again.epoch?.id).toBe(a.replica.epoch?.id);
    expect(doc.getArray('log').length).toBe(0);
    expect(again.refused).toEqual([]);
  });
});
