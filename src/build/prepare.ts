/**
 * One direction through the build: a data folder in, everything the site
 * needs out — the page model, every file besides the pages, and the release
 * to archive. Pure apart from reading the folder; `npm run build` and
 * `astro dev` both come through here, so they see the same pages.
 */
import { loadPortal, readOnce, type DataIO, type PortalData } from '../load/portal.ts';
import { textOf } from '../load/io.ts';
import { siteBase } from '../load/schema/portal.ts';
import { hasErrors, t, type Problem } from '../load/problems.ts';
import { DATASETS } from '../load/datasets/index.ts';
import { createHash } from 'node:crypto';
import { KEYS_FILE, loadRecipientKeys, paramsOf } from '../lookup/keys.ts';
import { buildShards, seededRandom } from '../lookup/shards.ts';
import { buildModel, protectOptions } from '../model/model.ts';
import { protectPortalInWorkers } from '../protect/tables.ts';
import { availableParallelism } from 'node:os';
import { collectGarbage } from '../protect/memory.ts';
import type { SiteModel } from './site-model.ts';
import { buildDownloads, type OutputFile } from '../publish/downloads.ts';
import { checkInputs } from '../publish/guard.ts';
import { templateWorkbook } from '../publish/template.ts';
import { buildWorkbooks, SAMPLE_WORKBOOK, TEMPLATE_FILE } from '../publish/workbooks.ts';
import {
  changedTables,
  checkArchive,
  compareReleases,
  differingResources,
  type PublishedRelease,
  resourceHashes,
  tablesOfArchive,
} from '../publish/releases.ts';
import type { ArchivedRelease } from '../load/portal.ts';

export interface Prepared {
  model: SiteModel;
  /**
   * Every file under `dist/` besides the rendered pages: downloads, releases, lookup shards, then the workbooks
   * (made as they are asked for). Read once: what has been handed out is no longer held (a province's are ~1 GB).
   */
  files: AsyncIterable<OutputFile>;
  /**
   * Releases to archive in `data/rilis/<label>/` before the site goes live: this release's files when it is new,
   * and any earlier release the previous site published whose archive is missing (restored exactly as published).
   */
  archives: Archive[];
}

export interface Archive {
  label: string;
  /** File name → content; with `staged`, file name → the file of the staged site that holds it (written before). */
  files: Record<string, string | Uint8Array>;
  /** This build's own release: archived from the staged site's `data/` files, which are exactly its bytes. */
  staged?: boolean;
  /** Copied back from the published site, not made by this build. */
  restored?: boolean;
}

/** Read, validate and prepare a data folder: problems (errors stop the build) and, if none is an error, the prepared site. */
export async function loadAndPrepare(
  folder: DataIO,
  published: readonly PublishedRelease[] = [],
): Promise<{ prepared?: Prepared; problems: Problem[] }> {
  const { data, recipients, problems } = await load(folder);
  if (!data) return { problems };
  return prepareSite(data, recipients, problems, published);
}

/** The folder read and checked; the bytes read are let go when this returns (a province's archive is ~1 GB). */
async function load(folder: DataIO): Promise<{ data?: PortalData; recipients?: Recipients; problems: Problem[] }> {
  const io = readOnce(folder);
  const loaded = await loadPortal(io);
  const problems = [...(await checkInputs(io)), ...loaded.problems];
  if (!loaded.data || hasErrors(problems)) return { problems };
  const recipients = await loadRecipientKeys(io, problems);
  if (hasErrors(problems)) return { problems };
  return { data: loaded.data, recipients, problems };
}

/** A province, or a kabupaten/kota of more than this many desa, protects its tables on every core. */
const THREADED_FROM_DESA = 1500;

type Recipients = Awaited<ReturnType<typeof loadRecipientKeys>>;

