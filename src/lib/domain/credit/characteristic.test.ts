import { describe, expect, it } from 'vitest';
import { createRng } from '../records/rng';
import { characteristicModel, checkAspectSheet, gradeForTotal, type AspectScore } from './characteristic';
import { DEFAULT_CREDIT_SETTINGS as S } from './settings';

const uniform = (v: AspectScore): AspectScore[][] => S.factors.map(() => [v, v, v, v]);

describe('grade from total (credit.md §4), lower bound inclusive', () => {
  it.each<[number, number]>([
    [100, 1],
    [85, 1],
    [85 - 1e-10, 1],
    [84.99, 2],
    [70, 2],
    [69.999999, 3],
    [55, 3],
    [54.9, 4],
    [40, 4],
    [39.9, 5],
    [25, 5],
    [24.999, 6],
    [0, 6]
  ])('total %s → grade %s', (total, grade) => expect(gradeForTotal(total, S).grade).toBe(grade));

  it.each<[number, string, boolean, boolean]>([
    [1, 'grant', false, false],
    [3, 'grant-with-conditions', false, false],
    [4, 'reduced-limit', true, false],
    [5, 'cash-only', false, false],
    [6, 'refuse', false, true]
  ])('grade %s: policy %s, guarantee %s, blacklist %s', (grade, policy, guarantee, blacklist) => {
    const band = S.gradeBands[grade - 1];
    expect(band).toMatchObject({ grade, policy, guaranteeAdvised: guarantee, proposeBlacklist: blacklist });
  });
});

describe('scoring', () => {
  it('all 10 → 100, CA1; all 5 → 50, CA4', () => {
    expect(characteristicModel(uniform(10), S)).toMatchObject({ total: 100, grade: 1, gradeLabel: 'CA1', blankAspects: 0 });
    expect(characteristicModel(uniform(5), S).total).toBeCloseTo(50, 9);
    expect(characteristicModel(uniform(5), S).grade).toBe(4);
  });

  it('a blank aspect scores 0 and is counted', () => {
    const sheet = uniform(10);
    sheet[0] = [10, null, 10, null]; // payment record (weight 10): mean 5 → 5 points instead of 10
    const r = characteristicModel(sheet, S);
    expect(r.total).toBeCloseTo(95, 9);
    expect(r.blankAspects).toBe(2);
    expect(r.factors[0]).toMatchObject({ id: 'paymentRecord', score: 5, points: 5, blankAspects: 2 });
  });

  it('an all-blank sheet scores 0 with 72 blanks', () => {
    expect(characteristicModel(uniform(null), S)).toMatchObject({ total: 0, grade: 6, blankAspects: 72, totalAspects: 72 });
  });

  it('shows group subtotals out of their weights (40 / 35 / 25)', () => {
    const r = characteristicModel(uniform(10), S);
    expect(r.groups).toEqual([
      { group: 'creditFinancial', points: 40, maxPoints: 40 },
      { group: 'customer', points: 35, maxPoints: 35 },
      { group: 'priority', points: 25, maxPoints: 25 }
    ]);
    expect(r.settingsVersion).toBe(S.version);
  });

  it.each<[string, AspectScore[][], string]>([
    ['too few factors', uniform(5).slice(1), 'expected 18 factors, got 17'],
    ['too few aspects', uniform(5).map((row, i) => (i === 2 ? row.slice(1) : row)), 'factor 3: expected 4 aspects, got 3'],
    ['a score above 10', uniform(5).map((row, i) => (i === 0 ? [11, 5, 5, 5] : row)), 'factor 1 aspect 1: 11 is not a score 0–10'],
    ['a negative score', uniform(5).map((row, i) => (i === 17 ? [5, 5, 5, -1] : row)), 'factor 18 aspect 4: -1 is not a score 0–10'],
    ['NaN', uniform(5).map((row, i) => (i === 4 ? [5, NaN, 5, 5] : row)), 'factor 5 aspect 2: NaN is not a score 0–10']
  ])('refuses %s', (_name, sheet, problem) => {
    expect(checkAspectSheet(sheet, S)).toContain(problem);
    expect(() => characteristicModel(sheet, S)).toThrow(RangeError);
  });
});

describe('properties (seeded)', () => {
  const randomSheet = (rng: ReturnType<typeof createRng>): AspectScore[][] =>
    S.factors.map(() => [0, 1, 2, 3].map(() => (rng.chance(0.1) ? null : rng.chance(0.2) ? rng.next() * 10 : rng.int(0, 10))));

  for (const seed of [11, 12, 13]) {
    it(`scores stay in range, seed ${seed}`, () => {
      const rng = createRng(seed);
      for (let i = 0; i < 300; i++) {
        const sheet = randomSheet(rng);
        const r = characteristicModel(sheet, S);
        const where = `seed ${seed} iteration ${i}`;
        expect(r.total, where).toBeGreaterThanOrEqual(0);
        expect(r.total, where).toBeLessThanOrEqual(100 + 1e-9);
        expect([1, 2, 3, 4, 5, 6], where).toContain(r.grade);
        expect(r.blankAspects, where).toBe(sheet.flat().filter((v) => v === null).length);
        for (const f of r.factors) {
          expect(f.score, where).toBeGreaterThanOrEqual(0);
          expect(f.score, where).toBeLessThanOrEqual(10);
        }
      }
    });

    it(`raising any aspect never worsens the grade nor lowers the total, seed ${seed}`, () => {
      const rng = createRng(seed * 101);
      for (let i = 0; i < 300; i++) {
        const sheet = randomSheet(rng);
        const f = rng.int(0, 17);
        const a = rng.int(0, 3);
        const old = sheet[f][a] ?? 0;
        const raised = sheet.map((row) => [...row]);
        raised[f][a] = rng.chance(0.2) ? 10 : old + rng.next() * (10 - old);
        const before = characteristicModel(sheet, S);
        const after = characteristicModel(raised, S);
        const where = `seed ${seed * 101} iteration ${i}: factor ${f} aspect ${a} ${String(sheet[f][a])} → ${raised[f][a]}`;
        expect(after.grade, where).toBeLessThanOrEqual(before.grade);
        expect(after.total, where).toBeGreaterThanOrEqual(before.total - 1e-12);
      }
    });
  }
});
