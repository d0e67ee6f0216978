/**
 * Runs every worked case of shared/fixtures/service/cases.json (read at test time; the repo is
 * checked out with ../shared beside it) through the case runner, then proves the runner general
 * with a second, hand-made file of the same format, and refuses malformed files clearly.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formatOutcome, formatSummary, parseServiceCases, runServiceCases } from './case-file';

const FIXTURE = new URL('../../../../../shared/fixtures/service/cases.json', import.meta.url);
const raw = JSON.parse(readFileSync(FIXTURE, 'utf8')) as Record<string, unknown>;

function run(json: unknown) {
  const p = parseServiceCases(json);
  if (!p.ok) throw new Error(p.problems.join('; '));
  return runServiceCases(p.file);
}

describe('shared cases.json', () => {
  const outcomes = run(raw);
  it('has cases in every section', () => {
    expect(new Set(outcomes.map((o) => o.section))).toEqual(new Set(['cycle', 'volume', 'workingDays', 'lossRate']));
  });
  it.each(outcomes.map((o) => [`${o.section} ${o.name}`, o] as const))('%s', (_n, o) => {
    expect(o.mismatches).toEqual([]);
  });
  it('ends with the summary', () => expect(formatSummary(outcomes)).toBe(`${outcomes.length} passed, 0 failed`));
});

/** A second file of the same format with cases of its own, written by hand. */
const SECOND = {
  version: 1,
  cycle: [
    {
      case: 'two purchases: the one interval is the cycle',
      today: '2026-06-20',
      purchases: ['2026-06-01', '2026-06-06'],
      expected: { cycleDays: 5, daysSince: 14, flagged: true }
    },
    { case: 'no purchase at all', today: '2026-06-20', purchases: [], expected: { cycleDays: null, daysSince: null, flagged: false } },
    {
      case: 'even count rounds the middle mean up',
      today: '2026-06-20',
      purchases: ['2026-06-01', '2026-06-04', '2026-06-08', '2026-06-13', '2026-06-19'],
      graceDays: 0,
      expected: { cycleDays: 5, daysSince: 1, flagged: false }
    },
    { case: 'a purchase in 2999 is refused', today: '2026-06-20', purchases: ['2999-01-01'], expected: { problem: 'future-date' } }
  ],
  volume: [
    {
      case: 'ratio and window as settings',
      today: '2026-03-31',
      windowDays: 10,
      baselineDays: 20,
      ratio: 0.8,
      purchases: [
        { date: '2026-03-05', volume: 100 },
        { date: '2026-03-25', volume: 40 }
      ],
      expected: { lastWindow: 40, baselineAverage: 50, flagged: false }
    },
    {
      case: 'a negative volume is refused',
      today: '2026-03-31',
      purchases: [{ date: '2026-03-05', volume: -1 }],
      expected: { problem: 'negative-amount' }
    }
  ],
  workingDays: [
    {
      case: 'open step, today past the deadline',
      calendar: {},
      start: '2026-03-06',
      workingDays: 1,
      today: '2026-03-10',
      expected: { deadline: '2026-03-09', late: true }
    },
    {
      case: 'Sunday weekend only',
      calendar: { weekend: [7] },
      start: '2026-03-06T08:00',
      workingDays: 1,
      doneOn: '2026-03-07',
      expected: { deadline: '2026-03-07', late: false }
    }
  ],
  lossRate: [
    {
      case: 'nobody at the start',
      month: '2026-03',
      customers: [{ createdOn: '2026-03-02' }],
      expected: { customersAtStart: 0, lost: 0, lossRate: null }
    },
    {
      case: 'one of three',
      month: '2026-01',
      customers: [{ createdOn: '2025-01-01' }, { createdOn: '2025-01-01', lostOn: '2026-01-31' }, { createdOn: '2025-12-31' }],
      expected: { lossRate: 0.333333 }
    }
  ]
};

