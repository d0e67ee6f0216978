/**
 * Exact decimal arithmetic for quantities and percentages. A decimal is `units / 10^scale` with
 * `units` a BigInt, so "12.5" × 799 fen is 9987.5 fen exactly, never 9987.499999. Rounding happens
 * only where the selling rules say (shared/fixtures/selling/README.md), always half up: 0.5 fen →
 * 1 fen. Amounts in these rules are never negative (the checks refuse it), so "half up" and "half
 * away from zero" agree; `roundHalfUp` still rounds towards +∞ on a negative exact half.
 */

export interface Decimal {
  units: bigint;
  scale: number;
}

const DECIMAL = /^([-+]?)(\d+)(?:\.(\d+))?$/;
/** More decimals than this is not a quantity a person typed. */
export const MAX_SCALE = 12;

/** `"12.5"` → 125 / 10^1; null for anything else (no exponent, no thousands separators). */
export function parseDecimal(text: string): Decimal | null {
  const m = DECIMAL.exec(text);
  if (!m) return null;
  const frac = m[3] ?? '';
  if (frac.length > MAX_SCALE || m[2].length > 20) return null;
  const units = BigInt(m[2] + frac);
  return { units: m[1] === '-' ? -units : units, scale: frac.length };
}

export const pow10 = (n: number): bigint => 10n ** BigInt(n);

/** ⌊n / d + 1/2⌋ for d > 0: the nearest integer, halves up. */
export function roundHalfUp(n: bigint, d: bigint): bigint {
  const q = (2n * n + d) / (2n * d);
  // BigInt division truncates towards zero: correct it to a floor for negative numerators.
  return (2n * n + d) % (2n * d) < 0n ? q - 1n : q;
}

/** `fen × percent / 100`, rounded half up to a whole fen. */
export function percentOfFen(fen: number | bigint, percent: Decimal): bigint {
  return roundHalfUp(BigInt(fen) * percent.units, 100n * pow10(percent.scale));
}

/** A BigInt back to a number of fen; throws past 2^53 − 1 (the caller checked the range). */
export function toFen(v: bigint): number {
  const n = Number(v);
  if (!Number.isSafeInteger(n)) throw new RangeError(`amount out of range: ${v} fen`);
  return n;
}

/** `a < b` for two decimals, exactly. */
export function lessThan(a: Decimal, b: Decimal): boolean {
  const s = Math.max(a.scale, b.scale);
  return a.units * pow10(s - a.scale) < b.units * pow10(s - b.scale);
}

export const decimalText = (d: Decimal): string => {
  const neg = d.units < 0n;
  const digits = (neg ? -d.units : d.units).toString().padStart(d.scale + 1, '0');
  const text = d.scale === 0 ? digits : `${digits.slice(0, -d.scale)}.${digits.slice(-d.scale)}`;
  return neg ? `-${text}` : text;
};
