/**
 * The whole build in one screen: load → validate → model → pages → downloads
 * → swap. Everything lands in a staging folder beside `dist/` first; only a
 * complete build replaces `dist/`, so a failure leaves the previous site
 * exactly as it was.
 */
import { mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { compareReleases } from '../publish/releases.ts';
import { buildDownloads } from '../publish/downloads.ts';
import { checkInputs, checkPublished } from '../publish/guard.ts';
import { buildHeaders } from '../publish/headers.ts';
import { folderIO, loadPortal } from '../load/portal.ts';
import { buildModel } from '../model/model.ts';
import { buildShards, groupEntries } from '../lookup/shards.ts';
import { formatProblem, hasErrors, t, type Lang, type Problem } from '../load/problems.ts';

export interface BuildOptions {
  root: string;
  dataDir: string;
  outDir: string;
  lang: Lang;
  log: (line: string) => void;
  /** Render the pages; injected so the pipeline can be tested without Astro. */
  renderPages: (modelFile: string, outDir: string) => Promise<void>;
  /** Build the search index of the rendered site (Pagefind). */
  indexSearch: (siteDir: string) => Promise<void>;
}

export interface BuildResult {
  ok: boolean;
  problems: Problem[];
  timings: Record<string, number>;
  pages?: number;
}

export async function buildSite(o: BuildOptions): Promise<BuildResult> {
  const timings: Record<string, number> = {};
  const time = async <T>(stage: string, f: () => Promise<T>): Promise<T> => {
    const t0 = performance.now();
    try { return await f(); } finally { timings[stage] = (performance.now() - t0) / 1000; }
  };
  const { data, problems } = await time('validate', async () => {
    const loaded = await loadPortal(folderIO(o.dataDir));
    return { ...loaded, problems: [...(await checkInputs(o.dataDir)), ...loaded.problems] };
  });
  for (const p of problems) o.log(formatProblem(p, o.lang));
  if (!data || hasErrors(problems)) {
    const n = problems.filter((p) => p.level === 'error').length;
    o.log(o.lang === 'en' ? `\nBuild stopped: ${n} error(s). dist/ was not changed.` : `\nBuild dihentikan: ${n} galat. dist/ tidak diubah.`);
    return { ok: false, problems, timings };
  }

  const model = await time('aggregate', async () => buildModel(data));
  const downloads = buildDownloads(data, model);
  const label = data.config.rilis.label;
  const current = Object.fromEntries(downloads.filter((f) => f.path.startsWith('data/')).map((f) => [f.path.slice(5), f.content]));
  // A published release never changes: the same label must mean the same bytes.
  const archived = data.releases.find((r) => r.label === label);
  if (archived) {
    const changed = Object.keys(current).filter((f) => archived.files[f] !== undefined && archived.files[f] !== current[f]);
    if (changed.length) {
      const p: Problem = { level: 'error', kind: 'release_changed', file: `rilis/${label}/`, value: changed.join(', '), expected: t(`label rilis baru di portal.json (rilis ${label} sudah terbit dengan angka lain)`, `a new release label in portal.json (release ${label} was published with other figures)`) };
      o.log(formatProblem(p, o.lang));
      return { ok: false, problems: [...problems, p], timings };
    }
  }
  const previous = data.releases.filter((r) => r.label !== label).sort((a, b) => a.created.localeCompare(b.created)).at(-1);
  if (previous) model.changes = compareReleases({ pkg: JSON.parse(previous.files['datapackage.json']!), files: previous.files }, { pkg: JSON.parse(current['datapackage.json']!), files: current });
  const shards = data.recipients && (await time('shards', async () => buildShards(groupEntries(data.recipients!.rows), data.recipients!.kdf.dkLen * 2)));
  if (shards) model.cek = { kdf: data.recipients!.kdf, prefixLength: shards.prefixLength, perShard: shards.perShard, shardBytes: shards.bytes, people: shards.real };
  const staging = path.join(path.dirname(o.outDir), `.dist-staging-${process.pid}`);
  const work = path.join(o.root, '.terang');
  const modelFile = path.join(work, `model-${process.pid}.json`);
  await rm(staging, { recursive: true, force: true });
  let pages = 0;
  try {
    await mkdir(work, { recursive: true });
    await writeFile(modelFile, JSON.stringify(model));
    await time('pages', () => o.renderPages(modelFile, staging));
    await time('downloads', async () => {
      const rilis = [
        ...Object.entries(current).map(([f, content]) => ({ path: `data/rilis/${label}/${f}`, content })),
        ...data.releases.filter((r) => r.label !== label).flatMap((r) => Object.entries(r.files).map(([f, content]) => ({ path: `data/rilis/${r.label}/${f}`, content }))),
      ];
      for (const f of [...downloads, ...rilis, ...(shards?.files ?? [])]) {
        await mkdir(path.dirname(path.join(staging, f.path)), { recursive: true });
        await writeFile(path.join(staging, f.path), f.content);
      }
    });
    for (const f of await buildHeaders(staging)) await writeFile(path.join(staging, f.path), f.content);
    const leaks = await checkPublished(staging);
    if (leaks.length) {
      for (const p of leaks) o.log(formatProblem(p, o.lang));
      throw new PublishError(leaks);
    }
    await time('search', () => o.indexSearch(staging));
    pages = (await readdir(staging, { recursive: true })).filter((f) => f.endsWith('.html')).length;
    await swap(staging, o.outDir);
    if (!archived) {
      // Keep this release's published files with the data, so later builds serve them unchanged.
      const dir = path.join(o.dataDir, 'rilis', label);
      await mkdir(dir, { recursive: true });
      for (const [f, content] of Object.entries(current)) await writeFile(path.join(dir, f), content);
      o.log(o.lang === 'en' ? `Release ${label} archived in ${dir}/ — commit this folder.` : `Rilis ${label} diarsipkan di ${dir}/ — simpan (commit) folder ini.`);
    }
  } catch (e) {
    await rm(staging, { recursive: true, force: true });
    if (e instanceof PublishError) {
      o.log(o.lang === 'en' ? `\nBuild stopped: the site would publish identifiers. dist/ was not changed.` : `\nBuild dihentikan: situs akan memuat data pribadi. dist/ tidak diubah.`);
      return { ok: false, problems: [...problems, ...e.problems], timings };
    }
    throw e;
  } finally {
    await rm(modelFile, { force: true });
  }
  return { ok: true, problems, timings, pages };
}

/** Replace `target` with `staging` using renames on one file system. */
async function swap(staging: string, target: string): Promise<void> {
  const old = `${target}.old-${process.pid}`;
  let moved = false;
  try {
    await rename(target, old);
    moved = true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
  }
  try {
    await rename(staging, target);
  } catch (e) {
    if (moved) await rename(old, target);
    throw e;
  }
  if (moved) await rm(old, { recursive: true, force: true });
}

class PublishError extends Error {
  problems: Problem[];
  constructor(problems: Problem[]) {
    super('identifiers in the built site');
    this.problems = problems;
  }
}
