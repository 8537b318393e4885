/** Render the Astro pages for a model file into `outDir` (the `renderPages` stage of buildSite). */
import { spawn } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { childExecArgv } from '../src/protect/memory.ts';

export const ROOT = path.resolve(import.meta.dirname, '..');

/**
 * Render in a process of its own: Astro's memory (a province renders 4,600 pages) is given back when it ends,
 * and the build's process, which holds the model and a raised heap limit, stays as it was.
 */
export async function renderPages(modelFile: string, outDir: string): Promise<void> {
  const child = spawn(process.execPath, [...childExecArgv(), fileURLToPath(import.meta.url), modelFile, outDir], {
    cwd: ROOT,
    env: { ...process.env, TERANG_RENDER_CHILD: '1' },
    stdio: 'inherit',
  });
  const kill = () => child.kill();
  process.on('exit', kill);
  try {
    const [code, signal] = (await new Promise((resolve, reject) => {
      child.once('error', reject);
      child.once('exit', (c, s) => resolve([c, s]));
    })) as [number | null, NodeJS.Signals | null];
    if (code !== 0) throw new Error(`Astro: rendering the pages failed (${signal ?? `exit code ${code}`})`);
  } finally {
    process.off('exit', kill);
  }
}

async function renderHere(modelFile: string, outDir: string): Promise<void> {
  // A build is always a production build: an inherited NODE_ENV (e.g. "test"
  // under Vitest) would otherwise make Vite bundle React's development build.
  process.env.NODE_ENV = 'production';
  process.env.TERANG_MODEL = modelFile;
  // Astro keeps its temporary prerender output beside outDir only when outDir is inside the working folder.
  process.chdir(ROOT);
  const { build } = await import('astro');
  await build({
    root: ROOT,
    outDir,
    base: process.env.TERANG_BASE || '/',
    logLevel: process.env.TERANG_VERBOSE ? 'info' : 'warn',
    // The downloads are written into outDir before the pages (build.ts): Astro must not empty it.
    vite: { build: { emptyOutDir: false } },
  });
}

if (import.meta.main && process.env.TERANG_RENDER_CHILD) {
  await renderHere(process.argv[2]!, process.argv[3]!);
  process.exit(0);
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
