/**
 * The working-capital analysis model 营运资产分析模型 (shared/domain/credit.md §3).
 *
 *   营运资本 working capital = 流动资产 − 流动负债
 *   营运资产 working assets  = (营运资本 + 所有者权益) / 2
 *   X1 = 流动资产 / 流动负债   X2 = 速动资产 / 流动负债   X3 = 流动负债 / 所有者权益   X4 = 负债总额 / 所有者权益
 *   evaluation value        = X1 + X2 − X3 − X4   (larger is better)
 *   limit                   = 营运资产 × the band's percent, rounded down to whole 元
 *
 * Units: amounts in fen (statement.ts); `workingAssets` is fen and may end in .5. The limit is
 * computed in integers (BigInt) from 2 × working assets and the percent in hundredths of a point,
 * so it is exact to the 元 for any amount; it comes back as fen, a multiple of 100.
 *
 * Bands: (previous cut, cut]; a value within 1e-9 of a cut counts as on it (settings).
 * 速动资产 follows the §2 setting (`quickAssetsDeductPrepayments`).
 *
 * Degenerate statements (credit.md, with the fixtures' reading):
 * - 所有者权益 ≤ 0 → no credit (`noCredit`, status 'no-credit'): X3, X4 and the evaluation value
 *   are not computable, percent and limit 0; X1, X2, working capital and working assets are still
 *   shown (fixture E).
 * - 流动负债 = 0 → X1, X2 not computable; the band is the top one (> 1.0) because X3 and X4 are
 *   computable whenever equity is positive. The evaluation value itself stays not computable.
 * - 流动负债 < 0 (an impossible statement) → X1, X2 not computable and no band: status
 *   'not-computable', limit 0. Our choice; credit.md only names the zero case.
 * - 营运资产 ≤ 0 → limit 0, with the band and percent still shown.
 * - A required amount not given → status 'missing-input', limit 0, `missing` names it.
 * - An amount that is not whole fen is a programming error at the boundary: RangeError.
 *
 * Exclusions (§3 "the analyst may exclude illiquid current assets"): each excluded amount leaves
 * current assets (so working capital, working assets, X1 and X2), and leaves inventory too when it
 * is marked `fromInventory`, so excluded obsolete stock is not deducted twice from quick assets.
 * The ratios of §2 use the statement as filed. The result lists what was excluded.
 */
import type { Fen } from '../money';
import { divide, QUICK_ASSETS_FORMULA, quickAssets, reader, type RatioValue } from './ratios';
import { CUT_TOLERANCE, type EffectiveCreditSettings, type EvaluationBand, type RiskLevel } from './settings';
import type { Exclusion, FinancialStatement, StatementField } from './statement';

export type WorkingCapitalStatus = 'ok' | 'no-credit' | 'not-computable' | 'missing-input';

export type WorkingCapitalNote =
  'equity-not-positive' | 'no-current-liabilities-top-band' | 'current-liabilities-negative' | 'working-assets-not-positive' | 'missing-input';

export interface BandHit {
  /** index in settings.evaluationBands */
  index: number;
  /** the previous cut (excluded); null for the first band */
  from: number | null;
  /** this band's cut (included); null for the last band */
  upTo: number | null;
  percent: number;
  risk: RiskLevel;
  /** how the band was found: from the evaluation value, or by the 流动负债 = 0 rule */
  rule: 'evaluation-value' | 'no-current-liabilities';
}

export interface WorkingCapitalResult {
  settingsVersion: string;
  industry: string | null;
  status: WorkingCapitalStatus;
  notes: WorkingCapitalNote[];
  /** the refusal of §3 (equity ≤ 0) */
  noCredit: boolean;
  /** amounts used (fen) after exclusions; null = not given */
  inputs: {
    currentAssetsAsFiled: number | null;
    excluded: number;
    currentAssets: number | null;
    inventory: number | null;
    prepayments: number | null;
    quickAssets: number | null;
    currentLiabilities: number | null;
    totalLiabilities: number | null;
    equity: number | null;
  };
  exclusions: readonly Exclusion[];
  missing: string[];
  assumedZero: string[];
  quickAssetsFormula: string;
  /** fen */
  workingCapital: number | null;
  /** fen, may end in .5 */
  workingAssets: number | null;
  X1: RatioValue;
  X2: RatioValue;
  X3: RatioValue;
  X4: RatioValue;
  evaluationValue: RatioValue;
  band: BandHit | null;
  /** percent points of working assets; 0 without a band */
  percent: number;
  /** limit by this model: fen, a whole number of 元 */
  limit: Fen;
  limitFormula: string;
}

