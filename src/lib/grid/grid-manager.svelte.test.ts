import { describe, expect, it } from 'vitest';
import { flushSync } from 'svelte';
import type { ViewState } from '$lib/domain/records/types';
import { GridManager } from './grid-manager.svelte';
import { onGridKeyDown } from './keyboard';
import { defaultViewState, type GridCommit, type GridProps } from './types';
import { columns, rows as fixtureRows, type TRow } from './test-fixtures';

function key(k: string, mods: Partial<Record<'shiftKey' | 'ctrlKey' | 'altKey', boolean>> = {}) {
  let prevented = false;
  const e = {
    key: k,
    shiftKey: false,
    ctrlKey: false,
    metaKey: false,
    altKey: false,
    isComposing: false,
    ...mods,
    preventDefault: () => (prevented = true)
  } as unknown as KeyboardEvent;
  return { e, prevented: () => prevented };
}

function clipboard(data: Record<string, string> = {}) {
  return {
    getData: (type: string) => data[type] ?? '',
    setData: (type: string, value: string) => void (data[type] = value),
    data
  } as unknown as DataTransfer & { data: Record<string, string> };
}

/** A grid over the fixture rows whose commit applies edits, like a page would. */
function setup(extra: Partial<GridProps<TRow>> = {}) {
  let rows = $state.raw<TRow[]>(fixtureRows);
  let view = $state.raw<ViewState>(defaultViewState(columns));
  const commits: GridCommit[] = [];
  let opened = '';
  const props: GridProps<TRow> = {
    get rows() {
      return rows;
    },
    columns,
    get view() {
      return view;
    },
    label: 'test',
    commit: async (c) => {
      commits.push(c);
      const byId = new Map<string, Record<string, unknown>>();
      for (const e of c.edits) byId.set(e.rowId, { ...byId.get(e.rowId), [e.column]: e.value });
      rows = [
        ...rows.map((r) => (byId.has(r.id) ? { ...r, ...byId.get(r.id) } : r)),
        ...c.newRows.map((n, i) => ({ id: `n${commits.length}-${i}`, ...n }))
      ];
      return null;
    },
    openRow: (id) => (opened = id),
    ...extra
  };
  // the node test environment resolves Svelte's server runtime: effects do not run, deriveds
  // are computed when read, which is enough to drive the manager's logic
  const m = new GridManager(
    () => props,
    (v) => (view = v)
  );
  const destroy = () => m.destroy();
  return {
    m,
    commits,
    destroy,
    opened: () => opened,
    view: () => view,
    press: (k: string, mods?: Parameters<typeof key>[1]) => {
      const ev = key(k, mods);
      onGridKeyDown(m, ev.e, false);
      flushSync();
      return ev.prevented();
    }
  };
}

const settle = () => new Promise((r) => setTimeout(r, 0));

