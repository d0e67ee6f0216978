/** undo.ts through the WritePath facade: undo, redo and revert of change sets. */
import { describe, expect, it } from 'vitest';
import type { KebuDB } from './schema';
import { alice, bob, customer, freshWritePath } from './test-write-path';
import { WritePath } from './write-path';

let db: KebuDB;
let wp: WritePath;
freshWritePath((d, w) => {
  db = d;
  wp = w;
});

describe('undo and redo', () => {
  it('undoes and redoes a multi-row paste as one step, surviving a reload', async () => {
    await wp.write('change.add', [customer('A', { id: 'c1' }), customer('B', { id: 'c2' })]);
    await wp.write('change.paste', [
      { type: 'update', table: 'customers', id: 'c1', patch: { industry: '物流' } },
      { type: 'update', table: 'customers', id: 'c2', patch: { industry: '化工', notes: '新' } },
      customer('C', { id: 'c3' })
    ]);
    // "reload": a new write path on a reopened database
    wp.destroy();
    db.close();
    await db.open();
    wp = new WritePath(db, alice);
    expect(await wp.undoState()).toEqual({ canUndo: true, canRedo: false });
    await wp.undo();
    expect((await db.customers.get('c1'))?.industry).toBeUndefined();
    expect((await db.customers.get('c2'))?.notes).toBeUndefined();
    expect((await db.customers.get('c3'))?.deleted).toBe(1);
    expect(await wp.undoState()).toEqual({ canUndo: true, canRedo: true });
    await wp.redo();
    expect((await db.customers.get('c1'))?.industry).toBe('物流');
    expect((await db.customers.get('c2'))?.notes).toBe('新');
    expect((await db.customers.get('c3'))?.deleted).toBe(0);
    await wp.undo();
    await wp.undo();
    expect((await db.customers.get('c1'))?.deleted).toBe(1);
    expect(await wp.undo()).toBeNull();
    expect(await wp.undoState()).toEqual({ canUndo: false, canRedo: true });
  });

  it('a new write clears the redo stack', async () => {
    await wp.write('change.add', [customer('A', { id: 'c1' })]);
    await wp.write('change.edit', [{ type: 'update', table: 'customers', id: 'c1', patch: { tier: 'A' } }]);
    await wp.undo();
    await wp.write('change.edit', [{ type: 'update', table: 'customers', id: 'c1', patch: { tier: 'C' } }]);
    expect(await wp.redo()).toBeNull();
    expect((await db.customers.get('c1'))?.tier).toBe('C');
  });

  it('undo never clobbers a later change by someone else', async () => {
    await wp.write('change.add', [customer('A', { id: 'c1' })]);
    await wp.write('change.edit', [{ type: 'update', table: 'customers', id: 'c1', patch: { tier: 'A', industry: '物流' } }]);
    const bobPath = new WritePath(db, bob);
    await bobPath.write('change.edit', [{ type: 'update', table: 'customers', id: 'c1', patch: { tier: 'VIP' } }]);
    bobPath.destroy();
    await wp.undo();
    const row = await db.customers.get('c1');
    expect(row?.tier).toBe('VIP'); // Bob's later value stays
    expect(row?.industry).toBeUndefined(); // Alice's own change is undone
  });

  it('soft-deletes and restores, both undoable', async () => {
    await wp.write('change.add', [customer('A', { id: 'c1' })]);
    await wp.write('change.delete', [{ type: 'delete', table: 'customers', id: 'c1' }]);
    expect((await db.customers.get('c1'))?.deleted).toBe(1);
    await wp.undo();
    expect((await db.customers.get('c1'))?.deleted).toBe(0);
  });
});

describe('revert a given change set', () => {
  it('takes back an older change set, leaves later changes alone, and is itself undoable', async () => {
    await wp.write('change.add', [customer('A', { id: 'c1' })]);
    const imported = await wp.write('change.import', [
      customer('B', { id: 'c2' }),
      { type: 'update', table: 'customers', id: 'c1', patch: { tier: 'A', industry: '物流' } }
    ]);
    // a later change on top of the import, by someone else
    const bobPath = new WritePath(db, bob);
    await bobPath.write('change.edit', [{ type: 'update', table: 'customers', id: 'c1', patch: { tier: 'VIP' } }]);
    bobPath.destroy();
    await wp.write('change.add', [customer('C', { id: 'c3' })]);

    const cs = await wp.revert(imported.id);
    expect(cs).toMatchObject({ label: 'change.revert', revertOf: imported.id });
    expect((await db.customers.get('c2'))?.deleted).toBe(1);
    const c1 = await db.customers.get('c1');
    expect(c1?.industry).toBeUndefined(); // still held the imported value: reverted
    expect(c1?.tier).toBe('VIP'); // Bob's later value stays
    expect((await db.customers.get('c3'))?.deleted).toBe(0); // the newer write is untouched

    // reverting is one step on the undo stack
    await wp.undo();
    expect((await db.customers.get('c2'))?.deleted).toBe(0);
    expect((await db.customers.get('c1'))?.industry).toBe('物流');
  });

  it('returns null for an unknown change set or one with nothing left to take back', async () => {
    const cs = await wp.write('change.add', [customer('A', { id: 'c1' })]);
    expect(await wp.revert('01NOSUCHCHANGESET')).toBeNull();
    expect(await wp.revert(cs.id)).not.toBeNull();
    const count = await db.changes.count();
    expect(await wp.revert(cs.id)).toBeNull();
    expect(await db.changes.count()).toBe(count);
  });
});

describe('peek at the top of the stack', () => {
  it('counts the records an undo and a redo would touch, without applying either', async () => {
    expect(await wp.peekUndo()).toBeNull();
    const rows = Array.from({ length: 150 }, (_, i) => customer(`客户${i}`));
    rows.push({ type: 'insert', table: 'settings', record: { id: 'import.x', value: 1 } } as never);
    const cs = await wp.write('change.import', rows);
    const peek = await wp.peekUndo();
    expect(peek).toEqual({ label: 'change.import', records: 151, settings: ['import.x'] });
    expect(await db.customers.filter((r) => r.deleted === 0).count()).toBe(150);
    expect(await wp.peekRedo()).toBeNull();
    expect(await db.changes.count()).toBe(1);

    // a later edit by somebody else: that record is no longer the undo's to change
    await db.customers.update(cs.ops[0].id, { deleted: 1 });
    expect((await wp.peekUndo())?.records).toBe(150);
    await wp.undo();
    expect(await wp.peekUndo()).toBeNull();
    expect(await wp.peekRedo()).toEqual({ label: 'change.import', records: 150, settings: ['import.x'] });
  });
});
