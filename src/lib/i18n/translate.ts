import { messages, type MessageKey } from './messages';
import type { Locale } from './messages/define';

export type { MessageKey, Locale };

/** Pick the UI language from the browser's preferences: Chinese first, English otherwise. */
export function detectLocale(languages: readonly string[]): Locale {
  for (const lang of languages) {
    const l = lang.toLowerCase();
    if (l.startsWith('zh')) return 'zh-CN';
    if (l.startsWith('en')) return 'en';
  }
  return 'zh-CN';
}

/** A list in `locale`: 甲、乙、丙 in Chinese, "a, b, c" in English. */
export function listOf(locale: Locale, items: readonly string[]): string {
  return items.join(translate(locale, 'common.listSeparator'));
}

/** "label: value" with the colon of `locale` (full-width in Chinese). */
export function labelled(locale: Locale, label: string, value: string): string {
  return translate(locale, 'common.labelValue', { label, value });
}

/** Translate `key` into `locale`, filling `{name}` placeholders from `params`. */
export function translate(locale: Locale, key: MessageKey, params?: Record<string, string | number>): string {
  const text = messages[locale][key] ?? messages['zh-CN'][key] ?? key;
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}
