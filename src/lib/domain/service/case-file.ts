/**
 * Worked service cases in the format of shared/fixtures/service/cases.json (see its README):
 * parse and check a file strictly, run the engine over every case, and say per case what differs.
 * Used by the spec and by `npm run check:service -- <file>`; pure (the caller reads the file).
 *
 * Sections: `cycle`, `volume`, `workingDays`, `lossRate` (any may be absent, at least one case in
 * all). Each case has a unique `case` name, its inputs and `expected`; an optional `note` is
 * ignored; an optional input or field given as null counts as absent. Unknown keys anywhere, and
 * missing required ones, make the file malformed (a check that cannot run must not pass
 * silently), and so do inputs of the wrong type; dates are checked by the engine, whose refusal
 * fails the case with its problems, unless the case expects it: `expected: { "problem": "<kind>" }`.
 * Keys of `expected` that are absent are not checked. Comparison: numbers within 1e-6, null only
 * matches null, strings and booleans exactly.
 */
import { lossRate } from './loss';
import { describeProblems, type Outcome } from './problems';
import { visitCycle, volumeAnomaly } from './signals';
import { serviceLevel } from './working-days';
import type { CaseOutcome as RunnerOutcome } from '../case-runner';
export { formatOutcome, formatSummary } from '../case-runner';

export const TOLERANCE = 1e-6;

type Value = number | string | boolean | null;
type Json = Record<string, unknown>;

type Shape = 'string' | 'number' | 'strings' | 'numbers' | 'object' | 'objects';

interface SectionSpec {
  required: Record<string, Shape>;
  optional: Record<string, Shape>;
  expected: readonly string[];
  /** nested objects' fields by input key; a name ending in `?` is optional */
  nested?: Record<string, Record<string, Shape>>;
  run(c: Json): Outcome<Record<string, Value>>;
}

const strings = (v: unknown) => v as string[];
const num = (v: unknown, d: number) => (v == null ? d : (v as number));

const SECTIONS = {
  cycle: {
    required: { today: 'string', purchases: 'strings' },
    optional: { cycleDays: 'number', graceDays: 'number' },
    expected: ['cycleDays', 'daysSince', 'flagged'],
    run: (c) => {
      const r = visitCycle({ purchases: strings(c.purchases), cycleDays: c.cycleDays as number | undefined }, c.today as string, {
        graceDays: num(c.graceDays, 3)
      });
      return r.ok ? { ok: true, value: { cycleDays: r.value.cycleDays, daysSince: r.value.daysSince, flagged: r.value.flagged } } : r;
    }
  },
  volume: {
    required: { today: 'string', purchases: 'objects' },
    optional: { windowDays: 'number', baselineDays: 'number', ratio: 'number' },
    nested: { purchases: { date: 'string', volume: 'number' } },
    expected: ['lastWindow', 'baselineAverage', 'flagged'],
    run: (c) => {
      const settings = { windowDays: num(c.windowDays, 30), baselineDays: num(c.baselineDays, 90), ratio: num(c.ratio, 0.5) };
      const r = volumeAnomaly(c.purchases as { date: string; volume: number }[], c.today as string, settings);
      return r.ok ? { ok: true, value: { lastWindow: r.value.window.total, baselineAverage: r.value.baselineAverage, flagged: r.value.flagged } } : r;
    }
  },
  workingDays: {
    required: { calendar: 'object', start: 'string', workingDays: 'number' },
    optional: { pausedDays: 'strings', doneOn: 'string', today: 'string' },
    nested: { calendar: { 'weekend?': 'numbers', 'holidays?': 'strings', 'workdays?': 'strings' } },
    expected: ['deadline', 'late'],
    run: (c) => {
      const r = serviceLevel({
        calendar: c.calendar as Json,
        start: c.start as string,
        workingDays: c.workingDays as number,
        pausedDays: c.pausedDays as string[] | undefined,
        doneOn: c.doneOn as string | undefined,
        today: c.today as string | undefined
      });
      return r.ok ? { ok: true, value: { deadline: r.value.deadline, late: r.value.late } } : r;
    }
  },
  lossRate: {
    required: { month: 'string', customers: 'objects' },
    optional: { today: 'string' },
    nested: { customers: { createdOn: 'string', 'lostOn?': 'string' } },
    expected: ['customersAtStart', 'lost', 'lossRate'],
    run: (c) => {
      const customers = (c.customers as { createdOn: string; lostOn?: string }[]).map((k, i) => ({
        id: `c${i}`,
        createdOn: k.createdOn,
        losses: k.lostOn == null ? [] : [{ on: k.lostOn }]
      }));
      const r = lossRate(customers, c.month as string, (c.today as string | null) ?? undefined);
      return r.ok ? { ok: true, value: { ...r.value } } : r;
    }
  }
} satisfies Record<string, SectionSpec>;

