/** A loopback HTTP server for benchmark pages (the scripts/demo-server.mjs pattern). */
import { createServer } from 'node:http';

/** `routes`: path → { body, type } or a function returning one; every response is `no-store`. */
export function startServer(routes) {
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    let route = routes.get(path);
    if (typeof route === 'function') route = route();
    if (!route) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
      return;
    }
    res.writeHead(200, {
      'content-type': route.type ?? 'text/html; charset=utf-8',
      'cache-control': 'no-store',
      'content-length': Buffer.byteLength(route.body),
    });
    res.end(route.body);
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      resolve({
        origin: `http://127.0.0.1:${port}`,
        close: () =>
          new Promise((r) => {
            server.closeAllConnections();
            server.close(() => r());
          }),
      });
    });
  });
}
