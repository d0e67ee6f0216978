import { afterEach, describe, expect, it, vi } from 'vitest';

/** A fresh clock module as a page opened at `search` with `stored` in sessionStorage would see it. */
async function openAt(search: string, stored: string | null = null) {
  const store = new Map<string, string>(stored ? [['kebu.today', stored]] : []);
  vi.stubGlobal('location', { search });
  vi.stubGlobal('sessionStorage', {
    getItem: (k: string) => store.get(k) ?? null,
    setItem: (k: string, v: string) => store.set(k, v),
    removeItem: (k: string) => store.delete(k)
  });
  vi.resetModules();
  const { clock } = await import('./clock.svelte');
  return { clock, store };
}

const wall = () => {
  const d = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
};

afterEach(() => vi.unstubAllGlobals());

describe('clock', () => {
  it.each([
    ['no override: the wall clock', '', null, null],
    ['?today= sets the day', '?today=2026-03-01', null, '2026-03-01'],
    ['a date that does not exist is ignored', '?today=2026-02-29', null, null],
    ['not a date is ignored', '?today=tomorrow', null, null],
    ['a leap day is a day', '?today=2028-02-29', null, '2028-02-29'],
    ['the stored day holds across pages', '?tab=1', '2026-04-14', '2026-04-14'],
    ['a new ?today= replaces it', '?today=2026-04-30', '2026-04-14', '2026-04-30'],
    ['an empty ?today= clears it', '?today=', '2026-04-14', null]
  ])('%s', async (_, search, stored, expected) => {
    const { clock, store } = await openAt(search, stored);
    expect(clock.today).toBe(expected ?? wall());
    expect(clock.overridden).toBe(expected !== null);
    expect(store.get('kebu.today') ?? null).toBe(expected);
  });

  it('set() moves and clears the day; a bad date is refused', async () => {
    const { clock } = await openAt('');
    clock.set('2026-05-01');
    expect(clock.today).toBe('2026-05-01');
    clock.set('2026-13-01');
    expect(clock.today).toBe('2026-05-01');
    clock.set(null);
    expect(clock.today).toBe(wall());
  });

  it("nowLocal() is the clock's day at the wall time, for datetime-local inputs", async () => {
    const { clock } = await openAt('?today=2026-05-01');
    expect(clock.nowLocal()).toMatch(/^2026-05-01T\d{2}:\d{2}$/);
  });
});