export type Section = keyof typeof SECTIONS;
export const SECTION_NAMES = Object.keys(SECTIONS) as Section[];

export interface ServiceCase {
  section: Section;
  name: string;
  input: Json;
  expected: Record<string, Value>;
}

export interface ServiceCaseFile {
  cases: ServiceCase[];
}

export type CaseOutcome = RunnerOutcome<Section>;

export type ParseResult = { ok: true; file: ServiceCaseFile } | { ok: false; problems: string[] };

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

function fits(v: unknown, shape: Shape): boolean {
  switch (shape) {
    case 'string':
      return typeof v === 'string';
    case 'number':
      return typeof v === 'number' && Number.isFinite(v);
    case 'strings':
      return Array.isArray(v) && v.every((x) => typeof x === 'string');
    case 'numbers':
      return Array.isArray(v) && v.every((x) => typeof x === 'number' && Number.isFinite(x));
    case 'object':
      return isObject(v);
    case 'objects':
      return Array.isArray(v) && v.every(isObject);
  }
}

const SHAPE_WORDS: Record<Shape, string> = {
  string: 'a string',
  number: 'a number',
  strings: 'a list of strings',
  numbers: 'a list of numbers',
  object: 'an object',
  objects: 'a list of objects'
};

/** Checks nested objects' fields: required ones present, no unknown ones, types (null: absent). */
function checkNested(where: string, v: unknown, fields: Record<string, Shape>, problems: string[]): void {
  const shapes = new Map(Object.entries(fields).map(([k, shape]) => [k.replace(/\?$/, ''), shape]));
  const required = Object.keys(fields).filter((k) => !k.endsWith('?'));
  const items = Array.isArray(v) ? v.map((x, i) => [`${where}[${i}]`, x] as const) : [[where, v] as const];
  for (const [w, item] of items) {
    for (const k of required) if ((item as Json)[k] == null) problems.push(`${w}.${k} is missing`);
    for (const [k, x] of Object.entries(item as Json)) {
      const shape = shapes.get(k);
      if (!shape) problems.push(`${w}.${k} is not a known field`);
      else if (x !== null && !fits(x, shape)) problems.push(`${w}.${k} is not ${SHAPE_WORDS[shape]}`);
    }
  }
}

function parseExpected(where: string, v: unknown, keys: readonly string[], problems: string[]): Record<string, Value> | null {
  if (!isObject(v)) {
    problems.push(`${where}.expected is not an object`);
    return null;
  }
  const out: Record<string, Value> = {};
  for (const [k, x] of Object.entries(v)) {
    if (!keys.includes(k) && k !== 'problem') problems.push(`${where}.expected.${k} is not a known check`);
    else if (k === 'problem' && typeof x !== 'string') problems.push(`${where}.expected.problem is not a problem kind`);
    else if (x !== null && !['number', 'string', 'boolean'].includes(typeof x)) problems.push(`${where}.expected.${k} is not a value`);
    else out[k] = x as Value;
  }
  if (Object.keys(out).length === 0) problems.push(`${where}.expected checks nothing`);
  return out;
}

