/**
 * The credit engine's tables (shared/domain/credit.md §2–§5): every default table and weight of the
 * spec as one typed `CreditSettings` object. credit.md: "Every table and weight below is a
 * default: a business must be able to change it in settings, per industry, and every result must
 * show how it was reached." So:
 * - `DEFAULT_CREDIT_SETTINGS` holds the spec's defaults; a workspace stores its own copy.
 * - `industries[key]` overrides any table for one industry. `ratios` merge per ratio (so an
 *   industry can set only the benchmarks it knows); every other table is replaced whole.
 * - `forIndustry(settings, key)` gives the effective tables; every engine function takes those
 *   explicitly and stamps its result with `settingsVersion` and `industry`.
 * - `version` names one set of tables; change it whenever a table changes, so a stored evaluation
 *   can say which tables produced it.
 *
 * Choices where credit.md is silent (also listed in ./README.md):
 * - Benchmarks marked "by industry" (inventory turnover and days, the three margins) have no
 *   general default: they are `null` ("no benchmark") until a business sets them, globally or per
 *   industry. The rules of thumb (current ≈ 2, quick ≈ 1, cash ≥ 0.2, debt-to-assets ≈ 0.5) are
 *   the general benchmarks.
 * - Industry figures ship only where an official statistical table was read, each with its
 *   `source` (./industry-defaults.ts): 批发 and 零售 (北京市统计局, 2019), 餐饮 (《北京统计年鉴2013》,
 *   2012) and 建筑工程 (《广州统计年鉴2022》, 2021); nothing is estimated. Manufacturing and
 *   transport have none yet.
 * - Direction: from a creditor's side a higher ratio is better for every ratio except
 *   debt-to-assets and inventory days, where lower is better.
 * - Percentages (band percent, grade factor) are percent points with at most two decimals
 *   (0.01 point precision) so limits can be computed exactly in integers.
 * - The characteristic grade cuts use the same 1e-9 tolerance as the band cuts of §3, so a total
 *   of 69.99999999999 (float error) counts as 70.
 */
import type { Fen } from '../money';
import { DEFAULT_FACTORS } from './factor-defaults';
import { DEFAULT_INDUSTRIES } from './industry-defaults';

/** A value within this distance of a cut counts as on the cut (credit.md §3). */
export const CUT_TOLERANCE = 1e-9;
/** Ratios and totals are compared to this precision (fixtures README); also "equal to benchmark". */
export const RATIO_TOLERANCE = 1e-6;

export const RATIO_IDS = [
  'currentRatio',
  'quickRatio',
  'cashRatio',
  'debtToAssets',
  'inventoryTurnover',
  'inventoryDays',
  'profitMargin',
  'grossMargin',
  'costProfitRatio'
] as const;
export type RatioId = (typeof RATIO_IDS)[number];

/** Which way is better for a ratio, seen from the creditor. */
export type Better = 'higher' | 'lower';

export interface RatioBenchmark {
  /** the industry standard to compare with; null = none set */
  benchmark: number | null;
  better: Better;
}

export type RiskLevel = 'high' | 'elevated' | 'limited' | 'low';

/** One row of the §3 percentage table: evaluation values in (previous upTo, upTo]. */
export interface EvaluationBand {
  /** upper cut, included; null for the last band (everything above the previous cut) */
  upTo: number | null;
  /** percent points of working assets, at most two decimals */
  percent: number;
  risk: RiskLevel;
}

export const FACTOR_GROUPS = ['creditFinancial', 'customer', 'priority'] as const;
export type FactorGroup = (typeof FACTOR_GROUPS)[number];

export interface AspectSpec {
  /** short name */
  name: string;
  /** what good looks like (scores near 10) */
  good: string;
  /** what bad looks like (scores near 0) */
  bad: string;
}

export interface FactorSpec {
  id: string;
  /** Chinese name as in credit.md §4 (and the fixtures' factorOrder) */
  name: string;
  nameEn: string;
  group: FactorGroup;
  /** points of 100 */
  weight: number;
  aspects: readonly AspectSpec[];
}

