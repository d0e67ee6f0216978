/**
 * Worked credit cases in the format of shared/fixtures/credit/cases.json (see its README): parse
 * and check a file, run the engine over every case, and say per case what differs. Used by the
 * spec and by `npm run check:credit -- <file>`; pure (the caller reads the file).
 *
 * The file's amounts are 元 and convert to fen here (at most two decimals, else the file is
 * malformed). Comparison: amounts, ratios, percent and totals within 1e-6 (amounts in 元), limits
 * exactly to the 元, grades, classes and counts exactly; null means "not computable" and matches
 * only null. An absent `noCredit` means false. Keys of `expected` that are absent are not checked;
 * unknown keys make the file malformed (a check that cannot run must not pass silently).
 * `factorOrder` maps each row of `aspectScores` to a factor of the settings by its Chinese name,
 * so a file may list the factors in any order.
 */
import { characteristicModel, type AspectScore, type CharacteristicResult } from './characteristic';
import { recommendLimit } from './limit';
import { RATIO_TOLERANCE, type EffectiveCreditSettings } from './settings';
import { fenFromYuan, yuanFromFen } from '../money';
import { STATEMENT_FIELDS, type FinancialStatement, type StatementField } from './statement';
import { workingCapitalModel, type WorkingCapitalResult } from './working-capital';
import type { CaseOutcome as RunnerOutcome } from '../case-runner';
export { formatOutcome, formatSummary } from '../case-runner';

const WC_EXPECTED = ['workingCapital', 'workingAssets', 'X1', 'X2', 'X3', 'X4', 'evaluationValue', 'percent', 'limit', 'noCredit'] as const;
const CH_EXPECTED = ['total', 'grade', 'blankAspects'] as const;
const COMBINED_EXPECTED = ['recommendedLimit', 'limitClass', 'creditGrade'] as const;

type Expected<K extends string> = Partial<Record<K, number | string | boolean | null>>;

export interface WorkingCapitalCase {
  case: string;
  statement: FinancialStatement;
  expected: Expected<(typeof WC_EXPECTED)[number]>;
}
export interface CharacteristicCase {
  case: string;
  /** rows reordered into the settings' factor order */
  aspectScores: AspectScore[][];
  expected: Expected<(typeof CH_EXPECTED)[number]>;
}
export interface CombinedCase {
  case: string;
  statement: string;
  sheet: string;
  expected: Expected<(typeof COMBINED_EXPECTED)[number]>;
}
export interface CreditCaseFile {
  workingCapitalModel: WorkingCapitalCase[];
  characteristicModel: CharacteristicCase[];
  combined: CombinedCase[];
}

export type Section = keyof CreditCaseFile;

export type CaseOutcome = RunnerOutcome<Section>;

