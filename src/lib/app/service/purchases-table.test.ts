import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Entry } from '$lib/db/changes';
import { KebuDB } from '$lib/db/schema';
import { WritePath } from '$lib/db/write-path';
import { alice, bob } from '$lib/db/test-write-path';
import { makeBackup, readBackup, readSnapshot } from '$lib/io/backup';
import { DEFAULT_CHURN_SETTINGS } from './churn-settings';
import { SIGNAL_TABLES, SignalsEngine, type SignalRow } from './signals-engine';

/** The purchases table goes where every record table goes, with no code of its own: sync, undo, backup. */
let n = 0;
let dbA: KebuDB;
let dbB: KebuDB;
let a: WritePath;
let b: WritePath;
let fromA: Entry[];

beforeEach(async () => {
  dbA = new KebuDB(`purchases-a-${++n}`);
  dbB = new KebuDB(`purchases-b-${n}`);
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

const DAYS = ['2026-04-01', '2026-04-07', '2026-04-13', '2026-04-19', '2026-04-25'];

async function flagsOn(db: KebuDB, today: string) {
  const e = new SignalsEngine();
  for (const t of SIGNAL_TABLES) e.load(t, (await db.table(t).toArray()) as SignalRow[]);
  return e.flags(today, DEFAULT_CHURN_SETTINGS).signals.map((s) => [s.customerId, s.flags.map((f) => [f.kind, f.raisedOn, f.cleared])]);
}

describe('the purchases table', () => {
  it('reaches a second device, and so do the flags; an undo there too', async () => {
    await a.write('change.add', [{ type: 'insert', table: 'customers', record: { id: 'c1', kind: 'unit', name: '顺达物流' } }]);
    await a.write(
      'change.paste',
      DAYS.map((date) => ({ type: 'insert', table: 'purchases', record: { date, customerId: 'c1', amount: 30_000, paymentKind: 'card' } }))
    );
    await b.applyRemote(fromA);
    expect(await dbB.purchases.count()).toBe(5);
    expect(await flagsOn(dbB, '2026-05-06')).toEqual([['c1', [['cycle', '2026-05-05', false]]]]);
    expect(await flagsOn(dbB, '2026-05-06')).toEqual(await flagsOn(dbA, '2026-05-06'));

    // a purchase on 05-04 entered by mistake and taken back: the flag comes and goes with it on both
    await a.write('change.add', [
      { type: 'insert', table: 'purchases', record: { date: '2026-05-04', customerId: 'c1', amount: 100, paymentKind: 'cash' } }
    ]);
    await b.applyRemote(fromA.slice(2));
    expect(await flagsOn(dbB, '2026-05-06')).toEqual([]);
    await a.undo();
    await b.applyRemote(fromA.slice(3));
    expect(await flagsOn(dbB, '2026-05-06')).toEqual([['c1', [['cycle', '2026-05-05', false]]]]);
  });

  it('is in a backup and comes back from it field by field', async () => {
    await a.write('change.add', [{ type: 'insert', table: 'customers', record: { id: 'c1', kind: 'unit', name: '顺达物流' } }]);
    await a.write('change.add', [
      {
        type: 'insert',
        table: 'purchases',
        record: { date: '2026-05-01', time: '08:30', customerId: 'c1', amount: 35_000, volume: 45.5, unit: 'L', paymentKind: 'card' }
      }
    ]);
    const snapshot = await readSnapshot(dbA);
    const file = await makeBackup(snapshot, { workspace: { id: 'w', name: '测试' }, createdBy: 'alice' });
    const back = await readBackup(file);
    expect(back.header.counts.purchases).toBe(1);
    expect(back.snapshot.tables.purchases).toEqual(await dbA.purchases.toArray());
  });
});
