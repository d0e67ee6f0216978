/**
 * `npm run check:credit -- <file>`: runs the credit engine (src/lib/domain/credit) with its
 * default tables over a file in the format of shared/fixtures/credit/cases.json and prints one
 * line per case (`pass  workingCapitalModel A` or `FAIL  combined X: limitClass expected 3A,
 * got 2A`), then `N passed, N failed`.
 *
 * Exit codes: 0 every case passed; 1 a case failed; 2 no file, an unreadable file, not JSON, or
 * not in the cases format (each problem is printed).
 *
 * Node 20 cannot strip TypeScript types, so `scripts/check-credit.mjs` loads this file through
 * Vite's module runner (no extra dependency); `main` is what it calls.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { DEFAULT_CREDIT_SETTINGS, formatOutcome, formatSummary, parseCreditCases, runCreditCases } from '../src/lib/domain/credit/index';

const USAGE = 'usage: npm run check:credit -- <cases.json>';

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
    err(`check:credit: cannot read ${path}${code === 'ENOENT' ? ': no such file' : `: ${(e as Error).message}`}`);
    return 2;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    err(`check:credit: ${path} is not valid JSON: ${(e as Error).message}`);
    return 2;
  }
  const settings = DEFAULT_CREDIT_SETTINGS;
  const parsed = parseCreditCases(json, settings);
  if (!parsed.ok) {
    err(`check:credit: ${path} is not a credit cases file:`);
    for (const p of parsed.problems) err(`  - ${p}`);
    return 2;
  }
  const outcomes = runCreditCases(parsed.file, settings);
  if (outcomes.length === 0) {
    err(`check:credit: ${path} has no cases`);
    return 2;
  }
  for (const o of outcomes) out(formatOutcome(o));
  out(formatSummary(outcomes));
  return outcomes.every((o) => o.pass) ? 0 : 1;
}
