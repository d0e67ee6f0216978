import { describe, expect, it } from 'vitest';
import { DEFAULT_CREDIT_SETTINGS } from './settings';
import { blankSheet, readSheet, readStatements, rescoreEvaluation } from './evaluation-record';

const statement = {
  currentAssets: 500_000_000,
  inventory: 150_000_000,
  cash: 100_000_000,
  currentLiabilities: 250_000_000,
  totalLiabilities: 300_000_000,
  totalAssets: 900_000_000,
  equity: 600_000_000
};

describe('stored evaluations', () => {
  it('reads periods and refuses amounts that are not whole fen', () => {
    expect(readStatements({ periods: [{ label: '2025', statement }] })).toEqual([{ label: '2025', statement }]);
    expect(readStatements({ periods: [{ label: '2025', statement: { cash: 1.5 } }] })).toBeNull();
    expect(readStatements({ periods: [] })).toBeNull();
    const excluded = { ...statement, exclusions: [{ label: '呆滞存货', amount: 10_000_000, fromInventory: true }] };
    expect(readStatements({ periods: [{ label: '2025', statement: excluded }] })).toEqual([{ label: '2025', statement: excluded }]);
    expect(readStatements({ periods: [{ label: '2025', statement: { exclusions: [{ label: 'x', amount: 0.5 }] } }] })).toBeNull();
  });

  it('reads a sheet that fits the tables only', () => {
    const sheet = blankSheet(DEFAULT_CREDIT_SETTINGS);
    expect(readSheet(sheet, DEFAULT_CREDIT_SETTINGS)).toEqual(sheet);
    expect(readSheet(sheet.slice(1), DEFAULT_CREDIT_SETTINGS)).toBeNull();
    expect(
      readSheet(
        sheet.map((r) => r.map(() => 11)),
        DEFAULT_CREDIT_SETTINGS
      )
    ).toBeNull();
  });

  it('re-scores with the copy of the tables it was saved with, not today’s', () => {
    const sheet = DEFAULT_CREDIT_SETTINGS.factors.map((f) => f.aspects.map(() => 8));
    const own = { ...DEFAULT_CREDIT_SETTINGS, version: 'workspace-4', gradeFactors: { 1: 100, 2: 50, 3: 40, 4: 30, 5: 0, 6: 0 } };
    const r = rescoreEvaluation({ statements: { periods: [{ label: '2025', statement }] }, aspects: sheet, settings: own, settingsVersion: 4 });
    expect(r).not.toBeNull();
    expect(r!.evaluation.settingsVersion).toBe('workspace-4');
    expect(r!.evaluation.characteristic.gradeLabel).toBe('CA2');
    expect(r!.evaluation.recommendation.gradeFactor).toBe(50);
    expect(r!.evaluation.recommendation.limit).toBe(r!.evaluation.workingCapital.limit / 2);
  });

  it('an unusable record gives null, never a half result', () => {
    expect(rescoreEvaluation({ statements: {}, aspects: [], settings: DEFAULT_CREDIT_SETTINGS, settingsVersion: 0 })).toBeNull();
    expect(
      rescoreEvaluation({
        statements: { periods: [{ label: 'x', statement }] },
        aspects: blankSheet(DEFAULT_CREDIT_SETTINGS),
        settings: { nope: 1 },
        settingsVersion: 0
      })
    ).toBeNull();
  });
});
