/**
 * `npm run build`: data/ (or $DATA_DIR) → dist/ (or $OUT_DIR), atomically.
 * Data problems are printed as a list (Indonesian, English when LANG=en*)
 * and exit with code 1; dist/ is then left untouched.
 */
import path from 'node:path';
import { build } from 'astro';
import { buildSite } from '../src/lib/build.ts';
import { cliLang } from '../src/lib/problems.ts';

// A build is always a production build: an inherited NODE_ENV (e.g. "test"
// under Vitest) would otherwise make Vite bundle React's development build.
process.env.NODE_ENV = 'production';

const root = path.resolve(import.meta.dirname, '..');
const dataDir = path.resolve(process.env.DATA_DIR ?? path.join(root, 'data'));
const outDir = path.resolve(process.env.OUT_DIR ?? path.join(root, 'dist'));
const lang = cliLang();
const t0 = performance.now();

const result = await buildSite({
  root,
  dataDir,
  outDir,
  lang,
  log: (line) => console.error(line),
  renderPages: async (modelFile, out) => {
    process.env.TERANG_MODEL = modelFile;
    await build({ root, outDir: out, logLevel: process.env.TERANG_VERBOSE ? 'info' : 'warn' });
  },
});
if (!result.ok) process.exit(1);
const secs = ((performance.now() - t0) / 1000).toFixed(1);
const stages = Object.entries(result.timings).map(([k, v]) => `${k} ${v.toFixed(2)}s`).join(', ');
console.log(lang === 'en' ? `Built ${path.relative(process.cwd(), outDir) || outDir}/ in ${secs}s (${stages}).` : `Selesai: ${path.relative(process.cwd(), outDir) || outDir}/ dibangun dalam ${secs} detik (${stages}).`);