export type ParseResult = { ok: true; file: CreditCaseFile } | { ok: false; problems: string[] };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Checks the shape of a parsed cases file and converts it for the engine. */
export function parseCreditCases(json: unknown, settings: EffectiveCreditSettings): ParseResult {
  const problems: string[] = [];
  if (!isObject(json)) return { ok: false, problems: ['the file is not a JSON object'] };
  const section = (key: Section): unknown[] => {
    const v = json[key];
    if (v === undefined) return [];
    if (!Array.isArray(v)) {
      problems.push(`${key} is not an array`);
      return [];
    }
    return v;
  };
  const names = (key: Section) => {
    const seen = new Set<string>();
    return (item: Record<string, unknown>, i: number): string | null => {
      const name = item.case;
      if (typeof name !== 'string' || !name) {
        problems.push(`${key}[${i}].case is not a name`);
        return null;
      }
      if (seen.has(name)) problems.push(`${key}: case ${name} appears twice`);
      seen.add(name);
      return name;
    };
  };
  const expectedOf = <K extends string>(where: string, v: unknown, keys: readonly K[]): Expected<K> | null => {
    if (!isObject(v)) {
      problems.push(`${where}.expected is not an object`);
      return null;
    }
    const out: Expected<K> = {};
    for (const [k, value] of Object.entries(v)) {
      if (!(keys as readonly string[]).includes(k)) problems.push(`${where}.expected.${k} is not a known check`);
      else if (value !== null && !['number', 'string', 'boolean'].includes(typeof value)) problems.push(`${where}.expected.${k} is not a value`);
      else out[k as K] = value as number | string | boolean | null;
    }
    if (Object.keys(out).length === 0) problems.push(`${where}.expected checks nothing`);
    return out;
  };

  const file: CreditCaseFile = { workingCapitalModel: [], characteristicModel: [], combined: [] };

  const wcName = names('workingCapitalModel');
  section('workingCapitalModel').forEach((item, i) => {
    const where = `workingCapitalModel[${i}]`;
    if (!isObject(item)) return void problems.push(`${where} is not an object`);
    const name = wcName(item, i);
    const expected = expectedOf(where, item.expected, WC_EXPECTED);
    if (!isObject(item.statement)) return void problems.push(`${where}.statement is not an object`);
    const statement: { [K in StatementField]?: number | null } = {};
    for (const [k, v] of Object.entries(item.statement)) {
      if (!(STATEMENT_FIELDS as readonly string[]).includes(k)) problems.push(`${where}.statement.${k} is not a statement field`);
      else if (v === null) statement[k as StatementField] = null;
      else if (typeof v !== 'number' || fenFromYuan(v) === null) problems.push(`${where}.statement.${k} is not an amount in yuan`);
      else statement[k as StatementField] = fenFromYuan(v);
    }
    if (name && expected) file.workingCapitalModel.push({ case: name, statement: statement as FinancialStatement, expected });
  });

  const chCases = section('characteristicModel');
  let order: number[] | null = null;
  if (chCases.length > 0) {
    const fo = json.factorOrder;
    const factorNames = settings.factors.map((f) => f.name);
    if (!Array.isArray(fo) || fo.some((n) => typeof n !== 'string')) problems.push('factorOrder is not a list of factor names');
    else if (fo.length !== factorNames.length) problems.push(`factorOrder lists ${fo.length} factors, the settings have ${factorNames.length}`);
    else {
      const idx = fo.map((n: string) => factorNames.indexOf(n));
      const unknown = fo.filter((_n: string, i: number) => idx[i] < 0);
      if (unknown.length) problems.push(`factorOrder: unknown factors ${unknown.join(', ')}`);
      else if (new Set(idx).size !== idx.length) problems.push('factorOrder lists a factor twice');
      else order = idx;
    }
  }
  const chName = names('characteristicModel');
  chCases.forEach((item, i) => {
    const where = `characteristicModel[${i}]`;
    if (!isObject(item)) return void problems.push(`${where} is not an object`);
    const name = chName(item, i);
    const expected = expectedOf(where, item.expected, CH_EXPECTED);
    const rows = item.aspectScores;
    if (!Array.isArray(rows) || rows.some((r) => !Array.isArray(r) || r.some((v) => v !== null && typeof v !== 'number')))
      return void problems.push(`${where}.aspectScores is not a list of rows of scores or null`);
    if (!order) return;
    if (rows.length !== order.length) return void problems.push(`${where}.aspectScores has ${rows.length} rows, factorOrder ${order.length}`);
    const sheet: AspectScore[][] = new Array(order.length);
    order.forEach((target, source) => (sheet[target] = [...(rows[source] as AspectScore[])]));
    if (name && expected) file.characteristicModel.push({ case: name, aspectScores: sheet, expected });
  });

  const cbName = names('combined');
  section('combined').forEach((item, i) => {
    const where = `combined[${i}]`;
    if (!isObject(item)) return void problems.push(`${where} is not an object`);
    const name = cbName(item, i);
    const expected = expectedOf(where, item.expected, COMBINED_EXPECTED);
    const { statement, sheet } = item;
    if (typeof statement !== 'string' || !file.workingCapitalModel.some((c) => c.case === statement))
      problems.push(`${where}.statement does not name a workingCapitalModel case`);
    if (typeof sheet !== 'string' || !file.characteristicModel.some((c) => c.case === sheet))
      problems.push(`${where}.sheet does not name a characteristicModel case`);
    if (name && expected && typeof statement === 'string' && typeof sheet === 'string')
      file.combined.push({ case: name, statement, sheet, expected });
  });

  if (problems.length) return { ok: false, problems };
  return { ok: true, file };
}

