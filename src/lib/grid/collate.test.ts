import { describe, expect, it } from 'vitest';
import { rankValues, sortedDistinct } from './collate';

const collator = new Intl.Collator('zh-CN', { numeric: true });

function seeded(seed: number) {
  let s = seed;
  return () => {
    s = (s * 16807) % 2147483647;
    return s / 2147483647;
  };
}

const HAN = '杭州顺达物流河北石油天津华为上海中兴广州腾讯北京百度深圳重庆长沙银行行业阿啊吖';
const MIXED = ['Apple', 'apple', '10号店', '9号店', '（北京）分公司', 'ABC有限公司', '', ' ', 'zz', '123'];

describe('sortedDistinct', () => {
  it('matches the collator on random ideograph strings', () => {
    for (const seed of [1, 2, 3, 42]) {
      const rnd = seeded(seed);
      const values: string[] = [];
      for (let i = 0; i < 3000; i++) {
        let v = '';
        const len = 1 + Math.floor(rnd() * 6);
        for (let j = 0; j < len; j++) v += HAN[Math.floor(rnd() * HAN.length)];
        values.push(v);
      }
      const expected = Array.from(new Set(values)).sort(collator.compare);
      expect(sortedDistinct(values, collator)).toEqual(expected);
    }
  });

  it('merges mixed strings in collator order', () => {
    const values = [...MIXED, '河北', '河北石油', '杭州', '阿里', '北京'];
    const out = sortedDistinct(values, collator);
    for (let i = 1; i < out.length; i++) expect(collator.compare(out[i - 1], out[i])).toBeLessThanOrEqual(0);
    expect(new Set(out)).toEqual(new Set(values));
  });

  it('handles tiny inputs', () => {
    expect(sortedDistinct([], collator)).toEqual([]);
    expect(sortedDistinct(['河'], collator)).toEqual(['河']);
    expect(sortedDistinct(['b', 'a', 'b'], collator)).toEqual(['a', 'b']);
  });
});

describe('rankValues', () => {
  it('ranks in pinyin order with numeric digits', () => {
    const ranks = rankValues(['北京', '阿里', '重庆', '10', '9'], collator);
    const order = [...ranks.entries()].sort((a, b) => a[1] - b[1]).map((e) => e[0]);
    expect(order).toEqual(['9', '10', '阿里', '北京', '重庆']);
  });
});
