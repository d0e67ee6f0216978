// Serve the built static app (build/) the way any static host would: files as they are, and the
// fallback page index.html for every other path, so deep links and the offline shell work.
import { createServer } from 'node:http';
import sirv from 'sirv';

const host = process.env.HOST ?? '127.0.0.1';
const port = Number(process.env.PORT ?? 4173);

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

createServer((req, res) => serve(req, res)).listen(port, host, () => {
  console.log(`Kebu is served at http://${host}:${port}`);
});
