#!/usr/bin/env node
/**
 * The receivables benchmark: Today and aging for a whole workspace, derived in the app's
 * receivables worker (src/lib/app/receivables/derive.worker.ts), in the same headless Chromium as
 * the tests.
 *
 *   node bench/receivables/run.js            20 000 customers, 200 000 sales, 300 000 payments
 *   node bench/receivables/run.js --quick    2 000 customers, 20 000 sales, 30 000 payments
 *
 * Figures (target < 200 ms each, in the worker): the first Today and aging over every customer
 * (every shard derives), and the same after a one-customer change (one shard rebuilds and
 * re-derives, the rest merge); the ledger build; round trips as the page sees them (including
 * copying the result out of the worker); the longest main-thread task meanwhile.
 * Builds bench/receivables/page into bench/.out/receivables (never build/).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { launchChromium } from '../lib/browser.js';
import { buildBenchPage } from '../lib/page.js';
import { startStatic } from '../lib/servers.js';
import { fmtMs, fmtRatio, log, median, table } from '../lib/util.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const PORT = 4182;
const TARGET = 200;

function parseArgs(argv) {
  const o = { customers: 20_000, sales: 200_000, payments: 300_000, rounds: 3 };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--quick') Object.assign(o, { customers: 2_000, sales: 20_000, payments: 30_000, rounds: 2 });
    else if (a === '--rounds') o.rounds = Number(argv[++i]);
    // options of the other benches (npm run bench passes its arguments to the last script)
    else log(`ignoring option ${a}`);
  }
  return o;
}


const mark = (ok) => (ok ? '✓' : '✗');

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const OUT = await buildBenchPage('receivables');
  const server = await startStatic(OUT, PORT);
  const browser = await launchChromium();
  let r;
  try {
    const context = await browser.newContext();
    const page = await context.newPage();
    page.on('pageerror', (e) => log(`page error: ${e.message}`));
    await page.goto(`${server.url}/index.html`);
    await page.waitForFunction(() => window.__rcvBench !== undefined);
    log(`generating ${opts.customers} customers, ${opts.sales} sales, ${opts.payments} payments and deriving, ${opts.rounds} round(s)…`);
    r = await page.evaluate((o) => window.__rcvBench.run(o), opts);
    await context.close();
  } finally {
    await browser.close();
    await server.stop();
  }
  log(`  counts ${JSON.stringify(r.counts)}; generated in ${Math.round(r.generateMs)} ms`);
  r.full.forEach((f, i) => log(`  round ${i + 1} full: today ${f.today} ms (${f.tasks} tasks), aging ${f.aging} ms (${f.agingRows} rows); round trips ${Math.round(f.todayTrip)} / ${Math.round(f.agingTrip)} ms`));
  r.incremental.forEach((f, i) => log(`  round ${i + 1} one customer: refresh ${f.refresh} ms (${f.rebuilt} shard), today ${f.today} ms, aging ${f.aging} ms; round trips ${Math.round(f.todayTrip)} / ${Math.round(f.agingTrip)} ms`));

  const med = (k, list) => median(list.map((x) => x[k]));
  const worst = (k, list) => Math.max(...list.map((x) => x[k]));
  const todayFull = med('today', r.full);
  const agingFull = med('aging', r.full);
  const todayInc = med('today', r.incremental);
  const agingInc = med('aging', r.incremental);
  const refresh = med('refresh', r.incremental);
  const longest = Math.max(r.main.longTask, r.main.maxGap);
  const size = `${r.counts.customers} customers, ${r.counts.sales} sales, ${r.counts.payments} payments`;
  const lines = [
    [`ledger build, every customer (${r.build.shards} shards), worker`, fmtMs(r.build.ms), 'once per open', '', ''],
    ['Today, every customer, worker (median; worst)', `${fmtMs(todayFull)}; ${fmtMs(worst('today', r.full))}`, `< ${TARGET} ms`, fmtRatio(todayFull / TARGET), mark(todayFull < TARGET)],
    ['aging, every customer, worker (median; worst)', `${fmtMs(agingFull)}; ${fmtMs(worst('aging', r.full))}`, `< ${TARGET} ms`, fmtRatio(agingFull / TARGET), mark(agingFull < TARGET)],
    ['one-customer change: ledger refresh, worker', fmtMs(refresh), '', '', ''],
    ['   then Today, worker (median)', fmtMs(todayInc), `< ${TARGET} ms`, fmtRatio(todayInc / TARGET), mark(todayInc < TARGET)],
    ['   then aging, worker (median)', fmtMs(agingInc), `< ${TARGET} ms`, fmtRatio(agingInc / TARGET), mark(agingInc < TARGET)],
    ['Today / aging round trip seen by the page (median, full)', `${fmtMs(med('todayTrip', r.full))} / ${fmtMs(med('agingTrip', r.full))}`, '', '', ''],
    ['longest main-thread task meanwhile', fmtMs(longest), '< 50 ms', fmtRatio(longest / 50), mark(longest < 50)]
  ];
  process.stdout.write(`\nKebu receivables benchmark — ${size}\n\n` + table(['benchmark', 'figure', 'target', 'ratio', ''], lines) + '\n');
  mkdirSync(`${ROOT}bench/results`, { recursive: true });
  writeFileSync(`${ROOT}bench/results/receivables-latest.json`, JSON.stringify({ options: opts, ...r }, null, 2) + '\n');
}

main().catch((e) => {
  process.stderr.write(`receivables bench failed: ${e instanceof Error ? (e.stack ?? e.message) : e}\n`);
  process.exit(1);
});
