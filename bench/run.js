#!/usr/bin/env node
/**
 * `npm run bench`: Kebu's performance benchmarks in headless Chromium. They print figures and the
 * ratio to the baseline each one names; nothing is asserted and they never run in `npm test`.
 * See bench/README.md.
 *
 *   npm run bench                    100 000 rows; builds the app first if build-bench/ is missing
 *   npm run bench -- --quick         10 000 rows, fewer rounds: a fast smoke run
 *   npm run bench -- --build         rebuild the app first
 *   npm run bench -- --only write,grid,app,cold,bundle
 *   npm run bench -- --app-url http://127.0.0.1:5173   use a running server instead of vite preview
 *
 * The results table goes to stdout, progress to stderr; everything is also written to
 * bench/results/latest.json.
 */
import { existsSync, mkdirSync, statSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { measureWritePath } from './write-path.js';
import { measureGrids } from './grid.js';
import { measureApp } from './app.js';
import { measureColdStart } from './cold-start.js';
import { measureFirstPageJs } from './bundle.js';
import { AG_GRID_OUT, buildAgGridPage } from './lib/ag-grid.js';
import { launchChromium } from './lib/browser.js';
import { BENCH_BUILD, run, startPreview, startStatic } from './lib/servers.js';
import { fmtKB, fmtMs, fmtRatio, log, table } from './lib/util.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const APP_PORT = 4180;
const AG_GRID_PORT = 4181;
const ALL = ['write', 'grid', 'app', 'cold', 'bundle'];

/**
 * @typedef {object} Options
 * @property {boolean} quick
 * @property {boolean} build
 * @property {number} rows
 * @property {string[]} only
 * @property {string | null} appUrl
 */

/**
 * @param {string[]} argv
 * @returns {Options}
 */
function parseArgs(argv) {
  /** @type {Options} */
  const o = { quick: false, build: false, rows: 100_000, only: ALL, appUrl: null };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--quick') o.quick = true;
    else if (a === '--build') o.build = true;
    else if (a === '--rows') o.rows = Number(argv[++i]);
    else if (a === '--only') o.only = argv[++i].split(',');
    else if (a === '--app-url') o.appUrl = argv[++i].replace(/\/$/, '');
    else if (a === '--help' || a === '-h') {
      process.stdout.write('usage: node bench/run.js [--quick] [--build] [--rows N] [--only write,grid,app,cold,bundle] [--app-url URL]\n');
      process.exit(0);
    } else throw new Error(`unknown option ${a}`);
  }
  if (o.quick && !argv.includes('--rows')) o.rows = 10_000;
  if (!Number.isInteger(o.rows) || o.rows < 1) throw new Error('--rows wants a positive integer');
  for (const b of o.only) if (!ALL.includes(b)) throw new Error(`--only: unknown benchmark ${b}`);
  return o;
}

/**
 * Newest modification time of the files under `dir`.
 * @param {string} dir
 * @returns {number}
 */
