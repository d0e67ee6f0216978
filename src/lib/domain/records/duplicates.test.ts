import { describe, expect, it } from 'vitest';
import { duplicatesOf, findDuplicateGroups, type DuplicateCandidate } from './duplicates';

let next = 0;
function c(fields: Partial<DuplicateCandidate>): DuplicateCandidate {
  next++;
  return { id: `c${next}`, name: '', deleted: 0, ...fields };
}

describe('findDuplicateGroups', () => {
  it.each<[string, Partial<DuplicateCandidate>[], { ids: number[]; reasons: string[] }[]]>([
    ['name with and without 有限公司', [{ name: '杭州顺达物流有限公司' }, { name: '杭州顺达物流' }], [{ ids: [0, 1], reasons: ['name'] }]],
    [
      'name with other suffixes',
      [{ name: '杭州顺达物流股份有限公司' }, { name: '杭州顺达物流有限责任公司' }, { name: '杭州顺达物流公司' }],
      [{ ids: [0, 1, 2], reasons: ['name'] }]
    ],
    ['bracketed place', [{ name: '华润（北京）有限公司' }, { name: '华润北京' }], [{ ids: [0, 1], reasons: ['name'] }]],
    ['full-width and spaces', [{ name: 'ＡＢＣ 贸易' }, { name: 'abc贸易' }], [{ ids: [0, 1], reasons: ['name'] }]],
    ['similar is not the same', [{ name: '顺达物流' }, { name: '顺达快递' }], []],
    ['a branch is not its head office', [{ name: '顺达物流有限公司' }, { name: '顺达物流有限公司上海分公司' }], []],
    [
      'credit code, case, spaces and full-width digits',
      [
        { name: '甲', creditCode: '91350100M000100Y43' },
        { name: '乙', creditCode: '91350100m000100y43' },
        { name: '丙', creditCode: '９１３５０１００Ｍ０００１００Ｙ４３' },
        { name: '丁', creditCode: '9135 0100 M000 100Y 43' }
      ],
      [{ ids: [0, 1, 2, 3], reasons: ['code'] }]
    ],
    [
      'mobile with +86, 0086, 86, dashes and full-width digits',
      [
        { name: '甲', mobile: '13800138000' },
        { name: '乙', mobile: '+86 138-0013-8000' },
        { name: '丙', mobile: '0086 13800138000' },
        { name: '丁', mobile: '8613800138000' },
        { name: '戊', mobile: '１３８００１３８０００' }
      ],
      [{ ids: [0, 1, 2, 3, 4], reasons: ['mobile'] }]
    ],
    [
      'landlines and invalid mobiles do not join',
      [
        { name: '甲', mobile: '0571-88881234' },
        { name: '乙', mobile: '0571 8888 1234' },
        { name: '丙', mobile: '12345' },
        { name: '丁', mobile: '12345' }
      ],
      []
    ],
    [
      'empty keys do not join',
      [
        { name: '', creditCode: '', mobile: '' },
        { name: '  ', creditCode: ' ', mobile: '' }
      ],
      []
    ],
    [
      'transitive: code links 0–1, name links 1–2',
      [
        { name: '甲公司', creditCode: '91350100M000100Y43' },
        { name: '乙', creditCode: '91350100M000100Y43' },
        { name: '乙有限公司' },
        { name: '无关' }
      ],
      [{ ids: [0, 1, 2], reasons: ['code', 'name'] }]
    ],
    [
      'two groups in input order',
      [{ name: 'B' }, { name: 'A' }, { name: 'A' }, { name: 'B' }, { name: 'C', mobile: '13900000000' }, { name: 'D', mobile: '139 0000 0000' }],
      [
        { ids: [0, 3], reasons: ['name'] },
        { ids: [1, 2], reasons: ['name'] },
        { ids: [4, 5], reasons: ['mobile'] }
      ]
    ],
    ['deleted records are left out', [{ name: '顺达' }, { name: '顺达', deleted: 1 }, { name: '恒通', deleted: 1 }, { name: '恒通' }], []]
  ])('%s', (_label, rows, expected) => {
    const records = rows.map(c);
    expect(findDuplicateGroups(records)).toEqual(expected.map((g) => ({ ids: g.ids.map((i) => records[i].id), reasons: g.reasons })));
  });

  it('handles a large workspace with few duplicates', () => {
    const records: DuplicateCandidate[] = [];
    for (let i = 0; i < 20_000; i++) {
      records.push({ id: `c${i}`, name: `客户${i}有限公司`, mobile: `139${String(i).padStart(8, '0')}`, deleted: 0 });
    }
    records.push({ id: 'dup', name: '客户123', deleted: 0 });
    expect(findDuplicateGroups(records)).toEqual([{ ids: ['c123', 'dup'], reasons: ['name'] }]);
  });
});

describe('duplicatesOf', () => {
  const all = [
    c({ id: 'a', name: '杭州顺达物流有限公司', creditCode: '91350100M000100Y43', mobile: '13800138000' }),
    c({ id: 'b', name: '杭州顺达物流', mobile: '+86 13800138000' }),
    c({ id: 'c', name: '顺达物流', creditCode: '91350100m000100y43' }),
    c({ id: 'd', name: '杭州顺达物流', deleted: 1 }),
    c({ id: 'e', name: '顺达快递', mobile: '13900139000' })
  ];

  it.each([
    [
      'a',
      [
        { id: 'b', reasons: ['mobile', 'name'] },
        { id: 'c', reasons: ['code'] }
      ]
    ],
    ['b', [{ id: 'a', reasons: ['mobile', 'name'] }]],
    ['c', [{ id: 'a', reasons: ['code'] }]],
    ['e', []]
  ])('%s', (id, expected) => {
    const me = all.find((x) => x.id === id)!;
    expect(duplicatesOf(me, all)).toEqual(expected);
  });

  it('works for a record that is not saved yet', () => {
    expect(duplicatesOf({ id: 'new', name: '杭州顺达物流股份有限公司', deleted: 0 }, all)).toEqual([
      { id: 'a', reasons: ['name'] },
      { id: 'b', reasons: ['name'] }
    ]);
  });
});