describe('GridManager', () => {
  it('moves and extends the selection with keys', () => {
    const g = setup();
    expect(g.m.rowCount).toBe(5);
    g.press('ArrowDown');
    g.press('ArrowRight');
    expect(g.m.active).toEqual({ r: 1, c: 1 });
    g.press('ArrowDown', { shiftKey: true });
    g.press('End', { shiftKey: true });
    expect(g.m.range).toEqual({ r0: 1, c0: 1, r1: 2, c1: columns.length - 1 });
    expect(g.m.active).toEqual({ r: 1, c: 1 });
    g.press('Home', { ctrlKey: true });
    expect(g.m.range).toEqual({ r0: 0, c0: 0, r1: 0, c1: 0 });
    g.press('a', { ctrlKey: true });
    expect(g.m.stats.cells).toBe(5 * columns.length);
    // Tab at the last column leaves the grid (not prevented)
    g.press('End');
    expect(g.press('Tab')).toBe(false);
    g.destroy();
  });

  it('refuses an invalid value, keeps the editor open, then commits and moves down', async () => {
    const g = setup();
    const qty = g.m.columns.findIndex((c) => c.key === 'qty');
    g.m.select({ r: 0, c: qty });
    g.m.startEdit('enter', 'x');
    expect(g.m.editing?.key).toBe('qty');
    expect(g.m.commitEdit('abc', 'down')).toBe(false);
    expect(g.m.editError).toBeTruthy();
    expect(g.m.editing).not.toBeNull();
    expect(g.m.commitEdit('42', 'down')).toBe(true);
    expect(g.m.active).toEqual({ r: 1, c: qty });
    // shown at once, before the save comes back
    expect(g.m.text(g.m.rowAt(0), g.m.columns[qty])).toBe('42');
    await settle();
    expect(g.commits).toEqual([{ edits: [{ rowId: 'r1', column: 'qty', value: 42 }], newRows: [] }]);
    expect(g.m.rowAt(0).qty).toBe(42);
    g.destroy();
  });

  it('pastes a block as one commit, new rows included', async () => {
    const g = setup();
    const name = g.m.columns.findIndex((c) => c.key === 'name');
    g.m.select({ r: 4, c: name });
    g.m.commands.paste(clipboard({ 'text/plain': '重庆火锅\t成都\r\n西安公司\t西安\r\n兰州公司\t"兰州"\r\n' }));
    await settle();
    expect(g.commits).toHaveLength(1);
    expect(g.commits[0]).toEqual({
      edits: [{ rowId: 'r5', column: 'city', value: '成都' }],
      newRows: [
        { name: '西安公司', city: '西安' },
        { name: '兰州公司', city: '兰州' }
      ]
    });
    expect(g.m.rowCount).toBe(7);
    expect(g.m.range).toEqual({ r0: 4, c0: name, r1: 6, c1: name + 1 });
    g.destroy();
  });

  it('pastes the good cells as one commit and lists the bad ones with their reason', async () => {
    const g = setup();
    const qty = g.m.columns.findIndex((c) => c.key === 'qty');
    g.m.select({ r: 0, c: qty });
    // (HTML tables need DOMParser: checked in the browser)
    g.m.commands.paste(clipboard({ 'text/plain': '1\r\ntwo\r\n4' }));
    await settle();
    expect(g.commits).toHaveLength(1);
    expect(g.commits[0].edits.map((e) => [e.rowId, e.value])).toEqual([
      ['r1', 1],
      ['r3', 4]
    ]);
    expect(g.m.message).toContain('1');
    expect(g.m.messageItems).toEqual(['第 2 行“数量”：请输入数字，例如 12 或 3.5']);
    g.destroy();
  });

  it('names the only bad cell of a paste that pastes nothing', async () => {
    const g = setup();
    const qty = g.m.columns.findIndex((c) => c.key === 'qty');
    g.m.select({ r: 1, c: qty });
    g.m.commands.paste(clipboard({ 'text/plain': 'two' }));
    await settle();
    expect(g.commits).toHaveLength(0);
    expect(g.m.message).toBe('第 2 行“数量”：请输入数字，例如 12 或 3.5');
    expect(g.m.messageItems).toEqual([]);
    g.destroy();
  });

  it('copies the range as TSV and HTML, clears it with Delete in one commit', async () => {
    const g = setup();
    g.m.selectRect({ r0: 0, c0: 1, r1: 1, c1: 2 }, { r: 0, c: 1 });
    const data = clipboard();
    g.m.commands.copy(data);
    expect(data.data['text/plain']).toBe('石家庄\t1,200.00\r\n杭州\t50.00');
    expect(data.data['text/html']).toContain('<td>石家庄</td>');
    g.press('Delete');
    await settle();
    expect(g.commits).toHaveLength(1);
    expect(g.commits[0].edits).toHaveLength(4);
    g.destroy();
  });

  it('sorts from the header and keeps the sort while rows change', async () => {
    const g = setup();
    g.m.viewOps.toggleSort('qty', false);
    flushSync();
    expect(g.view().sort).toEqual([{ column: 'qty', dir: 'asc' }]);
    expect(Array.from({ length: 5 }, (_, r) => g.m.rowAt(r).id)).toEqual(['r3', 'r5', 'r1', 'r2', 'r4']);
    const qty = g.m.columns.findIndex((c) => c.key === 'qty');
    g.m.select({ r: 0, c: qty });
    g.m.startEdit('enter', '99');
    g.m.commitEdit('99');
    await settle();
    expect(g.m.rowAt(3).id).toBe('r3');
    g.destroy();
  });

  it('toggles checkboxes with Space and opens rows with Ctrl+Enter', async () => {
    const g = setup();
    const vip = g.m.columns.findIndex((c) => c.key === 'vip');
    g.m.select({ r: 1, c: vip });
    g.press(' ');
    await settle();
    expect(g.commits[0].edits).toEqual([{ rowId: 'r2', column: 'vip', value: true }]);
    g.press('Enter', { ctrlKey: true });
    expect(g.opened()).toBe('r2');
    g.destroy();
  });

  it('shows a failed save as a message and the old value again', async () => {
    const g = setup({ commit: async () => '保存失败' });
    g.m.select({ r: 0, c: 1 });
    g.m.startEdit('enter', '');
    g.m.commitEdit('新城市');
    expect(g.m.text(g.m.rowAt(0), g.m.columns[1])).toBe('新城市');
    await settle();
    expect(g.m.message).toBe('保存失败');
    expect(g.m.text(g.m.rowAt(0), g.m.columns[1])).toBe('石家庄');
    g.destroy();
  });
});
