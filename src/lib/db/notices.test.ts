/** notices.ts: what this tab hears, what other tabs (and the page of a worker) hear. */
import { afterEach, describe, expect, it } from 'vitest';
import type { ChangeSet, Entry } from './changes';
import { LIST_LIMIT, NoticeBus, noticeOf, type ChangeNotice } from './notices';

const buses: NoticeBus[] = [];
afterEach(() => {
  for (const b of buses.splice(0)) b.destroy();
});
const bus = (name: string) => {
  const b = new NoticeBus(name);
  buses.push(b);
  return b;
};
const heard = (b: NoticeBus) => {
  const got: ChangeNotice[] = [];
  b.subscribe((n) => got.push(n));
  return got;
};
const until = async (cond: () => boolean) => {
  for (let i = 0; i < 100 && !cond(); i++) await new Promise((r) => setTimeout(r, 10));
};

describe('NoticeBus', () => {
  it('lists the ids a change set touched, or "all" past LIST_LIMIT', () => {
    const ops = Array.from({ length: LIST_LIMIT + 1 }, (_, i) => ({ kind: 'insert' as const, table: 'customers' as const, id: `c${i}` }));
    ops.push({ kind: 'insert', table: 'contacts' as never, id: 'k1' });
    const n = noticeOf({ id: 'cs1', ops } as unknown as ChangeSet);
    expect(n.tables).toEqual({ customers: 'all', contacts: ['k1'] });
    expect(n).toMatchObject({ changeSet: 'cs1', local: true });
  });

  it('gives this tab the rows, other tabs the notice without rows, and a worker entry to the page', async () => {
    const page = bus('kebu-ws-n1');
    const worker = bus('kebu-ws-n1');
    const onPage = heard(page);
    const inWorker = heard(worker);
    const entry = { v: 1, id: 'cs1', actor: 'a', actorName: 'A', device: 'd', at: 1, label: 'change.import', ops: [] } as Entry;
    worker.announce({ tables: { customers: ['c1'] }, changeSet: 'cs1', local: true, rows: { customers: [] }, detached: true, entry });
    expect(inWorker).toHaveLength(1);
    expect(inWorker[0].rows).toEqual({ customers: [] });
    await until(() => onPage.length > 0);
    expect(onPage).toEqual([{ tables: { customers: ['c1'] }, changeSet: 'cs1', local: false, detached: true, entry }]);
  });

  it('hands entries to every entry listener, even when one throws', () => {
    const b = bus('kebu-ws-n2');
    expect(b.wantsEntries).toBe(false);
    const got: string[] = [];
    b.onEntry(() => {
      throw new Error('listener failed');
    });
    b.onEntry((e) => got.push(e.id));
    const error = console.error;
    console.error = () => {};
    try {
      b.sendEntry({ id: 'e1' } as Entry);
    } finally {
      console.error = error;
    }
    expect(b.wantsEntries).toBe(true);
    expect(got).toEqual(['e1']);
  });
});
