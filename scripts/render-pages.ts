/** Render the Astro pages for a model file into `outDir` (the `renderPages` stage of buildSite). */
import path from 'node:path';
import { build } from 'astro';

export const ROOT = path.resolve(import.meta.dirname, '..');

export async function renderPages(modelFile: string, outDir: string): Promise<void> {
  // A build is always a production build: an inherited NODE_ENV (e.g. "test"
  // under Vitest) would otherwise make Vite bundle React's development build.
  process.env.NODE_ENV = 'production';
  process.env.TERANG_MODEL = modelFile;
  await build({ root: ROOT, outDir, logLevel: process.env.TERANG_VERBOSE ? 'info' : 'warn' });
}
