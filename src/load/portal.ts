/**
 * Stage 1 of the pipeline: read a data folder and validate everything in it.
 * Returns the validated data, or the full list of problems. File access comes
 * in through `io` so tests can run on in-memory folders.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import matter from 'gray-matter';
import { marked } from 'marked';
import type { KdfParams } from '../shared/kdf.ts';
import { parseCsv } from './csv.ts';
import { STATUS_CODES, STATUSES } from '../domain/aid.ts';
import { loadDataset, type Loaded, type LoadContext } from './dataset.ts';
import { hasErrors, t, type Problem } from './problems.ts';
import { indexTree, loadRegionTree, type RegionTree } from '../domain/regions.ts';
import { anggaran, cakupan, DATASETS, kemiskinan, pmks, psks, puskesos, registri, verval } from './schema/index.ts';
import { portalSchema, type PortalConfig } from './schema/portal.ts';
import { programSchema, type Program } from './schema/program.ts';

export interface DataIO {
  /** File bytes, or null when the file does not exist. */
  read(rel: string): Promise<Uint8Array | null>;
  list(rel: string): Promise<string[]>;
}

export const folderIO = (dir: string): DataIO => ({
  read: async (rel) => {
    try { return await readFile(path.join(dir, rel)); } catch (e) { if ((e as NodeJS.ErrnoException).code === 'ENOENT' || (e as NodeJS.ErrnoException).code === 'EISDIR') return null; throw e; }
  },
  list: async (rel) => {
    try { return (await readdir(path.join(dir, rel))).sort(); } catch { return []; }
  },
});

export interface ArchivedRelease {
  label: string;
  created: string;
  /** File name → content, e.g. `pmks.csv`. */
  files: Record<string, string>;
}

/** An in-memory data folder (path → text), e.g. a generated sample before it is written. */
export const memoryIO = (files: Record<string, string>): DataIO => ({
  read: async (rel) => (rel in files ? new TextEncoder().encode(files[rel]) : null),
  list: async (rel) => [...new Set(Object.keys(files).filter((k) => rel === '.' || k.startsWith(`${rel}/`)).map((k) => (rel === '.' ? k : k.slice(rel.length + 1)).split('/')[0]!))].sort(),
});

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
  /** Kecamatan boundaries made by `npm run geo:import`, if the folder has them. */
  geo?: { topojson: string; attribution: string };
  /** Published files of archived releases (data/rilis/<label>/), exactly as they were published. */
  releases: ArchivedRelease[];
  /** The hashed recipient list made by `npm run hash`, if the folder has it. */
  recipients?: { kdf: KdfParams; rows: { kunci: string; program: string; status: string; periode: string }[] };
}

/** Files the portal reads besides the datasets; anything else is reported as ignored. */
const OTHER_FILES = new Set(['portal.json', 'penerima.csv', 'penerima-kdf.json', 'README.md', 'LICENSE', 'program', 'private', 'geo', 'rilis']);

