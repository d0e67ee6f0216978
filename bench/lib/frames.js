/**
 * Frame and long-task recording in the page, and the two scroll drivers (mouse wheel, scrollbar
 * drag) the grid benchmarks run under it.
 *
 * Frames: every `requestAnimationFrame` timestamp while recording; the intervals between them say
 * how smooth the page was (16.7 ms = 60 fps; a 100 ms interval is a visible stutter).
 * Long tasks: `PerformanceObserver` entries of type 'longtask' (main-thread tasks over 50 ms).
 */
import { percentile, sleep } from './util.js';

/** @typedef {import('@playwright/test').Page} Page */

/**
 * @typedef {object} FrameStats
 * @property {number} frames        number of frames recorded
 * @property {number} p50           median frame interval, ms
 * @property {number} p95           95th percentile frame interval, ms
 * @property {number} max           longest frame interval, ms
 * @property {number} longTasks     number of long tasks (> 50 ms)
 * @property {number} longTaskMs    their total duration, ms
 * @property {number} scrolledPx    how far the viewport scrolled during the run
 * @property {number} [steps]       input events sent
 */

/**
 * Injected before any page script: note when a grid cell with text first appears.
 * `window.__firstCell` = { dom, frame } in ms since navigation start.
 */
export function firstCellObserver() {
  const mark = { dom: /** @type {number | null} */ (null), frame: /** @type {number | null} */ (null) };
  /** @type {any} */ (window).__firstCell = mark;
  const seen = () => {
    for (const el of document.querySelectorAll('[role="gridcell"]')) if (el.textContent?.trim()) return true;
    return false;
  };
  const mo = new MutationObserver(() => {
    if (mark.dom !== null || !seen()) return;
    mark.dom = performance.now();
    mo.disconnect();
    requestAnimationFrame(() => (mark.frame = performance.now()));
  });
  mo.observe(document, { childList: true, subtree: true, characterData: true });
}

