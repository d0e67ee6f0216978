#!/usr/bin/env node
/**
 * The hostile-file corpus: files built to break an import, written to tests/fixtures/hostile/
 * (git-ignored: some unpack to hundreds of megabytes, so they are made, not committed). Files that
 * already exist are kept, so running it again is quick. The unit tests (src/lib/io/hostile.test.ts)
 * and the end-to-end spec (tests/e2e/hostile-files.spec.ts) run it before they start.
 *
 *   node scripts/make-hostile.mjs [dir]
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { constants, gzipSync } from 'node:zlib';
import { Zip, ZipDeflate, zipSync, strToU8 } from 'fflate';

const here = dirname(fileURLToPath(import.meta.url));
const dir = process.argv[2] ?? join(here, '..', 'tests', 'fixtures', 'hostile');
const MB = 1024 * 1024;

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>`;
const RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
const WORKBOOK = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="客户" sheetId="1" r:id="rId1"/></sheets></workbook>`;
const WORKBOOK_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>`;
const SHEET_HEAD = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`;
const SHEET_TAIL = `</sheetData></worksheet>`;

const inline = (ref, text) => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;
const shared = (ref, index) => `<c r="${ref}" t="s"><v>${index}</v></c>`;
const sst = (strings) =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${strings.length}" uniqueCount="${strings.length}">${strings.map((s) => `<si><t>${s}</t></si>`).join('')}</sst>`;

/** A small, sound workbook: a header and two customers. */
function soundWorkbook() {
  const sheet = `${SHEET_HEAD}<row r="1">${inline('A1', '客户名称')}${inline('B1', '手机')}</row><row r="2">${inline('A2', '杭州顺达物流')}${inline('B2', '13800138000')}</row><row r="3">${inline('A3', '宁波恒信贸易')}${inline('B3', '13900139000')}</row>${SHEET_TAIL}`;
  return zipSync({
    '[Content_Types].xml': strToU8(CONTENT_TYPES),
    '_rels/.rels': strToU8(RELS),
    'xl/workbook.xml': strToU8(WORKBOOK),
    'xl/_rels/workbook.xml.rels': strToU8(WORKBOOK_RELS),
    'xl/worksheets/sheet1.xml': strToU8(sheet),
    'xl/sharedStrings.xml': strToU8(sst([]))
  });
}

/**
 * A workbook streamed into a zip: `parts` are [name, chunks()] where chunks yields strings or
 * byte arrays, so hundreds of megabytes are deflated without ever being held.
 */
function streamedZip(parts) {
  const out = [];
  const zip = new Zip((err, data) => {
    if (err) throw err;
    out.push(data);
  });
  for (const [name, chunks] of parts) {
    const file = new ZipDeflate(name, { level: 6 });
    zip.add(file);
    let last = null;
    for (const c of chunks()) {
      if (last) file.push(last);
      last = typeof c === 'string' ? strToU8(c) : c;
    }
    file.push(last ?? new Uint8Array(0), true);
  }
  zip.end();
  return Buffer.concat(out);
}

function* repeat(chunk, times) {
  for (let i = 0; i < times; i++) yield chunk;
}

const basics = [
  ['[Content_Types].xml', () => [CONTENT_TYPES]],
  ['_rels/.rels', () => [RELS]],
  ['xl/workbook.xml', () => [WORKBOOK]],
  ['xl/_rels/workbook.xml.rels', () => [WORKBOOK_RELS]]
];

const A_MB = 'A'.repeat(MB);
const ZEROS = new Uint8Array(MB);

