import { describe, expect, it } from 'vitest';
import { IoError } from '$lib/io/errors';
import { describeIoError } from './describe';

describe('describeIoError', () => {
  it('a refused value names its table, its field and its real problem, in both languages', () => {
    const err = new IoError('io.error.writeField', { problem: 'cell.error.notText', table: 'customers', field: 'name' });
    expect(describeIoError('zh-CN', err)).toBe('保存失败，没有写入任何数据：客户档案的“名称”：应为文字，不能是数字或其他类型的值。');
    expect(describeIoError('en', err)).toBe(
      'Saving failed; nothing was written: “Name” of Customers: Must be text, not a number or another kind of value.'
    );
  });

  it('a custom column is named by its key; a table without a label by its name', () => {
    const err = new IoError('io.error.writeField', { problem: 'cell.error.number', table: 'savedViews', field: 'x_c1' });
    expect(describeIoError('en', err)).toBe('Saving failed; nothing was written: “x_c1” of savedViews: Enter a number, e.g. 12 or 3.5.');
  });
});
