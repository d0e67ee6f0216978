import { WriteError } from '$lib/db/validate';
import { translate, type Locale, type MessageKey } from '$lib/i18n/translate';

/** A write error as a sentence in the user's language: which row, which field, what is wrong. */
export function describeWriteError(locale: Locale, error: unknown, fieldLabel?: (field: string) => string): string {
  if (!(error instanceof WriteError)) return translate(locale, 'write.failed');
  const p = error.problem;
  const reason = translate(locale, p.code as MessageKey);
  if (!p.field) return `${translate(locale, 'write.failed')}: ${reason}`;
  return translate(locale, 'write.problem', {
    row: p.index + 1,
    field: fieldLabel?.(p.field) ?? p.field,
    reason
  });
}
