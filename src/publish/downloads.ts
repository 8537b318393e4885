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
import type { SiteModel } from '../model/model.ts';
import { REGISTRY_MEASURES, VERVAL_MEASURES } from '../protect/tables.ts';
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
  kode_wilayah: { name: 'nama_wilayah', type: 'string', title: 'Nama wilayah', description: 'Nama kecamatan atau desa/kelurahan (Kemendagri). / Name of the kecamatan or desa.' },
  kategori: { name: 'nama_kategori', type: 'string', title: 'Nama kategori', description: 'Nama resmi kategori. / Official category name.' },
  program: { name: 'nama_program', type: 'string', title: 'Nama program', description: 'Nama program. / Program name.' },
};
const NOTE_FIELD: Field = { name: 'catatan', type: 'string', title: 'Catatan', description: `"${SAMPLE_NOTE}" bila rilis ini data contoh. / "${SAMPLE_NOTE_EN}" when this release is sample data.` };
const LEVEL_FIELD: Field = { name: 'tingkat', type: 'string', title: 'Tingkat wilayah', description: 'desa, kecamatan atau kabupaten. / Area level: desa (village), kecamatan (sub-district) or kabupaten.' };
export const FLAG_FIELD: Field = { name: 'kerahasiaan', type: 'string', title: 'Kerahasiaan', description: 'Kolom yang dikosongkan untuk melindungi warga (angka 1 sampai k−1, atau angka yang dapat dipakai menghitungnya kembali); kosong bila semua terbit. / Columns left empty to protect the people counted (counts 1 to k−1, or figures that would reveal them); empty when all are published.' };

/**
 * Tables about people and households are published from the protected cube
 * (every level, totals included, hidden cells empty and flagged), never from
 * the operator's input rows.
 */
const PROTECTED: Record<string, { before: string[]; measures: string[]; extra?: Field[] }> = {
  pmks: { before: ['tahun', 'kode_wilayah', 'kategori'], measures: ['jumlah'] },
  psks: { before: ['tahun', 'kode_wilayah', 'kategori'], measures: ['jumlah'] },
  registri: { before: ['tahun', 'kode_wilayah'], measures: [...REGISTRY_MEASURES] },
  cakupan: { before: ['tahun', 'kode_wilayah', 'program'], measures: ['penerima'], extra: [
    { name: 'terdaftar', type: 'integer', title: 'Dalam registri', description: 'Keluarga atau jiwa dalam registri (sesuai satuan program) di wilayah dan tahun yang sama. / Registry households or people (in the program unit) in the same area and year.' },
    { name: 'persen_cakupan', type: 'number', title: 'Cakupan (%)', description: 'penerima ÷ terdaftar × 100. / recipients ÷ registry × 100.', unit: '%' },
  ] },
  verval: { before: ['tahun', 'kode_wilayah'], measures: [...VERVAL_MEASURES] },
};

/** The published fields of a dataset: its schema's columns with label columns interleaved. */
export function publishedFields(name: string, sample: boolean): Field[] {
  const ds = DATASETS.find((d) => d.name === name)!;
  const fields: Field[] = [];
  const prot = PROTECTED[name];
  for (const c of columnsOf(ds.schema)) {
    if (prot && !prot.before.includes(c.name) && !prot.measures.includes(c.name)) continue;
    if (prot && c.name === 'kode_wilayah') fields.push(LEVEL_FIELD);
    if (prot && c.name === 'kategori') { fields.push({ name: c.name, type: 'string', title: c.meta.title.id, description: `${c.meta.description.id} "*" = semua kategori. / ${c.meta.description.en} "*" = all categories.` }, LABELS.kategori!); continue; }
    fields.push({ name: c.name, type: c.meta.type, title: c.meta.title.id, description: `${c.meta.description.id} / ${c.meta.description.en}`, ...(c.meta.unit ? { unit: c.meta.unit } : {}) });
    if (LABELS[c.name]) fields.push(LABELS[c.name]!);
  }
  if (prot) fields.push(...(prot.extra ?? []), FLAG_FIELD);
  if (sample) fields.push(NOTE_FIELD);
  return fields;
}

const levelName = (code: string, kab: string) => (code === kab ? 'kabupaten' : code.length > 8 ? 'desa' : 'kecamatan');

