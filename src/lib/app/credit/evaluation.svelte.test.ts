import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { KebuDB } from '$lib/db/schema';
import { WritePath } from '$lib/db/write-path';
import { applicationView } from '$lib/domain/credit/applications';
import type { CreditEvaluationRecord } from '$lib/domain/credit/records';
import { DEFAULT_CREDIT_SETTINGS } from '$lib/domain/credit/settings';
import type { StoredCreditSettings } from '$lib/domain/credit/settings-store';
import type { Fen } from '$lib/domain/money';
import { i18n } from '$lib/i18n/index.svelte';
import { applyForCredit, takeCreditStep } from '../commands/credit';
import { EvaluationManager, type EvaluationSource } from './evaluation.svelte';

const stored: StoredCreditSettings = {
  version: 3,
  settings: { ...DEFAULT_CREDIT_SETTINGS, industries: { 批发: { name: '批发', ratios: {} } } }
};
const ASPECTS = DEFAULT_CREDIT_SETTINGS.factors.reduce((n, f) => n + f.aspects.length, 0);

/** The manager over a live source, as the page makes it. */
function setup(initial: Partial<EvaluationSource> = {}) {
  const source = $state<EvaluationSource>({
    stored,
    customerIndustry: undefined,
    previous: null,
    behaviour: undefined,
    preferredStaff: 's-1',
    ...initial
  });
  // the node test environment resolves Svelte's server runtime: no effects; the page's effect
  // calls `sync()`, so the test calls it where the page's effect would run
  const m = new EvaluationManager(() => source, '2026-03-10');
  m.sync();
  return { m, source };
}

/** a statement the engine can score (元, as typed) */
const STATEMENT = {
  currentAssets: '5,000,000',
  cash: '1,000,000',
  inventory: '1,500,000',
  currentLiabilities: '2,500,000',
  totalLiabilities: '3,000,000',
  totalAssets: '9,000,000',
  equity: '6,000,000',
  revenue: '12,000,000',
  costOfSales: '9,000,000',
  totalProfit: '800,000',
  openingInventory: '1,200,000'
};
const fillSheet = (m: EvaluationManager, score: string) => (m.texts = m.texts.map((row) => row.map(() => score)));

