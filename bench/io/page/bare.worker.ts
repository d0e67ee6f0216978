/**
 * The baselines of the export benchmark: each library on its own, writing the same array of
 * arrays to an .xlsx in a worker, with its default options.
 */
type Cell = string | number | boolean | Date | null;

self.onmessage = async (e: MessageEvent<{ lib: 'exceljs' | 'sheetjs'; aoa: Cell[][] }>) => {
  const { lib, aoa } = e.data;
  const start = performance.now();
  if (lib === 'exceljs') {
    const mod = await import('exceljs');
    const ExcelJS = ((mod as unknown as { default?: typeof mod }).default ?? mod) as typeof import('exceljs');
    const loaded = performance.now();
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Sheet1').addRows(aoa);
    const buf = (await wb.xlsx.writeBuffer()) as ArrayBuffer;
    self.postMessage({ ms: performance.now() - loaded, loadMs: loaded - start, bytes: buf.byteLength });
  } else {
    const XLSX = await import('xlsx');
    const loaded = performance.now();
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(aoa), 'Sheet1');
    const buf = XLSX.write(wb, { type: 'array', bookType: 'xlsx', compression: true }) as ArrayBuffer;
    self.postMessage({ ms: performance.now() - loaded, loadMs: loaded - start, bytes: buf.byteLength });
  }
};
