/**
 * The DIY province sample built by the real build (issue 25): the ranking on
 * the home page, a kabupaten one-pager and the downloads against sums
 * computed here from the input files; the exact disclosure audit over the
 * four-level downloads; search; in Chromium, the home page and a kabupaten
 * page at 360 px and the kabupaten page printed on A4; the choropleths by
 * kabupaten/kota and by kecamatan from synthetic province-wide boundaries
 * (imported by the real geo:import); page and search weights.
 */
import { execFile, execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import Papa from 'papaparse';
import type { Browser } from 'playwright-core';
import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateProvinceSample } from '../../scripts/sample.ts';
import { audit } from '../../src/protect/disclosure.ts';
import { loadPortalTree } from '../../src/domain/regions.ts';
import { launchBrowser, searchResults, serve } from '../browser.ts';
import { syntheticProvinceDesa } from '../fixtures/province-geo.ts';
import { axe } from './axe.ts';
import { inkRatio } from './draw.ts';
import { coldQuery } from './search-weight.ts';
import { pageWeight } from './weight.ts';
import { ROOT, runHash, smallList } from '../helpers.ts';
import { rebuild } from '../published-system.ts';

const tmp = mkdtempSync(path.join(tmpdir(), 'terang-province-'));
const data = path.join(tmp, 'data');
let dist = '';
let files: Record<string, string>;
let browser: Browser;
let server: Server;
let origin = '';

const csvRows = (csv: string, delimiter?: string) =>
  Papa.parse<Record<string, string>>(csv.replace(/^\uFEFF/, ''), {
    header: true,
    skipEmptyLines: true,
    ...(delimiter ? { delimiter } : {}),
  }).data;
const html = (rel: string) => readFileSync(path.join(dist, rel), 'utf8');
const text = (s: string) => s.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

beforeAll(async () => {
  files = await generateProvinceSample('34');
  for (const [rel, content] of Object.entries(files)) {
    const p = path.join(data, rel);
    execFileSync('mkdir', ['-p', path.dirname(p)]);
    writeFileSync(p, content);
  }
  // The lookup: the province's job, two kabupaten/kota sealing a few people each in their folders, the merge.
  const job = path.join(data, 'penerima-tugas.json');
  for (const args of [
    ['--new-job', '--data', data],
    [smallList(data, '34.03-gunungkidul'), '--data', path.join(data, '34.03-gunungkidul'), '--job', job, '--quiet'],
    [smallList(data, '34.71-kota-yogyakarta'), '--data', path.join(data, '34.71-kota-yogyakarta'), '--job', job, '--quiet'],
    ['--merge-parts', '--data', data],
  ]) {
    const r = await runHash(...args);
    expect(r.code, r.out).toBe(0);
  }
  // Boundaries: synthetic desa squares over the whole province, through the real importer.
  const desa = path.join(tmp, 'desa.geojson');
  writeFileSync(desa, JSON.stringify(syntheticProvinceDesa((await loadPortalTree('34'))!)));
  await promisify(execFile)(process.execPath, ['scripts/geo-import.ts', desa, '--data', data, '--attribution', 'Batas sintetis (uji)'], {
    cwd: ROOT,
  });
  const out = path.join(tmp, 'dist');
  await promisify(execFile)(process.execPath, ['scripts/build.ts'], {
    cwd: ROOT,
    env: { ...process.env, DATA_DIR: data, OUT_DIR: out },
    maxBuffer: 64 << 20,
  });
  dist = realpathSync(out);
  browser = await launchBrowser();
  const s = await serve(dist);
  server = s.server;
  origin = s.origin;
}, 900_000);
afterAll(async () => {
  await browser?.close();
  server?.close();
  rmSync(tmp, { recursive: true, force: true });
});

/** PMKS total of the latest year for codes under a prefix, from the input CSV alone (kecamatan rows where given, else desa). */
function pmksInput(prefix: string): { year: number; total: number } {
  const all = Object.entries(files)
    .filter(([k]) => /^\d{2}\.\d{2}-[^/]+\/pmks\.csv$/.test(k))
    .flatMap(([, v]) => csvRows(v, ';'));
  const year = Math.max(...all.map((r) => Number(r.tahun)));
  const given = new Map<string, number>();
  const desa = new Map<string, number>();
  for (const r of all.filter((x) => Number(x.tahun) === year && x.kode_wilayah!.startsWith(prefix))) {
    const code = r.kode_wilayah!;
    const key = `${code.slice(0, 8)}|${r.kategori}`;
    if (code.length === 8) given.set(key, Number(r.jumlah));
    else desa.set(key, (desa.get(key) ?? 0) + Number(r.jumlah));
  }
  let total = [...given.values()].reduce((a, b) => a + b, 0);
  for (const [k, v] of desa) if (!given.has(k)) total += v;
  return { year, total };
}