export async function loadPortal(io: DataIO): Promise<{ data?: PortalData; problems: Problem[] }> {
  const problems: Problem[] = [];
  const config = await loadConfig(io, problems);
  if (!config) return { problems };
  const tree = await loadRegionTree(config.kode_kabupaten);
  if (!tree) {
    problems.push({ level: 'error', kind: 'invalid_config', file: 'portal.json', field: 'kode_kabupaten', value: config.kode_kabupaten, expected: t('kode kabupaten/kota Kemendagri yang ada, mis. "34.02"', 'an existing Kemendagri kabupaten/kota code, e.g. "34.02"') });
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
  for (const ds of DATASETS) {
    const bytes = await io.read(ds.file);
    if (bytes === null) {
      if (ds.required) problems.push({ level: 'error', kind: 'missing_file', file: ds.file, expected: t(`berkas ${ds.file} (${ds.title.id}) di folder data`, `the file ${ds.file} (${ds.title.en}) in the data folder`) });
      tables[ds.name] = [];
      continue;
    }
    const res = loadDataset(ds as never, bytes, ctx(ds.file));
    problems.push(...res.problems);
    tables[ds.name] = res.rows;
  }
  const geo = await loadGeo(io, tree, problems);
  const recipients = await loadRecipientKeys(io, programs, problems);
  const releases: ArchivedRelease[] = [];
  for (const label of await io.list('rilis')) {
    const pkg = await io.read(`rilis/${label}/datapackage.json`);
    if (!pkg) continue;
    const files: Record<string, string> = {};
    for (const f of await io.list(`rilis/${label}`)) files[f] = new TextDecoder().decode((await io.read(`rilis/${label}/${f}`))!);
    let created = '';
    try { created = JSON.parse(files['datapackage.json']!).created ?? ''; } catch {
      problems.push({ level: 'error', kind: 'invalid_config', file: `rilis/${label}/datapackage.json`, expected: t('datapackage.json yang sah dari rilis terdahulu', 'a valid datapackage.json of an earlier release') });
    }
    releases.push({ label, created, files });
  }
  for (const f of await io.list('.')) {
    if (!OTHER_FILES.has(f) && !DATASETS.some((d) => d.file === f) && !f.startsWith('.'))
      problems.push({ level: 'warning', kind: 'unknown_column', file: f, expected: t(`salah satu berkas: ${DATASETS.map((d) => d.file).join(', ')}; berkas ini diabaikan`, `one of the files: ${DATASETS.map((d) => d.file).join(', ')}; this file is ignored`) });
  }
  if (hasErrors(problems)) return { problems };
  return { data: { config, tree, programs, ...(tables as unknown as Omit<PortalData, 'config' | 'tree' | 'programs' | 'geo' | 'releases'>), releases, ...(geo ? { geo } : {}), ...(recipients ? { recipients } : {}) }, problems };
}

/**
 * data/penerima.csv and data/penerima-kdf.json, written by `npm run hash`:
 * keys only, never an identifier. Checked strictly, since the citizen lookup
 * depends on them.
 */
async function loadRecipientKeys(io: DataIO, programs: readonly Program[], problems: Problem[]): Promise<PortalData['recipients']> {
  const csv = await io.read('penerima.csv');
  const meta = await io.read('penerima-kdf.json');
  if (!csv && !meta) return undefined;
  if (!csv || !meta) {
    problems.push({ level: 'error', kind: 'missing_file', file: csv ? 'penerima-kdf.json' : 'penerima.csv', expected: t('penerima.csv dan penerima-kdf.json bersama-sama (keduanya dibuat oleh npm run hash)', 'penerima.csv and penerima-kdf.json together (both made by npm run hash)') });
    return undefined;
  }
  let kdf: KdfParams;
  try {
    kdf = JSON.parse(new TextDecoder().decode(meta));
    if (kdf.algorithm !== 'scrypt' || !(kdf.N >= 2 ** 14) || !Number.isInteger(Math.log2(kdf.N)) || !(kdf.r >= 8) || !(kdf.p >= 1) || !/^[0-9a-f]{32,}$/.test(kdf.salt) || !(kdf.dkLen >= 16)) throw new Error('parameter');
  } catch {
    problems.push({ level: 'error', kind: 'invalid_config', file: 'penerima-kdf.json', expected: t('parameter scrypt dari npm run hash (N ≥ 16384, r ≥ 8, garam heksadesimal)', 'scrypt parameters from npm run hash (N ≥ 16384, r ≥ 8, hex salt)') });
    return undefined;
  }
  const parsed = parseCsv(new TextDecoder().decode(csv).replace(/^\uFEFF/, ''), 'penerima.csv');
  problems.push(...parsed.problems);
  if (!parsed.table) return undefined;
  const want = ['kunci', 'program', 'status', 'periode'];
  if (parsed.table.header.join(',') !== want.join(',')) {
    problems.push({ level: 'error', kind: 'unknown_column', file: 'penerima.csv', line: 1, value: parsed.table.header.join(','), expected: t(`tepat kolom ${want.join(',')} (buat ulang dengan npm run hash)`, `exactly the columns ${want.join(',')} (recreate with npm run hash)`) });
    return undefined;
  }
  const slugs = new Set(programs.map((p) => p.slug));
  const keyPattern = new RegExp(`^[0-9a-f]{${kdf.dkLen * 2}}$`);
  const rows: { kunci: string; program: string; status: string; periode: string }[] = [];
  for (const { line, cells } of parsed.table.rows) {
    const [kunci = '', program = '', status = '', periode = ''] = cells;
    const bad = !keyPattern.test(kunci) ? ['kunci', 1, t(`kunci heksadesimal ${kdf.dkLen * 2} karakter`, `a ${kdf.dkLen * 2}-character hex key`)] as const
      : !slugs.has(program) ? ['program', 2, t('program yang punya berkas di folder program/', 'a program with a file in the program/ folder')] as const
      : !(status in STATUSES) ? ['status', 3, t(`salah satu status: ${STATUS_CODES.join(', ')}`, `one of: ${STATUS_CODES.join(', ')}`)] as const
      : !periode || periode.length > 40 ? ['periode', 4, t('periode (maks. 40 karakter)', 'a period (at most 40 characters)')] as const
      : undefined;
    if (bad) problems.push({ level: 'error', kind: bad[0] === 'program' ? 'unknown_program' : 'invalid_value', file: 'penerima.csv', line, column: bad[1], field: bad[0], value: cells[bad[1] - 1] ?? '', expected: bad[2] });
    else rows.push({ kunci, program, status, periode });
  }
  return { kdf, rows };
}

const GEO_FILE = 'geo/kecamatan.topo.json';

/** The boundary file must be TopoJSON with a `kecamatan` object keyed by this kabupaten's codes. */
async function loadGeo(io: DataIO, tree: RegionTree, problems: Problem[]): Promise<PortalData['geo']> {
  const bytes = await io.read(GEO_FILE);
  if (!bytes) return undefined;
  const text = new TextDecoder().decode(bytes);
  const bad = (expected: ReturnType<typeof t>, value?: string) => { problems.push({ level: 'error', kind: 'invalid_config', file: GEO_FILE, ...(value ? { value } : {}), expected }); return undefined; };
  let topo: { type?: string; objects?: { kecamatan?: { geometries?: { id?: string }[] } }; metadata?: { attribution?: string } };
  try { topo = JSON.parse(text); } catch (e) { return bad(t(`TopoJSON yang sah (${(e as Error).message}); buat ulang dengan npm run geo:import`, `valid TopoJSON (${(e as Error).message}); recreate it with npm run geo:import`)); }
  const geoms = topo.type === 'Topology' ? topo.objects?.kecamatan?.geometries : undefined;
  if (!geoms) return bad(t('TopoJSON dengan objek "kecamatan" (buat dengan npm run geo:import)', 'TopoJSON with a "kecamatan" object (made by npm run geo:import)'));
  const known = new Set(tree.kecamatan.map((k) => k.code));
  for (const g of geoms) if (!g.id || !known.has(g.id)) return bad(t(`kode kecamatan ${tree.name}`, `a kecamatan code of ${tree.name}`), String(g.id));
  return { topojson: text, attribution: topo.metadata?.attribution ?? 'Batas wilayah: BPS.' };
}

async function loadConfig(io: DataIO, problems: Problem[]): Promise<PortalConfig | undefined> {
  const file = 'portal.json';
  const bytes = await io.read(file);
  if (!bytes) {
    problems.push({ level: 'error', kind: 'missing_file', file, expected: t('berkas portal.json berisi identitas instansi dan rilis (lihat README)', 'a portal.json file describing the office and the release (see README)') });
    return;
  }
  const text = new TextDecoder().decode(bytes).replace(/^\uFEFF/, '');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    const pos = /position (\d+)/.exec(String(e))?.[1];
    const line = pos ? text.slice(0, Number(pos)).split('\n').length : undefined;
    problems.push({ level: 'error', kind: 'invalid_config', file, ...(line ? { line } : {}), expected: t(`JSON yang sah (${(e as Error).message})`, `valid JSON (${(e as Error).message})`) });
    return;
  }
  const res = portalSchema.safeParse(json);
  if (!res.success) {
    for (const i of res.error.issues) {
      const field = i.path.join('.');
      const v = i.path.reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[k as string] : undefined), json);
      problems.push({ level: 'error', kind: 'invalid_config', file, field, ...(v !== undefined ? { value: typeof v === 'string' ? v : JSON.stringify(v) } : {}), expected: t(i.message, i.message) });
    }
    return;
  }
  return res.data;
}

