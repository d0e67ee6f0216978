/**
 * The hostile-file corpus (scripts/make-hostile.mjs → tests/fixtures/hostile/) through the import
 * session, on fake-indexeddb: every file is stopped with its own message naming the limit and the
 * place, or read with every cell accounted for; nothing is written by a refused file.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { translate } from '$lib/i18n/translate';
import { readBackup } from './backup';
import { IoError } from './errors';
import { ImportSession } from './import-session';
import { ALICE, demoWorkspace, everything } from './test-support';

const dir = new URL('../../../tests/fixtures/hostile/', import.meta.url);
const file = (name: string) => new Uint8Array(readFileSync(new URL(name, dir)));

let ws: Awaited<ReturnType<typeof demoWorkspace>>;
let before: unknown;
beforeAll(async () => {
  execFileSync('node', [new URL('../../../scripts/make-hostile.mjs', import.meta.url).pathname], { stdio: 'ignore' });
  ws = await demoWorkspace(10);
  before = await everything(ws.db);
}, 180_000);
afterAll(() => ws.close());

const refused: [string, string, Record<string, string | number>, string][] = [
  [
    'huge-cell.xlsx',
    'io.error.cellTooLong',
    { place: '客户', cell: 'B2', max: 32_767 },
    '“客户”的单元格 B2 内容太长，一个单元格最多 32767 个字。请缩短它后再导入。'
  ],
  [
    'zip-bomb.xlsx',
    'io.error.unpackedTooLarge',
    { max: 256, part: 'xl/media/image1.png' },
    '这个工作簿解压后超过 256 MB（读到“xl/media/image1.png”时），文件可能已损坏或是恶意构造的，没有导入任何内容。'
  ],
  [
    'columns-20000.xlsx',
    'io.error.tooManyColumns',
    { place: '客户', cell: 'IW1', max: 256 },
    '“客户”的列太多：单元格 IW1 已超过 256 列的上限。请只保留要导入的列后再导入。'
  ],
  ['truncated.xlsx', 'io.error.truncated', {}, '文件不完整（可能没有下载完或被截断），无法读取。请重新保存或重新下载后再导入。'],
  [
    'columns-20000.csv',
    'io.error.tooManyColumns',
    { place: 'columns-20000.csv', cell: 'IW1', columns: 20_000, max: 256 },
    '“columns-20000.csv”的列太多：单元格 IW1 已超过 256 列的上限。请只保留要导入的列后再导入。'
  ],
  [
    'huge-cell.csv',
    'io.error.cellTooLong',
    { place: 'huge-cell.csv', cell: 'C3', max: 32_767 },
    '“huge-cell.csv”的单元格 C3 内容太长，一个单元格最多 32767 个字。请缩短它后再导入。'
  ],
  ['nul.csv', 'io.error.nul', { place: 'nul.csv', cell: 'B201' }, '“nul.csv”的单元格 B201 含有空字符（NUL），文件可能已损坏或不是文本文件。']
];

describe('hostile files', () => {
  it.each(refused)(
    '%s is refused with its message, naming the limit and the place; nothing changes',
    async (name, code, params, zh) => {
      const session = new ImportSession(ws.db, ALICE, 'zh-CN');
      const err = await session.open(name, file(name)).catch((e: unknown) => e);
      session.destroy();
      expect(err).toBeInstanceOf(IoError);
      expect((err as IoError).code).toBe(code);
      expect((err as IoError).params).toEqual(params);
      expect(translate('zh-CN', (err as IoError).code, (err as IoError).params)).toBe(zh);
      expect(translate('en', (err as IoError).code, (err as IoError).params)).not.toMatch(/\{\w+\}/);
      expect(await everything(ws.db)).toEqual(before);
    },
    60_000
  );

  it('a backup that is a deflate bomb is refused while it inflates', async () => {
    const err = await readBackup(file('backup-bomb.kebu')).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(IoError);
    expect((err as IoError).code).toBe('io.error.backupTooLarge');
    expect(translate('zh-CN', (err as IoError).code, (err as IoError).params)).toBe(
      '这个备份文件解压后超过 512 MB，可能已损坏或是恶意构造的，没有恢复任何内容。'
    );
  }, 60_000);

  it('a sound workbook of the same make is read (the guard lets it through)', async () => {
    const session = new ImportSession(ws.db, ALICE, 'zh-CN');
    const opened = await session.open('sound.xlsx', file('sound.xlsx'));
    session.destroy();
    expect(opened.header).toEqual(['客户名称', '手机']);
    expect(opened.sample).toEqual([
      ['杭州顺达物流', '13800138000'],
      ['宁波恒信贸易', '13900139000']
    ]);
  });

  it.each(['utf16le-bom.csv', 'utf16le.csv', 'utf16be-bom.csv'])('%s is read as UTF-16, every row', async (name) => {
    const session = new ImportSession(ws.db, ALICE, 'zh-CN');
    const opened = await session.open(name, file(name));
    session.destroy();
    expect(opened.info.encoding).toMatch(/^utf-16/);
    expect(opened.header).toEqual(['客户名称', '手机']);
    expect(opened.rowCount).toBe(2);
    expect(await everything(ws.db)).toEqual(before);
  });

  it('mixed line endings keep every row', async () => {
    const session = new ImportSession(ws.db, ALICE, 'zh-CN');
    const opened = await session.open('mixed-eol.csv', file('mixed-eol.csv'));
    session.destroy();
    expect(opened.sample.map((r) => r[0])).toEqual(['杭州顺达物流', '宁波恒信贸易', '温州恒达', '台州明远']);
    expect(opened.sample.map((r) => r[1])).toEqual(['13800138000', '13900139000', '13700137000', '13600136000']);
  });

  it('ragged rows are listed as problems in the preview and not imported; the rest are', async () => {
    const session = new ImportSession(ws.db, ALICE, 'zh-CN');
    await session.open('ragged.csv', file('ragged.csv'));
    const { mapping } = await session.suggest('customers');
    const summary = await session.plan('customers', mapping, { duplicates: 'skip', blankClears: false });
    expect(summary.counts.rejected).toBe(2);
    expect(summary.counts.new).toBe(2);
    const problems = Object.fromEntries(summary.rows.filter((r) => r.status === 'rejected').map((r) => [r.line, r.missing]));
    expect(problems).toEqual({
      3: [{ field: '_row', label: '整行', problem: 'io.row.extraCells' }],
      4: [{ field: '_row', label: '整行', problem: 'io.row.missingCells' }]
    });
    expect(translate('en', 'io.row.extraCells')).toContain('more cells than the header');
    const result = await session.commit();
    session.destroy();
    expect(result.counts).toMatchObject({ new: 2, rejected: 2 });
    const names = ((await ws.db.customers.toArray()) as { name: string }[]).map((c) => c.name);
    expect(names).toEqual(expect.arrayContaining(['杭州顺达物流', '台州明远']));
    expect(names).not.toContain('宁波恒信贸易');
    expect(names).not.toContain('温州恒达');
    await session.revert(result.changeSet!);
  });
});
