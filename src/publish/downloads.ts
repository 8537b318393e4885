/**
 * Stage 3: the published downloads. Every dataset as CSV and JSON with one
 * canonical set of column names, plus a Frictionless `datapackage.json`
 * (https://specs.frictionlessdata.io/data-package/) with each file's schema,
 * size and sha256 hash.
 */
import { createHash } from 'node:crypto';
import { toCsv } from '../load/csv.ts';
import { PMKS_CATEGORIES, PSKS_CATEGORIES } from '../domain/categories.ts';
import type { PortalData } from '../load/portal.ts';
import type { SiteFigures } from '../model/model.ts';
import { cellValue, type PublishedTable } from './releases.ts';
import { REGISTRY_MEASURES, VERVAL_MEASURES } from '../protect/tables.ts';
import { type Figure, isHidden, isShown, NOT_RELEASED, rounded } from '../protect/figure.ts';
import type { CubeCell } from '../protect/tables.ts';
import { CONDITIONS } from '../domain/conditions.ts';
import { type Text, t } from '../shared/lang.ts';
import { levelOf, REGION_SOURCE } from '../domain/regions.ts';
import { columnsOf, type RegionExamples, regionExamples } from '../load/schema/columns.ts';
import { DATASETS } from '../load/datasets/index.ts';
import { XLSX_TYPE } from './xlsx.ts';

export const SAMPLE_NOTE = 'Data contoh — bukan data resmi';

/** The kecamatan boundaries, published with the data (and drawn by the maps). */
export const BOUNDARY_FILE = 'kecamatan.topo.json';

/**
 * Two kinds of empty cell, told apart in every CSV and in the schema
 * (Data Package v2 missingValues with labels): an empty cell is hidden for
 * privacy (and its column is named in `kerahasiaan`); `NA` was not released
 * by the source. Both read as missing in R, pandas and Frictionless. JSON
 * gives both as null, with `kerahasiaan` saying which.
 */
export const NOT_RELEASED_MARK = 'NA';
export const MISSING_VALUES = [
  { value: '', label: 'disembunyikan untuk kerahasiaan (lihat kolom kerahasiaan) / hidden for privacy (see kerahasiaan)' },
  { value: NOT_RELEASED_MARK, label: 'tidak dirilis oleh sumber / not released by the source' },
];

/** A row's cells as its CSV states them: absent values hidden for privacy stay empty, others become NA. */
function csvCells(columns: readonly string[], r: Record<string, unknown>): unknown[] {
  const hidden = String(r.kerahasiaan ?? '').split(';');
  return columns.map((c) => {
    const v = r[c];
    return v === null || v === undefined ? (hidden.includes(c) ? '' : NOT_RELEASED_MARK) : v;
  });
}
export const SAMPLE_NOTE_EN = 'Sample data — not official statistics';

export interface OutputFile {
  /** Path under `dist/`, e.g. `data/pmks.csv`. */
  path: string;
  content: string | Uint8Array;
}
interface Field {
  name: string;
  type: string;
  title: string;
  description: string;
  unit?: string;
}

