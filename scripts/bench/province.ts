/**
 * The province portal in `npm run bench`: the DIY sample (5 kabupaten/kota,
 * 438 desa) built by `scripts/build.ts` in a fresh process, with its time per
 * stage, peak memory (GNU time, when installed), pages, dist size and the
 * gzip weight of its province pages; then what Jawa Timur (8,494 desa) would
 * take at the memory per desa measured here (the build does not stream yet,
 * so it is not attempted on a 2-core machine).
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import { generateProvinceSample } from '../sample.ts';
import { ROOT } from '../render-pages.ts';

async function sizeOf(dir: string): Promise<number> {
  let bytes = 0;
  for (const f of await readdir(dir, { recursive: true })) {
    const s = await stat(path.join(dir, f));
    if (s.isFile()) bytes += s.size;
  }
  return bytes;
}

export async function benchProvince(out: (k: string, v: string) => void, tmp: string): Promise<void> {
  const data = path.join(tmp, 'diy');
  for (const [rel, content] of Object.entries(await generateProvinceSample('34'))) {
    await mkdir(path.dirname(path.join(data, rel)), { recursive: true });
    await writeFile(path.join(data, rel), content);
  }
  const dist = path.join(tmp, 'diy-dist');
  const gnuTime = existsSync('/usr/bin/time');
  const t0 = performance.now();
  const r = await promisify(execFile)(
    gnuTime ? '/usr/bin/time' : process.execPath,
    [...(gnuTime ? ['-v', process.execPath] : []), 'scripts/build.ts'],
    { cwd: ROOT, env: { ...process.env, DATA_DIR: data, OUT_DIR: dist, LANG: 'en_US.UTF-8' }, maxBuffer: 64 << 20 },
  ).catch((e) => e as { stdout: string; stderr: string });
  const secs = (performance.now() - t0) / 1000;
  const summary = /\((.*)\)\.\s*$/.exec(r.stdout.trim())?.[1] ?? `FAILED: ${r.stderr.slice(0, 300)}`;
  out('DIY province build (5 kabupaten/kota, 438 desa) (s)', `${secs.toFixed(1)} total; ${summary}`);
  const rssKb = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr)?.[1] ?? 0);
  if (rssKb) out('DIY province build, peak memory', `${(rssKb / 1e6).toFixed(2)} GB (GNU time, largest process)`);
  else out('DIY province build, peak memory', 'not measured (apt-get install time)');
  if (!existsSync(path.join(dist, 'index.html'))) return;
  out('DIY province dist', `${((await sizeOf(dist)) / 1e6).toFixed(1)} MB`);
  for (const [name, rel] of [
    ['home (ranking)', 'index.html'],
    ['kabupaten one-pager (34.03)', 'kabupaten/34.03/index.html'],
    ['kecamatan (34.03.01)', 'kecamatan/34.03.01/index.html'],
  ] as const)
    out(`DIY ${name} HTML (gzip)`, `${(gzipSync(await readFile(path.join(dist, rel))).length / 1000).toFixed(1)} KB`);
  if (rssKb) {
    // The fixed part of a build (code, Astro, the region data) measured on kabupaten builds: 1.07 GB.
    const perDesa = (rssKb / 1e3 - 1070) / 438;
    out(
      'Jawa Timur (35: 38 kabupaten/kota, 8,494 desa), projected',
      `≈ ${((1070 + perDesa * 8494) / 1e3).toFixed(1)} GB = 1.07 GB + ${perDesa.toFixed(1)} MB per desa as in DIY (the whole tree is in memory; the ≤ 4 GB goal needs a streaming build, not done)`,
    );
  }
}
