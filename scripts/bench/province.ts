/**
 * The province portals in `npm run bench`: the DIY sample (5 kabupaten/kota,
 * 438 desa) and Jawa Timur (38 kabupaten/kota, 8,494 desa), each built by
 * `scripts/build.ts` in a fresh process as an office would run it, with its
 * time per stage, peak memory of all its processes together, pages, dist size
 * and the gzip weight of its province pages, and once more as an office
 * builds most often (its release archived, its site published); then how memory grows per desa
 * between the two. Jawa Timur takes a quarter of an hour or more on 2 cores:
 * `BENCH_SKIP_JATIM=1` skips it.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { generateProvinceSample } from '../sample.ts';
import { ROOT } from '../render-pages.ts';
import { sampleTreeRss } from './tree-rss.ts';

async function sizeOf(dir: string): Promise<number> {
  let bytes = 0;
  for (const f of await readdir(dir, { recursive: true })) {
    const s = await stat(path.join(dir, f));
    if (s.isFile()) bytes += s.size;
  }
  return bytes;
}

interface Measured {
  desa: number;
  secs: number;
  rssMb: number;
}

async function buildProvince(
  out: (k: string, v: string) => void,
  tmp: string,
  region: string,
  name: string,
  desa: number,
  pages: [string, string][],
): Promise<Measured | undefined> {
  const data = path.join(tmp, `prov-${region}`);
  for (const [rel, content] of Object.entries(await generateProvinceSample(region))) {
    await mkdir(path.dirname(path.join(data, rel)), { recursive: true });
    await writeFile(path.join(data, rel), content);
  }
  const dist = path.join(tmp, `prov-${region}-dist`);
  const first = await timedBuild(out, name, data, dist);
  // As an office builds most often: again, with its release archived in the data folder and the site published.
  if (first) await timedBuild(out, `${name} rebuild (release archived, site published)`, data, dist);
  if (!existsSync(path.join(dist, 'index.html'))) return undefined;
  out(`${name} dist`, `${((await sizeOf(dist)) / 1e6).toFixed(1)} MB`);
  for (const [label, rel] of pages)
    out(`${name} ${label} HTML (gzip)`, `${(gzipSync(await readFile(path.join(dist, rel))).length / 1000).toFixed(1)} KB`);
  return first && { desa, ...first };
}

/** One run of `scripts/build.ts`, its time per stage, CPU and peak memory printed; undefined if it failed or was not measured. */
async function timedBuild(
  out: (k: string, v: string) => void,
  name: string,
  data: string,
  dist: string,
): Promise<{ secs: number; rssMb: number } | undefined> {
  const gnuTime = existsSync('/usr/bin/time');
  const t0 = performance.now();
  const child = spawn(gnuTime ? '/usr/bin/time' : process.execPath, [...(gnuTime ? ['-v', process.execPath] : []), 'scripts/build.ts'], {
    cwd: ROOT,
    env: { ...process.env, DATA_DIR: data, OUT_DIR: dist, LANG: 'en_US.UTF-8' },
  });
  // The build hands stages to child processes (disclosure control, Astro): their memory counts together.
  const tree = sampleTreeRss(child.pid!);
  const r = { stdout: '', stderr: '' };
  child.stdout.on('data', (b) => (r.stdout += b));
  child.stderr.on('data', (b) => (r.stderr += b));
  const code = await new Promise((resolve) => child.on('close', resolve));
  const peak = tree.stop();
  const secs = (performance.now() - t0) / 1000;
  const summary = /\((.*)\)\.\s*$/.exec(r.stdout.trim())?.[1] ?? `FAILED: ${r.stderr.slice(-600)}`;
  out(`${name} build (s)`, `${secs.toFixed(1)} total; ${summary}`);
  const cpu = ['User', 'System'].map((k) => Number(new RegExp(`${k} time \\(seconds\\): ([\\d.]+)`).exec(r.stderr)?.[1] ?? 0));
  if (cpu[0]) out(`${name} build, CPU time`, `${(cpu[0] + cpu[1]!).toFixed(0)} s (user + system)`);
  const rssKb = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr)?.[1] ?? 0);
  out(
    `${name} build, peak memory`,
    peak
      ? `${(peak / 1e9).toFixed(2)} GB, all its processes together (/proc every 250 ms)${rssKb ? `; largest single process ${(rssKb / 1e6).toFixed(2)} GB (GNU time)` : ''}`
      : 'not measured (no /proc)',
  );
  return code === 0 && peak ? { secs, rssMb: peak / 1e6 } : undefined;
}

export async function benchProvince(out: (k: string, v: string) => void, tmp: string): Promise<void> {
  const diy = await buildProvince(out, tmp, '34', 'DIY province (5 kabupaten/kota, 438 desa)', 438, [
    ['home (ranking)', 'index.html'],
    ['kabupaten one-pager (34.03)', 'kabupaten/34.03/index.html'],
    ['kecamatan (34.03.01)', 'kecamatan/34.03.01/index.html'],
  ]);
  if (process.env.BENCH_SKIP_JATIM) {
    out('Jawa Timur province', 'skipped (BENCH_SKIP_JATIM)');
    return;
  }
  const jatim = await buildProvince(out, tmp, '35', 'Jawa Timur (38 kabupaten/kota, 8,494 desa)', 8494, [
    ['home (ranking)', 'index.html'],
    ['kabupaten one-pager (35.07)', 'kabupaten/35.07/index.html'],
    ['kecamatan (35.07.01)', 'kecamatan/35.07.01/index.html'],
  ]);
  if (diy && jatim) {
    const perDesa = (jatim.rssMb - diy.rssMb) / (jatim.desa - diy.desa);
    const perDesaSecs = (jatim.secs - diy.secs) / (jatim.desa - diy.desa);
    out(
      'province growth, DIY → Jawa Timur',
      `peak memory +${perDesa.toFixed(2)} MB per desa, build time +${(perDesaSecs * 1000).toFixed(0)} ms per desa (goal for Jawa Timur: ≤ 10 min, ≤ 4 GB)`,
    );
  }
}
