/**
 * What the engines' case files share: a case's outcome, its printed line and the closing
 * `N passed, M failed` line, read by `npm run check:<area> -- FILE` (scripts/check-cases.ts) and by
 * the fixture tests. Each engine parses and runs its own format (`domain/<area>/case-file.ts`).
 */
export interface CaseOutcome<S extends string = string> {
  section: S;
  name: string;
  pass: boolean;
  /** for a failed case, what differs: `limit expected 1062500, got 1062499` */
  mismatches: string[];
}

/** `pass  workingCapitalModel A` or `FAIL  combined X: limit expected 1062500, got 1062499`. */
export function formatOutcome(o: CaseOutcome): string {
  return o.pass ? `pass  ${o.section} ${o.name}` : `FAIL  ${o.section} ${o.name}: ${o.mismatches.join('; ')}`;
}

/** The last line: `N passed, M failed`. */
export function formatSummary(outcomes: readonly CaseOutcome[]): string {
  const passed = outcomes.filter((o) => o.pass).length;
  return `${passed} passed, ${outcomes.length - passed} failed`;
}

/** An engine's case files, as the runner sees them: parse a file, then run its cases. */
export interface CaseEngine {
  /** the file's kind in messages: `credit` → "not a credit cases file" */
  area: string;
  parse(json: unknown): { ok: true; run: () => CaseOutcome[] } | { ok: false; problems: readonly string[] };
}
