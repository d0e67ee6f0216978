/** Io errors and row problems as sentences in the user's language. */
import { IoError } from '$lib/io/errors';
import { translate, type Locale, type MessageKey } from '$lib/i18n/translate';

export function describeIoError(locale: Locale, e: unknown): string {
  if (!(e instanceof IoError)) return translate(locale, 'io.error.failed');
  const params = { ...e.params };
  // a write problem names its reason by message key
  if (e.code === 'io.error.write' && typeof params.code === 'string') params.code = translate(locale, params.code as MessageKey);
  return translate(locale, e.code, params);
}

export function problemText(locale: Locale, code: string): string {
  return translate(locale, code as MessageKey);
}
