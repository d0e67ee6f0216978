import { describe, expect, it } from 'vitest';
import { formatFen, formatNumber, formatRatio, formulaText } from './format';

describe('credit numbers on screen: never NaN, Infinity or a silent 0', () => {
  it.each<[number | null | undefined, string]>([
    [null, '—'],
    [undefined, '—'],
    [NaN, '—'],
    [Infinity, '—'],
    [2, '2.00'],
    [1.23456, '1.23']
  ])('current ratio %s → %s', (v, text) => {
    expect(formatRatio('currentRatio', v)).toBe(text);
  });
  it('shares are percents', () => {
    expect(formatRatio('debtToAssets', 0.33333)).toBe('33.33%');
    expect(formatRatio('grossMargin', -0.5)).toBe('-50.00%');
  });
  it('figures to four decimals; fen (even half a fen) in 元', () => {
    expect(formatNumber(2.483333333)).toBe('2.4833');
    expect(formatNumber(-Infinity)).toBe('—');
    expect(formatFen(425_000_000)).toBe('4,250,000.00');
    expect(formatFen(101.5)).toBe('1.02');
    expect(formatFen(null)).toBe('—');
  });
  it('formulas read with labels', () => {
    expect(
      formulaText('(currentAssets - inventory) / currentLiabilities', (id) => ({ currentAssets: '流动资产', inventory: '存货' })[id] ?? null)
    ).toBe('(流动资产 - 存货) / currentLiabilities');
  });
});
