/**
 * The data explorer (/data/jelajah/) in Chromium on the built sample: it reads
 * the published JSON, shows every kecamatan, keeps its state in the URL, draws
 * the ranked chart, and its CSV download is exactly what the table shows.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { useSampleSite } from '../browser.ts';

const dist = inject('sampleDist');
const site = useSampleSite(dist);

/** The table as the reader sees it: code, value cell text, rank. */
const tableRows = (page: Page) =>
  page.$$eval('table[data-explorer="table"] tbody tr', (trs) =>
    trs.map((tr) => {
      const tds = tr.querySelectorAll('td');
      return {
        code: (tr as HTMLElement).dataset.code!,
        value: (tr as HTMLElement).dataset.value!,
        state: (tr as HTMLElement).dataset.state!,
        rank: tds[2]!.textContent!,
      };
    }),
  );

describe('the data explorer', () => {
  it('shows every kecamatan for a measure and year from the published JSON, ranked, with the chart drawn', async () => {
    const page = await site.browser.newPage();
    const csp: string[] = [];
    page.on('console', (m) => {
      if (/Content.Security.Policy|Refused to/i.test(m.text())) csp.push(m.text());
    });
    const requests: string[] = [];
    page.on('request', (r) => requests.push(new URL(r.url()).pathname));
    await page.goto(`${site.origin}/data/jelajah/?i=cakupan-pkh&y=2024`);
    await page.waitForSelector('table[data-explorer="table"] tbody tr');
    const rows = await tableRows(page);
    expect(rows).toHaveLength(17);
    // The numbers are the published ones: /data/cakupan.json, PKH, 2024, each kecamatan.
    const published = (JSON.parse(readFileSync(path.join(dist, 'data', 'cakupan.json'), 'utf8')) as Record<string, unknown>[]).filter(
      (r) => r.program === 'pkh' && r.tahun === 2024 && r.tingkat === 'kecamatan',
    );
    for (const r of rows) expect(Number(r.value)).toBe(published.find((p) => p.kode_wilayah === r.code)!.persen_cakupan);
    // Sorted by value, highest first, ranks 1..n.
    const values = rows.map((r) => Number(r.value));
    expect(values).toEqual([...values].sort((a, b) => b - a));
    expect(rows[0]!.rank).toBe('1');
    expect(requests).toContain('/data/cakupan.json');
    await page.waitForSelector('canvas[data-chart="jelajah"][data-values]', { timeout: 60_000 });
    const drawn = JSON.parse((await page.getAttribute('canvas[data-chart="jelajah"]', 'data-values'))!) as number[][];
    expect(drawn[0]).toEqual(values);
    expect(csp).toEqual([]);
    await page.close();
  });

  it('keeps its state in the URL, and the CSV download equals what the table shows', async () => {
    const page = await site.browser.newPage({ acceptDownloads: true });
    await page.goto(`${site.origin}/data/jelajah/`);
    await page.waitForSelector('table[data-explorer="table"] tbody tr');
    await page.selectOption('[data-explorer="indicator"]', 'pmks-semua');
    await page.selectOption('[data-explorer="year"]', '2023');
    await page.selectOption('[data-explorer="sort"]', 'name');
    await page.selectOption('[data-explorer="dir"]', 'asc');
    await page.fill('[data-explorer="filter"]', 'ba');
    await expect.poll(() => page.url()).toContain('q=ba');
    const url = new URL(page.url());
    expect(Object.fromEntries(url.searchParams)).toEqual({ i: 'pmks-semua', y: '2023', s: 'name', d: 'asc', q: 'ba' });
    // The URL can change a render before the filtered table does (a busy machine shows it): wait for the rows.
    await expect.poll(async () => (await tableRows(page)).length, { timeout: 60_000 }).toBeGreaterThan(0);
    await expect
      .poll(
        async () =>
          (await page.$$eval('table[data-explorer="table"] tbody th', (ths) => ths.map((th) => th.textContent!.toLowerCase()))).every((n) =>
            n.includes('ba'),
          ),
        { timeout: 60_000 },
      )
      .toBe(true);
    const rows = await tableRows(page);
    expect(rows.length).toBeLessThan(17);
    const names = await page.$$eval('table[data-explorer="table"] tbody th', (ths) => ths.map((th) => th.textContent!));
    for (const n of names) expect(n.toLowerCase()).toContain('ba');
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'id')));

    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-explorer="csv"]')]);
    const csv = readFileSync((await download.path())!, 'utf8')
      .replace(/^\ufeff/, '')
      .trim()
      .split('\r\n');
    expect(csv[0]).toBe('Kode wilayah,Kecamatan,Semua kategori PMKS (orang),Peringkat,Catatan');
    expect(csv.slice(1).map((l) => l.split(',')[0])).toEqual(rows.map((r) => r.code));
    expect(csv.slice(1).map((l) => l.split(',')[2])).toEqual(rows.map((r) => r.value));
    expect(csv.slice(1).map((l) => l.split(',')[3])).toEqual(rows.map((r) => (r.rank === '–' ? '' : r.rank)));

    // The same URL in a new page restores the same view.
    const again = await site.browser.newPage();
    await again.goto(url.toString());
    await again.waitForSelector('table[data-explorer="table"] tbody tr');
    expect(await tableRows(again)).toEqual(rows);
    await again.close();
    await page.close();
  });

  it('shows a hidden cell as hidden, without a rank, and empty in the CSV', async () => {
    const page = await site.browser.newPage();
    // PMKS category 1 at kecamatan level has cells hidden for privacy in the sample.
    const published = JSON.parse(readFileSync(path.join(dist, 'data', 'pmks.json'), 'utf8')) as Record<string, unknown>[];
    const hidden = published.find((r) => r.tingkat === 'kecamatan' && r.kerahasiaan === 'jumlah' && r.kategori !== '*')!;
    expect(hidden).toBeDefined();
    await page.goto(`${site.origin}/data/jelajah/?i=pmks-${hidden.kategori}&y=${hidden.tahun}`);
    await page.waitForSelector(`table[data-explorer="table"] tr[data-code="${hidden.kode_wilayah}"]`);
    const row = page.locator(`table[data-explorer="table"] tr[data-code="${hidden.kode_wilayah}"]`);
    expect(await row.getAttribute('data-state')).toBe('hidden');
    expect(await row.locator('td').nth(1).textContent()).toBe('disembunyikan (kerahasiaan)');
    expect(await row.locator('td').nth(2).textContent()).toBe('–');
    await page.close();
  });
});
