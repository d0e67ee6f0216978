/**
 * Typing into a cell that is only selected, including with a Chinese input method.
 *
 * The grid keeps focus on its container (role="grid" with aria-activedescendant). A plain
 * element gets no input-method composition: typing "hangzhou" with Pinyin IME would reach us as
 * Latin letters. Where the browser has EditContext (Chromium), we attach one to the container:
 * it receives text and compositions like an input field while staying a grid for assistive
 * technology. The first text opens the cell editor with it; a composition is shown in the editor
 * as it is typed and the editor takes focus when it ends. Elsewhere, printable keys open the
 * editor from keydown (keyboard.ts) and the input method starts from the second letter.
 */
import type { GridManager } from './grid-manager.svelte';

interface EditContextLike extends EventTarget {
  readonly text: string;
  updateText(start: number, end: number, text: string): void;
  updateSelection(start: number, end: number): void;
  updateControlBounds(rect: DOMRect): void;
  updateSelectionBounds(rect: DOMRect): void;
}

type EditContextCtor = new () => EditContextLike;

export function supportsEditContext(): boolean {
  return typeof (globalThis as { EditContext?: EditContextCtor }).EditContext === 'function';
}

/** Attach typing to the grid container; returns a detach function, or null when unsupported. */
export function attachTyping<R extends { id: string }>(m: GridManager<R>, el: HTMLElement): (() => void) | null {
  const Ctor = (globalThis as { EditContext?: EditContextCtor }).EditContext;
  if (typeof Ctor !== 'function') return null;
  const ec = new Ctor();
  const host = el as HTMLElement & { editContext: EditContextLike | null };
  host.editContext = ec;
  let composing = false;

  const take = (): string => {
    const text = ec.text;
    if (text.length) ec.updateText(0, text.length, '');
    ec.updateSelection(0, 0);
    return text;
  };

  const placeImeWindow = () => {
    const cell = m.activeId ? document.getElementById(m.activeId) : null;
    const rect = (cell ?? el).getBoundingClientRect();
    ec.updateControlBounds(rect);
    ec.updateSelectionBounds(rect);
  };

  const onCompositionStart = () => {
    composing = true;
    placeImeWindow();
    if (!m.editing) m.startEdit('enter', '', true);
  };
  const onTextUpdate = () => {
    if (composing) {
      if (m.editing?.preedit) m.editText = ec.text;
      return;
    }
    const text = take();
    if (text && !m.editing) m.startEdit('enter', text);
  };
  const onCompositionEnd = () => {
    composing = false;
    const text = take();
    if (m.editing?.preedit) {
      if (text) m.endPreedit(text);
      else m.cancelEdit();
    } else if (text && !m.editing) m.startEdit('enter', text);
  };

  ec.addEventListener('compositionstart', onCompositionStart);
  ec.addEventListener('textupdate', onTextUpdate);
  ec.addEventListener('compositionend', onCompositionEnd);
  return () => {
    ec.removeEventListener('compositionstart', onCompositionStart);
    ec.removeEventListener('textupdate', onTextUpdate);
    ec.removeEventListener('compositionend', onCompositionEnd);
    host.editContext = null;
  };
}
