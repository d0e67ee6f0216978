/**
 * LibreOffice opens our `.xlsx` and reads the same data: the workbook is converted to CSV with
 * `soffice --headless --convert-to csv` and compared cell by cell with what we wrote. A name that
 * looks like a formula must come back as the same text (never evaluated).
 *
 * Needs LibreOffice Calc (`apt-get install -y libreoffice-calc-nogui`); skipped, saying so, when
 * `soffice` is not installed.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runExport } from './export-job';
import { demoWorkspace } from './test-support';

function findSoffice(): string | null {
  for (const bin of ['soffice', 'libreoffice']) {
    try {
      execFileSync('which', [bin], { stdio: 'pipe' });
      return bin;
    } catch {
      // not this one
    }
  }
  return null;
}

const soffice = findSoffice();
if (!soffice) console.warn('libreoffice.test.ts skipped: soffice not found (apt-get install -y libreoffice-calc-nogui)');

describe.skipIf(!soffice)('LibreOffice reads our .xlsx', () => {
  let dir: string;
  let ws: Awaited<ReturnType<typeof demoWorkspace>>;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'kebu-lo-'));
    ws = await demoWorkspace(30);
  });
  afterAll(async () => {
    await ws.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('its CSV conversion matches the data, and a formula-looking name stays text', { timeout: 120_000 }, async () => {
    await ws.writes.write('change.column', [
      { type: 'insert', table: 'customColumns', record: { id: 'k-money', table: 'customers', label: '年采购额', type: 'money', order: 1 } },
      { type: 'insert', table: 'customColumns', record: { id: 'k-date', table: 'customers', label: '签约日期', type: 'date', order: 2 } }
    ]);
    const ids = (await ws.db.customers.toArray()).map((c) => c.id);
    await ws.writes.write('change.edit', [
      { type: 'update', table: 'customers', id: ids[0], patch: { name: '=1+2', 'x_k-money': 123456789, 'x_k-date': '2025-03-01' } },
      { type: 'update', table: 'customers', id: ids[1], patch: { name: '@SUM(A1)', notes: '-5 +3', 'x_k-money': -50 } }
    ]);
    const view = { order: [], hidden: [], widths: {}, frozen: 0, sort: [{ column: 'name', dir: 'asc' as const }], filters: [], search: '' };
    const xlsx = await runExport(ws.db, { scope: 'view', table: 'customers', view, format: 'xlsx', locale: 'zh-CN', baseName: 'customers' });
    const csv = await runExport(ws.db, { scope: 'view', table: 'customers', view, format: 'csv', locale: 'zh-CN', baseName: 'customers' });
    writeFileSync(join(dir, 'customers.xlsx'), xlsx.bytes);
    execFileSync(
      soffice!,
      [
        `-env:UserInstallation=file://${join(dir, 'profile')}`,
        '--headless',
        '--convert-to',
        'csv:Text - txt - csv (StarCalc):44,34,76,1',
        '--outdir',
        dir,
        join(dir, 'customers.xlsx')
      ],
      { stdio: 'pipe', timeout: 110_000 }
    );
    const fromLo = Papa.parse<string[]>(readFileSync(join(dir, 'customers.csv'), 'utf8'), { skipEmptyLines: true }).data;
    const ours = Papa.parse<string[]>(new TextDecoder().decode(csv.bytes), { skipEmptyLines: true }).data;

    expect(fromLo.length).toBe(31);
    expect(fromLo[0]).toEqual(ours[0]);
    const col = (h: string) => ours[0].indexOf(h);
    // LibreOffice shows cells as formatted: money with thousands separators, dates as yyyy-mm-dd
    const asShown = (header: string, text: string) =>
      header === '年采购额' && text ? Number(text).toLocaleString('en-US', { minimumFractionDigits: 2 }) : text;
    const unguard = (text: string) => (/^'[=+\-@\t\r]/.test(text) ? text.slice(1) : text);
    for (let r = 1; r < ours.length; r++) {
      const expected = ours[r].map((cell, c) => asShown(ours[0][c], unguard(cell)).replace(/\r\n/g, '\n'));
      expect(fromLo[r], `row ${r}`).toEqual(expected);
    }
    const names = fromLo.slice(1).map((r) => r[col('名称')]);
    expect(names).toContain('=1+2');
    expect(names).toContain('@SUM(A1)');
    expect(names).not.toContain('3');
    const first = fromLo.find((r) => r[col('名称')] === '=1+2')!;
    expect(first[col('年采购额')]).toBe('1,234,567.89');
    expect(first[col('签约日期')]).toBe('2025-03-01');
  });
});
