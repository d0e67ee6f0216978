/**
 * The scroll side of the grid: one native scroll container, its scroll offsets and size as
 * state, and the rows and columns in view derived from them (geometry.ts). The scroll handler
 * only reads two numbers and writes two states; the derived spans are numbers, so nothing
 * downstream reruns unless a row or column actually enters or leaves the view.
 */
import { revealCell, visibleColumns, visibleRows, type Layout, type Viewport } from './geometry';

export const ROW_HEIGHT = 32;
export const HEADER_HEIGHT = 34;
const OVERSCAN_ROWS = 4;
const OVERSCAN_COLS = 1;
const EMPTY_LAYOUT: Layout = {
  rowHeight: ROW_HEIGHT,
  headerHeight: HEADER_HEIGHT,
  rowHeaderWidth: 0,
  prefix: new Float64Array(1),
  frozen: 0
};

export class VirtualWindow {
  scrollTop = $state(0);
  scrollLeft = $state(0);
  width = $state(0);
  height = $state(0);
  // set by the constructor; the deriveds below only run later
  #layout: () => Layout = () => EMPTY_LAYOUT;
  #rowCount: () => number = () => 0;
  #el: HTMLElement | null = null;
  /** called on every scroll event (the grid pauses background work while scrolling) */
  onScroll: (() => void) | null = null;

  constructor(layout: () => Layout, rowCount: () => number) {
    this.#layout = layout;
    this.#rowCount = rowCount;
  }

  readonly vp: Viewport = $derived({
    scrollTop: this.scrollTop,
    scrollLeft: this.scrollLeft,
    width: this.width,
    height: this.height
  });

  readonly rowStart = $derived(visibleRows(this.#layout(), this.vp, this.#rowCount(), OVERSCAN_ROWS).start);
  readonly rowEnd = $derived(visibleRows(this.#layout(), this.vp, this.#rowCount(), OVERSCAN_ROWS).end);
  readonly colStart = $derived(visibleColumns(this.#layout(), this.vp, OVERSCAN_COLS).start);
  readonly colEnd = $derived(visibleColumns(this.#layout(), this.vp, OVERSCAN_COLS).end);

  /** how many row elements the pool needs for this viewport height */
  readonly capacity = $derived(Math.ceil(Math.max(0, this.height - HEADER_HEIGHT) / ROW_HEIGHT) + 1 + 2 * OVERSCAN_ROWS);

  /** rows per page for PageUp/PageDown */
  get page(): number {
    return Math.max(1, Math.floor((this.height - HEADER_HEIGHT) / ROW_HEIGHT) - 1);
  }

  get element(): HTMLElement | null {
    return this.#el;
  }

  attach(el: HTMLElement): () => void {
    this.#el = el;
    const onScroll = () => {
      this.scrollTop = el.scrollTop;
      this.scrollLeft = el.scrollLeft;
      this.onScroll?.();
    };
    const measure = () => {
      this.width = el.clientWidth;
      this.height = el.clientHeight;
    };
    measure();
    el.addEventListener('scroll', onScroll, { passive: true });
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => {
      el.removeEventListener('scroll', onScroll);
      ro.disconnect();
      if (this.#el === el) this.#el = null;
    };
  }

  scrollTo(top: number, left: number): void {
    const el = this.#el;
    const t = Math.max(0, top);
    const l = Math.max(0, left);
    if (el) {
      if (el.scrollTop !== t) el.scrollTop = t;
      if (el.scrollLeft !== l) el.scrollLeft = l;
      // read back: the browser clamps to the scrollable range
      this.scrollTop = el.scrollTop;
      this.scrollLeft = el.scrollLeft;
    } else {
      this.scrollTop = t;
      this.scrollLeft = l;
    }
  }

  /** Scroll just enough for the cell to be fully in view. */
  reveal(row: number, col: number): void {
    const next = revealCell(this.#layout(), this.vp, row, col);
    if (next.scrollTop !== this.scrollTop || next.scrollLeft !== this.scrollLeft) {
      this.scrollTo(next.scrollTop, next.scrollLeft);
    }
  }
}
