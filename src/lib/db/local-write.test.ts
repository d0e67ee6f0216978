/** local-write.ts and notices.ts through the WritePath facade: one atomic, validated change set per write. */
import { describe, expect, it } from 'vitest';
import type { KebuDB } from './schema';
import { bob, customer, freshWritePath } from './test-write-path';
import { WritePath, type ChangeNotice } from './write-path';
import { WriteError } from './validate';

let db: KebuDB;
let wp: WritePath;
freshWritePath((d, w) => {
  db = d;
  wp = w;
});

describe('write path', () => {
  it('inserts with an envelope and logs one change set per write', async () => {
    const cs = await wp.write('change.add', [customer('杭州顺达物流'), customer('河北石油')]);
    const rows = await db.customers.toArray();
    expect(rows).toHaveLength(2);
    for (const r of rows) {
      expect(r.deleted).toBe(0);
      expect(r.createdBy).toBe('alice');
      expect(r.id).toMatch(/^[0-9A-Z]{26}$/);
    }
    const log = await db.changes.toArray();
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({ id: cs.id, actor: 'alice', actorName: '王丽', label: 'change.add' });
    expect(log[0].ops.map((o) => o.kind)).toEqual(['insert', 'insert']);
  });

  it.each([
    ['a missing required field', { type: 'insert', table: 'customers', record: { kind: 'unit' } }, 'cell.error.required'],
    ['an unknown field', customer('A', { colour: 'red' }), 'write.unknown-field'],
    ['a __proto__ field', customer('A', JSON.parse('{"__proto__": {"name": "x"}}') as Record<string, unknown>), 'write.unknown-field'],
    ['a field named like an Object method', customer('A', { toString: 'x' }), 'write.unknown-field'],
    ['a wrong choice', customer('A', { tier: 'Z' }), 'cell.error.choice'],
    ['a wrong type', customer('A', { tags: 'not a list' }), 'cell.error.choice'],
    [
      'a non-finite number',
      { type: 'insert', table: 'customColumns', record: { table: 'customers', label: 'x', type: 'text', order: Infinity } },
      'cell.error.number'
    ],
    ['an envelope field in a patch', { type: 'update', table: 'customers', id: 'x', patch: { createdBy: 'eve' } }, 'write.unknown-field'],
    ['a missing record', { type: 'update', table: 'customers', id: 'nope', patch: { name: 'B' } }, 'write.not-found'],
    ['a bad id', { type: 'update', table: 'customers', id: '<script>', patch: { name: 'B' } }, 'write.bad-id']
  ])('refuses %s and writes nothing at all', async (_what, bad, code) => {
    await wp.write('change.add', [customer('原有客户')]);
    const before = await db.customers.toArray();
    const logBefore = await db.changes.count();
    const err = await wp.write('change.paste', [customer('新客户一'), bad as never, customer('新客户二')]).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(WriteError);
    expect((err as WriteError).problem.code).toBe(code);
    expect(await db.customers.toArray()).toEqual(before);
    expect(await db.changes.count()).toBe(logBefore);
  });

  it('rolls back every table when storage fails part-way (duplicate id)', async () => {
    await wp.write('change.add', [customer('A', { id: 'dup-1' })]);
    const err = await wp
      .write('change.paste', [
        { type: 'update', table: 'customers', id: 'dup-1', patch: { name: 'A2' } },
        customer('B'),
        customer('C', { id: 'dup-1' })
      ])
      .catch((e: unknown) => e);
    expect((err as WriteError).problem.code).toBe('write.duplicate-id');
    expect((await db.customers.get('dup-1'))?.name).toBe('A');
    expect(await db.customers.count()).toBe(1);
  });

  it('stamps each changed field with who and when, and logs before/after', async () => {
    await wp.write('change.add', [customer('A', { id: 'c1', tier: 'B' })]);
    const bobPath = new WritePath(db, bob);
    await bobPath.write('change.edit', [{ type: 'update', table: 'customers', id: 'c1', patch: { tier: 'A', name: 'A' } }]);
    bobPath.destroy();
    const row = await db.customers.get('c1');
    expect(row?.tier).toBe('A');
    expect(row?._f?.tier?.by).toBe('bob');
    expect(row?._f?.name).toBeUndefined(); // unchanged value: no stamp
    expect(row?.updatedBy).toBe('bob');
    const last = (await db.changes.toArray()).at(-1)!;
    expect(last.ops).toEqual([{ kind: 'update', table: 'customers', id: 'c1', before: { tier: 'B' }, after: { tier: 'A' } }]);
  });

  it('accepts values of a custom column added in the same write, and refuses wrong ones', async () => {
    await wp.write('change.add', [
      { type: 'insert', table: 'customColumns', record: { id: 'k1', table: 'customers', label: '年采购量', type: 'number', order: 1 } },
      customer('A', { id: 'c1', x_k1: 42 })
    ]);
    expect((await db.customers.get('c1'))?.x_k1).toBe(42);
    const err = await wp.write('change.edit', [{ type: 'update', table: 'customers', id: 'c1', patch: { x_k1: 'many' } }]).catch((e: unknown) => e);
    expect((err as WriteError).problem).toMatchObject({ code: 'cell.error.number', field: 'x_k1' });
  });

  it('announces committed writes with the ids touched', async () => {
    const seen: ChangeNotice[] = [];
    wp.subscribe((n) => seen.push(n));
    await wp.write('change.add', [customer('A', { id: 'c1' })]);
    await wp.write('change.edit', [{ type: 'update', table: 'customers', id: 'c1', patch: { name: 'A' } }]); // no-op
    await wp.write('change.bad', [customer('')]).catch(() => {});
    expect(seen).toHaveLength(1);
    expect(seen[0].tables).toEqual({ customers: ['c1'] });
  });
});

