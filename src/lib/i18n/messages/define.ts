/**
 * Each area of the app keeps its messages in one file under `messages/`, in both languages.
 * `defineMessages` makes TypeScript refuse an English table that lacks a key of the Chinese one
 * (and the reverse), so a string can never exist in one language only.
 */
export type Locale = 'zh-CN' | 'en';
export const LOCALES: readonly Locale[] = ['zh-CN', 'en'];

export function defineMessages<const K extends string>(tables: {
  'zh-CN': Record<K, string>;
  en: Record<NoInfer<K>, string>;
}): { 'zh-CN': Record<K, string>; en: Record<K, string> } {
  return tables;
}
