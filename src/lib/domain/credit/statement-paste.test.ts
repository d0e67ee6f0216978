import { describe, expect, it } from 'vitest';
import { fieldForLabel, parseStatementPaste, readAmount, splitTsv } from './statement-paste';

describe('labels (credit.md §2 names, filed-statement variants, English, ids)', () => {
  it.each([
    ['流动资产', 'currentAssets'],
    ['流动资产合计', 'currentAssets'],
    ['  其中：存货 ', 'inventory'],
    ['1、货币资金', 'cash'],
    ['交易性金融资产', 'marketableSecurities'],
    ['预付款项', 'prepayments'],
    ['流动负债合计', 'currentLiabilities'],
    ['负债合计', 'totalLiabilities'],
    ['资产总计', 'totalAssets'],
    ['所有者权益（或股东权益）合计', 'equity'],
    ['主营业务收入', 'revenue'],
    ['营业成本', 'costOfSales'],
    ['税金及附加', 'taxesAndSurcharges'],
    ['销售费用', 'sellingExpenses'],
    ['管理费用', 'adminExpenses'],
    ['财务费用', 'financeExpenses'],
    ['利润总额', 'totalProfit'],
    ['期初存货', 'openingInventory'],
    ['期末存货', 'closingInventory'],
    ['Current assets', 'currentAssets'],
    ['Total current liabilities', 'currentLiabilities'],
    ["Owners' equity", 'equity'],
    ['Cost of goods sold', 'costOfSales'],
    ['Administrative expenses', 'adminExpenses'],
    ['Profit before tax', 'totalProfit'],
    ['totalAssets', 'totalAssets'],
    ['应收账款', null],
    ['', null]
  ])('%s → %s', (label, field) => {
    expect(fieldForLabel(label)).toBe(field);
  });
});

describe('amounts in 元 → fen', () => {
  it.each<[string, number | null]>([
    ['1234', 123400],
    ['1,234.5', 123450],
    ['1，234.56', 123456],
    ['¥ 1 234.00', 123400],
    ['￥12,000元', 1200000],
    ['(1,234.00)', -123400],
    ['-500', -50000],
    ['−500', -50000],
    ['1.23万', 1230000],
    ['12万元', 12000000],
    ['1.234567万', 1234567],
    ['0', 0],
    ['', null],
    ['-', null],
    ['—', null]
  ])('%s', (text, fen) => {
    expect(readAmount(text)).toEqual({ ok: true, fen });
  });

  it.each([
    ['abc', 'not-a-number'],
    ['12.3.4', 'not-a-number'],
    ['1.234', 'too-many-decimals'],
    ['1.2345678万', 'too-many-decimals'],
    ['99999999999999999999', 'too-large']
  ])('%s is refused: %s', (text, problem) => {
    expect(readAmount(text)).toEqual({ ok: false, problem });
  });

  it('scales by a unit of 万元 exactly', () => {
    expect(readAmount('0.01', 10_000)).toEqual({ ok: true, fen: 10000 });
  });
});

describe('splitTsv', () => {
  it('reads CRLF rows, quoted cells and drops blank rows', () => {
    expect(splitTsv('a\tb\r\n"x\ty"\t"say ""hi"""\r\n\r\n')).toEqual([
      ['a', 'b'],
      ['x\ty', 'say "hi"']
    ]);
  });
});

describe('parseStatementPaste', () => {
  it('label / value rows with one column per period and a heading row', () => {
    const r = parseStatementPaste(
      [
        '项目\t2025年\t2024年',
        '流动资产：\t\t',
        '货币资金\t1,200,000.00\t900,000.00',
        '应收账款\t300,000\t250,000',
        '流动资产合计\t5,000,000\t4,000,000',
        '流动负债合计\t2,500,000\t2,600,000',
        ''
      ].join('\r\n')
    );
    expect(r.problems).toEqual([]);
    expect(r.periods).toEqual([
      { label: '2025年', values: { cash: 120000000, currentAssets: 500000000, currentLiabilities: 250000000 } },
      { label: '2024年', values: { cash: 90000000, currentAssets: 400000000, currentLiabilities: 260000000 } }
    ]);
    expect(r.fields).toEqual(['cash', 'currentAssets', 'currentLiabilities']);
    expect(r.skipped).toEqual(['应收账款']);
  });

  it('one column of values, English labels, no heading', () => {
    const r = parseStatementPaste('Current assets\t1000\nInventory\t400\nTotal profit\t(50)\n');
    expect(r.periods).toEqual([{ label: null, values: { currentAssets: 100000, inventory: 40000, totalProfit: -5000 } }]);
  });

  it('transposed: labels across, one row per period', () => {
    const r = parseStatementPaste('期间\t流动资产\t流动负债\n本年\t1000\t500\n上年\t800\t400\n');
    expect(r.periods.map((p) => p.label)).toEqual(['本年', '上年']);
    expect(r.periods[1].values).toEqual({ currentAssets: 80000, currentLiabilities: 40000 });
  });

  it('a unit row scales every amount', () => {
    const r = parseStatementPaste('单位：万元\n流动资产\t12.5\n');
    expect(r.periods[0].values.currentAssets).toBe(12_500_000);
  });

  it('bad cells are listed with row, column, text and item; the rest is kept', () => {
    const r = parseStatementPaste('流动资产\t1000\t不详\n存货\t1.234\t300\n存货\t5\t5\n');
    expect(r.problems).toEqual([
      { kind: 'not-a-number', row: 1, column: 3, text: '不详', field: 'currentAssets' },
      { kind: 'too-many-decimals', row: 2, column: 2, text: '1.234', field: 'inventory' },
      { kind: 'duplicate', row: 3, column: 1, text: '存货', field: 'inventory' }
    ]);
    expect(r.periods[0].values).toEqual({ currentAssets: 100000 });
    expect(r.periods[1].values).toEqual({ inventory: 30000 });
  });

  it('nothing recognised says so', () => {
    expect(parseStatementPaste('hello\tworld\n').problems).toEqual([{ kind: 'nothing-recognised' }]);
  });
});
