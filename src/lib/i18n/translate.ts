import type { MessageKey } from './messages';
import type { Locale } from './messages/define';

export type { MessageKey, Locale };

const TABLES = Symbol.for('kebu.messages');

/** One language's messages. */
export type MessageTable = Record<MessageKey, string>;

/**
 * The tables of the languages loaded so far. The page loads the one it shows (load.ts) and the
 * other when the user switches; workers and unit tests install both (all-messages.ts). One per
 * realm (page, worker, test file), kept on globalThis so that a second instance of this module
 * (a test's `vi.resetModules()`) still finds what the first one installed.
 */
const tables = ((globalThis as unknown as Record<symbol, Partial<Record<Locale, MessageTable>>>)[TABLES] ??= {});

export function installMessages(locale: Locale, table: MessageTable): void {
  tables[locale] = table;
}

export function hasMessages(locale: Locale): boolean {
  return tables[locale] !== undefined;
}

/** Whether `key` is a message key (both languages have the same keys: any loaded table tells). */
export function isMessageKey(key: string): key is MessageKey {
  const table = tables['zh-CN'] ?? tables.en;
  return table !== undefined && Object.hasOwn(table, key);
}

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

/**
 * Translate `key` into `locale`, filling `{name}` placeholders from `params`. Should `locale`'s
 * table not be loaded yet, the text comes from the other language's, never a blank.
 */
export function translate(locale: Locale, key: MessageKey, params?: Record<string, string | number>): string {
  const text = tables[locale]?.[key] ?? tables['zh-CN']?.[key] ?? tables.en?.[key] ?? key;
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}
