/**
 * `npm run build`: data/ (or $DATA_DIR) → dist/ (or $OUT_DIR), atomically.
 * Data problems are printed as a list (Indonesian, English when LANG=en*)
 * and exit with code 1; dist/ is then left untouched.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { buildSite } from '../src/build/build.ts';
import { fileEffects } from '../src/build/file-effects.ts';
import { folderIO } from '../src/load/portal.ts';
import { cliLang } from '../src/load/problems.ts';
import { runCli } from './cli.ts';
import { indexSearch, renderPages, ROOT } from './render-pages.ts';

/** A data folder marked as the sample (portal.json `data_contoh: true`). */
async function isSample(dataDir: string): Promise<boolean> {
  try {
    return JSON.parse(await readFile(path.join(dataDir, 'portal.json'), 'utf8')).data_contoh === true;
  } catch {
    return false; // the build names what is wrong with portal.json
  }
}

await runCli(async () => {
  const dataDir = path.resolve(process.env.DATA_DIR ?? path.join(ROOT, 'data'));
  const outDir = path.resolve(process.env.OUT_DIR ?? path.join(ROOT, 'dist'));
  const lang = cliLang();
  const t0 = performance.now();
  // A data folder that is not there is named as such (not as a missing portal.json inside it).
  const kind = await stat(dataDir).catch(() => undefined);
  if (!kind?.isDirectory()) {
    console.error(
      lang === 'en'
        ? `ERROR: the data folder ${dataDir} ${kind ? 'is a file, not a folder' : 'does not exist'}. Build from the folder that holds portal.json: DATA_DIR=<folder> npm run build (default: data/ in the project). Nothing was changed.`
        : `GALAT: folder data ${dataDir} ${kind ? 'adalah berkas, bukan folder' : 'tidak ada'}. Bangun dari folder yang berisi portal.json: DATA_DIR=<folder> npm run build (bawaan: data/ di proyek). Tidak ada yang diubah.`,
    );
    return 1;
  }
  // The publishing workflows set TERANG_TOLAK_CONTOH=1 (unless the repository says to publish the sample on purpose):
  // an office's repository that still holds the sample never publishes synthetic figures under the office's name.
  if (process.env.TERANG_TOLAK_CONTOH === '1' && (await isSample(dataDir))) {
    console.error(
      lang === 'en'
        ? "ERROR portal.json: the data folder still holds the Terang sample (data_contoh: true), not your office's data. Replace it: npm run init -- --region <your kabupaten/kota code, e.g. 17.07> (data/ becomes an empty template for your region), fill in data.xlsx, commit and push. The published site has not changed. (To publish the sample on purpose, set the repository variable TERANG_CONTOH=terbitkan.)"
        : 'GALAT portal.json: folder data masih berisi data contoh Terang (data_contoh: true), bukan data kantor Anda. Ganti dengan data kantor: npm run init -- --region <kode kabupaten/kota Anda, mis. 17.07> (data/ menjadi templat kosong untuk wilayah Anda), isi data.xlsx, lalu unggah. Situs yang sudah terbit tidak berubah. (Untuk sengaja menerbitkan situs contoh, set variabel repositori TERANG_CONTOH=terbitkan.)',
    );
    return 1;
  }
  const log = (line: string) => console.error(line);
  const effects = fileEffects({ root: ROOT, dataDir, outDir, lang, log, render: renderPages, index: indexSearch });
  const result = await buildSite({ io: folderIO(dataDir), lang, effects });
  if (!result.ok) return 1;
  const secs = ((performance.now() - t0) / 1000).toFixed(1);
  const stages = Object.entries(result.timings)
    .map(([k, v]) => `${k} ${v.toFixed(2)}s`)
    .join(', ');
  const where = outDir.startsWith(process.cwd() + path.sep) ? path.relative(process.cwd(), outDir) : outDir;
  console.log(
    lang === 'en'
      ? `Built ${where}/ in ${secs}s (${stages}, ${result.pages} pages).`
      : `Selesai: ${where}/ dibangun dalam ${secs} detik (${stages}, ${result.pages} halaman).`,
  );
  return 0;
});
