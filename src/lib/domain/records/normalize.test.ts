import { describe, expect, it } from 'vitest';
import { isMobile, normalizeCode, normalizeName, normalizePhone, toHalfWidth } from './normalize';

describe('toHalfWidth', () => {
  it.each([
    ['１３８００１３８０００', '13800138000'],
    ['ＡＢＣ　ｘｙｚ', 'ABC xyz'],
    ['华润（北京）', '华润(北京)'],
    ['＋８６－１３８', '+86-138'],
    ['！～', '!~'],
    ['plain text 中文', 'plain text 中文'],
    ['【】', '【】'],
    ['', '']
  ])('%s → %s', (input, expected) => {
    expect(toHalfWidth(input)).toBe(expected);
  });
});

describe('normalizePhone', () => {
  it.each([
    ['13800138000', '13800138000'],
    ['  138 0013 8000 ', '13800138000'],
    ['138-0013-8000', '13800138000'],
    ['138.0013.8000', '13800138000'],
    ['+86 138 0013 8000', '13800138000'],
    ['+86-13800138000', '13800138000'],
    ['0086 13800138000', '13800138000'],
    ['8613800138000', '13800138000'],
    ['(+86) 13800138000', '13800138000'],
    ['＋８６　１３８００１３８０００', '13800138000'],
    ['0571-88881234', '057188881234'],
    ['(0571) 8888 1234', '057188881234'],
    ['（０５７１）８８８８１２３４', '057188881234'],
    // a bare 86 is dropped only in front of a mobile
    ['86571888812', '86571888812'],
    ['', '']
  ])('%s → %s', (input, expected) => {
    expect(normalizePhone(input)).toBe(expected);
  });
});

describe('isMobile', () => {
  it.each([
    ['13800138000', true],
    ['19912345678', true],
    ['+86 139-1234-5678', true],
    ['１５９１２３４５６７８', true],
    ['12800138000', false],
    ['1380013800', false],
    ['138001380001', false],
    ['0571-88881234', false],
    ['1380013800a', false],
    ['', false]
  ])('%s → %s', (input, expected) => {
    expect(isMobile(input)).toBe(expected);
  });
});

describe('normalizeName', () => {
  it.each([
    ['杭州顺达物流有限公司', '杭州顺达物流'],
    ['杭州顺达物流', '杭州顺达物流'],
    ['  杭州 顺达 物流 有限公司 ', '杭州顺达物流'],
    ['杭州顺达物流有限责任公司', '杭州顺达物流'],
    ['杭州顺达物流股份有限公司', '杭州顺达物流'],
    ['浙江顺达集团有限公司', '浙江顺达'],
    ['浙江顺达集团股份有限公司', '浙江顺达'],
    ['浙江顺达集团', '浙江顺达'],
    ['顺达公司', '顺达'],
    ['华润（北京）有限公司', '华润北京'],
    ['华润(北京)有限公司', '华润北京'],
    ['华润【北京】', '华润北京'],
    ['华润[北京]有限公司', '华润北京'],
    ['杭州顺达物流有限公司上海分公司', '杭州顺达物流有限公司上海分公司'],
    ['Acme Trading Co., Ltd.', 'acmetrading'],
    ['ACME TRADING CO.,LTD', 'acmetrading'],
    ['Acme Trading Ltd', 'acmetrading'],
    ['Acme, Inc.', 'acme'],
    ['Ａｃｍｅ　Ｉｎｃ', 'acme'],
    ['Zinc', 'zinc'],
    ['公司', '公司'],
    ['有限公司', '有限公司'],
    ['', '']
  ])('%s → %s', (input, expected) => {
    expect(normalizeName(input)).toBe(expected);
  });

  it('keeps different businesses apart', () => {
    expect(normalizeName('顺达物流')).not.toBe(normalizeName('顺达快递'));
  });
});

describe('normalizeCode', () => {
  it.each([
    [' 91350100m000100y43 ', '91350100M000100Y43'],
    ['9135 0100 M000 100Y 43', '91350100M000100Y43'],
    ['９１３５０１００Ｍ０００１００Ｙ４３', '91350100M000100Y43'],
    ['11010519491231002x', '11010519491231002X'],
    ['', '']
  ])('%s → %s', (input, expected) => {
    expect(normalizeCode(input)).toBe(expected);
  });
});
