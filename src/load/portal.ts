/**
 * Stage 1 of the pipeline: read a data folder and validate everything in it
 * — portal.json, programs, every dataset file (steps/), archived releases —
 * then the plausibility rules across files (rules/). The lookup's keys are
 * read by lookup/keys.ts. Returns
 * the validated data, or the full list of problems. File access comes in
 * through `io` so tests can run on in-memory folders.
 */
import { indexTree, loadRegionTree, type RegionTree } from '../domain/regions.ts';
import { loadConfig, loadGeo, loadPrograms } from './config.ts';
import { loadDataset, type LoadContext, type Loaded } from './dataset.ts';
import type { DataIO } from './io.ts';
import { hasErrors, t, type Problem } from './problems.ts';
import { RULES } from './rules/index.ts';
import {
  type anggaran,
  type cakupan,
  DATASETS,
  type desilData,
  type kemiskinan,
  type kondisi,
  type layanan,
  type pmks,
  type psks,
  type puskesos,
  type registri,
  type sasaran,
  type verval,
} from './datasets/index.ts';
import type { PortalConfig } from './schema/portal.ts';
import type { Program } from './schema/program.ts';
import type { Header } from './steps/context.ts';

export { folderIO, memoryIO, type DataIO } from './io.ts';
export { loadPrograms } from './config.ts';

export interface ArchivedRelease {
  label: string;
  created: string;
  /** File name → content, e.g. `pmks.csv`. */
  files: Record<string, string>;
}

export interface PortalData {
  config: PortalConfig;
  tree: RegionTree;
  programs: Program[];
  kemiskinan: Loaded<typeof kemiskinan.schema>[];
  pmks: Loaded<typeof pmks.schema>[];
  psks: Loaded<typeof psks.schema>[];
  registri: Loaded<typeof registri.schema>[];
  cakupan: Loaded<typeof cakupan.schema>[];
  anggaran: Loaded<typeof anggaran.schema>[];
  verval: Loaded<typeof verval.schema>[];
  puskesos: Loaded<typeof puskesos.schema>[];
  desil: Loaded<typeof desilData.schema>[];
  sasaran: Loaded<typeof sasaran.schema>[];
  kondisi: Loaded<typeof kondisi.schema>[];
  layanan: Loaded<typeof layanan.schema>[];
  /** Kecamatan boundaries made by `npm run geo:import`, if the folder has them. */
  geo?: { topojson: string; attribution: string };
  /** Published files of archived releases (data/rilis/<label>/), exactly as they were published. */
  releases: ArchivedRelease[];
}

/** Files the portal reads besides the datasets; anything else is reported as ignored. */
const OTHER_FILES = new Set([
  'portal.json',
  'penerima.csv',
  'penerima-kdf.json',
  'README.md',
  'LICENSE',
  'program',
  'private',
  'geo',
  'rilis',
]);

export async function loadPortal(io: DataIO): Promise<{ data?: PortalData; problems: Problem[] }> {
  const problems: Problem[] = [];
  const config = await loadConfig(io, problems);
  if (!config) return { problems };
  const tree = await loadRegionTree(config.kode_kabupaten);
  if (!tree) {
    problems.push({
      level: 'error',
      kind: 'invalid_config',
      file: 'portal.json',
      field: 'kode_kabupaten',
      value: config.kode_kabupaten,
      expected: t('kode kabupaten/kota Kemendagri yang ada, mis. "34.02"', 'an existing Kemendagri kabupaten/kota code, e.g. "34.02"'),
    });
    return { problems };
  }
  const programs = await loadPrograms(io, problems);

  const ctx = (file: string): LoadContext => ({
    kabupaten: tree.code,
    kabupatenName: tree.name,
    areas: indexTree(tree),
    programs: new Set(programs.map((p) => p.slug)),
    releaseYear: Number(config.rilis.tanggal.slice(0, 4)),
    numberFormat: config.format_angka_berkas[file] ?? config.format_angka,
  });
  const tables: Record<string, unknown[]> = {};
  const layout: Record<string, Header | undefined> = {};
  for (const ds of DATASETS) {
    const bytes = await io.read(ds.file);
    if (bytes === null) {
      if (ds.required)
        problems.push({
          level: 'error',
          kind: 'missing_file',
          file: ds.file,
          expected: t(`berkas ${ds.file} (${ds.title.id}) di folder data`, `the file ${ds.file} (${ds.title.en}) in the data folder`),
        });
      tables[ds.name] = [];
      continue;
    }
    const res = loadDataset(ds as never, bytes, ctx(ds.file));
    problems.push(...res.problems);
    tables[ds.name] = res.rows;
    layout[ds.file] = res.header;
  }
  const geo = await loadGeo(io, tree, problems);
  const releases = await loadReleases(io);
  for (const f of await io.list('.')) {
    if (!OTHER_FILES.has(f) && !DATASETS.some((d) => d.file === f) && !f.startsWith('.'))
      problems.push({
        level: 'warning',
        kind: 'unknown_column',
        file: f,
        expected: t(
          `salah satu berkas: ${DATASETS.map((d) => d.file).join(', ')}; berkas ini diabaikan`,
          `one of the files: ${DATASETS.map((d) => d.file).join(', ')}; this file is ignored`,
        ),
      });
  }
  if (hasErrors(problems)) return { problems };
  const datasets = tables as unknown as Omit<PortalData, 'config' | 'tree' | 'programs' | 'geo' | 'releases'>;
  // Plausibility across cells and files, once every file is valid on its own.
  for (const rule of RULES) problems.push(...rule({ config, tree, programs, ...datasets, layout }));
  if (hasErrors(problems)) return { problems };
  return { data: { config, tree, programs, ...datasets, releases, ...(geo ? { geo } : {}) }, problems };
}

/** Every archived release folder `rilis/<label>/` (hidden folders are half-written ones, ignored). */
async function loadReleases(io: DataIO): Promise<ArchivedRelease[]> {
  const releases: ArchivedRelease[] = [];
  for (const label of await io.list('rilis')) {
    if (label.startsWith('.')) continue;
    const files: Record<string, string> = {};
    for (const f of await io.list(`rilis/${label}`)) {
      const bytes = await io.read(`rilis/${label}/${f}`);
      if (bytes) files[f] = new TextDecoder().decode(bytes);
    }
    let created = '';
    try {
      created = JSON.parse(files['datapackage.json'] ?? '').created ?? '';
    } catch {
      /* checkArchive reports it */
    }
    releases.push({ label, created, files });
  }
  return releases;
}
