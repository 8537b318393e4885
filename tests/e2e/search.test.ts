/** Pagefind search in a real browser on the built sample portal, in both languages. */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { searchResults, useSampleSite } from '../browser.ts';
import { coldQuery } from './search-weight.ts';

const site = useSampleSite(inject('sampleDist'));
let page: Page;
let origin: string;
const offOrigin: string[] = [];

beforeAll(async () => {
  origin = site.origin;
  page = await site.browser.newPage();
  page.on('request', (r) => {
    if (!r.url().startsWith(origin)) offOrigin.push(r.url());
  });
});

const search = (q: string, base = '/cari/') => searchResults(page, origin, q, base);

describe('search', () => {
  it.each([
    ['Sedayu', '/kecamatan/34.02.17/'],
    ['Srandakan', '/kecamatan/34.02.01/'],
    ['Banguntapan', '/kecamatan/34.02.12/'],
  ])('"%s" returns its kecamatan page first', async (q, url) => {
    expect((await search(q))[0]).toBe(url);
  });

  it('"lansia" finds the Lanjut Usia Terlantar figures', async () => {
    const urls = await search('lansia');
    expect(urls).toContain('/pmks/');
    const excerpt = await page.$$eval('#search-results li', (lis) => lis.map((li) => li.textContent ?? '').join(' '));
    expect(excerpt.toLowerCase()).toContain('lansia');
  });

  it.each(['pkh', 'srandakan', 'lansia'])('"%s": excerpts keep a space between table cells, headings and paragraphs', async (q) => {
    await search(q);
    const excerpts = await page.$$eval('#search-results li p', (ps) => ps.map((p) => p.textContent ?? ''));
    expect(excerpts.length).toBeGreaterThan(0);
    // "2025KecamatanJumlahSrandakan", "TujuanBantuan": a number or a word run into the next capitalised one
    // (a brand spelled in camel case, "WhatsApp" in a Puskesos contact, is not one).
    const runTogether = (e: string) => /[a-z0-9][A-Z][a-z]/.test(e.replaceAll('WhatsApp', 'Whatsapp'));
    expect(excerpts.filter(runTogether), excerpts.join(' | ')).toEqual([]);
  });

  it('"miskin" finds the poverty page', async () => {
    expect((await search('miskin')).slice(0, 3)).toContain('/kemiskinan/');
  });

  it('"anggaran RTLH" finds the RTLH one-pager first', async () => {
    expect((await search('anggaran RTLH'))[0]).toBe('/program/rtlh/');
  });

  it('an English query finds English pages only', async () => {
    const urls = await search('disability', '/en/cari/');
    expect(urls.length).toBeGreaterThan(0);
    expect(urls.every((u) => u.startsWith('/en/'))).toBe(true);
    expect(urls).toContain('/en/pmks/');
  });

  it('filters by kind', async () => {
    await page.goto(`${origin}/cari/?q=Sedayu&jenis=Program`);
    await page.waitForFunction(() => {
      const s = document.querySelector('#search-status')?.textContent ?? '';
      return s !== '' && !s.endsWith('…');
    });
    const urls = await page.$$eval('#search-results li > a', (as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
    expect(urls.length).toBeGreaterThan(0);
    expect(urls.every((u) => u.startsWith('/program/'))).toBe(true);
  });

  it.each(['cek bansos', 'bansos saya', 'penerima bantuan'])('"%s" finds the aid lookup first', async (q) => {
    expect((await search(q))[0]).toBe('/cek/');
  });

  it('never points into the lookup (only at its page) or at an embed, and sends nothing off the origin', async () => {
    for (const q of ['cek', 'bantuan', 'NIK', 'PKH', 'sematan', 'Puskesos']) {
      const urls = await search(q);
      expect(
        urls.some((u) => (u.includes('/cek/') && u !== '/cek/') || u.includes('/embed/')),
        q,
      ).toBe(false);
    }
    expect(offOrigin).toEqual([]);
  });

  it('the header box on every page is a plain form to /cari/ that works from the keyboard', async () => {
    await page.goto(`${origin}/kemiskinan/`);
    await page.focus('#q-header');
    await page.keyboard.type('Sedayu');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/cari\/\?q=Sedayu/);
    await page.waitForSelector('#search-results li');
    expect(new URL(await page.$eval('#search-results li > a', (a) => (a as HTMLAnchorElement).href)).pathname).toBe('/kecamatan/34.02.17/');
  });
  it.each(['Sedayu', 'lansia', 'miskin', 'anggaran RTLH'])(
    'a cold query for "%s" fetches at most 50 KB beyond the search engine itself (numbers are not indexed)',
    async (q) => {
      const w = await coldQuery(site.browser, origin, q);
      expect(w.query).toBeGreaterThan(0);
      expect(w.query).toBeLessThanOrEqual(50_000);
    },
  );
});
