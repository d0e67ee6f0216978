/**
 * CSV injection (OWASP "CSV Injection"): a cell whose text begins with `=`, `+`, `-`, `@`, a tab
 * or a carriage return is taken for a formula by Excel, WPS and LibreOffice when they open a CSV.
 * Such text is written with a leading apostrophe, which the three show as text; an import takes
 * that apostrophe off again, so a round trip keeps the value. In `.xlsx` text is written as string
 * cells, which are never evaluated, so no prefix is needed there.
 */
const TRIGGER = /^[=+\-@\t\r]/;
const GUARDED = /^'[=+\-@\t\r]/;

export function guardFormula(text: string): string {
  return TRIGGER.test(text) ? `'${text}` : text;
}

export function unguardFormula(text: string): string {
  return GUARDED.test(text) ? text.slice(1) : text;
}

export function looksLikeFormula(text: string): boolean {
  return TRIGGER.test(text);
}
