/**
 * What an earlier build already published, read before this build changes
 * anything: every release folder of the site in OUT_DIR (its files, so a
 * missing archive can be restored exactly), and optionally an index of the
 * live site's releases (`data/rilis/index.json`, fetched by the publishing
 * workflows into the file named by TERANG_PUBLISHED_INDEX), which has only
 * the hashes. prepare.ts compares every release label against them. With
 * `dataDir`, the files of a release archived there are not read: its hashes
 * are compared with the archive's, and nothing needs restoring.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { type PublishedRelease, resourceHashes } from '../publish/releases.ts';

export async function publishedReleases(outDir: string, indexFile?: string, dataDir?: string): Promise<PublishedRelease[]> {
  const out: PublishedRelease[] = [];
  const dir = path.join(outDir, 'data', 'rilis');
  for (const label of await readdir(dir).catch(() => [] as string[])) {
    if (label.startsWith('.') || label.endsWith('.json')) continue;
    const datapackage = await readFile(path.join(dir, label, 'datapackage.json'), 'utf8').catch(() => undefined);
    if (datapackage === undefined) continue;
    const where = path.join(dir, label);
    // A release archived in the data folder is compared by its hashes; its files are read only to restore a missing
    // archive (a province's release is ~1 GB).
    const archivedHere = dataDir !== undefined && (await stat(path.join(dataDir, 'rilis', label, 'datapackage.json')).catch(() => false));
    if (archivedHere) {
      out.push({ label, where, hashes: resourceHashes(datapackage) });
      continue;
    }
    const files: Record<string, string> = {};
    for (const f of await readdir(path.join(dir, label)).catch(() => [] as string[]))
      files[f] = await readFile(path.join(dir, label, f), 'utf8').catch(() => '');
    out.push({ label, where, hashes: resourceHashes(datapackage), files });
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
