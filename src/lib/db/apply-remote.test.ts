import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Entry } from './changes';
import { KebuDB } from './schema';
import { WritePath, type Actor } from './write-path';

const alice: Actor = { id: 'alice', name: '王丽', device: 'laptop' };
const bob: Actor = { id: 'bob', name: '李强', device: 'phone' };
let n = 0;
let dbA: KebuDB;
let dbB: KebuDB;
let a: WritePath;
let b: WritePath;
let fromA: Entry[];

beforeEach(async () => {
  dbA = new KebuDB(`remote-a-${++n}`);
  dbB = new KebuDB(`remote-b-${n}`);
  a = new WritePath(dbA, alice);
  b = new WritePath(dbB, bob);
  fromA = [];
  a.onEntry((e) => fromA.push(e));
});
afterEach(async () => {
  a.destroy();
  b.destroy();
  for (const db of [dbA, dbB]) {
    db.close();
    await db.delete();
  }
});

const strip = <T extends { seq?: number }>(rows: T[]) => rows.map(({ seq: _s, ...r }) => r);

describe('WritePath entries and applyRemote', () => {
  it('emits each local change set with exactly the stamps it stored, and a peer rebuilds the same records', async () => {
    const cs = await a.write('change.add', [{ type: 'insert', table: 'customers', record: { kind: 'unit', name: '顺达', tags: ['vip'] } }]);
    const id = cs.ops[0].id;
    await a.write('change.edit', [{ type: 'update', table: 'customers', id, patch: { name: '顺达物流', notes: '备注' } }]);
    await a.write('change.edit', [{ type: 'update', table: 'customers', id, patch: { notes: undefined } }]);
    await a.undo();
    await a.write('change.delete', [{ type: 'delete', table: 'customers', id }]);
    expect(fromA.map((e) => e.label)).toEqual(['change.add', 'change.edit', 'change.edit', 'change.edit', 'change.delete']);
    const row = await dbA.customers.get(id);
    for (const [field, s] of Object.entries(row!._f ?? {})) {
      const writes = fromA.flatMap((e) => e.ops.filter((o) => o.id === id).map((o) => o.f[field])).filter(Boolean);
      expect(writes[writes.length - 1].slice(1)).toEqual([s.at, s.by]);
    }
    const r = await b.applyRemote(fromA);
    expect(r).toEqual({ applied: fromA.map((e) => e.id), refused: [] });
    expect(await dbB.customers.toArray()).toEqual(await dbA.customers.toArray());
    const log = await dbB.changes.toArray();
    expect(log.map((c) => [c.id, c.actor, c.at, c.remote])).toEqual(fromA.map((e) => [e.id, 'alice', e.at, true]));
    expect(await b.undoState()).toEqual({ canUndo: false, canRedo: false });
  });

  it('keeps the value that lost a concurrent edit in the history of both devices, where it can be restored', async () => {
    const fromB: Entry[] = [];
    b.onEntry((e) => fromB.push(e));
    const cs = await a.write('change.add', [{ type: 'insert', table: 'customers', record: { kind: 'unit', name: '顺达' } }]);
    const id = cs.ops[0].id;
    await b.applyRemote(fromA);
    // both edit the city while apart; Bob's edit is the later one
    await a.write('change.edit', [{ type: 'update', table: 'customers', id, patch: { city: '杭州' } }]);
    await new Promise((r) => setTimeout(r, 5));
    await b.write('change.edit', [{ type: 'update', table: 'customers', id, patch: { city: '宁波' } }]);
    await a.applyRemote(fromB);
    await b.applyRemote(fromA.slice(1));
    expect((await dbA.customers.get(id))?.city).toBe('宁波');
    expect((await dbB.customers.get(id))?.city).toBe('宁波');
    const { recordHistory } = await import('./history');
    // on Alice's device Bob's change replaced hers: her value is the "before" of it
    const onA = await recordHistory(dbA, 'customers', id);
    expect(onA[0]).toMatchObject({ kind: 'update', actorName: '李强', before: { city: '杭州' }, after: { city: '宁波' } });
    // on Bob's device Alice's value arrived late and lost: it is listed as lost
    const onB = await recordHistory(dbB, 'customers', id);
    expect(onB.find((h) => h.kind === 'lost')).toMatchObject({ actorName: '王丽', after: { city: '杭州' } });
  });

  it('is idempotent and order-independent', async () => {
    const cs = await a.write('change.add', [{ type: 'insert', table: 'customers', record: { kind: 'unit', name: 'A' } }]);
    const id = cs.ops[0].id;
    await a.write('change.edit', [{ type: 'update', table: 'customers', id, patch: { city: '杭州' } }]);
    await a.write('change.edit', [{ type: 'update', table: 'customers', id, patch: { city: '北京' } }]);
    const [ins, e1, e2] = fromA;
    await b.applyRemote([ins, e2]);
    expect((await b.applyRemote([e1, e2, ins])).applied).toEqual([e1.id]);
    expect(await dbB.changes.count()).toBe(3);
    expect(await dbB.customers.get(id)).toEqual(await dbA.customers.get(id));
  });

  it('keeps the greater stamp, refuses a bad entry without touching the others, waits for a missing record', async () => {
    const cs = await a.write('change.add', [{ type: 'insert', table: 'customers', record: { kind: 'unit', name: 'A' } }]);
    const id = cs.ops[0].id;
    await b.applyRemote(fromA);
    const at = fromA[0].at;
    const mk = (eid: string, stampAt: number, f: Entry['ops'][0]['f'], rid = id): Entry => ({
      v: 1,
      id: eid,
      actor: 'carol',
      actorName: 'C',
      device: 'x',
      at: stampAt,
      label: 'change.edit',
      ops: [{ t: 'customers', id: rid, f }]
    });
    const r = await b.applyRemote([
      mk('E1', at + 10, { name: ['新', at + 10, 'carol'] }),
      mk('E2', at + 5, { name: ['旧', at + 5, 'dave'] }),
      mk('E3', at + 20, { tier: ['nope', at + 20, 'carol'] }),
      mk('E4', at + 20, { city: ['杭州', at + 20, 'carol'] }, 'missing-1')
    ]);
    expect(r.applied).toEqual(['E1', 'E2']);
    expect(r.refused.map((x) => x.reason.split(' ')[0])).toEqual(['cell.error.choice', 'write.not-found']);
    const row = await dbB.customers.get(id);
    expect(row).toMatchObject({ name: '新', updatedAt: at + 10, updatedBy: 'carol', _f: { name: { at: at + 10, by: 'carol' } } });
    expect(row).not.toHaveProperty('tier');
    expect(strip(await dbB.changes.toArray()).map((c) => c.id)).toEqual([fromA[0].id, 'E1', 'E2']);
  });

  it('applies a batch of several groups the same on an empty device and on one that has records', async () => {
    const names = (from: number) =>
      Array.from({ length: 1200 }, (_, i) => ({
        type: 'insert' as const,
        table: 'customers' as const,
        record: { kind: 'unit', name: `客户${from + i}` }
      }));
    const first = await a.write('change.import', names(0));
    await a.write('change.import', names(1200));
    await a.write('change.import', names(2400));
    // later entries edit and delete records an earlier group inserted
    await a.write(
      'change.edit',
      first.ops.slice(0, 5).map((op) => ({ type: 'update' as const, table: 'customers' as const, id: op.id, patch: { city: '杭州' } }))
    );
    await a.write('change.delete', [{ type: 'delete', table: 'customers', id: first.ops[7].id }]);
    const want = await dbA.customers.toArray();
    expect(want).toHaveLength(3600);

    const r = await b.applyRemote(fromA);
    expect(r).toEqual({ applied: fromA.map((e) => e.id), refused: [] });
    expect(await dbB.customers.toArray()).toEqual(want);
    expect((await b.applyRemote(fromA)).applied).toEqual([]);

    const dbC = new KebuDB(`remote-c-${n}`);
    const c = new WritePath(dbC, { id: 'carol', name: '张敏', device: 'tablet' });
    try {
      await c.write('change.add', [{ type: 'insert', table: 'customers', record: { kind: 'unit', name: '自己的客户' } }]);
      expect((await c.applyRemote(fromA)).refused).toEqual([]);
      const mine = await dbC.customers.toArray();
      expect(mine).toHaveLength(3601);
      expect(mine.filter((row) => row.name !== '自己的客户')).toEqual(want);
    } finally {
      c.destroy();
      dbC.close();
      await dbC.delete();
    }
  });
});

