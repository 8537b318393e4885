/**
 * A journalist pastes the embed code into an article: the host page frames
 * the chart at the code's own height (and a 480 px frame for the chart with
 * the shortest code); the chart, its x-axis and its source line show without
 * scrolling inside the frame. English embeds link to English pages, and every
 * chart CSV has its source and licence beside it.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DomUtils, parseDocument } from 'htmlparser2';
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
    expect(inFrame.view).toBe(height);
    // The chart (its x-axis is inside the canvas, at its bottom) and the source line below it are within the frame.
    expect(inFrame.canvasBottom).toBeLessThanOrEqual(height);
    expect(inFrame.captionBottom).toBeLessThanOrEqual(height);
    expect(await frame.textContent('figcaption')).toContain('Sumber:');
    // The table is one click away, not in the way.
    expect(await frame.locator('details summary').textContent()).toBe('Lihat tabel');
    await host.close();
  });

  it('a 480 px frame shows a trend chart with its axis and source', async () => {
    const host = await site.browser.newPage({ viewport: { width: 640, height: 900 } });
    await host.route(`${site.origin}/__artikel`, (r) =>
      r.fulfill({
        contentType: 'text/html',
        body: `<!doctype html><iframe src="${site.origin}/embed/pmks-tren/" width="100%" height="480" style="border:0"></iframe>`,
      }),
    );
    await host.goto(`${site.origin}/__artikel`);
    const frame = (await (await host.waitForSelector('iframe')).contentFrame())!;
    await frame.waitForSelector('canvas[data-chart][data-values]', { timeout: 60_000 });
    const caption = await frame.evaluate(() => document.querySelector('figcaption')!.getBoundingClientRect().bottom);
    expect(caption).toBeLessThanOrEqual(480);
    await host.close();
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
  });
});
