import { describe, expect, it } from 'vitest';
import { checkCreditSettings, DEFAULT_CREDIT_SETTINGS as S, forIndustry, type CreditTables } from './settings';

describe('DEFAULT_CREDIT_SETTINGS (credit.md defaults)', () => {
  it('is usable', () => expect(checkCreditSettings(S)).toEqual([]));

  it('has 18 factors in 3 groups of 6, weights 40 / 35 / 25, 4 aspects each with hints', () => {
    expect(S.factors).toHaveLength(18);
    const sum = (g: string) => S.factors.filter((f) => f.group === g).reduce((s, f) => s + f.weight, 0);
    expect([sum('creditFinancial'), sum('customer'), sum('priority')]).toEqual([40, 35, 25]);
    for (const f of S.factors) {
      expect(f.aspects).toHaveLength(4);
      for (const a of f.aspects) expect(a.name && a.good && a.bad).toBeTruthy();
    }
  });

  it('has the spec tables', () => {
    expect(S.evaluationBands.map((b) => b.percent)).toEqual([0, 2.5, 5, 7.5, 10, 12.5, 15, 17.5, 20, 25]);
    expect(S.gradeBands.map((g) => g.minTotal)).toEqual([85, 70, 55, 40, 25, null]);
    expect(S.gradeFactors).toEqual({ 1: 100, 2: 90, 3: 75, 4: 50, 5: 0, 6: 0 });
    expect(S.limitClasses.map((c) => [c.label, c.from / 100 / 10000])).toEqual([
      ['1A', 0],
      ['2A', 30],
      ['3A', 60],
      ['4A', 100],
      ['5A', 150]
    ]);
    expect(S.daysPerYear).toBe(360);
  });
});

describe('forIndustry', () => {
  const settings = {
    ...S,
    industries: {
      retail: { name: '零售', quickAssetsDeductPrepayments: true, ratios: { inventoryTurnover: { benchmark: 8 } } }
    }
  };

  it('applies one industry: ratios per field, other tables whole', () => {
    const r = forIndustry(settings, 'retail');
    expect(r.industry).toBe('retail');
    expect(r.quickAssetsDeductPrepayments).toBe(true);
    expect(r.ratios.inventoryTurnover).toEqual({ benchmark: 8, better: 'higher' });
    expect(r.ratios.currentRatio).toEqual(S.ratios.currentRatio);
    expect(r.evaluationBands).toBe(S.evaluationBands);
    expect(r.version).toBe(S.version);
    expect(settings.ratios.inventoryTurnover.benchmark).toBeNull();
  });

  it.each([undefined, null, '', 'unknown'])('gives the base tables for %s', (industry) => {
    const r = forIndustry(settings, industry);
    expect(r.industry).toBeNull();
    expect(r.quickAssetsDeductPrepayments).toBe(false);
    expect(r).not.toHaveProperty('industries');
  });
});

describe('checkCreditSettings', () => {
  it.each<[string, Partial<CreditTables>, string]>([
    ['weights not summing to 100', { factors: S.factors.map((f, i) => (i === 0 ? { ...f, weight: 11 } : f)) }, 'factors'],
    [
      'bands out of order',
      {
        evaluationBands: [
          { upTo: 1, percent: 0, risk: 'high' },
          { upTo: 0, percent: 5, risk: 'low' },
          { upTo: null, percent: 9, risk: 'low' }
        ]
      },
      'evaluationBands.1.upTo'
    ],
    [
      'a percent that falls as the value rises',
      {
        evaluationBands: [
          { upTo: 0, percent: 10, risk: 'high' },
          { upTo: null, percent: 5, risk: 'low' }
        ]
      },
      'evaluationBands.1.percent'
    ],
    ['a percent with three decimals', { evaluationBands: [{ upTo: null, percent: 2.125, risk: 'low' }] }, 'evaluationBands.0.percent'],
    ['a worse grade with a larger share', { gradeFactors: { 1: 100, 2: 90, 3: 95, 4: 50, 5: 0, 6: 0 } }, 'gradeFactors.3'],
    ['grade cuts not descending', { gradeBands: S.gradeBands.map((g, i) => (i === 2 ? { ...g, minTotal: 75 } : g)) }, 'gradeBands.2.minTotal'],
    ['classes not ascending', { limitClasses: [S.limitClasses[0], S.limitClasses[2], S.limitClasses[1]] }, 'limitClasses.2.from']
  ])('finds %s', (_name, changes, path) => {
    expect(checkCreditSettings({ ...S, ...changes }).map((p) => p.path)).toContain(path);
  });
});
