#!/usr/bin/env node
/**
 * The signaling server for y-webrtc: browsers of one shared workspace meet here to exchange
 * WebRTC offers, then talk to each other directly. It relays small JSON messages between the
 * sockets subscribed to a topic (the workspace's room) and keeps nothing. y-webrtc encrypts every
 * message with the workspace's secret (its `password` option), so this server never reads an
 * offer, let alone workspace data.
 *
 * `createSignaling()` is the handler; `npm start` (scripts/serve.js) mounts it at `/signal` beside
 * the app, and run alone (`npm run signal`) it takes WebSocket upgrades on any path:
 *
 *   HOST=127.0.0.1 PORT=4444 npm run signal
 *
 * The protocol is y-webrtc's own (its bin/server.js, which cannot be told which address to bind):
 * `subscribe` / `unsubscribe` {topics}, `publish` {topic, …} sent to every subscriber of the topic
 * with `clients` set to their number, `ping` → `pong`.
 */
import http from 'node:http';
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { WebSocketServer } from 'ws';

const PING_MS = 30_000;
/** refuse absurd messages: an offer is a few kilobytes */
const MAX_MESSAGE = 256 * 1024;

/** @param {import('ws').WebSocket} conn @param {unknown} message */
function send(conn, message) {
  if (conn.readyState !== conn.OPEN) return;
  try {
    conn.send(JSON.stringify(message));
  } catch {
    conn.close();
  }
}

/**
 * One signaling server's state and its upgrade handler.
 * @returns {{ handleUpgrade(req: http.IncomingMessage, socket: import('node:stream').Duplex, head: Buffer): void, close(): void }}
 */
export function createSignaling() {
  /** @type {Map<string, Set<import('ws').WebSocket>>} */
  const topics = new Map();
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE });
  wss.on('connection', (conn) => {
    /** @type {Set<string>} */
    const subscribed = new Set();
    let alive = true;
    const ping = setInterval(() => {
      if (!alive) return conn.terminate();
      alive = false;
      conn.ping();
    }, PING_MS);
    conn.on('pong', () => (alive = true));
    conn.on('close', () => {
      clearInterval(ping);
      for (const name of subscribed) {
        const subs = topics.get(name);
        subs?.delete(conn);
        if (subs && subs.size === 0) topics.delete(name);
      }
      subscribed.clear();
    });
    conn.on('message', (data) => {
      let message;
      try {
        message = JSON.parse(String(data));
      } catch {
        return;
      }
      if (!message || typeof message !== 'object') return;
      switch (message.type) {
        case 'subscribe':
          for (const name of Array.isArray(message.topics) ? message.topics : []) {
            if (typeof name !== 'string' || name.length > 512) continue;
            let subs = topics.get(name);
            if (!subs) topics.set(name, (subs = new Set()));
            subs.add(conn);
            subscribed.add(name);
          }
          break;
        case 'unsubscribe':
          for (const name of Array.isArray(message.topics) ? message.topics : []) {
            topics.get(name)?.delete(conn);
            subscribed.delete(name);
          }
          break;
        case 'publish': {
          const subs = typeof message.topic === 'string' ? topics.get(message.topic) : undefined;
          if (!subs) break;
          message.clients = subs.size;
          for (const receiver of subs) send(receiver, message);
          break;
        }
        case 'ping':
          send(conn, { type: 'pong' });
          break;
      }
    });
  });
  return {
    handleUpgrade(req, socket, head) {
      wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
    },
    close() {
      for (const client of wss.clients) client.terminate();
      wss.close();
    }
  };
}

/** Stop a server and its handlers on SIGINT / SIGTERM. */
export function stopOnSignal(server, handlers) {
  const stop = () => {
    for (const h of handlers) h.close();
    server.close(() => process.exit(0));
    setTimeout(() => process.exit(0), 1000).unref();
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

/** Whether this module is the script node was started with (not imported). */
export const isMain = (url) => !!process.argv[1] && fileURLToPath(url) === realpathSync(process.argv[1]);

if (isMain(import.meta.url)) {
  const host = process.env.HOST ?? '127.0.0.1';
  const port = Number(process.env.PORT ?? 4444);
  const signaling = createSignaling();
  const server = http.createServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/plain; charset=utf-8' });
    res.end('Kebu signaling server\n');
  });
  server.on('upgrade', (req, socket, head) => signaling.handleUpgrade(req, socket, head));
  server.listen(port, host, () => console.log(`Kebu signaling server on ws://${host}:${port}`));
  stopOnSignal(server, [signaling]);
}
