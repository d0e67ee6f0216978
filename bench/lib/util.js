/**
 * Small helpers shared by the benchmarks: logging (progress goes to stderr, so stdout carries only
 * the results table), timing statistics and number formatting.
 */

/** @param {...unknown} args */
export function log(...args) {
  process.stderr.write(`[bench] ${args.join(' ')}\n`);
}

/** @param {number} ms */
export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Nearest-rank percentile of `values` (0–100); NaN for an empty list.
 * @param {readonly number[]} values
 * @param {number} p
 */
export function percentile(values, p) {
  if (!values.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
}

/** @param {readonly number[]} values */
export const median = (values) => percentile(values, 50);

/** @param {readonly number[]} values */
export const min = (values) => (values.length ? Math.min(...values) : NaN);

/**
 * @param {number} ms
 * @returns {string}
 */
export function fmtMs(ms) {
  if (!Number.isFinite(ms)) return '—';
  if (ms >= 10_000) return `${(ms / 1000).toFixed(1)} s`;
  if (ms >= 100) return `${Math.round(ms)} ms`;
  return `${ms.toFixed(1)} ms`;
}

/** @param {number} bytes */
export function fmtKB(bytes) {
  return `${(bytes / 1024).toFixed(1)} KB`;
}

/** @param {number} r */
export const fmtRatio = (r) => (Number.isFinite(r) ? `${r.toFixed(2)}×` : '—');

/**
 * A plain-text table with a header row and a rule under it.
 * @param {string[]} header
 * @param {string[][]} rows
 */
export function table(header, rows) {
  const widths = header.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i] ?? ''))));
  /** @param {string[]} cells */
  const line = (cells) =>
    cells
      .map((c, i) => c + ' '.repeat(widths[i] - width(c)))
      .join('  ')
      .trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

/**
 * Display width: CJK characters take two columns in a terminal.
 * @param {string} s
 */
function width(s) {
  let w = 0;
  for (const ch of s) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return w;
}