/** Label columns added after a code column so a journalist can read the file without a lookup table. */
const LABELS: Record<string, Field> = {
  kode_wilayah: {
    name: 'nama_wilayah',
    type: 'string',
    title: 'Nama wilayah',
    description: 'Nama kecamatan atau desa/kelurahan (Kemendagri). / Name of the kecamatan or desa.',
  },
  kategori: {
    name: 'nama_kategori',
    type: 'string',
    title: 'Nama kategori',
    description: 'Nama resmi kategori. / Official category name.',
  },
  program: { name: 'nama_program', type: 'string', title: 'Nama program', description: 'Nama program. / Program name.' },
  indikator: {
    name: 'nama_indikator',
    type: 'string',
    title: 'Nama indikator',
    description: 'Nama indikator kerentanan. / Name of the deprivation indicator.',
  },
};
const NOTE_FIELD: Field = {
  name: 'catatan',
  type: 'string',
  title: 'Catatan',
  description: `"${SAMPLE_NOTE}" bila rilis ini data contoh. / "${SAMPLE_NOTE_EN}" when this release is sample data.`,
};
const LEVEL_FIELD: Field = {
  name: 'tingkat',
  type: 'string',
  title: 'Tingkat wilayah',
  description: 'desa, kecamatan atau kabupaten. / Area level: desa (village), kecamatan (sub-district) or kabupaten.',
};
/** A province portal's tables have one level more. */
const PROVINCE_LEVEL_FIELD: Field = {
  ...LEVEL_FIELD,
  description:
    'desa, kecamatan, kabupaten (kabupaten/kota) atau provinsi. / Area level: desa (village), kecamatan (sub-district), kabupaten (regency/city) or provinsi (province).',
};
const levelField = (province: boolean) => (province ? PROVINCE_LEVEL_FIELD : LEVEL_FIELD);
export const FLAG_FIELD: Field = {
  name: 'kerahasiaan',
  type: 'string',
  title: 'Kerahasiaan',
  description:
    'Kolom yang dikosongkan untuk melindungi warga (angka 1 sampai k−1, atau angka yang dapat dipakai menghitungnya kembali); kosong bila semua terbit. / Columns left empty to protect the people counted (counts 1 to k−1, or figures that would reveal them); empty when all are published.',
};

/**
 * Tables about people and households are published from the protected cube
 * (every level, totals included, hidden cells empty and flagged), never from
 * the operator's input rows.
 */
const PROTECTED: Record<string, { before: string[]; measures: string[]; extra?: Field[] }> = {
  pmks: { before: ['tahun', 'kode_wilayah', 'kategori'], measures: ['jumlah'] },
  psks: { before: ['tahun', 'kode_wilayah', 'kategori'], measures: ['jumlah'] },
  registri: { before: ['tahun', 'kode_wilayah'], measures: [...REGISTRY_MEASURES] },
  cakupan: {
    before: ['tahun', 'kode_wilayah', 'program'],
    measures: ['penerima'],
    extra: [
      {
        name: 'terdaftar',
        type: 'integer',
        title: 'Dalam registri',
        description:
          'Keluarga atau jiwa dalam registri (sesuai satuan program) di wilayah dan tahun yang sama. / Registry households or people (in the program unit) in the same area and year.',
      },
      {
        name: 'persen_cakupan',
        type: 'number',
        title: 'Cakupan (%)',
        description: 'penerima ÷ terdaftar × 100. / recipients ÷ registry × 100.',
        unit: '%',
      },
    ],
  },
  verval: { before: ['tahun', 'kode_wilayah'], measures: [...VERVAL_MEASURES] },
  desil: { before: ['tahun', 'periode', 'kode_wilayah', 'desil'], measures: ['keluarga', 'jiwa'] },
  sasaran: { before: ['tahun', 'periode', 'kode_wilayah', 'program', 'desil'], measures: ['penerima'] },
  kondisi: { before: ['tahun', 'kode_wilayah', 'indikator'], measures: ['keluarga'] },
};

const DESIL_FIELD: Field = {
  name: 'desil',
  type: 'string',
  title: 'Desil',
  description: 'Desil DTSEN 1–10; "belum" = belum diperingkat; "*" = semua. / DTSEN desil 1–10; "belum" = not ranked; "*" = all.',
};

/** The published fields of a dataset: its schema's columns with label columns interleaved. */
export function publishedFields(name: string, sample: boolean, examples?: RegionExamples, province = false): Field[] {
  const ds = DATASETS.find((d) => d.name === name)!;
  const fields: Field[] = [];
  const prot = PROTECTED[name];
  for (const c of columnsOf(ds.schema, examples)) {
    if (prot && !prot.before.includes(c.name) && !prot.measures.includes(c.name)) continue;
    if (c.name === LABELS.kode_wilayah!.name) continue; // the operator's check column; the official name follows the code
    if (prot && c.name === 'kode_wilayah') fields.push(levelField(province));
    if (prot && c.name === 'desil') {
      fields.push(DESIL_FIELD);
      continue;
    }
    if (prot && c.name === 'kategori') {
      fields.push(
        {
          name: c.name,
          type: 'string',
          title: c.meta.title.id,
          description: `${c.meta.description.id} "*" = semua kategori. / ${c.meta.description.en} "*" = all categories.`,
        },
        LABELS.kategori!,
      );
      continue;
    }
    fields.push({
      name: c.name,
      type: c.meta.type,
      title: c.meta.title.id,
      description: `${c.meta.description.id} / ${c.meta.description.en}`,
      ...(c.meta.unit ? { unit: c.meta.unit } : {}),
    });
    if (LABELS[c.name]) fields.push(LABELS[c.name]!);
  }
  if (prot) fields.push(...(prot.extra ?? []), FLAG_FIELD);
  if (sample) fields.push(NOTE_FIELD);
  return fields;
}

