import { describe, expect, it } from 'vitest';
import type { Fen } from '../money';
import { analyseRatios, compareToBenchmark, ratio, type NotComputableReason } from './ratios';
import { DEFAULT_CREDIT_SETTINGS as S, forIndustry, type RatioId } from './settings';
import type { FinancialStatement } from './statement';
import { createRng } from '../records/rng';

/** 元 → fen for readable tables */
const y = (yuan: number) => Math.round(yuan * 100) as Fen;
const statement = (fields: Record<string, number | null>): FinancialStatement =>
  Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, v === null ? null : y(v)])) as FinancialStatement;

const full = statement({
  currentAssets: 5_000_000,
  cash: 600_000,
  marketableSecurities: 200_000,
  inventory: 2_000_000,
  prepayments: 300_000,
  currentLiabilities: 2_500_000,
  totalLiabilities: 4_000_000,
  totalAssets: 10_000_000,
  equity: 6_000_000,
  revenue: 12_000_000,
  costOfSales: 9_000_000,
  taxesAndSurcharges: 100_000,
  sellingExpenses: 500_000,
  adminExpenses: 700_000,
  financeExpenses: 200_000,
  totalProfit: 1_500_000,
  openingInventory: 1_600_000,
  closingInventory: 2_000_000
});

describe('ratio values (credit.md §2)', () => {
  it.each<[RatioId, number]>([
    ['currentRatio', 2],
    ['quickRatio', 1.2],
    ['cashRatio', 0.32],
    ['debtToAssets', 0.4],
    ['inventoryTurnover', 5],
    ['inventoryDays', 72],
    ['profitMargin', 0.125],
    ['grossMargin', 0.25],
    ['costProfitRatio', 1_500_000 / 10_500_000]
  ])('%s = %d', (id, expected) => {
    const r = ratio(id, full, S);
    expect(r.value).toBeCloseTo(expected, 9);
    expect(r.reason).toBeUndefined();
    expect(r.formula).toBeTruthy();
  });

  it('shows its inputs in fen and its formula in field names', () => {
    const r = ratio('quickRatio', full, S);
    expect(r.formula).toBe('(currentAssets - inventory) / currentLiabilities');
    expect(r.inputs).toEqual({ currentAssets: y(5_000_000), inventory: y(2_000_000), currentLiabilities: y(2_500_000) });
  });

  it('deducts prepayments from quick assets when the setting says so', () => {
    const r = ratio('quickRatio', full, { ...S, quickAssetsDeductPrepayments: true });
    expect(r.value).toBeCloseTo(2_700_000 / 2_500_000, 12);
    expect(r.formula).toBe('(currentAssets - inventory - prepayments) / currentLiabilities');
  });

  it('uses the balance-sheet inventory when closing inventory is blank', () => {
    const r = ratio('inventoryTurnover', { ...full, closingInventory: null }, S);
    expect(r.value).toBeCloseTo(5, 12);
  });
});

