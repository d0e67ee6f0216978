import { describe, expect, it } from 'vitest';
import type { Fen } from '$lib/domain/money';
import { DEFAULT_TEMPLATES, documentFacts, fillTemplate, templatesOf } from './collection-docs';

const FACTS = { customer: '杭州顺达物流', amount: 1_234_567 as Fen, dueDate: '2026-03-31', invoices: ['FP001', 'FP002'], today: '2026-04-20' };

describe('fillTemplate', () => {
  it.each([
    [
      'Chinese placeholders',
      '{客户名称}欠款{金额}元，{到期日}到期，逾期{逾期天数}天（{今天}）',
      FACTS,
      '杭州顺达物流欠款12,345.67元，2026-03-31到期，逾期20天（2026-04-20）'
    ],
    [
      'English placeholders',
      '{customer} owes {amount}, due {dueDate}, {daysOverdue} days late, invoices {invoices}',
      FACTS,
      '杭州顺达物流 owes 12,345.67, due 2026-03-31, 20 days late, invoices FP001, FP002'
    ],
    ['spaces inside the braces', '{ 金额 }', FACTS, '12,345.67'],
    ['an unknown placeholder stays as typed', '{联系人} {金额}', FACTS, '{联系人} 12,345.67'],
    ['missing values show a dash', '{客户名称}|{金额}|{到期日}|{逾期天数}|{发票号}|{今天}', {}, '—|—|—|—|—|—'],
    ['a NaN amount shows a dash', '{金额}', { amount: Number.NaN }, '—'],
    ['a bad date shows a dash', '{到期日} {逾期天数}', { dueDate: '2026-13-40', today: '2026-04-20' }, '— —'],
    ['not yet due: 0 days overdue', '{逾期天数}', { dueDate: '2026-05-01', today: '2026-04-20' }, '0'],
    ['zero is an amount', '{amount}', { amount: 0 }, '0.00']
  ] as const)('%s', (_name, template, facts, expected) => {
    expect(fillTemplate(template, facts)).toBe(expected);
  });

  it.each(['zh-CN', 'en'] as const)('the %s defaults never show undefined or NaN, even with nothing known', (locale) => {
    for (const text of Object.values(DEFAULT_TEMPLATES[locale])) {
      for (const facts of [FACTS, {}]) expect(fillTemplate(text, facts)).not.toMatch(/undefined|NaN|\{/);
    }
  });
});

describe('templatesOf', () => {
  it.each([
    ['nothing stored: the defaults', undefined, 'zh-CN', DEFAULT_TEMPLATES['zh-CN']],
    ['a blank one falls back', { letter: '  ', notice: 'N', sms: 'S' }, 'en', { letter: DEFAULT_TEMPLATES.en.letter, notice: 'N', sms: 'S' }],
    ['a wrong type falls back', { letter: 5 }, 'en', DEFAULT_TEMPLATES.en]
  ] as const)('%s', (_name, stored, locale, expected) => {
    expect(templatesOf(stored, locale)).toEqual(expected);
  });
});

describe('documentFacts', () => {
  const o = (invoiceNo: string | undefined, dueDate: string, yuan: number) => ({ invoiceNo, dueDate, open: (yuan * 100) as Fen });
  it.each([
    [
      'the overdue ones, oldest due date',
      [o('A', '2026-04-01', 100), o('B', '2026-03-15', 50), o('C', '2026-05-01', 999)],
      { amount: 15_000, dueDate: '2026-03-15', invoices: ['A', 'B'] }
    ],
    ['nothing overdue: every open one', [o('C', '2026-05-01', 10)], { amount: 1_000, dueDate: '2026-05-01', invoices: ['C'] }],
    ['no invoice number', [o(undefined, '2026-04-01', 10)], { amount: 1_000, dueDate: '2026-04-01', invoices: [] }],
    ['nothing open', [], { amount: 0, dueDate: null, invoices: [] }]
  ] as const)('%s', (_name, open, expected) => {
    expect(documentFacts('客户', open, '2026-04-20')).toEqual({ customer: '客户', today: '2026-04-20', ...expected });
  });
});
