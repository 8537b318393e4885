/**
 * Stage 2: turn validated data into the figures pages show. Pure and
 * serialisable: the build writes the result to JSON once and every page
 * reads from it (cf. Starlight's generateRouteData).
 */
import { PMKS_CATEGORIES, PSKS_CATEGORIES, registryColumnFor, type Category } from './domain.ts';
import type { KdfParams } from '../client/kdf.ts';
import type { PortalData } from './load.ts';
import { kecamatanOf, levelOf, type RegionTree } from './regions.ts';
import type { PortalConfig } from './schema/portal.ts';
import type { Program } from './schema/program.ts';
import type { KemiskinanRow } from './schema/kemiskinan.ts';
import type { AnggaranRow } from './schema/anggaran.ts';
import type { PuskesosRow } from './schema/puskesos.ts';
import type { VervalRow } from './schema/verval.ts';

/** A count by category for one year and area. */
export interface CategoryCount {
  tahun: number;
  wilayah: string;
  kategori: string;
  jumlah: number;
}
export interface RegistryFigure {
  tahun: number;
  wilayah: string;
  keluarga: number;
  jiwa: number;
  keluarga_tanpa_bansos_pusat?: number;
  keluarga_dibantu_apbd?: number;
}
export interface CoverageFigure {
  tahun: number;
  wilayah: string;
  program: string;
  penerima: number;
  /** Registry households or people, in the program's unit; undefined when the unit has no registry count. */
  terdaftar?: number;
  /** penerima ÷ terdaftar × 100. */
  persen?: number;
}

export interface SiteModel {
  config: PortalConfig;
  tree: RegionTree;
  programs: Program[];
  years: number[];
  latestYear: number;
  kemiskinan: KemiskinanRow[];
  pmks: { kecamatan: CategoryCount[]; desa: CategoryCount[] };
  psks: { kecamatan: CategoryCount[]; desa: CategoryCount[] };
  registri: { kabupaten: RegistryFigure[]; kecamatan: RegistryFigure[]; desa: RegistryFigure[] };
  cakupan: { kabupaten: CoverageFigure[]; kecamatan: CoverageFigure[] };
  anggaran: AnggaranRow[];
  verval: VervalRow[];
  puskesos: (PuskesosRow & { kecamatan: string })[];
  /** Set when kecamatan boundaries exist (served at /geo/kecamatan.topo.json). */
  geo?: { attribution: string };
  /** Set when the folder has a hashed recipient list: what /cek/ needs to find a shard. */
  cek?: CekManifest;
}

export interface CekManifest {
  kdf: KdfParams;
  prefixLength: number;
  perShard: number;
  shardBytes: number;
  /** People with at least one program in this release. */
  people: number;
}

const strip = <T extends { _line: number }>(r: T): Omit<T, '_line'> => {
  const { _line, ...rest } = r;
  return rest;
};

/**
 * Kecamatan-level rows from a file that may mix levels: a kecamatan row is
 * taken as given (the loader checked it equals its desa), otherwise its desa
 * rows are summed.
 */
export function rollUpToKecamatan<R extends { kode_wilayah: string }>(rows: readonly R[], keyOf: (r: R) => string, measures: readonly (keyof R & string)[]): (R & { kode_wilayah: string })[] {
  const given = new Map<string, R>();
  const summed = new Map<string, R>();
  for (const r of rows) {
    const isDesa = levelOf(r.kode_wilayah) === 'desa';
    const kec = isDesa ? kecamatanOf(r.kode_wilayah) : r.kode_wilayah;
    const k = `${keyOf(r)}|${kec}`;
    if (!isDesa) { given.set(k, { ...r }); continue; }
    const acc = summed.get(k);
    if (!acc) { summed.set(k, { ...r, kode_wilayah: kec }); continue; }
    for (const m of measures) {
      const a = acc[m] as number | undefined, b = r[m] as number | undefined;
      (acc as Record<string, unknown>)[m] = a === undefined && b === undefined ? undefined : (a ?? 0) + (b ?? 0);
    }
  }
  for (const [k, v] of given) summed.set(k, v);
  return [...summed.values()];
}

const sortBy = <T>(xs: T[], ...keys: ((x: T) => string | number)[]): T[] =>
  xs.sort((a, b) => { for (const k of keys) { const x = k(a), y = k(b); if (x < y) return -1; if (x > y) return 1; } return 0; });

function categoryCounts(rows: readonly { tahun: number; kode_wilayah: string; kategori: string; jumlah: number }[]) {
  const kec = rollUpToKecamatan(rows, (r) => `${r.tahun}|${r.kategori}`, ['jumlah']);
  const toCount = (r: { tahun: number; kode_wilayah: string; kategori: string; jumlah: number }): CategoryCount => ({ tahun: r.tahun, wilayah: r.kode_wilayah, kategori: r.kategori, jumlah: r.jumlah });
  const order = (xs: CategoryCount[]) => sortBy(xs, (x) => x.tahun, (x) => x.wilayah, (x) => Number(x.kategori) || 0, (x) => x.kategori);
  return { kecamatan: order(kec.map(toCount)), desa: order(rows.filter((r) => levelOf(r.kode_wilayah) === 'desa').map(toCount)) };
}

