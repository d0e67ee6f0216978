#!/usr/bin/env node
/**
 * The sharing benchmarks, printed as a table (`npm run bench` runs them through run.sh, inside a
 * network namespace when it can, so that WebRTC has an address to use):
 *
 *   node bench/sync/run.js                  50 000 customers; WebRTC only when KEBU_P2P is set
 *   node bench/sync/run.js --customers 5000 --edits 30
 *   node bench/sync/run.js --only sync,heap   some of latency, sync, share, heap, disk
 *
 * It builds bench/sync/page with Vite into bench/.out/sync (never build/), serves it on
 * 127.0.0.1, starts the project's own signaling server and relay, and drives headless Chromium:
 *
 *   latency       edit-to-peer p50/p95 over WebRTC and over the relay (target p95 ≤ 50 ms)
 *   initial sync  a new device receiving 50 000 customers until all are in its Dexie and in the
 *                 store its grid shows, vs Y.applyUpdate of the same update + Dexie bulkPut of the same rows (≤ 1.2×)
 *   share         the owner starts sharing: every record packed into the log (time, longest task)
 *   heap          a page holding the workspace's rows and its shared log vs the rows alone (≤ 1.5×),
 *                 as performance.memory reports it and as a heap snapshot adds it up
 *   disk          bytes per record of the log, and of its y-indexeddb copy
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runnerImport } from 'vite';
import { launchChromium } from '../lib/browser.js';
import { buildBenchPage } from '../lib/page.js';
import { startStatic } from '../lib/servers.js';
import { fmtMs, fmtRatio, log, min, percentile, sleep, table } from '../lib/util.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const PORT = 4186;

function parseArgs(argv) {
  const o = { customers: 50_000, edits: 60, only: null };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--customers') o.customers = Number(argv[++i]);
    else if (argv[i] === '--edits') o.edits = Number(argv[++i]);
    else if (argv[i] === '--only') o.only = new Set(argv[++i].split(','));
    else throw new Error(`unknown option ${argv[i]}`);
  }
  return o;
}

/** The project's servers, started as the tests start them (tests/servers.ts, one source of truth). */
async function servers() {
  const { module } = await runnerImport(fileURLToPath(new URL('../../tests/servers.ts', import.meta.url)));
  return /** @type {{ startServer: (which: string, opts?: object) => Promise<{ port: number, stop: () => Promise<void> }> }} */ (module);
}

const mb = (b) => `${(b / 1048576).toFixed(1)} MB`;

