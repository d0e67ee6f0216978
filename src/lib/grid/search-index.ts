/**
 * Quick search over all rows: a lowercase haystack per row (the texts of the visible columns plus
 * the page's extra text) and, for Chinese text, its pinyin and pinyin initials, so that `hebei`
 * and `hbsy` both find 河北石油.
 *
 * Nothing here blocks the page: haystacks are built in slices of a few milliseconds (in idle time,
 * or back to back while a search waits for them, `hurry`), and a search is only answered once the
 * index can answer it whole (`canAnswer`); until then the grid keeps its last result and says it
 * is searching (query.ts). Haystacks are cached per row object (WeakMap), so a new rows array only
 * costs lookups for the rows that did not change. `pinyin-pro` is large: it is imported lazily,
 * and each run of Chinese characters is converted once (names of cities, staff and labels repeat).
 *
 * Matching runs over blocks: the haystacks of 512 rows joined into one string, searched with
 * `indexOf` (far faster than one `includes` per row). A query that only grew ("hb" → "hbs")
 * searches only the previous matches (search-match.ts).
 */
import type { GridColumn } from './types';
import { cellText } from './values';
import { findInBlocks, narrows, rowHas, type Block } from './search-match';

export type PinyinFn = (text: string) => string[];
/** `urgent`: a search waits for this work, run it soon rather than when idle */
export type Schedule = (work: (remaining: () => number) => void, urgent: boolean) => () => void;

export interface SearchIndexOptions {
  loadPinyin?: () => Promise<PinyinFn>;
  /** run `work` later; `work` gets a function telling how many ms remain in this slice */
  schedule?: Schedule;
}

interface Entry {
  plain: string;
  /** full pinyin and initials of the Chinese runs; '' when the row has no Chinese */
  py?: string;
}

const SEP = '\u0001';
const HAN_RUN = /[\u3400-\u4dbf\u4e00-\u9fff]+/g;
const HAS_HAN = /[\u3400-\u4dbf\u4e00-\u9fff]/;
const LATIN_TERM = /^[a-z]+$/;
const IDLE_SLICE_MS = 8;
const URGENT_SLICE_MS = 16;
export const BLOCK = 512;
/** blocks an answer may rebuild on the spot (after an edit); more means the index is not ready */
const INLINE_BLOCKS = 8;
const RUN_CACHE_MAX = 50_000;

export function defaultLoadPinyin(): Promise<PinyinFn> {
  return import('pinyin-pro').then((m) => (text: string) => m.pinyin(text, { toneType: 'none', type: 'array' }));
}

export function defaultSchedule(work: (remaining: () => number) => void, urgent: boolean): () => void {
  if (!urgent && typeof requestIdleCallback === 'function') {
    const id = requestIdleCallback(
      (d) => {
        // an idle period can be 50 ms long; take only a slice of it so input stays responsive
        const end = performance.now() + IDLE_SLICE_MS;
        work(() => Math.min(d.timeRemaining(), end - performance.now()));
      },
      { timeout: 1000 }
    );
    return () => cancelIdleCallback(id);
  }
  const id = setTimeout(
    () => {
      const end = performance.now() + (urgent ? URGENT_SLICE_MS : IDLE_SLICE_MS);
      work(() => end - performance.now());
    },
    urgent ? 0 : 16
  );
  return () => clearTimeout(id);
}

/** `pinyin` remembering each run it has converted (up to a bound). */
export function cachedPinyin(pinyin: PinyinFn, cache = new Map<string, string[]>()): PinyinFn {
  return (run) => {
    let s = cache.get(run);
    if (!s) {
      if (cache.size >= RUN_CACHE_MAX) cache.clear();
      s = pinyin(run);
      cache.set(run, s);
    }
    return s;
  };
}

/** Pinyin haystack of a lowercase text: full syllables, then initials, per cell. */
export function pinyinHaystack(plain: string, pinyin: PinyinFn): string {
  if (!HAS_HAN.test(plain)) return '';
  const full: string[] = [];
  const initials: string[] = [];
  for (const cell of plain.split(SEP)) {
    const runs = cell.match(HAN_RUN);
    if (!runs) continue;
    let f = '';
    let i = '';
    for (const run of runs) {
      for (const syllable of pinyin(run)) {
        const s = syllable.toLowerCase();
        f += s;
        i += s.charAt(0);
      }
    }
    full.push(f);
    initials.push(i);
  }
  return full.join(SEP) + SEP + initials.join(SEP);
}

