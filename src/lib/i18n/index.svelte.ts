import { detectLocale, listOf, translate, type Locale, type MessageKey } from './translate';

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

  set(locale: Locale) {
    this.locale = locale;
    localStorage.setItem(STORAGE_KEY, locale);
    document.documentElement.lang = locale;
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
