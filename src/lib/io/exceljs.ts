/**
 * ExcelJS, loaded on demand: it is large (about 1 MB), and only reading a workbook needs it, so it
 * never lands in the first page's JavaScript. It reads what Excel, WPS and LibreOffice write
 * (merged cells and formulas included, which we must detect). Writing is xlsx-write.ts's (see
 * README.md for why). SheetJS's npm release is the old 0.18.5, with known parsing advisories; its
 * newer releases are not on the npm registry.
 */
import type * as ExcelJSModule from 'exceljs';

export type ExcelJS = typeof ExcelJSModule;

let loading: Promise<ExcelJS> | null = null;

export function loadExcelJS(): Promise<ExcelJS> {
  loading ??= import('exceljs').then((mod) => ((mod as unknown as { default?: ExcelJS }).default ?? mod) as ExcelJS);
  return loading;
}
