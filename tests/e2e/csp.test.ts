/** Every page template under its Content-Security-Policy: no violation, no request off the origin. */
import { describe, expect, inject, it } from 'vitest';
import { drawEveryChart, useSampleSite } from '../browser.ts';

const site = useSampleSite(inject('sampleDist'));

const TEMPLATES = [
  '/',
  '/kemiskinan/',
  '/pmks/',
  '/psks/',
  '/anggaran/',
  '/program/',
  '/program/pkh/',
  '/kecamatan/',
  '/kecamatan/34.02.05/',
  '/data/',
  '/metodologi/',
  '/embed/indikator-registri-anggaran-kemiskinan/',
  '/en/',
  '/en/kecamatan/34.02.05/',
  '/cek/',
  '/cari/?q=Sedayu',
];

describe('Content-Security-Policy', () => {
  it.each(TEMPLATES)('%s loads with zero CSP violations and zero off-origin requests', async (url) => {
    const page = await site.browser.newPage({ acceptDownloads: true });
    const violations: string[] = [];
    const offOrigin: string[] = [];
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => {
        (window as unknown as { __csp: string[] }).__csp ??= [];
        (window as unknown as { __csp: string[] }).__csp.push(`${e.violatedDirective} ${e.blockedURI}`);
      });
    });
    page.on('console', (m) => {
      if (/Content.Security.Policy|Refused to/i.test(m.text())) violations.push(m.text());
    });
    page.on('request', (r) => {
      if (!r.url().startsWith(site.origin) && !r.url().startsWith('data:') && !r.url().startsWith('blob:')) offOrigin.push(r.url());
    });
    await page.goto(site.origin + url, { waitUntil: 'networkidle' });
    expect(await page.getAttribute('meta[http-equiv="content-security-policy"]', 'content')).toContain("default-src 'self'");
    // Exercise what runs scripts: scroll every chart into view; run a lookup; run a search.
    await drawEveryChart(page);
    if (url === '/cek/') {
      await page.fill('#nik', '3402014101909001');
      await page.fill('#kk', '3402010101209001');
      await page.click('#cek-form button[type=submit]');
      await page.waitForSelector('#cek-result h2', { timeout: 30_000 });
    }
    if (url.startsWith('/cari/')) await page.waitForSelector('#search-results li', { timeout: 15_000 });
    await page.waitForLoadState('networkidle');
    const canvases = await page.$$eval('canvas[data-chart]', (cs) => cs.filter((c) => !(c as HTMLElement).dataset.values).length);
    expect(canvases, 'every chart drew').toBe(0);
    violations.push(...(await page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? [])));
    expect(violations).toEqual([]);
    expect(offOrigin).toEqual([]);
    await page.close();
  });

  it('allows WebAssembly only on the pages that need it', async () => {
    const page = await site.browser.newPage();
    for (const [url, wasm] of [
      ['/cek/', true],
      ['/cari/', true],
      ['/', false],
      ['/program/pkh/', false],
    ] as const) {
      await page.goto(site.origin + url);
      expect((await page.getAttribute('meta[http-equiv="content-security-policy"]', 'content'))!.includes("'wasm-unsafe-eval'"), url).toBe(
        wasm,
      );
    }
    await page.close();
  });
});
