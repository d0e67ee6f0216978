/**
 * Financial statements pasted from Excel or WPS (credit.md §2): tab-separated text, as a copied
 * range puts it on the clipboard. Forgiving about what people actually copy:
 *
 * - Layout: one row per item — a label, then one amount per period (期末余额 | 年初余额, 本年 | 上年);
 *   or the same transposed (labels across the first row, one row per period). A first row (or
 *   column) that is not an item, such as "项目 | 2025 | 2024", names the periods.
 * - Labels: credit.md §2's Chinese names and their usual variants on a filed statement
 *   (流动资产合计, 负债合计, 所有者权益（或股东权益）合计, 主营业务收入, "其中：存货", "1、货币资金"),
 *   English names, or the field ids. Rows whose label is not an item and that hold no amount
 *   (section headings such as 流动资产：) are skipped silently; one that holds an amount (应收账款,
 *   固定资产… on a full balance sheet) is left out and listed in `skipped`.
 * - Amounts in 元: thousands separators (, ，, spaces), ¥/￥, a trailing 元, accounting negatives
 *   "(1,234.00)", the minus signs − and －, and a suffix 万 / 万元 (×10 000). A unit row
 *   "单位：万元" scales every amount. "-", "—" or an empty cell is blank (not given), never 0.
 *   More than two decimals of 元 (after scaling) is refused: fen are whole.
 *
 * The result is in fen (integers) per period, with every cell that could not be read listed with
 * its row, column and the text, so the form can say exactly what to fix.
 */
import type { Fen } from '../money';
import { STATEMENT_FIELDS, type StatementField } from './statement';

/** Names a statement item goes by, normalised with `normaliseLabel`. */
const ALIASES: Record<StatementField, readonly string[]> = {
  currentAssets: ['流动资产', 'current assets', 'total current assets'],
  cash: ['货币资金', '现金及现金等价物', 'cash', 'cash and cash equivalents', 'cash at bank and on hand'],
  marketableSecurities: ['交易性金融资产', '短期投资', 'marketable securities', 'trading financial assets', 'short-term investments'],
  inventory: ['存货', 'inventory', 'inventories'],
  prepayments: ['预付账款', '预付款项', 'prepayments', 'advances to suppliers'],
  currentLiabilities: ['流动负债', 'current liabilities', 'total current liabilities'],
  totalLiabilities: ['负债总额', '负债', '总负债', 'total liabilities', 'liabilities'],
  totalAssets: ['资产总额', '资产总计', '资产', '总资产', 'total assets', 'assets'],
  equity: [
    '所有者权益',
    '股东权益',
    '所有者权益或股东权益',
    '净资产',
    "owners' equity",
    'owners equity',
    "owner's equity",
    'equity',
    'total equity',
    "shareholders' equity",
    'net assets'
  ],
  revenue: ['营业收入', '营业总收入', '主营业务收入', '销售收入', 'revenue', 'operating revenue', 'sales', 'total revenue'],
  costOfSales: ['营业成本', '主营业务成本', '销售成本', 'cost of sales', 'cost of goods sold', 'cogs', 'operating costs'],
  taxesAndSurcharges: ['税金及附加', '营业税金及附加', 'taxes and surcharges'],
  sellingExpenses: ['销售费用', '营业费用', 'selling expenses', 'selling and distribution expenses'],
  adminExpenses: ['管理费用', 'admin expenses', 'administrative expenses', 'general and administrative expenses'],
  financeExpenses: ['财务费用', 'finance expenses', 'financial expenses', 'finance costs'],
  totalProfit: ['利润总额', '税前利润', 'total profit', 'profit before tax', 'profit before income tax'],
  openingInventory: ['期初存货', '年初存货', 'opening inventory', 'beginning inventory'],
  closingInventory: ['期末存货', '年末存货', 'closing inventory', 'ending inventory']
};

