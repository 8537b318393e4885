/**
 * DPRD electoral districts (dapil) over the portal's region tree: the rows of
 * dapil.csv grouped into dapil, each with the lembaga that elects there (a
 * DPRD kabupaten/kota is one per kabupaten, so in a province portal
 * "DPRD Kabupaten" is as many councils as kabupaten), its kecamatan (a
 * kabupaten code stands for all of its kecamatan) and a stable URL slug. One
 * reading of the file for the checks, the disclosure control and the pages.
 */
import { kabupatenOf, levelOf, type RegionTree } from './regions.ts';

export interface DapilInputRow {
  lembaga: string;
  dapil: string;
  kursi: number;
  kode_wilayah: string;
  sumber?: string | undefined;
  _line?: number;
}

export interface Lembaga {
  /** `provinsi:34`, `kabupaten:34.02`: one council. */
  key: string;
  level: 'provinsi' | 'kabupaten';
  /** The council's region: the province or the kabupaten/kota code. */
  code: string;
  /** "DPRD Kabupaten Bantul", "DPRD Provinsi Daerah Istimewa Yogyakarta". */
  name: string;
}

export interface Dapil {
  slug: string;
  name: string;
  lembaga: Lembaga;
  kursi: number;
  /** Kecamatan codes, sorted (a kabupaten code in the file is expanded into its kecamatan). */
  kecamatan: string[];
  /** The codes as the file gives them. */
  codes: string[];
  sumber: string[];
  /** Lines of its rows in dapil.csv. */
  lines: number[];
}

const slugPart = (s: string) =>
  s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

/** "Kabupaten Bantul" → "bantul", "Kota Yogyakarta" → "kota-yogyakarta". */
const regionSlug = (name: string) => slugPart(name.replace(/^Kabupaten\s+/i, ''));

/** The council a row belongs to: the province's DPRD, or the DPRD of the kabupaten/kota its code lies in. */
export function lembagaOf(row: Pick<DapilInputRow, 'lembaga' | 'kode_wilayah'>, tree: RegionTree): Lembaga {
  if (row.lembaga === 'DPRD Provinsi') {
    const code = tree.code.slice(0, 2);
    return { key: `provinsi:${code}`, level: 'provinsi', code, name: `DPRD Provinsi ${tree.province || tree.name}`.trim() };
  }
  const code = tree.kabupaten ? kabupatenOf(row.kode_wilayah) : tree.code;
  const name = tree.kabupaten ? (tree.kabupaten.find((k) => k.code === code)?.name ?? code) : tree.name;
  return { key: `kabupaten:${code}`, level: 'kabupaten', code, name: `DPRD ${name}` };
}

/** The kecamatan a code stands for in the tree (a kecamatan itself; every kecamatan of a kabupaten/kota or of the portal). */
export function kecamatanIn(code: string, tree: RegionTree): string[] {
  if (levelOf(code) === 'kecamatan') return tree.kecamatan.some((k) => k.code === code) ? [code] : [];
  return tree.kecamatan.filter((k) => k.code === code || k.code.startsWith(`${code}.`)).map((k) => k.code);
}

/** The dapil of the rows, in file order of their first row; each one's URL slug names its council and itself. */
export function groupDapil(rows: readonly DapilInputRow[], tree: RegionTree): Dapil[] {
  const out = new Map<string, Dapil>();
  for (const r of rows) {
    const lembaga = lembagaOf(r, tree);
    const key = `${lembaga.key}|${r.dapil.trim().toLowerCase()}`;
    let d = out.get(key);
    if (!d) {
      const own = slugPart(r.dapil.replace(/^\s*dapil\s+/i, ''));
      const prefix = lembaga.level === 'provinsi' ? 'provinsi' : tree.kabupaten ? regionSlug(lembaga.name.slice(5)) : 'kabupaten';
      d = { slug: `${prefix}-${own}`, name: r.dapil.trim(), lembaga, kursi: r.kursi, kecamatan: [], codes: [], sumber: [], lines: [] };
      out.set(key, d);
    }
    d.codes.push(r.kode_wilayah);
    for (const k of kecamatanIn(r.kode_wilayah, tree)) if (!d.kecamatan.includes(k)) d.kecamatan.push(k);
    if (r.sumber && !d.sumber.includes(r.sumber)) d.sumber.push(r.sumber);
    if (r._line !== undefined) d.lines.push(r._line);
  }
  for (const d of out.values()) d.kecamatan.sort();
  return [...out.values()];
}

/** The kecamatan a council's dapil should cover between them: its kabupaten/kota's, or every one of the portal. */
export function lembagaKecamatan(l: Lembaga, tree: RegionTree): string[] {
  return l.level === 'provinsi' ? tree.kecamatan.map((k) => k.code) : kecamatanIn(l.code, tree);
}
