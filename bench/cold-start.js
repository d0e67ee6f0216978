/**
 * Benchmark 3b: the app opened after the browser was restarted, on an on-disk profile — what a
 * person meets every morning — beside the floor: the same first rows read with raw IndexedDB
 * (`indexedDB.open` + `getAll(null, 50)` in an inline script, no app code) on the same cold
 * profile. Both are times since the navigation started (`performance.now()` when the first grid
 * cell has text / when the rows are in hand). Rounds alternate which of the two goes first; each
 * measurement is the first page of a freshly launched browser. Then the warm reload on the same
 * on-disk profile.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchPersistent } from './lib/browser.js';
import { firstCellObserver } from './lib/frames.js';
import { fmtMs, fmtRatio, log, median, sleep } from './lib/util.js';

const VIEWPORT = { width: 1366, height: 768 };
const FIRST_ROWS = 50;

/**
 * The floor: raw IndexedDB reads the workspace's first rows; served on the app's origin (so it
 * sees the app's databases) by intercepting one URL.
 * @param {number} n
 */
const rawPage = (n) => `<!doctype html><meta charset="utf-8"><title>raw</title><script>
const name = 'kebu-ws-' + localStorage.getItem('kebu.workspace');
const open = indexedDB.open(name);
open.onsuccess = () => {
  const db = open.result;
  const req = db.transaction('customers', 'readonly').objectStore('customers').getAll(null, ${n});
  req.onsuccess = () => { window.__raw = { rows: req.result.length, at: performance.now() }; db.close(); };
  req.onerror = () => { window.__raw = { error: String(req.error) }; };
};
open.onerror = () => { window.__raw = { error: String(open.error) }; };
</script>`;

/**
 * @param {string} dir
 * @param {string} appUrl
 * @param {'app' | 'raw'} which
 * @returns {Promise<number>} ms since navigation start
 */
async function coldOpen(dir, appUrl, which) {
  const context = await launchPersistent(dir, { viewport: VIEWPORT, locale: 'zh-CN' });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    if (which === 'raw') {
      await page.route(`${appUrl}/__raw-first-rows`, (route) => route.fulfill({ contentType: 'text/html', body: rawPage(FIRST_ROWS) }));
      await page.goto(`${appUrl}/__raw-first-rows`);
      await page.waitForFunction(() => /** @type {any} */ (window).__raw, undefined, { timeout: 60_000 });
      const r = await page.evaluate(() => /** @type {any} */ (window).__raw);
      if (r.error || r.rows !== FIRST_ROWS) throw new Error(`raw read: ${r.error ?? `${r.rows} rows`}`);
      return r.at;
    }
    await page.addInitScript(firstCellObserver);
    await page.goto(`${appUrl}/customers`, { waitUntil: 'commit' });
    await page.waitForFunction(() => /** @type {any} */ (window).__firstCell?.frame != null, undefined, { timeout: 60_000 });
    return (await page.evaluate(() => /** @type {any} */ (window).__firstCell)).dom;
  } finally {
    await context.close();
  }
}

/**
 * @param {string} appUrl
 * @param {number} rows
 * @param {number} rounds
 */
export async function measureColdStart(appUrl, rows, rounds) {
  const dir = mkdtempSync(join(tmpdir(), 'kebu-bench-profile-'));
  try {
    log(`cold start: on-disk profile ${dir}, ${rows} customers…`);
    {
      const context = await launchPersistent(dir, { viewport: VIEWPORT, locale: 'zh-CN' });
      const page = context.pages()[0] ?? (await context.newPage());
      await page.goto(`${appUrl}/dev/bench`);
      await page.waitForFunction(() => window.__kebuBench !== undefined, undefined, { timeout: 30_000 });
      await page.evaluate((n) => window.__kebuBench.createAppWorkspace(n), rows);
      // a first visit as a person makes it: the page, the service worker's precache, then closed
      await page.goto(`${appUrl}/customers`);
      await page.waitForSelector('[role="grid"] [role="gridcell"]', { timeout: 120_000 });
      await page.evaluate(() =>
        Promise.race([navigator.serviceWorker?.ready.then(() => true) ?? false, new Promise((resolve) => setTimeout(() => resolve(false), 20_000))])
      );
      await sleep(2000);
      await context.close();
    }
    /** @type {number[]} */
    const app = [];
    /** @type {number[]} */
    const raw = [];
    for (let round = 0; round < rounds; round++) {
      for (const which of /** @type {const} */ (round % 2 === 0 ? ['app', 'raw'] : ['raw', 'app'])) {
        const ms = await coldOpen(dir, appUrl, which);
        (which === 'app' ? app : raw).push(ms);
        log(`  round ${round + 1} ${which}: ${fmtMs(ms)}`);
      }
    }
    // warm: the browser stays open, the page reloads
    const context = await launchPersistent(dir, { viewport: VIEWPORT, locale: 'zh-CN' });
    /** @type {number[]} */
    const warm = [];
    try {
      const page = context.pages()[0] ?? (await context.newPage());
      await page.addInitScript(firstCellObserver);
      await page.goto(`${appUrl}/customers`);
      await page.waitForSelector('[role="grid"]:not([aria-busy="true"]) [role="gridcell"]', { timeout: 120_000 });
      await sleep(1000);
      for (let i = 0; i < rounds; i++) {
        await page.reload({ waitUntil: 'commit' });
        await page.waitForFunction(() => /** @type {any} */ (window).__firstCell?.frame != null, undefined, { timeout: 60_000 });
        warm.push((await page.evaluate(() => /** @type {any} */ (window).__firstCell)).dom);
        await page.waitForSelector('[role="grid"]:not([aria-busy="true"]) [role="gridcell"]', { timeout: 120_000 });
        await sleep(1000);
      }
    } finally {
      await context.close();
    }
    const ratio = median(app) / median(raw);
    const spread = (/** @type {number[]} */ v) => `${fmtMs(Math.min(...v))}–${fmtMs(Math.max(...v))}`;
    /** @type {import('./run.js').Line[]} */
    const lines = [
      {
        name: `3b. cold start, on-disk profile: first row (median of ${rounds})`,
        figure: fmtMs(median(app)),
        target: `${spread(app)}; raw IndexedDB first ${FIRST_ROWS} rows ${fmtMs(median(raw))} (${spread(raw)}); ≤ 1.3×`,
        ratio: fmtRatio(ratio),
        ok: ratio <= 1.3
      },
      {
        name: `    warm reload, on-disk profile: first row (median of ${rounds})`,
        figure: fmtMs(median(warm)),
        target: '< 250 ms',
        ratio: fmtRatio(median(warm) / 250),
        ok: median(warm) < 250
      }
    ];
    return { app, raw, warm, ratio, lines };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
