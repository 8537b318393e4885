/**
 * Stage 2: turn validated data into the figures pages show. Pure and
 * serialisable: the build writes the result to JSON once and every page
 * reads from it (cf. Starlight's generateRouteData).
 */
import { PMKS_CATEGORIES, PSKS_CATEGORIES, type Category } from '../domain/categories.ts';
import { registryColumnFor } from '../domain/aid.ts';
import type { PortalData } from '../load/portal.ts';
import { kecamatanOf, levelOf, type RegionTree } from '../domain/regions.ts';
import type { PortalConfig } from '../load/schema/portal.ts';
import type { Program } from '../load/schema/program.ts';
import type { KemiskinanRow } from '../load/datasets/kemiskinan.ts';
import type { AnggaranRow } from '../load/datasets/anggaran.ts';
import type { PuskesosRow } from '../load/datasets/puskesos.ts';

import { NOT_RELEASED, percentOf, type Figure } from '../protect/figure.ts';
import { priorOf } from '../protect/prior.ts';

import {
  type CountCell,
  type CubeCell,
  type DapilCell,
  type MeasureCell,
  type ProtectOptions,
  type Protected,
  protectPortal,
  REGISTRY_MEASURES,
  type SuppressionStats,
  VERVAL_MEASURES,
} from '../protect/tables.ts';
import type { LayananRow } from '../load/datasets/layanan.ts';
import type { IntervalReport } from '../protect/disclosure.ts';
import { buildTargeting, type TargetingFigure } from './targeting.ts';
import { type Dapil, groupDapil } from '../domain/dapil.ts';
import { type DapilMap, dapilMaps } from './dapil-map.ts';

export type { CountCell, CubeCell, MeasureCell } from '../protect/tables.ts';
export type { TargetingFigure } from './targeting.ts';

export interface RegistryFigure {
  tahun: number;
  wilayah: string;
  keluarga: Figure;
  jiwa: Figure;
  keluarga_tanpa_bansos_pusat: Figure;
  keluarga_dibantu_apbd: Figure;
}
export interface CoverageFigure {
  tahun: number;
  wilayah: string;
  program: string;
  penerima: Figure;
  /** Registry households or people, in the program's unit; undefined when the unit has no registry count. */
  terdaftar?: Figure;
  /** penerima ÷ terdaftar × 100; hidden when either is hidden for privacy. */
  persen?: Figure;
}
export interface VervalFigure {
  tahun: number;
  wilayah: string;
  diperiksa: Figure;
  dihapus: Figure;
  ditambah: Figure;
  graduasi: Figure;
}

/** What buildModel computes from validated data: every figure the pages show. */
export interface SiteFigures {
  config: PortalConfig;
  tree: RegionTree;
  programs: Program[];
  years: number[];
  latestYear: number;
  kemiskinan: KemiskinanRow[];
  /** PMKS and PSKS cubes: desa, kecamatan and kabupaten cells, category '*' = total; PMKS protected. */
  pmks: CountCell[];
  psks: CountCell[];
  /** By level: `kabupaten` is the portal's own region (a province portal's province), `kabkota` the kabupaten/kota under a province (empty otherwise). */
  registri: { kabupaten: RegistryFigure[]; kabkota: RegistryFigure[]; kecamatan: RegistryFigure[]; desa: RegistryFigure[] };
  cakupan: { kabupaten: CoverageFigure[]; kabkota: CoverageFigure[]; kecamatan: CoverageFigure[] };
  anggaran: AnggaranRow[];
  verval: { kabupaten: VervalFigure[]; kabkota: VervalFigure[]; kecamatan: VervalFigure[] };
  /** Province portal: each kabupaten/kota's own poverty series, budget and office. */
  parts?: { code: string; name: string; instansi?: PortalConfig['instansi']; kemiskinan: KemiskinanRow[]; anggaran: AnggaranRow[] }[];
  /** Province portal: the kabupaten/kota whose data did not come (shown as missing, never as zero). */
  missing?: string[];
  /** Disclosure control applied to this release. */
  privacy: {
    k: number;
    sensitiveLevel: 'kecamatan' | 'kabupaten';
    byFile: Record<string, SuppressionStats>;
    intervals: IntervalReport;
  } & SuppressionStats;
  puskesos: (PuskesosRow & { kecamatan: string })[];
  /** Boundaries exist: kecamatan always, kabupaten/kota where a province's file has them. */
  geo?: { attribution: string; kabupaten: boolean };
  /** Every release whose downloads the site serves under /data/rilis/<label>/. */
  /** Every release, oldest first; earlier ones with the files of their archive (data/rilis/<label>/). */
  releases: { label: string; created: string; files?: string[] }[];
  /** DTSEN: registry by desil, recipients by desil (protected), targeting per program, area and period. */
  desil: CubeCell[];
  sasaran: CubeCell[];
  targeting: TargetingFigure[];
  /** Registry households by deprivation indicator (protected; `ukuran` = indicator). */
  kondisi: MeasureCell[];
  /** Usulan and sanggah received and resolved. */
  layanan: LayananRow[];
  /**
   * DPRD dapil (empty without dapil.csv): each one's composition, and its sums from the protected tables
   * (`wilayah` = the dapil's slug): PMKS totals, registry, coverage, verification, registry by desil group, targeting.
   */
  dapil: {
    /** Each dapil with its locator map where the portal has boundaries. */
    list: (Omit<Dapil, 'lines'> & { map?: DapilMap })[];
    /** Every protected dapil sum, as published in dapil-angka.csv. */
    cells: DapilCell[];
    pmks: CountCell[];
    registri: RegistryFigure[];
    cakupan: CoverageFigure[];
    verval: VervalFigure[];
    desil: CubeCell[];
    targeting: TargetingFigure[];
  };
}

