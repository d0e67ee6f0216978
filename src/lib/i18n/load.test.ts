import { describe, expect, it } from 'vitest';
import { messages } from './messages';
import { LOCALES } from './messages/define';
import { loadMessages } from './load';
import { hasMessages } from './translate';

/**
 * The page loads one language at a time: `messages/index.ts?locale=<locale>` (the Vite plugin of
 * scripts/split-messages.js, active in vitest too) holds that language's whole table and nothing of
 * the other one's.
 */
describe('one language per chunk', () => {
  it.each([
    ['zh-CN', 'en'],
    ['en', 'zh-CN']
  ] as const)('index.ts?locale=%s holds that whole language and nothing of %s', async (locale, other) => {
    const split = locale === 'en' ? await import('./messages/index.ts?locale=en') : await import('./messages/index.ts?locale=zh-CN');
    const tables = split.messages as Record<string, Record<string, string>>;
    expect(tables[locale]).toEqual(messages[locale]);
    expect(tables[other]).toEqual({});
  });

  it('loads a language that is already there at once', async () => {
    for (const locale of LOCALES) expect(hasMessages(locale)).toBe(true);
    await expect(loadMessages('en')).resolves.toBeUndefined();
  });
});
