import { describe, expect, it } from 'vitest';
import { oneLanguage } from './split-messages.js';

/** The transform of split-messages.js on small modules; src/lib/i18n/load.test.ts checks it on the real tables. */
describe('oneLanguage', () => {
  const file = 'src/lib/i18n/messages/x.ts';
  const area = (tables: string) => `import { defineMessages } from './define';\nexport const x = defineMessages({ ${tables} });\n`;

  it.each([
    [area(`'zh-CN': { 'x.a': '甲（一）' }, en: { 'x.a': 'A (one)' }`), 'en', area(`'zh-CN': {}, en: { 'x.a': 'A (one)' }`)],
    [area(`'zh-CN': { 'x.a': '甲（一）' }, en: { 'x.a': 'A (one)' }`), 'zh-CN', area(`'zh-CN': { 'x.a': '甲（一）' }, en: {}`)],
    [area(`en: { 'x.a': \`A {n}\` }, 'zh-CN': { 'x.a': '甲 {n}' }`), 'zh-CN', area(`en: {}, 'zh-CN': { 'x.a': '甲 {n}' }`)],
    // an area split into files: what it imports and merges is in the same one language
    [
      `import { defineMessages } from './define';\nimport { b } from './x-b';\nimport type { Locale } from './define';\nimport { y } from 'z';\n` +
        `const a = defineMessages({ 'zh-CN': { 'x.a': '甲' }, en: { 'x.a': 'A' } });\nexport const x = { en: { ...a.en, ...b.en } };\n`,
      'en',
      `import { defineMessages } from './define';\nimport { b } from "./x-b?locale=en";\nimport type { Locale } from './define';\nimport { y } from 'z';\n` +
        `const a = defineMessages({ 'zh-CN': {}, en: { 'x.a': 'A' } });\nexport const x = { en: { ...a.en, ...b.en } };\n`
    ]
  ])('keeps only one language of a messages module (%#)', (code, locale, expected) => {
    expect(oneLanguage(code, file, locale, `?locale=${locale}`)).toBe(expected);
  });

  it.each([
    ['a spread', `const a = {}; export const x = defineMessages({ ...a, en: {} });`],
    ['a third language', area(`'zh-CN': {}, en: {}, fr: {}`)],
    ['one language only', area(`'zh-CN': {}`)],
    ['a table that is not a literal', `const t = {}; export const x = defineMessages(t);`]
  ])('refuses defineMessages with %s, so no build ships both languages unnoticed', (_what, code) => {
    expect(() => oneLanguage(code, file, 'en', '?locale=en')).toThrow(/defineMessages takes/);
  });
});
