/**
 * Sheets to an `.xlsx` workbook: typed cells with number formats, a bold header row that stays put
 * when scrolling (frozen) and carries an auto filter, fitted column widths, hidden id columns, and
 * the very hidden `kebu` sheet describing custom columns (meta.ts). Text is always a string cell
 * (`inlineStr`): nothing we write is ever a formula, so `=1+2` stays text in Excel, WPS and
 * LibreOffice.
 *
 * Why not ExcelJS here (it still reads every workbook, xlsx-read.ts): it builds an object per cell
 * before writing, which made a 100 000 × 15 export 1.5× slower than a bare SheetJS write, and the
 * export must stay within 1.2× of it (bench/io). The part of SpreadsheetML an export needs is
 * small and fixed — the parts below, one style sheet with four formats — so the XML is written
 * straight into fflate's streaming zip (deflate level 1), a few thousand rows at a time, and
 * checked by reading it back with ExcelJS and converting it with LibreOffice (xlsx-write.test.ts,
 * libreoffice.test.ts, roundtrip.test.ts).
 */
import { Zip, ZipDeflate } from 'fflate';
import { wallTime } from '$lib/db/ids';
import { META_SHEET, metaRows, type ExportMeta } from './meta';
import { sheetName, type XCell, type XColumn, type XSheet } from './export-model';

export interface WriteProgress {
  (done: number, total: number): void;
}

const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const ROWS_PER_CHUNK = 2000;

/** Cell formats (cellXfs indexes of STYLES). */
const STYLE = { plain: 0, header: 1, money: 2, date: 3 } as const;

const STYLES =
  `<styleSheet xmlns="${MAIN_NS}">` +
  '<numFmts count="2"><numFmt numFmtId="164" formatCode="#,##0.00"/><numFmt numFmtId="165" formatCode="yyyy-mm-dd"/></numFmts>' +
  '<fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font><font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="4">' +
  '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
  '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>' +
  '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
  '<xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
  '</cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
  '</styleSheet>';

