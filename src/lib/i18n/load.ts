/**
 * Loads one language's messages on the page. `messages/index.ts?locale=<locale>` is the merged
 * table with the other language left out (scripts/split-messages.ts, a Vite plugin), so each
 * language is a chunk of its own: the first page fetches only the language it shows, and the
 * other one when the user switches. The service worker precaches both, so switching works offline.
 */
import { hasMessages, installMessages, type Locale, type MessageTable } from './translate';

const loaders: Record<Locale, () => Promise<MessageTable>> = {
  'zh-CN': () => import('./messages/index.ts?locale=zh-CN').then((m) => m.messages['zh-CN']),
  en: () => import('./messages/index.ts?locale=en').then((m) => m.messages.en)
};

const pending = new Map<Locale, Promise<void>>();

/** Load and install `locale`'s messages once; resolves at once when they are already there. */
export function loadMessages(locale: Locale): Promise<void> {
  if (hasMessages(locale)) return Promise.resolve();
  let loading = pending.get(locale);
  if (!loading) {
    loading = loaders[locale]().then((table) => installMessages(locale, table));
    // a failed fetch (e.g. a stale build offline) may be tried again on the next switch
    loading.catch(() => pending.delete(locale));
    pending.set(locale, loading);
  }
  return loading;
}
