import { describe, expect, it } from 'vitest';
import { NaturalOrder } from './natural-order';
import { QueryEngine, type Query } from './query';
import { SearchIndex } from './search-index';
import { columns, type TRow } from './test-fixtures';

const noBackground = () => () => {};
const engine = () => new QueryEngine<TRow>(new SearchIndex<TRow>({ loadPinyin: () => new Promise(() => {}), schedule: noBackground }));
const query = (rows: TRow[], over: Partial<Query<TRow>> = {}): Query<TRow> => ({
  rows,
  columns,
  sort: [],
  filters: [],
  search: '',
  searchColumns: columns,
  searchVersion: 0,
  ...over
});
const shown = (e: QueryEngine<TRow>, q: Query<TRow>) => Array.from(e.run(q), (i) => q.rows[i].id);

// the demo's ids (`c-…`, one write: one createdAt) sort after every ULID a person's later rows get
const demoA: TRow = { id: 'c-3f', name: '甲', city: '北京', createdAt: 1000 };
const demoB: TRow = { id: 'c-9a', name: '乙', city: '上海', createdAt: 1000 };
const typed: TRow = { id: '01KAAAA', name: '丙', city: '北京', createdAt: 5000 };
const restored: TRow = { id: 'c-5b', name: '丁', city: '杭州', createdAt: 1000 };

describe('NaturalOrder', () => {
  it.each<[string, TRow[], string[]]>([
    ['creation time first, then id', [typed, demoA, demoB], ['c-3f', 'c-9a', '01KAAAA']],
    ['already in order', [demoA, demoB, typed], ['c-3f', 'c-9a', '01KAAAA']],
    ['rows without createdAt keep their given order, after dated ones', [{ id: 'z' }, { id: 'a' }, demoB], ['c-9a', 'z', 'a']]
  ])('%s', (_, rows, expected) => {
    const n = new NaturalOrder<TRow>();
    n.reset(rows);
    expect(Array.from(n.perm, (i) => rows[i].id)).toEqual(expected);
    expect(Array.from(n.perm, (i) => n.rank[i])).toEqual([0, 1, 2]);
  });

  it('places appended rows where a fresh load would', () => {
    const n = new NaturalOrder<TRow>();
    const before = [demoA, demoB];
    n.reset(before);
    const after = [...before, typed, restored];
    n.append(after, 2);
    const fresh = new NaturalOrder<TRow>();
    fresh.reset([restored, typed, demoA, demoB]);
    expect(Array.from(n.perm, (i) => after[i].id)).toEqual(['c-3f', 'c-5b', 'c-9a', '01KAAAA']);
    expect(Array.from(fresh.perm, (i) => [restored, typed, demoA, demoB][i].id)).toEqual(['c-3f', 'c-5b', 'c-9a', '01KAAAA']);
  });
});

describe('row order across reloads', () => {
  it('is the same in the session (rows appended as they arrive) and after a reload (primary-key order)', () => {
    // the session: the store loaded the demo, then a typed row and a restored one arrived
    const e = engine();
    const session = [demoA, demoB];
    shown(e, query(session));
    const later = [...session, typed, restored];
    const inSession = shown(e, query(later));
    // the reload: the store reads by primary key ('01…' before 'c-…')
    const reloaded = [typed, demoA, restored, demoB];
    expect(shown(engine(), query(reloaded))).toEqual(inSession);
    expect(inSession).toEqual(['c-3f', 'c-5b', 'c-9a', '01KAAAA']);
  });

  it('breaks sort ties in creation order too', () => {
    const sort = [{ column: 'city', dir: 'asc' as const }];
    const a = shown(engine(), query([typed, demoA, demoB], { sort }));
    const b = shown(engine(), query([demoB, demoA, typed], { sort }));
    expect(a).toEqual(b);
    expect(a.slice(0, 2)).toEqual(['c-3f', '01KAAAA']);
  });
});
