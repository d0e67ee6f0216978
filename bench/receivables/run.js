#!/usr/bin/env node
/**
 * The receivables benchmark: Today and aging for a whole workspace, derived in the app's
 * receivables worker (src/lib/app/receivables/derive.worker.ts), in the same headless Chromium as
 * the tests.
 *
 *   node bench/receivables/run.js            20 000 customers, 200 000 sales, 300 000 payments
 *   node bench/receivables/run.js --quick    2 000 customers, 20 000 sales, 30 000 payments
 *   node bench/receivables/run.js --no-cold  without the cold part below
 *
 * Figures (target < 200 ms each, in the worker): the first Today and aging over every customer
 * (every shard derives), and the same after a one-customer change (one shard rebuilds and
 * re-derives, the rest merge); the ledger build; round trips as the page sees them (including
 * copying the result out of the worker); the longest main-thread task meanwhile.
 *
 * From cold (issue 14, "receivables from cold"): the records written to a workspace database,
 * then per round a fresh worker opens it as the app does (reads the five tables and the customers
 * from IndexedDB, builds the ledgers) and derives Today and aging: target < 1 s from the worker's
 * start to both received; then a payment written and announced as a write is, and Today and aging
 * again: target < 200 ms together; no main-thread task over 50 ms meanwhile.
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
const COLD_TARGET = 1000;

function parseArgs(argv) {
  const o = { customers: 20_000, sales: 200_000, payments: 300_000, rounds: 3, cold: true };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--quick') Object.assign(o, { customers: 2_000, sales: 20_000, payments: 30_000, rounds: 2 });
    else if (a === '--rounds') o.rounds = Number(argv[++i]);
    else if (a === '--no-cold') o.cold = false;
    // options of the other benches (npm run bench passes its arguments to the last script)
    else log(`ignoring option ${a}`);
  }
  return o;
}

const mark = (ok) => (ok ? '✓' : '✗');

/** The cold part's rows: medians over the rounds, with the spread (min–max). */
function coldLines(cold) {
  const rs = cold.rounds;
  rs.forEach((f, i) =>
    log(
      `  round ${i + 1} cold: shown ${Math.round(f.shown)} ms (open ${Math.round(f.open)}: read ${f.readMs}, into shards ${f.loadMs}, build ${f.buildMs}; today ${f.today}, aging ${f.aging}); ` +
        `after a change ${Math.round(f.changeShown)} ms (refresh ${f.refresh}, today ${f.today2}, aging ${f.aging2})`
    )
  );
  const med = (k) => median(rs.map((x) => x[k]));
  const spread = (k) => `${fmtMs(Math.min(...rs.map((x) => x[k])))}–${fmtMs(Math.max(...rs.map((x) => x[k])))}`;
  const shown = med('shown');
  const change = med('changeShown');
  const longest = Math.max(cold.main.longTask, cold.main.maxGap);
  return [
    ['', '', '', '', ''],
    [`from cold: records written to IndexedDB (setup)`, fmtMs(cold.writeMs), '', '', ''],
    [
      `from cold: Today + aging shown (median; spread)`,
      `${fmtMs(shown)}; ${spread('shown')}`,
      `< ${COLD_TARGET} ms`,
      fmtRatio(shown / COLD_TARGET),
      mark(shown < COLD_TARGET)
    ],
    ['   of which: read the tables, worker', fmtMs(med('readMs')), '', '', ''],
    ['   of which: put the rows into shards, worker', fmtMs(med('loadMs')), '', '', ''],
    ['   of which: build every ledger, worker', fmtMs(med('buildMs')), '', '', ''],
    ['   of which: Today + aging, worker', fmtMs(median(rs.map((x) => x.today + x.aging))), '', '', ''],
    [
      `after a change: Today + aging shown (median; spread)`,
      `${fmtMs(change)}; ${spread('changeShown')}`,
      `< ${TARGET} ms`,
      fmtRatio(change / TARGET),
      mark(change < TARGET)
    ],
    ['longest main-thread task, cold part', fmtMs(longest), '< 50 ms', fmtRatio(longest / 50), mark(longest < 50)]
  ];
}

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
  r.full.forEach((f, i) =>
    log(
      `  round ${i + 1} full: today ${f.today} ms (${f.tasks} tasks), aging ${f.aging} ms (${f.agingRows} rows); round trips ${Math.round(f.todayTrip)} / ${Math.round(f.agingTrip)} ms`
    )
  );
  r.incremental.forEach((f, i) =>
    log(
      `  round ${i + 1} one customer: refresh ${f.refresh} ms (${f.rebuilt} shard), today ${f.today} ms, aging ${f.aging} ms; round trips ${Math.round(f.todayTrip)} / ${Math.round(f.agingTrip)} ms`
    )
  );

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
    [
      'Today, every customer, worker (median; worst)',
      `${fmtMs(todayFull)}; ${fmtMs(worst('today', r.full))}`,
      `< ${TARGET} ms`,
      fmtRatio(todayFull / TARGET),
      mark(todayFull < TARGET)
    ],
    [
      'aging, every customer, worker (median; worst)',
      `${fmtMs(agingFull)}; ${fmtMs(worst('aging', r.full))}`,
      `< ${TARGET} ms`,
      fmtRatio(agingFull / TARGET),
      mark(agingFull < TARGET)
    ],
    ['one-customer change: ledger refresh, worker', fmtMs(refresh), '', '', ''],
    ['   then Today, worker (median)', fmtMs(todayInc), `< ${TARGET} ms`, fmtRatio(todayInc / TARGET), mark(todayInc < TARGET)],
    ['   then aging, worker (median)', fmtMs(agingInc), `< ${TARGET} ms`, fmtRatio(agingInc / TARGET), mark(agingInc < TARGET)],
    [
      'Today / aging round trip seen by the page (median, full)',
      `${fmtMs(med('todayTrip', r.full))} / ${fmtMs(med('agingTrip', r.full))}`,
      '',
      '',
      ''
    ],
    ['longest main-thread task meanwhile', fmtMs(longest), '< 50 ms', fmtRatio(longest / 50), mark(longest < 50)]
  ];
  if (r.cold) lines.push(...coldLines(r.cold));
  process.stdout.write(`\nKebu receivables benchmark — ${size}\n\n` + table(['benchmark', 'figure', 'target', 'ratio', ''], lines) + '\n');
  mkdirSync(`${ROOT}bench/results`, { recursive: true });
  writeFileSync(`${ROOT}bench/results/receivables-latest.json`, JSON.stringify({ options: opts, ...r }, null, 2) + '\n');
}

main().catch((e) => {
  process.stderr.write(`receivables bench failed: ${e instanceof Error ? (e.stack ?? e.message) : e}\n`);
  process.exit(1);
});
