import { detectLocale, listOf, translate, type Locale, type MessageKey } from './translate';
import { loadMessages } from './load';

export type { Locale, MessageKey };
export { LOCALES } from './messages/define';

const STORAGE_KEY = 'kebu.locale';

function initialLocale(): Locale {
  if (typeof localStorage !== 'undefined') {
    const saved = localStorage.getItem(STORAGE_KEY);
    if (saved === 'zh-CN' || saved === 'en') return saved;
  }
  if (typeof navigator !== 'undefined') return detectLocale(navigator.languages ?? [navigator.language]);
  return 'zh-CN';
}

class I18n {
  locale = $state<Locale>(initialLocale());
  /** The current language's messages are there: the root layout's load awaits this before anything renders. */
  readonly ready: Promise<void> = loadMessages(this.locale);

  /** Switch the UI language once its messages are loaded, so no screen shows a key meanwhile. */
  async set(locale: Locale): Promise<void> {
    await loadMessages(locale);
    this.locale = locale;
    localStorage.setItem(STORAGE_KEY, locale);
    document.documentElement.lang = locale;
  }

  /** Fetch `locale`'s messages ahead of a likely switch (the language button is pointed at). */
  prefetch(locale: Locale): void {
    loadMessages(locale).catch(() => {});
  }
}

export const i18n = new I18n();

/** A list in the current UI language (、 in Chinese, ", " in English). */
export function list(items: readonly string[]): string {
  return listOf(i18n.locale, items);
}

/** Translate in the current UI language; reactive in templates and `$derived`. */
export function t(key: MessageKey, params?: Record<string, string | number>): string {
  return translate(i18n.locale, key, params);
}