const show = (v: unknown): string => (v === null || v === undefined ? 'null' : String(v));

/** Compares what the engine gave with what the case expects; pushes a line per difference. */
function compare(
  out: string[],
  key: string,
  expected: number | string | boolean | null | undefined,
  actual: number | string | boolean | null,
  how: 'close' | 'exact'
) {
  if (expected === undefined) return;
  let same: boolean;
  if (expected === null || actual === null) same = expected === actual;
  else if (how === 'close' && typeof expected === 'number' && typeof actual === 'number') same = Math.abs(expected - actual) <= RATIO_TOLERANCE;
  else same = expected === actual;
  if (!same) out.push(`${key} expected ${show(expected)}, got ${show(actual)}`);
}

const yuanOrNull = (fen: number | null): number | null => (fen === null ? null : yuanFromFen(fen));

export function checkWorkingCapitalCase(c: WorkingCapitalCase, r: WorkingCapitalResult): string[] {
  const out: string[] = [];
  const e = c.expected;
  compare(out, 'workingCapital', e.workingCapital, yuanOrNull(r.workingCapital), 'close');
  compare(out, 'workingAssets', e.workingAssets, yuanOrNull(r.workingAssets), 'close');
  for (const x of ['X1', 'X2', 'X3', 'X4', 'evaluationValue'] as const) compare(out, x, e[x], r[x].value, 'close');
  compare(out, 'percent', e.percent, r.percent, 'close');
  compare(out, 'limit', e.limit, yuanFromFen(r.limit), 'exact');
  compare(out, 'noCredit', e.noCredit ?? false, r.noCredit, 'exact');
  return out;
}

export function checkCharacteristicCase(c: CharacteristicCase, r: CharacteristicResult): string[] {
  const out: string[] = [];
  compare(out, 'total', c.expected.total, r.total, 'close');
  compare(out, 'grade', c.expected.grade, r.grade, 'exact');
  compare(out, 'blankAspects', c.expected.blankAspects, r.blankAspects, 'exact');
  return out;
}

/** Runs every case of a parsed file with `settings`, in file order: statements, sheets, combined. */
export function runCreditCases(file: CreditCaseFile, settings: EffectiveCreditSettings): CaseOutcome[] {
  const outcomes: CaseOutcome[] = [];
  const wc = new Map<string, WorkingCapitalResult | Error>();
  const ch = new Map<string, CharacteristicResult | Error>();
  const attempt = <T>(f: () => T): T | Error => {
    try {
      return f();
    } catch (e) {
      return e instanceof Error ? e : new Error(String(e));
    }
  };
  const record = (section: Section, name: string, result: unknown, check: () => string[]) => {
    const mismatches = result instanceof Error ? [`error: ${result.message}`] : check();
    outcomes.push({ section, name, pass: mismatches.length === 0, mismatches });
  };
  for (const c of file.workingCapitalModel) {
    const r = attempt(() => workingCapitalModel(c.statement, settings));
    wc.set(c.case, r);
    record('workingCapitalModel', c.case, r, () => checkWorkingCapitalCase(c, r as WorkingCapitalResult));
  }
  for (const c of file.characteristicModel) {
    const r = attempt(() => characteristicModel(c.aspectScores, settings));
    ch.set(c.case, r);
    record('characteristicModel', c.case, r, () => checkCharacteristicCase(c, r as CharacteristicResult));
  }
  for (const c of file.combined) {
    const w = wc.get(c.statement);
    const s = ch.get(c.sheet);
    const r = attempt(() => {
      if (!w || w instanceof Error) throw new Error(`statement ${c.statement} could not be computed`);
      if (!s || s instanceof Error) throw new Error(`sheet ${c.sheet} could not be computed`);
      return recommendLimit(w, s, settings);
    });
    record('combined', c.case, r, () => {
      if (r instanceof Error) return [];
      const out: string[] = [];
      compare(out, 'recommendedLimit', c.expected.recommendedLimit, yuanFromFen(r.limit), 'exact');
      compare(out, 'limitClass', c.expected.limitClass, r.limitClass, 'exact');
      compare(out, 'creditGrade', c.expected.creditGrade, r.creditGrade, 'exact');
      return out;
    });
  }
  return outcomes;
}
