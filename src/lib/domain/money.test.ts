import { describe, expect, it } from 'vitest';
import { fenFromYuan, formatYuan, parseYuan, roundToFen, yuanFromFen, yuanText } from './money';

describe('fen ↔ yuan', () => {
  it.each([
    [123456, '1,234.56', '1234.56'],
    [-50, '-0.50', '-0.50'],
    [0, '0.00', '0.00'],
    [7, '0.07', '0.07'],
    [Number.MAX_SAFE_INTEGER, '90,071,992,547,409.91', '90071992547409.91']
  ])('%i fen reads %s, and %s in an input', (fen, shown, plain) => {
    expect(formatYuan(fen)).toBe(shown);
    expect(yuanText(fen)).toBe(plain);
    expect(parseYuan(shown)).toBe(fen);
    expect(parseYuan(plain)).toBe(fen);
  });

  it('never shows NaN', () => {
    expect(formatYuan(Number.NaN)).toBe('');
    expect(yuanText(Number.POSITIVE_INFINITY)).toBe('');
  });

  it.each([
    [1234.56, 123456],
    [0.1 + 0.2, 30],
    [-0, 0],
    [1.005, null],
    [Number.NaN, null],
    [1e20, null]
  ])('fenFromYuan(%d) is %s', (yuan, want) => expect(fenFromYuan(yuan)).toBe(want));

  it.each([
    [1.005, 100],
    [12.345, 1235],
    [-0.001, 0],
    [Number.NaN, null]
  ])('roundToFen(%d) is %s', (yuan, want) => expect(roundToFen(yuan)).toBe(want));

  it('gives yuan as a number', () => expect(yuanFromFen(123456)).toBe(1234.56));
});
