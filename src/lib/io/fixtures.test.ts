import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { ImportSession } from './import-session';
import { ALICE, freshWorkspace } from './test-support';
import type { ColumnMapping } from './mapping';

const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`../../../tests/fixtures/io/${name}`, import.meta.url)));

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

/** Map the two columns the workspace has no field for to typed custom columns. */
function typed(mapping: ColumnMapping[]): ColumnMapping[] {
  return mapping.map((m) =>
    m.header === '年采购额'
      ? { ...m, target: { kind: 'new', label: '年采购额', type: 'money' } }
      : m.header === '签约日期'
        ? { ...m, target: { kind: 'new', label: '签约日期', type: 'date' } }
        : m
  );
}

async function importCustomers(name: string) {
  const ws = await freshWorkspace();
  cleanups.push(ws.close);
  const session = new ImportSession(ws.db, ALICE, 'zh-CN');
  const opened = await session.open(name, fixture(name));
  const { mapping } = await session.suggest('customers');
  const summary = await session.plan('customers', typed(mapping), { duplicates: 'skip', blankClears: false });
  await session.commit();
  session.destroy();
  const columns = await ws.db.customColumns.toArray();
  const key = (label: string) => `x_${columns.find((c) => c.label === label)!.id}`;
  const rows = (await ws.db.customers.toArray()).sort((a, b) => a.id.localeCompare(b.id));
  return { opened, mapping, summary, rows, key };
}

describe('files made by other programs', () => {
  it.each(['customers-gbk.csv', 'customers-lo.xlsx'])('%s imports correctly', async (name) => {
    const { opened, mapping, summary, rows, key } = await importCustomers(name);
    if (name.endsWith('.csv')) expect(opened.info).toMatchObject({ kind: 'csv', encoding: 'gb18030', delimiter: ',' });
    else expect(opened.info).toMatchObject({ kind: 'xlsx', sheets: ['customers-lo'] });
    expect(mapping.map((m) => (m.target.kind === 'field' ? m.target.field : m.target.kind))).toEqual([
      'name',
      'kind',
      'creditCode',
      'mobile',
      'phone',
      'address',
      'tier',
      'new',
      'new',
      'notes'
    ]);
    expect(summary.counts).toMatchObject({ new: 4, rejected: 0 });
    const byName = Object.fromEntries(rows.map((r) => [r.name, r]));
    expect(byName['杭州顺达物流有限公司']).toMatchObject({
      kind: 'unit',
      creditCode: '91330106MA2B3C4D5E',
      mobile: '13800138000',
      phone: '0571-88881234',
      tier: 'A',
      notes: '老客户\n春节前回访',
      [key('年采购额')]: 12500050,
      [key('签约日期')]: '2025-03-01'
    });
    expect(byName['王镕']).toMatchObject({
      kind: 'individual',
      mobile: '+86 137 0013 7000',
      notes: '说“好的”,下月再联系',
      [key('年采购额')]: 320000
    });
    expect(byName['河北石油销售有限公司']).toMatchObject({ tier: 'VIP', [key('签约日期')]: '2024-11-20' });
    expect((byName['北京华润（朝阳）有限公司'] as unknown as Record<string, unknown>)[key('年采购额')]).toBeUndefined();
  });

  it('reads tab-separated UTF-8 text with a BOM', async () => {
    const ws = await freshWorkspace();
    cleanups.push(ws.close);
    const session = new ImportSession(ws.db, ALICE, 'zh-CN');
    const opened = await session.open('staff-tab.txt', fixture('staff-tab.txt'));
    expect(opened.info).toMatchObject({ encoding: 'utf-8', delimiter: '\t' });
    const { mapping } = await session.suggest('staff');
    const summary = await session.plan('staff', mapping, { duplicates: 'skip', blankClears: false });
    expect(summary.counts.new).toBe(2);
    await session.commit();
    const staff = (await ws.db.staff.toArray()).sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
    expect(staff.map((s) => [s.name, s.mobile, s.role, s.active])).toEqual([
      ['陈晓东', '13912345678', '客户经理', true],
      ['刘芳', '+86 139 1234 5679', '销售主管', false]
    ]);
  });
});
