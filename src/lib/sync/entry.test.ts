import { deflateSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { inflateSync } from 'fflate';
import { decodeEntry, encodeEntry, PACK_ABOVE, PACK_SLICE, packEntry, packEntryInSlices, inflateElement, type Entry } from './entry';

const AT = 1_760_000_000_000;
const valid = (): Entry => ({
  v: 1,
  id: '01JX0000000000000000000001',
  actor: 'alice',
  actorName: '王丽',
  device: 'laptop',
  at: AT,
  label: 'change.add',
  ops: [
    {
      t: 'customers',
      id: 'c1',
      ins: 1,
      f: { kind: ['unit', AT, 'alice'], name: ['杭州顺达物流', AT, 'alice'], tags: [['vip'], AT, 'alice'], deleted: [0, AT, 'alice'] }
    },
    { t: 'customers', id: 'c0', f: { notes: [null, AT, 'alice'], deleted: [1, AT, 'alice'] } }
  ]
});

/** the valid entry with one change, as text */
function mutate(fn: (e: Record<string, unknown> & { ops: Record<string, unknown>[] }) => void): string {
  const e = JSON.parse(JSON.stringify(valid()));
  fn(e);
  return JSON.stringify(e);
}

/** the valid entry with one more field written by its second op */
const withField = (field: string, write: unknown) =>
  mutate((e) => {
    (e.ops[1].f as Record<string, unknown>)[field] = write;
  });

// values against the field specs and custom columns are checked by applyRemote
// (src/lib/db/apply-remote.test.ts): decodeEntry checks shape, stamps and harmlessness
describe('decodeEntry', () => {
  it('round-trips what encodeEntry wrote', () => {
    const r = decodeEntry(encodeEntry(valid()));
    expect(r).toEqual({ ok: true, entry: valid() });
  });

  it('writes each stamp once per op (version 2) and reads back the same entry', () => {
    const created = AT - 86_400_000;
    const e: Entry = {
      ...valid(),
      label: 'change.share',
      ops: [
        // a snapshot record: created by bob, one field since changed by carol
        {
          t: 'customers',
          id: 'c7',
          ins: 1,
          f: {
            kind: ['unit', created, 'bob'],
            name: ['宁波港', created, 'bob'],
            city: ['宁波', AT - 5, 'carol'],
            tags: [['a', 'b'], created, 'bob'],
            deleted: [0, created, 'bob']
          }
        },
        ...valid().ops
      ]
    };
    const text = encodeEntry(e);
    const parsed = JSON.parse(text);
    expect(parsed.v).toBe(2);
    expect(parsed.ops[0].s).toEqual([created, 'bob']);
    expect(parsed.ops[0].f).toEqual({ kind: ['unit'], name: ['宁波港'], city: ['宁波', AT - 5, 'carol'], tags: [['a', 'b']], deleted: [0] });
    expect(parsed.ops[1].s).toBeUndefined();
    expect(parsed.ops[1].f.name).toEqual(['杭州顺达物流']);
    expect(text.length).toBeLessThan(JSON.stringify(e).length * 0.85);
    expect(decodeEntry(text)).toEqual({ ok: true, entry: e });
    // entries written by earlier versions still read
    expect(decodeEntry(JSON.stringify(e))).toEqual({ ok: true, entry: e });
  });

  const deep = '['.repeat(200_000) + ']'.repeat(200_000);
  const deepValue = mutate((e) => {
    let v: unknown = 'x';
    for (let i = 0; i < 100; i++) v = { a: v };
    e.ops.push({ t: 'settings', id: 's1', f: { value: [v, AT, 'alice'] } });
  });

  it.each<[string, unknown, string]>([
    ['not a string', 42, 'not-a-string'],
    ['null', null, 'not-a-string'],
    ['not JSON', '{"v":1,', 'not-json'],
    ['a JSON array', '[1,2]', 'not-an-object'],
    ['another version', mutate((e) => (e.v = 3)), 'bad-version'],
    ['a one-element write in version 1', withField('notes', ['x']), 'bad-write'],
    ['an op stamp in version 1', mutate((e) => (e.ops[1].s = [AT, 'bob'])), 'bad-op-stamp'],
    ['an op stamp that is not a pair', mutate((e) => ((e.v = 2), (e.ops[1].s = [AT]))), 'bad-op-stamp'],
    ['an op stamp by nobody', mutate((e) => ((e.v = 2), (e.ops[1].s = [AT, '']))), 'bad-op-stamp'],
    ['an op stamp in the far future', mutate((e) => ((e.v = 2), (e.ops[1].s = [1e300, 'bob']))), 'bad-op-stamp'],
    ['a bad entry id', mutate((e) => (e.id = '<script>')), 'bad-id'],
    ['an id that is too long', mutate((e) => (e.id = 'a'.repeat(65))), 'bad-id'],
    ['a missing actor', mutate((e) => delete e.actor), 'bad-actor'],
    ['a numeric actor name', mutate((e) => (e.actorName = 7)), 'bad-actor-name'],
    ['a time that is a string', mutate((e) => (e.at = '1760000000000')), 'bad-at'],
    ['a time of NaN (null in JSON)', mutate((e) => (e.at = NaN)), 'bad-at'],
    ['a time past the end of dates', mutate((e) => (e.at = 1e300)), 'bad-at'],
    ['a negative time', mutate((e) => (e.at = -1)), 'bad-at'],
    ['no ops', mutate((e) => (e.ops = [])), 'bad-ops'],
    ['ops that are an object', mutate((e) => ((e as Record<string, unknown>).ops = { 0: {} })), 'bad-ops'],
    ['an unknown table', mutate((e) => (e.ops[0].t = 'users')), 'bad-table'],
    ['a table named __proto__', mutate((e) => (e.ops[0].t = '__proto__')), 'bad-table'],
    ['a bad record id', mutate((e) => (e.ops[0].id = '../x')), 'bad-record-id'],
    ['ins that is true', mutate((e) => (e.ops[0].ins = true)), 'bad-ins'],
    ['fields that are an array', mutate((e) => (e.ops[1].f = [])), 'bad-fields'],
    ['no fields', mutate((e) => (e.ops[1].f = {})), 'no-fields'],
    ['a write that is not a triple', withField('notes', ['x', AT]), 'bad-write'],
    ['a stamp time of NaN', withField('notes', ['x', null, 'alice']), 'bad-stamp'],
    ['a stamp by a number', withField('notes', ['x', AT, 5]), 'bad-stamp'],
    ['a field named constructor', withField('constructor', ['x', AT, 'alice']), 'forbidden-key'],
    ['a field named __proto__', JSON.stringify(valid()).replace('"notes":', '"__proto__":'), 'forbidden-key'],
    ['an envelope field', withField('createdBy', ['eve', AT, 'alice']), 'envelope-field'],
    ['deleted = 2', withField('deleted', [2, AT, 'alice']), 'bad-deleted'],
    ['an insert without its creation stamp', mutate((e) => delete (e.ops[0].f as Record<string, unknown>).deleted), 'insert-without-creation-stamp'],
    ['a string over 1 MB', withField('notes', ['x'.repeat(1_000_001), AT, 'alice']), 'too-long-string'],
    ['deep nesting', deep, ''],
    ['a deeply nested value', deepValue, 'too-deep'],
    ['an infinite number', withField('notes', [1, AT, 'alice']).replace('"notes":[1', '"notes":[1e999'), 'not-finite'],
    ['a field name over 200 characters', withField('x'.repeat(201), [1, AT, 'alice']), 'bad-field'],
    ['a key named __proto__ inside a value', withField('value', [JSON.parse('{"a":{"__proto__":{"polluted":1}}}'), AT, 'alice']), 'forbidden-key']
  ])('refuses %s without throwing', (_what, input, reason) => {
    const r = decodeEntry(input);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toContain(reason);
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('does not pollute prototypes', () => {
    const text = JSON.stringify(valid()).replace('"notes":[null', '"__proto__":{"polluted":1},"notes":[null');
    expect(decodeEntry(text).ok).toBe(false);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

/** a snapshot-like entry of n customers, long enough to be packed */
const bigEntry = (n: number): Entry => ({
  ...valid(),
  label: 'change.share',
  ops: Array.from({ length: n }, (_, i) => ({
    t: 'customers' as const,
    id: `c${i}`,
    ins: 1 as const,
    f: { kind: ['unit', AT, 'alice'], name: [`杭州顺达物流有限公司${i}`, AT, 'alice'], city: ['杭州市', AT, 'alice'], deleted: [0, AT, 'alice'] }
  }))
});

/** a packed element by hand: format byte, declared UTF-8 length, raw deflate */
function packed(json: string, declared?: number, format = 1): Uint8Array {
  const utf8 = new TextEncoder().encode(json);
  const body = deflateSync(utf8);
  const out = new Uint8Array(5 + body.length);
  out[0] = format;
  new DataView(out.buffer).setUint32(1, declared ?? utf8.length, true);
  out.set(body, 5);
  return out;
}

describe('packEntry', () => {
  it('leaves a short entry as text and packs a long one', () => {
    expect(typeof packEntry(valid())).toBe('string');
    const big = bigEntry(200);
    expect(encodeEntry(big).length).toBeGreaterThan(PACK_ABOVE);
    const item = packEntry(big);
    expect(item).toBeInstanceOf(Uint8Array);
    // Chinese JSON is two bytes a character in memory: packed it is a fraction of that
    expect((item as Uint8Array).byteLength).toBeLessThan(encodeEntry(big).length * 2 * 0.2);
    expect(decodeEntry(item)).toEqual({ ok: true, entry: big });
  });

  it('packs a long entry a slice at a time into the same text, pausing between slices', async () => {
    const big = bigEntry(PACK_SLICE * 3 + 7);
    let pauses = 0;
    const item = (await packEntryInSlices(big, async () => void pauses++)) as Uint8Array;
    expect(pauses).toBe(4);
    expect(new TextDecoder().decode(inflateSync(item.subarray(5)))).toBe(encodeEntry(big));
    expect(new DataView(item.buffer, item.byteOffset).getUint32(1, true)).toBe(new TextEncoder().encode(encodeEntry(big)).length);
    expect(decodeEntry(item)).toEqual({ ok: true, entry: big });
    // a short one is packed at once, the same as packEntry
    expect(await packEntryInSlices(valid(), async () => void pauses++)).toEqual(packEntry(valid()));
    expect(pauses).toBe(4);
  });

  it('checks a packed entry like a text one', () => {
    const bad = mutate((e) => ((e.ops[1].f as Record<string, unknown>).createdBy = ['eve', AT, 'alice']));
    const r = decodeEntry(packed(bad));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toContain('envelope-field');
    expect(decodeEntry(packed(JSON.stringify(valid())))).toEqual({ ok: true, entry: valid() });
  });

  const json = encodeEntry(bigEntry(50));
  const bytes = new TextEncoder().encode(json).length;
  const garbage = new Uint8Array([1, 20, 0, 0, 0, 0xff, 0xfe, 0xfd, 0x00, 0x13]);
  const notUtf8 = (() => {
    const body = deflateSync(new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]));
    const out = new Uint8Array(5 + body.length);
    out[0] = 1;
    new DataView(out.buffer).setUint32(1, 4, true);
    out.set(body, 5);
    return out;
  })();

  it.each<[string, Uint8Array, string]>([
    ['an empty element', new Uint8Array(0), 'bad-packing'],
    ['another packing format', packed(json, undefined, 2), 'bad-packing'],
    ['a declared length past the limit', packed(json, 0xffffffff), 'too-large'],
    ['a declared length no deflate data can reach (a bomb)', packed(json, bytes * 2000), 'too-large'],
    ['a declared length longer than the data', packed(json, bytes + 10), 'bad-packing'],
    ['a declared length shorter than the data', packed(json, bytes - 10), 'bad-packing'],
    ['data that is not deflate', garbage, 'bad-packing'],
    ['cut-off data', packed(json).subarray(0, 40), 'bad-packing'],
    ['text that is not UTF-8', notUtf8, 'bad-utf8']
  ])('refuses %s without throwing', async (_what, input, reason) => {
    const r = decodeEntry(input);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toContain(reason);
    // the platform's inflating (the decode worker's) refuses it by the same rule, for the same reason
    const native = await inflateElement(input);
    expect(native.ok).toBe(false);
    if (!native.ok) expect(reason).toContain(native.reason);
  });

  it('inflates packed elements with the platform, and leaves everything else as it is', async () => {
    const big = bigEntry(300);
    const item = packEntry(big);
    const text = encodeEntry(valid());
    const odd = { an: 'object' };
    const out = await Promise.all([item, text, 42, odd].map(inflateElement));
    expect(out).toEqual([encodeEntry(big), text, 42, odd].map((value) => ({ ok: true, value })));
    expect(decodeEntry((out[0] as { value: string }).value)).toEqual({ ok: true, entry: big });
  });

  /** A packed element declaring `declared` bytes, holding `text` deflated. */
  const packedBytes = (declared: number, text: Uint8Array) => {
    const body = deflateSync(text);
    const out = new Uint8Array(5 + body.length);
    out[0] = 1;
    new DataView(out.buffer).setUint32(1, declared, true);
    out.set(body, 5);
    return out;
  };
  const utf8 = (text: string) => new TextEncoder().encode(text);
  const spaces = (n: number, first: number) => {
    const out = new Uint8Array(n).fill(0x20);
    out[0] = first;
    return out;
  };

  it.each<[string, Uint8Array, { ok: true; entry: Entry } | { ok: false; reason: string }]>([
    // 16 MB of `{` and spaces deflate to about 16 KB; declared as 256 KB, the data runs past it
    [
      'a bomb that could be an object, past its declared length',
      packedBytes(256 << 10, spaces(16 << 20, 0x7b)),
      { ok: false, reason: 'bad-packing' }
    ],
    // zeros, or anything that does not start as an object, are refused at the first chunk
    ['a bomb of zeros at its declared length', packedBytes(16 << 20, new Uint8Array(16 << 20)), { ok: false, reason: 'not-json' }],
    ['a bomb of a string', packedBytes(16 << 20, spaces(16 << 20, 0x22)), { ok: false, reason: 'not-json' }],
    [
      'an entry after a byte-order mark and spaces',
      packedBytes(3 + 2 + utf8(encodeEntry(valid())).length, utf8(`\ufeff  ${encodeEntry(valid())}`)),
      { ok: true, entry: valid() }
    ]
  ])('inflates by one rule in both inflaters: %s', async (_what, item, expected) => {
    expect(decodeEntry(item)).toEqual(expected);
    const native = await inflateElement(item);
    expect(native.ok ? decodeEntry(native.value) : native).toEqual(expected);
  });
});
