/**
 * The merge rule's algebra, with shrinking (fast-check): merging A into B and B into A gives the
 * same result, merging twice changes nothing, and three states merge the same in any grouping.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FieldWrite } from './changes';
import { lastWrites, mergeFields, storedWrite, wins } from './field-merge';

const FIELDS = ['name', 'city', 'tier', 'deleted'];
const write: fc.Arbitrary<FieldWrite> = fc.tuple(
  fc.oneof(fc.constant(null), fc.string({ maxLength: 3 }), fc.integer({ min: 0, max: 3 }), fc.array(fc.string({ maxLength: 2 }), { maxLength: 2 })),
  // few distinct stamps, so that ties on `at` and on `by` happen often
  fc.integer({ min: 0, max: 4 }),
  fc.constantFrom('alice', 'bob')
);
const state = fc.dictionary(fc.constantFrom(...FIELDS), write, { maxKeys: FIELDS.length });
/** as a plain object, so that toEqual compares only fields and writes */
const plain = (s: Record<string, FieldWrite>) => ({ ...s });

describe('the last-writer-wins rule', () => {
  it('is commutative: A into B equals B into A', () => {
    fc.assert(
      fc.property(state, state, (a, b) => {
        expect(plain(mergeFields(a, b))).toEqual(plain(mergeFields(b, a)));
      })
    );
  });

  it('is idempotent: merging a state, or a merge, again changes nothing', () => {
    fc.assert(
      fc.property(state, state, (a, b) => {
        expect(plain(mergeFields(a, a))).toEqual(plain(a));
        const ab = mergeFields(a, b);
        expect(plain(mergeFields(ab, b))).toEqual(plain(ab));
      })
    );
  });

  it('is associative over three writes', () => {
    fc.assert(
      fc.property(state, state, state, (a, b, c) => {
        expect(plain(mergeFields(mergeFields(a, b), c))).toEqual(plain(mergeFields(a, mergeFields(b, c))));
      })
    );
  });

  it('keeps, for each field, the greatest write of all', () => {
    fc.assert(
      fc.property(fc.array(state, { maxLength: 6 }), (states) => {
        const merged = states.reduce(mergeFields, {});
        for (const s of states) for (const [field, w] of Object.entries(s)) expect(wins(w, merged[field])).toBe(false);
      })
    );
  });

  it.each([
    { name: 'a later time wins', incoming: ['b', 2, 'alice'], current: ['a', 1, 'bob'], won: true },
    { name: 'an earlier time loses', incoming: ['b', 1, 'bob'], current: ['a', 2, 'alice'], won: false },
    { name: 'same time: the greater actor wins', incoming: ['b', 1, 'bob'], current: ['a', 1, 'alice'], won: true },
    { name: 'same stamp: the greater value JSON wins', incoming: ['b', 1, 'bob'], current: ['a', 1, 'bob'], won: true },
    { name: 'the same write does not win again', incoming: ['a', 1, 'bob'], current: ['a', 1, 'bob'], won: false },
    { name: 'anything wins over nothing', incoming: [null, 0, 'a'], current: null, won: true }
  ] as { name: string; incoming: FieldWrite; current: FieldWrite | null; won: boolean }[])('$name', ({ incoming, current, won }) => {
    expect(wins(incoming, current)).toBe(won);
  });

  it('counts only the last write of a field within one entry', () => {
    const first: FieldWrite = ['x', 1, 'a'];
    const second: FieldWrite = ['y', 1, 'a'];
    const last = lastWrites({
      ops: [
        { t: 'customers', id: 'c1', f: { name: first }, ins: 1 },
        { t: 'customers', id: 'c1', f: { name: second } }
      ]
    });
    expect(last.get('customers/c1.name')).toBe(second);
  });

  it('reads a stored field as its own stamp, else the creation stamp, else nothing', () => {
    const row = { createdAt: 5, createdBy: 'alice', name: 'A', city: 'B', _f: { city: { at: 9, by: 'bob' } } };
    expect(storedWrite(row, 'name')).toEqual(['A', 5, 'alice']);
    expect(storedWrite(row, 'city')).toEqual(['B', 9, 'bob']);
    expect(storedWrite(row, 'tier')).toBeNull();
  });
});