export function buildModel(d: PortalData): SiteModel {
  const years = [...new Set([...d.kemiskinan, ...d.pmks, ...d.registri, ...d.cakupan, ...d.anggaran].map((r) => r.tahun))].sort();
  const regMeasures = ['keluarga', 'jiwa', 'keluarga_tanpa_bansos_pusat', 'keluarga_dibantu_apbd'] as const;
  const toReg = (r: (typeof d.registri)[number]): RegistryFigure => {
    const { tahun, kode_wilayah, _line, ...m } = r as typeof r & { _line?: number };
    return { tahun, wilayah: kode_wilayah, ...m };
  };
  const regKec = sortBy(rollUpToKecamatan(d.registri, (r) => String(r.tahun), regMeasures).map(toReg), (r) => r.tahun, (r) => r.wilayah);
  const regKab = sumBy(regKec, (r) => String(r.tahun), regMeasures).map(([k, v]) => ({ tahun: Number(k), wilayah: d.tree.code, ...v }) as RegistryFigure);

  // Coverage uses the annual figure, or the latest stage of the year where only stages are given.
  const annual = latestPeriod(d.cakupan);
  const unitOf = new Map(d.programs.map((p) => [p.slug, registryColumnFor(p.satuan)]));
  const covKec = sortBy(rollUpToKecamatan(annual, (r) => `${r.tahun}|${r.program}`, ['penerima']).map((r) => coverage(r.tahun, r.kode_wilayah, r.program, r.penerima, regKec, unitOf)), (r) => r.tahun, (r) => r.program, (r) => r.wilayah);
  const covKab = sumBy(covKec, (r) => `${r.tahun}|${r.program}`, ['penerima']).map(([k, v]) => {
    const [tahun, program] = k.split('|');
    return coverage(Number(tahun), d.tree.code, program!, v.penerima!, regKab, unitOf);
  });

  const kecOfArea = (code: string) => (levelOf(code) === 'desa' ? kecamatanOf(code) : code);
  return {
    config: d.config,
    tree: d.tree,
    programs: d.programs,
    years,
    latestYear: years[years.length - 1] ?? Number(d.config.rilis.tanggal.slice(0, 4)),
    kemiskinan: sortBy(d.kemiskinan.map(strip), (r) => r.tahun) as KemiskinanRow[],
    pmks: categoryCounts(d.pmks),
    psks: categoryCounts(d.psks),
    registri: { kabupaten: regKab, kecamatan: regKec, desa: d.registri.filter((r) => levelOf(r.kode_wilayah) === 'desa').map(toReg) },
    cakupan: { kabupaten: covKab, kecamatan: covKec },
    anggaran: sortBy(d.anggaran.map(strip), (r) => r.tahun, (r) => r.program, (r) => r.sumber_dana) as AnggaranRow[],
    verval: sortBy(d.verval.map(strip), (r) => r.tahun, (r) => r.kode_wilayah) as VervalRow[],
    ...(d.geo ? { geo: { attribution: d.geo.attribution } } : {}),
    puskesos: sortBy(d.puskesos.map((r) => ({ ...strip(r), kecamatan: kecOfArea(r.kode_wilayah) })), (r) => r.kecamatan, (r) => r.kode_wilayah, (r) => r.nama),
  };
}

function latestPeriod<R extends { tahun: number; periode: string; program: string; kode_wilayah: string }>(rows: readonly R[]): R[] {
  const best = new Map<string, string>();
  const keyOf = (r: R) => `${r.tahun}|${r.program}|${r.kode_wilayah}`;
  for (const r of rows) {
    const k = keyOf(r);
    const cur = best.get(k);
    if (cur === undefined || (cur !== 'tahunan' && (r.periode === 'tahunan' || r.periode > cur))) best.set(k, r.periode);
  }
  return rows.filter((r) => best.get(keyOf(r)) === r.periode);
}

function coverage(tahun: number, wilayah: string, program: string, penerima: number, registry: readonly RegistryFigure[], unitOf: Map<string, 'keluarga' | 'jiwa' | null>): CoverageFigure {
  const col = unitOf.get(program);
  const reg = col ? registry.find((r) => r.tahun === tahun && r.wilayah === wilayah)?.[col] : undefined;
  return { tahun, wilayah, program, penerima, ...(reg !== undefined ? { terdaftar: reg, ...(reg > 0 ? { persen: (penerima / reg) * 100 } : {}) } : {}) };
}

/** Sum numeric fields by a key, keeping `undefined` where no row had a value. */
export function sumBy<R, M extends string>(rows: readonly R[], keyOf: (r: R) => string, measures: readonly M[]): [string, Partial<Record<M, number>>][] {
  const out = new Map<string, Partial<Record<M, number>>>();
  for (const r of rows) {
    const k = keyOf(r);
    const acc: Partial<Record<M, number>> = out.get(k) ?? {};
    for (const m of measures) {
      const v = (r as Record<string, unknown>)[m];
      if (typeof v === 'number') acc[m] = (acc[m] ?? 0) + v;
    }
    out.set(k, acc);
  }
  return [...out.entries()];
}

export const categoryList = (kind: 'pmks' | 'psks'): readonly Category[] => (kind === 'pmks' ? PMKS_CATEGORIES : PSKS_CATEGORIES);