function newest(dir) {
  let t = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    t = Math.max(t, entry.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

/** @param {boolean} force */
async function ensureAppBuild(force) {
  const index = join(ROOT, 'build-bench', 'index.html');
  if (force || !existsSync(index)) {
    log('building the app with its /dev pages (KEBU_DEV_ROUTES=1 npx vite build → build-bench/)…');
    await run('npx', ['vite', 'build'], ROOT, BENCH_BUILD);
  } else if (newest(join(ROOT, 'src')) > statSync(index).mtimeMs) {
    log('note: src/ has changed since build-bench/ was made; pass --build to measure the current code');
  }
}

/**
 * One line of the results table.
 * @typedef {object} Line
 * @property {string} name
 * @property {string} figure
 * @property {string} target     the target or the baseline it is compared with
 * @property {string} ratio
 * @property {boolean | null} ok  against the target; null when there is none
 */

/** Stops servers and the browser; also run on Ctrl+C. @type {(() => Promise<void>)[]} */
const CLEANUPS = [];

async function cleanUp() {
  for (const stop of CLEANUPS.splice(0).reverse()) {
    try {
      await stop();
    } catch (e) {
      log(`cleanup: ${e instanceof Error ? e.message : e}`);
    }
  }
}

for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM'])) {
  process.on(signal, () => {
    log(`${signal}: stopping servers…`);
    void cleanUp().finally(() => process.exit(130));
  });
}

/** @param {boolean | null} ok */
const mark = (ok) => (ok === null ? '' : ok ? '✓' : '✗');

/**
 * @param {Options} opts
 */
async function main(opts) {
  const started = Date.now();
  const want = (/** @type {string} */ b) => opts.only.includes(b);
  /** @type {Record<string, unknown>} */
  const results = { rows: opts.rows, quick: opts.quick, startedAt: new Date().toISOString() };
  /** @type {Line[]} */
  const lines = [];
  /** @type {Record<string, string>} */
  const failures = {};

  /**
   * Run one benchmark; a failure becomes a line of the table instead of ending the run.
   * @param {string} name
   * @param {() => Promise<void>} fn
   */
  const attempt = async (name, fn) => {
    try {
      await fn();
    } catch (e) {
      const message = e instanceof Error ? e.message.split('\n')[0] : String(e);
      log(`${name} failed: ${e instanceof Error ? (e.stack ?? e.message) : e}`);
      failures[name] = message;
      lines.push({ name, figure: 'failed', target: message.slice(0, 60), ratio: '', ok: false });
    }
  };

  try {
    let appUrl = opts.appUrl;
    if (!appUrl) {
      await ensureAppBuild(opts.build);
      const preview = await startPreview(ROOT, APP_PORT);
      CLEANUPS.push(preview.stop);
      appUrl = preview.url;
    }
    const app = appUrl;
    /** @type {string | null} */
    let agUrl = null;
    if (want('grid')) {
      await buildAgGridPage();
      const agServer = await startStatic(AG_GRID_OUT, AG_GRID_PORT);
      CLEANUPS.push(agServer.stop);
      agUrl = agServer.url;
    }

    const browser = await launchChromium();
    CLEANUPS.push(() => browser.close());
    results.browser = browser.version();
    log(`Chromium ${browser.version()}, ${opts.rows} rows`);

    if (want('write')) {
      await attempt('1. write path', async () => {
        const w = await measureWritePath(browser, app, opts.rows, 2);
        results.writePath = w;
        lines.push({
          name: `1. write path, insert ${w.rows} customers (best of ${w.writePath.length})`,
          figure: fmtMs(w.best),
          target: `bulkPut ${fmtMs(w.bestRaw)}; ≤ 1.2×`,
          ratio: fmtRatio(w.ratio),
          ok: w.ratio <= 1.2
        });
        lines.push({
          name: '   change-log entry of that write (JSON)',
          figure: fmtKB(w.changeLogBytes),
          target: '',
          ratio: '',
          ok: null
        });
      });
    }

    if (want('grid') && agUrl) {
      const ag = agUrl;
      await attempt('2. grid vs AG Grid', async () => {
        const g = await measureGrids(browser, app, ag, opts.rows, opts.quick ? 2000 : 5000, opts.quick ? 1 : 2);
        results.grid = g;
        lines.push(...g.lines);
      });
    }

    if (want('app')) {
      await attempt('3./4. app', async () => {
        const a = await measureApp(browser, app, opts.rows);
        results.app = a;
        lines.push(...a.lines);
      });
    }

    if (want('cold')) {
      await attempt('3b. cold start', async () => {
        const c = await measureColdStart(app, opts.rows, 3);
        results.coldStart = c;
        lines.push(...c.lines);
      });
    }

    if (want('bundle')) {
      await attempt('5. first page JavaScript', async () => {
        const b = await measureFirstPageJs(browser, app);
        results.bundle = b;
        lines.push({
          name: `5. first page JavaScript, gzip -9 (${b.files.length} files, ${fmtKB(b.bytes)} raw)`,
          figure: fmtKB(b.gzip),
          target: '≤ 120 KB',
          ratio: fmtRatio(b.gzip / (120 * 1024)),
          ok: b.gzip <= 120 * 1024
        });
        process.stdout.write(
          '\nFirst page scripts (gzip -9):\n' +
            table(
              ['file', 'raw', 'gzip'],
              b.files.map((f) => [f.path, fmtKB(f.bytes), fmtKB(f.gzip)])
            ) +
            '\n'
        );
      });
    }
  } finally {
    await cleanUp();
  }

  results.failures = failures;
  results.durationS = Math.round((Date.now() - started) / 1000);
  results.lines = lines;
  process.stdout.write(
    `\nKebu benchmarks — ${opts.rows} rows${opts.quick ? ' (quick)' : ''}, Chromium ${results.browser ?? ''}, ` +
      `${results.durationS} s\n\n` +
      table(
        ['benchmark', 'figure', 'target / baseline', 'ratio', ''],
        lines.map((l) => [l.name, l.figure, l.target, l.ratio, mark(l.ok)])
      ) +
      '\n'
  );
  const out = join(ROOT, 'bench', 'results', 'latest.json');
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, JSON.stringify(results, null, 2) + '\n');
  log(`written ${out}`);
  if (Object.keys(failures).length) process.exitCode = 1;
}

let opts;
try {
  opts = parseArgs(process.argv.slice(2));
} catch (e) {
  process.stderr.write(`${e instanceof Error ? e.message : e}\n`);
  process.exit(2);
}
main(opts).catch((e) => {
  process.stderr.write(`bench failed: ${e instanceof Error ? (e.stack ?? e.message) : e}\n`);
  process.exit(1);
});
