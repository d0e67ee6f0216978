import { describe, expect, it } from 'vitest';
import type { ColumnFilter, SortKey } from '$lib/domain/records/types';
import { pinyin } from 'pinyin-pro';
import { carryOver, diffRows, QueryEngine, type Query } from './query';
import { SearchIndex } from './search-index';
import { columns, rows, type TRow } from './test-fixtures';

const sync = (work: (remaining: () => number) => void) => {
  work(() => Infinity);
  return () => {};
};

function engine() {
  return new QueryEngine<TRow>(new SearchIndex<TRow>({ loadPinyin: () => new Promise(() => {}), schedule: sync }));
}

function query(over: Partial<Query<TRow>> = {}): Query<TRow> {
  return { rows, columns, sort: [], filters: [], search: '', searchColumns: columns, searchVersion: 0, ...over };
}

const ids = (e: QueryEngine<TRow>, q: Query<TRow>) => Array.from(e.run(q), (i) => q.rows[i].id);

describe('QueryEngine', () => {
  it('returns every row in order without conditions', () => {
    expect(ids(engine(), query())).toEqual(['r1', 'r2', 'r3', 'r4', 'r5']);
  });

  it.each<[SortKey[], string[]]>([
    // zh collation: pinyin order (重庆 is chongqing), Han before Latin
    [[{ column: 'name', dir: 'asc' }], ['r4', 'r5', 'r2', 'r1', 'r3']],
    [[{ column: 'amount', dir: 'asc' }], ['r5', 'r4', 'r2', 'r1', 'r3']],
    [[{ column: 'amount', dir: 'desc' }], ['r1', 'r2', 'r4', 'r5', 'r3']],
    [[{ column: 'since', dir: 'desc' }], ['r4', 'r1', 'r2', 'r3', 'r5']],
    [[{ column: 'tier', dir: 'asc' }], ['r2', 'r1', 'r5', 'r3', 'r4']],
    [[{ column: 'vip', dir: 'desc' }], ['r1', 'r2', 'r3', 'r4', 'r5']],
    [[{ column: 'owner', dir: 'asc' }], ['r2', 'r1', 'r3', 'r4', 'r5']],
    [
      [
        { column: 'tags', dir: 'asc' },
        { column: 'qty', dir: 'desc' }
      ],
      ['r1', 'r3', 'r2', 'r5', 'r4']
    ]
  ])('sorts %j', (sort, expected) => expect(ids(engine(), query({ sort }))).toEqual(expected));

  it('filters, searches and sorts together', () => {
    const filters: ColumnFilter[] = [{ column: 'qty', op: 'gte', value: '2' }];
    expect(ids(engine(), query({ filters, search: '' }))).toEqual(['r1', 'r2', 'r5']);
    expect(ids(engine(), query({ filters, search: '庆', sort: [{ column: 'qty', dir: 'asc' }] }))).toEqual(['r5']);
    expect(ids(engine(), query({ filters, sort: [{ column: 'qty', dir: 'desc' }] }))).toEqual(['r2', 'r1', 'r5']);
  });

  it('returns the same array while nothing changed', () => {
    const e = engine();
    const q = query({ sort: [{ column: 'name', dir: 'asc' }] });
    const a = e.run(q);
    expect(e.run({ ...q, sort: [{ column: 'name', dir: 'asc' }] })).toBe(a);
    expect(e.positionOf(2)).toBe(4);
    expect(e.positionOf(99)).toBe(-1);
  });
});

describe('diffRows', () => {
  it('lists changed and appended rows, refuses deletions and reorders', () => {
    const next = rows.slice();
    next[2] = { ...rows[2] };
    expect(diffRows(rows, next, 10)).toEqual([2]);
    expect(diffRows(rows, [...rows, { id: 'r6' }], 10)).toEqual([5]);
    expect(diffRows(rows, rows.slice(1), 10)).toBeNull();
    expect(diffRows(rows, [rows[1], rows[0], ...rows.slice(2)], 10)).toBeNull();
    expect(diffRows(rows, next, 0)).toBeNull();
  });
});

function seeded(seed: number) {
  let s = seed;
  return () => {
    s = (s * 16807) % 2147483647;
    return s / 2147483647;
  };
}