/** Split a query into lowercase terms; every term must match. */
export function searchTerms(query: string): string[] {
  return query.toLowerCase().split(/\s+/).filter(Boolean);
}

/** Whether a term may match pinyin (only then does a search wait for it). */
export const pinyinTerm = (term: string): boolean => LATIN_TERM.test(term);

export class SearchIndex<R> {
  #columns: readonly GridColumn<R>[] = [];
  #extra: ((row: R) => string) | undefined;
  #cache = new WeakMap<object, Entry>();
  #rows: readonly R[] = [];
  /** aligned with #rows; undefined until built */
  #entries: (Entry | undefined)[] = [];
  #plainBlocks: (Block | undefined)[] = [];
  #pyBlocks: (Block | undefined)[] = [];
  #plainDone = 0;
  #pinyinDone = 0;
  #pinyin: PinyinFn | null = null;
  #pinyinFailed = false;
  #loading: Promise<void> | null = null;
  #cancel: (() => void) | null = null;
  #paused = false;
  #scheduled = false;
  #urgent = false;
  #opts: Required<SearchIndexOptions>;
  /** the last answer, for narrowing; dropped whenever a haystack changes */
  #last: { terms: string[]; matches: Int32Array } | null = null;
  /** called when the index has learnt more: a waiting search may be answerable now */
  onReady: (() => void) | null = null;

  constructor(opts: SearchIndexOptions = {}) {
    this.#opts = { loadPinyin: opts.loadPinyin ?? defaultLoadPinyin, schedule: opts.schedule ?? defaultSchedule };
  }

  get pinyinReady(): boolean {
    return this.#pinyin !== null && this.#pinyinDone >= this.#rows.length;
  }

  /** Which texts to index. A different set of columns starts over. */
  setColumns(columns: readonly GridColumn<R>[], extra?: (row: R) => string): void {
    const same = extra === this.#extra && columns.length === this.#columns.length && columns.every((c, i) => c === this.#columns[i]);
    if (same) return;
    this.#columns = columns;
    this.#extra = extra;
    this.#cache = new WeakMap();
    this.#entries = new Array(this.#rows.length);
    this.#resetBlocks();
    this.#plainDone = 0;
    this.#pinyinDone = 0;
  }

  #resetBlocks(): void {
    const n = Math.ceil(this.#rows.length / BLOCK);
    this.#plainBlocks = new Array(n);
    this.#pyBlocks = new Array(n);
    this.#last = null;
  }

