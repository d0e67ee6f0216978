#!/usr/bin/env node
/**
 * The WebSocket relay: the Yjs server of y-websocket (`@y/websocket-server`), with each room's
 * document kept on this machine's disk so that a device that comes online finds what the others
 * wrote while it was away, even when none of them is online now. For teams past a handful of
 * devices, where a full WebRTC mesh (every device connected to every other) gets heavy; see
 * ARCHITECTURE.md "Sharing".
 *
 * `createRelay()` is the handler; `npm start` (scripts/serve.js) mounts it at `/relay` beside the
 * app (a room at `/relay/<room>`), and run alone (`npm run relay`) a room is at `/<room>`:
 *
 *   HOST=127.0.0.1 PORT=4445 KEBU_RELAY_DIR=./relay-data npm run relay
 *
 * Unlike the signaling server, the relay holds the workspace's data (the change log, in the
 * clear): run it on a machine the team trusts. Storage: one file per room,
 * `<sha256 of the room>.yupdates`, a sequence of length-prefixed Yjs updates, appended as they
 * arrive and rewritten as one merged update when the last device leaves the room.
 * `@y/websocket-server` keeps its rooms in one module-wide map: one relay per process.
 */
import http from 'node:http';
import { createHash } from 'node:crypto';
import { appendFileSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { WebSocketServer } from 'ws';
import * as Y from 'yjs';
import { setPersistence, setupWSConnection } from '@y/websocket-server/utils';
import { isMain, stopOnSignal } from './signal.js';

/** Length-prefixed (4 bytes, big endian) updates. A torn last record (a crash mid-append) is ignored. */
function readUpdates(file) {
  if (!existsSync(file)) return [];
  const bytes = readFileSync(file);
  const out = [];
  for (let at = 0; at + 4 <= bytes.length;) {
    const n = bytes.readUInt32BE(at);
    if (at + 4 + n > bytes.length) break;
    out.push(new Uint8Array(bytes.buffer, bytes.byteOffset + at + 4, n));
    at += 4 + n;
  }
  return out;
}

function record(update) {
  const head = Buffer.alloc(4);
  head.writeUInt32BE(update.length);
  return Buffer.concat([head, Buffer.from(update)]);
}

/**
 * The relay's upgrade handler, storing rooms in `dir`. `prefix` is the path the rooms are under
 * (`/relay` beside the app, empty alone): a room's name is what follows it.
 * @param {{ dir: string, prefix?: string }} opts
 */
export function createRelay({ dir, prefix = '' }) {
  dir = resolve(dir);
  mkdirSync(dir, { recursive: true });
  const fileOf = (room) => join(dir, `${createHash('sha256').update(room).digest('hex')}.yupdates`);
  setPersistence({
    provider: null,
    bindState: (room, doc) => {
      const file = fileOf(room);
      const stored = readUpdates(file);
      if (stored.length) Y.applyUpdate(doc, Y.mergeUpdates(stored));
      doc.on('update', (update) => appendFileSync(file, record(update)));
    },
    writeState: async (room, doc) => {
      // compaction only: the appended updates are already on disk, so a failure here loses nothing
      const file = fileOf(room);
      try {
        writeFileSync(`${file}.tmp`, record(Y.encodeStateAsUpdate(doc)));
        renameSync(`${file}.tmp`, file);
      } catch (e) {
        console.warn(`relay: could not compact ${file}: ${e}`);
      }
    }
  });
  const wss = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 * 1024 });
  wss.on('connection', (conn, req) => {
    const path = (req.url ?? '').split('?')[0];
    setupWSConnection(conn, req, { docName: path.slice(prefix.length + 1) });
  });
  return {
    dir,
    handleUpgrade(req, socket, head) {
      wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
    },
    close() {
      for (const client of wss.clients) client.close();
      wss.close();
    }
  };
}

if (isMain(import.meta.url)) {
  const host = process.env.HOST ?? '127.0.0.1';
  const port = Number(process.env.PORT ?? 4445);
  const relay = createRelay({ dir: process.env.KEBU_RELAY_DIR ?? 'relay-data' });
  const server = http.createServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/plain; charset=utf-8' });
    res.end('Kebu relay\n');
  });
  server.on('upgrade', (req, socket, head) => relay.handleUpgrade(req, socket, head));
  server.listen(port, host, () => console.log(`Kebu relay on ws://${host}:${port}, storing rooms in ${relay.dir}`));
  stopOnSignal(server, [relay]);
}