describe('applyRemote: what it refuses, and the clock', () => {
  // what decodeEntry lets through (right shape, harmless) but a local write would refuse
  const AT = 1_760_000_000_000;
  const entry = (ops: Entry['ops']): Entry => ({
    v: 1,
    id: '01REMOTE00000000000000000X',
    actor: 'carol',
    actorName: 'C',
    device: 'x',
    at: AT,
    label: 'change.edit',
    ops
  });
  const insert = (f: Record<string, unknown>): Entry['ops'][0] => ({
    t: 'customers',
    id: 'c1',
    ins: 1,
    f: Object.fromEntries(Object.entries({ kind: 'unit', name: '顺达', ...f, deleted: 0 }).map(([k, v]) => [k, [v, AT, 'carol']]))
  });
  const column = (id: string): Entry['ops'][0] => ({
    t: 'customColumns',
    id,
    ins: 1,
    f: Object.fromEntries(
      Object.entries({ table: 'customers', label: '积分', type: 'number', order: 1, deleted: 0 }).map(([k, v]) => [k, [v, AT, 'carol']])
    )
  });
  it.each<[string, Entry['ops'], string]>([
    ['an unknown field', [insert({ colour: 'red' })], 'write.unknown-field'],
    ['a field named toString', [insert({ toString: 'x' })], 'write.unknown-field'],
    ['an insert without a required field', [insert({ name: undefined })], 'cell.error.required'],
    ['a wrong choice', [insert({ tier: 'Z' })], 'cell.error.choice'],
    ['a number as text', [insert({ name: 5 })], 'cell.error.notText'],
    ['tags that are a string', [insert({ tags: 'vip' })], 'cell.error.choice'],
    ['a text cell over its limit', [insert({ notes: 'x'.repeat(100_001) })], 'cell.error.text'],
    ['a value of an unknown custom column', [insert({ x_nope: 1 })], 'write.unknown-field'],
    ['text in a number custom column', [column('col1'), insert({ x_col1: 'many' })], 'cell.error.number']
  ])('refuses %s from another device, and stores nothing of it', async (_what, ops, reason) => {
    const r = await b.applyRemote([entry(ops)]);
    expect(r.applied).toEqual([]);
    expect(r.refused[0].reason).toContain(reason);
    expect(await dbB.customers.count()).toBe(0);
    expect(await dbB.customColumns.count()).toBe(0);
    expect(await dbB.changes.count()).toBe(0);
  });

  it('accepts values of a custom column known here or inserted by the entry itself', async () => {
    const r = await b.applyRemote([entry([column('col1'), insert({ x_col1: 12 })])]);
    expect(r.refused).toEqual([]);
    expect(await dbB.customers.get('c1')).toMatchObject({ x_col1: 12 });
    const later = { ...entry([{ t: 'customers', id: 'c1', f: { x_col1: [13, AT + 1, 'carol'] } }]), id: '01REMOTE00000000000000000Y' };
    expect((await b.applyRemote([later])).applied).toEqual([later.id]);
    expect(await dbB.customers.get('c1')).toMatchObject({ x_col1: 13 });
  });

  it.each(['constructor', 'toString', 'hasOwnProperty'])('refuses a field named %s (not a field, an Object.prototype key)', async (field) => {
    const record = JSON.parse(`{"kind":"unit","name":"A","${field}":"x"}`) as Record<string, unknown>;
    await expect(a.write('change.add', [{ type: 'insert', table: 'customers', record }])).rejects.toMatchObject({
      problem: { code: 'write.unknown-field', field }
    });
    expect(await dbA.customers.count()).toBe(0);
  });

  it('moves the local clock past every stamp it receives (HLC receive rule)', async () => {
    const cs = await a.write('change.add', [{ type: 'insert', table: 'customers', record: { kind: 'unit', name: 'A' } }]);
    const id = cs.ops[0].id;
    await b.applyRemote(fromA);
    const future = Date.now() + 3_600_000;
    await b.applyRemote([
      {
        v: 1,
        id: 'F1',
        actor: 'carol',
        actorName: 'C',
        device: 'x',
        at: future,
        label: 'change.edit',
        ops: [{ t: 'customers', id, f: { name: ['未来', future, 'carol'] } }]
      }
    ]);
    const mine = await b.write('change.edit', [{ type: 'update', table: 'customers', id, patch: { name: '现在' } }]);
    expect(mine.at).toBeGreaterThan(future);
  });
});