const strip = <T extends { _line: number }>(r: T): Omit<T, '_line'> => {
  const { _line, ...rest } = r;
  return rest;
};

const sortBy = <T>(xs: T[], ...keys: ((x: T) => string | number)[]): T[] =>
  xs.sort((a, b) => {
    for (const k of keys) {
      const x = k(a),
        y = k(b);
      if (x < y) return -1;
      if (x > y) return 1;
    }
    return 0;
  });

/** A poverty series by year, and budget lines by year, program and funding source (the portal's, or a kabupaten's). */
const povertySeries = (rows: PortalData['kemiskinan']) => sortBy(rows.map(strip), (r) => r.tahun) as KemiskinanRow[];
const budgetLines = (rows: PortalData['anggaran']) =>
  sortBy(
    rows.map(strip),
    (r) => r.tahun,
    (r) => r.program,
    (r) => r.sumber_dana,
  ) as AnggaranRow[];

/** How a portal's tables are protected: its threshold and sensitive level, jointly with every earlier release (what they published or hid), never with this one's own archive. */
export function protectOptions(d: PortalData): ProtectOptions {
  const prior = priorOf(d.releases.filter((r) => r.label !== d.config.rilis.label));
  return { k: d.config.ambang_k, sensitiveLevel: d.config.tingkat_sensitif, prior };
}

