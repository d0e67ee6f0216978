import { describe, expect, it } from 'vitest';
import { messages } from './messages';
import { labelled, listOf } from './translate';

/**
 * Punctuation per language (issue 15.7): Chinese text uses full-width punctuation, so a
 * half-width , : ; ( ) ! ? next to a Chinese character is a slip; English lists use ", ",
 * never the Chinese enumeration comma "、".
 */
const HAN = '[\\u3400-\\u9fff\\u3000-\\u303f\\uff01-\\uff5e“”‘’…]';
const HALF = '[,:;()!?]';
const HALF_BY_HAN = new RegExp(`${HAN}${HALF}|${HALF}${HAN}`, 'u');

/** The message keys whose text breaks the rule, with the offending spot. */
function offenders(table: Record<string, string>, bad: RegExp): string[] {
  return Object.entries(table).flatMap(([key, text]) => {
    const m = bad.exec(text);
    return m ? [`${key}: …${text.slice(Math.max(0, m.index - 6), m.index + 8)}…`] : [];
  });
}

describe('punctuation', () => {
  it.each([
    ['申请金额(元)', true],
    ['找不到这位客户,可能已被删除。', true],
    ['提示:请稍候', true],
    ['申请金额（元）', false],
    ['第 {row} 行“{column}”：{reason}', false],
    ['DSO (days)', false],
    ['10:30 开会', false]
  ])('%s has half-width punctuation by Chinese text: %s', (text, expected) => {
    expect(HALF_BY_HAN.test(text)).toBe(expected);
  });

  it('zh-CN messages use full-width punctuation next to Chinese text', () => {
    expect(offenders(messages['zh-CN'], HALF_BY_HAN)).toEqual([]);
  });

  it('en messages never use the Chinese enumeration comma', () => {
    expect(offenders(messages.en, /、/u)).toEqual([]);
  });
});

describe('lists and labels', () => {
  it.each([
    ['zh-CN', '手机、邮箱', '缺少：手机、邮箱'],
    ['en', 'Mobile, Email', 'Missing: Mobile, Email']
  ] as const)('in %s', (locale, list, line) => {
    const items = locale === 'en' ? ['Mobile', 'Email'] : ['手机', '邮箱'];
    expect(listOf(locale, items)).toBe(list);
    expect(labelled(locale, locale === 'en' ? 'Missing' : '缺少', listOf(locale, items))).toBe(line);
  });
});
