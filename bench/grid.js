/**
 * Benchmark 2: our grid against AG Grid Community on the same rows and columns, in the same
 * browser, one after the other: time from data ready to first rows painted, then 5 s of wheel
 * scrolling and a 5 s drag of the vertical scrollbar from top to bottom, each with frame intervals
 * and long tasks recorded in the page.
 *
 * Ours is the dev page /dev/grid?n=N of the built app (src/dev-routes/grid); AG Grid's is
 * bench/ag-grid (built into bench/.out/ag-grid), sized to the same box as ours so that both show
 * the same number of rows and columns. Both pages set `window.__gridReady` (rows exist) and
 * `window.__gridPainted` (first rows painted) as performance.now() values; as a cross-check we
 * also note when a grid cell with text first enters the DOM.
 */
import { dragScrollbar, findViewport, firstCellObserver, setScrollTop, wheelScroll } from './lib/frames.js';
import { fmtMs, fmtRatio, log, sleep } from './lib/util.js';
import { openBenchPage } from './write-path.js';

/** @typedef {import('@playwright/test').Browser} Browser */
/** @typedef {import('@playwright/test').BrowserContext} BrowserContext */
/** @typedef {import('./lib/frames.js').FrameStats} FrameStats */

/**
 * @typedef {object} GridRun
 * @property {number} firstPaintMs   __gridPainted - __gridReady
 * @property {number} firstCellMs    first grid cell with text in the DOM - __gridReady
 * @property {{ width: number, height: number }} box  the grid's scroll viewport
 * @property {FrameStats} wheel
 * @property {FrameStats | null} drag null when no scrollbar could be dragged
 */

const VIEWPORT = { width: 1366, height: 768 };

/**
 * @param {Browser} browser
 * @param {string} url
 * @param {string} rootSelector  where the grid's scroll viewport is
 * @param {number} durationMs
 * @param {(context: BrowserContext) => Promise<void>} [prepare]
 * @returns {Promise<GridRun>}
 */
async function runGrid(browser, url, rootSelector, durationMs, prepare) {
  const context = await browser.newContext({ serviceWorkers: 'block', viewport: VIEWPORT, locale: 'zh-CN' });
  try {
    if (prepare) await prepare(context);
    const page = await context.newPage();
    await page.addInitScript(firstCellObserver);
    await page.goto(url);
    await page.waitForFunction(() => window.__gridPainted !== undefined, undefined, { timeout: 180_000 });
    await page.waitForFunction(() => /** @type {any} */ (window).__firstCell?.dom != null, undefined, {
      timeout: 30_000
    });
    const marks = await page.evaluate(() => ({
      ready: window.__gridReady ?? NaN,
      painted: window.__gridPainted ?? NaN,
      cell: /** @type {any} */ (window).__firstCell.dom
    }));
    await sleep(1500); // let follow-up work (search index, idle callbacks) settle

    const vp = await findViewport(page, rootSelector);
    const box = await page.evaluate((sel) => {
      const r = document.querySelector(sel)?.getBoundingClientRect();
      return { width: Math.round(r?.width ?? 0), height: Math.round(r?.height ?? 0) };
    }, rootSelector);
    const wheel = await wheelScroll(page, vp, durationMs);
    log(`  wheel: p95 ${fmtMs(wheel.p95)}, ${wheel.longTasks} long tasks, ${Math.round(wheel.scrolledPx)} px`);

    await setScrollTop(page, 0);
    await sleep(1000);
    const drag = await dragScrollbar(page, vp, durationMs);
    if (drag) log(`  drag: p95 ${fmtMs(drag.p95)}, ${drag.longTasks} long tasks, ${Math.round(drag.scrolledPx)} px`);
    else log('  drag: no draggable scrollbar found');
    return {
      firstPaintMs: marks.painted - marks.ready,
      firstCellMs: marks.cell - marks.ready,
      box,
      wheel,
      drag
    };
  } finally {
    await context.close();
  }
}

/**
 * The best of several runs of one grid: the fastest first paint, and for each scroll test the run
 * with the lowest p95 frame interval (its figures stay together).
 * @param {GridRun[]} runs
 * @returns {GridRun}
 */
function best(runs) {
  /** @param {'wheel' | 'drag'} key */
  const smoothest = (key) =>
    runs
      .map((r) => r[key])
      .filter((s) => s !== null)
      .sort((a, b) => a.p95 - b.p95 || a.longTaskMs - b.longTaskMs)[0] ?? null;
  return {
    firstPaintMs: Math.min(...runs.map((r) => r.firstPaintMs)),
    firstCellMs: Math.min(...runs.map((r) => r.firstCellMs)),
    box: runs[0].box,
    wheel: /** @type {FrameStats} */ (smoothest('wheel')),
    drag: smoothest('drag')
  };
}

