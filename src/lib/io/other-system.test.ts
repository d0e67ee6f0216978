/**
 * A customer list exported by another system (shared/fixtures/import/other-system-customers.csv,
 * copied to tests/fixtures/io): with the defaults alone every row is imported and every value is
 * kept somewhere a user can find it; a second import of the same file remembers the mapping and
 * finds every row a duplicate.
 */
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import type { KebuDB } from '$lib/db/schema';
import { parseDate } from '$lib/domain/cells';
import { ImportSession } from './import-session';
import { parseDelimited } from './csv';
import type { ColumnMapping } from './mapping';
import { ALICE, freshWorkspace } from './test-support';
import { amountText } from './values';
import { parseYuan } from '$lib/domain/money';

const BYTES = new Uint8Array(readFileSync(new URL('../../../tests/fixtures/io/other-system-customers.csv', import.meta.url)));
const TEXT = new TextDecoder().decode(BYTES).replace(/^\uFEFF/, '');
const [HEADER, ...ROWS] = parseDelimited(TEXT).rows as string[][];
const col = (name: string) => HEADER.indexOf(name);

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

const target = (m: ColumnMapping) =>
  m.target.kind === 'field' || m.target.kind === 'contact'
    ? `${m.target.kind}:${m.target.field}`
    : `${m.target.kind}:${'type' in m.target ? m.target.type : ''}`;

async function importOnce(db: KebuDB, values = {}) {
  const session = new ImportSession(db, ALICE, 'zh-CN');
  await session.open('other-system-customers.csv', BYTES);
  const suggested = await session.suggest('customers');
  const summary = await session.plan('customers', suggested.mapping, { duplicates: 'skip', blankClears: false, values });
  return { session, suggested, summary };
}

