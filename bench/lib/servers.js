/**
 * The servers the benchmarks load pages from: the built app through `vite preview` (a child
 * process in its own process group, so that stopping it also stops what `npx` started) and the
 * AG Grid comparison page through a tiny static file server in this process.
 */
import { spawn } from 'node:child_process';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';
import { log, sleep } from './util.js';

/**
 * The benchmark build of the app: with the /dev pages (src/dev-routes), in build-bench/ and
 * .svelte-kit-bench/ (svelte.config.js), never the app's build/.
 */
export const BENCH_BUILD = { KEBU_DEV_ROUTES: '1' };

/**
 * Run a command to completion with its output on stderr; rejects on a non-zero exit.
 * @param {string} cmd
 * @param {string[]} args
 * @param {string} cwd
 */
export function run(cmd, args, cwd, env = {}) {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(cmd, args, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', process.stderr, process.stderr] });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolvePromise(undefined) : reject(new Error(`${cmd} ${args.join(' ')} exited with ${code}`))));
  });
}

/**
 * Wait until `url` answers, or fail after `timeoutMs`.
 * @param {string} url
 * @param {number} timeoutMs
 * @param {() => string | null} [failed] tells why to stop waiting early (e.g. the server exited)
 */
async function waitForUrl(url, timeoutMs, failed) {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    const why = failed?.();
    if (why) throw new Error(why);
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // not up yet
    }
    await sleep(200);
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms`);
}

/**
 * `npx vite preview` of the built app on 127.0.0.1:`port`.
 * @param {string} root project root
 * @param {number} port
 * @returns {Promise<{ url: string, stop: () => Promise<void> }>}
 */
export async function startPreview(root, port) {
  const child = spawn('npx', ['vite', 'preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort'], {
    cwd: root,
    env: { ...process.env, ...BENCH_BUILD },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe']
  });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  /** @type {number | null} */
  let exitCode = null;
  child.on('exit', (code) => (exitCode = code ?? -1));

  const stop = async () => {
    if (exitCode !== null || child.pid === undefined) return;
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      return;
    }
    for (let i = 0; i < 30 && exitCode === null; i++) await sleep(100);
    if (exitCode === null) {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
  };

  const url = `http://127.0.0.1:${port}`;
  try {
    await waitForUrl(url, 30_000, () => (exitCode === null ? null : `vite preview exited (${exitCode}):\n${output.trim()}`));
  } catch (e) {
    await stop();
    throw e;
  }
  log(`app served at ${url} (vite preview, pid ${child.pid})`);
  return { url, stop };
}

/** @type {Record<string, string>} */
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml'
};

/**
 * Serve the files of `dir` on 127.0.0.1:`port`.
 * @param {string} dir
 * @param {number} port
 * @returns {Promise<{ url: string, stop: () => Promise<void> }>}
 */
export async function startStatic(dir, port) {
  const rootDir = resolve(dir);
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    let file = normalize(join(rootDir, path));
    if (!file.startsWith(rootDir)) {
      res.writeHead(403).end();
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  await new Promise((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolvePromise(undefined));
  });
  const url = `http://127.0.0.1:${port}`;
  log(`static page served at ${url}`);
  return {
    url,
    stop: () => new Promise((resolvePromise) => server.close(() => resolvePromise(undefined)))
  };
}