export type CharacteristicGrade = 1 | 2 | 3 | 4 | 5 | 6;
export const CHARACTERISTIC_GRADES: readonly CharacteristicGrade[] = [1, 2, 3, 4, 5, 6];

export type GradeRisk = 'very-low' | 'low' | 'moderate' | 'elevated' | 'high' | 'very-high';
export type CreditPolicy = 'grant' | 'grant-with-conditions' | 'reduced-limit' | 'cash-only' | 'refuse';

/** One row of the §4 grade table, best first. */
export interface GradeBand {
  grade: CharacteristicGrade;
  /** lowest total of this grade, included; null for the last (everything below) */
  minTotal: number | null;
  risk: GradeRisk;
  policy: CreditPolicy;
  /** guarantee advised (grade 4) */
  guaranteeAdvised: boolean;
  /** propose the customer for the blacklist (grade 6) */
  proposeBlacklist: boolean;
}

/** One credit-limit class (§5), lower bound inclusive; the next class's `from` is the upper bound. */
export interface LimitClassSpec {
  label: string;
  from: Fen;
}

export interface CreditTables {
  /** §2: the quick ratio (and X2 of §3) also deducts prepayments 预付账款 */
  quickAssetsDeductPrepayments: boolean;
  /** inventory days = daysPerYear / turnover (credit.md: 360) */
  daysPerYear: number;
  ratios: Readonly<Record<RatioId, RatioBenchmark>>;
  /** §3 percentage table, ascending cuts */
  evaluationBands: readonly EvaluationBand[];
  /** §4: 18 factors in `factorOrder`, 4 aspects each */
  factors: readonly FactorSpec[];
  /** §4: the most an aspect can score */
  aspectMax: number;
  /** §4 grade table, grade 1 first */
  gradeBands: readonly GradeBand[];
  /** §5: percent of the working-capital limit recommended per characteristic grade */
  gradeFactors: Readonly<Record<CharacteristicGrade, number>>;
  /** §5 limit classes, ascending */
  limitClasses: readonly LimitClassSpec[];
}

/**
 * What an industry may override: any table; ratios per ratio and per field. `name` is for display;
 * `source` names where the industry's benchmarks come from (publisher, title, year, table, address).
 */
export type IndustryOverride = { name?: string; source?: string } & Partial<Omit<CreditTables, 'ratios'>> & {
    ratios?: Partial<Record<RatioId, Partial<RatioBenchmark>>>;
  };

/** The ratios whose benchmark an industry set, and the source it names (null: none given). */
export interface IndustryBenchmarks {
  ids: RatioId[];
  source: string | null;
}

/** The tables one evaluation uses: the base, or the base with one industry's overrides applied. */
export interface EffectiveCreditSettings extends CreditTables {
  version: string;
  /** the industry whose overrides were applied; null/absent = the base tables */
  industry?: string | null;
  /** with an industry applied: which benchmarks are the industry's, and their source */
  industryBenchmarks?: IndustryBenchmarks;
}

export interface CreditSettings extends EffectiveCreditSettings {
  industries: Readonly<Record<string, IndustryOverride>>;
}

const wan = (n: number): Fen => (n * 10000 * 100) as Fen;

