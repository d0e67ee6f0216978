import { describe, expect, it } from 'vitest';
import type { Fen } from '../money';
import { createRng } from '../records/rng';
import { DEFAULT_CREDIT_SETTINGS as S } from './settings';
import type { FinancialStatement } from './statement';
import { bandForEvaluationValue, limitFromWorkingAssets, workingCapitalModel } from './working-capital';

const y = (yuan: number) => Math.round(yuan * 100) as Fen;
interface Sheet {
  currentAssets: number;
  inventory: number;
  currentLiabilities: number;
  totalLiabilities: number;
  equity: number;
}
const statement = (s: Sheet): FinancialStatement => ({
  currentAssets: y(s.currentAssets),
  inventory: y(s.inventory),
  currentLiabilities: y(s.currentLiabilities),
  totalLiabilities: y(s.totalLiabilities),
  equity: y(s.equity)
});
const A: Sheet = { currentAssets: 5_000_000, inventory: 2_000_000, currentLiabilities: 2_500_000, totalLiabilities: 4_000_000, equity: 6_000_000 };

describe('the percentage table (credit.md §3): (previous cut, cut], 1e-9 counts as on the cut', () => {
  const percentOf = (v: number) => S.evaluationBands[bandForEvaluationValue(v, S.evaluationBands)].percent;
  it.each<[number, number]>([
    [-100, 0],
    [-4.6, 0],
    [-4.6 + 5e-10, 0],
    [-4.6 + 2e-9, 2.5],
    [-4.0, 2.5],
    [-3.9, 2.5],
    [-3.2, 5],
    [-3.2000000001, 5],
    [-2.5, 7.5],
    [-1.8, 10],
    [-1.1, 12.5],
    [-0.4, 15],
    [0, 17.5],
    [0.3, 17.5],
    [0.1 + 0.2, 17.5], // 0.30000000000000004: on the cut
    [1.0, 20],
    [1.0 + 1e-10, 20],
    [1.000001, 25],
    [50, 25]
  ])('evaluation value %s → %s percent', (v, percent) => expect(percentOf(v)).toBe(percent));
});

describe('limit by the working-capital model, exact to the 元', () => {
  it.each<[string, bigint, number, number]>([
    ['A: 4,250,000 × 25 %', 850_000_000n, 25, 106_250_000],
    ['rounds down, never up', 2n * 100_001n, 17.5, 17_500], // 1,000.01 元 × 17.5 % = 175.00175 → 175
    ['2.5 % of an odd half-fen amount', 3n, 2.5, 0],
    // 90,000,000,000,000.01 元 × 25 % = 22,500,000,000,000.0025 元 → 22,500,000,000,000 元
    ['beyond 2^53 fen stays exact', 2n * 9_000_000_000_000_001n, 25, 2_250_000_000_000_000],
    ['no working assets', 0n, 25, 0],
    ['negative working assets', -500n, 25, 0]
  ])('%s', (_name, twice, percent, limit) => expect(limitFromWorkingAssets(twice, percent)).toBe(limit));
});

describe('degenerate statements', () => {
  it('流动负债 = 0: X1, X2 not computable, top band', () => {
    const r = workingCapitalModel(statement({ ...A, currentLiabilities: 0, totalLiabilities: 1_500_000 }), S);
    expect(r.X1).toMatchObject({ value: null, reason: 'zero-denominator' });
    expect(r.X2).toMatchObject({ value: null, reason: 'zero-denominator' });
    expect(r.X3.value).toBe(0);
    expect(r.X4.value).toBeCloseTo(0.25, 12);
    expect(r.evaluationValue.value).toBeNull();
    expect(r.band).toMatchObject({ percent: 25, rule: 'no-current-liabilities', upTo: null, from: 1 });
    expect(r.notes).toEqual(['no-current-liabilities-top-band']);
    expect(r.status).toBe('ok');
    // working assets (5,000,000 + 6,000,000) / 2 = 5,500,000 × 25 %
    expect(r.limit).toBe(y(1_375_000));
  });

  it('所有者权益 = 0: no credit, X3 and X4 not computable', () => {
    const r = workingCapitalModel(statement({ ...A, equity: 0 }), S);
    expect(r).toMatchObject({ status: 'no-credit', noCredit: true, percent: 0, limit: 0, band: null, notes: ['equity-not-positive'] });
    expect(r.X3.reason).toBe('zero-denominator');
    expect(r.X1.value).toBe(2);
    expect(r.evaluationValue).toMatchObject({ value: null, reason: 'zero-denominator' });
  });

  it('营运资产 ≤ 0: limit 0, band still shown', () => {
    const r = workingCapitalModel(
      statement({ currentAssets: 1_000_000, inventory: 0, currentLiabilities: 3_000_000, totalLiabilities: 3_000_000, equity: 1_000_000 }),
      S
    );
    expect(r.workingAssets).toBe(y(-500_000));
    expect(r.band).not.toBeNull();
    expect(r.limit).toBe(0);
    expect(r.notes).toContain('working-assets-not-positive');
    expect(r.status).toBe('ok');
  });

  it('流动负债 < 0: not computable, no band, limit 0', () => {
    const r = workingCapitalModel(statement({ ...A, currentLiabilities: -1 }), S);
    expect(r).toMatchObject({ status: 'not-computable', band: null, percent: 0, limit: 0, notes: ['current-liabilities-negative'] });
    expect(r.X1.reason).toBe('negative-denominator');
  });

  it('a required amount not given: missing-input, limit 0, and only the affected X are missing', () => {
    const r = workingCapitalModel({ ...statement(A), totalLiabilities: null }, S);
    expect(r).toMatchObject({ status: 'missing-input', limit: 0, missing: ['totalLiabilities'] });
    expect(r.X1.value).toBe(2);
    expect(r.X4).toMatchObject({ value: null, reason: 'missing-input', missing: ['totalLiabilities'] });
  });

  it('refuses amounts that are not whole fen', () => {
    expect(() => workingCapitalModel({ ...statement(A), equity: 1.5 as Fen }, S)).toThrow(RangeError);
  });
});