/** A row's area level by its code: desa, kecamatan, kabupaten (a kabupaten/kota), provinsi. */
const levelName = (code: string) => levelOf(code) ?? '';

/**
 * One download row from figures: shown numbers as they are, absent ones
 * empty, and `kerahasiaan` naming every column hidden for privacy.
 */
function figureRow(keys: Record<string, unknown>, figures: Record<string, Figure | undefined>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...keys };
  for (const [k, f] of Object.entries(figures)) out[k] = isShown(f) ? f : null; // empty in CSV, null in JSON
  out.kerahasiaan = Object.entries(figures)
    .filter(([, f]) => isHidden(f))
    .map(([k]) => k)
    .join(';');
  return out;
}

/** Rows of a protected table, from the site model. */
function protectedRows(name: string, m: SiteFigures): Record<string, unknown>[] {
  const area = (tahun: number, wilayah: string) => ({ tahun, tingkat: levelName(wilayah), kode_wilayah: wilayah });
  const byYearArea = <T extends { tahun: number; wilayah: string }>(xs: T[], k: (x: T) => string = () => '') =>
    xs.sort((a, b) => a.tahun - b.tahun || k(a).localeCompare(k(b)) || a.wilayah.localeCompare(b.wilayah));
  if (name === 'pmks' || name === 'psks') {
    return m[name].map((c) => figureRow({ ...area(c.tahun, c.wilayah), kategori: c.kategori }, { jumlah: c.jumlah }));
  }
  if (name === 'registri') {
    return byYearArea([...m.registri.desa, ...m.registri.kecamatan, ...m.registri.kabkota, ...m.registri.kabupaten]).map((r) =>
      figureRow(area(r.tahun, r.wilayah), Object.fromEntries(REGISTRY_MEASURES.map((k) => [k, r[k]]))),
    );
  }
  if (name === 'cakupan') {
    return byYearArea([...m.cakupan.kecamatan, ...m.cakupan.kabkota, ...m.cakupan.kabupaten], (r) => r.program).map((r) =>
      figureRow(
        { ...area(r.tahun, r.wilayah), program: r.program },
        { penerima: r.penerima, terdaftar: r.terdaftar, persen_cakupan: r.persen === undefined ? undefined : rounded(r.persen, 2) },
      ),
    );
  }
  if (name === 'desil') {
    // Households and people of one desil in one row; the eligibility sums (L4, L5) are published in sasaran-indikator.
    const cells = m.desil.filter((c) => !c.kategori.startsWith('L'));
    const byRow = new Map<string, CubeCell[]>();
    for (const c of cells) {
      const k = `${c.tahun}|${c.periode}|${c.wilayah}|${c.kategori}`;
      byRow.set(k, [...(byRow.get(k) ?? []), c]);
    }
    return [...byRow.values()].map((cs) => {
      const c = cs[0]!;
      const of = (u: string) => cs.find((x) => x.ukuran === u)?.nilai ?? NOT_RELEASED;
      return figureRow(
        { ...area(c.tahun, c.wilayah), periode: c.periode, desil: c.kategori },
        { keluarga: of('keluarga'), jiwa: of('jiwa') },
      );
    });
  }
  if (name === 'sasaran') {
    return m.sasaran
      .filter((c) => c.kategori !== 'R' && !c.kategori.startsWith('L'))
      .map((c) =>
        figureRow({ ...area(c.tahun, c.wilayah), periode: c.periode, program: c.program, desil: c.kategori }, { penerima: c.nilai }),
      );
  }
  if (name === 'kondisi') {
    return m.kondisi.map((c) => figureRow({ ...area(c.tahun, c.wilayah), indikator: c.ukuran }, { keluarga: c.nilai }));
  }
  return byYearArea([...m.verval.kecamatan, ...m.verval.kabkota, ...m.verval.kabupaten]).map((r) =>
    figureRow(area(r.tahun, r.wilayah), Object.fromEntries(VERVAL_MEASURES.map((k) => [k, r[k]]))),
  );
}

