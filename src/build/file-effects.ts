/**
 * BuildEffects on disk: render inside the project, stage, check, then swap
 * into OUT_DIR atomically and archive the release (see output.ts for the
 * guarantees). Astro and Pagefind come in as functions (scripts/render-pages.ts).
 */
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Lang } from '../shared/lang.ts';
import type { SiteModel } from './site-model.ts';
import type { BuildEffects } from './build.ts';
import { createHash } from 'node:crypto';
import { collectGarbage } from '../protect/memory.ts';
import { publishedReleases } from './published.ts';
import { acquireLock, checkOutDir, cleanWorkDir, failpoint, outDirNames, publishSite, recoverOutDir, releaseArchiver } from './output.ts';

export interface FileEffectsOptions {
  /** The project root: Astro renders inside it (its own temporary files live there too). */
  root: string;
  dataDir: string;
  outDir: string;
  lang: Lang;
  log: (line: string) => void;
  render: (modelFile: string, siteDir: string) => Promise<void>;
  index: (siteDir: string) => Promise<void>;
  /** How long a second build waits for the first before it refuses (default 10 minutes). */
  lockWaitMs?: number;
  /** Where the operator's report goes, outside the published site (default `laporan-operator.html` beside OUT_DIR). */
  reportFile?: string;
}

/** The page the operator's report is rendered at; it is taken out of the site before anything is published. */
export const REPORT_PAGE = 'laporan/index.html';

/**
 * The operator's report as one file that opens from disk: its stylesheets
 * inlined, its Content-Security-Policy (which would refuse inline styles)
 * dropped. It lists warnings with raw values and what disclosure control hid,
 * so it is never published.
 */
async function standaloneReport(site: string): Promise<string | undefined> {
  const html = await readFile(path.join(site, REPORT_PAGE), 'utf8').catch(() => undefined);
  if (html === undefined) return undefined;
  let out = html.replace(/<meta http-equiv="content-security-policy"[^>]*>/i, '');
  for (const m of html.matchAll(/<link rel="stylesheet" href="([^"]+)"[^>]*>/g)) {
    const file = m[1]!.replace(/^.*?\/_astro\//, '_astro/');
    const css = await readFile(path.join(site, file), 'utf8').catch(() => '');
    out = out.replace(m[0], () => `<style>${css}</style>`);
  }
  return out;
}

export function fileEffects(o: FileEffectsOptions): BuildEffects {
  const work = path.join(o.root, '.terang');
  const mine = path.join(work, `build-${process.pid}`);
  const site = path.join(mine, 'site');
  const reportFile = o.reportFile ?? path.join(path.dirname(o.outDir), 'laporan-operator.html');
  let report: string | undefined;
  const releases: (() => void)[] = [];
  let archivers: ReturnType<typeof releaseArchiver>[] = [];
  let lockWait: Parameters<typeof acquireLock>[2] | undefined;
  const unlock = () => {
    for (const r of releases.splice(0).reverse()) r();
  };
  const abs = (rel: string) => {
    const p = path.join(site, rel);
    if (!p.startsWith(site + path.sep)) throw new Error(`path outside the site: ${rel}`);
    return p;
  };
  return {
    log: o.log,
    async lock() {
      const wait = { lang: o.lang, log: o.log, waitMs: o.lockWaitMs ?? Number(process.env.TERANG_LOCK_WAIT_MS ?? 600_000) };
      // The output and the data folder for the whole build (a build that waited reads what the one before archived);
      // the checkout only while Astro renders inside it (renderPages), so builds of other folders validate meanwhile.
      releases.push(await acquireLock(outDirNames(o.outDir).lock, o.outDir, wait));
      const dataKey = createHash('sha256').update(path.resolve(o.dataDir)).digest('hex').slice(0, 12);
      releases.push(await acquireLock(path.join(work, `data-${dataKey}.lock`), o.dataDir, wait));
      for (const line of await recoverOutDir(o.outDir, o.lang)) o.log(line);
      await checkOutDir(o.outDir);
      const stale = await cleanWorkDir(work);
      if (stale)
        o.log(
          o.lang === 'en'
            ? `Cleaned up: ${stale} staging folder(s) of stopped builds in .terang/.`
            : `Dibersihkan: ${stale} folder staging build yang terhenti di .terang/.`,
        );
      lockWait = wait;
    },
    async begin({ archives }) {
      await rm(mine, { recursive: true, force: true });
      await mkdir(site, { recursive: true });
      archivers = archives.map((label) => releaseArchiver(o.dataDir, label));
      for (const a of archivers) await a.prepare();
    },
    published: () => publishedReleases(o.outDir, process.env.TERANG_PUBLISHED_INDEX, o.dataDir),
    async renderPages(model: SiteModel) {
      const modelFile = path.join(mine, 'model.json');
      await writeFile(modelFile, JSON.stringify(model));
      collectGarbage(); // the downloads' strings, before Astro's process starts beside this one
      const unlockCheckout = await acquireLock(path.join(work, 'build.lock'), o.root, lockWait!);
      try {
        await o.render(modelFile, site);
      } finally {
        unlockCheckout();
      }
      report = await standaloneReport(site);
      await rm(path.join(site, path.dirname(REPORT_PAGE)), { recursive: true, force: true });
      failpoint('after-render');
    },
    async writeFile(rel, content) {
      await mkdir(path.dirname(abs(rel)), { recursive: true });
      await writeFile(abs(rel), content);
    },
    readFile: (rel) => readFile(abs(rel), 'utf8'),
    listFiles: async () =>
      (await readdir(site, { recursive: true, withFileTypes: true }))
        .filter((d) => d.isFile())
        .map((d) => path.relative(site, path.join(d.parentPath, d.name)).split(path.sep).join('/')),
    async indexSearch() {
      await o.index(site);
      failpoint('after-index');
    },
    async commit(archives) {
      try {
        // Archive first, then publish: a release that is live is always archived (a kill in between leaves it
        // archived and unpublished, and the next build of the same data publishes it unchanged).
        for (const [i, archive] of archives.entries()) {
          await archivers[i]!.write(archive.files, archive.staged ? site : undefined);
          o.log(
            o.lang === 'en'
              ? `Release ${archive.label} ${archive.restored ? 'restored from the published site into' : 'archived in'} ${archivers[i]!.final}/ — commit this folder.`
              : `Rilis ${archive.label} ${archive.restored ? 'dipulihkan dari situs yang terbit ke' : 'diarsipkan di'} ${archivers[i]!.final}/ — simpan (commit) folder ini.`,
          );
        }
        failpoint('after-archive');
        await publishSite(site, o.outDir);
        if (report !== undefined) {
          try {
            await writeFile(`${reportFile}.tmp`, report);
            await rename(`${reportFile}.tmp`, reportFile);
            o.log(
              o.lang === 'en' ? `Operator's report (not published): ${reportFile}` : `Laporan operator (tidak diterbitkan): ${reportFile}`,
            );
          } catch {
            o.log(
              o.lang === 'en'
                ? `Operator's report not written: ${reportFile} cannot be written (the site is published).`
                : `Laporan operator tidak ditulis: ${reportFile} tidak dapat ditulis (situs sudah terbit).`,
            );
          }
        }
        await rm(mine, { recursive: true, force: true });
      } finally {
        unlock();
      }
    },
    async abort() {
      try {
        await rm(mine, { recursive: true, force: true });
        for (const a of archivers) await a.abort();
      } finally {
        unlock();
      }
    },
  };
}
