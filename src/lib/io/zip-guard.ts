/**
 * A workbook checked while it inflates, before ExcelJS reads it: ExcelJS unpacks every part into
 * memory and builds a string per cell, so a 300 KB file holding one 300 MB cell (or a zip bomb)
 * would take the tab down before any check could run. Here fflate's streaming unzip inflates each
 * part in chunks, and a small scanner walks the XML bytes as they come:
 *
 *   - what the parts unpack to, together, is bounded (MAX_UNPACKED_BYTES);
 *   - a run of text (a cell's value, a shared string) is bounded (MAX_CELL_CHARS), counted in
 *     characters (UTF-8 lead bytes; an entity such as `&amp;` is one);
 *   - a cell with content beyond MAX_COLUMNS, or more than MAX_ROWS + 1 rows with content.
 *
 * The first limit exceeded stops the part and is reported with where it was: the sheet's name and
 * the cell's address (a shared string too long is traced to the first cell that uses it). A zip
 * without its end record (a file cut short in a download) is reported as truncated.
 */
import { Unzip, UnzipInflate, UnzipPassThrough } from 'fflate';
import { IoError, MAX_CELL_CHARS, MAX_COLUMNS, MAX_ROWS, MAX_UNPACKED_BYTES, MB } from './errors';

const CHUNK = 64 * 1024;
const LT = 0x3c;
const GT = 0x3e;
const AMP = 0x26;
const SEMI = 0x3b;

type Found =
  | { kind: 'cell'; part: string; cell: string }
  | { kind: 'shared'; index: number }
  | { kind: 'columns'; part: string; cell: string }
  | { kind: 'rows'; part: string }
  | { kind: 'unpacked'; part: string };

const isSheet = (part: string) => /^xl\/worksheets\/[^/]+\.xml$/.test(part);
const isShared = (part: string) => part === 'xl/sharedStrings.xml';

function columnNumber(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i++) n = n * 26 + (letters.charCodeAt(i) - 64);
  return n;
}

/** Walks one XML part's bytes: text runs, and the cells (`<c r=… t=…><v>…</v></c>`) of a sheet. */
class XmlScanner {
  #inTag = false;
  #inEntity = false;
  #tag = '';
  #run = 0;
  #cell = '';
  #cellType = '';
  #hasValue = false;
  #v: string | null = null;
  #row = -1;
  #rows = 0;
  #shared = -1;
  found: Found | null = null;

  constructor(
    readonly part: string,
    /** pass 2: the shared string whose first cell we look for */
    readonly lookFor: number | null = null
  ) {}

