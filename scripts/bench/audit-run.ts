/**
 * One bench measurement in a fresh process: load each data folder given and
 * time disclosure control on it (protectPortal: suppression, exact audit,
 * protection intervals). Prints JSON: seconds per folder, peak RSS.
 */
import { folderIO, loadPortal } from '../../src/load/portal.ts';
import { protectPortal } from '../../src/protect/tables.ts';

const out: { dir: string; desa: number; secs: number; hidden: number }[] = [];
for (const dir of process.argv.slice(2)) {
  const { data, problems } = await loadPortal(folderIO(dir));
  if (!data) throw new Error(`${dir}: ${problems[0]?.kind}`);
  const t = performance.now();
  const p = protectPortal(data, { k: data.config.ambang_k, sensitiveLevel: data.config.tingkat_sensitif });
  out.push({
    dir,
    desa: data.tree.kecamatan.reduce((a, k) => a + k.desa.length, 0),
    secs: (performance.now() - t) / 1000,
    hidden: p.stats.primary + p.stats.secondary,
  });
}
console.log(JSON.stringify({ runs: out, maxRssMB: process.resourceUsage().maxRSS / 1024 }));