/** The band an evaluation value falls in: (previous cut, cut], with the 1e-9 tolerance. */
export function bandForEvaluationValue(value: number, bands: readonly EvaluationBand[]): number {
  for (let i = 0; i < bands.length; i++) {
    const upTo = bands[i].upTo;
    if (upTo === null || value <= upTo + CUT_TOLERANCE) return i;
  }
  return bands.length - 1;
}

function bandHit(index: number, bands: readonly EvaluationBand[], rule: BandHit['rule']): BandHit {
  const band = bands[index];
  return {
    index,
    from: index > 0 ? bands[index - 1].upTo : null,
    upTo: band.upTo,
    percent: band.percent,
    risk: band.risk,
    rule
  };
}

/**
 * floor(workingAssets × percent / 100) in whole 元, from 2 × working assets in fen (an integer),
 * exactly. Returns fen. 0 when working assets are not positive.
 */
export function limitFromWorkingAssets(twiceWorkingAssetsFen: bigint, percent: number): Fen {
  if (twiceWorkingAssetsFen <= 0n) return 0 as Fen;
  const hundredthsOfPoint = BigInt(Math.round(percent * 100));
  // WA元 = 2WA分 / 200; limit元 = WA元 × hundredths / 10000 → 2WA分 × hundredths / 2 000 000
  const yuan = (twiceWorkingAssetsFen * hundredthsOfPoint) / 2_000_000n;
  return (Number(yuan) * 100) as Fen;
}

const notComputable = (formula: string, inputs: Record<string, number | null>, reason: RatioValue['reason']): RatioValue => ({
  value: null,
  formula,
  inputs,
  ...(reason ? { reason } : {})
});

/** A RangeError naming the first amount that is not a whole number of fen. */
function checkWholeFen(amounts: Record<string, number | null>, exclusions: readonly { label: string; amount: number }[]): void {
  for (const [field, v] of Object.entries(amounts))
    if (v !== null && !Number.isSafeInteger(v)) throw new RangeError(`${field} is not a whole number of fen: ${v}`);
  for (const e of exclusions)
    if (!Number.isSafeInteger(e.amount)) throw new RangeError(`exclusion ${e.label} is not a whole number of fen: ${e.amount}`);
}

const EV_FORMULA = 'X1 + X2 - X3 - X4';

/** The evaluation value X1 + X2 − X3 − X4 and its band; no current liabilities take the top band. */
function evaluate(
  [X1, X2, X3, X4]: readonly [RatioValue, RatioValue, RatioValue, RatioValue],
  cl: number,
  bands: readonly EvaluationBand[]
): { evaluationValue: RatioValue; band: BandHit | null; notes: WorkingCapitalNote[] } {
  const evInputs = { X1: X1.value, X2: X2.value, X3: X3.value, X4: X4.value };
  if (X1.value !== null && X2.value !== null && X3.value !== null && X4.value !== null) {
    const value = X1.value + X2.value - X3.value - X4.value;
    const band = bandHit(bandForEvaluationValue(value, bands), bands, 'evaluation-value');
    return { evaluationValue: { value, formula: EV_FORMULA, inputs: evInputs }, band, notes: [] };
  }
  if (cl === 0 && X3.value !== null && X4.value !== null) {
    const band = bandHit(bands.length - 1, bands, 'no-current-liabilities');
    return { evaluationValue: notComputable(EV_FORMULA, evInputs, 'zero-denominator'), band, notes: ['no-current-liabilities-top-band'] };
  }
  return { evaluationValue: notComputable(EV_FORMULA, evInputs, X1.reason ?? X3.reason), band: null, notes: ['current-liabilities-negative'] };
}

