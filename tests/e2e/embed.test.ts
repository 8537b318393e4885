/**
 * A journalist pastes the embed code into an article: the host page frames
 * the chart at the code's own height (and a 480 px frame for the chart with
 * the shortest code); the chart, its x-axis and its source line show without
 * scrolling inside the frame. English embeds link to English pages, and every
 * chart CSV has its source and licence beside it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { DomUtils, parseDocument } from 'htmlparser2';
import Papa from 'papaparse';
import { describe, expect, inject, it } from 'vitest';
import { useSampleSite } from '../browser.ts';

const dist = inject('sampleDist');
const site = useSampleSite(dist);

/** The embed code a page offers for one chart, with this server as the site. */
function embedCode(pagePath: string, id: string): string {
  const doc = parseDocument(readFileSync(path.join(dist, pagePath, 'index.html'), 'utf8'));
  const block = DomUtils.findOne((e) => e.attribs['data-chart-block'] === id, doc.children)!;
  const code = DomUtils.textContent(DomUtils.findOne((e) => 'data-embed-code' in e.attribs, [block])!);
  return code.replace(/src="https?:\/\/[^/]+\//, `src="${site.origin}/`);
}

describe('embeds', () => {
  it.each([
    ['kemiskinan', 'kemiskinan-persen'],
    ['program/pkh', 'program-pkh-cakupan'],
    ['pmks', 'pmks-kategori'],
  ])('the embed code of %s › %s shows the whole chart with its x-axis and source line in its frame', async (page, id) => {
    const code = embedCode(page, id);
    const height = Number(/height="(\d+)"/.exec(code)![1]);
    const host = await site.browser.newPage({ viewport: { width: 640, height: 900 } });
    await host.route(`${site.origin}/__artikel`, (r) =>
      r.fulfill({ contentType: 'text/html', body: `<!doctype html><title>Artikel</title><p>Berita.</p>${code}<p>Lanjutan.</p>` }),
    );
    await host.goto(`${site.origin}/__artikel`);
    const frame = (await (await host.waitForSelector('iframe')).contentFrame())!;
    await frame.waitForSelector(`canvas[data-chart="${id}"][data-values]`, { timeout: 60_000 });
    const inFrame = await frame.evaluate(() => {
      const canvas = document.querySelector('canvas[data-chart]')!.getBoundingClientRect();
      const caption = document.querySelector('figcaption')!.getBoundingClientRect();
      return {
        canvasBottom: canvas.bottom,
        captionBottom: caption.bottom,
        scroll: document.documentElement.scrollHeight,
        view: window.innerHeight,
      };
    });
    expect(inFrame.view).toBeLessThanOrEqual(height); // the code's script may shrink the frame to the content
    // The chart (its x-axis is inside the canvas, at its bottom) and the source line below it are within the frame.
    expect(inFrame.canvasBottom).toBeLessThanOrEqual(height);
    expect(inFrame.captionBottom).toBeLessThanOrEqual(height);
    expect(await frame.textContent('figcaption')).toContain('Sumber:');
    // The table is one click away, not in the way.
    expect(await frame.locator('details summary').textContent()).toBe('Lihat tabel');
    await host.close();
  });

  it.each([
    ['kemiskinan', 'kemiskinan-persen'],
    ['pmks', 'pmks-kategori'],
    ['program/pkh', 'program-pkh-cakupan'],
  ])('in a 480 px column, the code of %s › %s fits its content, and its script follows the posted height', async (page, id) => {
    const code = embedCode(page, id);
    const start = Number(/height="(\d+)"/.exec(code)![1]);
    const host = await site.browser.newPage({ viewport: { width: 480, height: 800 } });
    await host.route(`${site.origin}/__artikel`, (r) =>
      r.fulfill({
        contentType: 'text/html',
        body: `<!doctype html><title>Artikel</title><body style="margin:0"><p>Berita.</p>${code}<p>Lanjutan.</p>`,
      }),
    );
    await host.goto(`${site.origin}/__artikel`);
    const frame = (await (await host.waitForSelector('iframe')).contentFrame())!;
    await frame.waitForSelector(`canvas[data-chart="${id}"][data-values]`, { timeout: 60_000 });
    const content = () => frame.evaluate(() => Math.ceil(document.body.getBoundingClientRect().height));
    // The starting height already holds everything down to the links, without scrolling in the frame.
    expect(await content()).toBeLessThanOrEqual(start);
    const linksBottom = await frame.evaluate(() =>
      Math.max(...[...document.querySelectorAll('a, summary')].map((a) => a.getBoundingClientRect().bottom)),
    );
    expect(linksBottom).toBeLessThanOrEqual(start);
    // The code's own script resizes the frame to the content, which then no longer changes.
    await expect.poll(async () => Number(await host.getAttribute('iframe', 'height')), { timeout: 20_000 }).toBe(await content());
    expect(await frame.evaluate(() => document.documentElement.scrollHeight <= window.innerHeight)).toBe(true);
    await host.close();
  });

  it('a host resizing the frame to each posted height ten times converges (the height never depends on the frame)', async () => {
    const host = await site.browser.newPage({ viewport: { width: 480, height: 800 } });
    await host.route(`${site.origin}/__artikel`, (r) =>
      r.fulfill({
        contentType: 'text/html',
        body: `<!doctype html><title>Artikel</title><iframe src="${site.origin}/embed/pmks-tren/" width="100%" height="570" style="border:0"></iframe>
<script>window.posted = []; addEventListener('message', (e) => { if (e.data && e.data.type === 'terang:height') window.posted.push(e.data.height); });</script>`,
      }),
    );
    await host.goto(`${site.origin}/__artikel`);
    const frame = (await (await host.waitForSelector('iframe')).contentFrame())!;
    await frame.waitForSelector('canvas[data-chart][data-values]', { timeout: 60_000 });
    await expect.poll(() => host.evaluate(() => (window as unknown as { posted: number[] }).posted.length)).toBeGreaterThan(0);
    const heights: number[] = [];
    for (let i = 0; i < 10; i++) {
      const last = await host.evaluate(() => (window as unknown as { posted: number[] }).posted.at(-1)!);
      await host.evaluate((h) => document.querySelector('iframe')!.setAttribute('height', String(h)), last);
      await host.waitForTimeout(200);
      heights.push(Number(await host.getAttribute('iframe', 'height')));
    }
    expect(new Set(heights).size, heights.join(', ')).toBe(1);
    expect(heights[0]).toBeLessThan(1200);
    await host.close();
  });

  it("a chart's workbook holds the CSV's numbers, typed, with the source and the sample warning", async () => {
    const csv = readFileSync(path.join(dist, 'embed', 'pmks-kategori', 'data.csv'), 'utf8')
      .trim()
      .split('\r\n');
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(path.join(dist, 'embed', 'pmks-kategori', 'data.xlsx'));
    const sheet = book.getWorksheet('data')!;
    expect(sheet.rowCount).toBe(csv.length);
    const header = csv[0]!.split(',');
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(header);
    const col = header.findIndex((h) => /^PMKS/.test(h)) + 1;
    for (let r = 2; r <= sheet.rowCount; r++) {
      const cell = sheet.getRow(r).getCell(col).value;
      const inCsv = Papa.parse<string[]>(csv[r - 1]!).data[0]![col - 1]!;
      expect(cell === null ? '' : cell, `row ${r}`).toBe(inCsv === '' ? '' : Number(inCsv)); // a number, not text
    }
    const about = book.getWorksheet('Tentang')!;
    const text = about.getColumn(2).values.join(' ');
    expect(text).toContain('Data contoh — bukan data resmi');
    expect(text).toContain('Creative Commons');
  });

  it('English embeds link back to English pages', () => {
    const doc = parseDocument(readFileSync(path.join(dist, 'en', 'embed', 'pmks-tren', 'index.html'), 'utf8'));
    const links = DomUtils.findAll((e) => e.name === 'a' && e.attribs.target === '_blank', doc.children).map((a) => a.attribs.href);
    expect(links).toEqual(['/en/pmks/#pmks-tren']);
  });

  it('every chart CSV has its source, licence and release beside it (datapackage.json), and says when the data are a sample', () => {
    const pkg = JSON.parse(readFileSync(path.join(dist, 'embed', 'pmks-tren', 'datapackage.json'), 'utf8'));
    expect(pkg.resources[0].path).toBe('data.csv');
    expect(pkg.licenses[0].path).toMatch(/creativecommons\.org/);
    expect(pkg.sources[0].title).toContain('Sumber:');
    expect(pkg.version).toBe('2026-1');
    expect(pkg.peringatan).toContain('Data contoh');
    const header = readFileSync(path.join(dist, 'embed', 'pmks-tren', 'data.csv'), 'utf8')
      .split('\r\n')[0]!
      .split(',');
    expect(pkg.resources[0].schema.fields.map((f: { name: string }) => f.name)).toEqual(header);
    // Passed on alone, every chart CSV of the sample still says so, on every row, in both languages.
    for (const lang of ['', 'en/']) {
      const dir = path.join(dist, lang, 'embed');
      for (const id of readdirSync(dir)) {
        const rows = readFileSync(path.join(dir, id, 'data.csv'), 'utf8')
          .trim()
          .split('\r\n')
          .slice(1);
        expect(rows.length, id).toBeGreaterThan(0);
        for (const r of rows)
          expect(r, `${lang}embed/${id}`).toMatch(lang ? /Sample data — not official statistics\.$/ : /Data contoh — bukan data resmi\.$/);
      }
    }
  });
});
