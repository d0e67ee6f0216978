/** restore.ts through the WritePath facade: a verified backup put back whole. */
import { describe, expect, it } from 'vitest';
import type { KebuDB } from './schema';
import { customer, freshWritePath } from './test-write-path';
import { WritePath, type ChangeNotice } from './write-path';
import { WriteError } from './validate';

let db: KebuDB;
let wp: WritePath;
freshWritePath((d, w) => {
  db = d;
  wp = w;
});

describe('restore a snapshot', () => {
  it('replaces every table and the log verbatim, and refuses a bad record without touching anything', async () => {
    await wp.write('change.add', [customer('A', { id: 'c1' })]);
    await wp.write('change.edit', [{ type: 'update', table: 'customers', id: 'c1', patch: { tier: 'B' } }]);
    const snapshot = {
      tables: { customers: await db.customers.toArray(), settings: [] },
      changes: await db.changes.toArray()
    } as never as import('./write-path').Snapshot;
    // the workspace moves on…
    await wp.write('change.add', [customer('Z', { id: 'c9' })]);
    // …a broken snapshot is refused and changes nothing
    const broken = { ...snapshot, tables: { customers: [{ ...snapshot.tables.customers![0], tier: 'Q' }] } };
    const err = await wp.restoreSnapshot(broken).catch((e: unknown) => e);
    expect((err as WriteError).problem.code).toBe('cell.error.choice');
    expect(await db.customers.count()).toBe(2);

    const seen: ChangeNotice[] = [];
    wp.subscribe((n) => seen.push(n));
    await wp.restoreSnapshot(snapshot);
    expect(await db.customers.toArray()).toEqual(snapshot.tables.customers);
    expect((await db.changes.toArray()).map((c) => c.id)).toEqual(snapshot.changes.map((c) => c.id));
    expect(await wp.undoState()).toEqual({ canUndo: false, canRedo: false });
    expect(seen[0].tables.customers).toBe('all');
  });
});
