/**
 * Worked selling cases in the format of shared/fixtures/selling/cases.json (see its README): check
 * a file's shape strictly, run the engine over every case, and say per case what differs. Used by
 * the unit tests and by `npm run check:selling -- <file>`; pure (the caller reads the file).
 *
 * Sections: quotes, forecast, commission, rfm, abc, stall (each optional, at least one case in
 * all); `version`, when present, is 1. Every case has a unique `case` name (within its section)
 * and an `expected` object. Unknown keys anywhere make the file malformed (a check that cannot run
 * must not pass silently); keys of `expected` that are absent are not checked. The shape is checked
 * here, the values by the engine: a case whose input the engine refuses (a discount of 150 %)
 * fails with the engine's message. Maps (`weightedFenByMonth`, `scores`, `classes`) are compared
 * entry by entry: an entry expected and not produced, or produced and not expected, is a difference.
 */
import { commissionByMonth } from './commission';
import { forecastByMonth } from './forecast';
import type { Result } from './problems';
import { quoteTotals } from './quotes';
import { abcClasses, DEFAULT_ABC, rfmScores } from './segments';
import { stallOf } from './projects';
import type { CaseOutcome as RunnerOutcome } from '../case-runner';
export { formatOutcome, formatSummary } from '../case-runner';

type Kind = 'int' | 'bool' | 'ints' | 'intMap' | 'scoreMap' | 'classMap';

interface SectionSpec {
  inputs: Record<string, readonly string[] | null>;
  required: readonly string[];
  expected: Record<string, Kind>;
  run: (c: Record<string, unknown>) => Result<Record<string, unknown>>;
}

const map = <T, U>(r: Result<T>, f: (v: T) => U): Result<U> => (r.ok ? { ok: true, value: f(r.value) } : r);
const entries = <T>(list: readonly T[], key: (t: T) => string, value: (t: T) => unknown) => Object.fromEntries(list.map((t) => [key(t), value(t)]));
const anyInput = <T>(v: unknown) => v as T;

export const SECTIONS: Record<string, SectionSpec> = {
  quotes: {
    inputs: {
      lines: ['quantity', 'unitPriceFen', 'discountPercent', 'key', 'product', 'spec', 'unit'],
      headerDiscountFen: null,
      taxRatePercent: null
    },
    required: ['lines'],
    expected: { lineAmountsFen: 'ints', subtotalFen: 'int', netFen: 'int', taxFen: 'int', totalFen: 'int' },
    run: (c) =>
      map(quoteTotals(anyInput(c)), (q) => ({
        lineAmountsFen: q.lines.map((l) => l.amountFen),
        subtotalFen: q.subtotalFen,
        netFen: q.netFen,
        taxFen: q.taxFen,
        totalFen: q.totalFen
      }))
  },
  forecast: {
    inputs: { from: null, to: null, opportunities: ['id', 'amountFen', 'probabilityPercent', 'expectedClose', 'stage', 'closedOn'] },
    required: ['from', 'to', 'opportunities'],
    expected: { weightedFenByMonth: 'intMap' },
    run: (c) =>
      map(forecastByMonth(anyInput(c)), (f) => ({
        weightedFenByMonth: entries(
          f.months.filter((m) => m.counted.length > 0),
          (m) => m.month,
          (m) => m.weightedFen
        )
      }))
  },
  commission: {
    inputs: { ratePercent: null, collections: ['id', 'date', 'amountFen', 'reverted'] },
    required: ['ratePercent', 'collections'],
    expected: { commissionFenByMonth: 'intMap' },
    run: (c) =>
      map(commissionByMonth({ defaultRatePercent: anyInput(c.ratePercent), collections: anyInput(c.collections) }), (s) => ({
        commissionFenByMonth: entries(
          s.months,
          (m) => m.month,
          (m) => m.commissionFen
        )
      }))
  },
  rfm: {
    inputs: { customers: ['id', 'daysSinceLast', 'purchases', 'amountFen'] },
    required: ['customers'],
    expected: { scores: 'scoreMap' },
    run: (c) =>
      map(rfmScores(anyInput(c.customers)), (r) => ({
        scores: entries(
          r,
          (x) => x.id,
          (x) => x.scores
        )
      }))
  },
  abc: {
    inputs: { customers: ['id', 'revenueFen'], a: null, b: null },
    required: ['customers'],
    expected: { classes: 'classMap' },
    run: (c) =>
      map(abcClasses(anyInput(c.customers), { a: anyInput(c.a ?? DEFAULT_ABC.a), b: anyInput(c.b ?? DEFAULT_ABC.b) }), (r) => ({
        classes: entries(
          r,
          (x) => x.id,
          (x) => x.class
        )
      }))
  },
  stall: {
    inputs: { stageStart: null, plannedDays: null, today: null },
    required: ['stageStart', 'plannedDays', 'today'],
    expected: { daysInStage: 'int', stalled: 'bool' },
    run: (c) => map(stallOf(anyInput(c)), (s) => ({ daysInStage: s.daysInStage, stalled: s.stalled }))
  }
};

export interface SellingCase {
  section: string;
  name: string;
  input: Record<string, unknown>;
  expected: Record<string, unknown>;
}

