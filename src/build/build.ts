/**
 * The whole build in one screen: load → validate → prepare (protect, model,
 * downloads, releases, lookup shards) → downloads written → pages → web files
 * and share images → checks → search → publish. Side effects come in as `BuildEffects` (cf. Observable
 * Framework's): on disk they stage, lock and swap atomically
 * (build/file-effects.ts); in tests they stay in memory.
 */
import type { DataIO } from '../load/portal.ts';
import { formatProblem, type Lang, type Problem } from '../load/problems.ts';
import type { SiteModel } from './site-model.ts';
import { checkPublished, type SiteFiles } from '../publish/guard.ts';
import { buildHeaders } from '../publish/headers.ts';
import { buildShareImages } from '../publish/share.ts';
import { buildWebFiles } from '../publish/web.ts';
import { type Archive, loadAndPrepare } from './prepare.ts';
import type { PublishedRelease } from '../publish/releases.ts';

export interface BuildEffects extends SiteFiles {
  log(line: string): void;
  /** Take the output for this build (locks; recovery of an interrupted build). Until commit or abort, no other build reads or writes it. */
  lock(): Promise<void>;
  /** A fresh staging area; `archives` names the releases to archive before publishing (checked writable now). */
  begin(o: { archives: string[] }): Promise<void>;
  /** Render every page of the model into the staged site. */
  renderPages(model: SiteModel): Promise<void>;
  writeFile(rel: string, content: string | Uint8Array): Promise<void>;
  /** Build the search index of the staged site. */
  indexSearch(): Promise<void>;
  /** Archive the releases' files with the data, then publish the staged site atomically. */
  commit(archives: Archive[]): Promise<void>;
  /** Releases an earlier build already published into the output (read before anything changes). */
  published(): Promise<PublishedRelease[]>;
  /** Drop the staged site: the published one stays exactly as it was. */
  abort(): Promise<void>;
}

export interface BuildOptions {
  io: DataIO;
  lang: Lang;
  effects: BuildEffects;
}

export interface BuildResult {
  ok: boolean;
  problems: Problem[];
  timings: Record<string, number>;
  pages?: number;
}

export async function buildSite({ io, lang, effects: fx }: BuildOptions): Promise<BuildResult> {
  const timings: Record<string, number> = {};
  const time = async <T>(stage: string, f: () => Promise<T>): Promise<T> => {
    const t0 = performance.now();
    try {
      return await f();
    } finally {
      timings[stage] = (performance.now() - t0) / 1000;
    }
  };
  const stop = (problems: Problem[], id: string, en: string): BuildResult => {
    fx.log(
      lang === 'en'
        ? `\nBuild stopped: ${en}. The published site was not changed.`
        : `\nBuild dihentikan: ${id}. Situs yang sudah terbit tidak diubah.`,
    );
    return { ok: false, problems, timings };
  };

  // The lock comes first: a build that waited must read what the one before it archived.
  await fx.lock();
  try {
    const published = await fx.published();
    const { prepared, problems } = await time('validate', () => loadAndPrepare(io, published));
    for (const p of problems) fx.log(formatProblem(p, lang));
    if (!prepared) {
      await fx.abort();
      const n = problems.filter((p) => p.level === 'error').length;
      return stop(problems, `${n} galat`, `${n} error(s)`);
    }
    await fx.begin({ archives: prepared.archives.map((a) => a.label) });
    const { model, archives } = prepared;
    // The downloads first, each let go once written, so the pages render beside the model alone.
    await time('downloads', async () => {
      for await (const f of prepared.files) await fx.writeFile(f.path, f.content);
    });
    await time('pages', () => fx.renderPages(model));
    await time('web', async () => {
      for (const f of await buildHeaders(fx)) await fx.writeFile(f.path, f.content);
      for (const f of await buildWebFiles(fx, model, model.changes)) await fx.writeFile(f.path, f.content);
    });
    await time('share', async () => {
      for (const f of await buildShareImages(fx, model)) await fx.writeFile(f.path, f.content);
    });
    const leaks = await checkPublished(fx);
    if (leaks.length) {
      for (const p of leaks) fx.log(formatProblem(p, lang));
      await fx.abort();
      return stop([...problems, ...leaks], 'situs akan memuat data pribadi', 'the site would publish identifiers');
    }
    await time('search', () => fx.indexSearch());
    const pages = (await fx.listFiles()).filter((f) => f.endsWith('.html')).length;
    await time('publish', () => fx.commit(archives));
    return { ok: true, problems, timings, pages };
  } catch (e) {
    await fx.abort();
    throw e;
  }
}
