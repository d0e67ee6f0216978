/**
 * Cell types shared by the grid, imports and the write path: how a value of each type is parsed
 * from what a person types or pastes, how it is checked when it arrives from anywhere else, and
 * how it is shown. Errors are message keys (see src/lib/i18n/messages/cells.ts), never text, so
 * this module stays free of UI imports.
 *
 * Stored representations:
 *   text     string
 *   number   finite number
 *   money    integer fen
 *   date     'YYYY-MM-DD'
 *   choice   one of the column's options
 *   multi    string[] of options
 *   checkbox boolean
 *   link     id of a record in the linked table
 * An empty cell is `undefined` for every type.
 */
import type { CellType } from './records/types';
import { isIsoDate, isoOfExcelSerial } from './dates';
import { formatYuan, isFen, parseYuan } from './money';

export type CellError =
  | 'cell.error.number'
  | 'cell.error.money'
  | 'cell.error.date'
  | 'cell.error.choice'
  | 'cell.error.checkbox'
  | 'cell.error.link'
  | 'cell.error.text'
  | 'cell.error.notText'
  | 'cell.error.notData'
  | 'cell.error.required';

export interface CellSpec {
  type: CellType;
  options?: readonly string[];
  /** display labels of choice options (value → label); typing or pasting a label selects its value */
  labels?: Readonly<Record<string, string>>;
  /** for link cells: find a record id by its label or id, and the label of an id */
  link?: {
    resolve(text: string): string | undefined;
    label(id: string): string | undefined;
  };
  required?: boolean;
}

export type ParseResult = { ok: true; value: unknown } | { ok: false; error: CellError };

const TRUE_WORDS = new Set(['true', 'yes', 'y', '1', '是', '√', '✓', 'x', '对', 'on']);
const FALSE_WORDS = new Set(['false', 'no', 'n', '0', '否', '×', '', 'off', '不']);

export { isIsoDate };

/** Accepts 2026-01-05, 2026/1/5, 2026.1.5, 2026年1月5日 and Excel serial day numbers. */
export function parseDate(text: string): string | null {
  const t = text.trim();
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(t);
  let iso: string | null = null;
  if (m) {
    iso = `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}`;
  } else if (/^\d{5}$/.test(t)) {
    iso = isoOfExcelSerial(Number(t));
  }
  return iso && isIsoDate(iso) ? iso : null;
}

function parseNumber(text: string): number | null {
  const t = text.trim().replace(/[,，]/g, '');
  if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(t)) return null;
  const n = Number(t);
  return Number.isFinite(n) ? n : null;
}

/** Per spec: each option by itself, lower-cased and by its lower-cased label (first one wins). */
const OPTION_INDEX = new WeakMap<CellSpec, Map<string, string>>();

function optionIndex(spec: CellSpec & { options: readonly string[] }): Map<string, string> {
  let index = OPTION_INDEX.get(spec);
  if (!index) {
    index = new Map();
    for (const o of spec.options) if (!index.has(o)) index.set(o, o);
    for (const o of spec.options) {
      const lower = o.toLowerCase();
      if (!index.has(lower)) index.set(lower, o);
    }
    for (const o of spec.options) {
      const label = spec.labels?.[o]?.toLowerCase();
      if (label !== undefined && !index.has(label)) index.set(label, o);
    }
    OPTION_INDEX.set(spec, index);
  }
  return index;
}

function findOption(spec: CellSpec, text: string): string | undefined {
  // without a list of options (free tags), any text is one, as checkValue accepts it
  if (!spec.options) return text;
  const index = optionIndex(spec as CellSpec & { options: readonly string[] });
  return index.get(text) ?? index.get(text.toLowerCase());
}

/** Parse typed or pasted text into a stored value of the cell's type. */
export function parseCell(spec: CellSpec, text: string): ParseResult {
  const t = text.trim();
  if (t === '' && spec.type !== 'checkbox') {
    return spec.required ? { ok: false, error: 'cell.error.required' } : { ok: true, value: undefined };
  }
  switch (spec.type) {
    case 'text':
      return { ok: true, value: text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text };
    case 'number': {
      const n = parseNumber(t);
      return n === null ? { ok: false, error: 'cell.error.number' } : { ok: true, value: n };
    }
    case 'money': {
      const v = parseYuan(t);
      return v === null ? { ok: false, error: 'cell.error.money' } : { ok: true, value: v };
    }
    case 'date': {
      const d = parseDate(t);
      return d === null ? { ok: false, error: 'cell.error.date' } : { ok: true, value: d };
    }
    case 'choice': {
      const opt = findOption(spec, t);
      return opt === undefined ? { ok: false, error: 'cell.error.choice' } : { ok: true, value: opt };
    }
    case 'multi': {
      const parts = t
        .split(/[,，;；、\n]/)
        .map((p) => p.trim())
        .filter(Boolean);
      const out: string[] = [];
      for (const p of parts) {
        const opt = findOption(spec, p);
        if (opt === undefined) return { ok: false, error: 'cell.error.choice' };
        if (!out.includes(opt)) out.push(opt);
      }
      return { ok: true, value: out.length ? out : undefined };
    }
    case 'checkbox': {
      const l = t.toLowerCase();
      if (TRUE_WORDS.has(l)) return { ok: true, value: true };
      if (FALSE_WORDS.has(l)) return { ok: true, value: false };
      return { ok: false, error: 'cell.error.checkbox' };
    }
    case 'link': {
      const id = spec.link?.resolve(t);
      return id === undefined ? { ok: false, error: 'cell.error.link' } : { ok: true, value: id };
    }
  }
}

/** The longest text a cell holds (cells.ts's message for `cell.error.text` says so). */
export const MAX_TEXT = 100_000;

/** Check a stored value that arrives from anywhere but the keyboard (import, peer, old data). */
export function checkValue(spec: CellSpec, value: unknown): CellError | null {
  if (value === undefined || value === null) return spec.required ? 'cell.error.required' : null;
  switch (spec.type) {
    case 'text':
      if (typeof value !== 'string') return 'cell.error.notText';
      return value.length <= MAX_TEXT ? null : 'cell.error.text';
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? null : 'cell.error.number';
    case 'money':
      return isFen(value) ? null : 'cell.error.money';
    case 'date':
      return typeof value === 'string' && isIsoDate(value) ? null : 'cell.error.date';
    case 'choice':
      return typeof value === 'string' && (!spec.options || spec.options.includes(value)) ? null : 'cell.error.choice';
    case 'multi':
      return Array.isArray(value) && value.every((v) => typeof v === 'string' && (!spec.options || spec.options.includes(v)))
        ? null
        : 'cell.error.choice';
    case 'checkbox':
      return typeof value === 'boolean' ? null : 'cell.error.checkbox';
    case 'link':
      return typeof value === 'string' && value.length > 0 && value.length <= 64 ? null : 'cell.error.link';
  }
}

/** Show a stored value as text (what the cell displays and what is copied). */
export function formatCell(spec: CellSpec, value: unknown): string {
  if (value === undefined || value === null) return '';
  switch (spec.type) {
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? String(value) : '';
    case 'money':
      return isFen(value) ? formatYuan(value) : '';
    case 'choice':
      return typeof value === 'string' ? (spec.labels?.[value] ?? value) : '';
    case 'multi':
      return Array.isArray(value) ? value.map((v) => spec.labels?.[v] ?? v).join(', ') : '';
    case 'checkbox':
      return value === true ? '✓' : '';
    case 'link':
      return typeof value === 'string' ? (spec.link?.label(value) ?? value) : '';
    default:
      return typeof value === 'string' ? value : String(value);
  }
}
