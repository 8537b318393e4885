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
import { isHidden, isShown, rounded, type Figure } from '../protect/figure.ts';
import { REGION_SOURCE } from '../domain/regions.ts';
import { columnsOf } from '../load/schema/columns.ts';
import { DATASETS } from '../load/schema/index.ts';

export const SAMPLE_NOTE = 'Data contoh — bukan data resmi';
export const SAMPLE_NOTE_EN = 'Sample data — not official statistics';

export interface OutputFile {
  /** Path under `dist/`, e.g. `data/pmks.csv`. */
  path: string;
  content: string;
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
};

/** The published fields of a dataset: its schema's columns with label columns interleaved. */
export function publishedFields(name: string, sample: boolean): Field[] {
  const ds = DATASETS.find((d) => d.name === name)!;
  const fields: Field[] = [];
  const prot = PROTECTED[name];
  for (const c of columnsOf(ds.schema)) {
    if (prot && !prot.before.includes(c.name) && !prot.measures.includes(c.name)) continue;
    if (c.name === LABELS.kode_wilayah!.name) continue; // the operator's check column; the official name follows the code
    if (prot && c.name === 'kode_wilayah') fields.push(LEVEL_FIELD);
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

const levelName = (code: string, kab: string) => (code === kab ? 'kabupaten' : code.length > 8 ? 'desa' : 'kecamatan');

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
  const kab = m.tree.code;
  const area = (tahun: number, wilayah: string) => ({ tahun, tingkat: levelName(wilayah, kab), kode_wilayah: wilayah });
  const byYearArea = <T extends { tahun: number; wilayah: string }>(xs: T[], k: (x: T) => string = () => '') =>
    xs.sort((a, b) => a.tahun - b.tahun || k(a).localeCompare(k(b)) || a.wilayah.localeCompare(b.wilayah));
  if (name === 'pmks' || name === 'psks') {
    return m[name].map((c) => figureRow({ ...area(c.tahun, c.wilayah), kategori: c.kategori }, { jumlah: c.jumlah }));
  }
  if (name === 'registri') {
    return byYearArea([...m.registri.desa, ...m.registri.kecamatan, ...m.registri.kabupaten]).map((r) =>
      figureRow(area(r.tahun, r.wilayah), Object.fromEntries(REGISTRY_MEASURES.map((k) => [k, r[k]]))),
    );
  }
  if (name === 'cakupan') {
    return byYearArea([...m.cakupan.kecamatan, ...m.cakupan.kabupaten], (r) => r.program).map((r) =>
      figureRow(
        { ...area(r.tahun, r.wilayah), program: r.program },
        { penerima: r.penerima, terdaftar: r.terdaftar, persen_cakupan: r.persen === undefined ? undefined : rounded(r.persen, 2) },
      ),
    );
  }
  return byYearArea([...m.verval.kecamatan, ...m.verval.kabupaten]).map((r) =>
    figureRow(area(r.tahun, r.wilayah), Object.fromEntries(VERVAL_MEASURES.map((k) => [k, r[k]]))),
  );
}

export interface Downloads {
  /** Files under `dist/` (`data/…`, the boundary file). */
  files: OutputFile[];
  /** The same tables as rows, for comparing releases without re-reading CSV text. */
  tables: PublishedTable[];
}

export function buildDownloads(d: PortalData, model: SiteFigures): Downloads {
  const sample = d.config.data_contoh;
  const names = new Map<string, string>([[d.tree.code, d.tree.name]]);
  for (const k of d.tree.kecamatan) {
    names.set(k.code, k.name);
    for (const x of k.desa) names.set(x.code, x.name);
  }
  const catName = new Map([...PMKS_CATEGORIES, ...PSKS_CATEGORIES].map((c) => [c.code, c.name]));
  const progName = new Map(d.programs.map((p) => [p.slug, p.nama]));
  const files: OutputFile[] = [];
  const tables: PublishedTable[] = [];
  const resources: Record<string, unknown>[] = [];

  for (const ds of DATASETS) {
    const fields = publishedFields(ds.name, sample);
    const source = PROTECTED[ds.name] ? protectedRows(ds.name, model) : (d[ds.name as keyof PortalData] as Record<string, unknown>[]);
    const rows = source.map((r) => {
      const out: Record<string, unknown> = {};
      for (const f of fields) out[f.name] = r[f.name];
      if ('kode_wilayah' in r) out.nama_wilayah = names.get(r.kode_wilayah as string);
      if ('kategori' in r) out.nama_kategori = r.kategori === '*' ? 'Semua kategori' : catName.get(r.kategori as string);
      if ('program' in r) out.nama_program = progName.get(r.program as string);
      if (sample) out.catatan = SAMPLE_NOTE;
      return out;
    });
    const csv = toCsv(
      fields.map((f) => f.name),
      rows,
    );
    const json = `${JSON.stringify(
      {
        ...(sample ? { peringatan: SAMPLE_NOTE, warning: SAMPLE_NOTE_EN } : {}),
        dataset: ds.name,
        rilis: d.config.rilis.label,
        data: rows,
      },
      null,
      1,
    )}\n`;
    const schema = { fields, primaryKey: PROTECTED[ds.name] ? [...PROTECTED[ds.name]!.before] : [...ds.key], missingValues: [''] };
    tables.push({
      name: ds.name,
      title: ds.title.id,
      primaryKey: schema.primaryKey,
      fields,
      rows: rows.map((r) => Object.fromEntries(fields.map((f) => [f.name, cellValue(r[f.name], f.type)]))),
    });
    for (const [ext, content, mediatype] of [
      ['csv', csv, 'text/csv'],
      ['json', json, 'application/json'],
    ] as const) {
      const path = `data/${ds.name}.${ext}`;
      files.push({ path, content });
      resources.push({
        name: ext === 'csv' ? ds.name : `${ds.name}-json`,
        path: `${ds.name}.${ext}`,
        title: ds.title.id,
        description: `${ds.description.id}${sample ? ` ${SAMPLE_NOTE}.` : ''}`,
        format: ext,
        mediatype,
        encoding: 'utf-8',
        bytes: Buffer.byteLength(content),
        hash: `sha256:${createHash('sha256').update(content).digest('hex')}`,
        ...(ext === 'csv' ? { dialect: { delimiter: ',', lineTerminator: '\r\n', header: true }, schema } : {}),
      });
    }
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
    ...(sample ? { peringatan: SAMPLE_NOTE } : {}),
    resources,
  };
  files.push({ path: 'data/datapackage.json', content: `${JSON.stringify(pkg, null, 2)}\n` });
  if (d.geo) files.push({ path: 'geo/kecamatan.topo.json', content: d.geo.topojson });
  return { files, tables };
}
