import { afterEach, describe, expect, it } from 'vitest';
import { STAGES_SETTING } from '$lib/domain/selling/board';
import { DEFAULT_STAGES } from '$lib/domain/selling/forecast';
import { runExport } from './export-job';
import { freshWorkspace, importFile, liveFields } from './test-support';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});
const view = { order: [], hidden: [], widths: {}, frozen: 0, sort: [], filters: [], search: '' };
const csv = (rows: string[][]) => new TextEncoder().encode(rows.map((r) => r.join(',')).join('\r\n') + '\r\n');

describe('products and opportunities through files', { timeout: 30_000 }, () => {
  it("imports a products list in another system's words; the same list again adds nothing (name and spec are the key)", async () => {
    const ws = await freshWorkspace();
    cleanups.push(ws.close);
    const file = csv([
      ['序号', '品名', '规格型号', '计量单位', '单价'],
      ['1', '螺纹钢', 'HRB400 Φ12', '吨', '3980'],
      ['2', '螺纹钢', 'HRB400 Φ16', '吨', '3960.5'],
      ['3', '水泥', 'P.O 42.5', '袋', '25.50']
    ]);
    const first = await importFile(ws.db, 'products', 'products.csv', file);
    expect(first.summary.counts).toMatchObject({ new: 3, rejected: 0 });
    const rows = (await ws.db.products.toArray()).map((p) => [p.name, p.spec, p.unit, p.listPrice]);
    expect(rows).toEqual(
      expect.arrayContaining([
        ['螺纹钢', 'HRB400 Φ12', '吨', 398_000],
        ['螺纹钢', 'HRB400 Φ16', '吨', 396_050],
        ['水泥', 'P.O 42.5', '袋', 2_550]
      ])
    );
    const again = await importFile(ws.db, 'products', 'products.csv', file);
    expect(again.summary.counts.new).toBe(0);
    expect(await ws.db.products.count()).toBe(3);
  });

  it('.xlsx: products exported and imported into an empty workspace are equal field by field', async () => {
    const source = await freshWorkspace();
    cleanups.push(source.close);
    await source.writes.write('change.add', [
      { type: 'insert', table: 'products', record: { name: '螺纹钢', spec: 'HRB400 Φ12', unit: '吨', listPrice: 398_000 } },
      { type: 'insert', table: 'products', record: { name: '柴油', unit: '升', listPrice: 785, notes: '0 号' } }
    ]);
    const file = await runExport(source.db, { scope: 'view', table: 'products', view, format: 'xlsx', locale: 'zh-CN', baseName: 'products' });
    const target = await freshWorkspace();
    cleanups.push(target.close);
    const { summary } = await importFile(target.db, 'products', file.fileName, file.bytes);
    expect(summary.counts).toMatchObject({ new: 2, rejected: 0 });
    expect(await liveFields(target.db, 'products')).toEqual(await liveFields(source.db, 'products'));
  });

  it.each([
    ['zh-CN', undefined, '方案报价'],
    ['en', undefined, 'Proposal'],
    ['zh-CN', '方案与报价', '方案与报价']
  ] as const)("exports an opportunity's stage by its name (%s, named %s)", async (locale, name, expected) => {
    const ws = await freshWorkspace();
    cleanups.push(ws.close);
    const stages = DEFAULT_STAGES.map((s) => (s.id === 'proposal' && name ? { ...s, name } : s));
    await ws.writes.write('change.add', [
      { type: 'insert', table: 'customers', record: { id: 'c1', kind: 'unit', name: '杭州顺达物流' } },
      { type: 'insert', table: 'settings', record: { id: STAGES_SETTING, value: { stages } } },
      {
        type: 'insert',
        table: 'opportunities',
        record: { name: '仓储系统', customerId: 'c1', amount: 100_000, expectedClose: '2027-01-15', salesStage: 'proposal' }
      }
    ]);
    const file = await runExport(ws.db, { scope: 'view', table: 'opportunities', view, format: 'csv', locale, baseName: 'opps' });
    const text = new TextDecoder().decode(file.bytes);
    expect(text).toContain(expected);
    expect(text).toContain('杭州顺达物流');
    expect(text).not.toMatch(/,proposal,/);
  });
});
