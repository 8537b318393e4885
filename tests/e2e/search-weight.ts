/**
 * What a cold search costs a phone: a new browser context (empty cache) opens
 * /cari/?q=…, and every response under /pagefind/ is counted as sent on the
 * wire. Pagefind's engine (its script and WebAssembly, ~72 KB, the same for
 * every query and cached afterwards) is counted apart from what the query
 * itself fetches (index chunks and result fragments). No Vitest here: the
 * bench uses it too.
 */
import type { Browser, Request } from 'playwright-core';

export interface SearchWeight {
  engine: number;
  query: number;
  /** The first results' URLs, to check trimming kept them. */
  top: string[];
}

export async function coldQuery(browser: Browser, origin: string, q: string): Promise<SearchWeight> {
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  const done: Request[] = [];
  page.on('requestfinished', (r) => done.push(r));
  await page.goto(`${origin}/cari/?q=${encodeURIComponent(q)}`);
  await page.waitForSelector('#search-results li', { timeout: 30_000 });
  await page.waitForLoadState('networkidle');
  const w: SearchWeight = { engine: 0, query: 0, top: [] };
  for (const r of done) {
    if (!r.url().includes('/pagefind/')) continue;
    const s = await r.sizes();
    const bytes = s.responseBodySize + s.responseHeadersSize;
    if (/\/pagefind\/(index|fragment|filter)\//.test(r.url())) w.query += bytes;
    else w.engine += bytes;
  }
  w.top = await page.$$eval('#search-results li a', (as) => as.slice(0, 3).map((a) => a.getAttribute('href')!));
  await ctx.close();
  return w;
}
