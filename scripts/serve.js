// Kebu on one origin and port (`npm start`): the built static app (build/) the way any static host
// would serve it — files as they are, and the fallback page index.html for every other path, so
// deep links and the offline shell work — and beside it the team's two servers, as WebSocket
// upgrades on the same port:
//
//   /signal          the signaling server of y-webrtc (servers/signal.js)
//   /relay/<room>    the relay of y-websocket, rooms kept in KEBU_RELAY_DIR (servers/relay.js)
//   /kebu-servers.json  says that both are here, so that a page served from this origin offers
//                    them (ws:// or wss:// on its own host) and its invites name them
//
// It listens on every interface (HOST=0.0.0.0) so that colleagues on the same network can open the
// app and join from their own devices; it prints the addresses they can use. HOST=127.0.0.1 keeps
// it to this machine; KEBU_SERVERS=off serves the app alone, as a static host would.
import { createServer } from 'node:http';
import { networkInterfaces } from 'node:os';
import sirv from 'sirv';
import { createSignaling, stopOnSignal } from '../servers/signal.js';
import { createRelay } from '../servers/relay.js';

const host = process.env.HOST ?? '0.0.0.0';
const port = Number(process.env.PORT ?? 4173);
const withServers = process.env.KEBU_SERVERS !== 'off';

const serve = sirv(process.env.KEBU_BUILD_DIR ?? 'build', {
  single: true,
  etag: true,
  setHeaders(res, pathname) {
    // the service worker and the shell must be revalidated so that a new version is picked up
    if (pathname === '/service-worker.js' || pathname === '/index.html') {
      res.setHeader('Cache-Control', 'no-cache');
    } else if (pathname.startsWith('/_app/immutable/')) {
      res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
    }
  }
});

const signaling = withServers ? createSignaling() : null;
const relay = withServers ? createRelay({ dir: process.env.KEBU_RELAY_DIR ?? 'relay-data', prefix: '/relay' }) : null;

const server = createServer((req, res) => {
  if (withServers && (req.url ?? '').split('?')[0] === '/kebu-servers.json') {
    res.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
    return res.end(JSON.stringify({ signaling: '/signal', relay: '/relay' }));
  }
  serve(req, res);
});

server.on('upgrade', (req, socket, head) => {
  const path = (req.url ?? '').split('?')[0];
  if (signaling && path === '/signal') return signaling.handleUpgrade(req, socket, head);
  if (relay && path.startsWith('/relay/') && path.length > '/relay/'.length) return relay.handleUpgrade(req, socket, head);
  socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n');
});

/** The addresses others on the network can open: this machine's IPv4 addresses when bound to all. */
function addresses() {
  if (host !== '0.0.0.0' && host !== '::') return [host];
  const lan = Object.values(networkInterfaces())
    .flat()
    .filter((a) => a && a.family === 'IPv4' && !a.internal)
    .map((a) => a.address);
  return ['127.0.0.1', ...lan];
}

server.listen(port, host, () => {
  const [first, ...others] = addresses().map((a) => `http://${a}:${port}`);
  console.log(`Kebu is served at ${first}`);
  for (const url of others) console.log(`  on your network: ${url}`);
  if (withServers) console.log(`  with the signaling server (/signal) and the relay (/relay, rooms in ${relay.dir})`);
});

stopOnSignal(server, [signaling, relay].filter(Boolean));