describe('the DIY province portal, built', () => {
  it('has a page for every kabupaten/kota and every kecamatan of the province, in both languages, in the sitemap', () => {
    const sitemap = html('sitemap.xml');
    for (const k of ['34.01', '34.02', '34.03', '34.04', '34.71']) {
      expect(existsSync(path.join(dist, 'kabupaten', k, 'index.html')), k).toBe(true);
      expect(existsSync(path.join(dist, 'en', 'kabupaten', k, 'index.html')), k).toBe(true);
      expect(sitemap).toContain(`/kabupaten/${k}/`);
    }
    for (const k of ['34.01.01', '34.03.18', '34.71.14']) expect(existsSync(path.join(dist, 'kecamatan', k, 'index.html')), k).toBe(true);
  });

  it('the home ranking and the kabupaten page show the PMKS the input sums to, with the province beside it', () => {
    const home = text(html('index.html'));
    const { year, total: province } = pmksInput('34');
    const gk = pmksInput('34.03');
    const fmt = (n: number) => new Intl.NumberFormat('id-ID').format(n);
    expect(home).toContain(`Perbandingan kabupaten/kota`);
    expect(home).toMatch(new RegExp(`Kabupaten Gunungkidul [\\d,%() ]*${fmt(gk.total).replace('.', '\\.')}`));
    const page = text(html('kabupaten/34.03/index.html'));
    expect(page).toContain(`PMKS ${year} (orang) ${fmt(gk.total)} ${fmt(province)}`);
    expect(page).toContain('Dinas Sosial Kabupaten Gunungkidul');
    expect(page).toContain('BPS Provinsi DIY, Susenas Maret 2024 (angka resmi)');
    // The program page breaks the program down by kabupaten/kota; the kecamatan index groups by kabupaten/kota.
    const pkh = text(html('program/pkh/index.html'));
    expect(pkh).toMatch(/Cakupan PKH per kabupaten\/kota, \d{4}/);
    for (const name of ['Kabupaten Kulon Progo', 'Kota Yogyakarta']) expect(pkh).toContain(name);
    expect(html('kecamatan/index.html')).toContain('href="/kabupaten/34.03/"');
  });

  it('downloads carry every level (provinsi, kabupaten, kecamatan, desa) with sums equal to the input', () => {
    const pmks = csvRows(html('data/pmks.csv'));
    const levels = new Set(pmks.map((r) => r.tingkat));
    expect([...levels].sort()).toEqual(['desa', 'kabupaten', 'kecamatan', 'provinsi']);
    const { year, total } = pmksInput('34');
    expect(Number(pmks.find((r) => r.tahun === String(year) && r.kode_wilayah === '34' && r.kategori === '*')!.jumlah)).toBe(total);
    expect(pmks.find((r) => r.kode_wilayah === '34.71' && r.kategori === '*')!.tingkat).toBe('kabupaten');
    const reg = csvRows(html('data/registri.csv'));
    const regInput = (prefix: string, y: number) =>
      Object.entries(files)
        .filter(([k]) => k.endsWith('/registri.csv'))
        .flatMap(([, v]) => csvRows(v, ';'))
        .filter((r) => Number(r.tahun) === y && r.kode_wilayah!.startsWith(prefix))
        .reduce((a, r) => a + Number(r.keluarga), 0);
    for (const code of ['34', '34.04']) {
      const row = reg.find((r) => r.tahun === '2025' && r.kode_wilayah === code)!;
      expect(Number(row.keluarga), code).toBe(regInput(code, 2025));
    }
  });

  it("each category's figures by kabupaten/kota are on /pmks/rincian/, linked from /pmks/, as the downloads give them", () => {
    const pmks = csvRows(html('data/pmks.csv'));
    const year = String(pmksInput('34').year);
    const index = html('pmks/index.html');
    expect(index).toContain('href="/pmks/rincian/#kategori-1"');
    expect(index).not.toContain(`data-ref="pmks:${year}|34.03|1:jumlah"`);
    const page = html('pmks/rincian/index.html');
    expect(existsSync(path.join(dist, 'en', 'pmks', 'rincian', 'index.html'))).toBe(true);
    for (const kategori of ['1', '15', '26']) {
      const section = page.slice(
        page.indexOf(`id="kategori-${kategori}"`),
        page.indexOf('</details>', page.indexOf(`id="kategori-${kategori}"`)),
      );
      const rows = [...section.matchAll(/<a href="\/kabupaten\/([\d.]+)\/">[^<]*<\/a><\/th><td[^>]*>([^<]*)<\/td>/g)];
      expect(
        rows.map((r) => r[1]),
        kategori,
      ).toEqual(['34.01', '34.02', '34.03', '34.04', '34.71']);
      for (const [, code, shown] of rows) {
        const row = pmks.find((r) => r.tahun === year && r.kode_wilayah === code && r.kategori === kategori)!;
        expect(shown === 'disembunyikan' ? '' : shown!.replace(/\./g, ''), `${code} ${kategori}`).toBe(row.jumlah);
      }
    }
  });

  it('the exact audit over the four-level tables: no small count shown below the province, no hidden cell recoverable', () => {
    const read = (name: string) => csvRows(html(`data/${name}.csv`));
    const tables = {
      pmks: rebuild(read('pmks'), (r) => r.tahun!, ['jumlah'], 'kategori'),
      registri: rebuild(read('registri'), (r) => r.tahun!, ['keluarga', 'jiwa']),
      cakupan: rebuild(read('cakupan'), (r) => `${r.tahun}|${r.program}`, ['penerima']),
    };
    let hiddenCount = 0;
    for (const [name, systems] of Object.entries(tables)) {
      expect(
        systems.flatMap((t) => t.shownSmall),
        name,
      ).toEqual([]);
      for (const t of systems) {
        const hidden = new Set(t.cells.filter((c) => Number.isNaN(c.value)).map((c) => c.id));
        hiddenCount += hidden.size;
        // The rebuilt sums hold where every part is shown (the rebuild reads the four levels right).
        for (const r of t.relations) {
          if ([r.total, ...r.parts].some((id) => hidden.has(id))) continue;
          const v = (id: string) => t.cells.find((c) => c.id === id)!.value;
          expect(
            r.parts.reduce((a, p) => a + v(p), 0),
            `${name} ${t.group} ${r.total}`,
          ).toBe(v(r.total));
        }
        expect(audit(t.cells, t.relations, hidden), `${name} ${t.group}`).toEqual([]);
      }
    }
    expect(hiddenCount).toBeGreaterThan(0);
  }, 300_000);

  it('search finds a kabupaten/kota by name on its own page first', async () => {
    const page = await browser.newPage();
    for (const [q, url] of [
      ['gunungkidul', '/kabupaten/34.03/'],
      ['kota yogyakarta', '/kabupaten/34.71/'],
    ] as const) {
      const urls = await searchResults(page, origin, q);
      expect(urls[0], q).toBe(url);
    }
    await page.close();
  }, 120_000);

  it('the lookup finds a person of the second kabupaten/kota and names its Dinas Sosial', async () => {
    const [nik, kk, , program] = readFileSync(path.join(data, '34.71-kota-yogyakarta', 'private', 'kecil.csv'), 'utf8')
      .split('\r\n')[1]!
      .split(',') as [string, string, string, string];
    const page = await browser.newPage({ viewport: { width: 360, height: 640 } });
    await page.goto(`${origin}/cek/`);
    await page.waitForSelector('#cek-form[data-ready]');
    await page.fill('#nik', nik);
    await page.fill('#kk', kk);
    await page.click('#cek-form button');
    await page.waitForSelector('#cek-result h2', { timeout: 60_000 });
    expect(await page.textContent(`#cek-result li[data-program="${program}"]`)).toContain('— Ya');
    expect(await page.textContent('#cek-result [data-listed-by="34.71"]')).toContain('Dinas Sosial Kota Yogyakarta');
    await page.close();
  }, 120_000);

  it('at 360 px the province pages fit the screen and pass axe (WCAG 2.1 AA); the kabupaten page prints on two A4 pages before its annex', async () => {
    const page = await browser.newPage({ viewport: { width: 360, height: 640 } });
    // A dapil of the province DPRD and one of a kabupaten DPRD, each with its locator map.
    const kabDapil = readdirSync(path.join(dist, 'dapil')).find((d) => !d.startsWith('provinsi-') && !d.includes('.'))!;
    for (const url of [
      '/',
      '/kabupaten/',
      '/kabupaten/34.03/',
      '/en/kabupaten/34.71/',
      '/program/pkh/',
      '/kecamatan/',
      '/dapil/',
      '/dapil/provinsi-diy-1-kota-yogyakarta/',
      `/en/dapil/${kabDapil}/`,
    ]) {
      await page.goto(origin + url);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, url).toBeLessThanOrEqual(0);
      expect(await axe(page), `axe ${url}`).toEqual([]);
    }
    await page.goto(`${origin}/`);
    expect(await page.$$eval('#peringkat tbody tr', (trs) => trs.length)).toBe(5);
    if (existsSync('/usr/bin/pdfinfo')) {
      await page.goto(`${origin}/kabupaten/34.03/`);
      await page.emulateMedia({ media: 'print' });
      const pdf = path.join(tmp, 'kab.pdf');
      writeFileSync(pdf, await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true }));
      const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf]).toString())![1]);
      const pageText = Array.from({ length: pages }, (_, i) =>
        execFileSync('pdftotext', ['-f', String(i + 1), '-l', String(i + 1), pdf, '-']).toString(),
      );
      const annex = pageText.findIndex((t) => t.includes('Lampiran: rincian dan tabel lengkap')) + 1;
      console.log(`/kabupaten/34.03/: ${pages} pages printed, the annex from page ${annex}`);
      expect(annex).toBeGreaterThan(0);
      expect(annex).toBeLessThanOrEqual(3);
    }
    await page.close();
  }, 180_000);

  it('the home page maps the poverty rate by kabupaten/kota, and a program page its targeting by kabupaten/kota: drawn values are the table and the input', async () => {
    const page = await browser.newPage();
    await page.goto(`${origin}/`);
    const values = async (id: string, n: number) => {
      const canvas = `canvas[data-chart="${id}"]`;
      await page.locator(canvas).scrollIntoViewIfNeeded();
      await page.waitForSelector(`${canvas}[data-values]`, { timeout: 30_000 });
      expect(await inkRatio(page, canvas), id).toBeGreaterThan(0.05);
      const drawn = new Map(JSON.parse((await page.getAttribute(canvas, 'data-values'))!) as [string, number | null][]);
      expect(drawn.size, id).toBe(n);
      return drawn;
    };
    const byKab = await values('kemiskinan-kabupaten', 5);
    // Each kabupaten/kota's rate as its own folder's kemiskinan.csv gives it, for the year the chart names.
    const year = Number(/, (\d{4})$/.exec((await page.textContent('#kemiskinan-kabupaten h3'))!)![1]);
    for (const [rel, csv] of Object.entries(files).filter(([k]) => /^\d{2}\.\d{2}-[^/]+\/kemiskinan\.csv$/.test(k))) {
      const row = csvRows(csv, ';').find((r) => Number(r.tahun) === year)!;
      expect(byKab.get(rel.slice(0, 5)), rel).toBe(Number(row.persen_miskin!.replace(',', '.')));
    }
    const csv = csvRows(await (await page.request.get(`${origin}/embed/kemiskinan-kabupaten/data.csv`)).text());
    for (const r of csv) expect(byKab.get(r['Kode wilayah']!)).toBe(Number(r['Penduduk miskin (%)']));
    expect(await page.textContent('#kemiskinan-kabupaten')).toContain('Batas sintetis (uji)');
    await page.goto(`${origin}/program/pkh/`);
    // A province compares its kabupaten/kota (Jawa Timur's 666 kecamatan would be one chart of 666 bars).
    const byKabTarget = await values('sasaran-pkh-kabupaten', 5);
    expect([...byKabTarget.keys()].sort()).toEqual(['34.01', '34.02', '34.03', '34.04', '34.71']);
    expect(await page.locator('canvas[data-chart="sasaran-pkh-kecamatan"]').count()).toBe(0);
    await page.close();
  }, 120_000);

  it("every dapil page, of the province DPRD and of a kabupaten DPRD, outlines its dapil on a map of its council's region", () => {
    const pages = readdirSync(path.join(dist, 'dapil'), { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .map((e) => e.name);
    expect(pages.some((p) => p.startsWith('provinsi-'))).toBe(true);
    expect(pages.some((p) => !p.startsWith('provinsi-'))).toBe(true);
    const boxes = new Map<string, string>();
    for (const slug of pages) {
      const html = readFileSync(path.join(dist, 'dapil', slug, 'index.html'), 'utf8');
      const svg = /<figure class="dapil-map[^"]*">\s*<svg viewBox="([^"]+)"[^>]*>([\s\S]*?)<\/svg>/.exec(html);
      expect(svg, slug).not.toBeNull();
      const paths = [...svg![2]!.matchAll(/ d="([^"]+)"/g)].map((m) => m[1]!);
      expect(paths, slug).toHaveLength(2);
      for (const d of paths) expect(d, slug).toMatch(/^M[\d.]+,[\d.]+L/);
      boxes.set(slug.startsWith('provinsi-') ? 'provinsi' : slug.split('-')[0]!, svg![1]!);
    }
    // Each council's region at its own scale: the province's map is not a kabupaten's.
    expect(new Set(boxes.values()).size).toBeGreaterThan(1);
  });

  it('page weights as the kabupaten portal budgets them: every chart drawn in ≤ 80 KB gzip besides the map module and boundaries; a cold search query ≤ 50 KB', async () => {
    // The map module (chartjs-chart-geo with d3-geo) and the boundary file come only to a page that draws a map;
    // they are measured and printed, and the rest of the page keeps the kabupaten portal's budget.
    const gz = (rel: string) => gzipSync(readFileSync(path.join(dist, rel)), { level: 9 }).length;
    const mapModule = readdirSync(path.join(dist, '_astro')).filter((f) => f.startsWith('map-draw'));
    expect(mapModule).toHaveLength(1);
    const mapPart = gz(`_astro/${mapModule[0]}`) + gz('data/kecamatan.topo.json');
    const page = await browser.newPage({ viewport: { width: 412, height: 915 } });
    // Province-wide pages compare the kabupaten/kota (a chart of every kecamatan would grow with the province).
    for (const [url, map, budget] of [
      ['/', true, true],
      ['/program/pkh/', true, true],
      ['/pmks/', true, true],
      ['/pmks/rincian/', false, true],
      ['/kabupaten/', true, true],
      ['/kecamatan/', false, true],
      ['/sasaran/', true, true],
      ['/kabupaten/34.03/', false, true],
      ['/kecamatan/34.03.01/', false, true],
    ] as const) {
      const w = await pageWeight(page, origin, dist, url, true);
      console.log(
        `province ${url}: ${(w.total / 1000).toFixed(1)} KB gzip, ${w.files} files${map ? `, of which the map ${(mapPart / 1000).toFixed(1)} KB` : ''}`,
      );
      if (budget) expect(w.total - (map ? mapPart : 0), url).toBeLessThanOrEqual(80_000);
    }
    await page.close();
    for (const q of ['gunungkidul', 'lansia']) {
      const w = await coldQuery(browser, origin, q);
      console.log(`province search "${q}": ${(w.query / 1000).toFixed(1)} KB beyond Pagefind's fixed part`);
      expect(w.query, q).toBeLessThanOrEqual(50_000);
    }
  }, 300_000);

  it('a build that runs out of memory says so in one sentence and leaves the published site as it was', async () => {
    const published = () => readFileSync(path.join(tmp, 'dist', 'index.html'), 'utf8');
    const before = published();
    const r = await promisify(execFile)(process.execPath, ['scripts/build.ts'], {
      cwd: ROOT,
      // A province's build runs again with the heap it is given: here far too little (DIY builds, slowly, in 150 MB).
      env: { ...process.env, DATA_DIR: data, OUT_DIR: path.join(tmp, 'dist'), TERANG_HEAP_MB: '64', LANG: 'id_ID.UTF-8' },
      maxBuffer: 64 << 20,
    }).then(
      () => ({ code: 0, stderr: '' }),
      (e: { code: number; stderr: string }) => e,
    );
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('GALAT: build kehabisan memori (heap 0.1 GB)');
    expect(r.stderr).toContain('Situs yang sudah terbit tidak diubah.');
    expect(published()).toBe(before);
    expect(realpathSync(path.join(tmp, 'dist'))).toBe(dist);
  }, 240_000);
});
