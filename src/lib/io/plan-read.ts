/**
 * Reading one row of an import (plan.ts runs it for every row): each mapped cell like user input,
 * with the forgiving readings of values.ts, and what the file says that no field can hold kept
 * aside rather than lost:
 *
 *   - a choice word that is none of the field's options (after the user's value table, labels in
 *     either language, width and case, synonyms), or a name a link finds no record for, goes into
 *     a text column of its own, "<header>（原值）", made on first use (or the existing column of that
 *     name); the field stays empty and the row is imported. A required field is not put aside:
 *     its row is refused with the reason, as before.
 *   - the words of each choice column that were not recognised by themselves are counted for the
 *     preview's value table (where the user picks an option for each).
 *   - a customers file's contact columns: a row with an organisation and a person becomes a
 *     customer with a contact; a row with only a person is an individual customer of that name.
 *
 * Pure: no storage, no UI.
 */
import { parseCell, type CellSpec } from '$lib/domain/cells';
import { roundToFen, yuanText } from '$lib/domain/money';
import type { CustomColumn } from '$lib/domain/records/types';
import { dateToIso, type RawCell } from './source';
import { amountText, resolveChoice } from './values';

/** A custom column an import creates (a new column of the mapping, or one for values kept aside). */
export interface NewColumn {
  id: string;
  key: string;
  label: string;
  type: CustomColumn['type'];
  options?: string[];
  order: number;
}

export type CellProblemCode = Exclude<ReturnType<typeof parseCell>, { ok: true }>['error'];

export interface ReadColumn {
  col: number;
  field: string;
  spec: CellSpec;
  /** the same spec in the other languages */
  alts: CellSpec[];
  /** the hidden id column of a link */
  hint?: number;
  plainText: boolean;
  /** the user's value table for this field */
  userMap?: Readonly<Record<string, string>>;
  /** a value no option or record fits may be kept aside (the field is not required) */
  asideOk: boolean;
}

const DATE_TIME = /^\s*(\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?)(?:\s+|T)(\d{1,2}[:：]\d{2}(?:[:：]\d{2}(?:\.\d+)?)?)\s*$/;

/** A date-and-time as other systems export it (`2026-03-05 14:23:11`): its date and its time of day. */
export function splitDateTime(text: string): { date: string; time: string } | null {
  const m = DATE_TIME.exec(text);
  return m ? { date: m[1], time: m[2] } : null;
}

/** A file's cell as the text a person would type into a cell of this type. */
export function cellText(spec: CellSpec, raw: RawCell): string {
  if (raw === null || raw === undefined) return '';
  if (typeof raw === 'string') return spec.type === 'money' ? amountText(raw) : spec.type === 'date' ? (splitDateTime(raw)?.date ?? raw) : raw;
  if (raw instanceof Date) return dateToIso(raw);
  if (typeof raw === 'boolean') return raw ? 'true' : 'false';
  if (spec.type === 'money') {
    const fen = roundToFen(raw);
    return fen === null ? String(raw) : yuanText(fen);
  }
  return String(raw);
}

const NOT_SPACE = /\S/;
export const isBlank = (raw: RawCell) => raw === null || raw === undefined || (typeof raw === 'string' && !NOT_SPACE.test(raw));

/** The custom columns that hold what no field could: one per file column, made on first use. */
export class AsideColumns {
  readonly #keys = new Map<number, string>();
  constructor(
    private readonly ctx: {
      table: string;
      header: readonly string[];
      existing: readonly CustomColumn[];
      label: (header: string) => string;
      newColumn: (label: string) => NewColumn;
    }
  ) {}

  keyFor(col: number): string {
    let key = this.#keys.get(col);
    if (key) return key;
    const label = this.ctx.label(this.ctx.header[col] ?? '');
    const same = this.ctx.existing.find((c) => c.table === this.ctx.table && !c.deleted && c.label === label && c.type === 'text');
    key = same ? `x_${same.id}` : this.ctx.newColumn(label).key;
    this.#keys.set(col, key);
    return key;
  }
}

/** The words of each choice column the preview's value table lists: column → word → rows. */
export type WordCounts = Map<number, Map<string, number>>;

