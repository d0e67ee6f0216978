import { describe, expect, it } from 'vitest';
import { restoreWorkingView, storeWorkingView } from './working-view';
import { defaultViewState } from './types';

const columns = [{ key: 'kind' }, { key: 'name' }, { key: 'city' }];
const base = defaultViewState(columns);

describe('the default view', () => {
  it('freezes the columns up to the name', () => {
    expect(base.order).toEqual(['kind', 'name', 'city']);
    expect(base.frozen).toBe(2);
    expect(defaultViewState([{ key: 'name' }, { key: 'b' }]).frozen).toBe(1);
    expect(defaultViewState([{ key: 'a' }, { key: 'b' }])).toMatchObject({ order: ['a', 'b'], frozen: 0 });
  });
});

describe('the working view', () => {
  const kept = { ...base, search: '顺达', filters: [{ column: 'city', op: 'eq' as const, value: '杭州' }] };

  it.each([
    ['the same day: everything, the quick search included', '2026-03-02', '顺达'],
    ['a later day: everything but the quick search', '2026-03-03', '']
  ])('comes back on %s', (_, today, search) => {
    const view = restoreWorkingView(storeWorkingView(kept, '2026-03-02'), columns, today);
    expect(view).toEqual({ ...kept, search });
  });

  it('drops a quick search kept before views had a day', () => {
    expect(restoreWorkingView(JSON.stringify(kept), columns, '2026-03-02').search).toBe('');
  });

  it.each([
    ['nothing kept', null],
    ['unreadable text', '{oops'],
    ['not an object', '42']
  ])('falls back to the default view for %s', (_, text) => {
    expect(restoreWorkingView(text, columns, '2026-03-02')).toEqual(base);
  });

  it('drops columns that are gone and appends new ones', () => {
    const text = storeWorkingView({ ...base, order: ['city', 'gone', 'name'] }, '2026-03-02');
    expect(restoreWorkingView(text, columns, '2026-03-02').order).toEqual(['city', 'name', 'kind']);
  });
});
