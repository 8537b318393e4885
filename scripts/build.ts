/**
 * `npm run build`: data/ (or $DATA_DIR) → dist/ (or $OUT_DIR), atomically.
 * Data problems are printed as a list (Indonesian, English when LANG=en*)
 * and exit with code 1; dist/ is then left untouched.
 */
import { spawn } from 'node:child_process';
import { readFile, stat } from 'node:fs/promises';
import { totalmem } from 'node:os';
import path from 'node:path';
import { getHeapStatistics } from 'node:v8';
import { cliLang } from '../src/load/problems.ts';
import { runCli } from './cli.ts';
import { ROOT } from './render-pages.ts';

/** A data folder marked as the sample (portal.json `data_contoh: true`). */
async function isSample(dataDir: string): Promise<boolean> {
  try {
    return JSON.parse(await readFile(path.join(dataDir, 'portal.json'), 'utf8')).data_contoh === true;
  } catch {
    return false; // the build names what is wrong with portal.json
  }
}

/** portal.json's region is a province (two digits): its build holds far more than a kabupaten's. */
async function isProvince(dataDir: string): Promise<boolean> {
  try {
    return /^\d{2}$/.test(String(JSON.parse(await readFile(path.join(dataDir, 'portal.json'), 'utf8')).kode_kabupaten));
  } catch {
    return false;
  }
}

/**
 * Node caps its heap at about 4 GB whatever the machine has; Jawa Timur's build needs more (README, "Provinsi").
 * A province's build runs again in a child with three quarters of the machine's memory as its heap (or
 * TERANG_HEAP_MB); if that is
 * still too little, the operator reads why in one sentence and the published site is unchanged (the build is atomic).
 */
async function withProvinceHeap(dataDir: string): Promise<number | undefined> {
  // TERANG_HEAP_MB sets it by hand (e.g. a machine shared with other work).
  const heapMb = Number(process.env.TERANG_HEAP_MB) || Math.floor((totalmem() * 0.75) / 2 ** 20);
  const enough = !process.env.TERANG_HEAP_MB && getHeapStatistics().heap_size_limit / 2 ** 20 >= heapMb;
  if (process.env.TERANG_HEAP_SET || enough || !(await isProvince(dataDir))) return undefined;
  // --expose-gc: the build collects before it starts other processes (src/protect/memory.ts), so they do not add
  // to a heap V8 would otherwise shrink late. --heap-growing-percent=50: a full collection once the heap has grown
  // by half what was live after the last (V8 otherwise lets a large heap grow to several times that: Jawa Timur's search index
  // took the build process from 1.3 to 4.1 GB of garbage).
  const flags = [`--max-old-space-size=${heapMb}`, '--expose-gc', '--heap-growing-percent=50'];
  const child = spawn(process.execPath, [...flags, ...process.execArgv, ...process.argv.slice(1)], {
    env: { ...process.env, TERANG_HEAP_SET: '1' },
    stdio: 'inherit',
  });
  const forward = (sig: NodeJS.Signals) => child.kill(sig);
  for (const sig of ['SIGINT', 'SIGTERM'] as const) process.on(sig, forward);
  const [code, signal] = (await new Promise((resolve) => child.on('exit', (c, s) => resolve([c, s])))) as [
    number | null,
    NodeJS.Signals | null,
  ];
  // Then this process ends as the build did (a signal included).
  for (const sig of ['SIGINT', 'SIGTERM'] as const) process.off(sig, forward);
  if (signal === 'SIGABRT') {
    const gb = (heapMb / 1024).toFixed(1);
    console.error(
      cliLang() === 'en'
        ? `ERROR: the build ran out of memory (${gb} GB heap). Build on a machine with more memory, or set TERANG_HEAP_MB (README.md, "Scale", gives the figures). The published site was not changed.`
        : `GALAT: build kehabisan memori (heap ${gb} GB). Bangun di mesin dengan memori lebih besar, atau atur TERANG_HEAP_MB (README.id.md, bagian "Portal provinsi", memuat angkanya). Situs yang sudah terbit tidak diubah.`,
    );
    return 1;
  }
  if (signal) process.kill(process.pid, signal);
  return code ?? 1;
}

await runCli(async () => {
  const dataDir = path.resolve(process.env.DATA_DIR ?? path.join(ROOT, 'data'));
  const again = await withProvinceHeap(dataDir);
  if (again !== undefined) return again;
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
  // Loaded only once this process is the one that builds (a province's first process only starts the second).
  const [{ buildSite }, { fileEffects }, { folderIO }, { indexSearch, renderPages }] = await Promise.all([
    import('../src/build/build.ts'),
    import('../src/build/file-effects.ts'),
    import('../src/load/portal.ts'),
    import('./render-pages.ts'),
  ]);
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
