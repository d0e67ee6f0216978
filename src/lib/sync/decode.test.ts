/**
 * Decoding the log off the page (issue 16.5): the batching and its budget (pure, on an injected
 * clock), the pieces a large entry is handed over in, the groups elements are sent in, the
 * requests the worker serves (here through structured cloning, as postMessage does), and a
 * Replica that receives compression bombs through them.
 */
import { deflateSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { KebuDB } from '$lib/db/schema';
import { WritePath } from '$lib/db/write-path';
import { Assembler, Budget, DecodeSession, decodeHandlers, groups, type Piece } from './decode';
import { decodeElements, type LogDecoder } from './decoder';
import { decodeEntry, encodeEntry, packEntry, type Entry } from './entry';
import { REFUSED_KEY, Replica } from './replica';

const AT = 1_760_000_000_000;
function entry(id: number, ops: number): Entry {
  return {
    v: 1,
    id: `e${id}`,
    actor: 'alice',
    actorName: '王丽',
    device: 'laptop',
    at: AT,
    label: 'change.add',
    ops: Array.from({ length: ops }, (_, i) => ({
      t: 'customers' as const,
      id: `c${id}-${i}`,
      ins: 1 as const,
      f: { kind: ['unit', AT, 'alice'], name: [`杭州顺达物流${i}`, AT, 'alice'], deleted: [0, AT, 'alice'] }
    }))
  };
}

/**
 * A packed element that declares `declared` bytes and holds `bytes` deflated: zeros, or `{` and
 * spaces (which could still be an object until the end, so only the declared length stops it).
 */
function bomb(declared: number, bytes: number, fill: 'zeros' | 'object' = 'zeros'): Uint8Array {
  const text = fill === 'zeros' ? new Uint8Array(bytes) : new Uint8Array(bytes).fill(0x20);
  if (fill === 'object') text[0] = 0x7b;
  const body = deflateSync(text);
  const out = new Uint8Array(5 + body.length);
  out[0] = 1;
  new DataView(out.buffer).setUint32(1, declared, true);
  out.set(body, 5);
  return out;
}

/** A clock that moves only when told. */
function clock(start = 0) {
  let t = start;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

describe('Budget', () => {
  it.each<[string, number, number, [number, number][], boolean[]]>([
    // [what, ms, units, steps of (ms passed, units spent), full after each step]
    [
      'fills by units',
      100,
      10,
      [
        [0, 4],
        [0, 4],
        [0, 2]
      ],
      [false, false, true]
    ],
    [
      'fills by time',
      16,
      1000,
      [
        [5, 1],
        [10, 1],
        [1, 1]
      ],
      [false, false, true]
    ],
    ['a step that takes the whole budget fills it at once', 16, 1000, [[40, 1]], [true]],
    ['time that passed before a step counts', 16, 1000, [[16, 0]], [true]]
  ])('%s', (_what, ms, units, steps, full) => {
    const c = clock(1000);
    const budget = new Budget(ms, units, c.now);
    expect(
      steps.map(([passed, spent]) => {
        c.advance(passed);
        return budget.spend(spent);
      })
    ).toEqual(full);
  });

  it('counts the units still free', () => {
    const budget = new Budget(16, 10, clock().now);
    expect(budget.free).toBe(10);
    budget.spend(7);
    expect(budget.free).toBe(3);
    budget.spend(7);
    expect(budget.free).toBe(0);
  });
});

describe('DecodeSession', () => {
  it('hands a large entry over in slices that fit the budget, and puts it back together', async () => {
    const big = entry(1, 1234);
    const small = entry(2, 3);
    const session = new DecodeSession([packEntry(big), encodeEntry(small)]);
    expect(session.ids).toEqual(['e1', 'e2']);
    const batches: Piece[][] = [];
    const c = clock();
    while (!session.done) batches.push(await session.next(new Budget(16, 500, c.now)));
    // 500 + 500 + 234 ops, then the small entry in the batch that still had room
    expect(batches.map((b) => b.map((p) => ('ops' in p ? p.ops.length : -1)))).toEqual([[500], [500], [234, 3]]);
    expect(batches[0][0]).toMatchObject({ i: 0, end: false, head: { id: 'e1' } });
    expect(batches[1][0]).not.toHaveProperty('head');
    const assembled = new Assembler();
    for (const b of batches) assembled.add(structuredClone(b));
    expect(assembled.out).toEqual([
      { i: 0, ok: true, entry: big },
      { i: 1, ok: true, entry: small }
    ]);
  });

  it('ends a batch when its time is spent, whatever the number of ops', async () => {
    const session = new DecodeSession([1, 2, 3, 4, 5].map((i) => encodeEntry(entry(i, 1))));
    const c = clock();
    // the clock is read once per entry decoded, 7 ms later each time: the third passes 16 ms
    const budget = () => new Budget(16, 500, () => c.advance(7));
    const sizes: number[] = [];
    while (!session.done) sizes.push((await session.next(budget())).length);
    expect(sizes).toEqual([3, 2]);
  });

  it('refuses what decodeEntry refuses, with the same reason, and a bomb without inflating past its declared length', async () => {
    const items = [
      '{"v":2,"id":"x1","device":"evil","ops":[]}',
      bomb(64 << 10, 8 << 20, 'object'),
      bomb(0xffffffff, 1 << 20),
      encodeEntry(entry(1, 2))
    ];
    const session = new DecodeSession(items);
    const pieces = await session.next(new Budget(16, 500, clock().now));
    expect(pieces).toEqual([
      { i: 0, refused: 'bad-actor', id: 'x1', device: 'evil' },
      { i: 1, refused: 'bad-packing', id: null, device: null },
      { i: 2, refused: 'too-large', id: null, device: null },
      { i: 3, head: expect.objectContaining({ id: 'e1' }), ops: entry(1, 2).ops, end: true }
    ]);
    for (const [k, item] of items.entries()) {
      const r = decodeEntry(item);
      if (!r.ok) expect(pieces[k]).toMatchObject({ refused: r.reason });
    }
  });

  it('decodes only the elements selected', async () => {
    const session = new DecodeSession([1, 2, 3].map((i) => encodeEntry(entry(i, 1))));
    session.select([2]);
    const a = new Assembler();
    while (!session.done) a.add(await session.next(new Budget(16, 500, clock().now)));
    expect(a.out.map((d) => d.i)).toEqual([2]);
  });
});

describe('groups', () => {
  it.each<[string, number[], number, number, number[][]]>([
    [
      'by size',
      [400, 400, 400, 100],
      1000,
      10,
      [
        [400, 400],
        [400, 100]
      ]
    ],
    ['by count', [1, 1, 1, 1, 1], 1000, 2, [[1, 1], [1, 1], [1]]],
    ['one too large alone', [10, 5000, 10], 1000, 10, [[10], [5000], [10]]],
    ['nothing', [], 1000, 10, []]
  ])('cuts %s', (_what, sizes, maxBytes, maxItems, expected) => {
    expect(groups(sizes, maxBytes, maxItems, (n) => n)).toEqual(expected);
  });
});

/** The worker's requests, every message cloned as postMessage clones it. */
function cloning(failOn?: (items: unknown[]) => boolean): LogDecoder & { resets: number } {
  let h = decodeHandlers();
  const d = {
    resets: 0,
    open: async () => h.open(),
    add: async (session: number, items: unknown[]) => {
      if (failOn?.(items)) throw new Error('the worker failed');
      return structuredClone(await h.add(structuredClone({ session, items })));
    },
    next: async (session: number, keep?: number[]) => structuredClone(await h.next(structuredClone({ session, keep }))),
    close: (session: number) => h.close({ session }),
    reset: () => {
      d.resets++;
      h = decodeHandlers();
    }
  };
  return d;
}

describe('decodeElements', () => {
  const all = async (ids: (string | null)[]) => ids.map(() => true);

  it('returns every element decoded or refused, in order, and skips those kept out by id', async () => {
    const items = [encodeEntry(entry(1, 2)), bomb(1 << 20, 2 << 20), packEntry(entry(2, 700)), encodeEntry(entry(3, 1))];
    const out = await decodeElements(cloning(), items, async (ids) => ids.map((id) => id !== 'e3'));
    expect(out.map((d) => [d.i, d.ok])).toEqual([
      [0, true],
      [1, false],
      [2, true]
    ]);
    expect(out[2]).toEqual({ i: 2, ok: true, entry: entry(2, 700) });
  });

  it('when the worker fails on an element, decodes the rest one by one in a new one and refuses that element', async () => {
    const killer = encodeEntry(entry(9, 1));
    const d = cloning((items) => items.includes(killer));
    const items = [encodeEntry(entry(1, 1)), killer, encodeEntry(entry(2, 1))];
    const out = await decodeElements(d, items, all);
    expect(out.map((r) => (r.ok ? r.entry.id : r.reason))).toEqual(['e1', 'unreadable: worker', 'e2']);
    expect(d.resets).toBe(3);
  });

  it('leaves a failure of storage (the ids applied already) to the caller', async () => {
    const d = cloning();
    await expect(decodeElements(d, [encodeEntry(entry(1, 1))], () => Promise.reject(new Error('QuotaExceededError')))).rejects.toThrow(
      'QuotaExceededError'
    );
    expect(d.resets).toBe(0);
  });
});

describe('Replica with a decoder elsewhere', () => {
  const open: { db: KebuDB; wp: WritePath }[] = [];
  beforeEach(() => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
  });
  afterEach(async () => {
    vi.restoreAllMocks();
    for (const p of open.splice(0)) {
      p.wp.destroy();
      p.db.close();
      await p.db.delete();
    }
  });

  it('refuses compression bombs with their reason, remembers them, and applies the good entries around them, twice', async () => {
    const db = new KebuDB(`decode-${Date.now()}`);
    const wp = new WritePath(db, { id: 'bob', name: 'bob', device: 'd' });
    open.push({ db, wp });
    const doc = new Y.Doc();
    const log = doc.getArray('log');
    log.push([encodeEntry(entry(1, 2)), bomb(4 << 20, 16 << 20, 'object'), bomb(1 << 20, 1 << 20), packEntry(entry(2, 600))]);
    const decoder = cloning();
    const replica = new Replica(doc, wp, { decoder });
    await replica.whenSynced;
    expect(replica.refused.map((r) => r.reason)).toEqual(['bad-packing', 'not-json']);
    expect(await db.customers.count()).toBe(602);
    expect(((await wp.getMeta(REFUSED_KEY)) as unknown[]).length).toBe(2);
    replica.destroy();
    // a second open: the refused elements are not decoded again, the applied ones not applied again
    const add = vi.spyOn(decoder, 'add');
    const again = new Replica(doc, wp, { decoder });
    await again.whenSynced;
    expect(add.mock.calls.flatMap(([, items]) => items).some((i) => i instanceof Uint8Array && i[1] === 0)).toBe(false);
    expect(again.refused).toHaveLength(2);
    expect(await db.customers.count()).toBe(602);
    again.destroy();
  });
});