describe('a customer list from another system', () => {
  it('maps by header and by values: contact person, kind, money, date, its own stages', async () => {
    const ws = await freshWorkspace();
    cleanups.push(ws.close);
    const { session, suggested } = await importOnce(ws.db);
    session.destroy();
    expect(Object.fromEntries(suggested.mapping.map((m) => [m.header, target(m)]))).toEqual({
      客户编号: 'new:text',
      联系人: 'contact:name',
      单位名称: 'field:name',
      客户类型: 'field:kind',
      手机: 'field:mobile',
      城市: 'field:city',
      成交金额: 'new:money',
      最近联系: 'new:date',
      阶段: 'new:choice',
      车牌: 'new:text',
      备注: 'field:notes'
    });
  });

  it('imports every row with the defaults, keeps every value, and finds them all again the second time', async () => {
    const ws = await freshWorkspace();
    cleanups.push(ws.close);
    const first = await importOnce(ws.db);
    expect(first.summary.counts).toEqual({ new: 50, update: 0, unchanged: 0, duplicate: 0, rejected: 0 });
    const units = ROWS.filter((r) => r[col('单位名称')].trim());
    expect(first.summary.contacts).toBe(units.length);
    await first.session.commit();
    first.session.destroy();

    const customers = (await ws.db.customers.toArray()).filter((c) => !c.deleted) as unknown as Record<string, unknown>[];
    const contacts = (await ws.db.contacts.toArray()).filter((c) => !c.deleted);
    const columns = await ws.db.customColumns.toArray();
    const key = (label: string) => `x_${columns.find((c) => c.label === label)!.id}`;
    expect(customers).toHaveLength(50);
    expect(contacts).toHaveLength(units.length);
    for (const row of ROWS) {
      const cell = (h: string) => row[col(h)].trim();
      const org = cell('单位名称');
      const c = customers.find((x) => x[key('客户编号')] === cell('客户编号'))!;
      expect(c, cell('客户编号')).toBeDefined();
      if (org) {
        // an organisation and a person: the customer and its contact
        expect(c).toMatchObject({ name: org, kind: 'unit', mobile: cell('手机') });
        expect(contacts.find((x) => x.customerId === c.id)).toMatchObject({ name: cell('联系人'), mobile: cell('手机'), primary: true });
      } else {
        // only a person: the customer is the person
        expect(c).toMatchObject({ name: cell('联系人'), kind: 'individual', mobile: cell('手机') });
        expect(contacts.some((x) => x.customerId === c.id)).toBe(false);
      }
      expect(c.city).toBe(cell('城市'));
      expect(c[key('成交金额')]).toBe(cell('成交金额') ? parseYuan(amountText(cell('成交金额'))) : undefined);
      expect(c[key('最近联系')]).toBe(parseDate(cell('最近联系')));
      expect(c[key('阶段')]).toBe(cell('阶段'));
      expect(c[key('车牌')]).toBe(cell('车牌'));
      expect(c.notes).toBe(cell('备注') || undefined);
    }
    expect(columns.find((c) => c.label === '成交金额')?.type).toBe('money');
    expect(columns.find((c) => c.label === '阶段')?.options).toEqual(expect.arrayContaining(['意向客户', '报价中', '已流失']));

    // the second time: the mapping is remembered, every row is a duplicate, nothing is written
    const second = await importOnce(ws.db);
    expect(second.suggested.remembered).toBe(true);
    expect(second.suggested.mapping.find((m) => m.header === '阶段')?.target).toEqual({ kind: 'field', field: key('阶段') });
    expect(second.summary.counts).toEqual({ new: 0, update: 0, unchanged: 0, duplicate: 50, rejected: 0 });
    expect(second.summary.newColumns).toEqual([]);
    second.session.destroy();
  });

  it('阶段 mapped to 开发阶段: a value table with the allowed values, unmapped words kept in 阶段（原值）', async () => {
    const ws = await freshWorkspace();
    cleanups.push(ws.close);
    const session = new ImportSession(ws.db, ALICE, 'zh-CN');
    await session.open('other-system-customers.csv', BYTES);
    const { mapping } = await session.suggest('customers');
    const stage = mapping.find((m) => m.header === '阶段')!;
    stage.target = { kind: 'field', field: 'stage' };
    let summary = await session.plan('customers', mapping, { duplicates: 'skip', blankClears: false });
    expect(summary.counts.rejected).toBe(0);
    const table = summary.valueTables.find((v) => v.field === 'stage')!;
    expect(table.options.map((o) => o.label)).toEqual(['初次接触', '初级档案', '完整档案']);
    const words = table.words.map((w) => w.text).sort();
    expect(words).toEqual(['已成交', '已流失', '意向客户', '报价中', '老客户', '跟进中', '需求确认'].sort());
    expect(words).not.toContain('初次接触');

    summary = await session.plan('customers', mapping, {
      duplicates: 'skip',
      blankClears: false,
      values: { stage: { 跟进中: 'initial', 已成交: 'complete' } }
    });
    expect(summary.valueTables[0].words.find((w) => w.text === '跟进中')?.chosen).toBe('initial');
    await session.commit();
    session.destroy();
    const customers = (await ws.db.customers.toArray()) as unknown as Record<string, unknown>[];
    const aside = (await ws.db.customColumns.toArray()).find((c) => c.label === '阶段（原值）')!;
    for (const row of ROWS) {
      const c = customers.find((x) => x.mobile === row[col('手机')])!;
      const word = row[col('阶段')];
      const expected = { 初次接触: 'first-contact', 跟进中: 'initial', 已成交: 'complete' }[word];
      expect(c.stage).toBe(expected);
      expect(c[`x_${aside.id}`]).toBe(expected ? undefined : word);
    }
    // the value table is remembered with the mapping
    const again = new ImportSession(ws.db, ALICE, 'zh-CN');
    await again.open('other-system-customers.csv', BYTES);
    expect((await again.suggest('customers')).values).toEqual({ stage: { 跟进中: 'initial', 已成交: 'complete' } });
    again.destroy();
  });
});
