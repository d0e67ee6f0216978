import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { KebuDB } from '$lib/db/schema';
import { WritePath } from '$lib/db/write-path';
import { packEntry } from './entry';
import { REFUSED_KEY, Replica } from './replica';

let n = 0;
const open: { db: KebuDB; wp: WritePath; doc: Y.Doc; replica: Replica }[] = [];
function peer(actor: string) {
  const db = new KebuDB(`replica-${++n}`);
  const wp = new WritePath(db, { id: actor, name: actor, device: 'd' });
  const doc = new Y.Doc();
  const p = { db, wp, doc, replica: new Replica(doc, wp) };
  open.push(p);
  return p;
}
/** send everything `a` has that `b` lacks */
const send = (a: Y.Doc, b: Y.Doc) => Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)), 'net');

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

const addCustomer = (wp: WritePath, name: string, extra: Record<string, unknown> = {}) =>
  wp.write('change.add', [{ type: 'insert', table: 'customers', record: { kind: 'unit', name, ...extra } }]);

describe('Replica', () => {
  // 300 records are packed at once; 1 200 a slice at a time, and what is pushed after waits for them
  it.each([300, 1200])('sends a write of %i records packed and a later edit as text, in order; both arrive', async (n) => {
    const a = peer('alice');
    const names = Array.from({ length: n }, (_, i) => `杭州顺达物流有限公司${i}`);
    await a.wp.write(
      'change.import',
      names.map((name) => ({ type: 'insert', table: 'customers', record: { kind: 'unit', name, city: '杭州市' } }))
    );
    await addCustomer(a.wp, '宁波港');
    await a.replica.sent();
    const [big, small] = a.replica.log.toArray();
    expect(big).toBeInstanceOf(Uint8Array);
    expect(typeof small).toBe('string');
    const b = peer('bob');
    send(a.doc, b.doc);
    await b.replica.flushed();
    expect(b.replica.refused).toEqual([]);
    expect(await b.db.customers.count()).toBe(n + 1);
    expect(await b.db.customers.toArray()).toEqual(await a.db.customers.toArray());
  });

  it('pushes local change sets once and never re-applies them; a new replica syncs the existing log', async () => {
    const a = peer('alice');
    await addCustomer(a.wp, '顺达');
    expect(a.replica.log.length).toBe(1);
    await a.replica.flushed();
    expect(await a.db.changes.count()).toBe(1);
    const b = peer('bob');
    send(a.doc, b.doc);
    await b.replica.flushed();
    expect(await b.db.customers.toArray()).toEqual(await a.db.customers.toArray());
    // a replica made on a document that already holds the log applies it before whenSynced
    const c = peer('carol');
    Y.applyUpdate(c.doc, Y.encodeStateAsUpdate(a.doc));
    const late = new Replica(c.doc, c.wp);
    await late.whenSynced;
    expect(await c.db.customers.count()).toBe(1);
    late.destroy();
  });

  it('refuses a hostile element, warns, and keeps working', async () => {
    const a = peer('alice');
    const b = peer('bob');
    a.doc.transact(() => a.doc.getArray<unknown>('log').push(['{"v":1,"id":"bad","ops":"x"}', 7]), 'someone');
    await addCustomer(a.wp, '顺达');
    send(a.doc, b.doc);
    await Promise.all([a.replica.flushed(), b.replica.flushed()]);
    for (const p of [a, b]) {
      expect(p.replica.refused.map((r) => r.id)).toEqual(['bad', null]);
      expect(await p.db.customers.count()).toBe(1);
    }
    expect(console.warn).toHaveBeenCalled();
  });
});