describe('the case runner is general', () => {
  it('passes a second hand-made file', () => {
    const outcomes = run(SECOND);
    expect(outcomes.filter((o) => !o.pass).map(formatOutcome)).toEqual([]);
    expect(formatSummary(outcomes)).toBe('10 passed, 0 failed');
  });

  it('names what differs, one line per case', () => {
    const altered = structuredClone(SECOND);
    altered.cycle[0].expected = { cycleDays: 6, daysSince: 14, flagged: false };
    altered.workingDays[1].expected = { deadline: '2026-03-09', late: false };
    const outcomes = run(altered);
    expect(outcomes.filter((o) => !o.pass).map(formatOutcome)).toEqual([
      'FAIL  cycle two purchases: the one interval is the cycle: cycleDays expected 6, got 5; flagged expected false, got true',
      'FAIL  workingDays Sunday weekend only: deadline expected 2026-03-09, got 2026-03-07'
    ]);
    expect(formatSummary(outcomes)).toBe('8 passed, 2 failed');
  });

  it('takes an optional input or field given as null as absent', () => {
    const outcomes = run({
      cycle: [
        {
          case: 'c',
          today: '2026-01-20',
          purchases: ['2026-01-01', '2026-01-08'],
          cycleDays: null,
          graceDays: null,
          expected: { cycleDays: 7, flagged: true }
        }
      ],
      workingDays: [
        {
          case: 'w',
          calendar: { weekend: null },
          start: '2026-03-06 16:30',
          workingDays: 1,
          doneOn: null,
          today: null,
          expected: { deadline: '2026-03-09', late: null }
        }
      ],
      lossRate: [{ case: 'l', month: '2026-01', customers: [{ createdOn: '2025-01-01', lostOn: null }], today: null, expected: { lossRate: 0 } }]
    });
    expect(outcomes.filter((o) => !o.pass).map(formatOutcome)).toEqual([]);
  });

  it('fails a case whose input the engine refuses, with the problem', () => {
    const outcomes = run({ cycle: [{ case: 'x', today: '2026-01-01', purchases: ['2026-02-30'], expected: { flagged: false } }] });
    expect(formatOutcome(outcomes[0])).toBe('FAIL  cycle x: refused: invalid-date at purchases[0] (2026-02-30)');
  });

  it.each<[string, unknown, string]>([
    ['not an object', [], 'the file is not a JSON object'],
    ['an unknown section', { churn: [] }, 'churn is not a known section (cycle, volume, workingDays, lossRate)'],
    ['a section that is not a list', { cycle: {} }, 'cycle is not an array'],
    ['a missing input', { cycle: [{ case: 'a', purchases: [], expected: { flagged: false } }] }, 'cycle[0].today is missing'],
    [
      'an input of the wrong type',
      { cycle: [{ case: 'a', today: '2026-01-01', purchases: '2026-01-01', expected: { flagged: false } }] },
      'cycle[0].purchases is not a list of strings'
    ],
    [
      'an unknown input',
      { cycle: [{ case: 'a', today: '2026-01-01', purchases: [], grace: 3, expected: { flagged: false } }] },
      'cycle[0].grace is not a known input'
    ],
    [
      'an unknown check',
      { cycle: [{ case: 'a', today: '2026-01-01', purchases: [], expected: { risk: 1 } }] },
      'cycle[0].expected.risk is not a known check'
    ],
    ['an empty expected', { cycle: [{ case: 'a', today: '2026-01-01', purchases: [], expected: {} }] }, 'cycle[0].expected checks nothing'],
    [
      'a case twice',
      { lossRate: [1, 2].map(() => ({ case: 'a', month: '2026-01', customers: [], expected: { lost: 0 } })) },
      'lossRate: case a appears twice'
    ],
    [
      'an unknown calendar field',
      { workingDays: [{ case: 'a', calendar: { weekends: [6] }, start: '2026-01-01', workingDays: 1, expected: { late: false } }] },
      'workingDays[0].calendar.weekends is not a known field'
    ],
    [
      'a volume that is text',
      { volume: [{ case: 'a', today: '2026-01-01', purchases: [{ date: '2026-01-01', volume: '5' }], expected: { flagged: false } }] },
      'volume[0].purchases[0].volume is not a number'
    ],
    [
      'a purchase without its date',
      { volume: [{ case: 'a', today: '2026-01-01', purchases: [{ volume: 5 }], expected: { flagged: false } }] },
      'volume[0].purchases[0].date is missing'
    ],
    [
      'a customer without createdOn',
      { lossRate: [{ case: 'a', month: '2026-01', customers: [{ createdOn: null }], expected: { lost: 0 } }] },
      'lossRate[0].customers[0].createdOn is missing'
    ],
    [
      'a required input given as null',
      { cycle: [{ case: 'a', today: null, purchases: [], expected: { flagged: false } }] },
      'cycle[0].today is not a string'
    ],
    ['another version', { version: 2, cycle: [] }, 'version 2 is not 1'],
    ['no cases', { version: 1 }, 'the file has no cases']
  ])('refuses a malformed file: %s', (_n, json, problem) => {
    const p = parseServiceCases(json);
    expect(p.ok).toBe(false);
    if (!p.ok) expect(p.problems).toContain(problem);
  });
});

