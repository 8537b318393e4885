/**
 * Charts in a real browser (Debian Chromium via playwright-core) on the built
 * sample portal: every chart draws, its table holds the same numbers, the CSV
 * download returns them, the embed page renders, and the kecamatan map draws
 * when boundaries exist.
 */
import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, serve } from '../browser.ts';
import { ROOT } from '../helpers.ts';
import { chartJsSplit } from '../../scripts/bench/chart-js.ts';
import { inkRatio } from './draw.ts';
import { pageWeight } from './weight.ts';

let browser: Browser;
let server: Server;
let origin: string;
const dist = inject('sampleDist');

beforeAll(async () => {
  browser = await launchBrowser();
  ({ server, origin } = await serve(dist));
});
afterAll(async () => {
  await browser?.close();
  server?.close();
});

/** The numbers of the build-time table, series by series (null for an empty cell). */
async function tableSeries(page: Page, id: string): Promise<(number | null)[][]> {
  return page.$eval(`table[data-chart-table="${id}"]`, (t) => {
    const rows = [...t.querySelectorAll('tbody tr')].map((tr) =>
      [...tr.querySelectorAll('td')].map((td) => (td.dataset.value === '' ? null : Number(td.dataset.value))),
    );
    return rows[0]!.map((_, j) => rows.map((r) => r[j]!));
  });
}

async function checkChartsOn(page: Page, url: string): Promise<string[]> {
  await page.goto(origin + url);
  const ids = await page.$$eval('figure[data-chart-figure]', (fs) => fs.map((f) => (f as HTMLElement).dataset.chartFigure!));
  expect(ids.length, url).toBeGreaterThan(0);
  for (const id of ids) {
    const canvas = `canvas[data-chart="${id}"]`;
    await page.locator(canvas).scrollIntoViewIfNeeded();
    await page.waitForSelector(`${canvas}[data-values]`, { timeout: 15_000 });
    expect(await inkRatio(page, canvas), `${url} ${id} is blank`).toBeGreaterThan(0.01);
    const drawn = JSON.parse((await page.getAttribute(canvas, 'data-values'))!) as (number | null)[][];
    expect(drawn, `${url} ${id}: chart and table differ`).toEqual(await tableSeries(page, id));

    // The CSV download holds exactly those numbers.
    const [download] = await Promise.all([page.waitForEvent('download'), page.click(`[data-chart-block="${id}"] a[href$="data.csv"]`)]);
    const csv = readFileSync((await download.path())!, 'utf8')
      .trim()
      .split('\r\n')
      .map((l) => l.split(','));
    const header = csv[0]!;
    const first = header[1] === 'Kode wilayah' ? 2 : 1;
    // After the series, a column names the series hidden for privacy in that row (their cells are empty, as in the
    // table); sample data ends every row with its note.
    const hiddenCol = header.indexOf('Disembunyikan (kerahasiaan)');
    expect(hiddenCol).toBeGreaterThan(first);
    expect(header.slice(hiddenCol + 1)).toEqual(['catatan']);
    const fromCsv = header
      .slice(first, hiddenCol)
      .map((_, j) => csv.slice(1).map((r) => (r[first + j] === '' ? null : Number(r[first + j]))));
    expect(fromCsv, `${url} ${id}: CSV differs`).toEqual(drawn);
    const hiddenInTable = await page.$$eval(`table[data-chart-table="${id}"] tbody tr`, (trs) =>
      trs.map((tr) => tr.querySelectorAll('td[data-hidden]').length),
    );
    expect(
      csv.slice(1).map((r) => (r[hiddenCol] ? r[hiddenCol]!.split('; ').length : 0)),
      `${url} ${id}: hidden cells differ`,
    ).toEqual(hiddenInTable);
  }
  return ids;
}

