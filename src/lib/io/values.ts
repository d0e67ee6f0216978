/**
 * Reading the values of an import forgivingly, the same way in the mapping step and the plan:
 *
 *   resolveChoice   a file's word for a choice field → one of its options: the user's value
 *                   table first, then what typing accepts (the option or its label, any case, in
 *                   either language), then the same after `normalizeWord` (width, spaces,
 *                   punctuation), then the words other systems use (synonyms.ts VALUE_SYNONYMS)
 *   amountText      `36.51万`, `¥12,345.60`, `12345.6元` → the yuan text parseCell reads
 *   detectType      the cell type a new column gets from its values (and its header): money,
 *                   date, number, else text, so an amount or a date column is not text
 *
 * Pure: no storage, no UI.
 */
import { parseCell, parseDate, type CellSpec } from '$lib/domain/cells';
import { parseYuan, roundToFen, yuanText } from '$lib/domain/money';
import { toHalfWidth } from '$lib/domain/records/normalize';
import type { CellType } from '$lib/domain/records/types';
import type { RawCell } from './source';
import { DATE_HEADER, MONEY_HEADER, VALUE_SYNONYMS } from './synonyms';

/** Case, width, spaces and punctuation do not matter. */
export function normalizeWord(text: string): string {
  return toHalfWidth(text)
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}]/gu, '');
}

const WORD_INDEX = new WeakMap<CellSpec, Map<string, string>>();

/** Normalised option, label (every language given) and synonym → option, for one field. */
function wordIndex(table: string, field: string, specs: readonly CellSpec[]): Map<string, string> {
  const first = specs[0];
  const cached = first && WORD_INDEX.get(first);
  if (cached) return cached;
  const index = new Map<string, string>();
  const add = (word: string, option: string) => {
    const key = normalizeWord(word);
    if (key && !index.has(key)) index.set(key, option);
  };
  for (const spec of specs) {
    for (const o of spec.options ?? []) {
      add(o, o);
      const label = spec.labels?.[o];
      if (label) add(label, o);
    }
  }
  for (const [option, words] of Object.entries(VALUE_SYNONYMS[table]?.[field] ?? {})) {
    if (first?.options?.includes(option)) for (const w of words) add(w, option);
  }
  if (first) WORD_INDEX.set(first, index);
  return index;
}

const AS_CHOICE = new WeakMap<CellSpec, CellSpec>();
/** One word of a choice or multi field read as a single choice (kept, so parseCell's option index is too). */
function asChoice(spec: CellSpec): CellSpec {
  if (spec.type === 'choice' && !spec.required) return spec;
  let c = AS_CHOICE.get(spec);
  if (!c) AS_CHOICE.set(spec, (c = { ...spec, type: 'choice', required: false }));
  return c;
}

/**
 * The option a file's word means, or undefined. `userMap` (the preview's value table, keyed by
 * the word as the file writes it, trimmed) wins; its '' means "none of them: keep it aside".
 */
export function resolveChoice(
  table: string,
  field: string,
  specs: readonly CellSpec[],
  text: string,
  userMap?: Readonly<Record<string, string>>
): string | undefined {
  const t = text.trim();
  const chosen = userMap?.[t];
  if (chosen !== undefined) return chosen === '' || !specs[0]?.options?.includes(chosen) ? undefined : chosen;
  for (const spec of specs) {
    const r = parseCell(asChoice(spec), t);
    if (r.ok && typeof r.value === 'string') return r.value;
  }
  return wordIndex(table, field, specs).get(normalizeWord(t));
}

/** The yuan text of an amount as people write it: `36.51万` → `365100.00`; else the text itself. */
export function amountText(text: string): string {
  const t = toHalfWidth(text).trim().replace(/\s+/g, '');
  const m = /^([-+]?)[¥￥]?([\d,]+(?:\.\d+)?)万元?$/.exec(t);
  if (!m) return t;
  const n = Number(m[2].replace(/,/g, '')) * 10000;
  if (!Number.isFinite(n)) return t;
  const fen = roundToFen(n);
  return fen === null ? t : `${m[1]}${yuanText(fen)}`;
}

const MONEY_MARK = /[¥￥,，万元]|\.\d\d$/;
/** Digits that name something (a phone, an account, a code with leading zeros), not a quantity. */
const IDENTIFIER = /^(0\d+|\d{11,})$/;

/** The type a new column gets from its values; `header` breaks the tie between money and number. */
export function detectType(header: string, values: readonly RawCell[]): CellType {
  const present = values.filter((v) => v !== null && v !== undefined && !(typeof v === 'string' && v.trim() === ''));
  if (!present.length) return 'text';
  if (present.every((v) => typeof v === 'boolean')) return 'checkbox';
  const texts = present.map((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : String(v).trim()));
  const allDates = present.every((v, i) => v instanceof Date || (typeof v === 'string' && parseDate(texts[i]) !== null));
  // five digits alone read as an Excel day number: a date column only when something else says so
  if (allDates && (DATE_HEADER.test(header) || texts.some((t) => !/^\d{5}$/.test(t)))) return 'date';
  if (texts.some((t) => IDENTIFIER.test(t))) return 'text';
  const amounts = texts.every((t) => parseYuan(amountText(t)) !== null);
  if (amounts && (MONEY_HEADER.test(header) || texts.some((t) => MONEY_MARK.test(t)))) return 'money';
  if (present.every((v, i) => typeof v === 'number' || parseCell({ type: 'number' }, texts[i]).ok)) return 'number';
  return 'text';
}
