/**
 * `npm start`'s server (scripts/serve.js, started as its own process) on one port: the app with its
 * fallback page, the signaling server at /signal and the relay at /relay/<room>, reached with real
 * WebSocket clients (y-websocket's own provider for the relay), and nothing else upgraded.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { startServer, type Server } from '../../../tests/servers';
import { serversAt, type SharingServers } from './sharing.svelte';

const dir = mkdtempSync(join(tmpdir(), 'kebu-one-origin-'));
const build = join(dir, 'build');
const relayDir = join(dir, 'relay');
const SHELL = '<!doctype html><title>Kebu shell</title>';
let server: Server;
let base = '';
/** the servers as a page of this origin finds them */
let found: SharingServers;

beforeAll(async () => {
  rmSync(build, { recursive: true, force: true });
  writeFileSync(join(dir, 'index.html'), SHELL);
  server = await startServer('serve', { env: { KEBU_BUILD_DIR: dir, KEBU_RELAY_DIR: relayDir } });
  base = `127.0.0.1:${server.port}`;
});
afterAll(async () => {
  await server.stop();
  rmSync(dir, { recursive: true, force: true });
});

async function until(what: string, ok: () => boolean, ms = 10_000) {
  const end = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 30));
  }
}

/** A WebSocket to `url`, open, with every message it receives parsed. */
async function socket(url: string) {
  const ws = new WebSocket(url);
  const got: Record<string, unknown>[] = [];
  ws.on('message', (d) => got.push(JSON.parse(String(d))));
  await new Promise((resolve, reject) => {
    ws.once('open', resolve);
    ws.once('error', reject);
  });
  return { ws, got };
}

/** How an upgrade on `path` ends: 'open', or the HTTP status it was refused with. */
function upgrade(host: string, path: string): Promise<string> {
  return new Promise((resolve) => {
    const ws = new WebSocket(`ws://${host}${path}`);
    ws.once('open', () => (ws.close(), resolve('open')));
    ws.once('unexpected-response', (_req, res) => resolve(String(res.statusCode)));
    ws.once('error', (e) => resolve(`error: ${e.message}`));
  });
}

describe('the one-origin server', () => {
  it('serves the app with its fallback page and says that its servers are here', async () => {
    for (const path of ['/', '/customers/abc', '/settings']) {
      const res = await fetch(`http://${base}${path}`);
      expect(res.status).toBe(200);
      expect(await res.text()).toBe(SHELL);
    }
    const res = await fetch(`http://${base}/kebu-servers.json`);
    expect(res.headers.get('content-type')).toMatch(/json/);
    expect(await res.json()).toEqual({ signaling: '/signal', relay: '/relay' });
    found = serversAt(`http://${base}`, { signaling: '/signal', relay: '/relay' })!;
    expect(found).toEqual({ signaling: [`ws://${base}/signal`], relay: `ws://${base}/relay`, iceServers: [] });
  });

  it('answers signaling at /signal: ping, and a publish reaches every subscriber of the topic', async () => {
    const a = await socket(found.signaling[0]);
    const b = await socket(found.signaling[0]);
    a.ws.send(JSON.stringify({ type: 'ping' }));
    await until('pong', () => a.got.length > 0);
    expect(a.got[0]).toEqual({ type: 'pong' });
    a.got.length = 0;
    for (const s of [a, b]) s.ws.send(JSON.stringify({ type: 'subscribe', topics: ['kebu-room'] }));
    await new Promise((r) => setTimeout(r, 100));
    a.ws.send(JSON.stringify({ type: 'publish', topic: 'kebu-room', data: 'offer' }));
    await until('the publish at both', () => a.got.length > 0 && b.got.length > 0);
    expect(b.got[0]).toEqual({ type: 'publish', topic: 'kebu-room', data: 'offer', clients: 2 });
    a.ws.close();
    b.ws.close();
  });

  it('relays a room at /relay/<room> between two y-websocket clients and keeps it on disk', async () => {
    const docs = [new Y.Doc(), new Y.Doc()];
    // no BroadcastChannel: the two clients of this one process meet only through the relay
    const options = { WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket, disableBc: true };
    const providers = docs.map((doc) => new WebsocketProvider(found.relay!, 'kebu-test.room', doc, options));
    try {
      await until('both synced', () => providers.every((p) => p.synced));
      docs[0].getMap('m').set('name', '河北石油');
      await until('the edit at the other client', () => docs[1].getMap('m').get('name') === '河北石油');
      docs[1].getMap('m').set('city', '石家庄');
      await until('and back', () => docs[0].getMap('m').get('city') === '石家庄');
      expect(readdirSync(relayDir).filter((f) => f.endsWith('.yupdates'))).toHaveLength(1);
    } finally {
      for (const p of providers) p.destroy();
    }
  });

  it('upgrades nothing else', async () => {
    for (const path of ['/', '/relay', '/relay/', '/signal/x', '/customers']) expect(await upgrade(base, path)).toBe('404');
    expect(await upgrade(base, '/signal')).toBe('open');
  });

  it('KEBU_SERVERS=off serves the app alone, as a static host would', async () => {
    const alone = await startServer('serve', { env: { KEBU_BUILD_DIR: dir, KEBU_SERVERS: 'off' } });
    try {
      const host = `127.0.0.1:${alone.port}`;
      expect((await fetch(`http://${host}/kebu-servers.json`)).status).toBe(404);
      expect(await (await fetch(`http://${host}/settings`)).text()).toBe(SHELL);
      expect(await upgrade(host, '/signal')).toBe('404');
      expect(await upgrade(host, '/relay/kebu-test.room')).toBe('404');
    } finally {
      await alone.stop();
    }
  });
});
