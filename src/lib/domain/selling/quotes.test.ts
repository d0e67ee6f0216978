import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diffRevisions, quoteTotals, type QuoteInput } from './quotes';

const totals = (q: QuoteInput) => {
  const r = quoteTotals(q);
  if (!r.ok) throw new Error(r.problems.map((p) => p.message).join('; '));
  return r.value;
};

describe('quote totals', () => {
  it.each<[string, QuoteInput, number[], { subtotal: number; net: number; tax: number; total: number }]>([
    ['no discount, no tax', { lines: [{ quantity: '2', unitPriceFen: 150 }] }, [300], { subtotal: 300, net: 300, tax: 0, total: 300 }],
    ['a half fen on a line rounds up', { lines: [{ quantity: '0.5', unitPriceFen: 1 }] }, [1], { subtotal: 1, net: 1, tax: 0, total: 1 }],
    ['just under a half rounds down', { lines: [{ quantity: '0.499', unitPriceFen: 1 }] }, [0], { subtotal: 0, net: 0, tax: 0, total: 0 }],
    [
      'a decimal discount',
      { lines: [{ quantity: '1', unitPriceFen: 1000, discountPercent: 33.3 }] },
      [667],
      { subtotal: 667, net: 667, tax: 0, total: 667 }
    ],
    ['a 100 % discount', { lines: [{ quantity: '3', unitPriceFen: 999, discountPercent: 100 }] }, [0], { subtotal: 0, net: 0, tax: 0, total: 0 }],
    [
      'tax on the net after the header discount, half up',
      { lines: [{ quantity: '1', unitPriceFen: 150 }], headerDiscountFen: 100, taxRatePercent: 13 },
      [150],
      { subtotal: 150, net: 50, tax: 7, total: 57 }
    ],
    [
      'a header discount equal to the subtotal',
      { lines: [{ quantity: '1', unitPriceFen: 150 }], headerDiscountFen: 150, taxRatePercent: 13 },
      [150],
      { subtotal: 150, net: 0, tax: 0, total: 0 }
    ],
    ['a quantity as a number', { lines: [{ quantity: 12.5, unitPriceFen: 799 }] }, [9988], { subtotal: 9988, net: 9988, tax: 0, total: 9988 }],
    ['no lines', { lines: [] }, [], { subtotal: 0, net: 0, tax: 0, total: 0 }]
  ])('%s', (_n, q, lines, e) => {
    const t = totals(q);
    expect(t.lines.map((l) => l.amountFen)).toEqual(lines);
    expect([t.subtotalFen, t.netFen, t.taxFen, t.totalFen]).toEqual([e.subtotal, e.net, e.tax, e.total]);
  });

  it('loses no fen over 100 lines: each line rounds once, the subtotal is their exact sum', () => {
    // each line is 0.5 fen before rounding: 100 lines are 100 fen, not 50 and not 0
    const lines = Array.from({ length: 100 }, () => ({ quantity: '0.5', unitPriceFen: 1 }));
    const t = totals({ lines, taxRatePercent: 13 });
    expect(t.subtotalFen).toBe(100);
    expect(t.taxFen).toBe(13);
    expect(t.totalFen).toBe(113);
    // 100 different lines: the subtotal equals the sum of the rounded lines to the fen
    const mixed = Array.from({ length: 100 }, (_, i) => ({ quantity: `${i}.${(i * 7) % 1000}`, unitPriceFen: 1 + i * 37, discountPercent: i % 17 }));
    const m = totals({ lines: mixed, headerDiscountFen: 1234, taxRatePercent: 6 });
    expect(m.subtotalFen).toBe(m.lines.reduce((s, l) => s + l.amountFen, 0));
    expect(m.totalFen).toBe(m.subtotalFen - 1234 + m.taxFen);
  });

  it('says how each line was computed', () => {
    expect(totals({ lines: [{ quantity: '12.5', unitPriceFen: 799 }] }).lines[0].reason).toBe('12.5 × 799 × (100 − 0)% = 9987.5 → 9988');
  });

  it('law: total = Σ line amounts − header discount + tax, each line within half a fen of exact', () => {
    const line = fc.record({
      quantity: fc.tuple(fc.nat(10_000), fc.nat(999)).map(([w, f]) => `${w}.${String(f).padStart(3, '0')}`),
      unitPriceFen: fc.nat(10_000_000),
      discountPercent: fc.integer({ min: 0, max: 100 })
    });
    fc.assert(
      fc.property(fc.array(line, { maxLength: 30 }), fc.nat(1000), fc.integer({ min: 0, max: 20 }), (lines, disc, tax) => {
        const r = quoteTotals({ lines, headerDiscountFen: disc, taxRatePercent: tax });
        if (!r.ok) {
          expect(r.problems.map((p) => p.code)).toEqual(['discount-exceeds-subtotal']);
          expect(disc).toBeGreaterThan(totals({ lines }).subtotalFen);
          return;
        }
        const t = r.value;
        expect(t.subtotalFen).toBe(t.lines.reduce((s, l) => s + l.amountFen, 0));
        expect(t.totalFen).toBe(t.subtotalFen - disc + t.taxFen);
        lines.forEach((l, i) => {
          const exact = (Number(l.quantity) * l.unitPriceFen * (100 - l.discountPercent)) / 100;
          expect(Math.abs(t.lines[i].amountFen - exact)).toBeLessThanOrEqual(0.5 + 1e-6 * exact);
        });
      })
    );
  });
});