describe('Replica: a log that defends itself', () => {
  it('remembers refused elements by log element, counts them at once, and never decodes them again', async () => {
    const a = peer('alice');
    let told = 0;
    a.replica.onRefused(() => told++);
    const at = 8.64e15;
    const poisoned = JSON.stringify({
      v: 1,
      id: 'E-max',
      actor: 'mallory',
      actorName: 'M',
      device: 'mallory-phone',
      at,
      label: 'change.add',
      ops: [{ t: 'customers', id: 'r1', ins: 1, f: { kind: ['unit', at, 'mallory'], name: ['x', at, 'mallory'], deleted: [0, at, 'mallory'] } }]
    });
    a.doc.transact(() => a.doc.getArray<unknown>('log').push(['not json {', poisoned, 42]), 'someone');
    await a.replica.flushed();
    expect(told).toBeGreaterThan(0);
    expect(a.replica.refused.map((r) => [r.id, r.device, r.reason.split(' ')[0]])).toEqual([
      [null, null, 'not-json'],
      [null, null, 'not-a-string'],
      ['E-max', 'mallory-phone', 'write.future']
    ]);
    expect(a.replica.refused.find((r) => r.id === 'E-max')).toMatchObject({ device: 'mallory-phone', reason: 'write.future mallory-phone' });
    expect(new Set(a.replica.refused.map((r) => r.key)).size).toBe(3);
    expect(await a.db.customers.count()).toBe(0);
    // remembered as plain data in the workspace's meta
    expect(await a.wp.getMeta(REFUSED_KEY)).toEqual(a.replica.refused);

    // a later open of the same workspace (a new Y.Doc from the stored log, a new WritePath)
    vi.mocked(console.warn).mockClear();
    const doc = new Y.Doc();
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(a.doc));
    const wp = new WritePath(a.db, { id: 'alice', name: 'alice', device: 'd' });
    const again = new Replica(doc, wp);
    let toldAgain = 0;
    again.onRefused(() => toldAgain++);
    await again.whenSynced;
    expect(again.refused).toEqual(a.replica.refused);
    expect(toldAgain).toBe(1);
    expect(console.warn).not.toHaveBeenCalled();
    again.destroy();
    wp.destroy();
    doc.destroy();
  });

  it('sets aside entries for records nobody has, beyond a number and an age, and counts them', async () => {
    const a = peer('alice');
    a.replica.destroy();
    let now = Date.now();
    vi.spyOn(Date, 'now').mockImplementation(() => now);
    const replica = new Replica(a.doc, a.wp, { pending: 3, maxAge: 60_000 });
    const orphan = (k: number) =>
      packEntry({
        v: 1,
        id: `01ORPHAN${k}`,
        actor: 'bob',
        actorName: 'B',
        device: 'phone',
        at: now,
        label: 'change.edit',
        ops: [{ t: 'customers', id: `nobody-${k}`, f: { name: ['x', now, 'bob'] } }]
      });
    a.doc.transact(() => a.doc.getArray<unknown>('log').push([0, 1, 2, 3, 4].map(orphan)), 'bob');
    await replica.flushed();
    expect(replica.pending.map((e) => e.id)).toEqual(['01ORPHAN2', '01ORPHAN3', '01ORPHAN4']);
    expect(replica.setAside).toBe(2);
    // an hour later, the ones still waiting are set aside too; a real insert still applies
    now += 61_000;
    const other = peer('bob');
    await addCustomer(other.wp, '顺达');
    send(other.doc, a.doc);
    await replica.flushed();
    expect(replica.pending).toEqual([]);
    expect(replica.setAside).toBe(5);
    expect(await a.db.customers.count()).toBe(1);
    replica.destroy();
  });

  it('appends again what another device deleted from the log, reports it, and a new device still gets everything', async () => {
    const a = peer('alice');
    for (let k = 0; k < 3; k++) await addCustomer(a.wp, `客户${k}`);
    await a.replica.sent();
    // a member with a raw Yjs client deletes every item of the shared log
    const mallory = new Y.Doc();
    send(a.doc, mallory);
    mallory.getArray('log').insert(0, ['x']);
    mallory.getArray('log').delete(0, mallory.getArray('log').length);
    let told = 0;
    a.replica.onRefused(() => told++);
    send(mallory, a.doc);
    await Promise.resolve();
    await a.replica.flushed();
    expect(a.replica.log.length).toBe(3);
    expect(a.replica.deletions).toEqual([{ at: expect.any(Number), count: 3, clients: [mallory.clientID] }]);
    expect(told).toBe(1);
    // a device that joins afterwards, from a copy that saw the deletion, still gets every record
    const c = peer('carol');
    send(mallory, c.doc);
    send(a.doc, c.doc);
    await c.replica.flushed();
    expect(await c.db.customers.count()).toBe(3);
    mallory.destroy();
  });
});

