import { describe, expect, it } from 'vitest';
import type { CustomColumn } from '$lib/domain/records/types';
import { applySaved, autoMap, layoutKey, normalizeHeader } from './mapping';

const target = (table: string, headers: string[], custom: CustomColumn[] = []) =>
  autoMap(table, headers, custom).map((m) =>
    m.target.kind === 'field' || m.target.kind === 'linkId' ? `${m.target.kind}:${m.target.field}` : m.target.kind
  );

describe('autoMap', () => {
  it.each([
    [
      ['客户名称', '手机号码', '联系电话', '详细地址', '客户经理', '备注'],
      ['field:name', 'field:mobile', 'field:phone', 'field:address', 'field:managerId', 'field:notes']
    ],
    [
      ['单位名称', '统一社会信用代码', '税号'],
      ['field:name', 'field:creditCode', 'new']
    ],
    [
      ['Name', 'Mobile Phone', 'E-mail', 'Tier', 'Account Manager'],
      ['field:name', 'field:mobile', 'field:email', 'field:tier', 'field:managerId']
    ],
    [
      ['名称 *', '手机（必填）', 'ＴＥＬ'],
      ['field:name', 'field:mobile', 'field:phone']
    ],
    [
      ['序号', '名称', '积分'],
      ['skip', 'field:name', 'new']
    ],
    [
      ['名称', 'kebu:managerId', 'kebu:id'],
      ['field:name', 'linkId:managerId', 'id']
    ]
  ])('%j → %j', (headers, expected) => {
    expect(target('customers', headers)).toEqual(expected);
  });

  it('takes each field once, and knows custom columns and other tables', () => {
    expect(target('customers', ['名称', '客户名称'])).toEqual(['field:name', 'new']);
    const custom = [{ id: 'k1', table: 'customers', label: '积分', type: 'number', order: 1, deleted: 0 } as CustomColumn];
    expect(target('customers', ['积分'], custom)).toEqual(['field:x_k1']);
    expect(target('staff', ['姓名', '手机', '在职'])).toEqual(['field:name', 'field:mobile', 'field:active']);
    expect(target('contacts', ['客户名称', '联系人', '职务'])).toEqual(['field:customerId', 'field:name', 'field:title']);
  });

  it('normalises headers', () => {
    expect(normalizeHeader(' 手机 号码（必填）* ')).toBe('手机号码');
    expect(normalizeHeader('E-Mail')).toBe('email');
  });
});

describe('remembered mappings', () => {
  it('names a layout by its headers, whatever their spelling', () => {
    expect(layoutKey('customers', ['客户名称', '手机'])).toBe(layoutKey('customers', [' 客户名称 ', '手机']));
    expect(layoutKey('customers', ['客户名称', '手机'])).not.toBe(layoutKey('staff', ['客户名称', '手机']));
    expect(layoutKey('customers', ['a'])).toMatch(/^importMapping\.customers\.[0-9a-f]{8}$/);
  });

  it('applies what is still possible', () => {
    const suggested = autoMap('customers', ['客户名称', '联系人', '积分'], []);
    const custom = [{ id: 'k1', table: 'customers', label: '积分', type: 'number', order: 1, deleted: 0 } as CustomColumn];
    const applied = applySaved(
      'customers',
      suggested,
      {
        headers: ['客户名称', '联系人', '积分'],
        targets: [{ kind: 'field', field: 'shortName' }, { kind: 'skip' }, { kind: 'new', label: '积分', type: 'number' }]
      },
      custom
    );
    expect(applied.map((m) => m.target)).toEqual([{ kind: 'field', field: 'shortName' }, { kind: 'skip' }, { kind: 'field', field: 'x_k1' }]);
    // a target that no longer exists keeps the suggestion
    const gone = applySaved('customers', suggested, { headers: ['客户名称'], targets: [{ kind: 'field', field: 'x_gone' }] }, []);
    expect(gone[0].target).toEqual({ kind: 'field', field: 'name' });
  });
});

describe('autoMap by values', () => {
  const kind: import('$lib/domain/cells').CellSpec = {
    type: 'choice',
    options: ['unit', 'individual'],
    labels: { unit: '单位', individual: '个人' }
  };
  const stage: import('$lib/domain/cells').CellSpec = {
    type: 'choice',
    options: ['first-contact', 'initial', 'complete'],
    labels: { 'first-contact': '初次接触', initial: '初级档案', complete: '完整档案' }
  };
  const specs = (f: string) => (f === 'kind' ? [kind] : f === 'stage' ? [stage] : []);
  const map = (header: string[], rows: string[][]) => autoMap('customers', header, [], null, { rows, specs }).map((m) => m.target);

  it.each([
    // the field's own words (or their synonyms) keep the header's field
    [['类型'], [['个人'], ['企业'], ['公司']], { kind: 'field', field: 'kind' }],
    [['阶段'], [['初次接触'], ['初级档案'], ['报价中']], { kind: 'field', field: 'stage' }],
    // another system's words: a choice column of its own
    [
      ['阶段'],
      [['意向客户'], ['报价中'], ['初次接触'], ['报价中']],
      { kind: 'new', label: '阶段', type: 'choice', options: ['意向客户', '报价中', '初次接触'] }
    ],
    // contact person columns of a customers file
    [['联系人'], [['王五']], { kind: 'contact', field: 'name' }],
    [['联系人手机'], [['13800138000']], { kind: 'contact', field: 'mobile' }],
    // an unknown column gets the type of its values
    [['成交金额'], [['1.2万'], ['¥3,000.00']], { kind: 'new', label: '成交金额', type: 'money' }],
    [['最近联系'], [['2026年3月5日'], ['2026/03/06']], { kind: 'new', label: '最近联系', type: 'date' }]
  ])('%j %j → %j', (header, rows, expected) => {
    expect(map(header, rows)[0]).toEqual(expected);
  });

  it('a contact column of another table is not a contact target', () => {
    expect(autoMap('staff', ['联系人'], [])[0].target.kind).toBe('new');
  });
});