/** `0` → `A`, `25` → `Z`, `26` → `AA`. */
export function columnName(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

// control characters are exactly what these must find: XML 1.0 cannot carry them
// eslint-disable-next-line no-control-regex
const NEEDS_ESCAPE = /[&<>"\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/;
// eslint-disable-next-line no-control-regex
const ESCAPES = /[&<>"\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|_(?=x[0-9a-fA-F]{4}_)/g;

/**
 * Text for an XML element or attribute. Characters XML cannot carry are written as Excel's own
 * `_xHHHH_` escape (which readers decode), and a literal `_xHHHH_` in the text gets its `_`
 * escaped (`_x005F_`) so that it is read back as typed.
 */
export function xmlText(s: string): string {
  if (!NEEDS_ESCAPE.test(s) && !s.includes('_x')) return s;
  return s.replace(ESCAPES, (ch) => {
    switch (ch) {
      case '&':
        return '&amp;';
      case '<':
        return '&lt;';
      case '>':
        return '&gt;';
      case '"':
        return '&quot;';
      case '_':
        return '_x005F_';
      default:
        return `_x${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`;
    }
  });
}

/** Leading or trailing white space, which XML readers drop unless told to keep it. */
function edgeSpace(s: string): boolean {
  const a = s.charCodeAt(0);
  const z = s.charCodeAt(s.length - 1);
  return a <= 32 || z <= 32 || a === 0x3000 || z === 0x3000 || a === 0xa0 || z === 0xa0;
}

const DAY_MS = 86_400_000;
/** 1899-12-30, day 0 of Excel's (1900) date system, as far as real dates go */
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

/** A date as Excel's serial day number (dates are written at UTC midnight: export-model.ts). */
export function excelSerial(d: Date): number {
  return (d.getTime() - EXCEL_EPOCH) / DAY_MS;
}

/** One cell's XML, or '' for an empty cell. */
function cellXml(ref: string, value: XCell, style: number): string {
  if (value === null || value === undefined) return '';
  const s = style ? ` s="${style}"` : '';
  if (typeof value === 'string') {
    if (value === '') return '';
    return `<c r="${ref}"${s} t="inlineStr"><is>${edgeSpace(value) ? '<t xml:space="preserve">' : '<t>'}${xmlText(value)}</t></is></c>`;
  }
  if (typeof value === 'number') return Number.isFinite(value) ? `<c r="${ref}"${s}><v>${value}</v></c>` : '';
  if (typeof value === 'boolean') return `<c r="${ref}"${s} t="b"><v>${value ? 1 : 0}</v></c>`;
  const t = value.getTime();
  return Number.isFinite(t) ? `<c r="${ref}"${s}><v>${excelSerial(value)}</v></c>` : '';
}

const styleOf = (c: Pick<XColumn, 'type'>) => (c.type === 'money' ? STYLE.money : c.type === 'date' ? STYLE.date : STYLE.plain);

interface SheetPart {
  name: string;
  hidden: boolean;
  /** the auto filter's range, when the sheet has one */
  filter: string | null;
}

/** A zip being written: parts go in whole (small) or as a stream of text chunks (sheets). */
class ZipWriter {
  readonly #zip: Zip;
  readonly #out: Uint8Array[] = [];
  readonly #encoder = new TextEncoder();
  #error: Error | null = null;
  #done = false;

  constructor() {
    this.#zip = new Zip((err, data, final) => {
      if (err) this.#error = err;
      else this.#out.push(data);
      if (final) this.#done = true;
    });
  }

  open(path: string): (text: string, last?: boolean) => void {
    const file = new ZipDeflate(path, { level: 1 });
    this.#zip.add(file);
    return (text, last = false) => file.push(this.#encoder.encode(text), last);
  }

  part(path: string, text: string) {
    this.open(path)(text, true);
  }

  finish(): Uint8Array {
    this.#zip.end();
    if (this.#error) throw this.#error;
    if (!this.#done) throw new Error('xlsx: the zip did not finish');
    const size = this.#out.reduce((n, c) => n + c.length, 0);
    const bytes = new Uint8Array(size);
    let at = 0;
    for (const c of this.#out) {
      bytes.set(c, at);
      at += c.length;
    }
    return bytes;
  }
}

function writeSheet(
  zip: ZipWriter,
  index: number,
  columns: readonly Pick<XColumn, 'type' | 'width' | 'hidden' | 'header'>[],
  rows: Iterable<XCell[]>,
  rowCount: number,
  opts: { frozenHeader: boolean; onRows?: (n: number) => void }
): string | null {
  const push = zip.open(`xl/worksheets/sheet${index}.xml`);
  const names = columns.map((_, j) => columnName(j));
  const styles = columns.map(styleOf);
  const last = names.length ? `${names[names.length - 1]}${rowCount + 1}` : 'A1';
  const range = `A1:${last}`;
  let head = `${XML_HEAD}<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><dimension ref="${range}"/>`;
  head += opts.frozenHeader
    ? '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>' +
      '<selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>'
    : '<sheetViews><sheetView workbookViewId="0"/></sheetViews>';
  head += '<sheetFormatPr defaultRowHeight="15"/>';
  if (columns.length) {
    head += '<cols>';
    columns.forEach((c, j) => {
      const style = styles[j] ? ` style="${styles[j]}"` : '';
      head += `<col min="${j + 1}" max="${j + 1}" width="${c.width}" customWidth="1"${c.hidden ? ' hidden="1"' : ''}${style}/>`;
    });
    head += '</cols>';
  }
  // the header row carries the bold style itself too, so cells typed into it later are bold
  head += opts.frozenHeader ? `<sheetData><row r="1" s="${STYLE.header}" customFormat="1">` : '<sheetData><row r="1">';
  columns.forEach((c, j) => (head += cellXml(`${names[j]}1`, c.header, opts.frozenHeader ? STYLE.header : STYLE.plain)));
  head += '</row>';
  push(head);

  let chunk = '';
  let r = 1;
  let inChunk = 0;
  for (const values of rows) {
    r++;
    let xml = `<row r="${r}">`;
    for (let j = 0; j < names.length; j++) {
      const v = values[j];
      if (v !== null && v !== undefined) xml += cellXml(names[j] + r, v, styles[j]);
    }
    chunk += xml + '</row>';
    if (++inChunk === ROWS_PER_CHUNK) {
      push(chunk);
      opts.onRows?.(inChunk);
      chunk = '';
      inChunk = 0;
    }
  }
  opts.onRows?.(inChunk);
  const filter = opts.frozenHeader && columns.length ? `<autoFilter ref="${range}"/>` : '';
  push(`${chunk}</sheetData>${filter}</worksheet>`, true);
  return filter ? range : null;
}

function* rowValues(sheet: XSheet): Generator<XCell[]> {
  const getters = sheet.columns.map((c) => c.value);
  const n = getters.length;
  for (const row of sheet.rows) {
    const values = new Array<XCell>(n);
    for (let j = 0; j < n; j++) values[j] = getters[j](row);
    yield values;
  }
}

/** `'it''s'!$A$1:$C$9` */
function absoluteRange(sheet: string, range: string): string {
  const [from, to] = range.split(':').map((ref) => ref.replace(/^([A-Z]+)(\d+)$/, '$$$1$$$2'));
  return `'${sheet.replace(/'/g, "''")}'!${from}:${to}`;
}

export async function writeXlsx(sheets: readonly XSheet[], meta: ExportMeta, onProgress?: WriteProgress): Promise<Uint8Array> {
  const zip = new ZipWriter();
  const total = sheets.reduce((n, s) => n + s.rows.length, 0);
  let done = 0;
  let reported = 0;
  const onRows = (n: number) => {
    done += n;
    if (done - reported >= 4096 || done === total) {
      reported = done;
      onProgress?.(done, total);
    }
  };

  // the package's own parts first: some tools sniff a file by its first zip entry
  const sheetFiles = Array.from({ length: sheets.length + 1 }, (_, i) => i);
  zip.part(
    '_rels/.rels',
    `${XML_HEAD}<Relationships xmlns="${PKG_REL_NS}">` +
      `<Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/>` +
      '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>' +
      `<Relationship Id="rId3" Type="${REL_NS}/extended-properties" Target="docProps/app.xml"/></Relationships>`
  );
  const ct = 'application/vnd.openxmlformats-officedocument';
  zip.part(
    '[Content_Types].xml',
    `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      `<Override PartName="/xl/workbook.xml" ContentType="${ct}.spreadsheetml.sheet.main+xml"/>` +
      sheetFiles.map((i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="${ct}.spreadsheetml.worksheet+xml"/>`).join('') +
      `<Override PartName="/xl/styles.xml" ContentType="${ct}.spreadsheetml.styles+xml"/>` +
      '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>' +
      `<Override PartName="/docProps/app.xml" ContentType="${ct}.extended-properties+xml"/></Types>`
  );
  const parts: SheetPart[] = [];
  const used = new Set<string>();
  for (const sheet of sheets) {
    let name = sheetName(sheet.name);
    for (let i = 2; used.has(name) || name === META_SHEET; i++) name = sheetName(`${sheet.name.slice(0, 27)} (${i})`);
    used.add(name);
    const filter = writeSheet(zip, parts.length + 1, sheet.columns, rowValues(sheet), sheet.rows.length, { frozenHeader: true, onRows });
    parts.push({ name, hidden: false, filter });
    // let the worker answer a cancel between sheets
    await Promise.resolve();
  }
  const [metaHeader, ...metaBody] = metaRows(meta);
  const metaColumns = metaHeader.map((header) => ({ header, type: 'text' as const, width: 20, hidden: false }));
  writeSheet(zip, parts.length + 1, metaColumns, metaBody, metaBody.length, { frozenHeader: false });
  parts.push({ name: META_SHEET, hidden: true, filter: null });

  const sheetEntries = parts
    .map((p, i) => `<sheet name="${xmlText(p.name)}" sheetId="${i + 1}"${p.hidden ? ' state="veryHidden"' : ''} r:id="rId${i + 1}"/>`)
    .join('');
  const filters = parts
    .map((p, i) =>
      p.filter
        ? `<definedName name="_xlnm._FilterDatabase" localSheetId="${i}" hidden="1">${xmlText(absoluteRange(p.name, p.filter))}</definedName>`
        : ''
    )
    .join('');
  zip.part(
    'xl/workbook.xml',
    `${XML_HEAD}<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><bookViews><workbookView activeTab="0"/></bookViews>` +
      `<sheets>${sheetEntries}</sheets>${filters ? `<definedNames>${filters}</definedNames>` : ''}</workbook>`
  );
  zip.part(
    'xl/_rels/workbook.xml.rels',
    `${XML_HEAD}<Relationships xmlns="${PKG_REL_NS}">` +
      parts.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${REL_NS}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('') +
      `<Relationship Id="rId${parts.length + 1}" Type="${REL_NS}/styles" Target="styles.xml"/></Relationships>`
  );
  zip.part('xl/styles.xml', XML_HEAD + STYLES);
  zip.part(
    'docProps/core.xml',
    `${XML_HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ` +
      'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
      `<dc:creator>Kebu</dc:creator><dcterms:created xsi:type="dcterms:W3CDTF">${new Date(wallTime()).toISOString().replace(/\.\d+Z$/, 'Z')}</dcterms:created></cp:coreProperties>`
  );
  zip.part(
    'docProps/app.xml',
    `${XML_HEAD}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>Kebu</Application></Properties>`
  );
  return zip.finish();
}