// By its full path: an extensionless import would find the launcher `check-cases.mjs` first.
const SCRIPT = fileURLToPath(new URL('../../../../scripts/check-cases.ts', import.meta.url));
const script = (await import(/* @vite-ignore */ SCRIPT)) as typeof import('../../../../scripts/check-cases');
const main = (...a: Parameters<typeof script.main> extends [string, ...infer Rest] ? Rest : never) => script.main('service', ...a);

describe('npm run check:service', () => {
  const dir = mkdtempSync(join(tmpdir(), 'check-service-'));
  const exec = (args: string[]) => {
    const out: string[] = [];
    const err: string[] = [];
    const code = main(
      args,
      (l) => out.push(l),
      (l) => err.push(l),
      dir
    );
    return { code, out, err };
  };

  it('prints a line per case and the summary, exit 0 when all pass', () => {
    writeFileSync(join(dir, 'second.json'), JSON.stringify(SECOND));
    const r = exec(['second.json']);
    expect(r.code).toBe(0);
    expect(r.out).toHaveLength(11);
    expect(r.out[0]).toBe('pass  cycle two purchases: the one interval is the cycle');
    expect(r.out.at(-1)).toBe('10 passed, 0 failed');
  });

  it('exits 1 on a failed case', () => {
    const altered = structuredClone(SECOND);
    altered.lossRate[1].expected = { lossRate: 0.5 };
    writeFileSync(join(dir, 'altered.json'), JSON.stringify(altered));
    const r = exec(['altered.json']);
    expect(r.code).toBe(1);
    expect(r.out).toContain('FAIL  lossRate one of three: lossRate expected 0.5, got 0.333333');
    expect(r.out.at(-1)).toBe('9 passed, 1 failed');
  });

  it('exits 2 with a clear message for a missing, broken or malformed file', () => {
    writeFileSync(join(dir, 'broken.json'), '{"cycle": [');
    writeFileSync(join(dir, 'wrong.json'), '{"cycle": {}}');
    expect(exec([]).err).toEqual(['usage: npm run check:service -- <cases.json>']);
    expect(exec(['nope.json'])).toMatchObject({ code: 2, err: [`check:service: cannot read ${join(dir, 'nope.json')}: no such file`] });
    expect(exec(['broken.json']).err[0]).toMatch(/is not valid JSON/);
    expect(exec(['wrong.json'])).toMatchObject({
      code: 2,
      err: [`check:service: ${join(dir, 'wrong.json')} is not a service cases file:`, '  - cycle is not an array']
    });
  });
});
