import { describe, expect, it } from 'vitest';
import type { Entry, EntryOp } from './entry';
import { fieldHistory, mergeEntries } from './merge';

let n = 0;
const entry = (actor: string, at: number, ops: EntryOp[]): Entry => ({
  v: 1,
  id: `E${String(++n).padStart(4, '0')}`,
  actor,
  actorName: actor,
  device: 'd',
  at,
  label: 'change.edit',
  ops
});
const insert = (actor: string, at: number, id: string, name: string) =>
  entry(actor, at, [{ t: 'customers', id, ins: 1, f: { kind: ['unit', at, actor], name: [name, at, actor], deleted: [0, at, actor] } }]);
const edit = (actor: string, at: number, id: string, f: Record<string, unknown>) =>
  entry(actor, at, [{ t: 'customers', id, f: Object.fromEntries(Object.entries(f).map(([k, v]) => [k, [v, at, actor]])) as EntryOp['f'] }]);

/** a comparable form of the merged state */
const state = (entries: Entry[]) => JSON.parse(JSON.stringify([...mergeEntries(entries)].sort(([a], [b]) => (a < b ? -1 : 1))));

function permutations<T>(xs: T[]): T[][] {
  if (xs.length <= 1) return [xs];
  return xs.flatMap((x, i) => permutations([...xs.slice(0, i), ...xs.slice(i + 1)]).map((p) => [x, ...p]));
}

const c1 = insert('alice', 100, 'c1', '顺达物流');
const scenarios: [string, Entry[], Entry[]][] = [
  ['concurrent edits of one field', [c1, edit('alice', 200, 'c1', { name: '甲' })], [c1, edit('bob', 150, 'c1', { name: '乙' })]],
  ['edits of different fields', [c1, edit('alice', 200, 'c1', { city: '杭州' })], [c1, edit('bob', 200, 'c1', { tier: 'A' })]],
  ['one stamp time, two actors', [c1, edit('alice', 200, 'c1', { name: '甲' })], [c1, edit('bob', 200, 'c1', { name: '乙' })]],
  ['delete racing an edit', [c1, edit('alice', 200, 'c1', { deleted: 1 })], [c1, edit('bob', 300, 'c1', { name: '乙', city: '北京' })]],
  [
    'delete racing a later restore',
    [c1, edit('alice', 200, 'c1', { deleted: 1 })],
    [c1, edit('alice', 200, 'c1', { deleted: 1 }), edit('bob', 300, 'c1', { deleted: 0 })]
  ],
  ['an emptied field', [c1, edit('alice', 200, 'c1', { notes: '备注' })], [c1, edit('bob', 250, 'c1', { notes: null })]],
  ['an edit that arrives before the insert', [edit('bob', 300, 'c1', { city: '上海' })], [c1]],
  ['the same actor on two devices in one millisecond', [c1, edit('alice', 200, 'c1', { name: 'x' })], [c1, edit('alice', 200, 'c1', { name: 'y' })]]
];

describe('mergeEntries', () => {
  it.each(scenarios)('%s: A into B equals B into A, in any order, duplicates or not', (_what, a, b) => {
    const expected = state([...a, ...b]);
    expect(state([...b, ...a])).toEqual(expected);
    for (const p of permutations([...new Set([...a, ...b])])) expect(state(p)).toEqual(expected);
    expect(state([...a, ...b, ...a, ...b])).toEqual(expected);
    // merging a merged side again changes nothing (associative grouping)
    expect(state([...a, ...a, ...b])).toEqual(expected);
  });

  it('keeps the greater stamp: at first, then by', () => {
    const s = mergeEntries([c1, edit('bob', 150, 'c1', { name: '乙' }), edit('alice', 200, 'c1', { name: '甲' })]);
    expect(s.get('customers/c1')?.fields.name).toEqual(['甲', 200, 'alice']);
    const tie = mergeEntries([c1, edit('bob', 200, 'c1', { name: '乙' }), edit('alice', 200, 'c1', { name: '甲' })]);
    expect(tie.get('customers/c1')?.fields.name).toEqual(['乙', 200, 'bob']);
  });

  it('an edit racing a delete never resurrects the record; a later restore does', () => {
    const del = edit('alice', 200, 'c1', { deleted: 1 });
    const late = edit('bob', 300, 'c1', { name: '乙' });
    const s = mergeEntries([late, c1, del]);
    expect(s.get('customers/c1')?.fields.deleted[0]).toBe(1);
    expect(s.get('customers/c1')?.fields.name[0]).toBe('乙');
    const restored = mergeEntries([c1, del, late, edit('carol', 250, 'c1', { deleted: 0 })]);
    expect(restored.get('customers/c1')?.fields.deleted[0]).toBe(0);
    const restoredEarlier = mergeEntries([c1, edit('carol', 150, 'c1', { deleted: 0 }), del]);
    expect(restoredEarlier.get('customers/c1')?.fields.deleted[0]).toBe(1);
  });

  it('an insert and an edit of one record in one entry: the edit wins', () => {
    const e = entry('alice', 100, [
      { t: 'customers', id: 'c9', ins: 1, f: { kind: ['unit', 100, 'alice'], name: ['z-first', 100, 'alice'], deleted: [0, 100, 'alice'] } },
      { t: 'customers', id: 'c9', f: { name: ['a-second', 100, 'alice'] } }
    ]);
    expect(mergeEntries([e]).get('customers/c9')?.fields.name[0]).toBe('a-second');
    expect(fieldHistory([e], 'customers', 'c9', 'name').map((h) => h.value)).toEqual(['a-second']);
  });
});

describe('fieldHistory', () => {
  it('lists every value of a field with its stamp, winner first', () => {
    const entries = [
      c1,
      edit('alice', 200, 'c1', { name: '甲' }),
      edit('bob', 150, 'c1', { name: '乙' }),
      edit('carol', 300, 'c1', { city: '杭州' })
    ];
    const h = fieldHistory(entries, 'customers', 'c1', 'name');
    expect(h.map((x) => [x.value, x.at, x.by])).toEqual([
      ['甲', 200, 'alice'],
      ['乙', 150, 'bob'],
      ['顺达物流', 100, 'alice']
    ]);
    expect(fieldHistory([...entries].reverse(), 'customers', 'c1', 'name')).toEqual(h);
    expect(fieldHistory(entries, 'customers', 'c1', 'nothing')).toEqual([]);
  });
});
