/**
 * ExcelJS, loaded on demand: it is large (about 1 MB), and only reading or writing a workbook needs
 * it, so it never lands in the first page's JavaScript. It is the one xlsx library: it reads what
 * Excel, WPS and LibreOffice write (merged cells and formulas included, which we must detect) and
 * writes typed cells with number formats, bold, frozen panes, auto filters, widths and hidden
 * columns. (SheetJS's npm release is the old 0.18.5, with known parsing advisories; its newer
 * releases are not on the npm registry, and its free edition writes no styles.)
 */
import type * as ExcelJSModule from 'exceljs';

export type ExcelJS = typeof ExcelJSModule;

let loading: Promise<ExcelJS> | null = null;

export function loadExcelJS(): Promise<ExcelJS> {
  loading ??= import('exceljs').then((mod) => ((mod as unknown as { default?: ExcelJS }).default ?? mod) as ExcelJS);
  return loading;
}
