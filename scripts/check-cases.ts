/**
 * `npm run check:<area> -- <file>` (credit, service, selling): runs that engine over a file in the
 * format of shared/fixtures/<area>/cases.json and prints one line per case (`pass  cycle weekly
 * buyer` or `FAIL  volume steady: flagged expected false, got true`), then `N passed, M failed`.
 *
 * Exit codes: 0 every case passed; 1 a case failed; 2 no file, an unreadable file, not JSON, not in
 * the cases format, or no cases (each problem is printed).
 *
 * Node 20 cannot strip TypeScript types, so `scripts/check-cases.mjs` loads this file through
 * Vite's module runner (no extra dependency); `main` is what it calls.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { formatOutcome, formatSummary, type CaseEngine } from '../src/lib/domain/case-runner';
import { DEFAULT_CREDIT_SETTINGS, parseCreditCases, runCreditCases } from '../src/lib/domain/credit/index';
import { parseSellingCases, runSellingCases } from '../src/lib/domain/selling/case-file';
import { parseServiceCases, runServiceCases } from '../src/lib/domain/service/case-file';

export const ENGINES: Record<string, CaseEngine> = {
  credit: {
    area: 'credit',
    parse(json) {
      const p = parseCreditCases(json, DEFAULT_CREDIT_SETTINGS);
      return p.ok ? { ok: true, run: () => runCreditCases(p.file, DEFAULT_CREDIT_SETTINGS) } : p;
    }
  },
  service: {
    area: 'service',
    parse(json) {
      const p = parseServiceCases(json);
      return p.ok ? { ok: true, run: () => runServiceCases(p.file) } : p;
    }
  },
  selling: {
    area: 'selling',
    parse(json) {
      const p = parseSellingCases(json);
      return p.ok ? { ok: true, run: () => runSellingCases(p.cases) } : p;
    }
  }
};

export function main(
  area: string,
  args: readonly string[],
  out: (line: string) => void = console.log,
  err: (line: string) => void = console.error,
  cwd: string = process.env.INIT_CWD ?? process.cwd()
): number {
  const engine = ENGINES[area];
  const name = `check:${area}`;
  if (!engine || args.length !== 1 || args[0] === '--help' || args[0] === '-h') {
    err(`usage: npm run check:${engine ? area : `<${Object.keys(ENGINES).join('|')}>`} -- <cases.json>`);
    return 2;
  }
  const path = resolve(cwd, args[0]);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    err(`${name}: cannot read ${path}${code === 'ENOENT' ? ': no such file' : `: ${(e as Error).message}`}`);
    return 2;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    err(`${name}: ${path} is not valid JSON: ${(e as Error).message}`);
    return 2;
  }
  const parsed = engine.parse(json);
  if (!parsed.ok) {
    err(`${name}: ${path} is not a ${engine.area} cases file:`);
    for (const p of parsed.problems) err(`  - ${p}`);
    return 2;
  }
  const outcomes = parsed.run();
  if (outcomes.length === 0) {
    err(`${name}: ${path} has no cases`);
    return 2;
  }
  for (const o of outcomes) out(formatOutcome(o));
  out(formatSummary(outcomes));
  return outcomes.every((o) => o.pass) ? 0 : 1;
}
