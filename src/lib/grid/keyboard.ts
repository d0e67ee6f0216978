/**
 * Spreadsheet keys. On the grid: arrows, Tab, Home/End, PageUp/PageDown (Shift extends, Ctrl
 * jumps to the edge), Enter/F2 edit, typing starts editing, Delete clears, Ctrl+A/D/Z/Y, Ctrl+-
 * deletes rows, Ctrl+Enter opens the row, Space toggles checkboxes, Alt+Shift+←/→ resizes.
 * Ctrl+C/X/V are left to the browser, which fires copy/cut/paste events at the grid.
 * In the editor: Enter/Tab commit and move, Esc cancels; when editing started by typing, arrows
 * commit and move too (as in Excel).
 */
import type { GridManager } from './grid-manager.svelte';
import type { Move } from './selection';

const ARROWS: Record<string, [Move, Move]> = {
  ArrowUp: ['up', 'top'],
  ArrowDown: ['down', 'bottom'],
  ArrowLeft: ['left', 'row-start'],
  ArrowRight: ['right', 'row-end']
};

/** Printable input that should start editing (when there is no EditContext to catch it). */
export function isTypingKey(e: KeyboardEvent): boolean {
  return e.key.length === 1 && !e.ctrlKey && !e.metaKey && !e.altKey;
}

export function onGridKeyDown<R extends { id: string }>(m: GridManager<R>, e: KeyboardEvent, typingCaught: boolean): void {
  if (e.isComposing) return;
  const ctrl = e.ctrlKey || e.metaKey;
  const key = e.key;
  let handled = true;

  if (key in ARROWS && !(e.altKey && e.shiftKey)) {
    const [step, edge] = ARROWS[key];
    m.move(ctrl ? edge : step, e.shiftKey);
  } else if (key === 'Tab' && !ctrl) {
    const { c } = m.active;
    // at the row's edge Tab leaves the grid, so keyboard users are never trapped
    if ((e.shiftKey && c <= 0) || (!e.shiftKey && c >= m.colCount - 1)) handled = false;
    else m.move(e.shiftKey ? 'left' : 'right', false);
  } else if (key === 'Home') m.move(ctrl ? 'first' : 'row-start', e.shiftKey);
  else if (key === 'End') m.move(ctrl ? 'last' : 'row-end', e.shiftKey);
  else if (key === 'PageUp') m.move('page-up', e.shiftKey);
  else if (key === 'PageDown') m.move('page-down', e.shiftKey);
  else if (key === 'Enter' && ctrl) m.commands.openRow();
  else if (key === 'Enter' || key === 'F2') m.startEdit('edit');
  else if (key === 'Escape') {
    if (m.message) m.message = null;
    else m.select(m.active);
  } else if (key === 'Delete' || key === 'Backspace') m.commands.clear();
  else if (ctrl && !e.altKey) handled = onCtrlKey(m, e);
  else if (e.altKey && e.shiftKey && (key === 'ArrowLeft' || key === 'ArrowRight')) {
    const vc = m.columns[m.active.c];
    if (vc) m.viewOps.resizeBy(vc.key, key === 'ArrowRight' ? 16 : -16);
  } else if (key === ' ' && e.shiftKey) {
    m.selectRect({ r0: m.range.r0, c0: 0, r1: m.range.r1, c1: m.colCount - 1 });
  } else if (key === ' ' && m.commands.toggleRange()) {
    // toggled checkboxes
  } else if (key === 'ContextMenu' || (key === 'F10' && e.shiftKey)) m.openContextMenu();
  else if (!typingCaught && isTypingKey(e)) m.startEdit('enter', key);
  else handled = false;

  if (handled) e.preventDefault();
}

function onCtrlKey<R extends { id: string }>(m: GridManager<R>, e: KeyboardEvent): boolean {
  const k = e.key.toLowerCase();
  if (k === 'a') m.selectAll();
  else if (k === 'd') m.commands.fillDown();
  else if (k === 'z' && !e.shiftKey) m.props.undo?.();
  else if (k === 'y' || (k === 'z' && e.shiftKey)) m.props.redo?.();
  else if (k === '-' && m.props.deleteRows) m.commands.deleteRows();
  else if (k === ' ') m.selectRect({ r0: 0, c0: m.range.c0, r1: m.rowCount - 1, c1: m.range.c1 });
  else return false;
  return true;
}

/** Keys in a cell editor. `list` editors use ↑/↓ themselves. Returns true when handled. */
export function onEditorKeyDown<R extends { id: string }>(
  m: GridManager<R>,
  e: KeyboardEvent,
  commit: (then?: Move) => void,
  opts: { list: boolean; multiline: boolean }
): boolean {
  if (e.isComposing || e.key === 'Process') return false;
  const mode = m.editing?.mode;
  let then: Move | undefined | null = null;
  if (e.key === 'Escape') {
    e.preventDefault();
    m.cancelEdit();
    return true;
  }
  if (e.key === 'Enter' && !(opts.multiline && e.altKey)) then = e.shiftKey ? 'up' : 'down';
  else if (e.key === 'Tab') then = e.shiftKey ? 'left' : 'right';
  else if (mode === 'enter' && !e.shiftKey && !e.ctrlKey && !e.metaKey && !e.altKey) {
    if (e.key === 'ArrowLeft') then = 'left';
    else if (e.key === 'ArrowRight') then = 'right';
    else if (!opts.list && e.key === 'ArrowUp') then = 'up';
    else if (!opts.list && e.key === 'ArrowDown') then = 'down';
  }
  if (e.key === 'Enter' && e.ctrlKey) then = undefined;
  if (then === null) return false;
  e.preventDefault();
  commit(then);
  return true;
}