/** Lower case, no spaces, no parenthesised notes, no numbering, no "其中：", no trailing colon. */
export function normaliseLabel(text: string): string {
  let s = text.normalize('NFKC').toLowerCase().trim();
  s = s.replace(/[（(][^)）]*[)）]/g, ''); // （元）, (或股东权益)
  s = s.replace(/^(其中|减|加)[:：]?/, '');
  s = s.replace(/^[一二三四五六七八九十]+[、.]/, '').replace(/^\d+(\.\d+)*[、.)]?/, '');
  s = s.replace(/[:：]$/, '');
  s = s.replace(/[\s_]+/g, ' ').trim();
  return s;
}

const LOOKUP: ReadonlyMap<string, StatementField> = (() => {
  const m = new Map<string, StatementField>();
  for (const field of STATEMENT_FIELDS) {
    m.set(field.toLowerCase(), field);
    for (const a of ALIASES[field]) m.set(normaliseLabel(a), field);
  }
  return m;
})();

/** The statement item a label names, or null. */
export function fieldForLabel(text: string): StatementField | null {
  const s = normaliseLabel(text);
  if (!s) return null;
  const direct = LOOKUP.get(s) ?? LOOKUP.get(s.replace(/ /g, ''));
  if (direct) return direct;
  // 流动资产合计, 负债合计, 所有者权益合计, total current assets …
  const bare = s.replace(/(合计|总计|总额)$/, '');
  if (bare !== s) {
    const hit = LOOKUP.get(bare);
    if (hit) return hit;
  }
  return null;
}

export type AmountProblem = 'not-a-number' | 'too-many-decimals' | 'too-large';
export type AmountRead = { ok: true; fen: Fen | null } | { ok: false; problem: AmountProblem };

/** 10^n as a BigInt. */
const pow10 = (n: number): bigint => 10n ** BigInt(n);

/**
 * One cell in 元 (× `scale`, 1 or 10 000) → fen; `fen: null` for a blank cell. Exact: the digits
 * are scaled as a decimal string, so 1.23万 is 12 300.00 元 with no float error.
 */
export function readAmount(text: string, scale = 1): AmountRead {
  let s = text.normalize('NFKC').replace(/[\s\u00a0\u2009\u202f]/g, '');
  if (s === '' || /^[-—–]+$/.test(s)) return { ok: true, fen: null };
  let negative = false;
  const paren = /^\((.*)\)$/.exec(s);
  if (paren) {
    negative = true;
    s = paren[1];
  }
  s = s.replace(/^[¥￥]/, '');
  if (/^[-−]/.test(s)) {
    negative = !negative;
    s = s.slice(1);
  }
  s = s.replace(/^[¥￥]/, '');
  let unit = scale;
  if (/万元?$/.test(s)) {
    unit = 10_000;
    s = s.replace(/万元?$/, '');
  } else s = s.replace(/元$/, '');
  s = s.replace(/,/g, '');
  const m = /^(\d+)(?:\.(\d*))?$/.exec(s);
  if (!m) return { ok: false, problem: 'not-a-number' };
  const zeros = Math.round(Math.log10(unit));
  const decimals = (m[2] ?? '').replace(/0+$/, '');
  // value = int.decimals × 10^zeros 元 = (int decimals) × 10^(zeros + 2 − len(decimals)) fen
  const shift = zeros + 2 - decimals.length;
  if (shift < 0) return { ok: false, problem: 'too-many-decimals' };
  const fen = BigInt(m[1] + decimals) * pow10(shift);
  if (fen > BigInt(Number.MAX_SAFE_INTEGER)) return { ok: false, problem: 'too-large' };
  const n = Number(fen);
  return { ok: true, fen: (negative && n !== 0 ? -n : n) as Fen };
}

export interface PastedPeriod {
  /** the period's name from a heading row or column (e.g. "2025", "期末余额"); null when none */
  label: string | null;
  values: Partial<Record<StatementField, Fen | null>>;
}

export type PasteProblem =
  | { kind: AmountProblem; row: number; column: number; text: string; field: StatementField }
  | { kind: 'duplicate'; row: number; column: number; text: string; field: StatementField }
  | { kind: 'nothing-recognised' };

export interface PasteResult {
  periods: PastedPeriod[];
  /** the items recognised, in the order pasted */
  fields: StatementField[];
  /** labels of rows with amounts that are not a §2 item (应收账款, 固定资产…): left out, listed */
  skipped: string[];
  problems: PasteProblem[];
}