  push(bytes: Uint8Array): void {
    for (let i = 0; i < bytes.length && !this.found; i++) {
      const b = bytes[i];
      if (this.#inTag) {
        if (b === GT) this.#endTag();
        else if (this.#tag.length < 256) this.#tag += String.fromCharCode(b);
      } else if (b === LT) {
        this.#inTag = true;
        this.#tag = '';
        this.#run = 0;
        this.#inEntity = false;
      } else {
        if (this.#v !== null && this.#v.length < 16) this.#v += String.fromCharCode(b);
        if (this.#inEntity) {
          if (b === SEMI) this.#inEntity = false;
          continue;
        }
        if (b === AMP) this.#inEntity = true;
        else if ((b & 0xc0) === 0x80) continue;
        if (++this.#run > MAX_CELL_CHARS && this.lookFor === null) this.#tooLong();
      }
    }
  }

  #tooLong() {
    if (isShared(this.part)) this.found = { kind: 'shared', index: this.#shared };
    else this.found = { kind: 'cell', part: this.part, cell: this.#cell || '?' };
  }

  #endTag() {
    this.#inTag = false;
    const tag = this.#tag;
    const name = /^\/?[\w:]+/.exec(tag)?.[0] ?? '';
    if (name === 'si') this.#shared++;
    else if (name === 'c') {
      this.#cell = /\br="([A-Z]+\d+)"/.exec(tag)?.[1] ?? '';
      this.#cellType = /\bt="(\w+)"/.exec(tag)?.[1] ?? '';
      this.#hasValue = false;
      if (tag.endsWith('/')) this.#cell = '';
    } else if (name === 'v' || name === 'is') {
      this.#hasValue = true;
      if (name === 'v') this.#v = '';
    } else if (name === '/v') {
      if (this.lookFor !== null && this.#cellType === 's' && Number(this.#v) === this.lookFor) {
        this.found = { kind: 'cell', part: this.part, cell: this.#cell };
      }
      this.#v = null;
    } else if (name === '/c') {
      if (this.#hasValue && this.lookFor === null) this.#cellDone();
      this.#cell = '';
    }
  }

  #cellDone() {
    const m = /^([A-Z]+)(\d+)$/.exec(this.#cell);
    if (!m) return;
    if (columnNumber(m[1]) > MAX_COLUMNS) {
      this.found = { kind: 'columns', part: this.part, cell: this.#cell };
      return;
    }
    const row = Number(m[2]);
    if (row !== this.#row) {
      this.#row = row;
      if (++this.#rows > MAX_ROWS + 1) this.found = { kind: 'rows', part: this.part };
    }
  }
}

/**
 * One streaming pass over the zip: every part (`all`, counted towards the bound), or only those
 * that `scan` gives a scanner or `keep` keeps (small parts, as text); the others are skipped unread.
 */
function pass(
  bytes: Uint8Array,
  scan: (part: string) => XmlScanner | null,
  keep: (part: string) => boolean = () => false,
  all = false
): { found: Found | null; kept: Map<string, string> } {
  let total = 0;
  let found: Found | null = null;
  const kept = new Map<string, string>();
  const unzip = new Unzip((file) => {
    const scanner = scan(file.name);
    const chunks: Uint8Array[] | null = keep(file.name) ? [] : null;
    if (!scanner && !chunks && !all) return;
    let size = 0;
    file.ondata = (err, data, final) => {
      if (found) return;
      if (err) throw new IoError('io.error.notSpreadsheet');
      total += data.length;
      size += data.length;
      if (total > MAX_UNPACKED_BYTES) {
        found = { kind: 'unpacked', part: file.name };
        file.terminate();
        return;
      }
      scanner?.push(data);
      if (scanner?.found) {
        found = scanner.found;
        file.terminate();
        return;
      }
      if (chunks && size < 4 * MB) chunks.push(data.slice());
      if (chunks && final) kept.set(file.name, new TextDecoder().decode(concat(chunks)));
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  unzip.register(UnzipPassThrough);
  try {
    for (let at = 0; at < bytes.length && !found; at += CHUNK) {
      unzip.push(bytes.subarray(at, Math.min(bytes.length, at + CHUNK)), at + CHUNK >= bytes.length);
    }
  } catch (e) {
    if (e instanceof IoError) throw e;
    throw new IoError('io.error.notSpreadsheet');
  }
  return { found, kept };
}

function concat(chunks: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/** The end-of-central-directory record (`PK\x05\x06`) within the last 64 KB + 22 bytes. */
function hasEnd(bytes: Uint8Array): boolean {
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 65_557); i--) {
    if (bytes[i] === 0x50 && bytes[i + 1] === 0x4b && bytes[i + 2] === 5 && bytes[i + 3] === 6) return true;
  }
  return false;
}

/** The beginning of a workbook: a part under `xl/` or the content types among the first names. */
function looksLikeWorkbook(bytes: Uint8Array): boolean {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 64 * 1024));
  return head.includes('[Content_Types].xml') || head.includes('xl/');
}

const WORKBOOK = 'xl/workbook.xml';
const RELS = 'xl/_rels/workbook.xml.rels';

/** A sheet part's name as the user sees it (workbook.xml and its relations), else the part's file name. */
function sheetName(part: string, kept: Map<string, string>): string {
  const rels = kept.get(RELS) ?? '';
  const book = kept.get(WORKBOOK) ?? '';
  for (const m of rels.matchAll(/<Relationship\b[^>]*>/g)) {
    const id = /\bId="([^"]+)"/.exec(m[0])?.[1];
    const target = /\bTarget="([^"]+)"/.exec(m[0])?.[1]?.replace(/^\/?(xl\/)?/, 'xl/');
    if (!id || target !== part) continue;
    for (const s of book.matchAll(/<sheet\b[^>]*>/g)) {
      if (new RegExp(`\\br:id="${id}"`).test(s[0])) return /\bname="([^"]*)"/.exec(s[0])?.[1] ?? part;
    }
  }
  return part.split('/').pop() ?? part;
}

/** Throw the IoError for the first limit a workbook exceeds, before anything parses it. */
export function guardWorkbook(bytes: Uint8Array): void {
  if (!hasEnd(bytes)) throw new IoError(looksLikeWorkbook(bytes) ? 'io.error.truncated' : 'io.error.notSpreadsheet');
  let found = pass(bytes, (p) => (p.endsWith('.xml') ? new XmlScanner(p) : null), undefined, true).found;
  if (!found) return;
  if (found.kind === 'shared') {
    // the first cell that shows the string (sheets only, each still bounded as it inflates)
    const index = found.index;
    const traced = pass(bytes, (p) => (isSheet(p) ? new XmlScanner(p, index) : null)).found;
    found = traced?.kind === 'cell' ? traced : { kind: 'cell', part: 'xl/sharedStrings.xml', cell: '?' };
  }
  // the sheets' names: two small parts, read on their own
  const { kept } = pass(
    bytes,
    () => null,
    (p) => p === WORKBOOK || p === RELS
  );
  switch (found.kind) {
    case 'unpacked':
      throw new IoError('io.error.unpackedTooLarge', { max: MAX_UNPACKED_BYTES / MB, part: found.part });
    case 'rows':
      throw new IoError('io.error.tooManyRows', { rows: `${MAX_ROWS}+`, max: MAX_ROWS });
    case 'columns':
      throw new IoError('io.error.tooManyColumns', { place: sheetName(found.part, kept), cell: found.cell, max: MAX_COLUMNS });
    case 'cell':
      throw new IoError('io.error.cellTooLong', { place: sheetName(found.part, kept), cell: found.cell, max: MAX_CELL_CHARS });
  }
}
