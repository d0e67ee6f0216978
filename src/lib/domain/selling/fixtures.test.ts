/**
 * The case runner over shared/fixtures/selling/cases.json (read at test time; the repo is checked
 * out with ../shared beside it) and over a second, hand-made file of the same format
 * (./second-cases.json), so the runner is proven general and not fitted to one file.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatOutcome, formatSummary, parseSellingCases, runSellingCases } from './case-file';

const SHARED = new URL('../../../../../shared/fixtures/selling/cases.json', import.meta.url);
const SECOND = new URL('./second-cases.json', import.meta.url);
const load = (url: URL) => JSON.parse(readFileSync(url, 'utf8')) as Record<string, unknown>;

describe.each([
  ['shared cases.json', SHARED],
  ['hand-made second-cases.json', SECOND]
])('%s', (_name, url) => {
  const parsed = parseSellingCases(load(url));
  if (!parsed.ok) throw new Error(`malformed: ${parsed.problems.join('; ')}`);
  it.each(parsed.cases.map((c) => [`${c.section} ${c.name}`, c] as const))('%s', (_n, c) => {
    const [o] = runSellingCases([c]);
    expect(o.mismatches).toEqual([]);
    expect(formatOutcome(o)).toBe(`pass  ${c.section} ${c.name}`);
  });
  it('covers every section', () => {
    expect(new Set(parsed.cases.map((c) => c.section))).toEqual(new Set(['quotes', 'forecast', 'commission', 'rfm', 'abc', 'stall']));
    expect(formatSummary(runSellingCases(parsed.cases))).toBe(`${parsed.cases.length} passed, 0 failed`);
  });
});

describe('the case runner (npm run check:selling)', () => {
  it('names what differs when values are altered', () => {
    const altered = structuredClone(load(SHARED)) as {
      quotes: { expected: { taxFen: number } }[];
      forecast: { expected: { weightedFenByMonth: Record<string, number> } }[];
      rfm: { expected: { scores: Record<string, number[]> } }[];
    };
    altered.quotes[0].expected.taxFen += 1;
    altered.forecast[0].expected.weightedFenByMonth['2026-03'] = 5;
    delete altered.forecast[0].expected.weightedFenByMonth['2026-01'];
    altered.rfm[0].expected.scores.c3 = [2, 1, 2];
    const p = parseSellingCases(altered);
    if (!p.ok) throw new Error(p.problems.join('; '));
    const outcomes = runSellingCases(p.cases);
    expect(outcomes.filter((o) => !o.pass).map(formatOutcome)).toEqual([
      'FAIL  quotes two lines, a line discount, 13% VAT: taxFen expected 49427, got 49426',
      'FAIL  forecast open opportunities by month: weightedFenByMonth.2026-01 expected none, got 2000000; weightedFenByMonth.2026-03 expected 5, got none',
      'FAIL  rfm ten customers: scores.c3 expected [2,1,2], got [2,1,1]'
    ]);
    expect(formatSummary(outcomes)).toBe('6 passed, 3 failed');
  });

  it('fails a case whose input the engine refuses, with the engine message', () => {
    const p = parseSellingCases({
      quotes: [{ case: 'q', lines: [{ quantity: '-1', unitPriceFen: 10, discountPercent: 150 }], expected: { totalFen: 0 } }]
    });
    if (!p.ok) throw new Error(p.problems.join('; '));
    const [o] = runSellingCases(p.cases);
    expect(formatOutcome(o)).toBe(
      'FAIL  quotes q: refused: lines[0].quantity: a quantity cannot be negative (got "-1"); lines[0].discountPercent: a percentage must be between 0 and 100 (got 150)'
    );
  });

  it.each<[string, unknown, string]>([
    ['not an object', [], 'the file is not a JSON object'],
    ['no cases', { version: 1 }, 'the file has no cases'],
    ['an unknown section', { quote: [] }, 'quote is not a section (quotes, forecast, commission, rfm, abc, stall)'],
    ['a section that is not a list', { rfm: {} }, 'rfm is not an array'],
    ['another version', { version: 2, stall: [] }, 'version 2 is not supported (1 is)'],
    [
      'a case without a name',
      { stall: [{ stageStart: '2026-01-01', plannedDays: 1, today: '2026-01-02', expected: { stalled: true } }] },
      'stall[0].case is not a name'
    ],
    [
      'a missing input',
      { stall: [{ case: 's', plannedDays: 1, today: '2026-01-02', expected: { stalled: true } }] },
      'stall[0].stageStart is missing'
    ],
    ['an unknown input', { abc: [{ case: 'a', customers: [], c: 0.99, expected: { classes: {} } }] }, 'abc[0].c is not a known field'],
    [
      'an unknown line field',
      { quotes: [{ case: 'q', lines: [{ quantity: '1', unitPriceFen: 1, vat: 13 }], expected: { totalFen: 1 } }] },
      'quotes[0].lines[0].vat is not a known field'
    ],
    [
      'an unknown check',
      { stall: [{ case: 's', stageStart: '2026-01-01', plannedDays: 1, today: '2026-01-02', expected: { late: true } }] },
      'stall[0].expected.late is not a known check (daysInStage, stalled)'
    ],
    [
      'a check of the wrong type',
      { rfm: [{ case: 'r', customers: [], expected: { scores: { a: [1, 2] } } }] },
      'rfm[0].expected.scores is not an object of [R, F, M] scores'
    ],
    ['an empty expected', { rfm: [{ case: 'r', customers: [], expected: {} }] }, 'rfm[0].expected checks nothing'],
    ['a name twice', { abc: [1, 2].map(() => ({ case: 'same', customers: [], expected: { classes: {} } })) }, 'abc: case same appears twice']
  ])('refuses a malformed file: %s', (_name, json, problem) => {
    const p = parseSellingCases(json);
    expect(p.ok).toBe(false);
    if (!p.ok) expect(p.problems).toContain(problem);
  });
});
