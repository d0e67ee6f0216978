import { afterEach, describe, expect, it } from 'vitest';
import type { TableName } from '$lib/db/schema';
import { runExport, EXPORT_TABLES, tableTitle } from './export-job';
import { demoWorkspace, freshWorkspace, importFile, liveFields } from './test-support';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

/** Tables in the order their links need: a customer's manager exists before the customer. */
const IMPORT_ORDER: TableName[] = ['orgUnits', 'staff', 'customers', 'contacts', 'followUps'];

// whole workbooks written, unpacked (zip-guard), read and stored: seconds on a loaded 2-core machine
describe('round trip through a file', { timeout: 30_000 }, () => {
  it('.xlsx: export a workspace, import it into an empty one, records are equal field by field', async () => {
    const source = await demoWorkspace(80);
    cleanups.push(source.close);
    // a custom column of each kind of value, so that typed cells are exercised
    await source.writes.write('change.column', [
      { type: 'insert', table: 'customColumns', record: { id: 'k-money', table: 'customers', label: '年采购额', type: 'money', order: 1 } },
      { type: 'insert', table: 'customColumns', record: { id: 'k-date', table: 'customers', label: '签约日期', type: 'date', order: 2 } },
      { type: 'insert', table: 'customColumns', record: { id: 'k-num', table: 'customers', label: '门店数', type: 'number', order: 3 } },
      { type: 'insert', table: 'customColumns', record: { id: 'k-vip', table: 'customers', label: '重点', type: 'checkbox', order: 4 } },
      {
        type: 'insert',
        table: 'customColumns',
        record: { id: 'k-ch', table: 'customers', label: '渠道', type: 'choice', options: ['线上', '线下'], order: 5 }
      }
    ]);
    const ids = (await source.db.customers.toArray()).map((c) => c.id);
    await source.writes.write(
      'change.edit',
      ids.slice(0, 30).map((id, i) => ({
        type: 'update',
        table: 'customers',
        id,
        patch: {
          'x_k-money': i * 12345 - 1000,
          'x_k-date': `2025-0${(i % 9) + 1}-1${i % 10}`,
          'x_k-num': i / 4,
          'x_k-vip': i % 2 === 0,
          'x_k-ch': i % 3 ? '线上' : '线下',
          ...(i === 0 ? { name: '=HYPERLINK("http://evil")', notes: '第一行\n第二行' } : {})
        }
      }))
    );

    const file = await runExport(source.db, { scope: 'workspace', format: 'xlsx', locale: 'zh-CN', baseName: 'all' });
    expect(file.fileName).toBe('all.xlsx');

    const target = await freshWorkspace();
    cleanups.push(target.close);
    for (const table of IMPORT_ORDER) {
      const { summary, result } = await importFile(target.db, table, file.fileName, file.bytes, { sheet: tableTitle('zh-CN', table) });
      expect(summary.counts.rejected, `${table}: ${JSON.stringify(summary.rows.find((r) => r.status === 'rejected'))}`).toBe(0);
      expect(result.changeSet).not.toBeNull();
    }
    for (const table of EXPORT_TABLES) {
      expect(await liveFields(target.db, table), table).toEqual(await liveFields(source.db, table));
    }
    // the custom columns came back with their types
    const cols = (await target.db.customColumns.toArray()).map((c) => [c.label, c.type, c.options]);
    expect(cols).toEqual(
      expect.arrayContaining([
        ['年采购额', 'money', undefined],
        ['签约日期', 'date', undefined],
        ['渠道', 'choice', ['线上', '线下']]
      ])
    );
  });

  it('.xlsx again into the same workspace: nothing new, nothing changed (the hidden ids match)', async () => {
    const ws = await demoWorkspace(40);
    cleanups.push(ws.close);
    const file = await runExport(ws.db, { scope: 'workspace', format: 'xlsx', locale: 'en', baseName: 'all' });
    const { summary } = await importFile(ws.db, 'customers', file.fileName, file.bytes, { sheet: tableTitle('en', 'customers') });
    expect(summary.counts).toMatchObject({ new: 0, update: 0, rejected: 0, duplicate: 0 });
    expect(summary.counts.unchanged).toBe(40);
  });

  it('CSV: each table exported as CSV and imported into an empty workspace is equal field by field', async () => {
    const source = await demoWorkspace(50);
    cleanups.push(source.close);
    const target = await freshWorkspace();
    cleanups.push(target.close);
    const view = { order: [], hidden: [], widths: {}, frozen: 0, sort: [], filters: [], search: '' };
    for (const table of IMPORT_ORDER) {
      const file = await runExport(source.db, { scope: 'view', table, view, format: 'csv', locale: 'zh-CN', baseName: table });
      const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(file.bytes);
      expect(text.startsWith('\ufeff')).toBe(true);
      const { summary } = await importFile(target.db, table, file.fileName, file.bytes);
      expect(summary.counts.rejected, `${table}: ${JSON.stringify(summary.rows.find((r) => r.status === 'rejected'))}`).toBe(0);
    }
    for (const table of EXPORT_TABLES) {
      expect(await liveFields(target.db, table), table).toEqual(await liveFields(source.db, table));
    }
  });
});
