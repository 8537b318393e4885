/**
 * Printing a program one-pager straight after opening it, as a DPRD member
 * would: Chromium prints to PDF (A4), poppler (pdftotext, pdftoppm) reads the
 * PDF back. Every chart is on paper — its title on a page whose image has the
 * chart's colours drawn — and the key figures, budget, outputs and coverage
 * fit in two pages before the annex.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadImage, createCanvas } from '@napi-rs/canvas';
import { describe, expect, inject, it } from 'vitest';
import { useSampleSite } from '../browser.ts';

const site = useSampleSite(inject('sampleDist'));
const poppler = existsSync('/usr/bin/pdftoppm') && existsSync('/usr/bin/pdftotext');

/** Pixels of a page image that are clearly coloured (chart bars and lines), not black, grey or white text and rules. */
async function colouredPixels(png: Buffer): Promise<number> {
  const img = await loadImage(png);
  const c = createCanvas(img.width, img.height);
  const ctx = c.getContext('2d');
  ctx.drawImage(img, 0, 0);
  const { data } = ctx.getImageData(0, 0, img.width, img.height);
  let n = 0;
  for (let i = 0; i < data.length; i += 4) {
    const [r, g, b] = [data[i]!, data[i + 1]!, data[i + 2]!];
    if (Math.max(r, g, b) - Math.min(r, g, b) > 60) n++;
  }
  return n;
}

describe.skipIf(!poppler)('printing a one-pager (program or kecamatan)', () => {
  it.each([
    '/program/pkh/',
    '/program/pbi-jk/',
    '/program/sembako/',
    '/kecamatan/34.02.05/',
    '/kecamatan/34.02.12/',
    '/en/kecamatan/34.02.01/',
  ])('%s: every chart on paper, two pages before the annex', async (url) => {
    const page = await site.browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(site.origin + url);
    // No scrolling: a one-pager draws its charts when the browser is idle, so printing right away has them.
    await page.waitForFunction(
      () => [...document.querySelectorAll('canvas[data-chart]')].every((c) => (c as HTMLElement).dataset.values),
      null,
      {
        timeout: 60_000,
      },
    );
    const titles = await page.$$eval('[data-chart-block]', (bs) =>
      bs.map((b) => ({ title: b.querySelector('h2, h3')!.textContent!.trim(), annex: !!b.closest('.annex') })),
    );
    await page.emulateMedia({ media: 'print' });
    await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
    const dir = mkdtempSync(path.join(tmpdir(), 'terang-print-'));
    try {
      const pdf = path.join(dir, 'page.pdf');
      writeFileSync(pdf, await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true }));
      const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf]).toString())![1]);
      const text = Array.from({ length: pages }, (_, i) =>
        execFileSync('pdftotext', ['-f', String(i + 1), '-l', String(i + 1), pdf, '-'])
          .toString()
          .replace(/\s+/g, ' '),
      );
      const annexPage = text.findIndex((t) => t.includes(url.startsWith('/en/') ? 'Annex' : 'Lampiran: rincian dan tabel lengkap')) + 1;
      console.log(`${url}: ${pages} pages printed, the annex from page ${annexPage}`);
      expect(annexPage, 'the annex starts at page 3 at the latest').toBeGreaterThan(1);
      expect(annexPage).toBeLessThanOrEqual(3);
      execFileSync('pdftoppm', ['-r', '40', '-png', pdf, path.join(dir, 'p')]);
      const images = readdirSync(dir)
        .filter((f) => f.endsWith('.png'))
        .sort();
      for (const { title, annex } of titles) {
        const onPage = text.findIndex((t) => t.includes(title.replace(/\s+/g, ' ')));
        expect(onPage, `"${title}" is printed`).toBeGreaterThanOrEqual(0);
        if (!annex) expect(onPage, `"${title}" is in the first two pages`).toBeLessThan(2);
        expect(await colouredPixels(readFileSync(path.join(dir, images[onPage]!))), `"${title}" is drawn on its page`).toBeGreaterThan(800);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
      await page.close();
    }
  });

  it('a print button draws every chart, then prints', async () => {
    const page = await site.browser.newPage();
    await page.goto(`${site.origin}/kecamatan/34.02.01/`);
    await page.evaluate(() => {
      (window as unknown as { printed: number }).printed = 0;
      window.print = () => {
        (window as unknown as { printed: number }).printed++;
      };
    });
    await page.click('[data-print]');
    await page.waitForFunction(() => (window as unknown as { printed: number }).printed === 1, null, { timeout: 60_000 });
    expect(await page.$$eval('canvas[data-chart]', (cs) => cs.every((c) => (c as HTMLElement).dataset.values))).toBe(true);
    await page.close();
  });
});
