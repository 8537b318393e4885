/**
 * Accessibility in a real browser: an axe-core sweep (WCAG 2.1 AA) over every
 * page template, a keyboard-only walk through the lookup and the search, and
 * no horizontal scrolling at 320 px (tables scroll in their own box).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { drawEveryChart, useSampleSite } from '../browser.ts';
import { axe } from './axe.ts';

const site = useSampleSite(inject('sampleDist'));

/** A page loaded with every chart drawn (each chart is waited for by itself: no fixed pause, no network-idle wait). */
async function open(url: string, width = 1280, draw = true): Promise<Page> {
  const page = await site.browser.newPage({ viewport: { width, height: 900 } });
  await page.goto(site.origin + url, { waitUntil: 'load' });
  if (draw) await drawEveryChart(page);
  return page;
}

/** Every page a reader can reach from a search engine (the sitemap), plus the pages it leaves out on purpose. */
const SITEMAP = [
  ...readFileSync(path.join(inject('sampleDist'), 'sitemap.xml'), 'utf8').matchAll(/<loc>https?:\/\/[^/]+([^<]*)<\/loc>/g),
].map((m) => m[1]!);
const TEMPLATES = [...SITEMAP, '/embed/program-pkh-cakupan/'];

describe('axe-core, WCAG 2.1 AA', () => {
  it('walks every page of the sitemap', () => expect(SITEMAP.length).toBeGreaterThan(60));
  // Drawing a chart only sets data attributes on its canvas (client/chart-draw.ts), which axe does not judge:
  // charts are drawn on the first page of each section, and every page is checked.
  const sectionOf = (url: string) => /^\/(en\/)?[^/]*/.exec(url)![0];
  const first = new Map<string, string>();
  for (const u of TEMPLATES) if (!first.has(sectionOf(u))) first.set(sectionOf(u), u);
  // Every page is checked at 360 px, the phones most readers have (below, with the layout checks, one load per
  // page); at a desktop's 1280 px, the first page of each section with its charts drawn, and the embed.
  it.each(TEMPLATES.filter((u) => first.get(sectionOf(u)) === u || !SITEMAP.includes(u)))(
    '%s has no violations at 1280 px',
    async (url) => {
      const page = await open(url, 1280);
      expect(await axe(page)).toEqual([]);
      await page.close();
    },
  );

  it("the operator's report, a file beside the site (never in it), has no violations", async () => {
    const page = await site.browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`file://${inject('sampleReport')}`);
    expect(await page.textContent('h1')).toBe('Laporan untuk operator');
    expect(await axe(page)).toEqual([]);
    await page.close();
  });

  it('/cek/ with an error and with a result has no violations', async () => {
    const page = await open('/cek/');
    await page.fill('#nik', '123');
    await page.fill('#kk', '3402010101209001');
    await page.click('#cek-form button[type=submit]');
    await page.waitForFunction(() => document.querySelector('#nik-error')?.textContent !== '');
    expect(await axe(page)).toEqual([]);
    const [nik, kk] = readFileSync('scripts/sample/penerima-sintetis-bantul.csv', 'utf8').split('\r\n')[1]!.split(',');
    await page.fill('#nik', nik!);
    await page.fill('#kk', kk!);
    await page.click('#cek-form button[type=submit]');
    await page.waitForSelector('#cek-result h2');
    expect(await axe(page)).toEqual([]);
    await page.close();
  });

  it('/cari/ with results has no violations', async () => {
    const page = await open('/cari/?q=Sedayu');
    await page.waitForSelector('#search-results li');
    expect(await axe(page)).toEqual([]);
    await page.close();
  });
});

describe('keyboard only', () => {
  const focused = (page: Page) =>
    page.evaluate(() => {
      const el = document.activeElement as HTMLElement;
      const style = getComputedStyle(el);
      return {
        id: el.id,
        tag: el.tagName,
        text: el.textContent?.trim().slice(0, 30),
        outline: style.outlineStyle !== 'none' && style.outlineWidth !== '0px',
      };
    });

  it('reaches the lookup form in a logical order, with visible focus, and announces the result', async () => {
    const page = await open('/cek/');
    await page.evaluate(() => window.scrollTo(0, 0));
    const order: string[] = [];
    for (let i = 0; i < 40 && !order.includes('kk'); i++) {
      await page.keyboard.press('Tab');
      const f = await focused(page);
      expect(f.outline, `focus not visible on ${f.tag}#${f.id} "${f.text}"`).toBe(true);
      order.push(f.id || f.tag);
    }
    expect(order[0]).toBe('A'); // the skip link first
    expect(order.indexOf('nik')).toBeLessThan(order.indexOf('kk'));
    const [nik, kk] = readFileSync('scripts/sample/penerima-sintetis-bantul.csv', 'utf8').split('\r\n')[1]!.split(',');
    await page.focus('#nik');
    await page.keyboard.type(nik!);
    await page.keyboard.press('Tab');
    await page.keyboard.type(kk!);
    await page.keyboard.press('Enter');
    await page.waitForSelector('#cek-result h2');
    expect(await page.getAttribute('#cek-result', 'aria-live')).toBe('polite');
    expect(await page.getAttribute('#cek-status', 'role')).toBe('status');
    expect((await focused(page)).id).toBe('cek-result'); // focus moves to the answer
    await page.close();
  });

  it('searches from the keyboard and announces the number of results', async () => {
    const page = await open('/cari/');
    await page.focus('#q');
    await page.keyboard.type('lansia');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#search-results li');
    expect(await page.getAttribute('#search-status', 'aria-live')).toBe('polite');
    expect(await page.textContent('#search-status')).toMatch(/\d+ hasil/);
    await page.keyboard.press('Tab');
    expect((await focused(page)).outline).toBe(true);
    await page.close();
  });
});