/** Tab-separated text → cells (CRLF or LF; a quoted cell may hold tabs, newlines and "" quotes). */
export function splitTsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"' && cell === '') quoted = true;
    else if (c === '\t') {
      row.push(cell);
      cell = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += c;
  }
  if (cell !== '' || row.length) {
    row.push(cell);
    rows.push(row);
  }
  return rows.filter((r) => r.some((c) => c.trim() !== ''));
}

const UNIT_ROW = /^(金额)?单位[:：]?\s*(万元|元)/;

/** Parse pasted cells (see the header). Row and column numbers in problems are 1-based, as pasted. */
export function parseStatementPaste(text: string): PasteResult {
  let cells = splitTsv(text);
  let scale = 1;
  cells = cells.filter((r) => {
    const unit = r.map((c) => UNIT_ROW.exec(c.trim().normalize('NFKC'))).find(Boolean);
    if (unit && r.filter((c) => c.trim()).length === 1) {
      scale = unit[2] === '万元' ? 10_000 : 1;
      return false;
    }
    return true;
  });
  const rowHits = cells.filter((r) => r[0] !== undefined && fieldForLabel(r[0]) !== null).length;
  const colHits = (cells[0] ?? []).filter((c) => fieldForLabel(c) !== null).length;
  const transposed = colHits > rowHits;
  // as [label, ...values] lines, with the original position of each cell
  type Line = { label: string; values: string[]; at: (k: number) => { row: number; column: number } };
  const lines: Line[] = [];
  if (!transposed) {
    cells.forEach((r, i) => lines.push({ label: r[0] ?? '', values: r.slice(1), at: (k) => ({ row: i + 1, column: k + 2 }) }));
  } else {
    const width = Math.max(...cells.map((r) => r.length));
    for (let j = 0; j < width; j++)
      lines.push({
        label: cells[0][j] ?? '',
        values: cells.slice(1).map((r) => r[j] ?? ''),
        at: (k) => ({ row: k + 2, column: j + 1 })
      });
  }
  const problems: PasteProblem[] = [];
  const skipped: string[] = [];
  const fields: StatementField[] = [];
  const width = Math.max(0, ...lines.map((l) => l.values.length));
  const periods: PastedPeriod[] = [];
  const period = (k: number) => (periods[k] ??= { label: null, values: {} });
  let headingSeen = false;
  lines.forEach((line, index) => {
    const field = fieldForLabel(line.label);
    if (!field) {
      const amounts = line.values.filter((v) => v.trim() !== '');
      if (amounts.length === 0) return; // a section heading
      // the first line that names no item, before any item, names the periods
      if (!headingSeen && fields.length === 0 && index === lines.findIndex((l) => l.values.some((v) => v.trim()))) {
        const looksLikeAmounts = amounts.every((v) => readAmount(v, scale).ok && !/^\d{4}(年|年度)?$/.test(v.trim()));
        if (!looksLikeAmounts || !line.label.trim() || /^(项目|科目|item|items)$/i.test(normaliseLabel(line.label))) {
          headingSeen = true;
          line.values.forEach((v, k) => {
            if (v.trim()) period(k).label = v.trim();
          });
          return;
        }
      }
      skipped.push(line.label.trim());
      return;
    }
    if (line.values.every((v) => v.trim() === '')) return; // a heading (流动资产：) or an item left blank
    if (fields.includes(field)) {
      const { row, column } = line.at(-1);
      problems.push({ kind: 'duplicate', row, column, text: line.label, field });
      return;
    }
    fields.push(field);
    for (let k = 0; k < width; k++) {
      const text = line.values[k] ?? '';
      const read = readAmount(text, scale);
      if (read.ok) period(k).values[field] = read.fen;
      else problems.push({ kind: read.problem, ...line.at(k), text, field });
    }
  });
  if (fields.length === 0) problems.push({ kind: 'nothing-recognised' });
  // drop trailing periods with no amount at all (a stray empty column)
  while (periods.length && Object.values(periods[periods.length - 1].values).every((v) => v === null || v === undefined)) periods.pop();
  for (let k = 0; k < periods.length; k++) period(k);
  return { periods, fields, skipped, problems };
}
