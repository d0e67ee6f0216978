/**
 * The recommended limit, its class and the XAY credit grade (shared/domain/credit.md §5), and
 * `evaluateCredit`, which runs §2–§5 together for one evaluation (the numbers of the §7 report).
 *
 *   recommended limit = limit by the working-capital model × grade factor, rounded down to whole 元
 *   (defaults: grade 1 → 100 %, 2 → 90 %, 3 → 75 %, 4 → 50 %, 5 → 0, 6 → 0)
 *   limit class       = the class whose [from, next from) holds the limit; a limit of 0 has none
 *   credit grade      = class + characteristic grade number ("3A2"); null ("no credit", 不予赊销)
 *                       when the limit is 0
 *
 * Choice: "limit by the working-capital model" is the figure that model reports, already rounded
 * down to whole 元 (the fixtures' `limit`); the grade factor applies to it and the product is
 * rounded down again. Rounding only the product could differ by at most 1 元. The computation is
 * in integers (BigInt), exact for any amount.
 */
import type { Fen } from '../money';
import { analyseRatios, type RatioAnalysis } from './ratios';
import { characteristicModel, type AspectSheet, type CharacteristicResult } from './characteristic';
import type { CharacteristicGrade, CreditPolicy, EffectiveCreditSettings, LimitClassSpec } from './settings';
import type { FinancialStatement } from './statement';
import { workingCapitalModel, type WorkingCapitalResult } from './working-capital';

export type NoCreditReason =
  'working-capital-no-credit' | 'working-capital-not-computable' | 'working-capital-limit-zero' | 'grade-factor-zero' | 'rounded-to-zero';

export interface Recommendation {
  settingsVersion: string;
  industry: string | null;
  /** the working-capital model's limit, fen (whole 元) */
  workingCapitalLimit: Fen;
  grade: CharacteristicGrade;
  /** percent points */
  gradeFactor: number;
  /** fen, a whole number of 元 */
  limit: Fen;
  formula: string;
  limitClass: string | null;
  /** 'XAY', e.g. '3A2'; null when the limit is 0 */
  creditGrade: string | null;
  /** limit 0: the UI shows 不予赊销 / no credit */
  noCredit: boolean;
  noCreditReasons: NoCreditReason[];
  policy: CreditPolicy;
  guaranteeAdvised: boolean;
  proposeBlacklist: boolean;
}

/** The class of a limit (fen): lower bound inclusive; 0 or less has no class. */
export function limitClassOf(limit: number, settings: EffectiveCreditSettings): LimitClassSpec | null {
  if (!(limit > 0)) return null;
  let hit: LimitClassSpec | null = null;
  for (const c of settings.limitClasses) if (limit >= c.from) hit = c;
  return hit;
}

/** 'XAY': the limit class then the characteristic grade; null when the limit has no class. */
export function creditGradeOf(limit: number, grade: CharacteristicGrade, settings: EffectiveCreditSettings): string | null {
  const c = limitClassOf(limit, settings);
  return c ? `${c.label}${grade}` : null;
}

/** floor(limit × percent / 100) to whole 元, exactly; limit in fen (whole 元), percent ≤ 2 decimals. */
export function applyGradeFactor(limit: Fen, percent: number): Fen {
  if (!(limit > 0)) return 0 as Fen;
  const yuan = BigInt(Math.floor(limit / 100));
  const hundredths = BigInt(Math.round(percent * 100));
  return (Number((yuan * hundredths) / 10_000n) * 100) as Fen;
}

function assertSameTables(settings: EffectiveCreditSettings, ...results: { settingsVersion: string; industry: string | null }[]) {
  for (const r of results)
    if (r.settingsVersion !== settings.version || r.industry !== (settings.industry ?? null))
      throw new RangeError(
        `results computed with settings ${r.settingsVersion}/${r.industry ?? '-'} cannot be combined under ${settings.version}/${settings.industry ?? '-'}`
      );
}

export function recommendLimit(
  workingCapital: WorkingCapitalResult,
  characteristic: CharacteristicResult,
  settings: EffectiveCreditSettings
): Recommendation {
  assertSameTables(settings, workingCapital, characteristic);
  const grade = characteristic.grade;
  const gradeFactor = settings.gradeFactors[grade];
  const limit = applyGradeFactor(workingCapital.limit, gradeFactor);
  const reasons: NoCreditReason[] = [];
  if (limit === 0) {
    if (workingCapital.noCredit) reasons.push('working-capital-no-credit');
    else if (workingCapital.status !== 'ok') reasons.push('working-capital-not-computable');
    else if (workingCapital.limit === 0) reasons.push('working-capital-limit-zero');
    if (gradeFactor === 0) reasons.push('grade-factor-zero');
    if (reasons.length === 0) reasons.push('rounded-to-zero');
  }
  const limitClass = limitClassOf(limit, settings);
  return {
    settingsVersion: settings.version,
    industry: settings.industry ?? null,
    workingCapitalLimit: workingCapital.limit,
    grade,
    gradeFactor,
    limit,
    formula: 'floor(workingCapitalLimit × gradeFactor / 100) to whole yuan',
    limitClass: limitClass?.label ?? null,
    creditGrade: limitClass ? `${limitClass.label}${grade}` : null,
    noCredit: limit === 0,
    noCreditReasons: reasons,
    policy: characteristic.band.policy,
    guaranteeAdvised: characteristic.band.guaranteeAdvised,
    proposeBlacklist: characteristic.band.proposeBlacklist
  };
}

export interface CreditEvaluation {
  settingsVersion: string;
  industry: string | null;
  ratios: RatioAnalysis;
  workingCapital: WorkingCapitalResult;
  characteristic: CharacteristicResult;
  recommendation: Recommendation;
}

/** §2–§5 for one statement and one characteristic sheet, all with the same tables. */
export function evaluateCredit(input: { statement: FinancialStatement; sheet: AspectSheet }, settings: EffectiveCreditSettings): CreditEvaluation {
  const workingCapital = workingCapitalModel(input.statement, settings);
  const characteristic = characteristicModel(input.sheet, settings);
  return {
    settingsVersion: settings.version,
    industry: settings.industry ?? null,
    ratios: analyseRatios(input.statement, settings),
    workingCapital,
    characteristic,
    recommendation: recommendLimit(workingCapital, characteristic, settings)
  };
}