describe('small screens and zoom', () => {
  it.each(['/', '/pmks/', '/program/pkh/', '/kecamatan/34.02.11/', '/cek/', '/data/', '/en/anggaran/'])(
    '%s fits 320 px without horizontal scrolling',
    async (url) => {
      const page = await open(url, 320);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await page.close();
    },
  );
  // One phone-sized page goes through the sitemap (a new page per URL costs more than the checks).
  let phone: Page;
  beforeAll(async () => {
    phone = await site.browser.newPage({ viewport: { width: 360, height: 740 } });
  });
  afterAll(() => phone?.close());
  it.each(SITEMAP)(
    '%s at 360 px: no axe violation, the page never scrolls sideways, every table column is reachable in its box',
    async (url) => {
      const page = phone;
      await page.goto(site.origin + url);
      expect(await axe(page)).toEqual([]);
      expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
      const boxes = await page.$$eval('.table-wrap', (ws) =>
        ws.map((w) => {
          const box = w as HTMLElement;
          box.scrollLeft = box.scrollWidth; // as far right as a finger can swipe
          const r = box.getBoundingClientRect();
          const last = box.querySelector('thead th:last-child, tr:first-child > :last-child')?.getBoundingClientRect();
          const first = box.querySelector('tbody th[scope="row"]')?.getBoundingClientRect();
          return {
            focusable: box.tabIndex >= 0 || box.scrollWidth <= box.clientWidth,
            lastInView: !last || (last.right <= r.right + 1 && last.left >= r.left - 1),
            firstStays: !first || (first.left >= r.left - 1 && first.left <= r.left + 2),
          };
        }),
      );
      for (const [i, b] of boxes.entries()) {
        expect(b.focusable, `table ${i} can be scrolled from the keyboard`).toBe(true);
        expect(b.lastInView, `table ${i}: its last column can be brought into view`).toBe(true);
        expect(b.firstStays, `table ${i}: its first column stays in view`).toBe(true);
      }
    },
  );
  it("every page's purpose is on a 360 × 640 phone's first screen: the lookup's two fields and its button, the first search result", async () => {
    const page = await site.browser.newPage({ viewport: { width: 360, height: 640 } });
    await page.goto(`${site.origin}/cek/`);
    const bottom = (sel: string) => page.$eval(sel, (e) => e.getBoundingClientRect().bottom);
    expect(await bottom('#kk')).toBeLessThanOrEqual(640);
    expect(await bottom('#cek-form button[type="submit"]')).toBeLessThanOrEqual(640);
    await page.goto(`${site.origin}/cari/?q=pkh`);
    await page.waitForSelector('#search-results li');
    expect(await page.$eval('#search-results li', (e) => e.getBoundingClientRect().top)).toBeLessThan(640);
    // The menu is one line, and opens without JavaScript (a disclosure); on a desktop every item is in view.
    await page.goto(`${site.origin}/kecamatan/34.02.05/`);
    const menu = page.locator('nav details summary');
    expect(await menu.textContent()).toContain('Kecamatan');
    expect(await page.locator('nav details a[href="/cek/"]').isVisible()).toBe(false);
    await menu.click();
    expect(await page.locator('nav details a[href="/cek/"]').isVisible()).toBe(true);
    await page.setViewportSize({ width: 1280, height: 800 });
    expect(await page.locator('nav > ul a[href="/cek/"]').isVisible()).toBe(true);
    expect(await menu.isVisible()).toBe(false);
    await page.close();
  });
  it('fits 200% zoom of a 1280 px window (a 640 px CSS viewport)', async () => {
    const page = await open('/kecamatan/34.02.11/', 640);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    await page.close();
  });
});
