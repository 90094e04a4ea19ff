/**
 * The app's own server process: Next.js (production build) behind a plain Node HTTP server, in one process.
 * `npm start` and the e2e run start it; a deployment runs `node scripts/app-server.mjs` (PORT, HOSTNAME from the env).
 *
 * Why not `next start`:
 * - Client address: Next's route handlers never see the socket, and `next start` keeps a client-sent X-Forwarded-For
 *   as is. Here every request gets x-dispatch-socket-address from the TCP peer (a client's own value under that name
 *   is overwritten), and globalThis is marked so lib/server/client-address.ts trusts that header.
 * - Independence from the launcher: logs are this process's own stdout/stderr (the launcher passes its terminal or
 *   file down, it does not own pipes), a closed stdout (EPIPE) is ignored instead of crashing or spinning, and
 *   SIGTERM/SIGINT stop it cleanly: stop accepting, let requests in flight finish (10 s at most), exit 0.
 * - Body size: a write to app/api whose declared body is over the route's limit (lib/http/body-limits.mjs) is answered
 *   413 at once and the connection closed. Next itself would buffer the body for proxy.ts and wait for all of it
 *   before answering, however large it was announced.
 */
import { createServer } from 'node:http';
import { resolve } from 'node:path';
import next from 'next';
import { bodySizeRefusal } from '../lib/http/body-limits.mjs';

const ROOT = resolve(import.meta.dirname, '..');
const SOCKET_ADDRESS_HEADER = 'x-dispatch-socket-address';
const port = Number(process.env.PORT || 3000);
const hostname = process.env.HOSTNAME || '0.0.0.0';
const SHUTDOWN_GRACE_MS = 10_000;
const DRAIN_MAX_BYTES = 16 * 1024 * 1024;

// A reader that went away must not take the server down (or make it loop on write errors).
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e) => {
    if (e?.code !== 'EPIPE') throw e;
  });
}

process.env.NODE_ENV = 'production';
globalThis[Symbol.for('dispatch-console.app-server')] = true;

const app = next({ dev: false, dir: ROOT, hostname, port });
const handle = app.getRequestHandler();
await app.prepare();

const WRITE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

const server = createServer((req, res) => {
  req.headers[SOCKET_ADDRESS_HEADER] = req.socket.remoteAddress ?? 'unknown';
  const path = (req.url ?? '/').split('?')[0];
  if (WRITE.has(req.method ?? '') && path.toLowerCase().startsWith('/api/')) {
    const refusal = bodySizeRefusal(path, req.headers['content-length'], req.headers['transfer-encoding']);
    if (refusal) {
      const body = JSON.stringify({ error: refusal.error, message: refusal.message });
      res.writeHead(refusal.status, {
        'content-type': 'application/json; charset=utf-8',
        'cache-control': 'no-store',
        'content-length': Buffer.byteLength(body),
      });
      res.end(body);
      // The answer goes out before the body. Reading on and discarding (nothing is kept) lets a browser that is still
      // uploading see the 413 instead of a connection reset; past DRAIN_MAX_BYTES the connection is cut.
      let seen = 0;
      req.on('data', (chunk) => {
        seen += chunk.length;
        if (seen > DRAIN_MAX_BYTES) req.socket.destroy();
      });
      return;
    }
  }
  handle(req, res).catch((e) => {
    console.error('[app-server] request failed', e);
    if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
    res.end('{"error":"InternalError","message":"Something went wrong. Try again."}');
  });
});
// Slow-loris bounds: a client must send its headers within 20 s and its whole request within 60 s.
server.headersTimeout = 20_000;
server.requestTimeout = 60_000;
// An idle kept-alive connection stays open 65 s: longer than a load balancer's idle timeout (nginx and most cloud
// balancers use 60 s), so the app never closes a connection the balancer is about to reuse (a 502), and a board
// polling every 5 s never races Node's default 5 s close (the clients saw ECONNRESET in bench:day).
server.keepAliveTimeout = 65_000;

server.listen(port, hostname, () => {
  console.log(`[app-server] listening on http://${hostname}:${port} (pid ${process.pid})`);
});

let stopping = false;
function stop(signal) {
  if (stopping) return;
  stopping = true;
  console.log(`[app-server] ${signal}: stopping`);
  server.close(() => process.exit(0));
  server.closeIdleConnections();
  setTimeout(() => {
    server.closeAllConnections();
    process.exit(0);
  }, SHUTDOWN_GRACE_MS).unref();
}
process.on('SIGTERM', () => stop('SIGTERM'));
process.on('SIGINT', () => stop('SIGINT'));
