#!/usr/bin/env node
/**
 * Before and after: runs the benchmark suites in two checkouts, alternating which goes first each
 * round, and prints the median of every figure for both with the ratio after / before.
 *
 *   node bench/compare.js --base ../kebu-before                 every suite, 3 rounds
 *   node bench/compare.js --base ../kebu-before --suites main --rounds 5 -- --only write,bundle
 *
 * `--base` is a checkout of the earlier commit (e.g. `git worktree add ../kebu-before <commit>`,
 * with its own `npm ci` or a link to this one's node_modules); the other side is this checkout.
 * Each side runs its own benchmark code against its own build (the first round passes `--build`
 * to the main suite). Figures are read from the results table each suite prints; a figure whose
 * row exists on one side only is shown with "—" on the other. Nothing is asserted.
 */
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { log, median, table } from './lib/util.js';

const HERE = resolve(fileURLToPath(new URL('..', import.meta.url)));

/** @type {Record<string, (first: boolean, extra: string[]) => string[]>} */
const SUITES = {
  main: (first, extra) => ['node', 'bench/run.js', ...(first ? ['--build'] : []), ...extra],
  io: (_first, extra) => ['node', 'bench/io/run.js', ...extra],
  receivables: (_first, extra) => ['node', 'bench/receivables/run.js', ...extra],
  sync: (_first, extra) => ['bash', 'bench/sync/run.sh', ...extra]
};

/** @param {string[]} argv */
function parseArgs(argv) {
  const dash = argv.indexOf('--');
  const extra = dash >= 0 ? argv.slice(dash + 1) : [];
  const own = dash >= 0 ? argv.slice(0, dash) : argv;
  const o = { base: '', rounds: 3, suites: Object.keys(SUITES), extra };
  for (let i = 0; i < own.length; i++) {
    if (own[i] === '--base') o.base = resolve(own[++i]);
    else if (own[i] === '--rounds') o.rounds = Number(own[++i]);
    else if (own[i] === '--suites') o.suites = own[++i].split(',');
    else throw new Error(`unknown argument ${own[i]}`);
  }
  if (!o.base) throw new Error('--base <checkout of the earlier commit> is required');
  if (!Number.isInteger(o.rounds) || o.rounds < 1) throw new Error('--rounds wants a positive integer');
  for (const s of o.suites) if (!SUITES[s]) throw new Error(`--suites: unknown suite ${s}`);
  return o;
}

/**
 * Run a command in `cwd`; resolves with its stdout (progress stays on stderr).
 * @param {string[]} cmd
 * @param {string} cwd
 * @returns {Promise<string>}
 */
function capture(cmd, cwd) {
  return new Promise((done, fail) => {
    const child = spawn(cmd[0], cmd.slice(1), { cwd, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.on('error', fail);
    child.on('close', () => done(out));
  });
}

/** A figure as printed ("7.56 s", "164 ms", "126.5 KB", "0.93×", "58.2 fps") → number and unit. */
const FIGURE = /^(-?[\d.]+)\s*(ms|s|KB|MB|B|×|%|fps|px)?$/;

/**
 * The rows of every results table in `stdout`: name → figure.
 * @param {string} stdout
 * @returns {Map<string, { value: number, unit: string }>}
 */
export function readFigures(stdout) {
  /** @type {Map<string, { value: number, unit: string }>} */
  const figures = new Map();
  let inTable = false;
  for (const line of stdout.split('\n')) {
    if (/^benchmark\s{2,}figure/.test(line)) inTable = true;
    else if (!line.trim()) inTable = false;
    else if (inTable && !/^-+\s/.test(line)) {
      const [name, figure = ''] = line.trim().split(/\s{2,}/);
      // "12.1 ms / 40.2 ms" (p50 / max) is two figures
      const parts = figure.split(' / ');
      parts.forEach((part, i) => {
        const m = FIGURE.exec(part.trim());
        if (!m) return;
        const unit = m[2] ?? '';
        const value = unit === 's' ? Number(m[1]) * 1000 : unit === 'MB' ? Number(m[1]) * 1024 : Number(m[1]);
        // counts that differ from run to run are not part of a figure's name
        const stable = name.replace(/ \(\d+ \/ \d+ input events\)/, '').trim();
        const key = parts.length > 1 ? `${stable} [${i + 1}]` : stable;
        figures.set(key, { value, unit: unit === 's' ? 'ms' : unit === 'MB' ? 'KB' : unit });
      });
    }
  }
  return figures;
}

/** @param {number} v @param {string} unit */
const show = (v, unit) => (Number.isFinite(v) ? `${Number(v.toFixed(v >= 100 ? 0 : 2))}${unit ? ` ${unit}` : ''}` : '—');

async function main() {
  const o = parseArgs(process.argv.slice(2));
  const sides = /** @type {const} */ ([
    ['before', o.base],
    ['after', HERE]
  ]);
  /** @type {Record<string, Map<string, { unit: string, values: number[] }>>} */
  const seen = { before: new Map(), after: new Map() };
  /** @type {string[]} */
  const order = [];
  // a fresh checkout has no .svelte-kit/ yet, and the builds need its tsconfig
  for (const [, dir] of sides) await capture(['npx', 'svelte-kit', 'sync'], dir);
  for (let round = 0; round < o.rounds; round++) {
    const ordered = round % 2 === 0 ? sides : [sides[1], sides[0]];
    for (const suite of o.suites) {
      for (const [side, dir] of ordered) {
        log(`round ${round + 1}/${o.rounds}: ${suite} ${side} (${dir})`);
        const figures = readFigures(await capture(SUITES[suite](round === 0, o.extra), dir));
        for (const [name, f] of figures) {
          const key = `${suite}: ${name}`;
          if (!order.includes(key)) order.push(key);
          const slot = seen[side].get(key) ?? { unit: f.unit, values: [] };
          slot.values.push(f.value);
          seen[side].set(key, slot);
        }
      }
    }
  }
  const rows = order.map((key) => {
    const b = seen.before.get(key);
    const a = seen.after.get(key);
    const mb = b ? median(b.values) : NaN;
    const ma = a ? median(a.values) : NaN;
    const unit = (a ?? b)?.unit ?? '';
    return [key, show(mb, unit), show(ma, unit), Number.isFinite(mb) && Number.isFinite(ma) && mb !== 0 ? `${(ma / mb).toFixed(2)}×` : '—'];
  });
  process.stdout.write(
    `\nBefore (${o.base}) and after (${HERE}): medians of ${o.rounds} round(s), alternating which side runs first\n\n` +
      table(['figure', 'before', 'after', 'after / before'], rows) +
      '\n'
  );
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((e) => {
    log(e instanceof Error ? (e.stack ?? e.message) : String(e));
    process.exit(1);
  });
}
