import { describe, expect, it } from 'vitest';
import type { Fen } from '../money';
import type { AspectScore } from './characteristic';
import { DEFAULT_INDUSTRIES, DEFAULT_INDUSTRY_SOURCE_EN, industrySourceText } from './industry-defaults';
import { evaluateCredit } from './limit';
import { analyseRatios } from './ratios';
import { DEFAULT_CREDIT_SETTINGS as S, forIndustry, RATIO_IDS, type RatioId } from './settings';
import type { FinancialStatement, StatementField } from './statement';

/** 万元 as printed in the tables → fen */
const wan = (n: number) => (n * 1_000_000) as Fen;
/** three significant digits, as shipped */
const sig3 = (x: number) => Number(x.toPrecision(3));

/**
 * The raw inputs, copied from the tables named in each industry's `source` (万元), as statement
 * fields; see ./README.md for the table rows they come from.
 */
const RAW: Record<string, Partial<Record<StatementField, number>>> = {
  // 北京市统计局, 限额以上批发和零售业法人单位主要经济指标, 2019年1-12月, 批发企业
  批发: { revenue: 514_487_426, costOfSales: 476_815_829, totalProfit: 13_860_269 },
  // same table, 零售企业
  零售: { revenue: 90_269_018, costOfSales: 79_045_580, totalProfit: 734_879 },
  // 北京统计年鉴2013, table 14-11 (2012), Total row
  餐饮: {
    totalAssets: 4_079_056,
    currentAssets: 2_220_375,
    totalLiabilities: 3_180_076,
    currentLiabilities: 2_729_302,
    equity: 898_980,
    revenue: 5_469_273,
    costOfSales: 2_386_576,
    taxesAndSurcharges: 299_536,
    sellingExpenses: 1_965_690,
    adminExpenses: 632_015,
    financeExpenses: 54_324,
    totalProfit: 150_928
  },
  // 广州统计年鉴2022, table 12-1, 2021 column (主营业务收入 / 主营业务成本 / 利润总额)
  建筑工程: { revenue: 76_375_199, costOfSales: 71_496_844, totalProfit: 1_394_203 }
};

const statementOf = (raw: Partial<Record<StatementField, number>>): FinancialStatement =>
  Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, wan(v)])) as FinancialStatement;

const shipped = Object.entries(DEFAULT_INDUSTRIES).flatMap(([key, o]) =>
  RATIO_IDS.filter((id) => o.ratios?.[id]?.benchmark !== undefined).map((id) => [key, id, o.ratios![id]!.benchmark!] as [string, RatioId, number])
);

describe('shipped industry benchmarks', () => {
  it('are the industries with raw inputs, each with a source that names its address, in both languages', () => {
    expect(Object.keys(DEFAULT_INDUSTRIES).sort()).toEqual(Object.keys(RAW).sort());
    for (const [key, o] of Object.entries(DEFAULT_INDUSTRIES)) {
      expect(o.name).toBe(key);
      expect(o.source).toMatch(/统计局.*https?:\/\/\S+/);
      expect(DEFAULT_INDUSTRY_SOURCE_EN[key]).toMatch(/Bureau of Statistics.*https?:\/\/\S+/);
      expect(o.source!.match(/https?:\/\/\S+/)![0]).toBe(DEFAULT_INDUSTRY_SOURCE_EN[key].match(/https?:\/\/\S+/)![0]);
    }
  });

  it.each(shipped)('%s %s = %s is recomputed from the table by the engine (3 significant digits)', (key, id, benchmark) => {
    const computed = analyseRatios(statementOf(RAW[key]), forIndustry(S, null)).byId[id].value;
    expect(computed).not.toBeNull();
    expect(sig3(computed!)).toBe(benchmark);
  });

  it('ship only ratios their tables support (every other ratio of the raw inputs is not computable or not shipped)', () => {
    for (const [key, raw] of Object.entries(RAW)) {
      const computable = analyseRatios(statementOf(raw), forIndustry(S, null))
        .ratios.filter((r) => r.value !== null)
        .map((r) => r.id);
      const ids = RATIO_IDS.filter((id) => DEFAULT_INDUSTRIES[key].ratios?.[id] !== undefined);
      expect(ids.every((id) => computable.includes(id))).toBe(true);
    }
  });

  it('keep the general benchmarks and directions for the ratios an industry does not set', () => {
    const retail = forIndustry(S, '零售');
    expect(retail.ratios.currentRatio).toEqual(S.ratios.currentRatio);
    expect(retail.ratios.grossMargin).toEqual({ benchmark: 0.124, better: 'higher' });
    expect(forIndustry(S, '餐饮').ratios.debtToAssets).toEqual({ benchmark: 0.78, better: 'lower' });
  });
});

describe('an evaluation of a customer in a shipped industry', () => {
  const sheet: AspectScore[][] = S.factors.map(() => [8, 8, 8, 8]);
  const statement = statementOf({
    currentAssets: 500,
    inventory: 100,
    currentLiabilities: 400,
    totalLiabilities: 700,
    totalAssets: 1000,
    equity: 300,
    revenue: 2000,
    costOfSales: 900,
    taxesAndSurcharges: 20,
    sellingExpenses: 600,
    adminExpenses: 300,
    financeExpenses: 20,
    totalProfit: 160
  });

  it("compares with the industry's benchmarks, the general ones elsewhere, and names the source", () => {
    const settings = forIndustry(S, '餐饮');
    const e = evaluateCredit({ statement, sheet }, settings);
    expect(e.industry).toBe('餐饮');
    expect(e.settingsVersion).toBe('credit.md-defaults-2');
    // gross margin 0.55 against 0.564: worse; debt-to-assets 0.7 against 0.78 (lower is better): better
    expect(e.ratios.byId.grossMargin.comparison).toEqual({ benchmark: 0.564, better: 'higher', verdict: 'worse' });
    expect(e.ratios.byId.debtToAssets.comparison).toEqual({ benchmark: 0.78, better: 'lower', verdict: 'better' });
    expect(e.ratios.byId.profitMargin.comparison.verdict).toBe('better');
    // quick ratio has no catering figure: the rule of thumb 1 applies
    expect(e.ratios.byId.quickRatio.comparison.benchmark).toBe(1);
    expect(settings.industryBenchmarks).toEqual({
      ids: ['currentRatio', 'debtToAssets', 'profitMargin', 'grossMargin', 'costProfitRatio'],
      source: DEFAULT_INDUSTRIES['餐饮'].source
    });
    expect(industrySourceText('餐饮', settings.industryBenchmarks!.source!, 'zh-CN')).toContain('《北京统计年鉴2013》');
    expect(industrySourceText('餐饮', settings.industryBenchmarks!.source!, 'en')).toContain('Beijing Statistical Yearbook 2013');
  });

  it('without an industry uses the general benchmarks and cites none', () => {
    const settings = forIndustry(S, null);
    expect(evaluateCredit({ statement, sheet }, settings).ratios.byId.grossMargin.comparison.verdict).toBe('no-benchmark');
    expect(settings.industryBenchmarks).toBeUndefined();
  });

  it('an edited source shows as typed in both languages; an industry without one says so (null)', () => {
    expect(industrySourceText('零售', '本公司客户均值', 'en')).toBe('本公司客户均值');
    const own = forIndustry({ ...S, industries: { 建材: { ratios: { grossMargin: { benchmark: 0.2 } } } } }, '建材');
    expect(own.industryBenchmarks).toEqual({ ids: ['grossMargin'], source: null });
  });
});
