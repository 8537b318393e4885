/** Render the Astro pages for a model file into `outDir` (the `renderPages` stage of buildSite). */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '..');

export async function renderPages(modelFile: string, outDir: string): Promise<void> {
  // A build is always a production build: an inherited NODE_ENV (e.g. "test"
  // under Vitest) would otherwise make Vite bundle React's development build.
  process.env.NODE_ENV = 'production';
  process.env.TERANG_MODEL = modelFile;
  // Astro keeps its temporary prerender output beside outDir only when outDir is inside the working folder.
  process.chdir(ROOT);
  // Loaded only when there is something to render: a build stopped by a data problem answers a second sooner.
  const { build } = await import('astro');
  await build({ root: ROOT, outDir, base: process.env.TERANG_BASE || '/', logLevel: process.env.TERANG_VERBOSE ? 'info' : 'warn' });
}

/**
 * Pagefind over the rendered site. Only pages that mark their main content
 * with data-pagefind-body are indexed (statistics pages, never /cek/), one
 * index per page language.
 */
const BLOCK_END = /(<\/(?:td|th|caption|dt|dd|li|p|div|h[1-6]|figcaption|summary|section|tr)>)(?=<)/g;

export async function indexSearch(siteDir: string): Promise<void> {
  const pagefind = await import('pagefind');
  const { index, errors } = await pagefind.createIndex({
    rootSelector: 'html',
    excludeSelectors: ['.no-print', 'nav', 'footer', '[data-embed-code]'],
  });
  if (!index) throw new Error(`Pagefind: ${errors.join('; ')}`);
  // Each page as its text reads: a space between adjacent cells, list items and blocks, which the minified HTML
  // runs together ("2025KecamatanJumlah" in an excerpt otherwise; Pagefind/pagefind#736).
  for (const rel of (await readdir(siteDir, { recursive: true })).filter((f) => f.endsWith('.html')).sort()) {
    const html = await readFile(path.join(siteDir, rel), 'utf8');
    const url = `/${rel.split(path.sep).join('/')}`.replace(/index\.html$/, '');
    const added = await index.addHTMLFile({ url, content: html.replace(BLOCK_END, '$1 ') });
    if (added.errors.length) throw new Error(`Pagefind: ${added.errors.join('; ')}`);
  }
  await index.writeFiles({ outputPath: `${siteDir}/pagefind` });
  await pagefind.close();
}
