import { beforeEach, describe, expect, it } from 'vitest';
import { KebuDB } from '$lib/db/schema';
import { WritePath } from '$lib/db/write-path';
import { DEFAULT_CREDIT_SETTINGS } from '$lib/domain/credit/settings';
import { CREDIT_SETTINGS_ID, readCreditSettings, type StoredCreditSettings } from '$lib/domain/credit/settings-store';
import { i18n } from '$lib/i18n/index.svelte';
import { CreditSettingsManager, num, numText } from './settings.svelte';

beforeEach(() => (i18n.locale = 'zh-CN'));

/** The manager over a stored value, synced as the page's effect would. */
function setup(stored: StoredCreditSettings | null = { version: 0, settings: DEFAULT_CREDIT_SETTINGS }) {
  const box = { stored };
  const m = new CreditSettingsManager(() => box.stored);
  m.sync();
  return { m, box };
}

describe('num and numText: a number field as typed', () => {
  it.each([
    ['', null],
    ['  ', null],
    ['1.5', 1.5],
    ['１２', 12],
    ['1，5', 1.5],
    ['abc', NaN],
    ['Infinity', NaN]
  ])('%j → %s', (text, n) => expect(num(text)).toBe(n));
  it.each([
    [null, ''],
    [undefined, ''],
    [NaN, ''],
    [0, '0'],
    [2.5, '2.5']
  ])('%s shows as %j', (n, text) => expect(numText(n)).toBe(text));
});

describe('CreditSettingsManager', () => {
  it('drafts the stored settings, and only reloads them when a new version arrives', () => {
    const { m, box } = setup();
    expect(m.draft?.aspectMax).toBe(DEFAULT_CREDIT_SETTINGS.aspectMax);
    expect(m.weightSum).toBe(100);
    expect(m.result?.ok).toBe(true);
    m.setAspectMax('20');
    m.sync();
    expect(m.draft?.aspectMax).toBe(20);
    box.stored = { version: 1, settings: DEFAULT_CREDIT_SETTINGS };
    m.sync();
    expect(m.draft?.aspectMax).toBe(DEFAULT_CREDIT_SETTINGS.aspectMax);
    expect(DEFAULT_CREDIT_SETTINGS.aspectMax).not.toBe(20);
  });

  it('checks every edit live, shows problems by section in words, and resets one section', () => {
    const { m } = setup();
    m.setGradeFactor(3, '95');
    expect(m.result?.ok).toBe(false);
    expect(m.problemsBySection.get('grades')?.join()).toContain('等级越差等级系数不能越大');
    m.setWeight(0, 'x');
    expect(m.problemsBySection.get('factors')?.length).toBeGreaterThan(0);
    m.reset('grades');
    expect(m.problemsBySection.has('grades')).toBe(false);
    expect(m.draft?.gradeFactors[3]).toBe(DEFAULT_CREDIT_SETTINGS.gradeFactors[3]);
    expect(m.problemsBySection.has('factors')).toBe(true);
  });

  it('adds an industry once, sets and clears its benchmarks, removes it', () => {
    const { m } = setup();
    const shipped = Object.keys(DEFAULT_CREDIT_SETTINGS.industries);
    m.newIndustry = ' 建材 ';
    m.addIndustry();
    m.newIndustry = '建材';
    m.addIndustry();
    expect(Object.keys(m.draft!.industries)).toEqual([...shipped, '建材']);
    expect(m.newIndustry).toBe('建材');
    m.setIndustryBenchmark('建材', 'currentRatio', '1.8');
    expect(m.draft!.industries['建材'].ratios).toEqual({ currentRatio: { benchmark: 1.8 } });
    m.setIndustryBenchmark('建材', 'currentRatio', '');
    expect(m.draft!.industries['建材'].ratios).toEqual({});
    m.removeIndustry('建材');
    expect(Object.keys(m.draft!.industries)).toEqual(shipped);
  });

  it("edits an industry's source note; blank removes it; resetting the ratios brings the shipped one back", () => {
    const { m } = setup();
    const shipped = DEFAULT_CREDIT_SETTINGS.industries['零售'].source;
    expect(shipped).toContain('北京市统计局');
    m.setIndustrySource('零售', '本公司 2025 年客户均值');
    expect(m.draft!.industries['零售'].source).toBe('本公司 2025 年客户均值');
    m.setIndustrySource('零售', '  ');
    expect(m.draft!.industries['零售']).not.toHaveProperty('source');
    expect(m.result?.ok).toBe(true);
    m.removeIndustry('零售');
    m.reset('ratios');
    expect(m.draft!.industries['零售']).toEqual(DEFAULT_CREDIT_SETTINGS.industries['零售']);
  });

  it('adds a limit class 50 万 above the last, removes it but never the last one; an amount that is not one is refused', () => {
    const { m } = setup();
    const n = m.draft!.limitClasses.length;
    const last = m.draft!.limitClasses[n - 1].from;
    m.addClass();
    expect(m.draft!.limitClasses.at(-1)).toEqual({ label: `${n + 1}A`, from: last + 50_000_000 });
    m.setClassFrom(n, '十万');
    expect(m.problemsBySection.get('limitClasses')?.length).toBeGreaterThan(0);
    m.removeClass();
    expect(m.draft!.limitClasses).toHaveLength(n);
    expect(m.result?.ok).toBe(true);
    while (m.draft!.limitClasses.length > 1) m.removeClass();
    m.removeClass();
    expect(m.draft!.limitClasses).toHaveLength(1);
  });

  it('saves the next version in one write, and again after it is read back', async () => {
    const db = new KebuDB(`credit-settings-${Math.random()}`);
    await db.open();
    const wp = new WritePath(db, { id: 'p-1', name: '王丽', device: 'laptop' });
    try {
      const { m, box } = setup();
      m.setGradeFactor(2, '80');
      expect(await m.save(wp, false)).toEqual({ ok: true, version: 1 });
      box.stored = readCreditSettings((await db.settings.get(CREDIT_SETTINGS_ID))?.value);
      m.sync();
      expect(m.draft?.gradeFactors[2]).toBe(80);
      m.setDaysPerYear('365');
      expect(await m.save(wp, true)).toEqual({ ok: true, version: 2 });
      m.setDaysPerYear('零');
      expect(await m.save(wp, true)).toBeNull();
      expect(readCreditSettings((await db.settings.get(CREDIT_SETTINGS_ID))?.value)).toMatchObject({ version: 2, settings: { daysPerYear: 365 } });
      expect(await db.changes.count()).toBe(2);
    } finally {
      wp.destroy();
      db.close();
      await db.delete();
    }
  });
});
