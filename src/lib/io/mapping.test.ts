import { describe, expect, it } from 'vitest';
import type { CustomColumn } from '$lib/domain/records/types';
import { applySaved, autoMap, layoutKey, normalizeHeader } from './mapping';

const target = (table: string, headers: string[], custom: CustomColumn[] = []) =>
  autoMap(table, headers, custom).map((m) => (m.target.kind === 'field' || m.target.kind === 'linkId' ? `${m.target.kind}:${m.target.field}` : m.target.kind));

describe('autoMap', () => {
  it.each([
    [['客户名称', '手机号码', '联系电话', '详细地址', '客户经理', '备注'], ['field:name', 'field:mobile', 'field:phone', 'field:address', 'field:managerId', 'field:notes']],
    [['单位名称', '统一社会信用代码', '税号'], ['field:name', 'field:creditCode', 'new']],
    [['Name', 'Mobile Phone', 'E-mail', 'Tier', 'Account Manager'], ['field:name', 'field:mobile', 'field:email', 'field:tier', 'field:managerId']],
    [['名称 *', '手机（必填）', 'ＴＥＬ'], ['field:name', 'field:mobile', 'field:phone']],
    [['序号', '名称', '积分'], ['skip', 'field:name', 'new']],
    [['名称', 'kebu:managerId', 'kebu:id'], ['field:name', 'linkId:managerId', 'id']]
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
    expect(applied.map((m) => m.target)).toEqual([
      { kind: 'field', field: 'shortName' },
      { kind: 'skip' },
      { kind: 'field', field: 'x_k1' }
    ]);
    // a target that no longer exists keeps the suggestion
    const gone = applySaved('customers', suggested, { headers: ['客户名称'], targets: [{ kind: 'field', field: 'x_gone' }] }, []);
    expect(gone[0].target).toEqual({ kind: 'field', field: 'name' });
  });
});
