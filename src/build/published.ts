/**
 * What an earlier build already published, read before this build changes
 * anything: every release folder of the site in OUT_DIR (its files, so a
 * missing archive can be restored exactly), and optionally an index of the
 * live site's releases (`data/rilis/index.json`, fetched by the publishing
 * workflows into the file named by TERANG_PUBLISHED_INDEX), which has only
 * the hashes. prepare.ts compares every release label against them.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { type PublishedRelease, resourceHashes } from '../publish/releases.ts';

export async function publishedReleases(outDir: string, indexFile?: string): Promise<PublishedRelease[]> {
  const out: PublishedRelease[] = [];
  const dir = path.join(outDir, 'data', 'rilis');
  for (const label of await readdir(dir).catch(() => [] as string[])) {
    if (label.startsWith('.') || label.endsWith('.json')) continue;
    const files: Record<string, string> = {};
    for (const f of await readdir(path.join(dir, label)).catch(() => [] as string[]))
      files[f] = await readFile(path.join(dir, label, f), 'utf8').catch(() => '');
    if (files['datapackage.json'] === undefined) continue;
    out.push({ label, where: path.join(outDir, 'data', 'rilis', label), hashes: resourceHashes(files['datapackage.json']), files });
  }
  if (indexFile) {
    let index: { rilis?: { label: string; hash: Record<string, string> }[]; situs?: string } = {};
    try {
      index = JSON.parse(await readFile(indexFile, 'utf8'));
    } catch {
      /* no index: the site was never published, or could not be fetched */
    }
    for (const r of index.rilis ?? [])
      if (!out.some((x) => x.label === r.label))
        out.push({ label: r.label, where: `${index.situs ?? indexFile} (rilis ${r.label})`, hashes: r.hash });
  }
  return out;
}
