import { describe, expect, it } from 'vitest';
import type { Fen } from '../money';
import { createRng } from '../records/rng';
import { characteristicModel, type AspectScore } from './characteristic';
import { applyGradeFactor, creditGradeOf, evaluateCredit, limitClassOf, recommendLimit } from './limit';
import { DEFAULT_CREDIT_SETTINGS as S, forIndustry, type CharacteristicGrade } from './settings';
import type { FinancialStatement } from './statement';
import { workingCapitalModel } from './working-capital';

const y = (yuan: number) => Math.round(yuan * 100) as Fen;
const wan = (n: number) => y(n * 10000);
const uniform = (v: AspectScore): AspectScore[][] => S.factors.map(() => [v, v, v, v]);
const A: FinancialStatement = {
  currentAssets: y(5_000_000),
  inventory: y(2_000_000),
  currentLiabilities: y(2_500_000),
  totalLiabilities: y(4_000_000),
  equity: y(6_000_000)
};

describe('limit class (credit.md §5), lower bound inclusive', () => {
  it.each<[string, number, string | null]>([
    ['0', 0, null],
    ['1 元', y(1), '1A'],
    ['299,999 元', y(299_999), '1A'],
    ['30万', wan(30), '2A'],
    ['599,999 元', y(599_999), '2A'],
    ['60万', wan(60), '3A'],
    ['999,999 元', y(999_999), '3A'],
    ['100万', wan(100), '4A'],
    ['149.9999万', y(1_499_999), '4A'],
    ['150万', wan(150), '5A'],
    ['1亿', wan(10_000), '5A']
  ])('%s → %s', (_name, limit, label) => expect(limitClassOf(limit, S)?.label ?? null).toBe(label));

  it.each<[number, CharacteristicGrade, string | null]>([
    [wan(80), 2, '3A2'],
    [wan(20), 1, '1A1'],
    [wan(200), 4, '5A4'],
    [0, 1, null]
  ])('XAY of %s fen, grade %s → %s', (limit, grade, xay) => expect(creditGradeOf(limit, grade, S)).toBe(xay));
});

describe('grade factor', () => {
  it.each<[CharacteristicGrade, number]>([
    [1, 1_062_500],
    [2, 956_250],
    [3, 796_875],
    [4, 531_250],
    [5, 0],
    [6, 0]
  ])('grade %s on 1,062,500 元 → %s 元', (grade, yuan) => expect(applyGradeFactor(y(1_062_500), S.gradeFactors[grade])).toBe(y(yuan)));

  it('rounds the product down to whole 元', () => {
    expect(applyGradeFactor(y(55_001), 75)).toBe(y(41_250)); // 41,250.75
    expect(applyGradeFactor(y(1), 90)).toBe(0);
  });
});

describe('recommendLimit and evaluateCredit', () => {
  it('A with every aspect at 8 (total 80, CA2): 90 % of 1,062,500 = 956,250, 3A2', () => {
    const e = evaluateCredit({ statement: A, sheet: uniform(8) }, S);
    expect(e.characteristic.grade).toBe(2);
    expect(e.recommendation).toMatchObject({
      workingCapitalLimit: y(1_062_500),
      gradeFactor: 90,
      limit: y(956_250),
      limitClass: '3A',
      creditGrade: '3A2',
      noCredit: false,
      noCreditReasons: [],
      policy: 'grant'
    });
    expect(e.ratios.byId.currentRatio.value).toBe(2);
    expect(e.settingsVersion).toBe(S.version);
  });

  it.each<[string, FinancialStatement, AspectScore, string[]]>([
    ['grade 5 (cash only)', A, 3, ['grade-factor-zero']],
    ['equity not positive', { ...A, equity: y(-1) }, 8, ['working-capital-no-credit']],
    ['statement incomplete', { ...A, equity: null }, 8, ['working-capital-not-computable']],
    [
      'working assets ≤ 0',
      { ...A, currentAssets: y(0), inventory: y(0), currentLiabilities: y(7_000_000), totalLiabilities: y(7_000_000) },
      8,
      ['working-capital-limit-zero']
    ]
  ])('no credit: %s', (_name, statement, aspect, reasons) => {
    const r = evaluateCredit({ statement, sheet: uniform(aspect) }, S).recommendation;
    expect(r).toMatchObject({ limit: 0, limitClass: null, creditGrade: null, noCredit: true, noCreditReasons: reasons });
  });

  it('grade 6 proposes the blacklist; grade 4 advises a guarantee', () => {
    expect(evaluateCredit({ statement: A, sheet: uniform(1) }, S).recommendation).toMatchObject({ proposeBlacklist: true, policy: 'refuse' });
    expect(evaluateCredit({ statement: A, sheet: uniform(5) }, S).recommendation).toMatchObject({
      guaranteeAdvised: true,
      policy: 'reduced-limit',
      limit: y(531_250)
    });
  });

  it('refuses to combine results computed with other tables', () => {
    const other = forIndustry({ ...S, industries: { retail: { gradeFactors: { 1: 100, 2: 80, 3: 60, 4: 40, 5: 0, 6: 0 } } } }, 'retail');
    const wc = workingCapitalModel(A, S);
    const ch = characteristicModel(uniform(8), S);
    expect(() => recommendLimit(wc, ch, other)).toThrow(RangeError);
    const r = evaluateCredit({ statement: A, sheet: uniform(8) }, other).recommendation;
    expect(r).toMatchObject({ industry: 'retail', gradeFactor: 80, limit: y(850_000) });
  });

  it('raising an aspect never lowers the recommended limit (seed 21)', () => {
    const rng = createRng(21);
    const wc = workingCapitalModel(A, S);
    for (let i = 0; i < 300; i++) {
      const sheet = S.factors.map(() => [0, 1, 2, 3].map(() => (rng.chance(0.1) ? null : rng.int(0, 10))));
      const raised = sheet.map((row) => [...row]);
      const f = rng.int(0, 17);
      const a = rng.int(0, 3);
      raised[f][a] = rng.int(sheet[f][a] ?? 0, 10);
      const before = recommendLimit(wc, characteristicModel(sheet, S), S).limit;
      const after = recommendLimit(wc, characteristicModel(raised, S), S).limit;
      expect(after, `seed 21 iteration ${i}`).toBeGreaterThanOrEqual(before);
    }
  });
});
