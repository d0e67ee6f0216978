/**
 * The characteristic analysis model 特征分析模型 (shared/domain/credit.md §4).
 *
 * Input: one row per factor, in the order of `settings.factors` (the default order is the
 * fixtures' `factorOrder`), each row the scores of the factor's 4 aspects, 0..aspectMax (10), or
 * null for a blank aspect.
 *   factor score = mean of its 4 aspects, a blank counting 0          (0–10)
 *   points       = weight × factor score / 10                          (0–weight)
 *   total        = Σ points                                           (0–100 with weights summing to 100)
 * The result carries each factor's score and points, the subtotal of each group (credit &
 * financial, the customer itself, priority) and the number of blank aspects out of 72.
 *
 * Grade (CA1…CA6): the first band whose `minTotal` the total reaches, best first. A total within
 * 1e-9 below a cut counts as on it (our choice, mirroring §3's tolerance: sums of float weights
 * must not drop 70 to grade 3).
 *
 * Aspect scores need not be whole numbers; a score outside 0..aspectMax, not finite, or a sheet of
 * the wrong shape is refused with a RangeError (`checkAspectSheet` lists the problems first).
 */
import { CUT_TOLERANCE, FACTOR_GROUPS, type CharacteristicGrade, type EffectiveCreditSettings, type FactorGroup, type GradeBand } from './settings';

export type AspectScore = number | null;
/** factors × aspects, in the order of settings.factors */
export type AspectSheet = readonly (readonly AspectScore[])[];

export interface FactorResult {
  id: string;
  name: string;
  group: FactorGroup;
  weight: number;
  aspects: AspectScore[];
  blankAspects: number;
  /** mean of the aspects, blanks as 0: 0..aspectMax */
  score: number;
  /** weight × score / aspectMax */
  points: number;
}

export interface GroupSubtotal {
  group: FactorGroup;
  points: number;
  /** Σ weights of the group */
  maxPoints: number;
}

export interface CharacteristicResult {
  settingsVersion: string;
  industry: string | null;
  factors: FactorResult[];
  groups: GroupSubtotal[];
  /** 0–100 */
  total: number;
  grade: CharacteristicGrade;
  /** 'CA1'…'CA6' */
  gradeLabel: string;
  band: GradeBand;
  blankAspects: number;
  totalAspects: number;
  formula: string;
}

/** What is wrong with a sheet for these settings; empty when it can be scored. */
export function checkAspectSheet(sheet: AspectSheet, settings: EffectiveCreditSettings): string[] {
  const problems: string[] = [];
  if (sheet.length !== settings.factors.length) problems.push(`expected ${settings.factors.length} factors, got ${sheet.length}`);
  sheet.forEach((row, i) => {
    const spec = settings.factors[i];
    const expected = spec?.aspects.length ?? 4;
    if (row.length !== expected) problems.push(`factor ${i + 1}: expected ${expected} aspects, got ${row.length}`);
    row.forEach((v, j) => {
      if (v === null) return;
      if (typeof v !== 'number' || !Number.isFinite(v) || v < 0 || v > settings.aspectMax)
        problems.push(`factor ${i + 1} aspect ${j + 1}: ${String(v)} is not a score 0–${settings.aspectMax}`);
    });
  });
  return problems;
}

/** The grade band a total falls in. */
export function gradeForTotal(total: number, settings: EffectiveCreditSettings): GradeBand {
  for (const band of settings.gradeBands) {
    if (band.minTotal === null || total >= band.minTotal - CUT_TOLERANCE) return band;
  }
  return settings.gradeBands[settings.gradeBands.length - 1];
}

export function characteristicModel(sheet: AspectSheet, settings: EffectiveCreditSettings): CharacteristicResult {
  const problems = checkAspectSheet(sheet, settings);
  if (problems.length > 0) throw new RangeError(`aspect sheet: ${problems.join('; ')}`);
  const max = settings.aspectMax;
  const factors: FactorResult[] = settings.factors.map((spec, i) => {
    const aspects = [...sheet[i]];
    const blankAspects = aspects.filter((v) => v === null).length;
    const score = aspects.reduce<number>((sum, v) => sum + (v ?? 0), 0) / aspects.length;
    return {
      id: spec.id,
      name: spec.name,
      group: spec.group,
      weight: spec.weight,
      aspects,
      blankAspects,
      score,
      points: (spec.weight * score) / max
    };
  });
  const total = factors.reduce((sum, f) => sum + f.points, 0);
  const groups = FACTOR_GROUPS.map((group) => {
    const members = factors.filter((f) => f.group === group);
    return {
      group,
      points: members.reduce((sum, f) => sum + f.points, 0),
      maxPoints: members.reduce((sum, f) => sum + f.weight, 0)
    };
  });
  const band = gradeForTotal(total, settings);
  return {
    settingsVersion: settings.version,
    industry: settings.industry ?? null,
    factors,
    groups,
    total,
    grade: band.grade,
    gradeLabel: `CA${band.grade}`,
    band,
    blankAspects: factors.reduce((sum, f) => sum + f.blankAspects, 0),
    totalAspects: factors.reduce((sum, f) => sum + f.aspects.length, 0),
    formula: `total = Σ weight × mean(aspects) / ${max}`
  };
}
