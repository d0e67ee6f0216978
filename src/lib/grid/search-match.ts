/**
 * The pure part of quick search: matching terms against haystacks, per row and over blocks of
 * rows, and knowing when a query only narrows the previous one. search-index.ts builds the
 * haystacks; these functions only read them.
 */

/** The haystacks of consecutive rows joined with '\n'; `ends[k]` is where row `from + k` ends. */
export interface Block {
  text: string;
  ends: Int32Array;
  from: number;
}

export interface Haystack {
  plain: string;
  /** pinyin and initials of the Chinese text ('' or undefined when there is none) */
  py?: string;
}

const LATIN_TERM = /^[a-z]+$/;

/** Whether one row matches every term: each in its text, or (letters only) in its pinyin. */
export function rowHas(entry: Haystack | undefined, terms: readonly string[]): boolean {
  if (!entry) return false;
  for (const t of terms) {
    if (entry.plain.includes(t)) continue;
    if (entry.py && LATIN_TERM.test(t) && entry.py.includes(t)) continue;
    return false;
  }
  return true;
}

/**
 * Whether every row matching `next` also matches `prev`: each old term is part of some new one
 * ("hb" → "hbs", "hb" → "hb 石"). Then only the previous matches need to be searched.
 */
export function narrows(prev: readonly string[], next: readonly string[]): boolean {
  return prev.every((p) => next.some((t) => t.includes(p)));
}

/**
 * Mark in `count` the rows of `block` containing `term` whose count is `k` (they matched every
 * earlier term): they move to `k + 1`.
 */
function markBlock(block: Block, term: string, k: number, count: Uint16Array): void {
  const { text, ends, from } = block;
  let r = 0;
  let at = text.indexOf(term);
  while (at >= 0) {
    while (ends[r] < at + term.length) r++;
    if (count[from + r] === k) count[from + r] = k + 1;
    at = text.indexOf(term, ends[r] + 1);
  }
}

/**
 * Row indices (ascending) of `n` rows matching every term, searched over blocks of plain text
 * and, for terms of letters only, of pinyin (`py` aligned with `plain`, or null).
 */
export function findInBlocks(n: number, terms: readonly string[], plain: readonly Block[], py: readonly Block[] | null): Int32Array {
  const count = new Uint16Array(n);
  const k = terms.length;
  for (let j = 0; j < k; j++) {
    const term = terms[j];
    for (const b of plain) markBlock(b, term, j, count);
    if (py && LATIN_TERM.test(term)) for (const b of py) markBlock(b, term, j, count);
  }
  let found = 0;
  for (let i = 0; i < n; i++) if (count[i] === k) found++;
  const out = new Int32Array(found);
  let o = 0;
  for (let i = 0; i < n; i++) if (count[i] === k) out[o++] = i;
  return out;
}
