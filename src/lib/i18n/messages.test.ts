import { describe, expect, it } from 'vitest';
import { messages } from './messages';
import { detectLocale, translate } from './translate';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('messages', () => {
  const zh = messages['zh-CN'];
  const en = messages.en;

  it('has every key in both languages', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(zh).sort());
  });

  it.each(Object.keys(zh))('%s is non-empty with the same placeholders in both languages', (key) => {
    const k = key as keyof typeof zh;
    expect(zh[k].trim()).not.toBe('');
    expect(en[k].trim()).not.toBe('');
    expect(placeholders(en[k])).toEqual(placeholders(zh[k]));
  });

  it.each([
    [['zh-TW', 'en'], 'zh-CN'],
    [['en-GB'], 'en'],
    [['fr', 'en-US'], 'en'],
    [['fr'], 'zh-CN'],
    [[], 'zh-CN']
  ])('detects %j as %s', (langs, expected) => {
    expect(detectLocale(langs)).toBe(expected);
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(translate('en', 'undo.done', { what: 'Paste' })).toBe('Undone: Paste');
    expect(translate('zh-CN', 'undo.done')).toBe('已撤销：{what}');
  });
});