export const TARGETING_TITLE = t('Indikator ketepatan sasaran', 'Targeting indicators');
export const TARGETING_DESCRIPTION = t(
  'Per program, wilayah dan periode: penerima, penerima yang sudah diperingkat DTSEN, penerima dalam desil sasaran program, persentase tepat sasaran, dan keluarga (atau jiwa, untuk program per orang) dalam desil sasaran beserta yang belum menerima program.',
  'Per program, area and period: recipients, recipients ranked in DTSEN, recipients within the program’s desil, the share on target, and registry households (or people, for a per-person program) within the desil and those without the program.',
);
const TARGETING_FIELDS: Field[] = [
  { name: 'tahun', type: 'year', title: 'Tahun', description: 'Tahun. / Year.' },
  { name: 'periode', type: 'string', title: 'Periode', description: 'triwulan-1 … triwulan-4 atau tahunan. / Quarter or annual.' },
  LEVEL_FIELD,
  { name: 'kode_wilayah', type: 'string', title: 'Kode wilayah', description: 'Kode Kemendagri. / Kemendagri code.' },
  LABELS.kode_wilayah!,
  { name: 'program', type: 'string', title: 'Program', description: 'Slug program. / Program slug.' },
  LABELS.program!,
  {
    name: 'desil_maks',
    type: 'integer',
    title: 'Desil maksimum',
    description: 'Desil tertinggi sasaran program (Kepmensos 79/HUK/2025). / Highest desil the program serves.',
  },
  { name: 'satuan', type: 'string', title: 'Satuan', description: 'keluarga (KPM) atau jiwa. / Households (KPM) or people.' },
  {
    name: 'penerima',
    type: 'integer',
    title: 'Penerima',
    description: 'Semua penerima, termasuk yang belum diperingkat. / All recipients, including those not ranked.',
  },
  {
    name: 'penerima_berperingkat',
    type: 'integer',
    title: 'Penerima berperingkat',
    description: 'Penerima dengan desil DTSEN. / Recipients with a DTSEN desil.',
  },
  {
    name: 'penerima_layak',
    type: 'integer',
    title: 'Penerima dalam desil sasaran',
    description: 'Penerima di desil 1 sampai desil_maks. / Recipients in desil 1 to desil_maks.',
  },
  {
    name: 'persen_tepat_sasaran',
    type: 'number',
    title: 'Tepat sasaran (%)',
    description: 'penerima_layak ÷ penerima_berperingkat × 100, satu desimal. / penerima_layak ÷ penerima_berperingkat × 100, one decimal.',
    unit: '%',
  },
  {
    name: 'keluarga_layak',
    type: 'integer',
    title: 'Dalam desil sasaran',
    description: 'Keluarga (atau jiwa) DTSEN di desil 1 sampai desil_maks. / DTSEN households (or people) in desil 1 to desil_maks.',
  },
  {
    name: 'keluarga_layak_tanpa_program',
    type: 'integer',
    title: 'Dalam desil sasaran tanpa program',
    description: 'keluarga_layak − penerima_layak. / keluarga_layak − penerima_layak.',
  },
  FLAG_FIELD,
];
/** A derived table's variables by name in both languages (its fields' descriptions say "id / en"). */
const variablesOf = (fields: Field[]): Text[] =>
  fields.map((f) => ({ id: f.title, en: f.description.split(' / ')[1]?.replace(/\.$/, '') ?? f.title }));
