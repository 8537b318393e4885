/**
 * `npm run serve`: serve dist/ on http://localhost:4321 (PORT to change).
 * A plain static server, like the CDN the site will live on; also used by
 * the browser tests.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import path from 'node:path';
import { createGzip } from 'node:zlib';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.css': 'text/css; charset=utf-8', '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8', '.csv': 'text/csv; charset=utf-8', '.svg': 'image/svg+xml',
  '.png': 'image/png', '.wasm': 'application/wasm', '.txt': 'text/plain; charset=utf-8', '.xml': 'application/xml',
  '.pf_meta': 'application/octet-stream', '.pf_fragment': 'application/octet-stream', '.pf_index': 'application/octet-stream', '.bin': 'application/octet-stream',
};

export function serveStatic(root: string, port: number, host = '127.0.0.1'): Promise<Server> {
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    let file = path.join(root, decodeURIComponent(url.pathname));
    if (!file.startsWith(root)) { res.writeHead(403).end(); return; }
    try {
      let s = await stat(file);
      if (s.isDirectory()) {
        if (!url.pathname.endsWith('/')) { res.writeHead(301, { location: url.pathname + '/' + url.search }).end(); return; }
        file = path.join(file, 'index.html');
        s = await stat(file);
      }
      const type = TYPES[path.extname(file)] ?? 'application/octet-stream';
      // Compress text like any CDN would (page weights and Lighthouse see what a phone receives).
      if (/text|json|javascript|svg|xml|wasm/.test(type) && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))) {
        res.writeHead(200, { 'content-type': type, 'content-encoding': 'gzip', vary: 'accept-encoding', 'cache-control': 'no-cache' });
        createReadStream(file).pipe(createGzip()).pipe(res);
        return;
      }
      res.writeHead(200, { 'content-type': type, 'content-length': s.size, 'cache-control': 'no-cache' });
      createReadStream(file).pipe(res);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('404 — halaman tidak ditemukan');
    }
  });
  return new Promise((resolve) => server.listen(port, host, () => resolve(server)));
}

if (import.meta.main) {
  const root = path.resolve(process.env.OUT_DIR ?? path.join(import.meta.dirname, '..', 'dist'));
  const port = Number(process.env.PORT ?? 4321);
  await serveStatic(root, port, process.env.HOST ?? '127.0.0.1');
  console.log(`Portal berjalan di http://localhost:${port}/ (Ctrl+C untuk berhenti)`);
}