/** The total of a heap snapshot's nodes (what DevTools' Memory panel shows for the page). */
async function snapshotSize(context, page) {
  const cdp = await context.newCDPSession(page);
  const chunks = [];
  cdp.on('HeapProfiler.addHeapSnapshotChunk', (e) => chunks.push(e.chunk));
  await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  const snap = JSON.parse(chunks.join(''));
  const fields = snap.snapshot.meta.node_fields;
  const step = fields.length;
  const at = fields.indexOf('self_size');
  let total = 0;
  for (let i = at; i < snap.nodes.length; i += step) total += snap.nodes[i];
  await cdp.detach();
  return total;
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const p2p = Boolean(process.env.KEBU_P2P);
  const OUT = await buildBenchPage('sync');
  const site = await startStatic(OUT, PORT);
  const relayDir = mkdtempSync(join(tmpdir(), 'kebu-bench-relay-'));
  const { startServer } = await servers();
  const relay = await startServer('relay', { env: { KEBU_RELAY_DIR: relayDir } });
  const signal = p2p ? await startServer('signal') : null;
  // precise performance.memory figures for the heap benchmark
  const browser = await launchChromium(['--enable-precise-memory-info', '--js-flags=--expose-gc']);
  const lines = [];
  const results = { customers: opts.customers, browser: browser.version() };
  const open = async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    page.on('pageerror', (e) => log(`page error: ${e.message}`));
    await page.goto(`${site.url}/index.html`);
    await page.waitForFunction(() => window.__syncBench !== undefined);
    return { context, page, call: (name, ...args) => page.evaluate(([n, a]) => window.__syncBench[n](...a), [name, args]) };
  };
  try {
    // ---- latency ---------------------------------------------------------------------------
    const run = (part) => !opts.only || opts.only.has(part);
    for (const transport of !run('latency') ? [] : p2p ? ['webrtc', 'relay'] : ['relay']) {
      log(`latency over ${transport}: ${opts.edits} edits…`);
      const config = {
        room: `kebu-bench${Date.now().toString(36)}${transport}`,
        secret: 'bench-secret-0123456789abcdefghij',
        signaling: transport === 'webrtc' ? [`ws://127.0.0.1:${signal.port}`] : [],
        relay: transport === 'relay' ? `ws://127.0.0.1:${relay.port}` : null,
        iceServers: [],
        role: 'owner',
        seeded: false,
        since: Date.now()
      };
      const recordId = '01BENCHRECORD0000000000000';
      const a = await open();
      const b = await open();
      await a.call('joinRoom', config, 'a', recordId);
      await b.call('joinRoom', config, 'b', recordId);
      const connected = async (x) => {
        const s = await x.call('peers');
        return transport === 'webrtc' ? s.peers > 0 : s.relay === 'connected';
      };
      for (let i = 0; !((await connected(a)) && (await connected(b))); i++) {
        if (i > 200) throw new Error(`${transport}: the two pages never connected`);
        await sleep(100);
      }
      await sleep(500);
      await b.call('latencies');
      for (let i = 0; i < opts.edits; i++) {
        await a.call('edit', recordId, i);
        await sleep(100);
      }
      await sleep(1000);
      const l = await b.call('latencies');
      await a.context.close();
      await b.context.close();
      const p50 = percentile(l, 50);
      const p95 = percentile(l, 95);
      results[`latency_${transport}`] = { received: l.length, p50, p95 };
      log(`  ${transport}: ${l.length}/${opts.edits} received, p50 ${fmtMs(p50)}, p95 ${fmtMs(p95)}`);
      lines.push([
        `edit → peer's Dexie over ${transport === 'webrtc' ? 'WebRTC' : 'the relay'} (p50 / p95, ${l.length} edits)`,
        `${fmtMs(p50)} / ${fmtMs(p95)}`,
        'p95 ≤ 50 ms',
        fmtRatio(p95 / 50),
        p95 <= 50 ? '✓' : '✗'
      ]);
    }
    if (!p2p && run('latency'))
      lines.push(['edit → peer over WebRTC', 'not run', 'needs root: npm run bench runs it in a network namespace', '', '']);

    // ---- initial sync ------------------------------------------------------------------------
    if (run('sync')) {
      log(`initial sync of ${opts.customers} customers…`);
      const x = await open();
      const prepared = await x.call('prepare', opts.customers);
      const ours = [];
      const raws = [];
      // best of 3 each, the baseline first every other round, so neither side always meets a
      // store still busy with the other's writes
      for (let r = 0; r < 3; r++) {
        if (r % 2) raws.push(await x.call('rawParts'));
        const s = await x.call('initialSync');
        if (s.got !== prepared.records || s.refused || s.pending) throw new Error(`initial sync incomplete: ${JSON.stringify(s)}`);
        ours.push(s.ms);
        if (!(r % 2)) raws.push(await x.call('rawParts'));
      }
      const parts = await x.call('breakdown');
      log(
        `  measured apart (in the sync they overlap): applyUpdate ${Math.round(parts.apply)} ms, decoding the log ${Math.round(parts.decode)} ms, merging into Dexie ${Math.round(parts.merge)} ms, reading the rows back ${Math.round(parts.read)} ms`
      );
      await x.context.close();
      const best = min(ours);
      const apply = min(raws.map((r) => r.apply));
      const put = min(raws.map((r) => r.put));
      results.initialSync = { prepared, ours, raws };
      log(`  ours ${ours.map(Math.round).join(', ')} ms; applyUpdate ${Math.round(apply)} ms + bulkPut ${Math.round(put)} ms`);
      lines.push([
        `new device's initial sync, ${prepared.records} customers (${mb(prepared.updateBytes)} update), best of 3`,
        fmtMs(best),
        `applyUpdate ${fmtMs(apply)} + bulkPut ${fmtMs(put)}; ≤ 1.2×`,
        fmtRatio(best / (apply + put)),
        best / (apply + put) <= 1.2 ? '✓' : '✗'
      ]);
    }

    // ---- starting to share ---------------------------------------------------------------------
    if (run('share')) {
      log(`sharing a workspace of ${opts.customers} customers…`);
      const x = await open();
      await x.call('prepare', opts.customers);
      const s = await x.call('share');
      await x.context.close();
      results.share = s;
      log(
        `  ${s.items} log elements in ${Math.round(s.ms)} ms; longest main-thread task ${Math.round(s.longTask)} ms, longest gap ${Math.round(s.maxGap)} ms`
      );
      lines.push([`owner starts sharing ${opts.customers} customers: all in the log`, fmtMs(s.ms), '', '', '']);
      lines.push([
        '   longest the page could not respond meanwhile',
        fmtMs(s.maxGap),
        '< 50 ms (as for imports)',
        fmtRatio(s.maxGap / 50),
        s.maxGap < 50 ? '✓' : '✗'
      ]);
    }

    // ---- heap --------------------------------------------------------------------------------
    const heap = {};
    if (run('heap')) log('heap, shared vs unshared…');
    for (const shared of run('heap') ? [false, true] : []) {
      const x = await open();
      await x.call('prepare', opts.customers);
      const used = () =>
        x.page.evaluate(() => {
          for (let i = 0; i < 3; i++) globalThis.gc();
          return performance.memory.usedJSHeapSize;
        });
      const bytes = await x.call('hold', shared);
      if (shared) heap.logBytes = bytes;
      const key = shared ? 'shared' : 'unshared';
      // V8's own figure leaves out strings Chromium keeps outside its heap (TextDecoder's, which
      // is how Yjs reads text) and buffers: a heap snapshot counts those too
      heap[`${key}Snapshot`] = await snapshotSize(x.context, x.page);
      heap[key] = await used();
      await x.context.close();
    }
    results.heap = heap;
    if (run('heap')) {
      log(`  log held in memory: ${mb(heap.logBytes)}`);
      log(`  performance.memory (V8's heap alone): shared ${mb(heap.shared)} / unshared ${mb(heap.unshared)}`);
      const r = heap.sharedSnapshot / heap.unsharedSnapshot;
      lines.push([
        `JS heap holding ${opts.customers} customers, shared / unshared (heap snapshot)`,
        `${mb(heap.sharedSnapshot)} / ${mb(heap.unsharedSnapshot)}`,
        '≤ 1.5×',
        fmtRatio(r),
        r <= 1.5 ? '✓' : '✗'
      ]);
    }

    // ---- disk --------------------------------------------------------------------------------
    if (run('disk')) {
      const x = await open();
      await x.call('prepare', opts.customers);
      const d = await x.call('disk', opts.customers);
      await x.context.close();
      results.disk = d;
      lines.push([
        'replicated data per record: encoded log / y-indexeddb copy on disk',
        `${Math.round(d.perRecordLog)} B / ${Math.round(d.perRecordDisk)} B`,
        '',
        '',
        ''
      ]);
    }
  } finally {
    await browser.close();
    await site.stop();
    await relay.stop();
    await signal?.stop();
    rmSync(relayDir, { recursive: true, force: true });
  }
  process.stdout.write(
    `\nKebu sync benchmarks — ${opts.customers} customers, Chromium ${results.browser}\n\n` +
      table(['benchmark', 'figure', 'target / baseline', 'ratio', ''], lines) +
      '\n'
  );
  mkdirSync(`${ROOT}bench/results`, { recursive: true });
  writeFileSync(`${ROOT}bench/results/sync-latest.json`, JSON.stringify(results, null, 2) + '\n');
}

main().catch((e) => {
  process.stderr.write(`sync bench failed: ${e instanceof Error ? (e.stack ?? e.message) : e}\n`);
  process.exit(1);
});
