import { describe, expect, it } from 'vitest';
import { pinyin } from 'pinyin-pro';
import { createRng } from '$lib/domain/records/rng';
import { cachedPinyin, pinyinHaystack, SearchIndex, searchTerms } from './search-index';
import { rowHas } from './search-match';
import { columns, rows, type TRow } from './test-fixtures';
import { cellText } from './values';

const py = (t: string) => pinyin(t, { toneType: 'none', type: 'array' });
const sync = (work: (remaining: () => number) => void) => {
  work(() => Infinity);
  return () => {};
};

function find(index: SearchIndex<TRow>, q: string, data: readonly TRow[] = rows) {
  const terms = searchTerms(q);
  if (!terms.length) return null;
  if (!index.canAnswer(terms)) return 'pending';
  return Array.from(index.matches(terms), (i) => data[i].id);
}

describe('pinyinHaystack', () => {
  it('has full pinyin and initials per cell', () => {
    const h = pinyinHaystack('河北石油\u0001abc\u0001重庆', py);
    expect(h).toContain('hebeishiyou');
    expect(h).toContain('hbsy');
    expect(h).toContain('chongqing');
    expect(pinyinHaystack('abc', py)).toBe('');
  });

  it('converts each run once', () => {
    let calls = 0;
    const cached = cachedPinyin((t) => (calls++, py(t)));
    expect(pinyinHaystack('河北\u0001河北\u0001河北', cached)).toBe('hebei\u0001hebei\u0001hebei\u0001hb\u0001hb\u0001hb');
    expect(calls).toBe(1);
  });
});

describe('SearchIndex', () => {
  it.each<[string, string[]]>([
    ['石油', ['r1']],
    ['APPLE', ['r3']],
    ['hbsy', ['r1']],
    ['hebei', ['r1']],
    ['hangzhou', ['r2']],
    ['bjbd', ['r4']],
    ['cq', ['r5']],
    // terms are AND-ed; link labels and money text are searchable
    ['hz 李强', ['r2']],
    ['1,200.00', ['r1']],
    ['zzz', []]
  ])('finds %s', async (q, expected) => {
    const index = new SearchIndex<TRow>({ loadPinyin: async () => py, schedule: sync });
    index.setColumns(columns);
    index.setRows(rows);
    await index.buildAll();
    expect(index.pinyinReady).toBe(true);
    expect(find(index, q)).toEqual(expected);
  });

  it('answers text terms once the plain part is built, pinyin terms only once pinyin is', async () => {
    let load: (fn: typeof py) => void = () => {};
    const loaded = new Promise<typeof py>((resolve) => (load = resolve));
    const index = new SearchIndex<TRow>({ loadPinyin: () => loaded, schedule: sync });
    index.setColumns(columns);
    index.setRows(rows);
    expect(find(index, '石油')).toBe('pending');
    let ready = 0;
    index.onReady = () => ready++;
    index.start();
    expect(ready).toBe(1);
    expect(find(index, '石油')).toEqual(['r1']);
    // never a wrong (plain-only) answer for a term that may be pinyin
    expect(find(index, 'hbsy')).toBe('pending');
    index.hurry();
    load(py);
    await loaded;
    await Promise.resolve();
    expect(ready).toBe(2);
    expect(find(index, 'hbsy')).toEqual(['r1']);
  });

  it('answers plain text when pinyin cannot be loaded', async () => {
    const index = new SearchIndex<TRow>({ loadPinyin: () => Promise.reject(new Error('offline')), schedule: sync });
    index.setColumns(columns);
    index.setRows(rows);
    await index.buildAll();
    expect(find(index, 'apple')).toEqual(['r3']);
  });

  it('keeps cached entries for unchanged rows and rebuilds changed ones', async () => {
    const index = new SearchIndex<TRow>({ loadPinyin: async () => py, schedule: sync });
    index.setColumns(columns);
    index.setRows(rows);
    await index.buildAll();
    const next = rows.slice();
    next[1] = { ...rows[1], name: '天津港' };
    next.push({ id: 'r6', name: '天津大学' });
    index.setRows(next, [1, 5]);
    expect(find(index, 'tj', next)).toEqual(['r2', 'r6']);
    expect(index.rowMatches(1, ['tjg'])).toBe(true);
    // extra text and a different column set start over
    index.setColumns(columns.slice(0, 1), (r) => r.city ?? '');
    index.setRows(next);
    await index.buildAll();
    expect(find(index, '石家庄', next)).toEqual(['r1']);
  });

  it('splits terms', () => expect(searchTerms('  Hb  Sy ')).toEqual(['hb', 'sy']));
});

describe('SearchIndex over many blocks (seeded)', () => {
  const rng = createRng(14).next;
  const han = '河北石油杭州顺达物流北京百度重庆火锅王李张刘陈天津';
  const pick = (s: string, n: number) => Array.from({ length: n }, () => s[Math.floor(rng() * s.length)]).join('');
  const data: TRow[] = Array.from({ length: 1500 }, (_, i) => ({
    id: `x${i}`,
    name: pick(han, 2 + Math.floor(rng() * 4)) + (rng() < 0.3 ? pick('abcxyz', 2) : ''),
    city: pick(han, 2),
    qty: Math.floor(rng() * 1000)
  }));
  const haystacks = data.map((r) => {
    const plain = (columns.map((c) => cellText(c, r)).join('\u0001') + '\u0001').toLowerCase();
    return { plain, py: pinyinHaystack(plain, py) };
  });
  const brute = (q: string) => data.filter((_, i) => rowHas(haystacks[i], searchTerms(q))).map((r) => r.id);
  const letters = 'hbsyzqjdlwcx1 ';

  it('gives what a row-by-row search gives, also when a query narrows the last one', async () => {
    const index = new SearchIndex<TRow>({ loadPinyin: async () => py, schedule: sync });
    index.setColumns(columns);
    index.setRows(data);
    await index.buildAll();
    for (let round = 0; round < 60; round++) {
      // type a query key by key (each key narrows), sometimes starting over or deleting
      let q = '';
      for (let k = 0; k < 5; k++) {
        q = rng() < 0.15 ? q.slice(0, -1) : q + letters[Math.floor(rng() * letters.length)];
        if (!q.trim()) continue;
        expect(find(index, q, data), q).toEqual(brute(q));
      }
    }
  });
});