/**
 * @param {Browser} browser
 * @param {string} appUrl
 * @param {string} agUrl
 * @param {number} rows
 * @param {number} durationMs  per scroll run
 * @param {number} rounds      runs of each grid, alternately; the best of each is compared
 */
export async function measureGrids(browser, appUrl, agUrl, rows, durationMs, rounds) {
  /** @type {GridRun[]} */
  const oursRuns = [];
  /** @type {GridRun[]} */
  const agRuns = [];
  for (let round = 1; round <= rounds; round++) {
    log(`our grid, ${rows} rows (run ${round} of ${rounds})…`);
    // the app's layout asks for a name before it shows any page: save a profile first
    const o = await runGrid(browser, `${appUrl}/dev/grid?n=${rows}`, '[role="grid"]', durationMs, async (context) => {
      const page = await openBenchPage(context, appUrl);
      await page.evaluate(() => window.__kebuBench.ensureProfile());
      await page.close();
    });
    oursRuns.push(o);
    log(`  first rows painted ${fmtMs(o.firstPaintMs)} (first cell in DOM ${fmtMs(o.firstCellMs)})`);
    log(`AG Grid Community, ${rows} rows, ${o.box.width}×${o.box.height} like ours (run ${round} of ${rounds})…`);
    const a = await runGrid(browser, `${agUrl}/?n=${rows}&w=${o.box.width}&h=${o.box.height}`, '.ag-root-wrapper', durationMs);
    agRuns.push(a);
    log(`  first rows painted ${fmtMs(a.firstPaintMs)} (first cell in DOM ${fmtMs(a.firstCellMs)})`);
  }
  const ours = best(oursRuns);
  const ag = best(agRuns);

  /** @type {import('./run.js').Line[]} */
  const lines = [];
  /**
   * One row of the table; ok when ours is no worse than AG Grid's.
   * @param {string} name
   * @param {number} a ours
   * @param {number} b AG Grid's
   * @param {(v: number) => string} fmt
   */
  const vs = (name, a, b, fmt) =>
    lines.push({
      name,
      figure: fmt(a),
      target: `AG Grid ${fmt(b)}`,
      ratio: b > 0 ? fmtRatio(a / b) : '—',
      ok: Number.isFinite(a) && Number.isFinite(b) ? a <= b : null
    });
  const count = (/** @type {number} */ v) => String(v);

  const of = rounds > 1 ? `, best of ${rounds}` : '';
  vs(`2. grid: data ready → first rows painted (${rows} × 15${of})`, ours.firstPaintMs, ag.firstPaintMs, fmtMs);
  vs('   grid: data ready → first cell in the DOM', ours.firstCellMs, ag.firstCellMs, fmtMs);
  const seconds = `${Math.round(durationMs / 1000)} s`;
  for (const [label, key] of /** @type {const} */ ([
    [`wheel scroll ${seconds}`, 'wheel'],
    [`scrollbar drag ${seconds}`, 'drag']
  ])) {
    const a = ours[key];
    const b = ag[key];
    if (!a || !b) {
      lines.push({
        name: `   ${label}`,
        figure: a ? 'measured' : 'not measured',
        target: b ? 'AG Grid measured' : 'AG Grid not measured',
        ratio: '',
        ok: null
      });
      continue;
    }
    vs(`   ${label}: p95 frame interval`, a.p95, b.p95, fmtMs);
    lines.push({
      name: `   ${label}: p50 / max frame interval`,
      figure: `${fmtMs(a.p50)} / ${fmtMs(a.max)}`,
      target: `AG Grid ${fmtMs(b.p50)} / ${fmtMs(b.max)}`,
      ratio: b.max > 0 ? fmtRatio(a.max / b.max) : '—',
      ok: a.p50 <= b.p50 && a.max <= b.max
    });
    vs(`   ${label}: long tasks > 50 ms, count`, a.longTasks, b.longTasks, count);
    vs(`   ${label}: long tasks, total`, a.longTaskMs, b.longTaskMs, fmtMs);
    lines.push({
      name: `   ${label}: distance scrolled (${a.steps} / ${b.steps} input events)`,
      figure: `${Math.round(a.scrolledPx)} px`,
      target: `AG Grid ${Math.round(b.scrolledPx)} px`,
      ratio: '',
      ok: null
    });
  }
  return { ours, agGrid: ag, runs: { ours: oursRuns, agGrid: agRuns }, lines };
}
