#!/usr/bin/env node
/**
 * The shared log's size per record after a year of simulated edits, without and with compaction
 * (bench/sync/compaction-sim.ts runs the app's own log code through Vite; see its top comment):
 *
 *   node bench/sync/compaction.js
 *   node bench/sync/compaction.js --customers 2000 --edits 150 --days 365 --devices 3
 *
 * Assumptions (the defaults): a small business's book of 2 000 customers shared on 3 devices;
 * 150 edits a day (one field each: city, tier, phone, notes or name), 3 new customers and 1
 * deletion a day, for 365 days; every device reloads every morning; the devices exchange their
 * changes every evening, and one of them compacts when `shouldCompact` says so.
 */
import { fileURLToPath } from 'node:url';
import { runnerImport } from 'vite';

const o = { customers: 2000, edits: 150, days: 365, devices: 3 };
const argv = process.argv.slice(2);
for (let i = 0; i < argv.length; i++) {
  const key = argv[i].replace(/^--/, '');
  if (!(key in o)) throw new Error(`unknown option ${argv[i]}`);
  o[key] = Number(argv[++i]);
}

// the app's `$lib` alias, without the SvelteKit plugin (nothing here is a component)
const { module } = await runnerImport(fileURLToPath(new URL('./compaction-sim.ts', import.meta.url)), {
  configFile: false,
  resolve: { alias: { $lib: fileURLToPath(new URL('../../src/lib', import.meta.url)) } }
});
const kb = (b) => `${(b / 1024).toFixed(0)} KB`;
const rows = [];
for (const compact of [false, true]) {
  const r = await module.simulate({
    customers: o.customers,
    devices: o.devices,
    days: o.days,
    editsPerDay: o.edits,
    newPerDay: 3,
    deletesPerDay: 1,
    compact
  });
  rows.push([
    compact ? 'with compaction' : 'without',
    String(r.records),
    String(r.edits),
    String(r.compactions),
    String(r.elements),
    kb(r.liveBytes),
    kb(r.bytes),
    `${(r.bytes / r.records).toFixed(0)} B`,
    `${r.seconds.toFixed(0)} s`
  ]);
}
const head = [`log after ${o.days} days`, 'records', 'edits', 'compactions', 'elements', 'live elements', 'stored document', 'per record', 'time'];
const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
const line = (cells) => cells.map((c, i) => (i ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join('  ');
console.log(
  `${o.customers} customers, ${o.devices} devices, ${o.edits} edits + 3 new + 1 deleted a day, ${o.days} days (stored document: Y.encodeStateAsUpdate, what y-indexeddb and the relay keep once they merge their updates)`
);
console.log(line(head));
for (const r of rows) console.log(line(r));
