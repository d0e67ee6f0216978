import { describe, expect, it } from 'vitest';
import { completeness, DEFAULT_REQUIRED_FIELDS, isEmail, PHONE_ANY, type RequiredFields } from './completeness';
import type { Customer } from './types';

const today = '2026-11-28';

function customer(fields: Partial<Customer>): Customer {
  return {
    id: 'c-1',
    deleted: 0,
    createdAt: 0,
    createdBy: 'p-1',
    updatedAt: 0,
    updatedBy: 'p-1',
    kind: 'unit',
    name: '',
    ...fields
  };
}

const completeUnit: Partial<Customer> = {
  kind: 'unit',
  name: '杭州顺达物流有限公司',
  creditCode: '91350100M000100Y43',
  industry: '物流',
  province: '浙江省',
  city: '杭州市',
  address: '文三路 90 号',
  mobile: '13800138000',
  managerId: 's-1',
  tier: 'A'
};

const completeIndividual: Partial<Customer> = {
  kind: 'individual',
  name: '张伟',
  mobile: '139 1234 5678',
  address: '人民路 1 号',
  managerId: 's-1',
  tier: 'B',
  ageBand: '35-44',
  occupation: '教师'
};

describe('completeness', () => {
  type Expected = { score: number; filled: number; total: number; missing: string[]; invalid: unknown[] };
  it.each<[string, Partial<Customer>, Expected]>([
    ['a complete unit', completeUnit, { score: 1, filled: 9, total: 9, missing: [], invalid: [] }],
    [
      'a unit with a landline instead of a mobile',
      { ...completeUnit, mobile: undefined, phone: '0571-88881234' },
      { score: 1, filled: 9, total: 9, missing: [], invalid: [] }
    ],
    ['a unit with no phone at all', { ...completeUnit, mobile: undefined }, { score: 8 / 9, filled: 8, total: 9, missing: [PHONE_ANY], invalid: [] }],
    [
      'a unit with only a bad mobile: not missing, invalid',
      { ...completeUnit, mobile: '1380013800' },
      { score: 8 / 9, filled: 8, total: 9, missing: [], invalid: [{ field: 'mobile', reason: 'phone.invalid' }] }
    ],
    [
      'a unit with a bad mobile and a landline: reachable, but the mobile is still flagged',
      { ...completeUnit, mobile: '1380013800', phone: '0571-88881234' },
      { score: 1, filled: 9, total: 9, missing: [], invalid: [{ field: 'mobile', reason: 'phone.invalid' }] }
    ],
    [
      'a unit with a mistyped credit code',
      { ...completeUnit, creditCode: '91350100M000100Y44' },
      {
        score: 8 / 9,
        filled: 8,
        total: 9,
        missing: [],
        invalid: [{ field: 'creditCode', reason: 'identity.checksum' }]
      }
    ],
    [
      'blanks count as missing, in requirement order',
      { ...completeUnit, industry: '  ', address: '', tier: undefined },
      { score: 6 / 9, filled: 6, total: 9, missing: ['industry', 'address', 'tier'], invalid: [] }
    ],
    [
      'an empty unit',
      { kind: 'unit', name: '' },
      {
        score: 0,
        filled: 0,
        total: 9,
        missing: DEFAULT_REQUIRED_FIELDS.unit.map(String),
        invalid: []
      }
    ],
    ['a complete individual', completeIndividual, { score: 1, filled: 7, total: 7, missing: [], invalid: [] }],
    [
      'an individual with a landline only: individuals need a mobile',
      { ...completeIndividual, mobile: undefined, phone: '0571-88881234' },
      { score: 6 / 7, filled: 6, total: 7, missing: ['mobile'], invalid: [] }
    ],
    [
      'optional fields are checked too',
      { ...completeIndividual, idNumber: '330106198802301232', email: 'zhang@' },
      {
        score: 1,
        filled: 7,
        total: 7,
        missing: [],
        invalid: [
          { field: 'idNumber', reason: 'identity.birthdate' },
          { field: 'email', reason: 'email.invalid' }
        ]
      }
    ],
    [
      'a valid identity number and email are fine',
      { ...completeIndividual, idNumber: '11010519491231002x', email: 'zhang.wei@example.com' },
      { score: 1, filled: 7, total: 7, missing: [], invalid: [] }
    ]
  ])('%s', (_label, fields, expected) => {
    expect(completeness(customer(fields), DEFAULT_REQUIRED_FIELDS, today)).toEqual(expected);
  });

  it('uses the required fields it is given, custom ones included', () => {
    const required: RequiredFields = { unit: ['name', 'x_contract', 'x_contract', 'tags'], individual: [] };
    expect(completeness(customer({ name: '顺达', x_contract: 'HT-001', tags: [] }), required, today)).toEqual({
      score: 2 / 3,
      filled: 2,
      total: 3,
      missing: ['tags'],
      invalid: []
    });
    expect(completeness(customer({ kind: 'individual', name: '张伟' }), required, today)).toEqual({
      score: 1,
      filled: 0,
      total: 0,
      missing: [],
      invalid: []
    });
  });

  it('never returns NaN, even for a kind it does not know', () => {
    const odd = customer({ kind: 'robot' as unknown as Customer['kind'], name: 'x' });
    const r = completeness(odd, DEFAULT_REQUIRED_FIELDS, today);
    expect(r.score).toBe(1);
    expect(r.total).toBe(0);
  });

  it('counts numbers and booleans as filled', () => {
    const required: RequiredFields = { unit: ['x_staff', 'x_vat', 'x_none'], individual: [] };
    const r = completeness(customer({ x_staff: 0, x_vat: false, x_none: Number.NaN }), required, today);
    expect(r).toMatchObject({ filled: 2, missing: ['x_none'] });
  });

  it('does not change the record', () => {
    const c = customer({ ...completeUnit, creditCode: ' 91350100m000100y43 ' });
    const before = structuredClone(c);
    expect(completeness(c, DEFAULT_REQUIRED_FIELDS, today).score).toBe(1);
    expect(c).toEqual(before);
  });
});

describe('isEmail', () => {
  it.each([
    ['zhang.wei@example.com', true],
    [' sales@shunda.com.cn ', true],
    ['12345@qq.com', true],
    ['zhang@', false],
    ['zhang@example', false],
    ['zhang wei@example.com', false],
    ['@example.com', false],
    ['', false]
  ])('%s → %s', (input, expected) => {
    expect(isEmail(input)).toBe(expected);
  });
});
