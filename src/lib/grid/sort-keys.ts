/**
 * Sort keys, computed once per column and kept while the rows stay the same: one float per row,
 * NaN for an empty cell (empty cells always sort last). Numbers, money (fen) and checkboxes are
 * their own key; dates become yyyymmdd; a choice sorts by its option's position; text, several
 * options and links sort by the rank of their displayed text in Chinese collation (see
 * collate.ts). A changed row gets its key updated in place; a text never seen before is given a
 * rank between its neighbours.
 */
import type { GridColumn } from './types';
import { sortedDistinct } from './collate';
import { cellText, cellValue } from './values';

export const collator = new Intl.Collator('zh-CN', { numeric: true });

interface TextRanks {
  sorted: string[];
  rank: Map<string, number>;
}

export class SortKeys<R> {
  readonly col: GridColumn<R>;
  values: Float64Array;
  #ranks: TextRanks | null = null;

  constructor(col: GridColumn<R>, rows: readonly R[]) {
    this.col = col;
    this.values = new Float64Array(rows.length);
    if (usesTextRank(col)) {
      const texts = new Array<string>(rows.length);
      for (let i = 0; i < rows.length; i++) texts[i] = cellText(col, rows[i]);
      const sorted = sortedDistinct(
        texts.filter((t) => t !== ''),
        collator
      );
      const rank = new Map<string, number>();
      for (let i = 0; i < sorted.length; i++) rank.set(sorted[i], i);
      this.#ranks = { sorted, rank };
      for (let i = 0; i < rows.length; i++) {
        const t = texts[i];
        this.values[i] = t === '' ? NaN : (rank.get(t) as number);
      }
    } else {
      for (let i = 0; i < rows.length; i++) this.values[i] = scalarKey(col, rows[i]);
    }
  }

  /**
   * Recompute the keys of the given rows (`rows` may have grown). Returns false when a new text
   * cannot be given a rank (ranks too close together): the caller then rebuilds.
   */
  update(rows: readonly R[], changed: readonly number[]): boolean {
    if (rows.length !== this.values.length) {
      const grown = new Float64Array(rows.length);
      grown.set(this.values.subarray(0, Math.min(rows.length, this.values.length)));
      this.values = grown;
    }
    for (const i of changed) {
      const row = rows[i];
      if (!this.#ranks) {
        this.values[i] = scalarKey(this.col, row);
        continue;
      }
      const t = cellText(this.col, row);
      if (t === '') {
        this.values[i] = NaN;
        continue;
      }
      const r = this.#rankOf(t);
      if (r === null) return false;
      this.values[i] = r;
    }
    return true;
  }

  #rankOf(text: string): number | null {
    const ranks = this.#ranks as TextRanks;
    const known = ranks.rank.get(text);
    if (known !== undefined) return known;
    const { sorted } = ranks;
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (collator.compare(sorted[mid], text) < 0) lo = mid + 1;
      else hi = mid;
    }
    const before = lo > 0 ? (ranks.rank.get(sorted[lo - 1]) as number) : -Infinity;
    const after = lo < sorted.length ? (ranks.rank.get(sorted[lo]) as number) : Infinity;
    const r = before === -Infinity ? (after === Infinity ? 0 : after - 1) : after === Infinity ? before + 1 : (before + after) / 2;
    if (!(r > before && r < after)) return null;
    sorted.splice(lo, 0, text);
    ranks.rank.set(text, r);
    return r;
  }
}

function usesTextRank<R>(col: GridColumn<R>): boolean {
  const t = col.spec.type;
  return t === 'text' || t === 'multi' || t === 'link';
}

function scalarKey<R>(col: GridColumn<R>, row: R): number {
  const v = cellValue(col, row);
  switch (col.spec.type) {
    case 'number':
    case 'money':
      return typeof v === 'number' && Number.isFinite(v) ? v : NaN;
    case 'checkbox':
      return v === true ? 1 : 0;
    case 'date':
      return typeof v === 'string' && /^\d{4}-\d{2}-\d{2}/.test(v)
        ? Number(v.slice(0, 4)) * 10000 + Number(v.slice(5, 7)) * 100 + Number(v.slice(8, 10))
        : NaN;
    case 'choice': {
      if (v === undefined || v === null || v === '') return NaN;
      const i = col.spec.options?.indexOf(String(v)) ?? -1;
      return i < 0 ? (col.spec.options?.length ?? 0) : i;
    }
    default:
      return NaN;
  }
}

export interface SortColumn {
  values: Float64Array;
  /** 1 ascending, -1 descending */
  dir: number;
}

/** Compare two row indices: keys in turn, empty last, then `tie` (default: original position). */
export function comparator(keys: readonly SortColumn[], tie: (a: number, b: number) => number = (a, b) => a - b): (a: number, b: number) => number {
  if (keys.length === 0) return tie;
  if (keys.length === 1) {
    const { values, dir } = keys[0];
    return (a, b) => {
      const x = values[a];
      const y = values[b];
      if (x === y) return tie(a, b);
      if (x !== x) return y !== y ? tie(a, b) : 1;
      if (y !== y) return -1;
      return x < y ? -dir : dir;
    };
  }
  return (a, b) => {
    for (let k = 0; k < keys.length; k++) {
      const x = keys[k].values[a];
      const y = keys[k].values[b];
      if (x === y) continue;
      const xn = x !== x;
      const yn = y !== y;
      if (xn && yn) continue;
      if (xn) return 1;
      if (yn) return -1;
      return x < y ? -keys[k].dir : keys[k].dir;
    }
    return tie(a, b);
  };
}