describe('demo workspace through the write path', () => {
  it('writes every generated record as one undoable change set', async () => {
    const { demoMutations } = await import('$lib/demo/load');
    const mutations = demoMutations({ customers: 300, today: '2026-11-28' });
    const cs = await wp.write('change.demo', mutations);
    expect(cs.ops).toHaveLength(mutations.length);
    expect(await db.customers.count()).toBe(300);
    expect(await db.contacts.count()).toBeGreaterThan(100);
    // a credit book for 40 companies, every record linked to a demo customer and staff member
    expect(await db.creditAgreements.count()).toBe(40);
    expect(await db.creditSales.count()).toBe(600);
    const customerIds = new Set((await db.customers.toArray()).map((c) => c.id));
    const staffIds = new Set((await db.staff.toArray()).map((s) => s.id));
    expect((await db.creditSales.toArray()).every((s) => customerIds.has(s.customerId))).toBe(true);
    expect((await db.ladderEffectLifts.toArray()).every((l) => staffIds.has(l.liftedBy))).toBe(true);
    expect((await db.staff.toArray()).some((s) => s.manager)).toBe(true);
    await wp.undo();
    expect(
      await db.customers
        .where('id')
        .above('')
        .filter((c) => c.deleted === 0)
        .count()
    ).toBe(0);
  });
});

describe('record history', () => {
  it('lists who changed which field, newest first', async () => {
    const { recordHistory } = await import('./history');
    await wp.write('change.add', [customer('A', { id: 'c1' }), customer('B', { id: 'c2' })]);
    const bobPath = new WritePath(db, bob);
    await bobPath.write('change.edit', [{ type: 'update', table: 'customers', id: 'c1', patch: { tier: 'A' } }]);
    await wp.write('change.edit', [{ type: 'update', table: 'customers', id: 'c2', patch: { tier: 'B' } }]);
    bobPath.destroy();
    const h = await recordHistory(db, 'customers', 'c1');
    expect(h.map((e) => [e.kind, e.actorName, e.after])).toEqual([
      ['update', '李强', { tier: 'A' }],
      ['insert', '王丽', {}]
    ]);
  });
});

describe('write options', () => {
  it('uses the change set id the caller chose', async () => {
    const { newId } = await import('./ids');
    const id = newId();
    const cs = await wp.write('change.import', [customer('A')], { id });
    expect(cs.id).toBe(id);
    expect((await db.changes.toArray()).at(-1)?.id).toBe(id);
  });

  it.each([
    ['an invalid field', customer('坏', { tier: 'Z' }), 'cell.error.choice'],
    ['an id already stored', customer('重复', { id: 'c0' }), 'write.duplicate-id']
  ])('refuses %s after two chunks were already sent to storage, and writes nothing', async (_what, bad, code) => {
    await wp.write('change.add', [customer('原有', { id: 'c0' })]);
    const before = await db.customers.toArray();
    const many = Array.from({ length: 12_000 }, (_, i) => customer(`客户${i}`));
    const err = await wp.write('change.import', [...many, bad as never]).catch((e: unknown) => e);
    expect((err as WriteError).problem?.code).toBe(code);
    expect(await db.customers.toArray()).toEqual(before);
    expect(await db.changes.count()).toBe(1);
  });

  it('reports progress and an abort leaves nothing behind', async () => {
    await wp.write('change.add', [customer('原有', { id: 'c0' })]);
    const before = await db.customers.toArray();
    const logBefore = await db.changes.count();
    const undoBefore = await wp.undoState();
    const many = Array.from({ length: 12_000 }, (_, i) => customer(`客户${i}`));
    const controller = new AbortController();
    const seen: number[] = [];
    const err = await wp
      .write('change.import', many, {
        signal: controller.signal,
        onProgress: (done, total) => {
          seen.push(done);
          expect(total).toBe(12_000);
          if (done >= 10_000) controller.abort();
        }
      })
      .catch((e: unknown) => e);
    expect((err as Error).name).toBe('AbortError');
    expect(seen).toEqual([5000, 10_000]);
    expect(await db.customers.toArray()).toEqual(before);
    expect(await db.changes.count()).toBe(logBefore);
    expect(await wp.undoState()).toEqual(undoBefore);
  });
});
