/**
 * What the grid can do to data: set one cell, toggle a checkbox, clear, fill down, copy, cut,
 * paste, delete or open rows. Each gesture becomes one commit (one undo step) planned by edits.ts;
 * a refused plan shows its reason and changes nothing.
 */
import { t } from '$lib/i18n/index.svelte';
import { readClipboard, writeClipboard } from './clipboard';
import { isEmptyCommit, planClear, planFillDown, planPaste, rangeTexts, type Plan, type PlanProblem } from './edits';
import type { GridManager } from './grid-manager.svelte';
import type { ResolvedColumn } from './view';
import { sameValue } from './values';

export class GridCommands<R extends { id: string }> {
  #m: GridManager<R>;

  constructor(m: GridManager<R>) {
    this.#m = m;
  }

  /** Run a plan: refuse with the cell and the reason, or save it as one commit. */
  #apply(plan: Plan): boolean {
    const m = this.#m;
    if (!plan.ok) {
      const { row, column, error } = plan.problem;
      m.message = t('grid.cellError', { row, column, reason: t(error) });
      m.messageItems = [];
      return false;
    }
    m.message = null;
    m.messageItems = [];
    void m.save(plan.commit);
    return true;
  }

  setCell(row: R, vc: ResolvedColumn<R>, value: unknown): void {
    if (vc.col.readonly || sameValue(this.#m.value(row, vc), value)) return;
    this.#apply({ ok: true, commit: { edits: [{ rowId: row.id, column: vc.key, value }], newRows: [] } });
  }

  toggleCheckbox(r: number, c: number): void {
    const m = this.#m;
    const vc = m.columns[c];
    if (!vc || vc.col.readonly || vc.col.spec.type !== 'checkbox' || r >= m.rowCount) return;
    const row = m.rowAt(r);
    this.setCell(row, vc, m.value(row, vc) !== true);
  }

  /** Space: toggle every checkbox in the range to the opposite of the active cell's state. */
  toggleRange(): boolean {
    const m = this.#m;
    const { r0, r1, c0, c1 } = m.range;
    const activeVc = m.columns[m.active.c];
    if (!activeVc || activeVc.col.spec.type !== 'checkbox') return false;
    const target = m.value(m.rowAt(m.active.r), activeVc) !== true;
    const edits = [];
    for (let c = c0; c <= c1; c++) {
      const vc = m.columns[c];
      if (vc.col.readonly || vc.col.spec.type !== 'checkbox') continue;
      for (let r = r0; r <= r1; r++) {
        const row = m.rowAt(r);
        if (m.value(row, vc) !== target) edits.push({ rowId: row.id, column: vc.key, value: target });
      }
    }
    this.#apply({ ok: true, commit: { edits, newRows: [] } });
    return true;
  }

  clear(): void {
    if (!this.#m.hasCells) return;
    this.#apply(planClear(this.#m.planContext, this.#m.range));
  }

  fillDown(): void {
    if (!this.#m.hasCells) return;
    this.#apply(planFillDown(this.#m.planContext, this.#m.range));
  }

  copy(data: DataTransfer): boolean {
    const m = this.#m;
    if (!m.hasCells) return false;
    writeClipboard(
      data,
      rangeTexts(m.planContext, m.range, (row, vc) => m.text(row, vc))
    );
    return true;
  }

  cut(data: DataTransfer): void {
    if (this.copy(data)) this.clear();
  }

  /** Paste the good cells as one commit (one undo step) and list the cells left out, with why. */
  paste(data: DataTransfer): void {
    const m = this.#m;
    if (m.colCount === 0) return;
    const cells = readClipboard(data);
    if (cells.length === 0) return;
    const range = m.rowCount === 0 ? { r0: 0, c0: 0, r1: 0, c1: 0 } : m.range;
    const plan = planPaste(m.planContext, cells, range);
    this.#apply({ ok: true, commit: plan.commit });
    if (plan.skipped.length) this.#listSkipped(plan.skipped, isEmptyCommit(plan.commit));
    const single = cells.length === 1 && cells[0].length === 1;
    if (!single && !isEmptyCommit(plan.commit)) {
      const width = cells.reduce((w, row) => Math.max(w, row.length), 0);
      m.selectRect({ r0: range.r0, c0: range.c0, r1: range.r0 + cells.length - 1, c1: range.c0 + width - 1 }, { r: range.r0, c: range.c0 });
    }
  }

  #listSkipped(skipped: PlanProblem[], nothingPasted: boolean): void {
    const m = this.#m;
    const items = skipped.map(({ row, column, error }) => t('grid.cellError', { row, column, reason: t(error) }));
    if (nothingPasted && items.length === 1) {
      m.message = items[0];
      return;
    }
    m.message = nothingPasted ? t('grid.pasteNone', { n: skipped.length }) : t('grid.pasteSkipped', { n: skipped.length });
    m.messageItems = items;
  }

  /** Copy through the browser's own copy command (menus); the grid's copy handler fills it. */
  copyFromMenu(cut: boolean): void {
    this.#m.focusGrid();
    document.execCommand(cut ? 'cut' : 'copy');
  }

  selectedRowIds(): string[] {
    const m = this.#m;
    const ids: string[] = [];
    for (let r = m.range.r0; r <= m.range.r1 && r < m.rowCount; r++) ids.push(m.rowAt(r).id);
    return ids;
  }

  deleteRows(): void {
    const m = this.#m;
    const del = m.props.deleteRows;
    if (!del || !m.hasCells) return;
    del(this.selectedRowIds());
  }

  openRow(r = this.#m.active.r): void {
    const m = this.#m;
    if (r >= 0 && r < m.rowCount) m.props.openRow?.(m.rowAt(r).id);
  }
}