describe('hostile quotes: a typed problem, never a partial result', () => {
  it.each<[string, QuoteInput, string[]]>([
    ['a discount over 100 %', { lines: [{ quantity: '1', unitPriceFen: 100, discountPercent: 101 }] }, ['percent-out-of-range']],
    ['a negative discount', { lines: [{ quantity: '1', unitPriceFen: 100, discountPercent: -5 }] }, ['percent-out-of-range']],
    ['a negative quantity', { lines: [{ quantity: '-2', unitPriceFen: 100 }] }, ['negative-quantity']],
    ['a quantity with an exponent', { lines: [{ quantity: '1e3', unitPriceFen: 100 }] }, ['not-a-quantity']],
    ['a quantity with a comma', { lines: [{ quantity: '1,5', unitPriceFen: 100 }] }, ['not-a-quantity']],
    ['a malformed amount', { lines: [{ quantity: '1', unitPriceFen: 10.5 }] }, ['not-an-amount']],
    ['a negative price', { lines: [{ quantity: '1', unitPriceFen: -1 }] }, ['negative-amount']],
    ['a price that is a string', { lines: [{ quantity: '1', unitPriceFen: '100' as unknown as number }] }, ['not-an-amount']],
    ['a tax rate of 150', { lines: [{ quantity: '1', unitPriceFen: 100 }], taxRatePercent: 150 }, ['percent-out-of-range']],
    ['NaN as a discount', { lines: [{ quantity: '1', unitPriceFen: 100, discountPercent: Number.NaN }] }, ['percent-out-of-range']],
    [
      'a header discount above the subtotal',
      { lines: [{ quantity: '1', unitPriceFen: 100 }], headerDiscountFen: 101 },
      ['discount-exceeds-subtotal']
    ],
    [
      'every problem at once, each with its line',
      {
        lines: [
          { quantity: '-1', unitPriceFen: 1 },
          { quantity: '1', unitPriceFen: 1, discountPercent: 120 }
        ],
        headerDiscountFen: -3
      },
      ['negative-quantity', 'percent-out-of-range', 'negative-amount']
    ],
    ['a total past 2^53 fen', { lines: [{ quantity: '1000000', unitPriceFen: Number.MAX_SAFE_INTEGER }] }, ['not-an-amount']]
  ])('%s', (_n, q, codes) => {
    const r = quoteTotals(q);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems.map((p) => p.code)).toEqual(codes);
    expect(r).not.toHaveProperty('value');
  });

  it('names the field in the message', () => {
    const r = quoteTotals({
      lines: [
        { quantity: '1', unitPriceFen: 1 },
        { quantity: '1', unitPriceFen: 1, discountPercent: 120 }
      ]
    });
    expect(r.ok ? [] : r.problems.map((p) => p.message)).toEqual(['lines[1].discountPercent: a percentage must be between 0 and 100 (got 120)']);
  });
});

describe('quote revisions compared line by line', () => {
  const r1: QuoteInput = {
    lines: [
      { key: 'pump', product: 'Pump', quantity: '2', unitPriceFen: 10000 },
      { key: 'pipe', product: 'Pipe', quantity: '10', unitPriceFen: 500 },
      { key: 'valve', product: 'Valve', quantity: '1', unitPriceFen: 3000 }
    ],
    taxRatePercent: 13
  };
  const r2: QuoteInput = {
    lines: [
      { key: 'pump', product: 'Pump', quantity: '2.0', unitPriceFen: 10000, discountPercent: 10 },
      { key: 'pipe', product: 'Pipe', quantity: '10', unitPriceFen: 500 },
      { key: 'seal', product: 'Seal', quantity: '4', unitPriceFen: 250 }
    ],
    taxRatePercent: 13
  };

  it('lists changed, same, added and removed lines with their deltas', () => {
    const d = diffRevisions(r1, r2);
    if (!d.ok) throw new Error('refused');
    expect(d.value.lines.map((l) => [l.key, l.status, l.amountDeltaFen])).toEqual([
      ['pump', 'changed', -2000],
      ['pipe', 'same', 0],
      ['seal', 'added', 1000],
      ['valve', 'removed', -3000]
    ]);
    expect(d.value.lines[0].changes).toEqual([
      { field: 'discountPercent', before: 0, after: 10 },
      { field: 'amountFen', before: 20000, after: 18000 }
    ]);
    expect(d.value.subtotalDeltaFen).toBe(-4000);
    expect(d.value.totalDeltaFen).toBe(totals(r2).totalFen - totals(r1).totalFen);
  });

  it('matches lines by position when they have no key, and compares a revision with itself as all same', () => {
    const plain = { lines: r1.lines.map(({ key: _k, ...l }) => l) };
    const d = diffRevisions(plain, plain);
    expect(d.ok && d.value.lines.map((l) => [l.key, l.status])).toEqual([
      ['#1', 'same'],
      ['#2', 'same'],
      ['#3', 'same']
    ]);
  });

  it('refuses a revision with a hostile line or a key twice', () => {
    const bad = diffRevisions(r1, { lines: [{ quantity: '1', unitPriceFen: 1, discountPercent: 150 }] });
    expect(bad.ok ? [] : bad.problems.map((p) => p.code)).toEqual(['percent-out-of-range']);
    const twice = diffRevisions(r1, { lines: [r1.lines[0], r1.lines[0]] });
    expect(twice.ok ? [] : twice.problems.map((p) => p.code)).toEqual(['duplicate-id']);
  });
});