describe('exclusions and the prepayments setting', () => {
  it('an excluded illiquid asset leaves current assets; from inventory, it leaves inventory too', () => {
    const plain = workingCapitalModel({ ...statement(A), exclusions: [{ label: '长期挂账的其他应收款', amount: y(500_000) }] }, S);
    expect(plain.inputs).toMatchObject({ currentAssetsAsFiled: y(5_000_000), excluded: y(500_000), currentAssets: y(4_500_000) });
    expect(plain.X1.value).toBeCloseTo(1.8, 12);
    expect(plain.X2.value).toBeCloseTo(1.0, 12);
    expect(plain.workingCapital).toBe(y(2_000_000));
    expect(plain.exclusions).toHaveLength(1);

    const stock = workingCapitalModel({ ...statement(A), exclusions: [{ label: '呆滞存货', amount: y(500_000), fromInventory: true }] }, S);
    expect(stock.X1.value).toBeCloseTo(1.8, 12);
    expect(stock.X2.value).toBeCloseTo(1.2, 12);
    expect(stock.inputs.inventory).toBe(y(1_500_000));
  });

  it('deducts prepayments from quick assets (X2) when set', () => {
    const r = workingCapitalModel({ ...statement(A), prepayments: y(500_000) }, { ...S, quickAssetsDeductPrepayments: true });
    expect(r.X2.value).toBeCloseTo(1.0, 12);
    expect(r.quickAssetsFormula).toBe('currentAssets - inventory - prepayments');
  });
});

describe('a better statement never lowers the limit (property, seeded)', () => {
  // "Better", all else equal: more current assets (inventory unchanged, so quick assets rise too);
  // more equity; fewer current liabilities (total liabilities fall by the same amount, as current
  // liabilities are part of them); fewer non-current liabilities (total falls, current unchanged).
  const improvements: [string, (s: Sheet, d: number) => Sheet][] = [
    ['more current assets', (s, d) => ({ ...s, currentAssets: s.currentAssets + d })],
    ['more equity', (s, d) => ({ ...s, equity: s.equity + d })],
    [
      'fewer current liabilities',
      (s, d) => {
        const cut = Math.min(d, s.currentLiabilities);
        return { ...s, currentLiabilities: s.currentLiabilities - cut, totalLiabilities: s.totalLiabilities - cut };
      }
    ],
    ['fewer non-current liabilities', (s, d) => ({ ...s, totalLiabilities: Math.max(s.currentLiabilities, s.totalLiabilities - d) })]
  ];

  function randomSheet(rng: ReturnType<typeof createRng>): Sheet {
    const currentAssets = rng.int(0, 20_000_000);
    const inventory = rng.int(0, currentAssets);
    const currentLiabilities = rng.chance(0.05) ? 0 : rng.int(0, 20_000_000);
    const totalLiabilities = currentLiabilities + rng.int(0, 20_000_000);
    const equity = rng.chance(0.1) ? rng.int(-5_000_000, 0) : rng.int(1, 20_000_000);
    return { currentAssets, inventory, currentLiabilities, totalLiabilities, equity };
  }

  for (const seed of [1, 2, 3]) {
    it(`seed ${seed}`, () => {
      const rng = createRng(seed);
      for (let i = 0; i < 400; i++) {
        const before = randomSheet(rng);
        const [name, improve] = rng.pick(improvements);
        const after = improve(before, rng.chance(0.1) ? 1 : rng.int(0, 5_000_000));
        const a = workingCapitalModel(statement(before), S);
        const b = workingCapitalModel(statement(after), S);
        const where = `seed ${seed} iteration ${i} (${name}): ${JSON.stringify(before)} → ${JSON.stringify(after)}`;
        expect(b.limit, where).toBeGreaterThanOrEqual(a.limit);
        expect(b.percent, where).toBeGreaterThanOrEqual(a.percent);
        expect(a.limit % 100, where).toBe(0);
      }
    });
  }
});
