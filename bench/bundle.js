/**
 * Benchmark 5: how much JavaScript the first page costs. Load `/` in a fresh browser context
 * (no cache, no service worker), collect every script response until the network is idle, and
 * gzip each body at level 9 as a server would.
 */
import { gzipSync } from 'node:zlib';
import { log } from './lib/util.js';

/** @typedef {import('@playwright/test').Browser} Browser */

/**
 * @typedef {object} BundleResult
 * @property {{ path: string, bytes: number, gzip: number }[]} files
 * @property {number} bytes   total uncompressed
 * @property {number} gzip    total gzipped
 */

/**
 * @param {Browser} browser
 * @param {string} appUrl
 * @returns {Promise<BundleResult>}
 */
export async function measureFirstPageJs(browser, appUrl) {
  log('first-page JavaScript…');
  const context = await browser.newContext({ serviceWorkers: 'block', viewport: { width: 1366, height: 768 } });
  try {
    const page = await context.newPage();
    /** @type {Promise<{ path: string, bytes: number, gzip: number } | null>[]} */
    const pending = [];
    page.on('response', (response) => {
      if (response.request().resourceType() !== 'script') return;
      if (response.status() !== 200) log(`  ${response.status()} for ${response.url()}`);
      pending.push(
        response.body().then(
          (body) => ({
            path: new URL(response.url()).pathname,
            bytes: body.length,
            gzip: gzipSync(body, { level: 9 }).length
          }),
          (e) => (log(`  no body for ${response.url()}: ${e instanceof Error ? e.message : e}`), null)
        )
      );
    });
    await page.goto(`${appUrl}/`, { waitUntil: 'networkidle' });
    const files = /** @type {{ path: string, bytes: number, gzip: number }[]} */ ((await Promise.all(pending)).filter(Boolean)).sort(
      (a, b) => b.gzip - a.gzip
    );
    if (!files.length) throw new Error('/ loaded no scripts (was build-bench/ being rebuilt meanwhile?)');
    return {
      files,
      bytes: files.reduce((s, f) => s + f.bytes, 0),
      gzip: files.reduce((s, f) => s + f.gzip, 0)
    };
  } finally {
    await context.close();
  }
}
