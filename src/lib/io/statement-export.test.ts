import { describe, expect, it } from 'vitest';
import { statementSheet } from './statement-export';

describe('statementSheet', () => {
  const sheet = statementSheet({
    sheetName: '对账单',
    fileName: 'x.xlsx',
    title: '杭州顺达 对账单 2026-01-01 ~ 2026-04-30',
    headers: { date: '日期', description: '摘要', invoice: '发票', due: '到期', debit: '借方', credit: '贷方', balance: '余额' },
    lines: [
      { date: '2026-01-01', description: '期初余额', debit: 0, credit: 0, balance: 0 },
      { date: '2026-03-01', description: '发货 FP001', invoice: 'FP001', due: '2026-03-31', debit: 5_000_001, credit: 0, balance: 5_000_001 },
      { date: '2026-04-30', description: '回款', debit: 0, credit: 5_000_002, balance: -1 }
    ]
  });
  const col = (k: string) => sheet.columns.find((c) => c.key === k)!;

  it('has a title row, then the lines', () => {
    expect(sheet.rows).toHaveLength(4);
    expect(col('description').value(sheet.rows[0])).toBe('杭州顺达 对账单 2026-01-01 ~ 2026-04-30');
    expect(col('balance').value(sheet.rows[0])).toBe(null);
  });

  it.each([
    ['debit', 2, 50_000.01, '50000.01'],
    ['credit', 3, 50_000.02, '50000.02'],
    ['balance', 3, -0.01, '-0.01']
  ])('money %s in yuan, exactly', (key, row, value, text) => {
    expect(col(key).value(sheet.rows[row])).toBe(value);
    expect(col(key).text(sheet.rows[row])).toBe(text);
    expect(col(key).numFmt).toBe('#,##0.00');
  });

  it('dates are date cells; a missing one is empty', () => {
    expect(col('due').value(sheet.rows[2])).toEqual(new Date(Date.UTC(2026, 2, 31)));
    expect(col('due').value(sheet.rows[3])).toBe(null);
    expect(col('date').numFmt).toBe('yyyy-mm-dd');
  });
});
