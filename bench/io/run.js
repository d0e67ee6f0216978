#!/usr/bin/env node
/**
 * The io benchmarks (import, export), printed as a table. A separate script for the lead to wire
 * into `npm run bench`:
 *
 *   node bench/io/run.js                 100 000 rows × 15 columns
 *   node bench/io/run.js --quick         10 000 rows
 *   node bench/io/run.js --rows 50000 --only import,export
 *
 * It builds bench/io/page with Vite into bench/.out/io (never build/), serves it on 127.0.0.1,
 * and drives it in the same headless Chromium as the tests. Figures:
 *
 *   import  a 15-column CSV through the app's import worker end to end vs a raw Dexie bulkPut of
 *           the same rows (target ≤ 1.3×; best against best, the baseline going first every other
 *           round), and the longest main-thread task meanwhile (< 50 ms)
 *   export  the same rows as a 15-column view to .xlsx through the app's export worker vs ExcelJS
 *           and SheetJS each writing the same array of arrays in a worker (target ≤ 1.2× the
 *           faster), with the browser's peak memory growth during each
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { launchChromium } from '../lib/browser.js';
import { buildBenchPage } from '../lib/page.js';
import { startStatic } from '../lib/servers.js';
import { fmtMs, fmtRatio, log, min, table } from '../lib/util.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const PORT = 4183;

function parseArgs(argv) {
  const o = { rows: 100_000, rounds: 2, only: ['import', 'export'] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--quick') {
      o.rows = 10_000;
      o.rounds = 1;
    } else if (a === '--rows') o.rows = Number(argv[++i]);
    else if (a === '--rounds') o.rounds = Number(argv[++i]);
    else if (a === '--only') o.only = argv[++i].split(',');
    else throw new Error(`unknown option ${a}`);
  }
  return o;
}

/** Resident memory of the processes under `rootPid` (sum, bytes), from /proc: the browser's. */
function browserRss(rootPid) {
  const children = new Map();
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (!children.has(ppid)) children.set(ppid, []);
      children.get(ppid).push(Number(d));
    } catch {
      // gone
    }
  }
  let total = 0;
  const stack = [rootPid];
  while (stack.length) {
    const pid = stack.pop();
    try {
      const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
      if (m) total += Number(m[1]) * 1024;
    } catch {
      // gone
    }
    stack.push(...(children.get(pid) ?? []));
  }
  return total;
}

/** Run `fn` while sampling the browser's memory; returns its result and the peak growth. */
async function withPeakMemory(pid, fn) {
  if (!pid) return { result: await fn(), peak: NaN };
  const base = browserRss(pid);
  let peak = base;
  const timer = setInterval(() => (peak = Math.max(peak, browserRss(pid))), 100);
  try {
    const result = await fn();
    peak = Math.max(peak, browserRss(pid));
    return { result, peak: peak - base };
  } finally {
    clearInterval(timer);
  }
}