export const TARGETING_VARIABLES: Text[] = variablesOf(TARGETING_FIELDS);

/** Every table is published in these three formats; the catalogues list all three. */
export const DISTRIBUTIONS = [
  { ext: 'csv', mediatype: 'text/csv' },
  { ext: 'json', mediatype: 'application/json' },
  { ext: 'xlsx', mediatype: XLSX_TYPE },
] as const;

/** sasaran-indikator: one row per program × area × period, hidden cells empty and named in kerahasiaan. */
function targetingRows(m: SiteFigures): Record<string, unknown>[] {
  return m.targeting.map((x) =>
    figureRow(
      {
        tahun: x.tahun,
        periode: x.periode,
        tingkat: levelName(x.wilayah),
        kode_wilayah: x.wilayah,
        program: x.program,
        desil_maks: x.desilMaks,
        satuan: x.satuan,
      },
      {
        penerima: x.penerima,
        penerima_berperingkat: x.berperingkat,
        penerima_layak: x.layak,
        persen_tepat_sasaran: rounded(x.persen, 1),
        keluarga_layak: x.keluargaLayak,
        keluarga_layak_tanpa_program: x.tanpaProgram,
      },
    ),
  );
}

export const DAPIL_TITLE = t('Angka per dapil DPRD', 'Figures by DPRD dapil');
export const DAPIL_DESCRIPTION = t(
  'Jumlah tiap tabel atas kecamatan setiap dapil (lihat dapil.csv), dilindungi bersama tabel asalnya: angka tersembunyi kosong dan disebut di kolom kerahasiaan.',
  "Each table's sums over each dapil's kecamatan (see dapil.csv), protected with the table they sum: hidden values are empty and named in kerahasiaan.",
);
const DAPIL_FIELDS: Field[] = [
  { name: 'tahun', type: 'integer', title: 'Tahun', description: 'Tahun data. / Year.' },
  {
    name: 'periode',
    type: 'string',
    title: 'Periode',
    description: 'Periode DTSEN (kosong bila tabelnya tahunan). / DTSEN period (empty for annual tables).',
  },
  { name: 'lembaga', type: 'string', title: 'Lembaga', description: 'DPRD yang dipilih di dapil ini. / The DPRD elected in this dapil.' },
  {
    name: 'dapil',
    type: 'string',
    title: 'Kode dapil',
    description: 'Pengenal dapil di alamat /dapil/<kode>/. / The dapil id in /dapil/<id>/.',
  },
  { name: 'nama_dapil', type: 'string', title: 'Dapil', description: 'Nama dapil. / Name of the dapil.' },
  {
    name: 'tabel',
    type: 'string',
    title: 'Tabel',
    description: 'Tabel asal jumlah ini: pmks, registri, cakupan, verval, desil, sasaran. / The table this sum is of.',
  },
  {
    name: 'kode_program',
    type: 'string',
    title: 'Program',
    description: 'Program bantuan (cakupan, sasaran). / Aid program (coverage, targeting).',
  },
  {
    name: 'kelompok',
    type: 'string',
    title: 'Kelompok',
    description:
      'Kelompok yang dijumlahkan: * semua; L4 desil 1–4; R berperingkat (desil dan sasaran); kosong untuk ukuran tunggal. / The group summed: * all, L4 desil 1–4, R ranked.',
  },
  { name: 'ukuran', type: 'string', title: 'Ukuran', description: 'Ukuran: jumlah, keluarga, jiwa, penerima, diperiksa, … / The measure.' },
  {
    name: 'nilai',
    type: 'integer',
    title: 'Nilai',
    description:
      "Jumlah atas kecamatan dapil, setelah pengendalian kerahasiaan. / Sum over the dapil's kecamatan, after disclosure control.",
  },
  FLAG_FIELD,
];
export const DAPIL_VARIABLES: Text[] = variablesOf(DAPIL_FIELDS);

export interface Downloads {
  /** Files under `dist/` (`data/…`, the boundary file). */
  files: OutputFile[];
  /** The same tables as rows, for comparing releases without re-reading CSV text. */
  tables: PublishedTable[];
}