export function workingCapitalModel(statement: FinancialStatement, settings: EffectiveCreditSettings): WorkingCapitalResult {
  const deduct = settings.quickAssetsDeductPrepayments;
  const r = reader(statement);
  const filedCA = r.get('currentAssets');
  const filedInventory = r.get('inventory');
  const prepayments = deduct ? r.get('prepayments') : null;
  const cl = r.get('currentLiabilities');
  const tl = r.get('totalLiabilities');
  const equity = r.get('equity');

  const exclusions = statement.exclusions ?? [];
  checkWholeFen({ currentAssets: filedCA, inventory: filedInventory, prepayments, currentLiabilities: cl, totalLiabilities: tl, equity }, exclusions);
  const excluded = exclusions.reduce((sum, e) => sum + e.amount, 0);
  const excludedInventory = exclusions.reduce((sum, e) => sum + (e.fromInventory ? e.amount : 0), 0);
  const ca = filedCA === null ? null : filedCA - excluded;
  const inventory = filedInventory === null ? null : filedInventory - excludedInventory;
  const adjusted = (field: StatementField): number | null => (field === 'currentAssets' ? ca : field === 'inventory' ? inventory : r.get(field));
  const quick = quickAssets(adjusted, deduct, ca);
  const quickFormula = QUICK_ASSETS_FORMULA(deduct);

  const inputs: WorkingCapitalResult['inputs'] = {
    currentAssetsAsFiled: filedCA,
    excluded,
    currentAssets: ca,
    inventory,
    prepayments,
    quickAssets: quick,
    currentLiabilities: cl,
    totalLiabilities: tl,
    equity
  };
  const missing = r.extra.missing;
  const missingOf = (...fields: StatementField[]) => ({ missing: missing.filter((f) => fields.includes(f as StatementField)) });
  const quickFields: StatementField[] = ['currentAssets', 'inventory', ...(deduct ? (['prepayments'] as const) : [])];
  const X1 = divide(
    ca,
    cl,
    'currentAssets / currentLiabilities',
    { currentAssets: ca, currentLiabilities: cl },
    missingOf('currentAssets', 'currentLiabilities')
  );
  const X2 = divide(
    quick,
    cl,
    'quickAssets / currentLiabilities',
    { quickAssets: quick, currentLiabilities: cl },
    missingOf(...quickFields, 'currentLiabilities')
  );
  const X3 = divide(cl, equity, 'currentLiabilities / equity', { currentLiabilities: cl, equity }, missingOf('currentLiabilities', 'equity'));
  const X4 = divide(tl, equity, 'totalLiabilities / equity', { totalLiabilities: tl, equity }, missingOf('totalLiabilities', 'equity'));
  const evInputs = { X1: X1.value, X2: X2.value, X3: X3.value, X4: X4.value };
  const evFormula = EV_FORMULA;
  const limitFormula = 'floor(workingAssets × percent / 100) to whole yuan';

  const base = {
    settingsVersion: settings.version,
    industry: settings.industry ?? null,
    inputs,
    exclusions,
    missing,
    assumedZero: r.extra.assumedZero,
    quickAssetsFormula: quickFormula,
    X1,
    X2,
    X3,
    X4,
    limitFormula
  };

  if (missing.length > 0 || ca === null || cl === null || tl === null || equity === null || quick === null) {
    return {
      ...base,
      status: 'missing-input',
      notes: ['missing-input'],
      noCredit: false,
      workingCapital: null,
      workingAssets: null,
      evaluationValue: notComputable(evFormula, evInputs, 'missing-input'),
      band: null,
      percent: 0,
      limit: 0 as Fen
    };
  }

  const workingCapital = ca - cl;
  const twiceWorkingAssets = BigInt(filedCA as number) - BigInt(excluded) - BigInt(cl) + BigInt(equity);
  const workingAssets = (workingCapital + equity) / 2;
  const amounts = { workingCapital, workingAssets };

  if (equity <= 0) {
    return {
      ...base,
      ...amounts,
      status: 'no-credit',
      notes: ['equity-not-positive'],
      noCredit: true,
      evaluationValue: notComputable(evFormula, evInputs, X3.reason),
      band: null,
      percent: 0,
      limit: 0 as Fen
    };
  }

  const { evaluationValue, band, notes } = evaluate([X1, X2, X3, X4], cl, settings.evaluationBands);

  const percent = band?.percent ?? 0;
  if (band && twiceWorkingAssets <= 0n) notes.push('working-assets-not-positive');
  const limit = band ? limitFromWorkingAssets(twiceWorkingAssets, percent) : (0 as Fen);
  return {
    ...base,
    ...amounts,
    status: band ? 'ok' : 'not-computable',
    notes,
    noCredit: false,
    evaluationValue,
    band,
    percent,
    limit
  };
}
