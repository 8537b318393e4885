/** Real-browser helpers: Debian's Chromium driven by playwright-core, the built site served on loopback. */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { serveStatic } from '../scripts/serve.ts';

export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
];

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_FLAGS, headless: true });
}

export async function serve(dir: string): Promise<{ server: Server; origin: string }> {
  const server = await serveStatic(dir, 0);
  return { server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

/** A Chromium and the built sample site on loopback for one test file (started in beforeAll, closed in afterAll). */
export function useSampleSite(dist: string): { browser: Browser; origin: string } {
  const ctx = {} as { browser: Browser; origin: string; server?: Server };
  beforeAll(async () => {
    ctx.browser = await launchBrowser();
    const s = await serve(dist);
    ctx.server = s.server;
    ctx.origin = s.origin;
  });
  afterAll(async () => {
    await ctx.browser?.close();
    ctx.server?.close();
  });
  return ctx;
}

/** The result URLs (paths) of a query on the site's search page, once Pagefind has answered. */
export async function searchResults(page: Page, origin: string, q: string, base = '/cari/'): Promise<string[]> {
  await page.goto(`${origin}${base}?q=${encodeURIComponent(q)}`);
  await page.waitForFunction(
    () => {
      const s = document.querySelector('#search-status')?.textContent ?? '';
      return s !== '' && !s.endsWith('…');
    },
    null,
    { timeout: 30_000 },
  );
  return page.$$eval('#search-results li > a', (as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
}

export { drawEveryChart } from './e2e/draw.ts';