describe('EvaluationManager: the form in Node', () => {
  it('starts on the app day: last two years, evaluated today by the preferred staff, one blank text per aspect', () => {
    const { m } = setup();
    expect(m.periods.map((p) => p.label)).toEqual(['2025', '2024']);
    expect([m.evaluatedOn, m.evaluatedBy, m.industry]).toEqual(['2026-03-10', 's-1', '']);
    expect(m.texts.flat()).toHaveLength(ASPECTS);
    expect(m.sheetFits).toBe(true);
    expect(m.prefilledFrom).toBe('');
  });

  it("takes the customer's industry when the settings know it; a choice by hand stays", () => {
    const { m, source } = setup({ customerIndustry: '批发' });
    expect(m.industry).toBe('批发');
    m.chooseIndustry('');
    source.customerIndustry = '批发';
    m.sync();
    expect(m.industry).toBe('');
    expect(setup({ customerIndustry: '餐饮' }).m.industry).toBe('');
  });

  it('with the shipped settings, a 零售 customer is compared with the retail benchmarks and their source', () => {
    const { m } = setup({ stored: { version: 0, settings: DEFAULT_CREDIT_SETTINGS }, customerIndustry: '零售' });
    expect(m.industry).toBe('零售');
    m.periods[0].cells = { ...STATEMENT };
    fillSheet(m, '8');
    // gross margin 3,000,000 / 12,000,000 = 0.25 against 0.124
    expect(m.evaluation?.ratios.byId.grossMargin.comparison).toEqual({ benchmark: 0.124, better: 'higher', verdict: 'better' });
    expect(m.evaluation?.ratios.byId.currentRatio.comparison.benchmark).toBe(2);
    expect(m.settings?.industryBenchmarks?.source).toContain('北京市统计局');
  });

  it('recomputes the results as the inputs change, and names what stops the save', () => {
    const { m } = setup();
    m.periods[0].cells = { ...STATEMENT };
    fillSheet(m, '8');
    expect(m.evaluation?.recommendation.limit).toBeGreaterThan(0);
    expect(m.problem()).toBeNull();
    m.texts[0][0] = '12';
    expect(m.problem()).toBe('评分表有误：请填 0–10 的数字');
    m.texts[0][0] = '8';
    m.periods[1].cells.costOfSales = '七百八十万';
    expect(m.problem()).toBe('2024 · 营业成本："七百八十万"不是金额（元，最多两位小数）');
    m.periods[1].cells.costOfSales = '';
    m.exclusions = [{ label: '', amount: '100', fromInventory: false }];
    expect(m.problem()).toMatch(/1/);
    m.exclusions = [{ label: '呆滞存货', amount: '100,000', fromInventory: true }];
    expect(m.problem()).toBeNull();
    expect(m.read.periods[0].statement.exclusions).toEqual([{ label: '呆滞存货', amount: 10_000_000, fromInventory: true }]);
    m.evaluatedBy = '';
    expect(m.problem()).toBe('请选择经办人');
  });

  it('fills 付款及时性 from the payment behaviour once, only when blank', () => {
    const { m, source } = setup();
    source.behaviour = { suggestedTimeliness: 7, averageDaysLate: 12.34 };
    m.sync();
    expect(m.texts[0][0]).toBe('7');
    expect(m.fromBehaviour).toEqual({ score: 7, days: 12.3 });
    source.behaviour = { suggestedTimeliness: 2, averageDaysLate: 40 };
    m.sync();
    expect(m.texts[0][0]).toBe('7');
  });

  it('starts from the previous evaluation once it is loaded; its own score wins over the behaviour', () => {
    const previous = {
      statements: { periods: [{ label: '2025年', statement: { currentAssets: 500_000_000, exclusions: [{ label: '呆滞', amount: 100 }] } }] },
      aspects: DEFAULT_CREDIT_SETTINGS.factors.map((f) => f.aspects.map(() => 6)),
      industry: '批发',
      mortgage: '厂房',
      evaluatedOn: '2026-01-05',
      createdAt: 1
    } as unknown as CreditEvaluationRecord;
    const { m, source } = setup({ previous: undefined });
    expect(m.prefilledFrom).toBe('');
    source.previous = previous;
    source.behaviour = { suggestedTimeliness: 2, averageDaysLate: 40 };
    m.sync();
    expect([m.prefilledFrom, m.industry, m.mortgage, m.periods[0].label]).toEqual(['2026-01-05', '批发', '厂房', '2025年']);
    expect(m.periods[0].cells.currentAssets).toBe('5,000,000.00');
    expect(m.exclusions).toEqual([{ label: '呆滞', amount: '1.00', fromInventory: false }]);
    expect(m.texts[0][0]).toBe('6');
    expect(m.fromBehaviour).toBeNull();
  });
});

describe('EvaluationManager.save', () => {
  let db: KebuDB;
  let wp: WritePath;
  beforeEach(async () => {
    i18n.locale = 'zh-CN';
    db = new KebuDB(`evaluation-${Math.random()}`);
    await db.open();
    wp = new WritePath(db, { id: 'p-1', name: '王丽', device: 'laptop' });
  });
  afterEach(async () => {
    wp.destroy();
    db.close();
    await db.delete();
  });

  it('writes the evaluation with a copy of the settings and the evaluate step in one write; a second save is refused', async () => {
    const r = await applyForCredit(wp, { customerId: 'c-1', amount: 50_000_000 as Fen, termDays: 60, purpose: '备货' });
    const id = r.ok ? r.id! : '';
    const view = async () => applicationView((await db.creditApplications.get(id))!, await db.creditSteps.toArray(), '2026-03-10');
    await takeCreditStep(wp, { view: await view(), kind: 'accept', body: {}, by: 's-1', at: null, agreements: [] });
    const { m } = setup();
    m.periods[0].cells = { ...STATEMENT };
    fillSheet(m, '8');
    m.notes = ' 回访良好 ';
    expect(await m.save(wp, await view())).toBe(true);
    const [e] = await db.creditEvaluations.toArray();
    expect(e).toMatchObject({
      applicationId: id,
      customerId: 'c-1',
      settingsVersion: 3,
      evaluatedOn: '2026-03-10',
      evaluatedBy: 's-1',
      notes: '回访良好'
    });
    expect(e.recommendedLimit).toBe(m.evaluation?.recommendation.limit);
    expect((await view()).status).toBe('evaluated');
    expect(await db.changes.count()).toBe(3);
    expect(await m.save(wp, await view())).toBe(false);
    expect(m.error).toBe('状态为"已评估"时不能评估');
    expect(await db.creditEvaluations.count()).toBe(1);
  });
});
