/**
 * `npm run build`: data/ (or $DATA_DIR) → dist/ (or $OUT_DIR), atomically.
 * Data problems are printed as a list (Indonesian, English when LANG=en*)
 * and exit with code 1; dist/ is then left untouched.
 */
import path from 'node:path';
import { buildSite } from '../src/build/build.ts';
import { cliLang } from '../src/load/problems.ts';
import { indexSearch, renderPages, ROOT } from './render-pages.ts';

const dataDir = path.resolve(process.env.DATA_DIR ?? path.join(ROOT, 'data'));
const outDir = path.resolve(process.env.OUT_DIR ?? path.join(ROOT, 'dist'));
const lang = cliLang();
const t0 = performance.now();

const result = await buildSite({ root: ROOT, dataDir, outDir, lang, log: (line) => console.error(line), renderPages, indexSearch });
if (!result.ok) process.exit(1);
const secs = ((performance.now() - t0) / 1000).toFixed(1);
const stages = Object.entries(result.timings).map(([k, v]) => `${k} ${v.toFixed(2)}s`).join(', ');
const pages = result.pages === undefined ? '' : lang === 'en' ? `, ${result.pages} pages` : `, ${result.pages} halaman`;
console.log(lang === 'en' ? `Built ${path.relative(process.cwd(), outDir) || outDir}/ in ${secs}s (${stages}${pages}).` : `Selesai: ${path.relative(process.cwd(), outDir) || outDir}/ dibangun dalam ${secs} detik (${stages}${pages}).`);
