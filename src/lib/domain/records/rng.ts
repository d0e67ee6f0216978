/**
 * Seeded pseudo-random numbers for generated data and randomised tests (STYLE.md: random
 * operations, fixed seeds, a failing seed printed so it can be replayed). mulberry32: a tiny, fast
 * 32-bit generator with a period of 2^32; good for test data, never for secrets or ids that must
 * be unguessable.
 */

export interface Rng {
  /** uniform in [0, 1) */
  next(): number;
  /** uniform 32-bit unsigned integer */
  uint32(): number;
  /** uniform integer in [min, max], both included */
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  chance(probability: number): boolean;
  /** one of `items`, each as likely as its weight */
  weighted<T>(items: readonly (readonly [T, number])[]): T;
}

/** A generator for `seed` (any number; only its low 32 bits count). */
export function createRng(seed: number): Rng {
  let state = seed >>> 0;
  const uint32 = (): number => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return (t ^ (t >>> 14)) >>> 0;
  };
  const next = (): number => uint32() / 4294967296;
  return {
    next,
    uint32,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick<T>(items: readonly T[]): T {
      if (items.length === 0) throw new RangeError('pick from an empty list');
      return items[Math.floor(next() * items.length)];
    },
    chance: (probability) => next() < probability,
    weighted<T>(items: readonly (readonly [T, number])[]): T {
      let total = 0;
      for (const item of items) total += item[1];
      let r = next() * total;
      for (const item of items) {
        r -= item[1];
        if (r < 0) return item[0];
      }
      return items[items.length - 1][0];
    }
  };
}

/** murmur3's finaliser: a bijection on 32-bit integers, so distinct inputs stay distinct. */
export function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * An independent stream for one purpose, derived from a seed, so that drawing more numbers for one
 * purpose does not shift the numbers of another.
 */
export const rngStream = (seed: number, purpose: number): Rng => createRng(fmix32((seed >>> 0) ^ Math.imul(purpose, 0x9e3779b9)));
