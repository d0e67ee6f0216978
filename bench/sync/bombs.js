#!/usr/bin/env node
/**
 * Compression bombs from a member (issue 16.5): what 3.7 MB of them cost the page of a device that
 * is open when they arrive through the relay.
 *
 *   npx vite build && node bench/sync/bombs.js [build dir]     (default: build/)
 *
 * Serves the build (scripts/serve.js), starts the relay (tests/servers.ts) and headless Chromium;
 * a person shares an empty workspace with one customer, then a raw Yjs client
 * (tests/hostile-log.ts, as the e2e spec uses it) appends the bombs, one update each, and one good
 * entry. Printed: the longest task by the page's longtask observer (wall time), the most CPU one
 * task of the page's main thread took (Chromium's trace), and how long until the good entry was in
 * the grid. Run it on the build of an older commit to compare.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { runnerImport } from 'vite';
import { launchChromium } from '../lib/browser.js';
import { log, table } from '../lib/util.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BUILD = process.argv[2] ?? `${ROOT}build`;
const WAIT = 120_000;

async function load(path) {
  return (await runnerImport(fileURLToPath(new URL(path, import.meta.url)))).module;
}

/** scripts/serve.js on a free port, serving `dir`. */
async function serve(dir, port) {
  const p = spawn(process.execPath, [`${ROOT}scripts/serve.js`], { env: { ...process.env, PORT: String(port), KEBU_BUILD_DIR: dir }, stdio: 'pipe' });
  await new Promise((resolve, reject) => {
    p.stdout.on('data', (d) => String(d).includes('served at') && resolve(undefined));
    p.once('exit', reject);
  });
  return () => p.kill();
}

/** The most CPU time (ms) one task of a renderer's main thread took in a trace. */
function mostCpu(buffer) {
  const events = JSON.parse(buffer.toString()).traceEvents;
  const main = new Set(
    events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`)
  );
  const tasks = events.filter((e) => e.ph === 'X' && e.name === 'ThreadControllerImpl::RunTask' && main.has(`${e.pid}:${e.tid}`));
  return Math.max(0, ...tasks.map((e) => (e.tdur ?? e.dur ?? 0) / 1000));
}

const servers = await load('../../tests/servers.ts');
const hostile = await load('../../tests/hostile-log.ts');
const port = await servers.freePort();
const stop = await serve(BUILD, port);
const relay = await servers.startServer('relay', {
  env: { KEBU_RELAY_DIR: (await import('node:os')).tmpdir() + `/kebu-bench-bombs-${process.pid}` }
});
const browser = await launchChromium();
try {
  const context = await browser.newContext({ baseURL: `http://127.0.0.1:${port}`, locale: 'zh-CN' });
  await context.addInitScript(() => {
    const w = /** @type {any} */ (window);
    w.__longest = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__longest = Math.max(w.__longest, e.duration);
    }).observe({ type: 'longtask' });
  });
  const page = await context.newPage();
  await page.goto('/');
  await page.getByLabel('您的姓名').fill('王丽');
  await page.getByRole('button', { name: '开始使用' }).click();
  await page.getByRole('button', { name: '新建空白工作区' }).click();
  await page.getByRole('button', { name: '新增客户' }).click();
  await page.getByRole('form', { name: '新增客户' }).getByLabel('名称').fill('河北石油');
  await page.getByRole('form', { name: '新增客户' }).getByRole('button', { name: '保存' }).click();
  await page.getByRole('link', { name: '设置' }).click();
  const panel = page.getByRole('region', { name: '共享' });
  await panel.getByLabel('信令服务器（每行一个）').fill('');
  await panel.getByLabel('中继服务器（可选）').fill(`ws://127.0.0.1:${relay.port}`);
  await panel.getByRole('button', { name: '共享这个工作区' }).click();
  const link = await page.getByRole('textbox', { name: '邀请链接' }).inputValue();
  await page.getByRole('link', { name: '客户档案' }).click();
  const good = page.getByRole('grid', { name: '客户档案' }).getByRole('gridcell', { name: '宁波港', exact: true });
  await page.getByRole('grid', { name: '客户档案' }).getByRole('gridcell', { name: '河北石油', exact: true }).waitFor();
  await page.evaluate(() => /** @type {any} */ (window.__longest = 0));

  const corpus = hostile.bombs();
  const bytes = corpus.reduce((n, b) => n + b.item.length, 0);
  log(`appending ${corpus.length} bombs (${(bytes / 1048576).toFixed(1)} MB) and a good entry`);
  await browser.startTracing(page, { categories: ['toplevel', 'devtools.timeline'] });
  const t0 = Date.now();
  await hostile.appendThroughRelay(`ws://127.0.0.1:${relay.port}`, link, [...corpus.map((b) => b.item), hostile.goodEntry('宁波港')]);
  const arrived = await good.waitFor({ timeout: WAIT }).then(
    () => Date.now() - t0,
    () => null
  );
  const cpu = mostCpu(await browser.stopTracing());
  const longest = await page.evaluate(() => /** @type {any} */ (window).__longest);
  console.log(
    table(
      ['build', 'longest task (wall)', 'most CPU in one task', 'good entry in the grid after'],
      [[BUILD, `${longest.toFixed(0)} ms`, `${cpu.toFixed(0)} ms`, arrived === null ? `not in ${WAIT / 1000} s` : `${(arrived / 1000).toFixed(1)} s`]]
    )
  );
} finally {
  await browser.close();
  await relay.stop();
  stop();
}