export async function loadPrograms(io: DataIO, problems: Problem[]): Promise<Program[]> {
  const files = (await io.list('program')).filter((f) => f.endsWith('.md'));
  if (files.length === 0) problems.push({ level: 'error', kind: 'missing_file', file: 'program/', expected: t('minimal satu deskripsi program, mis. program/pkh.md', 'at least one program description, e.g. program/pkh.md') });
  const out: Program[] = [];
  for (const f of files) {
    const file = `program/${f}`;
    const text = new TextDecoder().decode((await io.read(file))!).replace(/^\uFEFF/, '');
    let fm: { data: Record<string, unknown>; content: string };
    try {
      fm = matter(text);
    } catch (e) {
      const line = (e as { mark?: { line?: number } }).mark?.line;
      problems.push({ level: 'error', kind: 'invalid_program', file, ...(line !== undefined ? { line: line + 2 } : {}), expected: t(`front matter YAML yang sah (${(e as Error).message.split('\n')[0]})`, `valid YAML front matter (${(e as Error).message.split('\n')[0]})`) });
      continue;
    }
    const res = programSchema.safeParse(fm.data);
    if (!res.success) {
      for (const i of res.error.issues) {
        const field = i.path.join('.');
        const lineNo = text.split('\n').findIndex((l) => l.startsWith(`${String(i.path[0])}:`));
        const v = fm.data[String(i.path[0])];
        problems.push({ level: 'error', kind: 'invalid_program', file, ...(lineNo >= 0 ? { line: lineNo + 1 } : {}), field, ...(v !== undefined ? { value: String(v) } : {}), expected: t(i.message, i.message) });
      }
      continue;
    }
    if (res.data.slug !== f.replace(/\.md$/, '')) {
      const lineNo = text.split('\n').findIndex((l) => l.startsWith('slug:')) + 1;
      problems.push({ level: 'error', kind: 'invalid_program', file, line: lineNo, field: 'slug', value: res.data.slug, expected: t(`slug sama dengan nama berkas: "${f.replace(/\.md$/, '')}"`, `a slug equal to the file name: "${f.replace(/\.md$/, '')}"`) });
      continue;
    }
    out.push({ ...res.data, html: await marked.parse(fm.content), file });
  }
  return out.sort((a, b) => (a.urutan ?? 99) - (b.urutan ?? 99) || a.slug.localeCompare(b.slug));
}
