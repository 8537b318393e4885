/** Page weight as a phone would download it: every response of a page, gzip-compressed, summed. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { drawEveryChart } from './draw.ts';

export interface Weight {
  total: number;
  byType: Record<string, number>;
  files: number;
}

/** Load `url`, optionally scroll through the whole page so every island hydrates, and sum gzip sizes of what was fetched. */
export async function pageWeight(page: Page, origin: string, dist: string, url: string, scroll: boolean): Promise<Weight> {
  const seen = new Set<string>();
  const onRequest = (r: { url: () => string }) => {
    if (r.url().startsWith(origin)) seen.add(new URL(r.url()).pathname);
  };
  page.on('request', onRequest);
  await page.goto(origin + url, { waitUntil: 'networkidle' });
  if (scroll) {
    await drawEveryChart(page);
    await page.waitForLoadState('networkidle');
  }
  page.off('request', onRequest);
  const w: Weight = { total: 0, byType: {}, files: 0 };
  for (const p of seen) {
    const file = path.join(dist, p.endsWith('/') ? `${p}index.html` : p);
    const size = gzipSync(readFileSync(file), { level: 9 }).length;
    const type = path.extname(file).slice(1) || 'other';
    w.byType[type] = (w.byType[type] ?? 0) + size;
    w.total += size;
    w.files++;
  }
  return w;
}
