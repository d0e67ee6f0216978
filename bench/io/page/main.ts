/**
 * The io benchmark page (bench/io/run.js builds it with Vite and drives it in Chromium). The
 * page's main thread only coordinates: test data is made and stored in data.worker.ts, the app's
 * work runs in the app's own io workers, the baselines in workers of their own.
 *
 * Import: a 15-column CSV of demo customers goes through the app's import worker end to end
 * (read, decode, parse, map, validate, look for duplicates, one write through the write path),
 * against a raw Dexie `bulkPut` of the same rows (also in a worker). Meanwhile the main thread's
 * longest task is watched (long-task entries, and the longest gap between two turns of a ping loop).
 *
 * Export: the same customers are written into a workspace (not timed) and exported as a 15-column
 * view to .xlsx through the app's export worker, against ExcelJS and SheetJS each writing the same
 * array of arrays in a worker of their own (their load included, as the app's is).
 */
import Dexie from 'dexie';
import { exportWorker, importWorker } from '$lib/io/client';
import type { ExportResult } from '$lib/io/export-job';
import type { ColumnMapping } from '$lib/io/mapping';
import type { PlanSummary } from '$lib/io/import-session';
import { watchMainThread } from '../../lib/main-thread';

const ACTOR = { id: 'bench-io', name: '基准测试', device: 'bench' };
const FIELDS = [
  'kind',
  'name',
  'shortName',
  'creditCode',
  'tier',
  'status',
  'stage',
  'source',
  'industry',
  'province',
  'city',
  'district',
  'address',
  'mobile',
  'phone'
];

const data = new Worker(new URL('./data.worker.ts', import.meta.url), { type: 'module' });
let next = 1;
const waiting = new Map<number, { resolve(v: unknown): void; reject(e: unknown): void }>();
data.onmessage = (e: MessageEvent<{ id: number; result?: unknown; error?: string }>) => {
  const w = waiting.get(e.data.id);
  waiting.delete(e.data.id);
  if (e.data.error) w?.reject(new Error(e.data.error));
  else w?.resolve(e.data.result);
};
function ask<T>(type: string, arg?: unknown): Promise<T> {
  const id = next++;
  return new Promise<T>((resolve, reject) => {
    waiting.set(id, { resolve: resolve as (v: unknown) => void, reject });
    data.postMessage({ id, type, arg });
  });
}

const idle = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function importOnce(csv: Blob, dbName: string) {
  const worker = importWorker();
  const stop = watchMainThread();
  const start = performance.now();
  const phases: Record<string, number> = {};
  let t = start;
  const lap = (name: string) => {
    const now = performance.now();
    phases[name] = now - t;
    t = now;
  };
  await worker.call('init', { dbName, actor: ACTOR, locale: 'zh-CN' });
  lap('worker');
  await worker.call('open', { fileName: 'customers.csv', file: csv, options: {} });
  lap('read');
  const { mapping } = await worker.call<{ mapping: ColumnMapping[] }>('suggest', { table: 'customers' });
  const summary = await worker.call<PlanSummary>('plan', { table: 'customers', mapping, options: { duplicates: 'create', blankClears: false } });
  lap('plan');
  await worker.call('commit', {});
  lap('write');
  const ms = performance.now() - start;
  const main = stop();
  worker.terminate();
  return { ms, main, counts: summary.counts, phases, longTasks: main.tasks.map((x) => ({ at: Math.round(x.at - start), ms: Math.round(x.ms) })) };
}

async function importBench(n: number, rounds: number) {
  const csv = await ask<Blob>('generate', n);
  const out = {
    rows: n,
    csvBytes: csv.size,
    import: [] as number[],
    raw: [] as number[],
    longTask: 0,
    maxGap: 0,
    counts: {} as Record<string, number>,
    phases: [] as Record<string, number>[],
    longTasks: [] as { at: number; ms: number }[][]
  };
  for (let r = 0; r < rounds; r++) {
    const name = `kebu-ws-bench-io-${r}`;
    await Dexie.delete(name);
    await idle(500);
    // every other round the baseline goes first, so that neither side always meets a warmer store
    if (r % 2 === 1) out.raw.push(await ask<number>('raw', `bench-io-raw-${r}`));
    const i = await importOnce(csv, name);
    out.import.push(i.ms);
    out.longTask = Math.max(out.longTask, i.main.longTask);
    out.maxGap = Math.max(out.maxGap, i.main.maxGap);
    out.counts = i.counts;
    out.phases.push(i.phases);
    out.longTasks.push(i.longTasks);
    await Dexie.delete(name);
    if (r % 2 === 0) out.raw.push(await ask<number>('raw', `bench-io-raw-${r}`));
  }
  return out;
}

function bare(lib: 'exceljs' | 'sheetjs', aoa: unknown[][]): Promise<{ ms: number; loadMs: number; bytes: number }> {
  const w = new Worker(new URL('./bare.worker.ts', import.meta.url), { type: 'module' });
  return new Promise((resolve, reject) => {
    w.onmessage = (e) => {
      w.terminate();
      resolve(e.data);
    };
    w.onerror = (e) => reject(new Error(e.message));
    w.postMessage({ lib, aoa });
  });
}

async function exportBench(n: number, which: 'ours' | 'exceljs' | 'sheetjs') {
  await ask('generate', n);
  if (which === 'ours') {
    const dbName = 'kebu-ws-bench-io-export';
    const all = await ask<string[]>('seed', dbName);
    const view = { order: FIELDS, hidden: all.filter((k) => !FIELDS.includes(k)), widths: {}, frozen: 0, sort: [], filters: [], search: '' };
    const worker = exportWorker();
    const start = performance.now();
    const r = await worker.call<ExportResult>('export', {
      dbName,
      request: { scope: 'view', table: 'customers', view, format: 'xlsx', locale: 'zh-CN', baseName: 'bench' }
    });
    const ms = performance.now() - start;
    worker.terminate();
    await ask('drop', dbName);
    return { ms, bytes: r.bytes.byteLength, rows: r.rows };
  }
  const aoa = await ask<unknown[][]>('aoa');
  const r = await bare(which, aoa);
  // the library's load counts, as the app's export counts loading ExcelJS
  return { ms: r.ms + r.loadMs, loadMs: r.loadMs, bytes: r.bytes, rows: n };
}

declare global {
  interface Window {
    __ioBench?: {
      importBench: typeof importBench;
      exportBench: typeof exportBench;
    };
  }
}

window.__ioBench = { importBench, exportBench };
document.getElementById('state')!.textContent = 'ready';