export type ParseResult = { ok: true; cases: SellingCase[] } | { ok: false; problems: string[] };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isInt = (v: unknown) => typeof v === 'number' && Number.isSafeInteger(v);

const KIND_CHECK: Record<Kind, [(v: unknown) => boolean, string]> = {
  int: [isInt, 'a whole number'],
  bool: [(v) => typeof v === 'boolean', 'true or false'],
  ints: [(v) => Array.isArray(v) && v.every(isInt), 'a list of whole numbers'],
  intMap: [(v) => isObject(v) && Object.values(v).every(isInt), 'an object of whole numbers'],
  scoreMap: [
    (v) => isObject(v) && Object.values(v).every((s) => Array.isArray(s) && s.length === 3 && s.every(isInt)),
    'an object of [R, F, M] scores'
  ],
  classMap: [(v) => isObject(v) && Object.values(v).every((s) => s === 'A' || s === 'B' || s === 'C'), 'an object of A, B or C']
};

function checkInputs(where: string, item: Record<string, unknown>, spec: SectionSpec, problems: string[]) {
  for (const k of spec.required) if (item[k] === undefined) problems.push(`${where}.${k} is missing`);
  for (const [k, v] of Object.entries(item)) {
    if (k === 'case' || k === 'expected' || k === 'note') continue;
    if (!(k in spec.inputs)) {
      problems.push(`${where}.${k} is not a known field`);
      continue;
    }
    const itemKeys = spec.inputs[k];
    if (itemKeys === null) continue;
    if (!Array.isArray(v)) problems.push(`${where}.${k} is not an array`);
    else
      v.forEach((x, i) => {
        if (!isObject(x)) return void problems.push(`${where}.${k}[${i}] is not an object`);
        for (const key of Object.keys(x)) if (!itemKeys.includes(key)) problems.push(`${where}.${k}[${i}].${key} is not a known field`);
      });
  }
}

/** Checks the shape of a parsed cases file; every problem is listed, with where it is. */
export function parseSellingCases(json: unknown): ParseResult {
  if (!isObject(json)) return { ok: false, problems: ['the file is not a JSON object'] };
  const problems: string[] = [];
  const cases: SellingCase[] = [];
  for (const key of Object.keys(json))
    if (key !== 'version' && !(key in SECTIONS)) problems.push(`${key} is not a section (${Object.keys(SECTIONS).join(', ')})`);
  if (json.version !== undefined && json.version !== 1) problems.push(`version ${String(json.version)} is not supported (1 is)`);
  for (const [section, spec] of Object.entries(SECTIONS)) {
    const list = json[section];
    if (list === undefined) continue;
    if (!Array.isArray(list)) {
      problems.push(`${section} is not an array`);
      continue;
    }
    const seen = new Set<string>();
    list.forEach((item, i) => {
      const where = `${section}[${i}]`;
      if (!isObject(item)) return void problems.push(`${where} is not an object`);
      const name = item.case;
      if (typeof name !== 'string' || !name) problems.push(`${where}.case is not a name`);
      else if (seen.has(name)) problems.push(`${section}: case ${name} appears twice`);
      else seen.add(name);
      checkInputs(where, item, spec, problems);
      const expected = item.expected;
      if (!isObject(expected)) return void problems.push(`${where}.expected is not an object`);
      if (Object.keys(expected).length === 0) problems.push(`${where}.expected checks nothing`);
      for (const [k, v] of Object.entries(expected)) {
        const kind = spec.expected[k];
        if (!kind) problems.push(`${where}.expected.${k} is not a known check (${Object.keys(spec.expected).join(', ')})`);
        else if (!KIND_CHECK[kind][0](v)) problems.push(`${where}.expected.${k} is not ${KIND_CHECK[kind][1]}`);
      }
      if (typeof name === 'string' && name) cases.push({ section, name, input: item, expected });
    });
  }
  if (problems.length === 0 && cases.length === 0) problems.push('the file has no cases');
  return problems.length ? { ok: false, problems } : { ok: true, cases };
}

export type CaseOutcome = RunnerOutcome<string>;

const show = (v: unknown): string => (v === undefined ? 'none' : JSON.stringify(v));

function differences(key: string, expected: unknown, actual: unknown): string[] {
  if (isObject(expected) && isObject(actual)) {
    const keys = [...new Set([...Object.keys(expected), ...Object.keys(actual)])].sort();
    return keys.flatMap((k) => differences(`${key}.${k}`, expected[k], actual[k]));
  }
  return JSON.stringify(expected) === JSON.stringify(actual) ? [] : [`${key} expected ${show(expected)}, got ${show(actual)}`];
}

/** Runs the engine over one case and lists what differs from the expected values. */
export function runCase(c: SellingCase): CaseOutcome {
  const result = SECTIONS[c.section].run(c.input);
  const diffs = result.ok
    ? Object.entries(c.expected).flatMap(([k, v]) => differences(k, v, result.value[k]))
    : [`refused: ${result.problems.map((p) => p.message).join('; ')}`];
  return { section: c.section, name: c.name, pass: diffs.length === 0, mismatches: diffs };
}

export const runSellingCases = (cases: readonly SellingCase[]): CaseOutcome[] => cases.map(runCase);
