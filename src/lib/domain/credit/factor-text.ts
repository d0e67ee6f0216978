/**
 * Which text to show for a factor name or an aspect's name/hint. The settings hold the Chinese
 * defaults of credit.md §4 (factor-defaults.ts), and a user may edit them. The rule, in one place:
 * - locale `en` and the text is still its Chinese default → the default's English;
 * - a text the user edited → as typed, in both locales;
 * - no English for that default (or locale `zh-CN`) → the text itself.
 * Pure: the screens pass the locale in.
 */
import { DEFAULT_FACTOR_TEXT_EN, DEFAULT_FACTORS } from './factor-defaults';
import type { AspectSpec } from './settings';

export type TextLocale = 'zh-CN' | 'en';
export type AspectField = keyof AspectSpec;

/** `text` in `locale`: `en` when locale is en and `text` equals the Chinese default `zh`. */
export function defaultText(text: string, zh: string | undefined, en: string | undefined, locale: TextLocale): string {
  return locale === 'en' && en && zh !== undefined && text === zh ? en : text;
}

const DEFAULT_BY_ID = new Map(DEFAULT_FACTORS.map((f) => [f.id, f]));

/** A factor's name to show. A factor that is not one of the defaults shows its own `nameEn` in en. */
export function factorText(factor: { id: string; name: string; nameEn?: string }, locale: TextLocale): string {
  const zh = DEFAULT_BY_ID.get(factor.id);
  if (!zh) return locale === 'en' && factor.nameEn ? factor.nameEn : factor.name;
  return defaultText(factor.name, zh.name, DEFAULT_FACTOR_TEXT_EN[factor.id]?.name, locale);
}

/** One aspect field (name, good or bad) of factor `factorId`'s aspect `index` to show. */
export function aspectText(factorId: string, index: number, field: AspectField, text: string, locale: TextLocale): string {
  const zh = DEFAULT_BY_ID.get(factorId)?.aspects[index]?.[field];
  const en = DEFAULT_FACTOR_TEXT_EN[factorId]?.aspects[index]?.[field];
  return defaultText(text, zh, en, locale);
}