  /** Follow a new rows array; `changed` lists the only indices whose row object is new. */
  setRows(rows: readonly R[], changed?: readonly number[]): void {
    const prev = this.#rows;
    if (rows === prev && this.#entries.length === rows.length) return;
    this.#rows = rows;
    this.#last = null;
    if (changed && rows.length >= prev.length) {
      // a complete index stays complete: the few new rows are built at once
      const plainComplete = this.#plainDone >= prev.length;
      const pinyinComplete = plainComplete && this.#pinyin !== null && this.#pinyinDone >= prev.length;
      const blocks = Math.ceil(rows.length / BLOCK);
      this.#plainBlocks.length = blocks;
      this.#pyBlocks.length = blocks;
      for (const i of changed) {
        const row = rows[i];
        this.#entries[i] = row ? this.#entryFor(row, plainComplete || i < this.#plainDone) : undefined;
        this.#plainBlocks[(i / BLOCK) | 0] = undefined;
        this.#pyBlocks[(i / BLOCK) | 0] = undefined;
      }
      this.#entries.length = rows.length;
      if (plainComplete) this.#plainDone = rows.length;
      if (pinyinComplete) this.#pinyinDone = rows.length;
      return;
    }
    // realign: unchanged row objects keep their cached entry
    const entries: (Entry | undefined)[] = new Array(rows.length);
    let plainDone = rows.length;
    let pinyinDone = rows.length;
    for (let i = 0; i < rows.length; i++) {
      const e = this.#cache.get(rows[i] as object);
      entries[i] = e;
      if (!e && plainDone === rows.length) plainDone = i;
      if ((!e || e.py === undefined) && pinyinDone === rows.length) pinyinDone = i;
    }
    this.#entries = entries;
    this.#resetBlocks();
    this.#plainDone = plainDone;
    this.#pinyinDone = Math.min(pinyinDone, plainDone);
  }

  #entryFor(row: R, build: boolean): Entry | undefined {
    const cached = this.#cache.get(row as object);
    if (cached && build && this.#pinyin && cached.py === undefined) cached.py = pinyinHaystack(cached.plain, this.#pinyin);
    if (cached || !build) return cached;
    const e: Entry = { plain: this.#plainOf(row) };
    if (this.#pinyin) e.py = pinyinHaystack(e.plain, this.#pinyin);
    this.#cache.set(row as object, e);
    return e;
  }

  #plainOf(row: R): string {
    let s = '';
    for (const c of this.#columns) s += cellText(c, row) + SEP;
    if (this.#extra) s += this.#extra(row);
    return s.toLowerCase();
  }

  #buildPlain(remaining: () => number): void {
    const rows = this.#rows;
    let i = this.#plainDone;
    while (i < rows.length) {
      if (!this.#entries[i]) this.#entries[i] = this.#entryFor(rows[i], true);
      i++;
      if ((i & 63) === 0 && remaining() <= 0) break;
    }
    this.#plainDone = i;
  }

  #buildPinyin(remaining: () => number): void {
    const pinyin = this.#pinyin;
    if (!pinyin) return;
    let i = this.#pinyinDone;
    while (i < this.#plainDone) {
      const e = this.#entries[i];
      if (e && e.py === undefined) e.py = pinyinHaystack(e.plain, pinyin);
      i++;
      if ((i & 15) === 0 && remaining() <= 0) break;
    }
    this.#pinyinDone = i;
  }

  /** One block's haystacks joined; the rows' own strings become slices of it (no second copy). */
  #block(b: number, py: boolean): Block {
    const blocks = py ? this.#pyBlocks : this.#plainBlocks;
    const have = blocks[b];
    if (have) return have;
    const from = b * BLOCK;
    const to = Math.min(this.#rows.length, from + BLOCK);
    const parts: string[] = new Array(to - from);
    for (let i = from; i < to; i++) {
      const e = this.#entries[i];
      parts[i - from] = (py ? e?.py : e?.plain) ?? '';
    }
    // '\n' never occurs in a term (terms are split at white space): no match spans two rows
    const text = parts.join('\n');
    const ends = new Int32Array(parts.length);
    let at = 0;
    for (let k = 0; k < parts.length; k++) {
      const end = at + parts[k].length;
      ends[k] = end;
      const e = this.#entries[from + k];
      if (e && end > at) {
        if (py) e.py = text.slice(at, end);
        else e.plain = text.slice(at, end);
      }
      at = end + 1;
    }
    return (blocks[b] = { text, ends, from });
  }

  /** Blocks still to build, up to `limit`. */
  #missingBlocks(py: boolean, limit: number): number[] {
    const blocks = py ? this.#pyBlocks : this.#plainBlocks;
    const out: number[] = [];
    for (let b = 0; b < blocks.length && out.length < limit; b++) if (!blocks[b]) out.push(b);
    return out;
  }

  #buildBlocks(py: boolean, remaining: () => number): boolean {
    for (const b of this.#missingBlocks(py, Infinity)) {
      this.#block(b, py);
      if (remaining() <= 0) return false;
    }
    return true;
  }

  /** Whether the terms can be answered whole now (without building more than a few blocks). */
  canAnswer(terms: readonly string[]): boolean {
    const n = this.#rows.length;
    if (this.#plainDone < n) return false;
    if (this.#missingBlocks(false, INLINE_BLOCKS + 1).length > INLINE_BLOCKS) return false;
    if (!terms.some(pinyinTerm) || this.#pinyinFailed) return true;
    return this.#pinyinDone >= n && this.#missingBlocks(true, INLINE_BLOCKS + 1).length <= INLINE_BLOCKS;
  }

  /** Row indices (ascending) matching every term; `canAnswer(terms)` must hold. */
  matches(terms: readonly string[]): Int32Array {
    const n = this.#rows.length;
    const usePy = terms.some(pinyinTerm) && this.#pinyinDone >= n;
    const last = this.#last;
    let out: Int32Array;
    if (last && narrows(last.terms, terms) && last.matches.length <= n >> 2) {
      out = last.matches.filter((i) => rowHas(this.#entries[i], terms));
    } else {
      const plain: Block[] = [];
      const py: Block[] = [];
      for (let b = 0; b < this.#plainBlocks.length; b++) {
        plain.push(this.#block(b, false));
        if (usePy) py.push(this.#block(b, true));
      }
      out = findInBlocks(n, terms, plain, usePy ? py : null);
    }
    this.#last = { terms: terms.slice(), matches: out };
    return out;
  }

  /** Whether row `index` matches every term (for the few rows an edit changed). */
  rowMatches(index: number, terms: readonly string[]): boolean {
    return rowHas(this.#entries[index], terms);
  }

  /** Build everything now, pinyin included (tests, exports, small tables). */
  async buildAll(): Promise<void> {
    await this.#loadPinyin();
    this.#buildPlain(() => Infinity);
    this.#buildPinyin(() => Infinity);
    this.#buildBlocks(false, () => Infinity);
    if (this.#pinyin) this.#buildBlocks(true, () => Infinity);
  }

  #loadPinyin(): Promise<void> {
    this.#loading ??= this.#opts.loadPinyin().then(
      (fn) => {
        this.#pinyin = cachedPinyin(fn);
      },
      () => {
        // offline or blocked: plain substring search keeps working
        this.#pinyinFailed = true;
        this.#loading = null;
      }
    );
    return this.#loading;
  }

  /** Build in the background, in idle slices; calls onReady each time a part is complete. */
  start(): void {
    if (this.#scheduled || (this.#paused && !this.#urgent)) return;
    this.#scheduled = true;
    this.#cancel = this.#opts.schedule(this.#step, this.#urgent);
  }

  /** A search waits for the index: build without waiting for idle time (never pausing). */
  hurry(): void {
    if (!this.#pinyin && !this.#pinyinFailed) void this.#loadPinyin().then(() => this.start());
    if (this.#urgent) return;
    this.#urgent = true;
    this.#cancel?.();
    this.#scheduled = false;
    this.start();
  }

  #step = (remaining: () => number): void => {
    this.#scheduled = false;
    this.#cancel = null;
    if (this.#paused && !this.#urgent) return;
    const n = this.#rows.length;
    if (this.#plainDone < n) this.#buildPlain(remaining);
    else if (this.#missingBlocks(false, 1).length) {
      // the plain part is complete: searches without pinyin terms can be answered
      if (this.#buildBlocks(false, remaining)) this.onReady?.();
    } else if (!this.#pinyin && !this.#pinyinFailed) {
      void this.#loadPinyin().then(() => this.start());
      return;
    } else if (this.#pinyin && this.#pinyinDone < n) this.#buildPinyin(remaining);
    else if (this.#pinyin && this.#missingBlocks(true, 1).length) {
      if (this.#buildBlocks(true, remaining)) return this.#finish(true);
    } else return this.#finish(false);
    this.start();
  };

  /** Everything is built; tell a waiting search (or everyone, when pinyin just completed). */
  #finish(completed: boolean): void {
    const waited = this.#urgent;
    this.#urgent = false;
    if (completed || waited) this.onReady?.();
  }

  /** Stop background work for a while (the user is scrolling). */
  pause(): void {
    this.#paused = true;
    if (this.#urgent) return;
    this.#cancel?.();
    this.#cancel = null;
    this.#scheduled = false;
  }

  resume(): void {
    this.#paused = false;
    this.start();
  }

  #resumeTimer: ReturnType<typeof setTimeout> | undefined;

  /** Pause, and resume `ms` after the last call (scrolling pauses background work). */
  pauseFor(ms: number): void {
    this.pause();
    clearTimeout(this.#resumeTimer);
    this.#resumeTimer = setTimeout(() => this.resume(), ms);
  }

  destroy(): void {
    clearTimeout(this.#resumeTimer);
    this.#urgent = false;
    this.pause();
    this.onReady = null;
  }
}