describe('not computable: never 0, NaN or Infinity', () => {
  it.each<[string, RatioId, Record<string, number | null>, NotComputableReason, string[]?]>([
    ['current ratio, no current liabilities', 'currentRatio', { currentLiabilities: 0 }, 'zero-denominator'],
    ['current ratio, negative current liabilities', 'currentRatio', { currentLiabilities: -1 }, 'negative-denominator'],
    ['current ratio, current assets not given', 'currentRatio', { currentAssets: null }, 'missing-input', ['currentAssets']],
    ['quick ratio, inventory not given', 'quickRatio', { inventory: null }, 'missing-input', ['inventory']],
    ['cash ratio, cash not given', 'cashRatio', { cash: null }, 'missing-input', ['cash']],
    ['debt-to-assets, no assets', 'debtToAssets', { totalAssets: 0 }, 'zero-denominator'],
    ['turnover, no inventory at all', 'inventoryTurnover', { openingInventory: 0, closingInventory: 0 }, 'zero-denominator'],
    ['turnover, opening inventory not given', 'inventoryTurnover', { openingInventory: null }, 'missing-input', ['openingInventory']],
    ['days, no cost of sales (turnover 0)', 'inventoryDays', { costOfSales: 0 }, 'zero-denominator'],
    ['days, turnover not computable', 'inventoryDays', { openingInventory: 0, closingInventory: 0 }, 'zero-denominator'],
    ['profit margin, no revenue', 'profitMargin', { revenue: 0 }, 'zero-denominator'],
    ['gross margin, revenue not given', 'grossMargin', { revenue: null }, 'missing-input', ['revenue']],
    [
      'cost-profit ratio, no costs at all',
      'costProfitRatio',
      { costOfSales: 0, taxesAndSurcharges: 0, sellingExpenses: 0, adminExpenses: 0, financeExpenses: 0 },
      'zero-denominator'
    ]
  ])('%s', (_name, id, changes, reason, missing) => {
    const r = ratio(id, { ...full, ...statement(changes) }, S);
    expect(r.value).toBeNull();
    expect(r.reason).toBe(reason);
    if (missing) expect(r.missing).toEqual(missing);
    expect(r.comparison.verdict).toBe('not-computable');
  });

  it('counts blank sub-items as 0 and says so', () => {
    const r = ratio('cashRatio', { ...full, marketableSecurities: null }, S);
    expect(r.value).toBeCloseTo(0.24, 12);
    expect(r.assumedZero).toEqual(['marketableSecurities']);
  });

  it('random statements with zeros and blanks give a finite value or a reason (seed 7)', () => {
    const rng = createRng(7);
    const fields = Object.keys(full);
    for (let i = 0; i < 500; i++) {
      const s = Object.fromEntries(
        fields.map((f) => [f, rng.chance(0.15) ? null : rng.chance(0.2) ? 0 : rng.int(-1_000_000, 100_000_000)])
      ) as FinancialStatement;
      for (const r of analyseRatios(s, S).ratios) {
        if (r.value === null) expect(r.reason, `seed 7 iteration ${i} ${r.id}`).toBeDefined();
        else expect(Number.isFinite(r.value), `seed 7 iteration ${i} ${r.id}`).toBe(true);
      }
    }
  });
});

describe('comparison with the benchmark', () => {
  it.each<[string, number | null, number | null, 'higher' | 'lower', string]>([
    ['higher is better, above', 2.5, 2, 'higher', 'better'],
    ['higher is better, below', 1.5, 2, 'higher', 'worse'],
    ['lower is better, below', 0.4, 0.5, 'lower', 'better'],
    ['lower is better, above', 0.6, 0.5, 'lower', 'worse'],
    ['equal within 1e-6', 2.0000005, 2, 'higher', 'equal'],
    ['just outside 1e-6', 2.000002, 2, 'higher', 'better'],
    ['no benchmark set', 3, null, 'higher', 'no-benchmark'],
    ['not computable', null, 2, 'higher', 'not-computable']
  ])('%s', (_name, value, benchmark, better, verdict) => {
    expect(compareToBenchmark(value, benchmark, better).verdict).toBe(verdict);
  });

  it('uses the rules of thumb by default and the industry benchmark when one is set', () => {
    const base = analyseRatios(full, S);
    expect(base.byId.currentRatio.comparison).toEqual({ benchmark: 2, better: 'higher', verdict: 'equal' });
    expect(base.byId.debtToAssets.comparison.verdict).toBe('better');
    expect(base.byId.grossMargin.comparison.verdict).toBe('no-benchmark');
    expect(base.byId.currentRatio.horizon).toBe('short-term');
    expect(base.byId.grossMargin.horizon).toBe('long-term');

    const settings = forIndustry(
      { ...S, industries: { wholesale: { name: '批发', ratios: { grossMargin: { benchmark: 0.3 }, currentRatio: { benchmark: 1.5 } } } } },
      'wholesale'
    );
    const r = analyseRatios(full, settings);
    expect(r.industry).toBe('wholesale');
    expect(r.settingsVersion).toBe(S.version);
    expect(r.byId.grossMargin.comparison).toEqual({ benchmark: 0.3, better: 'higher', verdict: 'worse' });
    expect(r.byId.currentRatio.comparison.verdict).toBe('better');
  });
});
