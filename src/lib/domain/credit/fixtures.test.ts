/**
 * Reproduces every worked case of shared/fixtures/credit/cases.json (read at test time; the repo
 * is checked out with ../shared beside it): ratios and totals to 1e-6, limits exactly to the 元.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { characteristicModel } from './characteristic';
import { formatOutcome, formatSummary, parseCreditCases, runCreditCases, type CreditCaseFile } from './case-file';
import { recommendLimit } from './limit';
import { DEFAULT_CREDIT_SETTINGS as S } from './settings';
import { workingCapitalModel } from './working-capital';

const FIXTURE = new URL('../../../../../shared/fixtures/credit/cases.json', import.meta.url);
const raw = JSON.parse(readFileSync(FIXTURE, 'utf8')) as Record<string, unknown>;
const parsed = parseCreditCases(raw, S);
if (!parsed.ok) throw new Error(`cases.json is malformed: ${parsed.problems.join('; ')}`);
const file: CreditCaseFile = parsed.file;

/** null matches only null; numbers within 1e-6 */
function close(actual: number | null, expected: unknown) {
  if (expected === null) expect(actual).toBeNull();
  else {
    expect(actual).not.toBeNull();
    expect(Math.abs((actual as number) - (expected as number))).toBeLessThanOrEqual(1e-6);
  }
}

const yuan = (fen: number | null) => (fen === null ? null : fen / 100);

describe('cases.json: working-capital model', () => {
  it('has cases', () => expect(file.workingCapitalModel.length).toBeGreaterThan(0));
  it.each(file.workingCapitalModel.map((c) => [c.case, c] as const))('case %s', (_name, c) => {
    const r = workingCapitalModel(c.statement, S);
    const e = c.expected;
    close(yuan(r.workingCapital), e.workingCapital);
    close(yuan(r.workingAssets), e.workingAssets);
    close(r.X1.value, e.X1);
    close(r.X2.value, e.X2);
    close(r.X3.value, e.X3);
    close(r.X4.value, e.X4);
    close(r.evaluationValue.value, e.evaluationValue);
    close(r.percent, e.percent);
    expect(r.limit / 100).toBe(e.limit);
    expect(r.limit % 100).toBe(0);
    expect(r.noCredit).toBe(e.noCredit ?? false);
    // never a number standing in for "not computable"
    for (const x of [r.X1, r.X2, r.X3, r.X4, r.evaluationValue])
      if (x.value === null) expect(x.reason).toBeDefined();
      else expect(Number.isFinite(x.value)).toBe(true);
    expect(r.settingsVersion).toBe(S.version);
  });
});

describe('cases.json: characteristic model', () => {
  it('has cases', () => expect(file.characteristicModel.length).toBeGreaterThan(0));
  it('lists the factors in the order of the default settings', () => {
    expect(raw.factorOrder).toEqual(S.factors.map((f) => f.name));
  });
  it.each(file.characteristicModel.map((c) => [c.case, c] as const))('case %s', (_name, c) => {
    const r = characteristicModel(c.aspectScores, S);
    close(r.total, c.expected.total);
    expect(r.grade).toBe(c.expected.grade);
    expect(r.blankAspects).toBe(c.expected.blankAspects);
    expect(r.totalAspects).toBe(72);
    close(
      r.groups.reduce((sum, g) => sum + g.points, 0),
      r.total
    );
  });
});

describe('cases.json: combined', () => {
  it('has cases', () => expect(file.combined.length).toBeGreaterThan(0));
  it.each(file.combined.map((c) => [c.case, c] as const))('case %s', (_name, c) => {
    const statement = file.workingCapitalModel.find((w) => w.case === c.statement)!;
    const sheet = file.characteristicModel.find((s) => s.case === c.sheet)!;
    const r = recommendLimit(workingCapitalModel(statement.statement, S), characteristicModel(sheet.aspectScores, S), S);
    expect(r.limit / 100).toBe(c.expected.recommendedLimit);
    expect(r.limitClass).toBe(c.expected.limitClass);
    expect(r.creditGrade).toBe(c.expected.creditGrade);
  });
});

describe('the case runner (npm run check:credit)', () => {
  it('passes every case of the real file', () => {
    const outcomes = runCreditCases(file, S);
    expect(outcomes.filter((o) => !o.pass).map(formatOutcome)).toEqual([]);
    const total = file.workingCapitalModel.length + file.characteristicModel.length + file.combined.length;
    expect(formatSummary(outcomes)).toBe(`${total} passed, 0 failed`);
    expect(formatOutcome(outcomes[0])).toBe(`pass  workingCapitalModel ${file.workingCapitalModel[0].case}`);
  });

  it('names what differs when a value is altered', () => {
    const altered = structuredClone(raw) as {
      workingCapitalModel: { expected: { limit: number } }[];
      combined: { expected: { creditGrade: string } }[];
    };
    altered.workingCapitalModel[0].expected.limit += 1;
    altered.combined[0].expected.creditGrade = '2A3';
    const p = parseCreditCases(altered, S);
    if (!p.ok) throw new Error(p.problems.join('; '));
    const failed = runCreditCases(p.file, S)
      .filter((o) => !o.pass)
      .map(formatOutcome);
    expect(failed).toEqual([
      'FAIL  workingCapitalModel A: limit expected 1062501, got 1062500',
      'FAIL  combined A+mixed: creditGrade expected 2A3, got 3A3'
    ]);
  });

  it('accepts factors in another order', () => {
    const shuffled = structuredClone(raw) as { factorOrder: string[]; characteristicModel: { aspectScores: unknown[] }[] };
    shuffled.factorOrder.reverse();
    for (const c of shuffled.characteristicModel) c.aspectScores.reverse();
    const p = parseCreditCases(shuffled, S);
    if (!p.ok) throw new Error(p.problems.join('; '));
    expect(runCreditCases(p.file, S).every((o) => o.pass)).toBe(true);
  });

  it.each<[string, unknown, string]>([
    ['not an object', [], 'the file is not a JSON object'],
    ['a section that is not a list', { workingCapitalModel: {} }, 'workingCapitalModel is not an array'],
    [
      'an amount with fractions of a fen',
      { workingCapitalModel: [{ case: 'A', statement: { currentAssets: 1.005 }, expected: { limit: 0 } }] },
      'workingCapitalModel[0].statement.currentAssets is not an amount in yuan'
    ],
    [
      'an unknown statement field',
      { workingCapitalModel: [{ case: 'A', statement: { cashh: 1 }, expected: { limit: 0 } }] },
      'workingCapitalModel[0].statement.cashh is not a statement field'
    ],
    [
      'an unknown check',
      { workingCapitalModel: [{ case: 'A', statement: {}, expected: { risk: 'low' } }] },
      'workingCapitalModel[0].expected.risk is not a known check'
    ],
    [
      'a combined case naming no statement',
      { combined: [{ case: 'X', statement: 'Z', sheet: 'Y', expected: { recommendedLimit: 0 } }] },
      'combined[0].statement does not name a workingCapitalModel case'
    ],
    [
      'an unknown factor',
      { factorOrder: ['付款记录'], characteristicModel: [{ case: 'x', aspectScores: [], expected: { grade: 1 } }] },
      'factorOrder lists 1 factors, the settings have 18'
    ]
  ])('refuses a malformed file: %s', (_name, json, problem) => {
    const p = parseCreditCases(json, S);
    expect(p.ok).toBe(false);
    if (!p.ok) expect(p.problems).toContain(problem);
  });
});