/** Rows of a protected table, from the site model. */
function protectedRows(name: string, m: SiteModel): Record<string, unknown>[] {
  const kab = m.tree.code;
  if (name === 'pmks' || name === 'psks') {
    return m[name].map((c) => ({ tahun: c.tahun, tingkat: levelName(c.wilayah, kab), kode_wilayah: c.wilayah, kategori: c.kategori, jumlah: c.jumlah ?? '', kerahasiaan: c.jumlah === null ? 'jumlah' : '' }));
  }
  const flagged = (r: Record<string, unknown>, cols: string[]) => cols.filter((c) => r[c] === null).join(';');
  const blank = (r: Record<string, unknown>) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, v === null ? '' : v]));
  if (name === 'registri') {
    return [...m.registri.desa, ...m.registri.kecamatan, ...m.registri.kabupaten].sort((a, b) => a.tahun - b.tahun || a.wilayah.localeCompare(b.wilayah))
      .map((r) => blank({ tahun: r.tahun, tingkat: levelName(r.wilayah, kab), kode_wilayah: r.wilayah, keluarga: r.keluarga, jiwa: r.jiwa, keluarga_tanpa_bansos_pusat: r.keluarga_tanpa_bansos_pusat, keluarga_dibantu_apbd: r.keluarga_dibantu_apbd, kerahasiaan: flagged(r as never, PROTECTED.registri!.measures) }));
  }
  if (name === 'cakupan') {
    return [...m.cakupan.kecamatan, ...m.cakupan.kabupaten].sort((a, b) => a.tahun - b.tahun || a.program.localeCompare(b.program) || a.wilayah.localeCompare(b.wilayah))
      .map((r) => blank({ tahun: r.tahun, tingkat: levelName(r.wilayah, kab), kode_wilayah: r.wilayah, program: r.program, penerima: r.penerima, terdaftar: r.terdaftar, persen_cakupan: r.persen === null || r.persen === undefined ? r.persen : Math.round(r.persen * 100) / 100, kerahasiaan: [r.penerima === null && 'penerima', r.terdaftar === null && 'terdaftar', r.persen === null && 'persen_cakupan'].filter(Boolean).join(';') }));
  }
  return [...m.verval.kecamatan, ...m.verval.kabupaten].sort((a, b) => a.tahun - b.tahun || a.wilayah.localeCompare(b.wilayah))
    .map((r) => blank({ tahun: r.tahun, tingkat: levelName(r.wilayah, kab), kode_wilayah: r.wilayah, diperiksa: r.diperiksa, dihapus: r.dihapus, ditambah: r.ditambah, graduasi: r.graduasi, kerahasiaan: flagged(r as never, PROTECTED.verval!.measures) }));
}

export function buildDownloads(d: PortalData, model: SiteModel): OutputFile[] {
  const sample = d.config.data_contoh;
  const names = new Map<string, string>([[d.tree.code, d.tree.name]]);
  for (const k of d.tree.kecamatan) { names.set(k.code, k.name); for (const x of k.desa) names.set(x.code, x.name); }
  const catName = new Map([...PMKS_CATEGORIES, ...PSKS_CATEGORIES].map((c) => [c.code, c.name]));
  const progName = new Map(d.programs.map((p) => [p.slug, p.nama]));
  const files: OutputFile[] = [];
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
    const csv = toCsv(fields.map((f) => f.name), rows);
    const json = JSON.stringify({ ...(sample ? { peringatan: SAMPLE_NOTE, warning: SAMPLE_NOTE_EN } : {}), dataset: ds.name, rilis: d.config.rilis.label, data: rows }, null, 1) + '\n';
    const schema = { fields, primaryKey: PROTECTED[ds.name] ? [...PROTECTED[ds.name]!.before] : [...ds.key], missingValues: [''] };
    for (const [ext, content, mediatype] of [['csv', csv, 'text/csv'], ['json', json, 'application/json']] as const) {
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
  files.push({ path: 'data/datapackage.json', content: JSON.stringify(pkg, null, 2) + '\n' });
  if (d.geo) files.push({ path: 'geo/kecamatan.topo.json', content: d.geo.topojson });
  return files;
}