describe('Replica: records and columns not here yet, reloads, storage failures', () => {
  it('holds an edit that arrives before its record, and a value that arrives before its column', async () => {
    const a = peer('alice');
    const b = peer('bob');
    const c = peer('carol');
    const cs = await addCustomer(a.wp, '顺达');
    const id = cs.ops[0].id;
    send(a.doc, b.doc);
    await b.replica.flushed();
    const col = await b.wp.write('change.add-column', [
      { type: 'insert', table: 'customColumns', record: { table: 'customers', label: '积分', type: 'number', order: 1 } }
    ]);
    await b.wp.write('change.edit', [{ type: 'update', table: 'customers', id, patch: { city: '杭州', [`x_${col.ops[0].id}`]: 12 } }]);
    // carol hears only bob's last entry first: neither the record nor the column is known to her
    const bLog = b.replica.log.toArray();
    c.doc.transact(() => c.doc.getArray<unknown>('log').push([bLog[bLog.length - 1]]), 'net');
    await c.replica.flushed();
    expect(c.replica.pending).toHaveLength(1);
    expect(c.replica.refused).toEqual([]);
    send(b.doc, c.doc);
    await c.replica.flushed();
    send(a.doc, c.doc);
    await c.replica.flushed();
    expect(c.replica.pending).toEqual([]);
    expect(await c.db.customers.get(id)).toMatchObject({ city: '杭州', [`x_${col.ops[0].id}`]: 12 });
  });

  it('on reload skips what it applied already without decoding it, and applies what is new', async () => {
    const a = peer('alice');
    for (const name of ['顺达', '宁波港']) await addCustomer(a.wp, name);
    const b = peer('bob');
    send(a.doc, b.doc);
    await b.replica.flushed();
    b.replica.destroy();
    // bob opens the workspace again: the same log, the same database
    const applyRemote = vi.spyOn(b.wp, 'applyRemote');
    const again = new Replica(b.doc, b.wp);
    await again.whenSynced;
    expect(applyRemote).not.toHaveBeenCalled();
    await addCustomer(a.wp, '义乌商贸');
    send(a.doc, b.doc);
    await again.flushed();
    expect(applyRemote).toHaveBeenCalledTimes(1);
    expect(await b.db.customers.count()).toBe(3);
    again.destroy();
  });

  it('keeps every entry of a batch that storage failed on, and applies them with the next one', async () => {
    const a = peer('alice');
    for (const name of ['顺达', '宁波港', '义乌商贸']) await addCustomer(a.wp, name);
    const b = peer('bob');
    const real = b.wp.applyRemote.bind(b.wp);
    // the write path fails after taking one entry of the lazily decoded batch
    vi.spyOn(b.wp, 'applyRemote').mockImplementationOnce(async (entries) => {
      entries[Symbol.iterator]().next();
      throw new Error('QuotaExceededError');
    });
    send(a.doc, b.doc);
    await b.replica.flushed();
    expect(b.replica.pending).toHaveLength(3);
    expect(await b.db.customers.count()).toBe(0);
    vi.mocked(b.wp.applyRemote).mockImplementation(real);
    await addCustomer(a.wp, '温州鞋业');
    send(a.doc, b.doc);
    await b.replica.flushed();
    expect(b.replica.pending).toEqual([]);
    expect(b.replica.refused).toEqual([]);
    expect(await b.db.customers.toArray()).toEqual(await a.db.customers.toArray());
  });

  it('stops pushing after destroy', async () => {
    const a = peer('alice');
    a.replica.destroy();
    await addCustomer(a.wp, '顺达');
    expect(a.replica.log.length).toBe(0);
  });
});
