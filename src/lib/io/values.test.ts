import { describe, expect, it } from 'vitest';
import type { CellSpec } from '$lib/domain/cells';
import { amountText, detectType, normalizeWord, resolveChoice } from './values';

const KIND: CellSpec[] = [
  { type: 'choice', options: ['unit', 'individual'], labels: { unit: '单位', individual: '个人' } },
  { type: 'choice', options: ['unit', 'individual'], labels: { unit: 'Unit', individual: 'Individual' } }
];
const TIER: CellSpec[] = [{ type: 'choice', options: ['VIP', 'A', 'B', 'C'] }];
const STAGE: CellSpec[] = [
  {
    type: 'choice',
    options: ['first-contact', 'initial', 'complete'],
    labels: { 'first-contact': '初次接触', initial: '初级档案', complete: '完整档案' }
  }
];

describe('resolveChoice', () => {
  it.each([
    ['kind', KIND, '单位', 'unit'],
    ['kind', KIND, 'Individual', 'individual'],
    ['kind', KIND, ' INDIVIDUAL ', 'individual'],
    ['kind', KIND, '企业', 'unit'],
    ['kind', KIND, '公司', 'unit'],
    ['kind', KIND, '自然人', 'individual'],
    ['kind', KIND, 'Ｃｏｍｐａｎｙ', 'unit'],
    ['kind', KIND, '合伙', undefined],
    ['tier', TIER, 'vip', 'VIP'],
    ['tier', TIER, 'ａ', 'A'],
    ['tier', TIER, 'B级', 'B'],
    ['tier', TIER, 'Z', undefined],
    ['stage', STAGE, '初次接触', 'first-contact'],
    ['stage', STAGE, '初 次 接 触', 'first-contact'],
    ['stage', STAGE, '首次接触', 'first-contact'],
    ['stage', STAGE, '报价中', undefined]
  ])('%s: %j → %j', (field, specs, text, expected) => {
    expect(resolveChoice('customers', field, specs, text)).toBe(expected);
  });

  it("the user's value table wins; '' keeps the word aside; an option that does not exist is ignored", () => {
    expect(resolveChoice('customers', 'stage', STAGE, '报价中', { 报价中: 'initial' })).toBe('initial');
    expect(resolveChoice('customers', 'stage', STAGE, ' 报价中 ', { 报价中: 'initial' })).toBe('initial');
    expect(resolveChoice('customers', 'stage', STAGE, '初次接触', { 初次接触: '' })).toBeUndefined();
    expect(resolveChoice('customers', 'stage', STAGE, '报价中', { 报价中: 'nonsense' })).toBeUndefined();
  });

  it('normalises words', () => {
    expect(normalizeWord(' Ｂ-级（Ａ） ')).toBe('b级a');
  });
});

describe('amountText', () => {
  it.each([
    ['36.51万', '365100.00'],
    ['0.95万', '9500.00'],
    ['1,234.5万元', '12345000.00'],
    ['¥12万', '120000.00'],
    ['¥74,997.23', '¥74,997.23'],
    ['12345.60', '12345.60'],
    ['很多万', '很多万']
  ])('%j → %j', (text, expected) => {
    expect(amountText(text)).toBe(expected);
  });
});

describe('detectType', () => {
  it.each([
    ['成交金额', ['144271.86', '128,019.76', '¥74,997.23', '36.51万', ''], 'money'],
    ['年采购额', ['125000.5', '980000', '3200'], 'money'],
    ['Amount', [1200, 3400.5], 'money'],
    ['积分', ['100', '250', '3'], 'number'],
    ['积分', [100, 250], 'number'],
    ['最近联系', ['2026年2月11日', '2026-07-21', '2026/05/09'], 'date'],
    ['签约日期', [new Date('2025-03-01'), null], 'date'],
    ['邮编', ['45000', '45001'], 'number'],
    ['日期', ['45000', '45001'], 'date'],
    ['客户编号', ['KH0001', 'KH0002'], 'text'],
    ['QQ', ['0571123', '12345'], 'text'],
    ['手机', ['13800138000', '13900139000'], 'text'],
    ['车牌', ['豫UL9E0C'], 'text'],
    ['空', ['', null], 'text'],
    ['在职', [true, false], 'checkbox'],
    ['备注', ['2026-01-01', '下周再联系'], 'text']
  ])('%s %j → %s', (header, values, expected) => {
    expect(detectType(header, values)).toBe(expected);
  });
});
