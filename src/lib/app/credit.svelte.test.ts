import { afterEach, describe, expect, it, vi } from 'vitest';

/** A fresh credit glue module as a page opened at `search` would see it (the clock reads the URL once). */
async function openAt(search: string) {
  const store = new Map<string, string>();
  vi.stubGlobal('location', { search });
  vi.stubGlobal('sessionStorage', {
    getItem: (k: string) => store.get(k) ?? null,
    setItem: (k: string, v: string) => store.set(k, v),
    removeItem: (k: string) => store.delete(k)
  });
  vi.resetModules();
  return import('./credit.svelte');
}

afterEach(() => vi.unstubAllGlobals());

describe('the credit screens read the app clock', () => {
  it.each(['2026-03-10', '2019-12-31', '2028-02-29'])('?today=%s is today for credit, and steps are taken on that day', async (day) => {
    const credit = await openAt(`?today=${day}`);
    expect(credit.today()).toBe(day);
    const d = new Date(credit.now());
    const pad = (n: number) => String(n).padStart(2, '0');
    expect(`${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`).toBe(day);
  });

  it.each([
    ['keeps the time of day', '2026-03-10', new Date(2026, 11, 7, 21, 58, 26, 5).getTime(), new Date(2026, 2, 10, 21, 58, 26, 5).getTime()],
    ['the same day is the same moment', '2026-12-07', new Date(2026, 11, 7, 0, 0, 0, 0).getTime(), new Date(2026, 11, 7, 0, 0, 0, 0).getTime()],
    ['a day in another year', '2024-02-29', new Date(2026, 0, 1, 23, 59, 59, 999).getTime(), new Date(2024, 1, 29, 23, 59, 59, 999).getTime()]
  ])('momentOn %s', async (_, day, ms, expected) => {
    const { momentOn } = await openAt('');
    expect(momentOn(day, ms)).toBe(expected);
  });
});

describe('settingsVersionText: a settings version as a person reads it', () => {
  it.each([
    ['zh-CN', 0, '默认设置（从未修改）'],
    ['zh-CN', 1, '第 1 版'],
    ['zh-CN', 12, '第 12 版'],
    ['en', 0, 'the default settings (never changed)'],
    ['en', 3, 'version 3']
  ] as const)('%s %i → %s', async (locale, version, text) => {
    const credit = await openAt('');
    const { i18n } = await import('$lib/i18n/index.svelte');
    i18n.locale = locale;
    expect(credit.settingsVersionText(version)).toBe(text);
  });
});
