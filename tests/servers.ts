/**
 * The project's own servers (servers/signal.js, servers/relay.js, and scripts/serve.js with both
 * beside the app on one port) as child processes, for the relay and one-origin unit tests
 * (Vitest), the sharing e2e specs (Playwright) and the sync benchmark: one way to
 * pick a free port, start a server, wait for it to listen, and stop it.
 */
import { spawn } from 'node:child_process';
import { createServer, type AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../', import.meta.url));

/** What each server prints once it listens. */
const READY = { signal: 'signaling server on', relay: 'Kebu relay on', serve: 'Kebu is served at' } as const;
const SCRIPT = { signal: 'servers/signal.js', relay: 'servers/relay.js', serve: 'scripts/serve.js' } as const;

export interface Server {
  port: number;
  /** SIGTERM, resolved once the process has exited */
  stop(): Promise<void>;
}

/** A port nothing listens on at the moment. */
export function freePort(host = '127.0.0.1'): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer().listen(0, host, () => {
      const { port } = s.address() as AddressInfo;
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

/** Start `npm run signal`, `npm run relay` or `npm start`'s server on `port` (a free one when not given). */
export async function startServer(
  which: keyof typeof READY,
  opts: { port?: number; host?: string; env?: Record<string, string> } = {}
): Promise<Server> {
  const host = opts.host ?? '127.0.0.1';
  const port = opts.port ?? (await freePort(host));
  const p = spawn(process.execPath, [`${ROOT}${SCRIPT[which]}`], {
    env: { ...process.env, HOST: host, PORT: String(port), ...opts.env },
    stdio: ['ignore', 'pipe', 'inherit']
  });
  await new Promise<void>((resolve, reject) => {
    p.stdout!.on('data', (d: Buffer) => d.toString().includes(READY[which]) && resolve());
    p.on('exit', (code) => reject(new Error(`${SCRIPT[which]} exited with ${code}`)));
  });
  return {
    port,
    stop: () =>
      p.exitCode !== null || p.signalCode !== null
        ? Promise.resolve()
        : new Promise<void>((resolve) => {
            p.once('exit', () => resolve());
            p.kill('SIGTERM');
          })
  };
}
