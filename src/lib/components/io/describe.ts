/** Io errors and row problems as sentences in the user's language. */
import type { ProblemCode } from '$lib/io/plan';
import { translate, type Locale } from '$lib/i18n/translate';

export { describeIoError } from '$lib/app/commands/import';

export function problemText(locale: Locale, code: ProblemCode): string {
  return translate(locale, code);
}
