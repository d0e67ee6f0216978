/**
 * Issue 16, points 1 and 2, through the WritePath facade only (so the same test runs on the old
 * write path): a stamp from another device can never poison this one, and no edit is lost to
 * clock skew across reloads.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Entry } from './changes';
import { KebuDB } from './schema';
import { WritePath, type Actor } from './write-path';

const DAY = 24 * 60 * 60 * 1000;
const BASE = 1_760_000_000_000;
let n = 0;
let offset = 0;
const dbs: KebuDB[] = [];
const paths: WritePath[] = [];

beforeEach(() => {
  offset = 0;
  vi.spyOn(Date, 'now').mockImplementation(() => BASE + offset);
});
afterEach(async () => {
  vi.restoreAllMocks();
  for (const p of paths.splice(0)) p.destroy();
  for (const db of dbs.splice(0)) {
    db.close();
    await db.delete();
  }
});

function device(actor: Actor) {
  const db = new KebuDB(`clock-bounds-${++n}`);
  dbs.push(db);
  const open = () => {
    const wp = new WritePath(db, actor);
    paths.push(wp);
    return wp;
  };
  return { db, open };
}

const mallory = (at: number, id: string, record: string): Entry => ({
  v: 1,
  id,
  actor: 'mallory',
  actorName: 'M',
  device: 'mallory-phone',
  at,
  label: 'change.edit',
  ops: [{ t: 'customers', id: record, f: { name: ['被改了', at, 'mallory'] } }]
});

describe('a stamp from another device never poisons this one', () => {
  it.each([
    { name: 'the end of JavaScript dates', at: 8.64e15 },
    { name: '25 hours ahead', at: BASE + DAY + 3_600_000 }
  ])('refuses an entry stamped $name, naming its device, and later edits keep their own time', async ({ at }) => {
    const alice = device({ id: 'alice', name: 'A', device: 'laptop' });
    const wp = alice.open();
    const cs = await wp.write('change.add', [{ type: 'insert', table: 'customers', record: { kind: 'unit', name: '顺达' } }]);
    const id = cs.ops[0].id;
    const r = await wp.applyRemote([mallory(at, 'E-far', id)]);
    expect(r.applied).toEqual([]);
    expect(r.refused).toHaveLength(1);
    expect(r.refused[0].reason).toContain('mallory-phone');
    expect((await alice.db.customers.get(id))?.name).toBe('顺达');
    offset = 1000;
    const mine = await wp.write('change.edit', [{ type: 'update', table: 'customers', id, patch: { name: '顺达物流' } }]);
    expect(mine.at).toBe(BASE + 1000);
    // a reload does not bring the refused stamp back either
    const again = alice.open();
    const next = await again.write('change.edit', [{ type: 'update', table: 'customers', id, patch: { city: '杭州' } }]);
    expect(next.at).toBe(BASE + 1001);
  });

  it('moves the clock only for an entry it accepts, up to 24 hours ahead', async () => {
    const alice = device({ id: 'alice', name: 'A', device: 'laptop' });
    const wp = alice.open();
    const cs = await wp.write('change.add', [{ type: 'insert', table: 'customers', record: { kind: 'unit', name: '顺达' } }]);
    const id = cs.ops[0].id;
    // refused for its value (a wrong choice), though its stamp is fine: the clock stays
    const bad: Entry = { ...mallory(BASE + 3_600_000, 'E-bad', id), ops: [{ t: 'customers', id, f: { tier: ['Z', BASE + 3_600_000, 'mallory'] } }] };
    expect((await wp.applyRemote([bad])).refused).toHaveLength(1);
    expect((await wp.write('change.edit', [{ type: 'update', table: 'customers', id, patch: { city: '杭州' } }])).at).toBe(BASE + 1);
    // accepted, 23 hours ahead: the next edit sorts after it
    const ahead = BASE + DAY - 3_600_000;
    expect((await wp.applyRemote([mallory(ahead, 'E-ok', id)])).applied).toEqual(['E-ok']);
    expect((await wp.write('change.edit', [{ type: 'update', table: 'customers', id, patch: { name: '我的' } }])).at).toBe(ahead + 1);
  });
});

describe('no edit lost to clock skew', () => {
  it('two devices ±10 minutes apart, reloading between edits, keep every later edit', async () => {
    const devices = {
      fast: { ...device({ id: 'fast', name: 'F', device: 'fast-laptop' }), skew: 600_000 },
      slow: { ...device({ id: 'slow', name: 'S', device: 'slow-phone' }), skew: -600_000 }
    };
    /** a reload: a new WritePath on the same database, its clock read back from storage */
    const reload = (who: keyof typeof devices) => {
      offset = devices[who].skew;
      return devices[who].open();
    };
    const open = { fast: reload('fast'), slow: reload('slow') };
    const names: string[] = [];
    let id = '';
    // four edits, alternating, the last one by the slow device; each reaches the other device at
    // once (which applies it while open), and then the other device reloads before it edits
    for (let step = 0; step < 4; step++) {
      const who = step % 2 ? 'slow' : 'fast';
      const other = who === 'fast' ? 'slow' : 'fast';
      open[who] = reload(who);
      offset += step;
      const name = `第${step}次 ${who}`;
      names.push(name);
      const entries: Entry[] = [];
      const off = open[who].onEntry((e) => entries.push(e));
      const mutation =
        step === 0
          ? { type: 'insert' as const, table: 'customers' as const, record: { kind: 'unit', name } }
          : { type: 'update' as const, table: 'customers' as const, id, patch: { name } };
      const cs = await open[who].write('change.edit', [mutation]);
      off();
      if (step === 0) id = cs.ops[0].id;
      offset = devices[other].skew + step;
      expect((await open[other].applyRemote(entries)).applied).toEqual([cs.id]);
    }
    // both devices, reloaded once more, show the last edit made
    for (const who of ['fast', 'slow'] as const) {
      reload(who);
      expect((await devices[who].db.customers.get(id))?.name, who).toBe(names[names.length - 1]);
    }
  });
});
