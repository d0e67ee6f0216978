/** commands/history.ts: the size rule, and undo / redo asking first above it, on fake-indexeddb. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { KebuDB } from '$lib/db/schema';
import { WritePath, type Mutation } from '$lib/db/write-path';
import { i18n } from '$lib/i18n/index.svelte';
import { CONFIRM_ABOVE, historyMessage, needsConfirm, stepHistory, type HistoryQuestion } from './history';

let n = 0;
let db: KebuDB;
let wp: WritePath;
let ws: { db: KebuDB; writes: WritePath };
beforeEach(async () => {
  db = new KebuDB(`history-${++n}`);
  await db.open();
  wp = new WritePath(db, { id: 'p', name: '王丽', device: 'test' });
  ws = { db, writes: wp };
});
afterEach(async () => {
  wp.destroy();
  db.close();
  await db.delete();
  i18n.locale = 'zh-CN';
});

const customers = (count: number): Mutation[] =>
  Array.from({ length: count }, (_, i) => ({ type: 'insert', table: 'customers', record: { kind: 'unit', name: `客户${i}` } }));
const live = async () => (await db.customers.toArray()).filter((r) => !r.deleted).length;

/** answers every question with `answer`, keeping the questions */
function asker(answer: boolean) {
  const asked: HistoryQuestion[] = [];
  return { asked, confirm: async (q: HistoryQuestion) => (asked.push(q), answer) };
}

describe('the size rule', () => {
  it.each([
    [0, false],
    [1, false],
    [99, false],
    [100, false],
    [101, true],
    [300, true]
  ])('%i records: asks first = %s', (records, asks) => {
    expect(CONFIRM_ABOVE).toBe(100);
    expect(needsConfirm(records)).toBe(asks);
  });
});

describe('stepHistory', () => {
  it.each([
    [100, false],
    [101, true]
  ])('an undo of %i records asks first: %s', async (count, asks) => {
    await wp.write('change.paste', customers(count));
    const { asked, confirm } = asker(true);
    const outcome = await stepHistory(ws, 'undo', confirm);
    expect(asked.length).toBe(asks ? 1 : 0);
    expect(outcome.status).toBe('done');
    expect(await live()).toBe(0);
  });

  it('a refused large undo keeps every record and the stack; a confirmed one takes them back and redo asks again', async () => {
    await wp.write('change.demo', customers(300));
    const no = asker(false);
    expect(await stepHistory(ws, 'undo', no.confirm)).toEqual({ status: 'kept' });
    expect(no.asked).toEqual([{ step: 'undo', what: '载入演示数据', records: 300 }]);
    expect(await live()).toBe(300);
    expect((await wp.undoState()).canUndo).toBe(true);
    expect(historyMessage('undo', { status: 'kept' })).toBeNull();

    const yes = asker(true);
    const done = await stepHistory(ws, 'undo', yes.confirm);
    expect(done.status).toBe('done');
    expect(await live()).toBe(0);
    expect(historyMessage('undo', done)).toBe('已撤销：载入演示数据');

    i18n.locale = 'en';
    const redo = asker(false);
    expect(await stepHistory(ws, 'redo', redo.confirm)).toEqual({ status: 'kept' });
    expect(redo.asked).toEqual([{ step: 'redo', what: 'Load demo data', records: 300 }]);
    expect(await live()).toBe(0);
    expect(await stepHistory(ws, 'redo', asker(true).confirm)).toMatchObject({ status: 'done' });
    expect(await live()).toBe(300);
  });

  it('names the file when the step takes back an import', async () => {
    const rows = customers(150);
    rows.push({ type: 'insert', table: 'settings', record: { id: 'import.abc', value: { file: '客户.xlsx', table: 'customers' } } });
    await wp.write('change.import', rows);
    const { asked, confirm } = asker(true);
    await stepHistory(ws, 'undo', confirm);
    expect(asked).toEqual([{ step: 'undo', what: '导入', records: 151, file: '客户.xlsx' }]);
  });

  it('with nothing to undo, says so without asking', async () => {
    const { asked, confirm } = asker(true);
    const outcome = await stepHistory(ws, 'undo', confirm);
    expect(outcome).toEqual({ status: 'nothing' });
    expect(asked).toEqual([]);
    expect(historyMessage('undo', outcome)).toBe('没有可撤销的操作');
  });
});