export async function prepareSite(
  input: PortalData,
  recipients: Recipients,
  problems: readonly Problem[],
  published: readonly PublishedRelease[] = [],
): Promise<{ prepared?: Prepared; problems: Problem[] }> {
  const all = [...problems, ...input.releases.flatMap(checkArchive)];
  if (hasErrors(all)) return { problems: all };
  // Everything that already published a label counts: the archive, and the site an earlier build published.
  const { restored, problems: publishedProblems } = checkPublished(input, published);
  all.push(...publishedProblems);
  if (hasErrors(all)) return { problems: all };
  const data = { ...input, releases: [...input.releases, ...restored] };
  // Every link the model and the pages make is under the site's base path (i18n/index.ts withBase).
  process.env.TERANG_BASE = siteBase(data.config);
  const desa = data.tree.kecamatan.reduce((n, k) => n + k.desa.length, 0);
  const threads = Math.min(availableParallelism(), 4);
  const threaded = (data.tree.kabupaten || desa > THREADED_FROM_DESA) && threads > 1;
  if (threaded) collectGarbage(); // what loading parsed, before the disclosure-control processes start
  const figures = buildModel(data, threaded ? await protectPortalInWorkers(data, protectOptions(data), threads) : undefined);
  const downloads = buildDownloads(data, figures);
  const label = data.config.rilis.label;
  const current = Object.fromEntries(
    downloads.files.filter((f) => f.path.startsWith('data/')).map((f) => [f.path.slice('data/'.length), f.content]),
  );

  const currentHashes = resourceHashes(textOf(current['datapackage.json'] ?? ''));
  // A published release never changes: the same label must mean the same figures.
  const archived = data.releases.find((r) => r.label === label);
  const live = published.find((p) => p.label === label);
  const liveChanged = !archived && live ? differingResources(currentHashes, live.hashes) : [];
  if (liveChanged.length) {
    all.push({
      level: 'error',
      kind: 'release_changed',
      file: `rilis/${label}/`,
      value: liveChanged.join(', '),
      expected: t(
        `label rilis baru di portal.json: rilis ${label} sudah terbit (${live!.where}) dengan angka lain, padahal arsipnya tidak ada di data/rilis/${label}/. Bila angka yang terbit itu benar, salin folder itu dari situs ke data/rilis/${label}/`,
        `a new release label in portal.json: release ${label} was published (${live!.where}) with other figures, though its archive is missing from data/rilis/${label}/. If the published figures are right, copy that folder from the site into data/rilis/${label}/`,
      ),
    });
    return { problems: all };
  }
  // Files whose bytes equal the archive's (checked against its hashes) hold the same figures: only the others are read.
  const sameBytes = archived && differingResources(resourceHashes(archived.files['datapackage.json']), currentHashes).length === 0;
  if (archived && !sameBytes) {
    const changed = changedTables(tablesOfArchive(archived.files), downloads.tables);
    if (changed.length) {
      all.push({
        level: 'error',
        kind: 'release_changed',
        file: `rilis/${label}/`,
        value: changed.map((n) => `${n}.csv`).join(', '),
        expected: t(
          `label rilis baru di portal.json (rilis ${label} sudah terbit dengan angka lain)`,
          `a new release label in portal.json (release ${label} was published with other figures)`,
        ),
      });
      return { problems: all };
    }
  }
  const previous = data.releases
    .filter((r) => r.label !== label)
    .sort((a, b) => a.created.localeCompare(b.created))
    .at(-1);
  const changes =
    previous && compareReleases({ label: previous.label, tables: tablesOfArchive(previous.files) }, { label, tables: downloads.tables });
  const shards = recipients && lookupShards(recipients, all);

  const model: SiteModel = {
    ...figures,
    ...(shards
      ? {
          cek: {
            kdf: paramsOf(recipients!.kdf),
            prefixLength: shards.prefixLength,
            perShard: shards.perShard,
            recordBytes: shards.recordBytes,
            shardBytes: shards.bytes,
            people: shards.real,
            desil: recipients!.kdf.desil,
            listRelease: recipients!.kdf.rilis ?? recipients!.kdf.dibuat ?? '?',
          },
        }
      : {}),
    ...(changes ? { changes } : {}),
    report: {
      warnings: all.filter((p) => p.level === 'warning'),
      inputs: DATASETS.map((ds) => ({ file: ds.file, rows: (data[ds.name as keyof PortalData] as unknown[]).length })).filter(
        (x) => x.rows > 0,
      ),
      notes: [
        ...(data.geo
          ? []
          : [
              t(
                'Peta kecamatan belum ada: jalankan npm run geo:import -- <berkas-batas-desa.geojson> (lihat README) agar grafik per kecamatan juga tampil sebagai peta.',
                'No kecamatan map yet: run npm run geo:import -- <desa-boundaries.geojson> (see README) so that kecamatan charts are also drawn as maps.',
              ),
            ]),
        ...(data.config.instansi.situs
          ? []
          : [
              t(
                'Alamat situs belum diisi: isi instansi.situs di portal.json (mis. "https://data.dinsos.contoh.go.id/") agar sitemap.xml, tautan kanonik, kartu berbagi WhatsApp, katalog DCAT dan umpan rilis ikut dibuat.',
                'The site address is not set: fill instansi.situs in portal.json (e.g. "https://data.dinsos.example.go.id/") so the build also writes sitemap.xml, canonical links, WhatsApp share cards, the DCAT catalogue and the release feed.',
              ),
            ]),
        ...(data.config.instansi.email
          ? []
          : [
              t(
                'Alamat e-mail kantor belum diisi: isi instansi.email di portal.json agar katalog data.json (DCAT-US, dipanen CKAN) ikut dibuat dan katalog DCAT menyebut kontaknya. Tanpa itu tidak ada alamat yang dikarang.',
                "The office's e-mail is not set: fill instansi.email in portal.json so the build also writes data.json (DCAT-US, harvested by CKAN) and the DCAT catalogue names a contact. No address is made up.",
              ),
            ]),
      ],
    },
  };
  // The current release at its own URL (the archived bytes once it has been archived), and every earlier one as published.
  const releaseFiles = [
    ...Object.entries(archived?.files ?? current).map(([f, content]) => ({ path: `data/rilis/${label}/${f}`, content })),
    ...data.releases
      .filter((r) => r.label !== label)
      .flatMap((r) => Object.entries(r.files).map(([f, content]) => ({ path: `data/rilis/${r.label}/${f}`, content }))),
  ];
  // Every release this site publishes and its files' hashes: a later build (or a publishing workflow, from the
  // live site) compares each label against it, so a published release can be neither changed nor forgotten.
  const releaseIndex = {
    situs: data.config.instansi.situs ?? '',
    rilis: [
      ...data.releases.filter((r) => r.label !== label).map((r) => ({ label: r.label, hash: resourceHashes(r.files['datapackage.json']) })),
      { label, hash: archived ? resourceHashes(archived.files['datapackage.json']) : currentHashes },
    ].sort((a, b) => a.label.localeCompare(b.label)),
  };
  releaseFiles.push({ path: 'data/rilis/index.json', content: `${JSON.stringify(releaseIndex, null, 1)}\n` });
  return {
    problems: all,
    prepared: {
      model,
      files: outputFiles([...downloads.files, ...releaseFiles, ...(shards?.files ?? [])], data, downloads.tables),
      archives: [
        ...restored.map((r) => ({ label: r.label, files: r.files, restored: true })),
        ...(archived ? [] : [{ label, files: Object.fromEntries(Object.keys(current).map((f) => [f, `data/${f}`])), staged: true }]),
      ],
    },
  };
}