export const DEFAULT_CREDIT_SETTINGS: CreditSettings = {
  version: 'credit.md-defaults-2',
  industry: null,
  quickAssetsDeductPrepayments: false,
  daysPerYear: 360,
  ratios: {
    currentRatio: { benchmark: 2, better: 'higher' },
    quickRatio: { benchmark: 1, better: 'higher' },
    cashRatio: { benchmark: 0.2, better: 'higher' },
    debtToAssets: { benchmark: 0.5, better: 'lower' },
    inventoryTurnover: { benchmark: null, better: 'higher' },
    inventoryDays: { benchmark: null, better: 'lower' },
    profitMargin: { benchmark: null, better: 'higher' },
    grossMargin: { benchmark: null, better: 'higher' },
    costProfitRatio: { benchmark: null, better: 'higher' }
  },
  evaluationBands: [
    { upTo: -4.6, percent: 0, risk: 'high' },
    { upTo: -3.9, percent: 2.5, risk: 'high' },
    { upTo: -3.2, percent: 5, risk: 'high' },
    { upTo: -2.5, percent: 7.5, risk: 'elevated' },
    { upTo: -1.8, percent: 10, risk: 'elevated' },
    { upTo: -1.1, percent: 12.5, risk: 'elevated' },
    { upTo: -0.4, percent: 15, risk: 'limited' },
    { upTo: 0.3, percent: 17.5, risk: 'limited' },
    { upTo: 1.0, percent: 20, risk: 'limited' },
    { upTo: null, percent: 25, risk: 'low' }
  ],
  factors: DEFAULT_FACTORS,
  aspectMax: 10,
  gradeBands: [
    { grade: 1, minTotal: 85, risk: 'very-low', policy: 'grant', guaranteeAdvised: false, proposeBlacklist: false },
    { grade: 2, minTotal: 70, risk: 'low', policy: 'grant', guaranteeAdvised: false, proposeBlacklist: false },
    {
      grade: 3,
      minTotal: 55,
      risk: 'moderate',
      policy: 'grant-with-conditions',
      guaranteeAdvised: false,
      proposeBlacklist: false
    },
    { grade: 4, minTotal: 40, risk: 'elevated', policy: 'reduced-limit', guaranteeAdvised: true, proposeBlacklist: false },
    { grade: 5, minTotal: 25, risk: 'high', policy: 'cash-only', guaranteeAdvised: false, proposeBlacklist: false },
    { grade: 6, minTotal: null, risk: 'very-high', policy: 'refuse', guaranteeAdvised: false, proposeBlacklist: true }
  ],
  gradeFactors: { 1: 100, 2: 90, 3: 75, 4: 50, 5: 0, 6: 0 },
  limitClasses: [
    { label: '1A', from: wan(0) },
    { label: '2A', from: wan(30) },
    { label: '3A', from: wan(60) },
    { label: '4A', from: wan(100) },
    { label: '5A', from: wan(150) }
  ],
  industries: DEFAULT_INDUSTRIES
};

/**
 * The effective tables for `industry`: the base with that industry's overrides applied. An empty
 * or unknown industry gives the base tables with `industry: null`, so the result says the base
 * was used.
 */
export function forIndustry(settings: CreditSettings, industry?: string | null): EffectiveCreditSettings {
  const base: EffectiveCreditSettings = {
    version: settings.version,
    industry: null,
    quickAssetsDeductPrepayments: settings.quickAssetsDeductPrepayments,
    daysPerYear: settings.daysPerYear,
    ratios: settings.ratios,
    evaluationBands: settings.evaluationBands,
    factors: settings.factors,
    aspectMax: settings.aspectMax,
    gradeBands: settings.gradeBands,
    gradeFactors: settings.gradeFactors,
    limitClasses: settings.limitClasses
  };
  const override = industry ? settings.industries[industry] : undefined;
  if (!industry || !override) return base;
  const { name: _name, source, ratios: ratioOverrides, ...tables } = override;
  const ratios = { ...base.ratios };
  for (const id of RATIO_IDS) {
    const r = ratioOverrides?.[id];
    if (r) ratios[id] = { ...ratios[id], ...r };
  }
  const ids = RATIO_IDS.filter((id) => ratioOverrides?.[id]?.benchmark !== undefined);
  const defined = Object.fromEntries(Object.entries(tables).filter(([, v]) => v !== undefined));
  return { ...base, ...defined, ratios, industry, industryBenchmarks: { ids, source: source?.trim() || null } };
}

export interface SettingsProblem {
  path: string;
  message: string;
}

const hasTwoDecimals = (n: number): boolean => Math.abs(n * 100 - Math.round(n * 100)) < 1e-9;

/**
 * Problems that would make the engine's results meaningless (weights not summing to 100, bands out
 * of order, a percent table that rewards a worse statement…). Empty when the tables are usable.
 */