const files = {
  /** one shared string of 300 MB in cell B2 (about 300 KB zipped) */
  'huge-cell.xlsx': () =>
    streamedZip([
      ...basics,
      [
        'xl/worksheets/sheet1.xml',
        () => [`${SHEET_HEAD}<row r="1">${shared('A1', 0)}${shared('B1', 1)}</row><row r="2">${shared('A2', 2)}${shared('B2', 3)}</row>${SHEET_TAIL}`]
      ],
      [
        'xl/sharedStrings.xml',
        function* () {
          yield `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="4" uniqueCount="4"><si><t>客户名称</t></si><si><t>备注</t></si><si><t>杭州顺达物流</t></si><si><t>`;
          yield* repeat(A_MB, 300);
          yield `</t></si></sst>`;
        }
      ]
    ]),
  /** a sound sheet, and a 400 MB part of zeros beside it: a zip bomb */
  'zip-bomb.xlsx': () =>
    streamedZip([
      ...basics,
      [
        'xl/worksheets/sheet1.xml',
        () => [`${SHEET_HEAD}<row r="1">${inline('A1', '客户名称')}</row><row r="2">${inline('A2', '杭州顺达物流')}</row>${SHEET_TAIL}`]
      ],
      ['xl/media/image1.png', () => repeat(ZEROS, 400)]
    ]),
  /** 20 000 columns in the header of a sheet */
  'columns-20000.xlsx': () => {
    const cols = [];
    for (let j = 0; j < 20_000; j++) cols.push(inline(`${letters(j)}1`, `列${j + 1}`));
    return streamedZip([
      ...basics,
      ['xl/worksheets/sheet1.xml', () => [`${SHEET_HEAD}<row r="1">${cols.join('')}</row><row r="2">${inline('A2', '杭州')}</row>${SHEET_TAIL}`]]
    ]);
  },
  /** a sound workbook cut in half, as an unfinished download leaves it */
  'truncated.xlsx': () => {
    const whole = soundWorkbook();
    return whole.subarray(0, Math.floor(whole.length / 2));
  },
  'sound.xlsx': () => soundWorkbook(),
  /** a backup file that inflates to 600 MB of zeros (about 600 KB): a deflate bomb */
  'backup-bomb.kebu': () => gzipSync(Buffer.alloc(600 * MB), { level: constants.Z_BEST_COMPRESSION }),
  /** 20 000 columns, about 1.7 MB */
  'columns-20000.csv': () => {
    const header = Array.from({ length: 20_000 }, (_, j) => `列${j + 1}`).join(',');
    const row = Array.from({ length: 20_000 }, (_, j) => String(j)).join(',');
    return `${header}\r\n${row}\r\n${row}\r\n`;
  },
  /** one cell of 40 000 characters (C3) */
  'huge-cell.csv': () => `客户名称,手机,备注\r\n杭州顺达物流,13800138000,短\r\n宁波恒信贸易,13900139000,${'长'.repeat(40_000)}\r\n`,
  /** a row with more cells than the header (an unquoted comma), one with fewer */
  'ragged.csv': () =>
    '客户名称,手机,备注\r\n杭州顺达物流,13800138000,老客户\r\n宁波恒信贸易,13900139000,进口,出口\r\n温州恒达\r\n台州明远,13700137000,新客户\r\n',
  /** four rows ending in CRLF, LF, CR and CRLF */
  'mixed-eol.csv': () => '客户名称,手机\r\n杭州顺达物流,13800138000\n宁波恒信贸易,13900139000\r温州恒达,13700137000\r\n台州明远,13600136000\r\n',
  /** a NUL byte in a cell, past the first 4 KB (row 201, column B) */
  'nul.csv': () => {
    const rows = ['客户名称,备注'];
    for (let i = 1; i <= 300; i++) rows.push(`客户${i},${i === 200 ? 'a\0b' : '备注'}`);
    return rows.join('\r\n') + '\r\n';
  },
  'utf16le-bom.csv': () => utf16('客户名称,手机\r\n杭州顺达物流,13800138000\r\n宁波恒信贸易,13900139000\r\n', 'le', true),
  'utf16le.csv': () => utf16('客户名称,手机\r\n杭州顺达物流,13800138000\r\n宁波恒信贸易,13900139000\r\n', 'le', false),
  'utf16be-bom.csv': () => utf16('客户名称,手机\r\n杭州顺达物流,13800138000\r\n宁波恒信贸易,13900139000\r\n', 'be', true)
};

function letters(column) {
  let s = '';
  for (let n = column + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

function utf16(text, order, bom) {
  const out = Buffer.alloc((text.length + (bom ? 1 : 0)) * 2);
  let at = 0;
  const put = (code) => {
    if (order === 'le') out.writeUInt16LE(code, at);
    else out.writeUInt16BE(code, at);
    at += 2;
  };
  if (bom) put(0xfeff);
  for (let i = 0; i < text.length; i++) put(text.charCodeAt(i));
  return out;
}

mkdirSync(dir, { recursive: true });
for (const [name, make] of Object.entries(files)) {
  const path = join(dir, name);
  if (existsSync(path)) continue;
  writeFileSync(path, make());
}
console.log(`hostile corpus in ${dir}: ${Object.keys(files).join(', ')}`);
