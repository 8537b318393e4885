/**
 * `npm run bench`: prints figures, never fails on a timing.
 *  - build time of the sample portal, per stage, and its page count;
 *  - page weight (gzip, HTML+CSS+JS) per page template, at first load on a
 *    phone viewport and after scrolling every chart into view.
 * Browser figures need Debian's Chromium (/usr/bin/chromium); they are
 * skipped with a note when it is missing.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildSite } from '../src/lib/build.ts';
import { renderPages, ROOT } from './render-pages.ts';

const rows: [string, string][] = [];
const out = (k: string, v: string) => { rows.push([k, v]); console.log(`${k.padEnd(52)} ${v}`); };
const tmp = mkdtempSync(path.join(tmpdir(), 'terang-bench-'));

try {
  // 1. The sample portal.
  const dist = path.join(tmp, 'dist');
  const t0 = performance.now();
  const r = await buildSite({ root: ROOT, dataDir: path.join(ROOT, 'data'), outDir: dist, lang: 'id', log: () => {}, renderPages });
  out('sample portal build (s)', ((performance.now() - t0) / 1000).toFixed(2));
  for (const [k, v] of Object.entries(r.timings)) out(`  stage ${k} (s)`, v.toFixed(2));
  out('sample portal pages', String(r.pages));

  // 2. Page weights in Chromium.
  if (!existsSync(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium')) {
    out('page weights', 'skipped: no Chromium (apt-get install chromium)');
  } else {
    const { launchBrowser, serve } = await import('../tests/browser.ts');
    const { pageWeight } = await import('../tests/e2e/weight.ts');
    const { server, origin } = await serve(dist);
    const browser = await launchBrowser();
    const page = await browser.newPage({ viewport: { width: 412, height: 915 } });
    const kb = (n: number) => `${(n / 1000).toFixed(1)} KB`;
    for (const [name, url, budget] of [['home', '/', 150_000], ['program (PKH)', '/program/pkh/', undefined], ['kecamatan (34.02.01)', '/kecamatan/34.02.01/', 120_000], ['PMKS', '/pmks/', undefined], ['data', '/data/', undefined], ['embed', '/embed/kemiskinan-persen/', undefined]] as const) {
      const first = await pageWeight(page, origin, dist, url, false);
      const full = await pageWeight(page, origin, dist, url, true);
      out(`weight ${name}: first load / all charts (gzip)`, `${kb(first.total)} / ${kb(full.total)} (JS ${kb(full.byType.js ?? 0)}, HTML ${kb(full.byType.html ?? 0)}, CSS ${kb(full.byType.css ?? 0)})${budget ? `; budget ${kb(budget)}` : ''}`);
    }
    await browser.close();
    server.close();
  }
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
