/**
 * `npm run bench`: prints figures, never fails on a timing.
 *  - build time of the sample portal, per stage, and its page count;
 *  - page weight (gzip, HTML+CSS+JS) per page template, at first load on a
 *    phone viewport and after scrolling every chart into view;
 *  - the aid lookup on a phone 4× slower than this machine (KDF measured unthrottled × 4, the rest on a throttled page), slow 4G and a poor connection;
 *  - `npm run hash` throughput against one thread of the same KDF;
 *  - build time of a large portal (Jombang, 306 desa) with 100,000 and
 *    1,000,000 hashed recipient rows, per stage, and how it grows;
 *  - disclosure control on Bantul, Jombang, Aceh Utara and all of Jawa Timur
 *    (scripts/bench/audit.ts; `BENCH_SKIP_PROVINCE=1` skips the province);
 *  - the DIY province portal: build time, peak memory, dist size, page
 *    weights; the same for Jawa Timur (`BENCH_SKIP_PROVINCE=1` skips both, `BENCH_SKIP_JATIM=1` Jawa Timur);
 *  - Lighthouse mobile scores for home, a kecamatan page and /cek/.
 * Browser figures need Debian's Chromium (/usr/bin/chromium); they are
 * skipped with a note when it is missing.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { promisify } from 'node:util';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { gzipSync } from 'node:zlib';
import { DEFAULT_KDF } from '../src/shared/kdf.ts';
import { IV_BYTES, TAG_BYTES } from '../src/shared/sealed.ts';
import { KEY_COLUMNS, kdfId } from '../src/lookup/keys.ts';
import { benchLookupCost } from './bench/lookup-cost.ts';
import { benchLookup } from './bench/lookup.ts';
import { chartJsSplit } from './bench/chart-js.ts';
import { coldQuery } from '../tests/e2e/search-weight.ts';
import { benchAudit } from './bench/audit.ts';
import { benchProvince } from './bench/province.ts';
import { deriveKeys } from './hash/pool.ts';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildSite } from '../src/build/build.ts';
import { fileEffects } from '../src/build/file-effects.ts';
import { folderIO } from '../src/load/portal.ts';
import { indexSearch, renderPages, ROOT } from './render-pages.ts';
import { generateSample } from './sample.ts';

const rows: [string, string][] = [];
const out = (k: string, v: string) => {
  rows.push([k, v]);
  console.log(`${k.padEnd(52)} ${v}`);
};
const tmp = mkdtempSync(path.join(tmpdir(), 'terang-bench-'));

try {
  // 1. The sample portal.
  const dist = path.join(tmp, 'dist');
  const t0 = performance.now();
  const dataDir = path.join(ROOT, 'data');
  const effects = fileEffects({ root: ROOT, dataDir, outDir: dist, lang: 'id', log: () => {}, render: renderPages, index: indexSearch });
  const r = await buildSite({ io: folderIO(dataDir), lang: 'id', effects });
  const sampleSecs = (performance.now() - t0) / 1000;
  out('sample portal build (s)', sampleSecs.toFixed(2));
  for (const [k, v] of Object.entries(r.timings)) out(`  stage ${k} (s)`, v.toFixed(2));
  out('sample portal pages', String(r.pages));

  // 2. Page weights in Chromium.
  if (!existsSync(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium')) {
    out('page weights', 'skipped: no Chromium (apt-get install chromium)');
    await benchLookupCost(out);
  } else {
    const { launchBrowser, serve } = await import('../tests/browser.ts');
    const { pageWeight } = await import('../tests/e2e/weight.ts');
    const { server, origin } = await serve(dist);
    const browser = await launchBrowser();
    const page = await browser.newPage({ viewport: { width: 412, height: 915 } });
    const kb = (n: number) => `${(n / 1000).toFixed(1)} KB`;
    for (const [name, url, budget] of [
      ['home', '/', 80_000],
      ['program (PKH)', '/program/pkh/', 80_000],
      ['kecamatan (34.02.01)', '/kecamatan/34.02.01/', 80_000],
      ['PMKS', '/pmks/', undefined],
      ['data', '/data/', undefined],
      ['embed', '/embed/kemiskinan-persen/', undefined],
    ] as const) {
      const first = await pageWeight(page, origin, dist, url, false);
      const full = await pageWeight(page, origin, dist, url, true);
      out(
        `weight ${name}: first load / all charts (gzip)`,
        `${kb(first.total)} / ${kb(full.total)} (JS ${kb(full.byType.js ?? 0)}, HTML ${kb(full.byType.html ?? 0)}, CSS ${kb(full.byType.css ?? 0)})${budget ? `; budget ${kb(budget)}` : ''}`,
      );
    }

    const split = await chartJsSplit();
    out(
      'chart JS: Chart.js (registered pieces) / our own (loader + drawing)',
      `${kb(split.chartJs)} / ${kb(split.ours)} gzip; goal: our own ≤ 10 KB`,
    );

    // 3. The aid lookup: submit → answer on a throttled phone, against its bound; what the KDF costs an attacker.
    await benchLookup(out, browser, origin, dist);
    const astro = await readdir(path.join(dist, '_astro'));
    const cekHtml = await readFile(path.join(dist, 'cek', 'index.html'), 'utf8');
    const cekJs = [...cekHtml.matchAll(/src="\/_astro\/([^"]+\.js)"/g)].map((m) => m[1]!);
    const gz = async (f: string) => gzipSync(await readFile(path.join(dist, '_astro', f)), { level: 9 }).length;
    const pageJs = (await Promise.all(cekJs.map(gz))).reduce((a, b) => a + b, 0);
    const worker = astro.find((f) => f.startsWith('kdf-worker'))!;
    out('/cek/ page JS (gzip), without the KDF worker', `${(pageJs / 1000).toFixed(1)} KB; target ≤ 40 KB`);
    out('/cek/ KDF worker incl. Argon2id and scrypt WASM (gzip)', `${((await gz(worker)) / 1000).toFixed(1)} KB`);

    // 4. Search: index size and query time in the browser.
    const pf = path.join(dist, 'pagefind');
    const pfFiles = await readdir(pf, { recursive: true });
    let pfBytes = 0;
    for (const f of pfFiles) {
      try {
        pfBytes += (await readFile(path.join(pf, f))).length;
      } catch {
        /* folder */
      }
    }
    out('search index (Pagefind, both languages, on disk)', `${(pfBytes / 1e6).toFixed(2)} MB in ${pfFiles.length} files`);
    const cold = [];
    for (const q of ['Sedayu', 'lansia', 'anggaran RTLH', 'miskin', 'Banguntapan']) cold.push(await coldQuery(browser, origin, q));
    out(
      'cold search query: engine (once, cached) + what the query fetches (gzip)',
      `${kb(cold[0]!.engine)} + ${cold.map((w) => kb(w.query)).join(', ')}; goal for the query ≤ 50 KB`,
    );
    const sp = await browser.newPage();
    const times: number[] = [];
    for (const q of ['Sedayu', 'lansia', 'anggaran RTLH', 'miskin', 'Banguntapan']) {
      await sp.goto(`${origin}/cari/`);
      const ms = await sp.evaluate(async (query) => {
        const t0 = performance.now();
        const pagefind = await import('/pagefind/pagefind.js' as string);
        const r = await pagefind.search(query);
        await Promise.all(r.results.slice(0, 8).map((x: { data(): Promise<unknown> }) => x.data()));
        return performance.now() - t0;
      }, q);
      times.push(ms);
    }
    out('search query → 8 results with excerpts (ms, first query cold)', times.map((x) => x.toFixed(0)).join(', '));

    await browser.close();
    server.close();
  }

  // 4. npm run hash: all cores vs one thread of the same KDF.
  const kdf = { ...DEFAULT_KDF, salt: '00112233445566778899aabbccddeeff' };
  const rows = Number(process.env.BENCH_HASH_ROWS ?? 2000);
  const pairs = Array.from(
    { length: rows },
    (_, i) => [`3402014101${String(900000 + i).padStart(6, '0')}`, `3402010101${String(200000 + i).padStart(6, '0')}`] as [string, string],
  );
  // Single-thread figure: the same worker machinery with one thread, so the ratio measures scaling only.
  const single = Math.min(300, rows);
  let t = performance.now();
  await deriveKeys(pairs.slice(0, single), kdf, { threads: 1 });
  const oneThread = single / ((performance.now() - t) / 1000);
  t = performance.now();
  await deriveKeys(pairs, kdf);
  const all = rows / ((performance.now() - t) / 1000);
  const cores = availableParallelism();
  out(`${DEFAULT_KDF.algorithm} single-thread throughput (keys/s)`, oneThread.toFixed(1));
  out(
    `npm run hash throughput, ${cores} threads, ${rows} rows (keys/s)`,
    `${all.toFixed(1)} = ${(all / (cores * oneThread)).toFixed(2)} × (cores × single); target ≥ 0.85`,
  );
  out('  projected time for 100,000 rows', `${(100_000 / all / 60).toFixed(1)} min (BENCH_HASH_ROWS=100000 to measure)`);

  // 5. Larger portals: Jombang (35.17: 21 kecamatan, 306 desa, 6 years), with 100,000 and 1,000,000 hashed recipient rows.
  if (process.env.BENCH_SKIP_LARGE) out('large portals', 'skipped (BENCH_SKIP_LARGE)');
  else {
    const files = await generateSample('35.17');
    const jombang = path.join(tmp, 'jombang');
    for (const [rel, content] of Object.entries(files)) {
      if (rel.startsWith('private/') || rel.startsWith('rilis/')) continue;
      await mkdir(path.dirname(path.join(jombang, rel)), { recursive: true });
      await writeFile(path.join(jombang, rel), content);
    }
    const stamp: Record<string, number> = {};
    for (const rows of [0, 100_000, 1_000_000]) {
      if (rows) {
        // Already-sealed entries, as npm run hash would write them: random ids and random bytes of one sealed length (no identifiers).
        const kdf = { ...DEFAULT_KDF, salt: randomBytes(16).toString('hex') };
        const meta = { ...kdf, id: kdfId(kdf), payload: 192, desil: false };
        const sealedBytes = IV_BYTES + meta.payload + TAG_BYTES;
        const lines = [KEY_COLUMNS.join(',')];
        for (let i = 0; i < rows; i++)
          lines.push(`${randomBytes(16).toString('hex')},${randomBytes(sealedBytes).toString('base64')},${meta.id}`);
        await writeFile(path.join(jombang, 'penerima.csv'), `${lines.join('\r\n')}\r\n`);
        await writeFile(path.join(jombang, 'penerima-kdf.json'), JSON.stringify(meta));
      }
      // A fresh process per build, as `npm run build` runs (pages read the model once per process).
      const t0 = performance.now();
      const rb = await promisify(execFile)(process.execPath, ['scripts/build.ts'], {
        cwd: ROOT,
        env: { ...process.env, DATA_DIR: jombang, OUT_DIR: path.join(tmp, `jombang-dist-${rows}`), LANG: 'en_US.UTF-8' },
        maxBuffer: 64 << 20,
      }).catch((e) => e as { stdout: string; stderr: string });
      const secs = (performance.now() - t0) / 1000;
      stamp[rows] = secs;
      const summary = /\((.*)\)\.\s*$/.exec(rb.stdout.trim())?.[1] ?? `FAILED: ${rb.stderr.slice(0, 300)}`;
      out(`Jombang build, ${rows.toLocaleString('en')} recipient rows (s)`, `${secs.toFixed(1)} total; ${summary}`);
      await rm(path.join(tmp, `jombang-dist-${rows}`), { recursive: true, force: true });
    }
    out(
      'growth from 100,000 to 1,000,000 rows (10× data)',
      `${(stamp[1_000_000]! / stamp[100_000]!).toFixed(2)}× the time (linear would be ≤ 10×)`,
    );
    out('Jombang (306 desa) vs Bantul sample (75 desa), no recipients', `${(stamp[0]! / sampleSecs).toFixed(2)}× the time`);
  }

  // A province portal: DIY built from its five folders; what Jawa Timur would need.
  if (process.env.BENCH_SKIP_PROVINCE) out('province portal', 'skipped (BENCH_SKIP_PROVINCE)');
  else await benchProvince(out, tmp);

  // Disclosure control at scale: Bantul, Jombang, Aceh Utara, and every kabupaten/kota of Jawa Timur.
  if (process.env.BENCH_SKIP_LARGE) out('disclosure control at scale', 'skipped (BENCH_SKIP_LARGE)');
  else await benchAudit(out, tmp);

  // 6. Lighthouse (mobile) on home, a kecamatan page and /cek/, Debian Chromium.
  if (!existsSync(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium') || process.env.BENCH_SKIP_LIGHTHOUSE) out('Lighthouse', 'skipped');
  else {
    const { default: lighthouse } = await import('lighthouse');
    const chromeLauncher = await import('chrome-launcher');
    const { serve } = await import('../tests/browser.ts');
    const { CHROMIUM_FLAGS } = await import('../tests/browser.ts');
    const { server, origin } = await serve(path.join(tmp, 'dist'));
    const chrome = await chromeLauncher.launch({
      chromePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      chromeFlags: CHROMIUM_FLAGS,
    });
    try {
      for (const url of ['/', '/kecamatan/34.02.01/', '/cek/']) {
        const res = await lighthouse(origin + url, {
          port: chrome.port,
          output: 'json',
          logLevel: 'error',
          onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo'],
        });
        const c = res!.lhr.categories;
        const score = (k: string) => Math.round((c[k]?.score ?? 0) * 100);
        out(
          `Lighthouse mobile ${url}`,
          `performance ${score('performance')}, accessibility ${score('accessibility')}, best practices ${score('best-practices')}, SEO ${score('seo')} (targets ≥95, 100, 100, ≥95)`,
        );
      }
    } finally {
      await chrome.kill();
      server.close();
    }
  }
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