/**
 * The files, each let go once handed out, then every table as .xlsx, all tables in one, the office's template,
 * and for a kabupaten sample portal the sample data as a filled template.
 */
async function* outputFiles(
  files: OutputFile[],
  data: PortalData,
  tables: Parameters<typeof buildWorkbooks>[0],
): AsyncGenerator<OutputFile> {
  for (let f = files.shift(); f; f = files.shift()) yield f;
  const c = data.config;
  yield* await buildWorkbooks(tables, { config: c, area: data.tree.name, sample: c.data_contoh });
  const template = { tree: data.tree, programs: data.programs, date: c.rilis.tanggal, sources: c.sumber.map((s) => s.nama) };
  yield { path: `data/${TEMPLATE_FILE}`, content: await templateWorkbook(template) };
  // A province's sample comes as one folder per kabupaten/kota, each its own kabupaten's template: no single filled
  // workbook of it (Jawa Timur's would hold ten million cells).
  if (!c.data_contoh || data.tree.kabupaten) return;
  const rows = Object.fromEntries(
    DATASETS.map((ds) => [ds.name, (data[ds.name as keyof PortalData] as { _line: number }[]).map(({ _line, ...r }) => r)]),
  );
  yield { path: `data/${SAMPLE_WORKBOOK}`, content: await templateWorkbook({ ...template, rows }) };
}