/** @param {Page} page */
export async function startRecording(page) {
  await page.evaluate(() => {
    /** @type {{ frames: number[], longTasks: number[], running: boolean, observer?: PerformanceObserver }} */
    const rec = { frames: [], longTasks: [], running: true };
    /** @param {number} t */
    const tick = (t) => {
      if (!rec.running) return;
      rec.frames.push(t);
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
    try {
      rec.observer = new PerformanceObserver((list) => {
        for (const e of list.getEntries()) rec.longTasks.push(e.duration);
      });
      rec.observer.observe({ type: 'longtask' });
    } catch {
      // no long-task timing in this browser
    }
    /** @type {any} */ (window).__benchRec = rec;
  });
}

/**
 * @param {Page} page
 * @returns {Promise<{ frames: number[], longTasks: number[] }>}
 */
export async function stopRecording(page) {
  await sleep(300); // long-task entries are delivered asynchronously
  return page.evaluate(() => {
    const rec = /** @type {any} */ (window).__benchRec;
    rec.running = false;
    if (rec.observer) {
      for (const e of rec.observer.takeRecords()) rec.longTasks.push(e.duration);
      rec.observer.disconnect();
    }
    return { frames: rec.frames, longTasks: rec.longTasks };
  });
}

/**
 * @param {{ frames: number[], longTasks: number[] }} rec
 * @param {number} scrolledPx
 * @returns {FrameStats}
 */
export function frameStats(rec, scrolledPx) {
  const intervals = [];
  for (let i = 1; i < rec.frames.length; i++) intervals.push(rec.frames[i] - rec.frames[i - 1]);
  return {
    frames: rec.frames.length,
    p50: percentile(intervals, 50),
    p95: percentile(intervals, 95),
    max: intervals.length ? Math.max(...intervals) : NaN,
    longTasks: rec.longTasks.length,
    longTaskMs: rec.longTasks.reduce((a, b) => a + b, 0),
    scrolledPx
  };
}

/**
 * @typedef {object} Viewport
 * @property {number} x              where to point the wheel: the centre of the grid
 * @property {number} y
 * @property {number} top            the scrollbar's track: top edge and height
 * @property {number} clientHeight
 * @property {number} right          right edge of the scrolling element (inside its border)
 * @property {number} scrollbarWidth 0 when its scrollbar takes no room (overlay or hidden)
 * @property {number} scrollHeight
 */

/**
 * The grid's vertical scroller under `rootSelector`: of the elements that scroll vertically,
 * the one with a visible scrollbar (AG Grid scrolls a hidden-scrollbar viewport and shows a
 * separate scrollbar element; ours has one native scroll container), else the tallest.
 * It is marked with `data-bench-viewport` so that later calls find it again.
 * @param {Page} page
 * @param {string} rootSelector
 * @returns {Promise<Viewport>}
 */
export async function findViewport(page, rootSelector) {
  const box = await page.evaluate((sel) => {
    const root = document.querySelector(sel);
    if (!root) return null;
    /** @param {Element} el */
    const barWidth = (el) => {
      const r = el.getBoundingClientRect();
      const style = getComputedStyle(el);
      return Math.round(r.width - (parseFloat(style.borderLeftWidth) || 0) - (parseFloat(style.borderRightWidth) || 0) - el.clientWidth);
    };
    const candidates = [root, ...root.querySelectorAll('*')].filter((el) => {
      const overflow = getComputedStyle(el).overflowY;
      return (overflow === 'auto' || overflow === 'scroll') && el.scrollHeight > el.clientHeight + 100;
    });
    if (!candidates.length) return null;
    candidates.sort((a, b) => Number(barWidth(b) > 0) - Number(barWidth(a) > 0) || b.scrollHeight - a.scrollHeight);
    const best = candidates[0];
    for (const el of document.querySelectorAll('[data-bench-viewport]')) el.removeAttribute('data-bench-viewport');
    best.setAttribute('data-bench-viewport', '');
    const r = best.getBoundingClientRect();
    const rootBox = root.getBoundingClientRect();
    return {
      x: Math.round(rootBox.left + rootBox.width / 2),
      y: Math.round(rootBox.top + rootBox.height / 2),
      top: r.top + best.clientTop,
      right: r.right - (parseFloat(getComputedStyle(best).borderRightWidth) || 0),
      clientHeight: best.clientHeight,
      scrollbarWidth: barWidth(best),
      scrollHeight: best.scrollHeight
    };
  }, rootSelector);
  if (!box) throw new Error(`no scrolling viewport under ${rootSelector}`);
  return box;
}

/** @param {Page} page */
const scrollTop = (page) => page.evaluate(() => document.querySelector('[data-bench-viewport]')?.scrollTop ?? 0);

/**
 * @param {Page} page
 * @param {number} top
 */
export async function setScrollTop(page, top) {
  await page.evaluate((top) => {
    const el = document.querySelector('[data-bench-viewport]');
    if (el) el.scrollTop = top;
  }, top);
}

/**
 * Input at a steady pace, like a hand on a wheel or a mouse: one event every `INPUT_MS`,
 * dispatched through the DevTools protocol without waiting for the page to acknowledge each (a
 * busy page gets its events queued and coalesced, as with real input; it cannot slow the hand).
 */
const INPUT_MS = 16;

/**
 * @param {import('@playwright/test').CDPSession} cdp
 * @param {Record<string, unknown>} event Input.dispatchMouseEvent parameters
 */
const mouse = (cdp, event) => cdp.send('Input.dispatchMouseEvent', /** @type {any} */ (event));

/**
 * Run `step(i)` every INPUT_MS for `durationMs` (the last call gets i === count - 1) without
 * awaiting each; returns how many ran, once all were acknowledged.
 * @param {number} durationMs
 * @param {(i: number, t: number) => Promise<unknown>} step  t: 0…1, the share of the time elapsed
 */
async function paced(durationMs, step) {
  const count = Math.max(2, Math.round(durationMs / INPUT_MS));
  const start = Date.now();
  /** @type {Promise<unknown>[]} */
  const sent = [];
  for (let i = 0; i < count; i++) {
    const due = start + i * INPUT_MS;
    if (due > Date.now()) await sleep(due - Date.now());
    sent.push(step(i, i / (count - 1)));
  }
  await Promise.all(sent);
  return count;
}

/**
 * Scroll with the mouse wheel for `durationMs`: one 100 px wheel step (one notch) every 16 ms,
 * dispatched as real input with the pointer over the middle of the grid.
 * @param {Page} page
 * @param {Viewport} vp
 * @param {number} durationMs
 * @returns {Promise<FrameStats>}
 */
export async function wheelScroll(page, vp, durationMs) {
  const cdp = await page.context().newCDPSession(page);
  const { x, y } = vp;
  try {
    await mouse(cdp, { type: 'mouseMoved', x, y });
    const before = await scrollTop(page);
    await startRecording(page);
    const steps = await paced(durationMs, () => mouse(cdp, { type: 'mouseWheel', x, y, deltaX: 0, deltaY: 100 }));
    await sleep(200); // the frames that show the last steps
    const rec = await stopRecording(page);
    const after = await scrollTop(page);
    return { ...frameStats(rec, after - before), steps };
  } finally {
    await cdp.detach();
  }
}

/**
 * Drag the vertical scrollbar's thumb from the top of the track to the bottom over `durationMs`.
 * The thumb's offset from the track top (below any arrow button) is found first by a short probe.
 * @param {Page} page
 * @param {Viewport} vp
 * @param {number} durationMs
 * @returns {Promise<FrameStats | null>} null when the page has no draggable scrollbar
 */
export async function dragScrollbar(page, vp, durationMs) {
  if (vp.scrollbarWidth <= 0) return null;
  const cdp = await page.context().newCDPSession(page);
  const x = Math.round(vp.right - vp.scrollbarWidth / 2);
  const button = { button: 'left', buttons: 1, clickCount: 1 };
  try {
    let grabAt = -1;
    for (const offset of [4, 8, 12, 16, 20, 24, 30]) {
      await setScrollTop(page, 0);
      await sleep(100);
      await mouse(cdp, { type: 'mouseMoved', x, y: vp.top + offset });
      await mouse(cdp, { type: 'mousePressed', x, y: vp.top + offset, ...button });
      for (let d = 10; d <= 30; d += 10) await mouse(cdp, { type: 'mouseMoved', x, y: vp.top + offset + d, ...button });
      await sleep(100);
      const moved = await scrollTop(page);
      await mouse(cdp, { type: 'mouseReleased', x, y: vp.top + offset + 30, ...button });
      if (moved > 0) {
        grabAt = offset;
        break;
      }
    }
    if (grabAt < 0) return null;
    await setScrollTop(page, 0);
    await sleep(1000);

    const y0 = vp.top + grabAt;
    const y1 = vp.top + vp.clientHeight - 2;
    await mouse(cdp, { type: 'mouseMoved', x, y: y0 });
    await startRecording(page);
    await mouse(cdp, { type: 'mousePressed', x, y: y0, ...button });
    const steps = await paced(durationMs, (_i, t) => mouse(cdp, { type: 'mouseMoved', x, y: Math.round(y0 + (y1 - y0) * t), ...button }));
    await mouse(cdp, { type: 'mouseReleased', x, y: y1, ...button });
    await sleep(200); // the frames that show the last steps
    const rec = await stopRecording(page);
    return { ...frameStats(rec, await scrollTop(page)), steps };
  } finally {
    await cdp.detach();
  }
}
