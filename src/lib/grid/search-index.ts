/**
 * Quick search over all rows: a lowercase haystack per row (the texts of the visible columns plus
 * the page's extra text) and, for Chinese text, its pinyin and pinyin initials, so that `hebei`
 * and `hbsy` both find 河北石油.
 *
 * Haystacks are cached per row object (WeakMap), so a new rows array only costs lookups for the
 * rows that did not change. `pinyin-pro` is large: it is imported lazily and the pinyin part is
 * built in slices of a few milliseconds when the browser is idle; until it is ready, plain
 * substring search works.
 */
import type { GridColumn } from './types';
import { cellText } from './values';

export type PinyinFn = (text: string) => string[];

export interface SearchIndexOptions {
  loadPinyin?: () => Promise<PinyinFn>;
  /** run `work` when idle; `work` gets a function telling how many ms remain in this slice */
  schedule?: (work: (remaining: () => number) => void) => () => void;
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
const SLICE_MS = 8;

export function defaultLoadPinyin(): Promise<PinyinFn> {
  return import('pinyin-pro').then(
    (m) => (text: string) => m.pinyin(text, { toneType: 'none', type: 'array' })
  );
}

export function defaultSchedule(work: (remaining: () => number) => void): () => void {
  if (typeof requestIdleCallback === 'function') {
    const id = requestIdleCallback(
      (d) => {
        // an idle period can be 50 ms long; take only a slice of it so input stays responsive
        const end = performance.now() + SLICE_MS;
        work(() => Math.min(d.timeRemaining(), end - performance.now()));
      },
      { timeout: 1000 }
    );
    return () => cancelIdleCallback(id);
  }
  const id = setTimeout(() => {
    const end = performance.now() + SLICE_MS;
    work(() => end - performance.now());
  }, 16);
  return () => clearTimeout(id);
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

export class SearchIndex<R> {
  #columns: readonly GridColumn<R>[] = [];
  #extra: ((row: R) => string) | undefined;
  #cache = new WeakMap<object, Entry>();
  #rows: readonly R[] = [];
  /** aligned with #rows; undefined until built */
  #entries: (Entry | undefined)[] = [];
  #plainDone = 0;
  #pinyinDone = 0;
  #pinyin: PinyinFn | null = null;
  #loading: Promise<void> | null = null;
  #cancel: (() => void) | null = null;
  #paused = false;
  #scheduled = false;
  #opts: Required<SearchIndexOptions>;
  /** called when the pinyin part of every row is ready */
  onReady: (() => void) | null = null;

  constructor(opts: SearchIndexOptions = {}) {
    this.#opts = { loadPinyin: opts.loadPinyin ?? defaultLoadPinyin, schedule: opts.schedule ?? defaultSchedule };
  }

  get pinyinReady(): boolean {
    return this.#pinyin !== null && this.#pinyinDone >= this.#rows.length;
  }

  /** Which texts to index. A different set of columns starts over. */
  setColumns(columns: readonly GridColumn<R>[], extra?: (row: R) => string): void {
    const same =
      extra === this.#extra &&
      columns.length === this.#columns.length &&
      columns.every((c, i) => c === this.#columns[i]);
    if (same) return;
    this.#columns = columns;
    this.#extra = extra;
    this.#cache = new WeakMap();
    this.#entries = new Array(this.#rows.length);
    this.#plainDone = 0;
    this.#pinyinDone = 0;
  }

  /** Follow a new rows array; `changed` lists the only indices whose row object is new. */
  setRows(rows: readonly R[], changed?: readonly number[]): void {
    const prev = this.#rows;
    if (rows === prev && this.#entries.length === rows.length) return;
    this.#rows = rows;
    if (changed && rows.length >= prev.length) {
      for (const i of changed) {
        const row = rows[i];
        this.#entries[i] = row ? this.#entryFor(row, i < this.#plainDone) : undefined;
      }
      this.#entries.length = rows.length;
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
    this.#plainDone = plainDone;
    this.#pinyinDone = Math.min(pinyinDone, plainDone);
  }

  #entryFor(row: R, build: boolean): Entry | undefined {
    const cached = this.#cache.get(row as object);
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

  #buildPlain(limit: number, remaining?: () => number): void {
    const rows = this.#rows;
    let i = this.#plainDone;
    while (i < limit) {
      if (!this.#entries[i]) this.#entries[i] = this.#entryFor(rows[i], true);
      i++;
      if (remaining && (i & 63) === 0 && remaining() <= 0) break;
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

  /** Build whatever plain haystacks are missing, now (used when a search arrives early). */
  ensurePlain(): void {
    if (this.#plainDone < this.#rows.length) this.#buildPlain(this.#rows.length);
  }

  /** Build everything now, pinyin included (tests, small tables). */
  async buildAll(): Promise<void> {
    await this.#loadPinyin();
    this.ensurePlain();
    this.#buildPinyin(() => Infinity);
  }

  #loadPinyin(): Promise<void> {
    this.#loading ??= this.#opts.loadPinyin().then(
      (fn) => {
        this.#pinyin = fn;
      },
      () => {
        // offline or blocked: plain substring search keeps working
        this.#loading = null;
      }
    );
    return this.#loading;
  }

  /** Build in the background, in idle slices; calls onReady when pinyin search is complete. */
  start(): void {
    if (this.#scheduled || this.#paused) return;
    this.#scheduled = true;
    this.#cancel = this.#opts.schedule(this.#step);
  }

  #step = (remaining: () => number): void => {
    this.#scheduled = false;
    this.#cancel = null;
    if (this.#paused) return;
    if (this.#plainDone < this.#rows.length) {
      this.#buildPlain(this.#rows.length, remaining);
    } else if (!this.#pinyin) {
      void this.#loadPinyin().then(() => {
        if (this.#pinyin) this.start();
      });
      return;
    } else if (this.#pinyinDone < this.#rows.length) {
      this.#buildPinyin(remaining);
      if (this.#pinyinDone >= this.#rows.length) {
        this.onReady?.();
        return;
      }
    } else return;
    this.start();
  };

  /** Stop background work for a while (the user is scrolling). */
  pause(): void {
    this.#paused = true;
    this.#cancel?.();
    this.#cancel = null;
    this.#scheduled = false;
  }

  resume(): void {
    this.#paused = false;
    this.start();
  }

  destroy(): void {
    this.pause();
    this.onReady = null;
  }

  /** A test for row indices, or null when the query is empty. */
  matcher(query: string): ((index: number) => boolean) | null {
    const terms = searchTerms(query);
    if (terms.length === 0) return null;
    this.ensurePlain();
    const entries = this.#entries;
    const latin = terms.map((t) => LATIN_TERM.test(t));
    return (index) => {
      const e = entries[index];
      if (!e) return false;
      for (let k = 0; k < terms.length; k++) {
        const t = terms[k];
        if (e.plain.includes(t)) continue;
        if (latin[k] && e.py && e.py.includes(t)) continue;
        return false;
      }
      return true;
    };
  }
}