/**
 * The lookup's shard files. A list written by `npm run hash` holds its decoys
 * and its layout; an older one gets decoys derived from its own bytes, so
 * every build of it gives the same shards, and a warning: such a file in a
 * public repository shows which entries are real.
 */
function lookupShards(r: NonNullable<Recipients>, problems: Problem[]) {
  if (r.layout) return buildShards(r.entries, { layout: r.layout, rand: seededRandom(new Uint8Array(0)), real: r.kdf.orang! });
  problems.push({
    level: 'warning',
    kind: 'lookup_without_decoys',
    file: KEYS_FILE,
    expected: t(
      'penerima.csv yang memuat entri palsu (dibuat npm run hash versi sekarang): berkas ini hanya memuat entri asli, jadi siapa pun yang melihat repositorinya tahu entri mana yang asli. Jalankan npm run hash lagi',
      'a penerima.csv that holds its decoys (made by the current npm run hash): this one holds only real entries, so anyone who sees the repository knows which entries are real. Run npm run hash again',
    ),
  });
  const seed = createHash('sha256').update('terang-decoys|').update(r.kdf.salt);
  for (const e of r.entries) seed.update(e.id).update(e.data);
  return buildShards(r.entries, { rand: seededRandom(seed.digest()) });
}

/**
 * Every release an earlier build published, against the archives in the data
 * folder: an archive that differs from what was published is an error (it
 * was edited); a published release with no archive is restored from the
 * published site's own files when they are at hand (a build killed before
 * archiving, a folder never committed), and an error when only the live
 * site's index knows it (a fresh clone in CI): it is not a new release.
 */
function checkPublished(data: PortalData, published: readonly PublishedRelease[]): { restored: ArchivedRelease[]; problems: Problem[] } {
  const restored: ArchivedRelease[] = [];
  const problems: Problem[] = [];
  const label = data.config.rilis.label;
  for (const p of published) {
    const archived = data.releases.find((r) => r.label === p.label);
    if (archived) {
      const differ = differingResources(resourceHashes(archived.files['datapackage.json']), p.hashes);
      if (differ.length)
        problems.push({
          level: 'error',
          kind: 'release_changed',
          file: `rilis/${p.label}/`,
          value: differ.join(', '),
          expected: t(
            `arsip rilis ${p.label} persis seperti yang terbit (${p.where}): arsip di data/rilis/${p.label}/ berbeda. Kembalikan berkas arsip itu dari git atau dari situs`,
            `the archive of release ${p.label} exactly as published (${p.where}): data/rilis/${p.label}/ differs. Restore those files from git or from the site`,
          ),
        });
      continue;
    }
    if (p.label === label) continue; // compared with this build's files in prepareSite
    const candidate = p.files && { label: p.label, created: JSON.parse(p.files['datapackage.json'] ?? '{}').created ?? '', files: p.files };
    if (candidate && checkArchive(candidate).length === 0) restored.push(candidate);
    else
      problems.push({
        level: 'error',
        kind: 'release_incomplete',
        file: `rilis/${p.label}/`,
        expected: t(
          `arsip rilis ${p.label}, yang sudah terbit (${p.where}) tetapi tidak ada di data/rilis/${p.label}/. Salin folder data/rilis/${p.label}/ dari situs yang terbit atau dari riwayat git ke data/rilis/${p.label}/; rilis yang sudah terbit tidak diterbitkan ulang sebagai rilis baru`,
          `the archive of release ${p.label}, which was published (${p.where}) but is missing from data/rilis/${p.label}/. Copy data/rilis/${p.label}/ from the published site or from git history into data/rilis/${p.label}/; a published release is not published again as a new one`,
        ),
      });
  }
  return { restored, problems };
}
