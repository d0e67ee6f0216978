import { describe, expect, it } from 'vitest';
import { pinyin } from 'pinyin-pro';
import { pinyinHaystack, SearchIndex, searchTerms } from './search-index';
import { columns, rows, type TRow } from './test-fixtures';

const py = (t: string) => pinyin(t, { toneType: 'none', type: 'array' });
const sync = (work: (remaining: () => number) => void) => {
  work(() => Infinity);
  return () => {};
};

function find(index: SearchIndex<TRow>, q: string) {
  const m = index.matcher(q);
  return m ? rows.map((r, i) => (m(i) ? r.id : null)).filter(Boolean) : null;
}

describe('pinyinHaystack', () => {
  it('has full pinyin and initials per cell', () => {
    const h = pinyinHaystack('河北石油\u0001abc\u0001重庆', py);
    expect(h).toContain('hebeishiyou');
    expect(h).toContain('hbsy');
    expect(h).toContain('chongqing');
    expect(pinyinHaystack('abc', py)).toBe('');
  });
});

describe('SearchIndex', () => {
  it('finds substrings before pinyin is loaded, then pinyin and initials', async () => {
    const index = new SearchIndex<TRow>({ loadPinyin: async () => py, schedule: sync });
    index.setColumns(columns);
    index.setRows(rows);
    expect(find(index, '')).toBeNull();
    expect(find(index, '石油')).toEqual(['r1']);
    expect(find(index, 'APPLE')).toEqual(['r3']);
    expect(find(index, 'hbsy')).toEqual([]);
    await index.buildAll();
    expect(index.pinyinReady).toBe(true);
    expect(find(index, 'hbsy')).toEqual(['r1']);
    expect(find(index, 'hebei')).toEqual(['r1']);
    expect(find(index, 'hangzhou')).toEqual(['r2']);
    // terms are AND-ed; link labels and money text are searchable
    expect(find(index, 'hz 李强')).toEqual(['r2']);
    expect(find(index, '1,200.00')).toEqual(['r1']);
  });

  it('builds in the background and reports when ready', async () => {
    const index = new SearchIndex<TRow>({ loadPinyin: async () => py, schedule: sync });
    index.setColumns(columns);
    index.setRows(rows);
    const ready = new Promise<void>((resolve) => (index.onReady = resolve));
    index.start();
    await ready;
    expect(find(index, 'bjbd')).toEqual(['r4']);
  });

  it('keeps cached entries for unchanged rows and rebuilds changed ones', async () => {
    const index = new SearchIndex<TRow>({ loadPinyin: async () => py, schedule: sync });
    index.setColumns(columns);
    index.setRows(rows);
    await index.buildAll();
    const next = rows.slice();
    next[1] = { ...rows[1], name: '天津港' };
    index.setRows(next, [1]);
    const m = index.matcher('tjg')!;
    expect(next.map((_, i) => m(i))).toEqual([false, true, false, false, false]);
    // extra text and a different column set start over
    index.setColumns(columns.slice(0, 1), (r) => r.city ?? '');
    index.setRows(next);
    const m2 = index.matcher('石家庄')!;
    expect(m2(0)).toBe(true);
  });

  it('splits terms', () => expect(searchTerms('  Hb  Sy ')).toEqual(['hb', 'sy']));
});