describe('charts in Chromium', () => {
  it('home: every chart draws, matches its table and its CSV', async () => {
    const page = await browser.newPage({ acceptDownloads: true });
    const ids = await checkChartsOn(page, '/');
    expect(ids).toContain('indikator-registri-anggaran-kemiskinan');
    await page.close();
  });

  it('a program page: every chart draws, matches its table and its CSV', async () => {
    const page = await browser.newPage({ acceptDownloads: true });
    expect(await checkChartsOn(page, '/program/pkh/')).toEqual([
      'program-pkh-anggaran',
      'program-pkh-keluaran',
      'program-pkh-cakupan',
      'sasaran-pkh-desil',
      'sasaran-pkh-kecamatan',
    ]);
    await page.close();
  });

  it('a kecamatan page: every chart draws, matches its table and its CSV', async () => {
    const page = await browser.newPage({ acceptDownloads: true });
    expect(await checkChartsOn(page, '/kecamatan/34.02.17/')).toEqual(['kecamatan-34.02.17-cakupan', 'kecamatan-34.02.17-pmks']);
    await page.close();
  });

  it('the embed page shows just the chart with its source line', async () => {
    const page = await browser.newPage();
    await page.goto(`${origin}/embed/program-pkh-cakupan/`);
    await page.waitForSelector('canvas[data-chart="program-pkh-cakupan"][data-values]');
    expect(await inkRatio(page, 'canvas')).toBeGreaterThan(0.01);
    expect(await page.locator('nav').count()).toBe(0);
    expect(await page.textContent('figcaption')).toContain('Sumber:');
    expect(await page.textContent('body')).toContain('Data contoh — bukan data resmi');
    await page.close();
  });

  it('without boundaries, a ranked bar chart stands in for the map; how to add one is told to the operator, not the reader', async () => {
    const page = await browser.newPage();
    await page.goto(`${origin}/program/pkh/`);
    expect(await page.locator('canvas[data-chart="program-pkh-cakupan"]').count()).toBe(1);
    expect(await page.textContent('body')).not.toContain('npm run geo:import');
    expect(readFileSync(inject('sampleReport'), 'utf8')).toContain('npm run geo:import');
    await page.close();
  });

  it('keeps page weights within budget (gzip, HTML+CSS+JS): every chart drawn in ≤ 80 KB, our own chart code ≤ 10 KB', async () => {
    const page = await browser.newPage({ viewport: { width: 412, height: 915 } });
    for (const url of ['/', '/program/pkh/', '/kecamatan/34.02.01/']) {
      const full = await pageWeight(page, origin, dist, url, true);
      expect(full.total, url).toBeLessThanOrEqual(80_000);
    }
    const textOnly = await pageWeight(page, origin, dist, '/metodologi/', true);
    expect(textOnly.byType.js ?? 0).toBe(0); // no JavaScript on a page without a chart or a form
    await page.close();
    const { chartJs, ours } = await chartJsSplit();
    expect(ours).toBeLessThanOrEqual(10_000);
    expect(chartJs).toBeGreaterThan(ours); // the split measures what it says
  });
});

const SHARED_BANTUL = path.resolve(ROOT, '..', 'shared', 'geo', 'bantul-3402-desa-hdx2020.geojson');
describe.skipIf(!existsSync(SHARED_BANTUL))('the kecamatan map', () => {
  const tmp = mkdtempSync(path.join(tmpdir(), 'terang-map-'));
  let mapServer: Server;
  let mapOrigin: string;
  beforeAll(async () => {
    cpSync(path.join(ROOT, 'data'), path.join(tmp, 'data'), { recursive: true });
    const run = promisify(execFile);
    await run(process.execPath, ['scripts/geo-import.ts', SHARED_BANTUL, '--data', path.join(tmp, 'data')], { cwd: ROOT });
    await run(process.execPath, ['scripts/build.ts'], {
      cwd: ROOT,
      env: { ...process.env, DATA_DIR: path.join(tmp, 'data'), OUT_DIR: path.join(tmp, 'dist') },
    });
    ({ server: mapServer, origin: mapOrigin } = await serve(path.join(tmp, 'dist')));
  });
  afterAll(() => {
    mapServer?.close();
    rmSync(tmp, { recursive: true, force: true });
  });

  it('draws a choropleth of coverage whose values are the table numbers, keyed by Kemendagri code', async () => {
    const page = await browser.newPage();
    await page.goto(`${mapOrigin}/program/pkh/`);
    const canvas = 'canvas[data-chart="program-pkh-cakupan"]';
    await page.locator(canvas).scrollIntoViewIfNeeded();
    await page.waitForSelector(`${canvas}[data-values]`, { timeout: 15_000 });
    expect(await inkRatio(page, canvas)).toBeGreaterThan(0.05);
    const drawn = new Map(JSON.parse((await page.getAttribute(canvas, 'data-values'))!) as [string, number][]);
    expect(drawn.size).toBe(17);
    const table = await page.$$eval('table[data-chart-table="program-pkh-cakupan"] tbody tr', (trs) =>
      trs.map((tr) => [tr.querySelector('th')!.textContent, Number((tr.querySelector('td') as HTMLElement).dataset.value)] as const),
    );
    const csv = await (await page.request.get(`${mapOrigin}/embed/program-pkh-cakupan/data.csv`)).text();
    for (const line of csv.trim().split('\r\n').slice(1)) {
      const [name, code, value] = line.split(',');
      expect(drawn.get(code!)).toBe(Number(value));
      expect(table.find(([n]) => n === name)![1]).toBe(Number(value));
    }
    expect(await page.textContent('#program-pkh-cakupan')).toContain('CC BY-IGO 3.0');
    await page.close();
  });
});