const fmtMB = (b) => (Number.isFinite(b) ? `${(b / 1024 / 1024).toFixed(0)} MB` : '—');
const mark = (ok) => (ok ? '✓' : '✗');

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const OUT = await buildBenchPage('io');
  const server = await startStatic(OUT, PORT);
  const browser = await launchChromium();
  const lines = [];
  const results = { rows: opts.rows, browser: browser.version() };
  try {
    // Chromium runs as a child of this process (Playwright launches it from here)
    const pid = process.pid;
    const fresh = async () => {
      const context = await browser.newContext();
      const page = await context.newPage();
      page.on('pageerror', (e) => log(`page error: ${e.message}`));
      await page.goto(`${server.url}/index.html`);
      await page.waitForFunction(() => window.__ioBench !== undefined);
      return { context, page };
    };

    if (opts.only.includes('import')) {
      log(`import: ${opts.rows} rows × 15 columns, ${opts.rounds} round(s)…`);
      const { context, page } = await fresh();
      const r = await page.evaluate(([n, rounds]) => window.__ioBench.importBench(n, rounds), [opts.rows, opts.rounds]);
      await context.close();
      log(`  import ${r.import.map(Math.round).join(', ')} ms; bulkPut ${r.raw.map(Math.round).join(', ')} ms; rows ${JSON.stringify(r.counts)}`);
      r.phases.forEach((ph, i) =>
        log(
          `  round ${i + 1}: ${Object.entries(ph)
            .map(([k, v]) => `${k} ${Math.round(v)} ms`)
            .join(', ')}; long tasks ${JSON.stringify(r.longTasks[i])}`
        )
      );
      const best = min(r.import);
      const raw = min(r.raw);
      results.import = r;
      lines.push([
        `import ${r.rows} × 15 CSV (${(r.csvBytes / 1048576).toFixed(1)} MB), end to end, best of ${r.import.length}`,
        fmtMs(best),
        `bulkPut ${fmtMs(raw)}; ≤ 1.3×`,
        fmtRatio(best / raw),
        mark(best / raw <= 1.3)
      ]);
      const longest = Math.max(r.longTask, r.maxGap);
      lines.push(['   longest main-thread task during the import', fmtMs(longest), '< 50 ms', fmtRatio(longest / 50), mark(longest < 50)]);
    }

    if (opts.only.includes('export')) {
      const figures = {};
      for (const which of ['ours', 'exceljs', 'sheetjs']) {
        log(`export: ${which}, ${opts.rows} rows × 15 columns…`);
        const { context, page } = await fresh();
        const { result, peak } = await withPeakMemory(pid, () => page.evaluate(([n, w]) => window.__ioBench.exportBench(n, w), [opts.rows, which]));
        await context.close();
        figures[which] = { ...result, peak };
        log(`  ${which}: ${Math.round(result.ms)} ms, ${fmtMB(result.bytes)} file, peak +${fmtMB(peak)}`);
      }
      results.export = figures;
      const faster = Math.min(figures.exceljs.ms, figures.sheetjs.ms);
      const fasterName = figures.exceljs.ms <= figures.sheetjs.ms ? 'ExcelJS' : 'SheetJS';
      lines.push([
        `export ${opts.rows} × 15 view to .xlsx (app, worker)`,
        fmtMs(figures.ours.ms),
        `${fasterName} ${fmtMs(faster)}; ≤ 1.2×`,
        fmtRatio(figures.ours.ms / faster),
        mark(figures.ours.ms / faster <= 1.2)
      ]);
      lines.push(['   bare ExcelJS 4.4.0, same array of arrays, worker', fmtMs(figures.exceljs.ms), '', '', '']);
      lines.push(['   bare SheetJS 0.18.5, same array of arrays, worker', fmtMs(figures.sheetjs.ms), '', '', '']);
      lines.push([
        '   peak memory growth: app / ExcelJS / SheetJS',
        `${fmtMB(figures.ours.peak)} / ${fmtMB(figures.exceljs.peak)} / ${fmtMB(figures.sheetjs.peak)}`,
        '',
        '',
        ''
      ]);
      lines.push([
        '   file size: app / ExcelJS / SheetJS',
        `${fmtMB(figures.ours.bytes)} / ${fmtMB(figures.exceljs.bytes)} / ${fmtMB(figures.sheetjs.bytes)}`,
        '',
        '',
        ''
      ]);
    }
  } finally {
    await browser.close();
    await server.stop();
  }
  process.stdout.write(
    `\nKebu io benchmarks — ${opts.rows} rows, Chromium ${results.browser}\n\n` +
      table(['benchmark', 'figure', 'target / baseline', 'ratio', ''], lines) +
      '\n'
  );
  mkdirSync(`${ROOT}bench/results`, { recursive: true });
  writeFileSync(`${ROOT}bench/results/io-latest.json`, JSON.stringify(results, null, 2) + '\n');
}

main().catch((e) => {
  process.stderr.write(`io bench failed: ${e instanceof Error ? (e.stack ?? e.message) : e}\n`);
  process.exit(1);
});
