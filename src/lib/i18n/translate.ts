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

/** Translate `key` into `locale`, filling `{name}` placeholders from `params`. */
export function translate(
  locale: Locale,
  key: MessageKey,
  params?: Record<string, string | number>
): string {
  const text = messages[locale][key] ?? messages['zh-CN'][key] ?? key;
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole
  );
}
