import { afterEach, describe, expect, it } from 'vitest';
import { flushSync } from 'svelte';
import type { KebuDB } from '$lib/db/schema';
import { IoError } from '$lib/io/errors';
import { ImportSession } from '$lib/io/import-session';
import type { Progress } from '$lib/workers/rpc';
import { ALICE, freshWorkspace } from '$lib/io/test-support';
import type { ImportPort } from '$lib/app/commands/import';
import { ImportManager, parseTarget, targetValue } from './import-manager.svelte';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

/** The import worker's protocol, answered in-process by an ImportSession (as import.worker.ts does). */
function sessionPort(db: KebuDB): ImportPort & { terminated: boolean } {
  let session: ImportSession | null = null;
  const need = () => session ?? (session = new ImportSession(db, ALICE, 'zh-CN'));
  const port = {
    terminated: false,
    async call<T>(type: string, p: never, onProgress?: (p: Progress) => void, requestId?: (id: number) => void): Promise<T> {
      requestId?.(1);
      const a = p as Record<string, never>;
      switch (type) {
        case 'init':
          return true as T;
        case 'open':
          return (await need().open(a.fileName, a.file, a.options)) as T;
        case 'suggest':
          return (await need().suggest(a.table)) as T;
        case 'plan':
          return (await need().plan(a.table, a.mapping, a.options)) as T;
        case 'page':
          return need().page(a.status, a.offset, a.limit) as T;
        case 'commit':
          return (await need().commit({ onProgress: (done, total) => onProgress?.({ done, total }) })) as T;
        case 'revert':
          return (await need().revert(a.changeSet)) as T;
      }
      throw new IoError('io.error.failed');
    },
    cancel() {},
    terminate() {
      port.terminated = true;
      session?.destroy();
    }
  };
  return port;
}

const file = (rows: string[][], name = '客户.csv') => new File([rows.map((r) => r.join(',')).join('\r\n')], name, { type: 'text/csv' });

async function setup() {
  const ws = await freshWorkspace();
  cleanups.push(ws.close);
  const port = sessionPort(ws.db);
  const m = new ImportManager({ port, dbName: ws.db.name, actor: ALICE, locale: 'zh-CN', table: 'customers' });
  cleanups.push(async () => m.destroy());
  return { ws, m, port };
}

describe('ImportManager', () => {
  it('goes file → mapping → preview → import, and reverts the import it made', async () => {
    const { ws, m } = await setup();
    expect(m.step).toBe('file');
    expect(m.canOpenMapping).toBe(false);
    await m.chooseFile(
      file([
        ['客户名称', '手机', '积分'],
        ['甲公司', '13800138000', '5'],
        ['乙公司', '', '7']
      ])
    );
    flushSync();
    expect(m.opened?.rowCount).toBe(2);
    expect(m.header).toEqual(['客户名称', '手机', '积分']);
    expect(m.sample(0)).toBe('甲公司 · 乙公司');
    expect(m.canOpenMapping).toBe(true);

    await m.toMapping();
    expect(m.step).toBe('mapping');
    expect(m.stepIndex).toBe(1);
    expect(m.mapping.map((c) => targetValue(c.target))).toEqual(['field:name', 'field:mobile', 'new']);
    m.setNewColumn(2, { type: 'number', label: '积分' });
    expect(m.mapping[2].target).toEqual({ kind: 'new', label: '积分', type: 'number', options: undefined });

    await m.plan();
    expect(m.step).toBe('preview');
    expect(m.summary?.counts.new).toBe(2);
    expect(m.toWrite).toBe(2);
    expect(m.rows).toHaveLength(2);
    expect(m.filterTotal).toBe(2);

    await m.commit();
    expect(m.step).toBe('done');
    expect(m.stepIndex).toBe(3);
    expect(m.result?.counts.new).toBe(2);
    expect((await ws.db.customers.toArray()).map((c) => c.name).sort()).toEqual(['乙公司', '甲公司']);

    expect(await m.revert()).toBe(true);
    expect((await ws.db.customers.toArray()).every((c) => c.deleted === 1)).toBe(true);
    // a second revert of the same import is refused with a sentence, nothing else changes
    expect(await m.revert()).toBe(false);
    expect(m.error).toBe('这次导入已经撤回过了。');
  });

  it('re-reads with other options, filters the preview, steps back, and says what went wrong', async () => {
    const { m } = await setup();
    await m.chooseFile(
      file([
        ['名称', '等级'],
        ['甲', 'A'],
        ['乙', 'B'],
        ['', 'C']
      ])
    );
    m.delimiter = ';';
    await m.reread();
    expect(m.header).toEqual(['名称,等级']);
    m.delimiter = 'auto';
    await m.reread();
    expect(m.header).toEqual(['名称', '等级']);
    await m.toMapping();
    await m.plan();
    expect(m.summary?.counts).toMatchObject({ new: 2, rejected: 1 });
    await m.showFilter('rejected');
    expect(m.filter).toBe('rejected');
    expect(m.rows.map((r) => r.line)).toEqual([4]);
    expect(m.filterTotal).toBe(1);
    m.back();
    expect(m.step).toBe('mapping');
    m.back();
    expect(m.step).toBe('file');

    await m.chooseFile(new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0])], 'photo.png'));
    expect(m.readFailed).toBe(true);
    expect(m.error).toContain('这不是表格文件');
    expect(m.canOpenMapping).toBe(false);
  });

  it('the value table: a word mapped in the preview is planned again and committed as that option', async () => {
    const { ws, m } = await setup();
    await m.chooseFile(
      file([
        ['名称', '开发阶段'],
        ['甲', '初次接触'],
        ['乙', '跟进中'],
        ['丙', '初级档案']
      ])
    );
    await m.toMapping();
    await m.plan();
    expect(m.summary?.counts).toMatchObject({ new: 3, rejected: 0 });
    expect(m.summary?.valueTables.map((v) => v.words)).toEqual([[{ text: '跟进中', rows: 1 }]]);
    await m.setValue('stage', '跟进中', 'initial');
    expect(m.values).toEqual({ stage: { 跟进中: 'initial' } });
    expect(m.summary?.valueTables[0].words).toEqual([{ text: '跟进中', rows: 1, chosen: 'initial' }]);
    await m.commit();
    expect((await ws.db.customers.toArray()).find((c) => c.name === '乙')?.stage).toBe('initial');
    // the next file of this layout gets the value table back with the mapping
    await m.chooseFile(
      file([
        ['名称', '开发阶段'],
        ['丁', '跟进中']
      ])
    );
    await m.toMapping();
    expect(m.remembered).toBe(true);
    expect(m.values).toEqual({ stage: { 跟进中: 'initial' } });
  });

  it('closing while an import runs cancels it first; destroy terminates the worker', async () => {
    const { m, port } = await setup();
    expect(m.requestClose()).toBe(true);
    m.destroy();
    expect(port.terminated).toBe(true);
  });

  it('turns targets into select values and back', () => {
    for (const v of ['skip', 'id', 'field:name', 'linkId:managerId', 'contact:mobile', 'field:x_k1']) {
      expect(targetValue(parseTarget(v, '列'))).toBe(v);
    }
    expect(parseTarget('new', '积分')).toEqual({ kind: 'new', label: '积分', type: 'text' });
  });
});
