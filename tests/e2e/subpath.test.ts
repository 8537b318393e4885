/**
 * A site under a sub-path, as GitHub Pages serves a project site: the sample
 * built with BASE_PATH=/terang/ and served at /terang/ of a server whose root
 * holds nothing else. Every link and asset of every page resolves under
 * /terang/; in Chromium the charts draw, the map and the explorer load their
 * data, search finds pages and the lookup answers, and nothing is requested
 * outside /terang/.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drawEveryChart, launchBrowser, serve } from '../browser.ts';
import { ROOT } from '../helpers.ts';

const BASE = '/terang/';
const root = mkdtempSync(path.join(tmpdir(), 'terang-subpath-'));
const dist = path.join(root, 'terang');
let browser: Browser;
let server: Server;
let origin: string;
const outside: string[] = [];
const failed: string[] = [];

beforeAll(async () => {
  await promisify(execFile)(process.execPath, ['scripts/build.ts'], {
    cwd: ROOT,
    env: { ...process.env, OUT_DIR: dist, DATA_DIR: path.join(ROOT, 'data'), BASE_PATH: BASE },
    maxBuffer: 64 << 20,
  });
  browser = await launchBrowser();
  ({ server, origin } = await serve(root));
});
afterAll(async () => {
  await browser?.close();
  server?.close();
  rmSync(root, { recursive: true, force: true });
});

async function open(url: string): Promise<Page> {
  const page = await browser.newPage();
  page.on('request', (r) => {
    const u = new URL(r.url());
    if (u.origin === origin && !u.pathname.startsWith(BASE)) outside.push(u.pathname);
  });
  page.on('response', (r) => {
    if (r.url().startsWith(origin) && r.status() >= 400) failed.push(`${r.status()} ${r.url()}`);
  });
  await page.goto(`${origin}${BASE}${url}`);
  return page;
}

const htmlFiles = (dir: string): string[] =>
  (readdirSync(dir, { recursive: true, withFileTypes: true }) as import('node:fs').Dirent[])
    .filter((d) => d.isFile() && d.name.endsWith('.html'))
    .map((d) => path.join(d.parentPath, d.name));

describe(`the site served under ${BASE}`, () => {
  it('every link, stylesheet, script, image and form of every page resolves to a file under the base path', () => {
    const pages = htmlFiles(dist);
    expect(pages.length).toBeGreaterThan(200);
    const broken: string[] = [];
    for (const file of pages) {
      const html = readFileSync(file, 'utf8');
      const pageUrl = new URL(`${BASE}${path.relative(dist, file).split(path.sep).join('/')}`, 'http://x');
      for (const m of html.matchAll(/\s(?:href|src|action)="([^"#?]+)[^"]*"/g)) {
        const u = new URL(m[1]!.replaceAll('&amp;', '&'), pageUrl);
        if (u.origin !== 'http://x') continue; // another site (licence, sources, wa.me)
        if (!u.pathname.startsWith(BASE)) {
          broken.push(`${path.relative(dist, file)}: ${m[1]} (outside ${BASE})`);
          continue;
        }
        const rel = decodeURIComponent(u.pathname.slice(BASE.length));
        const target = path.join(dist, rel, rel === '' || rel.endsWith('/') ? 'index.html' : '');
        if (!existsSync(target)) broken.push(`${path.relative(dist, file)}: ${m[1]}`);
      }
    }
    expect(broken.slice(0, 20)).toEqual([]);
  });

  it('draws every chart and the map, and the explorer reads its data', async () => {
    for (const url of ['', 'program/pkh/', 'kecamatan/', 'en/']) {
      const page = await open(url);
      await drawEveryChart(page);
      expect(await page.locator('canvas[data-chart]').count(), url).toBeGreaterThan(0);
      await page.close();
    }
    const explorer = await open('data/jelajah/');
    await explorer.waitForSelector('table[data-explorer="table"] tbody tr', { timeout: 60_000 });
    await explorer.close();
  });

  it('search finds pages and links them under the base path', async () => {
    const page = await open('cari/?q=Sedayu');
    await page.waitForFunction(() => {
      const s = document.querySelector('#search-status')?.textContent ?? '';
      return s !== '' && !s.endsWith('…');
    });
    const urls = await page.$$eval('#search-results li > a', (as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
    expect(urls[0]).toBe(`${BASE}kecamatan/34.02.17/`);
    await page.close();
  });

  it('the lookup answers a synthetic person', async () => {
    const [nik, kk] = readFileSync(path.join(ROOT, 'scripts', 'sample', 'penerima-sintetis-bantul.csv'), 'utf8')
      .split('\r\n')[1]!
      .split(',');
    const page = await open('cek/');
    await page.fill('#nik', nik!);
    await page.fill('#kk', kk!);
    await page.click('#cek-form button[type=submit]');
    await page.waitForSelector('#cek-result h2', { timeout: 60_000 });
    expect(await page.$$eval('#cek-result li[data-answer="ya"]', (l) => l.length)).toBeGreaterThan(0);
    await page.close();
  });

  it('requested nothing outside the base path and nothing that failed', () => {
    expect(outside).toEqual([]);
    expect(failed).toEqual([]);
  });
});