function parseCase(section: Section, item: unknown, where: string, problems: string[], seen: Set<string>): ServiceCase | null {
  const spec: SectionSpec = SECTIONS[section];
  if (!isObject(item)) {
    problems.push(`${where} is not an object`);
    return null;
  }
  const name = item.case;
  if (typeof name !== 'string' || !name.trim()) problems.push(`${where}.case is not a name`);
  else if (seen.has(name)) problems.push(`${section}: case ${name} appears twice`);
  else seen.add(name);
  const before = problems.length;
  for (const k of Object.keys(spec.required)) if (!(k in item)) problems.push(`${where}.${k} is missing`);
  for (const [k, v] of Object.entries(item)) {
    if (k === 'case' || k === 'expected' || k === 'note') continue;
    const shape = spec.required[k] ?? spec.optional[k];
    if (!shape) problems.push(`${where}.${k} is not a known input`);
    else if (v === null && k in spec.optional) continue;
    else if (!fits(v, shape)) problems.push(`${where}.${k} is not ${SHAPE_WORDS[shape]}`);
    else if (spec.nested?.[k]) checkNested(`${where}.${k}`, v, spec.nested[k], problems);
  }
  const expected = parseExpected(where, item.expected, spec.expected, problems);
  if (problems.length > before || !expected || typeof name !== 'string') return null;
  return { section, name, input: item, expected };
}

/** Checks the shape of a parsed cases file. */
export function parseServiceCases(json: unknown): ParseResult {
  if (!isObject(json)) return { ok: false, problems: ['the file is not a JSON object'] };
  const problems: string[] = [];
  const cases: ServiceCase[] = [];
  for (const [key, v] of Object.entries(json)) {
    if (key === 'version') {
      if (v !== 1) problems.push(`version ${JSON.stringify(v)} is not 1`);
      continue;
    }
    if (!(key in SECTIONS)) {
      problems.push(`${key} is not a known section (${SECTION_NAMES.join(', ')})`);
      continue;
    }
    if (!Array.isArray(v)) {
      problems.push(`${key} is not an array`);
      continue;
    }
    const seen = new Set<string>();
    v.forEach((item, i) => {
      const c = parseCase(key as Section, item, `${key}[${i}]`, problems, seen);
      if (c) cases.push(c);
    });
  }
  if (problems.length) return { ok: false, problems };
  if (cases.length === 0) return { ok: false, problems: ['the file has no cases'] };
  return { ok: true, file: { cases } };
}

const show = (v: unknown): string => (v === null || v === undefined ? 'null' : String(v));

function same(expected: Value, actual: Value): boolean {
  if (expected === null || actual === null) return expected === actual;
  if (typeof expected === 'number' && typeof actual === 'number') return Math.abs(expected - actual) <= TOLERANCE;
  return expected === actual;
}

/** Runs one case; the differences, or the engine's refusal, as lines. */
export function checkCase(c: ServiceCase): string[] {
  let r: Outcome<Record<string, Value>>;
  try {
    r = SECTIONS[c.section].run(c.input);
  } catch (e) {
    return [`error: ${e instanceof Error ? e.message : String(e)}`];
  }
  const wanted = c.expected.problem;
  if (!r.ok) {
    if (typeof wanted === 'string' && r.problems.some((p) => p.kind === wanted)) return [];
    return [`refused: ${describeProblems(r.problems)}`];
  }
  if (typeof wanted === 'string') return [`problem expected ${wanted}, got a result`];
  const out: string[] = [];
  for (const [k, e] of Object.entries(c.expected)) if (!same(e, r.value[k] ?? null)) out.push(`${k} expected ${show(e)}, got ${show(r.value[k])}`);
  return out;
}

/** Runs every case of a parsed file, in file order. */
export function runServiceCases(file: ServiceCaseFile): CaseOutcome[] {
  return file.cases.map((c) => {
    const mismatches = checkCase(c);
    return { section: c.section, name: c.name, pass: mismatches.length === 0, mismatches };
  });
}
