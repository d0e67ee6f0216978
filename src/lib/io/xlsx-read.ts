/**
 * One sheet of an `.xlsx` workbook as rows of cells, with ExcelJS. A formula anywhere in the sheet
 * and merged cells in its header row are refused with the cell's address (see source.ts). The
 * bytes pass zip-guard.ts first: ExcelJS only ever sees a workbook within the limits.
 */
import type { CellValue, Worksheet } from 'exceljs';
import { IoError } from './errors';
import { loadExcelJS } from './exceljs';
import { META_SHEET, parseMeta, type ExportMeta } from './meta';
import { toTable, type RawCell, type SourceInfo, type SourceTable } from './source';
import { guardWorkbook } from './zip-guard';

/**
 * Text as SpreadsheetML escapes what XML cannot carry: `_x000D_` is a carriage return (Excel writes
 * those), `_x005F_` a literal `_`. ExcelJS hands the escapes over as they are; decode them.
 */
export function decodeExcelEscapes(s: string): string {
  return s.includes('_x') ? s.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))) : s;
}

function plain(value: CellValue): RawCell | { formula: true } {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return decodeExcelEscapes(value);
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return value;
  if (typeof value === 'object') {
    if ('formula' in value || 'sharedFormula' in value) return { formula: true };
    if ('richText' in value) return decodeExcelEscapes(value.richText.map((r) => r.text).join(''));
    if ('text' in value && typeof value.text === 'string') return decodeExcelEscapes(value.text);
    if ('error' in value) return String(value.error);
  }
  return String(value);
}

function sheetRows(ws: Worksheet): { rows: RawCell[][]; numbers: number[] } {
  const rows: RawCell[][] = [];
  const numbers: number[] = [];
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: RawCell[] = [];
    row.eachCell({ includeEmpty: false }, (cell, col) => {
      const v = plain(cell.value);
      if (v !== null && typeof v === 'object' && 'formula' in v) {
        throw new IoError('io.error.formula', { cell: cell.address, sheet: ws.name });
      }
      cells[col - 1] = v;
    });
    for (let i = 0; i < cells.length; i++) if (cells[i] === undefined) cells[i] = null;
    rows.push(cells);
    numbers.push(rowNumber);
  });
  return { rows, numbers };
}

/** Merged cells in the header row (the first row with anything in it): a range like `A1:C1`. */
function mergedHeader(ws: Worksheet): string | null {
  let headerRow = 0;
  ws.eachRow({ includeEmpty: false }, (_row, n) => {
    if (!headerRow) headerRow = n;
  });
  if (!headerRow) return null;
  const row = ws.getRow(headerRow);
  const merged: string[] = [];
  for (let c = 1; c <= Math.max(row.cellCount, ws.columnCount); c++) {
    const cell = row.getCell(c);
    if (cell.isMerged) merged.push(cell.address);
  }
  return merged.length ? `${merged[0]}:${merged[merged.length - 1]}` : null;
}

export async function readWorkbook(bytes: Uint8Array, sheetName?: string): Promise<{ info: SourceInfo; table: SourceTable }> {
  guardWorkbook(bytes);
  const ExcelJS = await loadExcelJS();
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  } catch {
    throw new IoError('io.error.notSpreadsheet');
  }
  let meta: ExportMeta | null = null;
  const metaSheet = wb.worksheets.find((w) => w.name === META_SHEET && w.state !== 'visible');
  if (metaSheet) {
    try {
      meta = parseMeta(sheetRows(metaSheet).rows.map((r) => r.map((c) => (c === null ? '' : String(c)))));
    } catch {
      meta = null;
    }
  }
  const visible = wb.worksheets.filter((w) => w.state === 'visible' || w.state === undefined);
  if (!visible.length) throw new IoError('io.error.noSheet');
  const ws = (sheetName ? visible.find((w) => w.name === sheetName) : visible.find((w) => w.actualRowCount > 0)) ?? visible[0];
  if (sheetName && ws.name !== sheetName) throw new IoError('io.error.noSheet');
  const range = mergedHeader(ws);
  if (range) throw new IoError('io.error.mergedHeader', { range, sheet: ws.name });
  const { rows, numbers } = sheetRows(ws);
  const table = toTable(rows, 1, numbers);
  return { info: { kind: 'xlsx', sheets: visible.map((w) => w.name), sheet: ws.name, meta }, table };
}
