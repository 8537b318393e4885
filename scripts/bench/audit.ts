/**
 * How disclosure control scales, for `npm run bench`: the aggregate stage
 * (protectPortal) on generated sample folders, each measured in a fresh
 * process with its peak memory — Bantul (75 desa), Jombang (306), Aceh Utara
 * (852, the largest kabupaten), and every kabupaten/kota of Jawa Timur
 * (38 folders, 8,494 desa) one after another. Goals from the issue: Aceh
 * Utara ≤ 1.3 × (852/75) × Bantul's time and ≤ 1 GB; Jawa Timur ≤ 5 min and
 * ≤ 4 GB on 2 cores.
 */
import { execFile } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { getRegencies } from 'idn-area-data';
import { ROOT } from '../render-pages.ts';
import { generateSample } from '../sample.ts';

type Out = (k: string, v: string) => void;

async function folder(tmp: string, region: string): Promise<string> {
  const dir = path.join(tmp, `audit-${region}`);
  for (const [rel, content] of Object.entries(await generateSample(region))) {
    if (rel.startsWith('private/') || rel.startsWith('rilis/')) continue;
    await mkdir(path.dirname(path.join(dir, rel)), { recursive: true });
    await writeFile(path.join(dir, rel), content);
  }
  return dir;
}

async function run(dirs: string[]): Promise<{ runs: { desa: number; secs: number; hidden: number }[]; maxRssMB: number }> {
  const { stdout } = await promisify(execFile)(process.execPath, [path.join(ROOT, 'scripts', 'bench', 'audit-run.ts'), ...dirs], {
    cwd: ROOT,
    maxBuffer: 16 << 20,
  });
  return JSON.parse(stdout);
}

export async function benchAudit(out: Out, tmp: string): Promise<void> {
  const one: Record<string, { desa: number; secs: number; mb: number }> = {};
  for (const region of ['34.02', '35.17', '11.08']) {
    const r = await run([await folder(tmp, region)]);
    one[region] = { desa: r.runs[0]!.desa, secs: r.runs[0]!.secs, mb: r.maxRssMB };
    out(`disclosure control ${region} (${r.runs[0]!.desa} desa)`, `${r.runs[0]!.secs.toFixed(2)} s, peak RSS ${r.maxRssMB.toFixed(0)} MB`);
  }
  const [b, a] = [one['34.02']!, one['11.08']!];
  const goal = 1.3 * (a.desa / b.desa) * b.secs;
  out(
    '  Aceh Utara against Bantul',
    `${(a.secs / b.secs).toFixed(1)}× the time for ${(a.desa / b.desa).toFixed(1)}× the desa; goal ≤ ${goal.toFixed(1)} s and ≤ 1,024 MB`,
  );
  if (process.env.BENCH_SKIP_PROVINCE) {
    out('disclosure control, Jawa Timur', 'skipped (BENCH_SKIP_PROVINCE)');
    return;
  }
  const regencies = (await getRegencies()).filter((r) => r.code.startsWith('35.')).map((r) => r.code);
  const dirs: string[] = [];
  for (const code of regencies) dirs.push(await folder(tmp, code));
  const t = performance.now();
  const r = await run(dirs);
  const wall = (performance.now() - t) / 1000;
  const desa = r.runs.reduce((s, x) => s + x.desa, 0);
  out(
    `disclosure control, Jawa Timur (${regencies.length} folders, ${desa.toLocaleString('en')} desa)`,
    `${r.runs.reduce((s, x) => s + x.secs, 0).toFixed(0)} s protecting (${wall.toFixed(0)} s with loading), peak RSS ${r.maxRssMB.toFixed(0)} MB; goal ≤ 300 s, ≤ 4,096 MB`,
  );
}
