/** Io errors and row problems as sentences in the user's language. */
import { IoError } from '$lib/io/errors';
import { translate, type Locale, type MessageKey } from '$lib/i18n/translate';
import { messages } from '$lib/i18n/messages';
import { fieldLabel } from '$lib/app/columns';

/** A refused value's table, field and problem in words (io.error.writeField). */
function writeField(locale: Locale, p: Record<string, string | number>) {
  const table = String(p.table);
  const tableKey = `io.table.${table}`;
  const field = fieldLabel(locale, String(p.field), table);
  return {
    problem: translate(locale, String(p.problem) as MessageKey),
    // a custom column has no message of its own: its key is what we can name
    field: field.startsWith('field.') ? String(p.field) : field,
    table: tableKey in messages[locale] ? translate(locale, tableKey as MessageKey) : table
  };
}

export function describeIoError(locale: Locale, e: unknown): string {
  if (!(e instanceof IoError)) return translate(locale, 'io.error.failed');
  const params = { ...e.params };
  // a write problem names its reason by message key
  if (e.code === 'io.error.write' && typeof params.code === 'string') params.code = translate(locale, params.code as MessageKey);
  if (e.code === 'io.error.writeField') Object.assign(params, writeField(locale, params));
  return translate(locale, e.code, params);
}

export function problemText(locale: Locale, code: string): string {
  return translate(locale, code as MessageKey);
}
