import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messages } from '$lib/i18n/messages';
import { translate } from '$lib/i18n/translate';
import { IoError, MB } from './errors';
import { loadExcelJS } from './exceljs';
import { ImportSession } from './import-session';
import type { EncodingChoice } from './encoding';
import { ALICE, demoWorkspace, everything } from './test-support';

let ws: Awaited<ReturnType<typeof demoWorkspace>>;
let before: unknown;
beforeAll(async () => {
  ws = await demoWorkspace(20);
  before = await everything(ws.db);
});
afterAll(() => ws.close());

async function workbook(build: (ws: import('exceljs').Worksheet) => void): Promise<Uint8Array> {
  const ExcelJS = await loadExcelJS();
  const wb = new ExcelJS.Workbook();
  build(wb.addWorksheet('客户'));
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

const gbk = new Uint8Array(readFileSync(new URL('../../../tests/fixtures/io/customers-gbk.csv', import.meta.url)));

const cases: [string, string, () => Promise<Blob | Uint8Array>, EncodingChoice | undefined, string][] = [
  [
    'a picture',
    'photo.png',
    async () => new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]),
    undefined,
    'io.error.notSpreadsheet'
  ],
  ['binary data named .csv', 'data.csv', async () => new Uint8Array([1, 2, 3, 0, 0, 0, 200, 201, 0, 7]), undefined, 'io.error.notSpreadsheet'],
  [
    'a zip that is not a workbook',
    'book.xlsx',
    async () => new Uint8Array([0x50, 0x4b, 0x03, 0x04, 20, 0, 0, 0, 0, 0, 1, 2, 3]),
    undefined,
    'io.error.notSpreadsheet'
  ],
  ['an old .xls', 'old.xls', async () => new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), undefined, 'io.error.xls'],
  ['an empty file', 'empty.csv', async () => new Uint8Array(0), undefined, 'io.error.empty'],
  ['a header without rows', 'header.csv', async () => new TextEncoder().encode('客户名称,手机\r\n\r\n'), undefined, 'io.error.empty'],
  ['a 200 MB file', 'huge.csv', async () => new Blob([new Uint8Array(200 * MB)]), undefined, 'io.error.tooLarge'],
  ['GBK read as UTF-8', 'customers-gbk.csv', async () => gbk, 'utf-8', 'io.error.encoding'],
  [
    'bytes that are no known encoding',
    'weird.csv',
    async () => new Uint8Array([0x41, 0x2c, 0xff, 0xfe, 0xfd, 0x0a, 0x42, 0x2c, 0xff, 0x0a]),
    undefined,
    'io.error.encoding'
  ],
  [
    'merged header cells',
    'merged.xlsx',
    () =>
      workbook((s) => {
        s.addRow(['客户名称', '', '手机']);
        s.mergeCells('A1:B1');
        s.addRow(['杭州顺达物流', '', '13800138000']);
      }),
    undefined,
    'io.error.mergedHeader'
  ],
  [
    'a formula cell',
    'formula.xlsx',
    () =>
      workbook((s) => {
        s.addRow(['客户名称', '年采购额']);
        s.addRow(['杭州顺达物流', 100]);
        s.addRow(['合计', { formula: 'SUM(B2:B2)', result: 100 }]);
      }),
    undefined,
    'io.error.formula'
  ]
];

describe('bad files', () => {
  it.each(cases)('%s gets its message and changes nothing', async (_what, name, make, encoding, code) => {
    const session = new ImportSession(ws.db, ALICE, 'zh-CN');
    const err = await session.open(name, await make(), { encoding }).catch((e: unknown) => e);
    session.destroy();
    expect(err).toBeInstanceOf(IoError);
    const e = err as IoError;
    expect(e.code).toBe(code);
    // a sentence in both languages, every placeholder filled
    for (const locale of ['zh-CN', 'en'] as const) {
      const text = translate(locale, e.code, e.params);
      expect(text).not.toMatch(/\{\w+\}/);
      expect(text).toBe(translate(locale, e.code, e.params));
      expect(messages[locale][e.code]).toBeTruthy();
    }
    expect(await everything(ws.db)).toEqual(before);
  });

  it('names the cell of a formula and the range of merged headers', async () => {
    const session = new ImportSession(ws.db, ALICE, 'en');
    const formula = (await session.open('f.xlsx', await cases[10][2]()).catch((e: unknown) => e)) as IoError;
    expect(formula.params).toEqual({ cell: 'B3', sheet: '客户' });
    expect(translate('en', formula.code, formula.params)).toBe(
      'Cell B3 of sheet “客户” is a formula. Copy the sheet and “Paste special → Values”, save, then import.'
    );
    const merged = (await session.open('m.xlsx', await cases[9][2]()).catch((e: unknown) => e)) as IoError;
    expect(merged.params).toEqual({ range: 'A1:B1', sheet: '客户' });
    const huge = (await session.open('h.csv', await cases[6][2]()).catch((e: unknown) => e)) as IoError;
    expect(translate('zh-CN', huge.code, huge.params)).toBe('文件太大（200 MB），最大 100 MB。可以把表格拆成几个文件分别导入。');
  });
});