export function buildDownloads(d: PortalData, model: SiteFigures): Downloads {
  const sample = d.config.data_contoh;
  const province = !!d.tree.kabupaten;
  const names = new Map<string, string>([[d.tree.code, d.tree.name], ...(d.tree.kabupaten ?? []).map((k) => [k.code, k.name] as const)]);
  for (const k of d.tree.kecamatan) {
    names.set(k.code, k.name);
    for (const x of k.desa) names.set(x.code, x.name);
  }
  const catName = new Map([...PMKS_CATEGORIES, ...PSKS_CATEGORIES].map((c) => [c.code, c.name]));
  const progName = new Map(d.programs.map((p) => [p.slug, p.nama]));
  const files: OutputFile[] = [];
  const tables: PublishedTable[] = [];
  const resources: Record<string, unknown>[] = [];

  const condName = new Map(CONDITIONS.map((c) => [c.code, c.name.id]));
  const withLabels = (fields: Field[], r: Record<string, unknown>) => {
    const out: Record<string, unknown> = {};
    for (const f of fields) out[f.name] = r[f.name];
    if ('kode_wilayah' in r) out.nama_wilayah = names.get(r.kode_wilayah as string);
    if ('kategori' in r) out.nama_kategori = r.kategori === '*' ? 'Semua kategori' : catName.get(r.kategori as string);
    if ('program' in r) out.nama_program = progName.get(r.program as string);
    if ('indikator' in r) out.nama_indikator = condName.get(r.indikator as string);
    if (sample) out.catatan = SAMPLE_NOTE;
    return out;
  };
  /** One table as CSV and JSON, described in datapackage.json, and kept as rows for the release comparison. */
  const publish = (
    name: string,
    title: Text,
    description: Text,
    fields: Field[],
    primaryKey: string[],
    /** Made here, so they are let go once labelled (a province's PMKS table has 1.1 M rows). */
    source: () => Record<string, unknown>[],
  ) => {
    const rows = source().map((r) => withLabels(fields, r));
    const columns = fields.map((f) => f.name);
    const csv = toCsv(columns, rows, (r) => csvCells(columns, r));
    // Frictionless tabular JSON: an array of rows (release, source and the sample note are in datapackage.json).
    const json = `${JSON.stringify(rows, null, 1)}\n`;
    const schema = { fields, primaryKey, missingValues: MISSING_VALUES };
    // The same row objects then serve the release comparison and the workbooks, as values (not a second copy).
    for (const r of rows) for (const f of fields) r[f.name] = cellValue(r[f.name], f.type);
    tables.push({ name, title: title.id, primaryKey, fields, rows: rows as PublishedTable['rows'] });
    for (const [ext, text, mediatype] of [
      ['csv', csv, 'text/csv'],
      ['json', json, 'application/json'],
    ] as const) {
      // Held as UTF-8 until written: a string with one character beyond Latin-1 (the sample note's dash) takes two
      // bytes a character (Jawa Timur's sample: 1.04 GB of strings, 0.52 GB as bytes).
      const content = Buffer.from(text);
      files.push({ path: `data/${name}.${ext}`, content });
      resources.push({
        name: ext === 'csv' ? name : `${name}-json`,
        path: `${name}.${ext}`,
        title: title.id,
        description: `${description.id}${sample ? ` ${SAMPLE_NOTE}.` : ''}`,
        format: ext,
        mediatype,
        encoding: 'utf-8',
        bytes: Buffer.byteLength(content),
        hash: `sha256:${createHash('sha256').update(content).digest('hex')}`,
        ...(ext === 'csv' ? { dialect: { delimiter: ',', lineTerminator: '\r\n', header: true } } : {}),
        schema,
      });
    }
  };

  for (const ds of DATASETS) {
    const input = d[ds.name as keyof PortalData] as Record<string, unknown>[];
    if (!ds.required && input.length === 0) continue; // an optional file the office does not keep
    const source = () => (PROTECTED[ds.name] ? protectedRows(ds.name, model) : input);
    const primaryKey = PROTECTED[ds.name] ? [...PROTECTED[ds.name]!.before] : [...ds.key];
    publish(ds.name, ds.title, ds.description, publishedFields(ds.name, sample, regionExamples(d.tree), province), primaryKey, source);
  }
  if (model.targeting.length) {
    const fields = [...TARGETING_FIELDS.map((f) => (f === LEVEL_FIELD ? levelField(province) : f)), ...(sample ? [NOTE_FIELD] : [])];
    publish('sasaran-indikator', TARGETING_TITLE, TARGETING_DESCRIPTION, fields, ['tahun', 'periode', 'kode_wilayah', 'program'], () =>
      targetingRows(model),
    );
  }

  if (model.dapil.cells.length) {
    const info = new Map(model.dapil.list.map((x) => [x.slug, x]));
    publish(
      'dapil-angka',
      DAPIL_TITLE,
      DAPIL_DESCRIPTION,
      [...DAPIL_FIELDS, ...(sample ? [NOTE_FIELD] : [])],
      ['tahun', 'periode', 'dapil', 'tabel', 'kode_program', 'kelompok', 'ukuran'],
      () =>
        model.dapil.cells.map((c) =>
          figureRow(
            {
              tahun: c.tahun,
              periode: c.periode,
              lembaga: info.get(c.dapil)!.lembaga.name,
              dapil: c.dapil,
              nama_dapil: info.get(c.dapil)!.name,
              tabel: c.tabel,
              kode_program: c.program,
              kelompok: c.kategori,
              ukuran: c.ukuran,
            },
            { nilai: c.nilai },
          ),
        ),
    );
  }

  const pkg = {
    profile: 'data-package',
    name: `terang-${d.tree.code.replace('.', '-')}`,
    title: `Data kesejahteraan sosial ${d.tree.name}${sample ? ` (${SAMPLE_NOTE})` : ''}`,
    description: sample ? `${SAMPLE_NOTE}. ${SAMPLE_NOTE_EN}.` : `Data terbuka ${d.config.instansi.nama}.`,
    version: d.config.rilis.label,
    // The release date, not the wall clock: the same data always give the same bytes.
    created: `${d.config.rilis.tanggal}T00:00:00Z`,
    homepage: d.config.instansi.situs,
    publisher: d.config.instansi.nama,
    licenses: [{ name: d.config.lisensi.id, title: d.config.lisensi.nama, path: d.config.lisensi.url }],
    sources: [
      ...d.config.sumber.map((s) => ({ title: s.nama, ...(s.url ? { path: s.url } : {}) })),
      { title: `${REGION_SOURCE.name} (${REGION_SOURCE.license})`, path: REGION_SOURCE.url },
    ],
    ...(sample ? { peringatan: SAMPLE_NOTE, warning: SAMPLE_NOTE_EN } : {}),
    resources,
  };
  if (d.geo) {
    // The map's boundaries are data too, under their own licence (COD-AB, CC BY-IGO), so they are a resource.
    files.push({ path: `data/${BOUNDARY_FILE}`, content: d.geo.topojson });
    resources.push({
      name: 'batas-kecamatan',
      path: BOUNDARY_FILE,
      type: 'file',
      title: `Batas kecamatan ${d.tree.name}`,
      description: `Batas kecamatan (TopoJSON, kode Kemendagri) untuk peta. ${d.geo.attribution}`,
      format: 'topojson',
      mediatype: 'application/json',
      encoding: 'utf-8',
      bytes: Buffer.byteLength(d.geo.topojson),
      hash: `sha256:${createHash('sha256').update(d.geo.topojson).digest('hex')}`,
      licenses: [
        { name: 'CC-BY-IGO-3.0', title: 'Creative Commons Attribution 3.0 IGO', path: 'https://creativecommons.org/licenses/by/3.0/igo/' },
      ],
      sources: [{ title: d.geo.attribution }],
    });
  }
  files.push({ path: 'data/datapackage.json', content: `${JSON.stringify(pkg, null, 2)}\n` });
  return { files, tables };
}