describe('incremental updates match a full recompute', () => {
  const CITIES = ['杭州', '北京', '重庆', '上海', '', 'hangzhou', '河北', '阿坝'];
  for (const seed of [1, 7, 99, 2024]) {
    it(`seed ${seed}`, () => {
      const rnd = seeded(seed);
      const pick = <T>(a: T[]) => a[Math.floor(rnd() * a.length)];
      const make = (i: number): TRow => ({
        id: `r${i}`,
        name: pick(['河北石油', '杭州顺达', 'Apple', '重庆火锅', '北京']) + Math.floor(rnd() * 20),
        city: pick(CITIES) || undefined,
        qty: rnd() < 0.2 ? undefined : Math.floor(rnd() * 50),
        tier: pick(['VIP', 'A', 'B', undefined])
      });
      let data = Array.from({ length: 400 }, (_, i) => make(i));
      const base = {
        columns,
        searchColumns: columns,
        searchVersion: 0,
        sort: [
          { column: 'city', dir: 'asc' },
          { column: 'qty', dir: 'desc' }
        ] as SortKey[],
        filters: [{ column: 'qty', op: 'gte', value: '5' }] as ColumnFilter[],
        search: rnd() < 0.5 ? '' : '1'
      };
      const inc = engine();
      inc.run({ ...base, rows: data });
      for (let step = 0; step < 40; step++) {
        data = data.slice();
        const edits = 1 + Math.floor(rnd() * 5);
        for (let k = 0; k < edits; k++) {
          const i = Math.floor(rnd() * data.length);
          data[i] = { ...data[i], city: pick(CITIES) || undefined, qty: Math.floor(rnd() * 50), name: data[i].name + pick(['', '店']) };
        }
        if (rnd() < 0.2) data.push(make(data.length));
        const q = { ...base, rows: data };
        expect(ids(inc, q), `step ${step}`).toEqual(ids(engine(), q));
      }
    });
  }
});

describe('quick search while the index is being built', () => {
  const py = (t: string) => pinyin(t, { toneType: 'none', type: 'array' });

  /** An engine whose index builds only when `flush` runs the queued slices. */
  function slowEngine() {
    const queue: ((remaining: () => number) => void)[] = [];
    const index = new SearchIndex<TRow>({
      loadPinyin: async () => py,
      schedule: (work) => {
        queue.push(work);
        return () => queue.splice(queue.indexOf(work), 1);
      }
    });
    let version = 0;
    index.onReady = () => version++;
    const flush = async () => {
      for (let i = 0; i < 100; i++) {
        while (queue.length) queue.shift()!(() => 1);
        await new Promise((r) => setTimeout(r, 0));
      }
    };
    return { e: new QueryEngine<TRow>(index), flush, version: () => version };
  }

  it.each<[string, string[], string[]]>([
    // keys typed before the index is ready: the last answer stays, then the newest query's answer
    ['first search', ['h', 'hb', 'hbs'], ['r1']],
    ['a query that only grew', ['石', '石油'], ['r1']],
    ['a query that changed', ['hz', 'cq'], ['r5']],
    ['pinyin and text terms', ['bj', 'bj 百'], ['r4']]
  ])('%s: stale answers are dropped', async (_, typed, expected) => {
    const s = slowEngine();
    let shown = ids(s.e, query());
    for (const search of typed) {
      const now = ids(s.e, query({ search, searchVersion: s.version() }));
      // pending: what was shown stays shown (never an empty or partial answer)
      expect(s.e.pending).toBe(true);
      expect(now).toEqual(shown);
      shown = now;
    }
    await s.flush();
    const last = typed[typed.length - 1];
    expect(ids(s.e, query({ search: last, searchVersion: s.version() }))).toEqual(expected);
    expect(s.e.pending).toBe(false);
  });

  it('keeps the last answer for the rows still in place while many new rows are indexed', async () => {
    const s = slowEngine();
    ids(s.e, query({ search: 'sjz' }));
    await s.flush();
    expect(ids(s.e, query({ search: 'sjz', searchVersion: s.version() }))).toEqual(['r1']);
    // a few new rows are indexed at once
    const few = [...rows, { id: 'r6', name: '石家庄钢铁' }];
    expect(ids(s.e, query({ rows: few, search: 'sjz', searchVersion: s.version() }))).toEqual(['r1', 'r6']);
    expect(s.e.pending).toBe(false);
    // thousands arrive (the rest of a table after its first page): the answer for the rows in
    // place stays until they are indexed
    const many = [...few, ...Array.from({ length: 6000 }, (_, i) => ({ id: `n${i}`, name: i === 4321 ? '石家庄' : '天津' }))];
    expect(ids(s.e, query({ rows: many, search: 'sjz', searchVersion: s.version() }))).toEqual(['r1', 'r6']);
    expect(s.e.pending).toBe(true);
    await s.flush();
    expect(ids(s.e, query({ rows: many, search: 'sjz', searchVersion: s.version() }))).toEqual(['r1', 'r6', 'n4321']);
    expect(s.e.pending).toBe(false);
  });

  it.each<[string, number[] | null, readonly TRow[], number[] | null]>([
    ['no answer yet', null, rows, null],
    ['same rows', [0, 3], rows, [0, 3]],
    ['row replaced', [0, 3], [rows[0], rows[1], rows[2], { ...rows[3] }, rows[4]], [0]],
    ['rows shorter', [0, 4], rows.slice(0, 3), [0]]
  ])('carryOver: %s', (_, matches, next, expected) => {
    const answer = matches && { rows, matches: Int32Array.from(matches) };
    const out = carryOver(answer, next);
    expect(out && Array.from(out)).toEqual(expected);
  });
});