function count(words: WordCounts, col: number, word: string) {
  let m = words.get(col);
  if (!m) words.set(col, (m = new Map()));
  m.set(word, (m.get(word) ?? 0) + 1);
}

type Read = { ok: true; value: unknown } | { ok: false; error: CellProblemCode } | { ok: 'aside' };

function readChoice(table: string, c: ReadColumn, text: string, words: WordCounts): Read {
  const specs = [c.spec, ...c.alts];
  const one = (word: string) => {
    const w = word.trim();
    const chosen = c.userMap?.[w];
    const option = resolveChoice(table, c.field, specs, w, c.userMap);
    if (chosen !== undefined || (option === undefined && w)) count(words, c.col, w);
    return option;
  };
  if (c.spec.type === 'choice') {
    const option = one(text);
    return option !== undefined ? { ok: true, value: option } : c.asideOk ? { ok: 'aside' } : { ok: false, error: 'cell.error.choice' };
  }
  const out: string[] = [];
  for (const part of text.split(/[,，;；、\n]/)) {
    if (!part.trim()) continue;
    const option = one(part);
    if (option === undefined) return c.asideOk ? { ok: 'aside' } : { ok: false, error: 'cell.error.choice' };
    if (!out.includes(option)) out.push(option);
  }
  return { ok: true, value: out.length ? out : undefined };
}

/** One cell through its field's spec, forgivingly. */
export function readCell(table: string, c: ReadColumn, raw: RawCell, words: WordCounts): Read {
  if (c.spec.type === 'number' && typeof raw === 'number') return { ok: true, value: raw };
  if (c.spec.type === 'checkbox' && typeof raw === 'boolean') return { ok: true, value: raw };
  const text = cellText(c.spec, raw);
  if ((c.spec.type === 'choice' || c.spec.type === 'multi') && c.spec.options) return readChoice(table, c, text, words);
  const r = parseCell(c.spec, text);
  if (r.ok) return r;
  for (const alt of c.alts) {
    const again = parseCell(alt, text);
    if (again.ok) return again;
  }
  if (r.error === 'cell.error.link' && c.asideOk) return { ok: 'aside' };
  return r;
}

/** Options of a new choice column: the distinct values in its file column. */
export function distinctOptions(rows: readonly RawCell[][], col: number, multi: boolean): string[] {
  const seen = new Set<string>();
  for (const r of rows) {
    const raw = r[col];
    if (isBlank(raw)) continue;
    const text = String(raw instanceof Date ? dateToIso(raw) : raw).trim();
    for (const part of multi ? text.split(/[,，;；、\n]/) : [text]) {
      const p = part.trim();
      if (p) seen.add(p);
      if (seen.size >= 500) return [...seen];
    }
  }
  return [...seen];
}

/** The customer fields a person's contact details fill when the person is the customer. */
const PERSON_FIELDS: Record<string, string> = { mobile: 'mobile', phone: 'phone', email: 'email', wechat: 'wechat', title: 'occupation' };

/**
 * A customers row with contact columns: an organisation and a person → the contact to add (the
 * customer's mobile is the person's too when the person has none of their own); only a person →
 * the customer is that person (an individual unless the file says otherwise), the contact's
 * details fill the customer's empty fields. Returns the contact record to insert, if any.
 */
export function applyContact(
  values: Record<string, unknown>,
  contact: Record<string, unknown>,
  kindFromFile: boolean
): Record<string, unknown> | undefined {
  const person = typeof contact.name === 'string' ? contact.name.trim() : '';
  const org = typeof values.name === 'string' ? values.name.trim() : '';
  if (person && org) {
    const out: Record<string, unknown> = { ...contact, primary: true };
    if (out.mobile === undefined && values.mobile !== undefined) out.mobile = values.mobile;
    return out;
  }
  if (person) {
    values.name = contact.name;
    if (!kindFromFile) values.kind = 'individual';
  }
  for (const [from, to] of Object.entries(PERSON_FIELDS)) {
    if (contact[from] !== undefined && values[to] === undefined) values[to] = contact[from];
  }
  return undefined;
}
