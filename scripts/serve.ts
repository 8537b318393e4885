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
import { existsSync } from 'node:fs';
import { UserError } from '../src/build/errors.ts';
import { acquireLock, outDirNames, recoverOutDir } from '../src/build/output.ts';
import { cliLang } from '../src/load/problems.ts';
import { runCli } from './cli.ts';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml',
  '.pf_meta': 'application/octet-stream',
  '.pf_fragment': 'application/octet-stream',
  '.pf_index': 'application/octet-stream',
  '.bin': 'application/octet-stream',
};

export function serveStatic(root: string, port: number, host = '127.0.0.1'): Promise<Server> {
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    let file = path.join(root, decodeURIComponent(url.pathname));
    if (!file.startsWith(root)) {
      res.writeHead(403).end();
      return;
    }
    try {
      let s = await stat(file);
      if (s.isDirectory()) {
        if (!url.pathname.endsWith('/')) {
          res.writeHead(301, { location: `${url.pathname}/${url.search}` }).end();
          return;
        }
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
  return new Promise((resolve, reject) => {
    server.once('error', reject); // EADDRINUSE: told as one sentence by runCli
    server.listen(port, host, () => resolve(server));
  });
}

if (import.meta.main) {
  await runCli(async () => {
    const root = path.resolve(process.env.OUT_DIR ?? path.join(import.meta.dirname, '..', 'dist'));
    const port = Number(process.env.PORT ?? 4321);
    const lang = cliLang();
    // A build stopped in the middle of its swap leaves the site for the next command to restore.
    try {
      const unlock = await acquireLock(outDirNames(root).lock, root, { lang, log: () => {}, waitMs: 0 });
      try {
        for (const line of await recoverOutDir(root, lang)) console.error(line);
      } finally {
        unlock();
      }
    } catch (e) {
      if (!(e instanceof UserError)) throw e; // a build is running: it will finish the swap itself
    }
    if (!existsSync(path.join(root, 'index.html'))) {
      console.error(
        lang === 'en'
          ? `ERROR: ${root} holds no built site; run npm run build first.`
          : `GALAT: ${root} belum berisi situs; jalankan npm run build dulu.`,
      );
      return 1;
    }
    const server = await serveStatic(root, port, process.env.HOST ?? '127.0.0.1');
    console.log(
      lang === 'en'
        ? `The portal is running at http://localhost:${port}/ (Ctrl+C to stop)`
        : `Portal berjalan di http://localhost:${port}/ (Ctrl+C untuk berhenti)`,
    );
    await new Promise<void>((resolve) => server.on('close', resolve));
    return 0;
  });
}
