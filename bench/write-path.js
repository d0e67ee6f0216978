/**
 * Benchmark 1: the write path against a raw Dexie `bulkPut` of the same objects. Both run in the
 * built app's /dev/bench page (src/dev-routes/bench/+page.ts), alternately, each on a freshly
 * created workspace database; the best of each is compared.
 */
import { log, min } from './lib/util.js';

/** @typedef {import('@playwright/test').Browser} Browser */

/**
 * @typedef {object} WritePathResult
 * @property {number} rows
 * @property {string[]} fields
 * @property {number[]} writePath   ms per run
 * @property {number[]} raw         ms per run
 * @property {number} best          best write-path run, ms
 * @property {number} bestRaw       best raw run, ms
 * @property {number} ratio         best / bestRaw
 * @property {number} changeLogBytes
 */

/**
 * Open /dev/bench in `context` and wait for its hooks.
 * @param {import('@playwright/test').BrowserContext} context
 * @param {string} appUrl
 */
export async function openBenchPage(context, appUrl) {
  const page = await context.newPage();
  await page.goto(`${appUrl}/dev/bench`);
  try {
    await page.waitForFunction(() => window.__kebuBench !== undefined, undefined, { timeout: 30_000 });
  } catch {
    throw new Error('/dev/bench has no window.__kebuBench: is the build current? (npm run bench -- --build)');
  }
  return page;
}

/**
 * @param {Browser} browser
 * @param {string} appUrl
 * @param {number} rows
 * @param {number} rounds
 * @returns {Promise<WritePathResult>}
 */
export async function measureWritePath(browser, appUrl, rows, rounds) {
  log(`write path vs bulkPut, ${rows} rows, ${rounds} rounds…`);
  const context = await browser.newContext({ serviceWorkers: 'block' });
  try {
    const page = await openBenchPage(context, appUrl);
    const r = await page.evaluate(([rows, rounds]) => window.__kebuBench.writePath(rows, rounds), [rows, rounds]);
    log(`  write path ${r.writePath.map(Math.round).join(', ')} ms; bulkPut ${r.raw.map(Math.round).join(', ')} ms`);
    const best = min(r.writePath);
    const bestRaw = min(r.raw);
    return {
      rows: r.rows,
      fields: r.fields,
      writePath: r.writePath,
      raw: r.raw,
      best,
      bestRaw,
      ratio: best / bestRaw,
      changeLogBytes: r.changeLogBytes
    };
  } finally {
    await context.close();
  }
}
