/**
 * `npm run check:selling -- <file>`: runs the selling engine (src/lib/domain/selling) over a file
 * in the format of shared/fixtures/selling/cases.json and prints one line per case
 * (`pass  quotes header discount` or `FAIL  quotes X: taxFen expected 57000, got 57001`), then
 * `N passed, M failed`.
 *
 * Exit codes: 0 every case passed; 1 a case failed; 2 no file, an unreadable file, not JSON, or
 * not in the cases format (each problem is printed).
 *
 * Node 20 cannot strip TypeScript types, so `scripts/check-selling.mjs` loads this file through
 * Vite's module runner (no extra dependency); `main` is what it calls.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { formatOutcome, formatSummary, parseSellingCases, runSellingCases } from '../src/lib/domain/selling/case-file';

const USAGE = 'usage: npm run check:selling -- <cases.json>';

export function main(
  args: readonly string[],
  out: (line: string) => void = console.log,
  err: (line: string) => void = console.error,
  cwd: string = process.env.INIT_CWD ?? process.cwd()
): number {
  if (args.length !== 1 || args[0] === '--help' || args[0] === '-h') {
    err(USAGE);
    return 2;
  }
  const path = resolve(cwd, args[0]);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    err(`check:selling: cannot read ${path}${code === 'ENOENT' ? ': no such file' : `: ${(e as Error).message}`}`);
    return 2;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    err(`check:selling: ${path} is not valid JSON: ${(e as Error).message}`);
    return 2;
  }
  const parsed = parseSellingCases(json);
  if (!parsed.ok) {
    err(`check:selling: ${path} is not a selling cases file:`);
    for (const p of parsed.problems) err(`  - ${p}`);
    return 2;
  }
  const outcomes = runSellingCases(parsed.cases);
  for (const o of outcomes) out(formatOutcome(o));
  out(formatSummary(outcomes));
  return outcomes.every((o) => o.pass) ? 0 : 1;
}
