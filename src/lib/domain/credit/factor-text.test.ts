import { describe, expect, it } from 'vitest';
import { DEFAULT_FACTOR_TEXT_EN, DEFAULT_FACTORS } from './factor-defaults';
import { aspectText, defaultText, factorText, type AspectField, type TextLocale } from './factor-text';

const CJK = /[\u4e00-\u9fff]/;

describe('defaultText', () => {
  const cases: { what: string; text: string; zh?: string; en?: string; locale: TextLocale; shows: string }[] = [
    { what: 'default, en', text: '付款及时性', zh: '付款及时性', en: 'Timeliness', locale: 'en', shows: 'Timeliness' },
    { what: 'default, zh-CN', text: '付款及时性', zh: '付款及时性', en: 'Timeliness', locale: 'zh-CN', shows: '付款及时性' },
    { what: 'edited, en', text: '按时付款', zh: '付款及时性', en: 'Timeliness', locale: 'en', shows: '按时付款' },
    { what: 'edited, zh-CN', text: '按时付款', zh: '付款及时性', en: 'Timeliness', locale: 'zh-CN', shows: '按时付款' },
    { what: 'edited in English, zh-CN', text: 'Pays on time', zh: '付款及时性', en: 'Timeliness', locale: 'zh-CN', shows: 'Pays on time' },
    { what: 'edited in English, en', text: 'Pays on time', zh: '付款及时性', en: 'Timeliness', locale: 'en', shows: 'Pays on time' },
    { what: 'missing English, en', text: '付款及时性', zh: '付款及时性', en: undefined, locale: 'en', shows: '付款及时性' },
    { what: 'empty English, en', text: '付款及时性', zh: '付款及时性', en: '', locale: 'en', shows: '付款及时性' },
    { what: 'no default, en', text: '自定义', zh: undefined, en: 'Custom', locale: 'en', shows: '自定义' },
    { what: 'cleared text, en', text: '', zh: '付款及时性', en: 'Timeliness', locale: 'en', shows: '' }
  ];
  it.each(cases)('$what → $shows', ({ text, zh, en, locale, shows }) => expect(defaultText(text, zh, en, locale)).toBe(shows));
});

describe('aspectText and factorText', () => {
  const cases: { factor: string; i: number; field: AspectField; text: string; locale: TextLocale; shows: string }[] = [
    { factor: 'paymentRecord', i: 0, field: 'name', text: '付款及时性', locale: 'en', shows: 'Timeliness' },
    { factor: 'paymentRecord', i: 0, field: 'good', text: '历次货款按期支付', locale: 'en', shows: 'Has always paid on time' },
    { factor: 'paymentRecord', i: 0, field: 'bad', text: '经常逾期、拖欠', locale: 'zh-CN', shows: '经常逾期、拖欠' },
    { factor: 'paymentRecord', i: 0, field: 'bad', text: '经常逾期', locale: 'en', shows: '经常逾期' },
    // a default text moved to another aspect is an edit there
    { factor: 'paymentRecord', i: 1, field: 'name', text: '付款及时性', locale: 'en', shows: '付款及时性' },
    { factor: 'paymentRecord', i: 4, field: 'name', text: '付款及时性', locale: 'en', shows: '付款及时性' },
    { factor: 'unknownFactor', i: 0, field: 'name', text: '付款及时性', locale: 'en', shows: '付款及时性' }
  ];
  it.each(cases)('$factor[$i].$field "$text" in $locale → $shows', ({ factor, i, field, text, locale, shows }) =>
    expect(aspectText(factor, i, field, text, locale)).toBe(shows)
  );

  it('factor names: default → English in en, Chinese in zh-CN; edited → as typed; unknown factor → its nameEn', () => {
    const f = DEFAULT_FACTORS[0];
    expect(factorText(f, 'en')).toBe('Payment record');
    expect(factorText(f, 'zh-CN')).toBe('付款记录');
    expect(factorText({ ...f, name: '回款记录' }, 'en')).toBe('回款记录');
    expect(factorText({ ...f, name: '回款记录' }, 'zh-CN')).toBe('回款记录');
    expect(factorText({ id: 'x', name: '其他', nameEn: 'other' }, 'en')).toBe('other');
    expect(factorText({ id: 'x', name: '其他' }, 'en')).toBe('其他');
    expect(factorText({ id: 'x', name: '其他', nameEn: 'other' }, 'zh-CN')).toBe('其他');
  });

  it('every default factor and aspect text has English, and none of it is Chinese', () => {
    for (const f of DEFAULT_FACTORS) {
      expect(DEFAULT_FACTOR_TEXT_EN[f.id]?.aspects.length).toBe(f.aspects.length);
      const name = factorText(f, 'en');
      expect(name).not.toMatch(CJK);
      expect(name).not.toBe('');
      f.aspects.forEach((a, i) => {
        for (const field of ['name', 'good', 'bad'] as const) {
          const en = aspectText(f.id, i, field, a[field], 'en');
          expect(en, `${f.id}[${i}].${field}`).not.toMatch(CJK);
          expect(en).not.toBe('');
          expect(aspectText(f.id, i, field, a[field], 'zh-CN')).toBe(a[field]);
        }
      });
    }
    expect(Object.keys(DEFAULT_FACTOR_TEXT_EN).sort()).toEqual(DEFAULT_FACTORS.map((f) => f.id).sort());
  });
});