export function checkCreditSettings(settings: CreditTables): SettingsProblem[] {
  const problems: SettingsProblem[] = [];
  const add = (path: string, message: string) => problems.push({ path, message });

  if (!(Number.isFinite(settings.daysPerYear) && settings.daysPerYear > 0)) add('daysPerYear', 'must be positive');
  for (const id of RATIO_IDS) {
    const r = settings.ratios[id];
    if (!r) add(`ratios.${id}`, 'missing');
    else if (r.benchmark !== null && !Number.isFinite(r.benchmark)) add(`ratios.${id}.benchmark`, 'must be a number or null');
  }

  const bands = settings.evaluationBands;
  if (bands.length === 0) add('evaluationBands', 'needs at least one band');
  bands.forEach((band, i) => {
    const last = i === bands.length - 1;
    if (last !== (band.upTo === null)) add(`evaluationBands.${i}.upTo`, 'only the last band is open (upTo null)');
    if (band.upTo !== null && !Number.isFinite(band.upTo)) add(`evaluationBands.${i}.upTo`, 'must be finite');
    const prev = bands[i - 1];
    if (i > 0 && band.upTo !== null && prev.upTo !== null && !(band.upTo > prev.upTo)) add(`evaluationBands.${i}.upTo`, 'cuts must ascend');
    if (!(band.percent >= 0 && band.percent <= 100 && hasTwoDecimals(band.percent)))
      add(`evaluationBands.${i}.percent`, 'must be 0–100 with at most two decimals');
    if (i > 0 && band.percent < prev.percent) add(`evaluationBands.${i}.percent`, 'must not fall as the evaluation value rises (larger is better)');
  });

  if (!(Number.isFinite(settings.aspectMax) && settings.aspectMax > 0)) add('aspectMax', 'must be positive');
  const ids = new Set<string>();
  let weights = 0;
  settings.factors.forEach((f, i) => {
    if (ids.has(f.id)) add(`factors.${i}.id`, `duplicate id ${f.id}`);
    ids.add(f.id);
    if (!(Number.isFinite(f.weight) && f.weight >= 0)) add(`factors.${i}.weight`, 'must be ≥ 0');
    else weights += f.weight;
    if (f.aspects.length !== 4) add(`factors.${i}.aspects`, 'each factor has 4 aspects');
  });
  if (settings.factors.length === 0) add('factors', 'needs at least one factor');
  if (Math.abs(weights - 100) > CUT_TOLERANCE) add('factors', `weights sum to ${weights}, not 100`);

  const grades = settings.gradeBands;
  if (grades.length !== 6) add('gradeBands', 'needs one band per grade 1–6');
  grades.forEach((g, i) => {
    if (g.grade !== i + 1) add(`gradeBands.${i}.grade`, 'grades run 1–6, best first');
    const last = i === grades.length - 1;
    if (last !== (g.minTotal === null)) add(`gradeBands.${i}.minTotal`, 'only the last grade is open (minTotal null)');
    const prev = grades[i - 1];
    if (i > 0 && g.minTotal !== null && prev.minTotal !== null && !(g.minTotal < prev.minTotal))
      add(`gradeBands.${i}.minTotal`, 'cuts must descend as the grade worsens');
  });

  for (const grade of CHARACTERISTIC_GRADES) {
    const p = settings.gradeFactors[grade];
    if (!(p >= 0 && p <= 100 && hasTwoDecimals(p))) add(`gradeFactors.${grade}`, 'must be 0–100 with at most two decimals');
    if (grade > 1 && p > settings.gradeFactors[(grade - 1) as CharacteristicGrade])
      add(`gradeFactors.${grade}`, 'a worse grade must not get a larger share');
  }

  const classes = settings.limitClasses;
  if (classes.length === 0) add('limitClasses', 'needs at least one class');
  classes.forEach((c, i) => {
    if (!Number.isSafeInteger(c.from) || c.from < 0) add(`limitClasses.${i}.from`, 'must be whole fen ≥ 0');
    if (i === 0 && c.from !== 0) add('limitClasses.0.from', 'the first class starts at 0');
    if (i > 0 && !(c.from > classes[i - 1].from)) add(`limitClasses.${i}.from`, 'bounds must ascend');
    if (!c.label.trim()) add(`limitClasses.${i}.label`, 'needs a label');
  });
  return problems;
}
