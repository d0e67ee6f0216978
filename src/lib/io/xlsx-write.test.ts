import { afterEach, describe, expect, it } from 'vitest';
import { loadExcelJS } from './exceljs';
import { runExport } from './export-job';
import { demoWorkspace } from './test-support';
import { readWorkbook } from './xlsx-read';
import { columnName, excelSerial, writeXlsx, xmlText } from './xlsx-write';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

describe('the .xlsx we write', () => {
  it('has typed cells with formats, a bold frozen filtered header, fitted widths and hidden ids', async () => {
    const ws = await demoWorkspace(20);
    cleanups.push(ws.close);
    await ws.writes.write('change.column', [
      { type: 'insert', table: 'customColumns', record: { id: 'k-m', table: 'customers', label: '年采购额', type: 'money', order: 1 } },
      { type: 'insert', table: 'customColumns', record: { id: 'k-d', table: 'customers', label: '签约日期', type: 'date', order: 2 } },
      { type: 'insert', table: 'customColumns', record: { id: 'k-n', table: 'customers', label: '门店数', type: 'number', order: 3 } }
    ]);
    const id = (await ws.db.customers.toArray())[0].id;
    await ws.writes.write('change.edit', [
      { type: 'update', table: 'customers', id, patch: { name: '=1+2', 'x_k-m': 123456, 'x_k-d': '2025-03-01', 'x_k-n': 7 } }
    ]);
    const file = await runExport(ws.db, { scope: 'workspace', format: 'xlsx', locale: 'en', baseName: 'all' });
    const ExcelJS = await loadExcelJS();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file.bytes.buffer as ArrayBuffer);
    expect(wb.worksheets.map((s) => [s.name, s.state])).toEqual([
      ['Customers', 'visible'],
      ['Contacts', 'visible'],
      ['Follow-ups', 'visible'],
      ['Staff', 'visible'],
      ['Org units', 'visible'],
      ['kebu', 'veryHidden']
    ]);
    const sheet = wb.getWorksheet('Customers')!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1) as string[];
    const col = (h: string) => header.indexOf(h) + 1;
    expect(sheet.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(sheet.getRow(1).font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.autoFilter).toBeTruthy();
    expect(sheet.getColumn(col('kebu:id')).hidden).toBe(true);
    expect(sheet.getColumn(col('kebu:managerId')).hidden).toBe(true);
    expect(sheet.getColumn(col('Name')).hidden).toBe(false);
    expect(sheet.getColumn(col('Name')).width).toBeGreaterThan(sheet.getColumn(col('Tier')).width!);

    let row = 0;
    sheet.eachRow((r, n) => {
      if (r.getCell(col('kebu:id')).value === id) row = n;
    });
    const cell = (h: string) => sheet.getRow(row).getCell(col(h));
    expect(cell('Name').value).toBe('=1+2');
    expect(cell('Name').type).toBe(ExcelJS.ValueType.String);
    expect(cell('年采购额').value).toBe(1234.56);
    expect(cell('年采购额').numFmt).toBe('#,##0.00');
    expect(cell('签约日期').value).toEqual(new Date(Date.UTC(2025, 2, 1)));
    expect(cell('签约日期').numFmt).toBe('yyyy-mm-dd');
    expect(cell('门店数').value).toBe(7);
    expect(cell('Kind').value).toMatch(/^(Unit|Individual)$/);
  });
});

describe('xlsx writing helpers', () => {
  it.each([
    [0, 'A'],
    [25, 'Z'],
    [26, 'AA'],
    [51, 'AZ'],
    [52, 'BA'],
    [701, 'ZZ'],
    [702, 'AAA'],
    [16383, 'XFD']
  ])('column %i is %s', (i, name) => expect(columnName(i)).toBe(name));

  it.each([
    ['plain 客户', 'plain 客户'],
    ['a & b <c> "d"', 'a &amp; b &lt;c&gt; &quot;d&quot;'],
    ['bell\u0007', 'bell_x0007_'],
    ['tab\tand\nline', 'tab\tand\nline'],
    ['_x0041_ typed', '_x005F_x0041_ typed'],
    ['_x not an escape', '_x not an escape']
  ])('xmlText(%j) = %j', (input, xml) => expect(xmlText(input)).toBe(xml));

  it.each([
    [Date.UTC(1900, 0, 1), 2],
    [Date.UTC(2025, 2, 1), 45717],
    [Date.UTC(1970, 0, 1), 25569]
  ])('date %i is serial %i', (ms, serial) => expect(excelSerial(new Date(ms))).toBe(serial));

  it('writes text that XML cannot carry so that it reads back as typed', async () => {
    const texts = ['=1+2', '+86 138', '-5', '@SUM(A1)', '\tindent', ' 前后空格 ', 'bell\u0007', '_x0041_ typed', '第一行\n第二行', 'a & <b>'];
    const column = {
      key: 'name',
      header: '名称',
      type: 'text' as const,
      width: 20,
      value: (r: Record<string, unknown>) => r.name as string,
      text: (r: Record<string, unknown>) => r.name as string
    };
    const bytes = await writeXlsx([{ name: 'T', table: 'customers', columns: [column], rows: texts.map((name) => ({ name })) }], {
      version: 1,
      columns: []
    });
    const { table } = await readWorkbook(bytes, 'T');
    expect(table.header).toEqual(['名称']);
    expect(table.rows.map((r) => r[0])).toEqual(texts);
  });
});