/** The figures of a portal; `prot` when its tables were protected already (on several threads, prepare.ts). */
export function buildModel(d: PortalData, prot: Protected = protectPortal(d, protectOptions(d))): SiteFigures {
  const years = [...new Set([...d.kemiskinan, ...d.pmks, ...d.registri, ...d.cakupan, ...d.anggaran].map((r) => r.tahun))].sort();
  // `kabupaten` is the portal's own region (a province's too); `kabkota` the kabupaten/kota under a province.
  const dapil = groupDapil(d.dapil ?? [], d.tree);
  const isDapil = new Set(dapil.map((x) => x.slug));
  const maps = d.geo && dapil.length ? dapilMaps(d.geo.topojson, dapil) : undefined;
  const levelOfArea = (w: string) =>
    isDapil.has(w) ? 'dapil' : w === d.tree.code ? 'kabupaten' : levelOf(w) === 'kabupaten' ? 'kabkota' : levelOf(w);
  // A dapil's measures go through the same registry, coverage and verification figures as an area's.
  const dapilCells = (tabel: string) => prot.dapil.filter((c) => c.tabel === tabel);
  const m = [
    ...prot.measures,
    ...prot.dapil
      .filter((c) => c.tabel === 'registri' || c.tabel === 'cakupan' || c.tabel === 'verval')
      .map((c) => ({ tahun: c.tahun, wilayah: c.dapil, program: c.program, ukuran: c.ukuran, nilai: c.nilai })),
  ];
  const asCube = (c: (typeof prot.dapil)[number]): CubeCell => ({
    tahun: c.tahun,
    periode: c.periode,
    wilayah: c.dapil,
    program: c.program,
    kategori: c.kategori,
    ukuran: c.ukuran,
    nilai: c.nilai,
  });

  // Registry by area: one figure per (year, area) from its protected measures.
  const reg = new Map<string, RegistryFigure>();
  for (const c of m.filter((x) => x.program === '' && (REGISTRY_MEASURES as readonly string[]).includes(x.ukuran))) {
    const key = `${c.tahun}|${c.wilayah}`;
    const f = reg.get(key) ?? {
      tahun: c.tahun,
      wilayah: c.wilayah,
      keluarga: NOT_RELEASED,
      jiwa: NOT_RELEASED,
      keluarga_tanpa_bansos_pusat: NOT_RELEASED,
      keluarga_dibantu_apbd: NOT_RELEASED,
    };
    f[c.ukuran as (typeof REGISTRY_MEASURES)[number]] = c.nilai;
    reg.set(key, f);
  }
  const regAt = (level: string) =>
    sortBy(
      [...reg.values()].filter((r) => levelOfArea(r.wilayah) === level),
      (r) => r.tahun,
      (r) => r.wilayah,
    );

  // Coverage: recipients ÷ registry in the program's unit; hidden if either part is hidden.
  const unitOf = new Map(d.programs.map((p) => [p.slug, registryColumnFor(p.satuan)]));
  const coverage = m
    .filter((x) => x.ukuran === 'penerima')
    .map((c): CoverageFigure & { level: string } => {
      const col = unitOf.get(c.program);
      const r = col ? reg.get(`${c.tahun}|${c.wilayah}`) : undefined;
      const terdaftar = col ? (r?.[col] ?? NOT_RELEASED) : undefined;
      const persen = terdaftar === undefined ? undefined : percentOf(c.nilai, terdaftar);
      return {
        tahun: c.tahun,
        wilayah: c.wilayah,
        program: c.program,
        penerima: c.nilai,
        ...(terdaftar !== undefined ? { terdaftar } : {}),
        ...(persen !== undefined ? { persen } : {}),
        level: levelOfArea(c.wilayah)!,
      };
    });
  const covAt = (level: string) =>
    sortBy(
      coverage.filter((c) => c.level === level).map(({ level: _, ...c }) => c),
      (r) => r.tahun,
      (r) => r.program,
      (r) => r.wilayah,
    );

  const verval = new Map<string, VervalFigure>();
  for (const c of m.filter((x) => (VERVAL_MEASURES as readonly string[]).includes(x.ukuran))) {
    const key = `${c.tahun}|${c.wilayah}`;
    const f = verval.get(key) ?? {
      tahun: c.tahun,
      wilayah: c.wilayah,
      diperiksa: NOT_RELEASED,
      dihapus: NOT_RELEASED,
      ditambah: NOT_RELEASED,
      graduasi: NOT_RELEASED,
    };
    f[c.ukuran as (typeof VERVAL_MEASURES)[number]] = c.nilai;
    verval.set(key, f);
  }
  const vervalAt = (level: string) =>
    sortBy(
      [...verval.values()].filter((r) => levelOfArea(r.wilayah) === level),
      (r) => r.tahun,
      (r) => r.wilayah,
    );

  const kecOfArea = (code: string) => (levelOf(code) === 'desa' ? kecamatanOf(code) : code);
  return {
    config: d.config,
    tree: d.tree,
    programs: d.programs,
    years,
    latestYear: years[years.length - 1] ?? Number(d.config.rilis.tanggal.slice(0, 4)),
    kemiskinan: povertySeries(d.kemiskinan),
    pmks: prot.pmks,
    psks: prot.psks,
    registri: { kabupaten: regAt('kabupaten'), kabkota: regAt('kabkota'), kecamatan: regAt('kecamatan'), desa: regAt('desa') },
    cakupan: { kabupaten: covAt('kabupaten'), kabkota: covAt('kabkota'), kecamatan: covAt('kecamatan') },
    anggaran: budgetLines(d.anggaran),
    verval: { kabupaten: vervalAt('kabupaten'), kabkota: vervalAt('kabkota'), kecamatan: vervalAt('kecamatan') },
    ...(d.parts
      ? {
          parts: d.parts.map((p) => ({
            code: p.code,
            name: p.name,
            ...(p.instansi ? { instansi: p.instansi } : {}),
            kemiskinan: povertySeries(p.kemiskinan),
            anggaran: budgetLines(p.anggaran),
          })),
          missing: d.missing ?? [],
        }
      : {}),
    releases: [
      ...d.releases
        .map((r) => ({ label: r.label, created: r.created.slice(0, 10), files: Object.keys(r.files).sort() }))
        .filter((r) => r.label !== d.config.rilis.label),
      { label: d.config.rilis.label, created: d.config.rilis.tanggal },
    ].sort((a, b) => a.created.localeCompare(b.created)),
    privacy: { k: d.config.ambang_k, sensitiveLevel: d.config.tingkat_sensitif, ...prot.stats, intervals: prot.intervals },
    ...(d.geo ? { geo: { attribution: d.geo.attribution, kabupaten: d.geo.kabupaten } } : {}),
    puskesos: sortBy(
      d.puskesos.map((r) => ({ ...strip(r), kecamatan: kecOfArea(r.kode_wilayah) })),
      (r) => r.kecamatan,
      (r) => r.kode_wilayah,
      (r) => r.nama,
    ),
    desil: prot.desil,
    sasaran: prot.sasaran,
    targeting: buildTargeting(prot.sasaran, prot.desil, d.programs),
    kondisi: prot.kondisi,
    dapil: {
      list: dapil.map(({ lines: _, ...x }) => {
        const map = maps?.get(x.slug);
        return map ? { ...x, map } : x;
      }),
      cells: prot.dapil,
      pmks: dapilCells('pmks').map((c) => ({ tahun: c.tahun, wilayah: c.dapil, kategori: c.kategori, jumlah: c.nilai })),
      registri: regAt('dapil'),
      cakupan: covAt('dapil'),
      verval: vervalAt('dapil'),
      desil: dapilCells('desil').map(asCube),
      targeting: buildTargeting(dapilCells('sasaran').map(asCube), dapilCells('desil').map(asCube), d.programs),
    },
    layanan: sortBy(
      d.layanan.map((r) => strip(r) as LayananRow),
      (r) => r.tahun,
      (r) => r.periode,
      (r) => r.kode_wilayah,
      (r) => r.jenis,
    ),
  };
}

export const categoryList = (kind: 'pmks' | 'psks'): readonly Category[] => (kind === 'pmks' ? PMKS_CATEGORIES : PSKS_CATEGORIES);
