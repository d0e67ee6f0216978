/**
 * `npm run check:service -- <file>`: runs the service engine (src/lib/domain/service) over a file
 * in the format of shared/fixtures/service/cases.json and prints one line per case
 * (`pass  cycle weekly buyer` or `FAIL  volume steady: flagged expected false, got true`), then
 * `N passed, M failed`.
 *
 * Exit codes: 0 every case passed; 1 a case failed; 2 no file, an unreadable file, not JSON, or
 * not in the cases format (each problem is printed).
 *
 * Node 20 cannot strip TypeScript types, so `scripts/check-service.mjs` loads this file through
 * Vite's module runner (no extra dependency); `main` is what it calls.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { formatOutcome, formatSummary, parseServiceCases, runServiceCases } from '../src/lib/domain/service/case-file';

const USAGE = 'usage: npm run check:service -- <cases.json>';

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
    err(`check:service: cannot read ${path}${code === 'ENOENT' ? ': no such file' : `: ${(e as Error).message}`}`);
    return 2;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    err(`check:service: ${path} is not valid JSON: ${(e as Error).message}`);
    return 2;
  }
  const parsed = parseServiceCases(json);
  if (!parsed.ok) {
    err(`check:service: ${path} is not a service cases file:`);
    for (const p of parsed.problems) err(`  - ${p}`);
    return 2;
  }
  const outcomes = runServiceCases(parsed.file);
  for (const o of outcomes) out(formatOutcome(o));
  out(formatSummary(outcomes));
  return outcomes.every((o) => o.pass) ? 0 : 1;
}
