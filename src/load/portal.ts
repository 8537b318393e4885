/**
 * Stage 1 of the pipeline: read a data folder and validate everything in it
 * — portal.json, programs, every dataset file (steps/), archived releases —
 * then the plausibility rules across files (rules/). The lookup's keys are
 * read by lookup/keys.ts. Returns
 * the validated data, or the full list of problems. File access comes in
 * through `io` so tests can run on in-memory folders.
 */
import { indexTree, isProvince, loadPortalTree, type RegionTree, regencyNames } from '../domain/regions.ts';
import { type KabupatenPart, loadParts, mergeParts } from './province.ts';
import { type DataCheckSettings, loadConfig, loadGeo, loadPrograms } from './config.ts';
import { programKey } from './steps/references.ts';
import { loadDataset, loadTable, type LoadContext, type Loaded } from './dataset.ts';
import { sampleContent } from './sample-content.ts';
import { HELPER_SHEETS, isWorkbookFile, readWorkbook, type Sheet, sheetTable } from './workbook.ts';
import { type DataIO, textOf } from './io.ts';
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
  type dapil,
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

export { folderIO, memoryIO, readOnce, type DataIO } from './io.ts';
export { loadPrograms } from './config.ts';

export interface ArchivedRelease {
  label: string;
  created: string;
  /** File name → content, e.g. `pmks.csv` (as read: bytes; `textOf` gives the text). */
  files: Record<string, string | Uint8Array>;
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
  /** DPRD electoral districts (optional): groupings of kecamatan, not counts. */
  dapil: Loaded<typeof dapil.schema>[];
  /** Kecamatan boundaries made by `npm run geo:import`, if the folder has them. */
  geo?: { topojson: string; attribution: string; kabupaten: boolean };
  /** Published files of archived releases (data/rilis/<label>/), exactly as they were published. */
  releases: ArchivedRelease[];
  /** Province portal: each kabupaten/kota folder's own poverty series, budget and office (its area-coded rows are merged above). */
  parts?: KabupatenPart[];
  /** Province portal: kabupaten/kota codes with no data in the input, shown as missing (never as zero). */
  missing?: string[];
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

type Source = { file: string; bytes: Uint8Array; sheet?: undefined } | { file: string; sheet: Sheet };

/**
 * Where each dataset comes from: `<name>.csv`, `<name>.xlsx`, or a sheet
 * named `<name>` in any other workbook (`data.xlsx`, the template). A
 * dataset given twice is an error naming both places.
 */
async function datasetSources(
  io: DataIO,
  problems: Problem[],
  empty: Map<string, { file: string; sheet: string }>,
): Promise<Map<string, Source>> {
  const found = new Map<string, Source[]>();
  const add = (name: string, s: Source) => found.set(name, [...(found.get(name) ?? []), s]);
  const byName = new Map<string, (typeof DATASETS)[number]>(DATASETS.map((d) => [d.name, d]));
  // A sheet with only its header row (an unfilled sheet of the template) gives no data: the dataset is not provided.
  const dataSheets = (sheets: Sheet[]) =>
    sheets.filter((x) => !x.hidden && x.rows.size > 1 && !HELPER_SHEETS.has(x.name.trim().toLowerCase()));
  for (const f of await io.list('.')) {
    const ds = DATASETS.find((d) => d.file === f);
    if (ds) {
      add(ds.name, { file: f, bytes: (await io.read(f))! });
      continue;
    }
    if (!isWorkbookFile(f)) continue;
    const { sheets, problems: read } = await readWorkbook((await io.read(f))!, f);
    problems.push(...read);
    const single = byName.get(f.replace(/\.xlsx$/i, '').toLowerCase());
    if (single) {
      // pmks.xlsx: the sheet named pmks, or else its only sheet with data.
      const named = sheets.find((x) => x.name.trim().toLowerCase() === single.name);
      const data = dataSheets(sheets);
      const sheet = named ?? (data.length === 1 ? data[0] : undefined);
      if (sheet) add(single.name, { file: f, sheet });
      else if (!read.length)
        problems.push({
          level: 'error',
          kind: 'unknown_sheet',
          file: f,
          value: data.map((x) => x.name).join(', '),
          expected: t(`satu lembar kerja bernama "${single.name}"`, `one worksheet named "${single.name}"`),
        });
      continue;
    }
    // A sheet named like a dataset with nothing under its header: said as an empty sheet, not a missing file.
    for (const sheet of sheets)
      if (!sheet.hidden && sheet.rows.size <= 1 && byName.has(sheet.name.trim().toLowerCase()))
        empty.set(sheet.name.trim().toLowerCase(), { file: f, sheet: sheet.name });
    for (const sheet of dataSheets(sheets)) {
      const d = byName.get(sheet.name.trim().toLowerCase());
      if (d) add(d.name, { file: f, sheet });
      else
        problems.push({
          level: 'error',
          kind: 'unknown_sheet',
          file: f,
          sheet: sheet.name,
          value: sheet.name,
          expected: t(
            `nama lembar kerja sama dengan nama data: ${DATASETS.map((x) => x.name).join(', ')} (atau ${[...HELPER_SHEETS].slice(0, 3).join(', ')} untuk lembar keterangan)`,
            `a worksheet named like a dataset: ${DATASETS.map((x) => x.name).join(', ')} (or ${[...HELPER_SHEETS].slice(0, 3).join(', ')} for notes)`,
          ),
        });
    }
  }
  const out = new Map<string, Source>();
  for (const [name, list] of found) {
    if (list.length > 1)
      problems.push({
        level: 'error',
        kind: 'duplicate_dataset',
        file: list[1]!.file,
        ...(list[1]!.sheet ? { sheet: list[1]!.sheet.name } : {}),
        value: list.map((x) => (x.sheet ? `${x.file} › ${x.sheet.name}` : x.file)).join(' dan '),
        expected: t(
          `data ${name} satu kali saja: hapus salah satu dari ${list.map((x) => (x.sheet ? `${x.file} › ${x.sheet.name}` : x.file)).join(', ')}`,
          `the ${name} data once only: remove one of ${list.map((x) => (x.sheet ? `${x.file} › ${x.sheet.name}` : x.file)).join(', ')}`,
        ),
      });
    out.set(name, list[0]!);
  }
  return out;
}

/** A workbook of another kabupaten/kota is one cause: one problem naming its sheets, not one per sheet. */
function oneForeignPerWorkbook(problems: Problem[]): Problem[] {
  const byFile = new Map<string, Problem[]>();
  for (const p of problems)
    if (p.kind === 'foreign_region' && p.sheet !== undefined) byFile.set(p.file, [...(byFile.get(p.file) ?? []), p]);
  return problems.flatMap((p) => {
    const all = p.kind === 'foreign_region' && p.sheet !== undefined ? byFile.get(p.file)! : undefined;
    if (!all || all.length < 2) return [p];
    if (p !== all[0]) return [];
    const { line: _l, column: _c, field: _f, sheet: _s, ...rest } = p;
    return [
      {
        ...rest,
        expected: t(
          `${p.expected.id.replace(/: \d+ dari \d+ baris \(baris [^)]*\)/, '')} — di ${all.length} lembar: ${all.map((x) => x.sheet).join(', ')}`,
          `${p.expected.en.replace(/: \d+ of \d+ rows \(lines [^)]*\)/, '')} — in ${all.length} sheets: ${all.map((x) => x.sheet).join(', ')}`,
        ),
      },
    ];
  });
}

/** Problems found in a dataset read from a worksheet name the workbook, the sheet and (by formatProblem) the cell. */
export function relocate(problems: Problem[], origins: Map<string, { file: string; sheet: string }>): Problem[] {
  return problems.map((p) => {
    const o = p.sheet === undefined ? origins.get(p.file) : undefined;
    return o ? { ...p, file: o.file, sheet: o.sheet } : p;
  });
}

export async function loadPortal(io: DataIO): Promise<{ data?: PortalData; problems: Problem[] }> {
  const origins = new Map<string, { file: string; sheet: string }>();
  const res = await loadFolder(io, origins);
  return { ...res, problems: oneForeignPerWorkbook(relocate(res.problems, origins)) };
}

async function loadFolder(
  io: DataIO,
  origins: Map<string, { file: string; sheet: string }>,
): Promise<{ data?: PortalData; problems: Problem[] }> {
  const problems: Problem[] = [];
  const partial: { settings?: DataCheckSettings } = {};
  const config = await loadConfig(io, problems, partial);
  // With portal.json wrong elsewhere, the data files are still checked, in the same run.
  const settings = config ? { ...config, releaseYear: Number(config.rilis.tanggal.slice(0, 4)) } : partial.settings;
  if (!settings) return { problems };
  const tree = await loadPortalTree(settings.kode_kabupaten);
  if (!tree) {
    problems.push({
      level: 'error',
      kind: 'invalid_config',
      file: 'portal.json',
      field: 'kode_kabupaten',
      value: settings.kode_kabupaten,
      expected: t(
        'kode kabupaten/kota Kemendagri yang ada, mis. "34.02" (atau kode provinsi, mis. "34")',
        'an existing Kemendagri kabupaten/kota code, e.g. "34.02" (or a province code, e.g. "34")',
      ),
    });
    return { problems };
  }
  const programs = await loadPrograms(io, problems);
  const regencies = await regencyNames();
  const province = isProvince(tree);
  // A province's own files are optional: its kabupaten/kota folders hold the data (province.ts).
  const own = await loadDatasets(io, contextFor(tree, settings, programs, regencies), origins, problems, !province);
  const parts = province ? await loadParts(io, tree, settings, config, programs, regencies, own.tables, problems) : undefined;
  const geo = await loadGeo(io, tree, problems);
  const releases = await loadReleases(io);
  if (config) problems.push(...(await sampleContent(io, config, programs, releases)));
  const partFolders = new Set(parts?.folders ?? []);
  for (const f of await io.list('.')) {
    if (
      !OTHER_FILES.has(f) &&
      !partFolders.has(f) &&
      !DATASETS.some((d) => d.file === f) &&
      !isWorkbookFile(f) &&
      !f.startsWith('.') &&
      !f.startsWith('~$')
    )
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
  if (!config || hasErrors(problems)) return { problems };
  const datasets = own.tables as unknown as Datasets;
  // Plausibility across cells and files, once every file is valid on its own (a kabupaten's folder was checked as it loaded).
  for (const rule of RULES) problems.push(...rule({ config, tree, programs, ...datasets, layout: own.layout }));
  if (hasErrors(problems)) return { problems };
  const merged = parts ? mergeParts(datasets, parts.parts) : datasets;
  return {
    data: {
      config,
      tree,
      programs,
      ...merged,
      releases,
      ...(geo ? { geo } : {}),
      ...(parts ? { parts: parts.parts, missing: parts.missing } : {}),
    },
    problems,
  };
}

type Datasets = Omit<PortalData, 'config' | 'tree' | 'programs' | 'geo' | 'releases' | 'parts' | 'missing'>;

/** What checking one folder's data files needs: the tree its codes must be in, names, programs, number formats. */
export function contextFor(
  tree: RegionTree,
  settings: DataCheckSettings,
  programs: readonly Program[],
  regencies: Map<string, string>,
): (file: string) => LoadContext {
  const areas = indexTree(tree);
  // What people call each program: its slug, name and short name, and each part of "BPNT/Sembako".
  const programByName = new Map<string, string>();
  for (const p of programs)
    for (const n of [p.slug, p.nama, p.nama_en ?? '', ...(p.singkatan ?? '').split('/'), p.singkatan ?? ''])
      if (programKey(n)) programByName.set(programKey(n), p.slug);
  return (file) => ({
    kabupaten: tree.code,
    kabupatenName: tree.name,
    areas,
    regencies,
    programByName,
    programs: new Set(programs.map((p) => p.slug)),
    releaseYear: settings.releaseYear,
    numberFormat: settings.format_angka_berkas[file] ?? settings.format_angka,
  });
}

/** Every dataset of one folder (CSV files, workbooks), each validated on its own; `required` datasets must be there. */
export async function loadDatasets(
  io: DataIO,
  ctx: (file: string) => LoadContext,
  origins: Map<string, { file: string; sheet: string }>,
  problems: Problem[],
  required: boolean,
): Promise<{ tables: Record<string, unknown[]>; layout: Record<string, Header | undefined> }> {
  const tables: Record<string, unknown[]> = {};
  const layout: Record<string, Header | undefined> = {};
  const emptySheets = new Map<string, { file: string; sheet: string }>();
  const sources = await datasetSources(io, problems, emptySheets);
  for (const ds of DATASETS) {
    const src = sources.get(ds.name);
    const emptySheet = emptySheets.get(ds.name);
    const isRequired = required && ds.required;
    if (!src && emptySheet) {
      problems.push({
        level: isRequired ? 'error' : 'warning',
        kind: 'empty_sheet',
        file: emptySheet.file,
        sheet: emptySheet.sheet,
        expected: isRequired
          ? t(
              `baris judul kolom dan minimal satu baris data di lembar ${emptySheet.sheet} (${ds.title.id}); lembar ini kosong`,
              `a header row and at least one data row in the ${emptySheet.sheet} sheet (${ds.title.en}); this sheet is empty`,
            )
          : t(
              `data di lembar ${emptySheet.sheet} (${ds.title.id}); lembar ini kosong, jadi halamannya tidak ditampilkan`,
              `data in the ${emptySheet.sheet} sheet (${ds.title.en}); this sheet is empty, so its page is not shown`,
            ),
      });
      tables[ds.name] = [];
      continue;
    }
    if (!src) {
      if (isRequired)
        problems.push({
          level: 'error',
          kind: 'missing_file',
          file: ds.file,
          expected: t(
            `berkas ${ds.file} (${ds.title.id}) di folder data, atau lembar kerja "${ds.name}" di data.xlsx`,
            `the file ${ds.file} (${ds.title.en}) in the data folder, or a worksheet "${ds.name}" in data.xlsx`,
          ),
        });
      tables[ds.name] = [];
      continue;
    }
    let res: { rows: unknown[]; header?: Header; problems: Problem[] };
    if (src.sheet) {
      origins.set(ds.file, { file: src.file, sheet: src.sheet.name });
      const read = sheetTable(ds as never, src.sheet);
      res = read.table ? loadTable(ds as never, read.table, ctx(ds.file)) : { rows: [], problems: [] };
      res.problems.unshift(...read.problems);
    } else res = loadDataset(ds as never, src.bytes, ctx(ds.file));
    problems.push(...res.problems);
    tables[ds.name] = res.rows;
    layout[ds.file] = res.header;
  }
  return { tables, layout };
}

/** Every archived release folder `rilis/<label>/` (hidden folders are half-written ones, ignored). */
async function loadReleases(io: DataIO): Promise<ArchivedRelease[]> {
  const releases: ArchivedRelease[] = [];
  for (const label of await io.list('rilis')) {
    if (label.startsWith('.')) continue;
    // Kept as bytes: a province's release is ~0.5 GB, twice that as text with one character beyond Latin-1.
    const files: Record<string, Uint8Array> = {};
    for (const f of await io.list(`rilis/${label}`)) {
      const bytes = await io.read(`rilis/${label}/${f}`);
      if (bytes) files[f] = bytes;
    }
    let created = '';
    try {
      created = JSON.parse(textOf(files['datapackage.json'] ?? '')).created ?? '';
    } catch {
      /* checkArchive reports it */
    }
    releases.push({ label, created, files });
  }
  return releases;
}
