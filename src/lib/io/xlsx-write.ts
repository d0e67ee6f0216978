/**
 * Sheets to an `.xlsx` workbook with ExcelJS: typed cells with number formats, a bold header row
 * that stays put when scrolling (frozen) and carries an auto filter, fitted column widths, hidden
 * id columns, and the very hidden `kebu` sheet describing custom columns (meta.ts). Text is
 * always a string cell: nothing we write is ever a formula.
 */
import { loadExcelJS } from './exceljs';
import { META_SHEET, metaRows, type ExportMeta } from './meta';
import { sheetName, type XSheet } from './export-model';

export interface WriteProgress {
  (done: number, total: number): void;
}

export async function writeXlsx(sheets: readonly XSheet[], meta: ExportMeta, onProgress?: WriteProgress): Promise<Uint8Array> {
  const ExcelJS = await loadExcelJS();
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Kebu';
  wb.created = new Date();
  const total = sheets.reduce((n, s) => n + s.rows.length, 0);
  let done = 0;
  const used = new Set<string>();
  for (const sheet of sheets) {
    let name = sheetName(sheet.name);
    for (let i = 2; used.has(name); i++) name = sheetName(`${sheet.name.slice(0, 27)} (${i})`);
    used.add(name);
    const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', xSplit: 0, ySplit: 1 }] });
    // a style only where there is a format: ExcelJS looks up every styled cell's style
    ws.columns = sheet.columns.map((c) => ({
      header: c.header,
      key: c.key,
      width: c.width,
      hidden: c.hidden ?? false,
      ...(c.numFmt ? { style: { numFmt: c.numFmt } } : {})
    }));
    const header = ws.getRow(1);
    header.font = { bold: true };
    ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: sheet.columns.length } };
    const getters = sheet.columns.map((c) => c.value);
    const n = getters.length;
    for (const row of sheet.rows) {
      const values = new Array(n);
      for (let j = 0; j < n; j++) values[j] = getters[j](row);
      ws.addRow(values);
      if ((++done & 4095) === 0) onProgress?.(done, total);
    }
    onProgress?.(done, total);
  }
  const ms = wb.addWorksheet(META_SHEET, { state: 'veryHidden' });
  ms.addRows(metaRows(meta));
  // level 1: nearly as small, and the zip is a large part of the time
  const buffer = await wb.xlsx.writeBuffer({
    zip: { compression: 'DEFLATE', compressionOptions: { level: 1 } }
  } as never);
  return new Uint8Array(buffer as ArrayBuffer);
}
