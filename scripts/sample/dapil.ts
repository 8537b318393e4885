/**
 * Sample dapil.csv: the real DPRD dapil where ../shared/DOMAIN.md records them
 * (DPRD DIY dapil 1–3, DPRD Sleman's six; Pemilu 2024, PKPU 6/2023), each row
 * saying so in `sumber`; anywhere else a made-up grouping, said to be one.
 */
import type { RegionTree } from '../../src/domain/regions.ts';
import { normaliseName } from '../geo/boundaries.ts';

const REAL_SOURCE = (dprd: string) => `KPU, PKPU 6/2023: dapil ${dprd} Pemilu 2024 (susunan resmi)`;
const SAMPLE_SOURCE = (dprd: string) => `Contoh (rekaan): bukan susunan dapil resmi ${dprd}`;

/** DPRD DIY: dapil by kabupaten code (a whole kabupaten/kota) or by kecamatan names within one. */
const DIY: { name: string; kursi: number; kabupaten: string; kecamatan?: string[]; real: boolean }[] = [
  { name: 'Dapil DIY 1 (Kota Yogyakarta)', kursi: 7, kabupaten: '34.71', real: true },
  {
    name: 'Dapil DIY 2 (Bantul A)',
    kursi: 7,
    kabupaten: '34.02',
    kecamatan: ['Kretek', 'Pundong', 'Bambanglipuro', 'Jetis', 'Imogiri', 'Dlingo', 'Banguntapan', 'Pleret', 'Piyungan'],
    real: true,
  },
  {
    name: 'Dapil DIY 3 (Bantul B)',
    kursi: 6,
    kabupaten: '34.02',
    kecamatan: ['Srandakan', 'Sanden', 'Pandak', 'Pajangan', 'Bantul', 'Sewon', 'Kasihan', 'Sedayu'],
    real: true,
  },
  // Not in DOMAIN.md: made up, and named so that nobody takes them for the real DIY 4–7.
  { name: 'Dapil contoh Kulon Progo', kursi: 8, kabupaten: '34.01', real: false },
  { name: 'Dapil contoh Gunungkidul', kursi: 10, kabupaten: '34.03', real: false },
  { name: 'Dapil contoh Sleman', kursi: 17, kabupaten: '34.04', real: false },
];

const SLEMAN: [string, number, string[]][] = [
  ['Dapil 1', 7, ['Sleman', 'Tempel', 'Turi']],
  ['Dapil 2', 8, ['Ngaglik', 'Pakem', 'Cangkringan']],
  ['Dapil 3', 9, ['Prambanan', 'Kalasan', 'Ngemplak']],
  ['Dapil 4', 8, ['Depok', 'Berbah']],
  ['Dapil 5', 9, ['Gamping', 'Mlati']],
  ['Dapil 6', 9, ['Godean', 'Moyudan', 'Minggir', 'Seyegan']],
];

type Row = [string, string, number, string, string];
const HEADER = ['lembaga', 'dapil', 'kursi', 'kode_wilayah', 'sumber'];

function codeOf(tree: RegionTree, kabupaten: string, name: string): string {
  const k = tree.kecamatan.find((x) => x.code.startsWith(`${kabupaten}.`) && normaliseName(x.name) === normaliseName(name));
  if (!k) throw new Error(`sample dapil: no kecamatan ${name} in ${kabupaten}`);
  return k.code;
}

/** The DPRD DIY dapil within `tree` (a DIY kabupaten/kota, or the province): kabupaten codes or kecamatan. */
function diyRows(tree: RegionTree): Row[] {
  const within = (kab: string) => tree.code === kab || tree.code === '34';
  return DIY.filter((d) => within(d.kabupaten)).flatMap((d) => {
    const src = d.real ? REAL_SOURCE('DPRD DIY') : SAMPLE_SOURCE('DPRD DIY');
    if (!d.kecamatan) return [['DPRD Provinsi', d.name, d.kursi, d.kabupaten, src] as Row];
    return d.kecamatan.map((n) => ['DPRD Provinsi', d.name, d.kursi, codeOf(tree, d.kabupaten, n), src] as Row);
  });
}

/** A kabupaten/kota's own DPRD: Sleman's real dapil; elsewhere six made-up dapil of neighbouring kecamatan. */
function kabupatenRows(tree: RegionTree, seats = 45): Row[] {
  const kab = tree.code;
  const dprd = `DPRD ${tree.name}`;
  const lembaga = /^Kota\b/.test(tree.name) ? 'DPRD Kota' : 'DPRD Kabupaten';
  if (kab === '34.04')
    return SLEMAN.flatMap(([name, kursi, kecs]) => kecs.map((n) => [lembaga, name, kursi, codeOf(tree, kab, n), REAL_SOURCE(dprd)] as Row));
  const kecs = tree.kecamatan;
  const n = Math.min(6, kecs.length);
  const per = seats / n;
  return kecs.map((k, i) => {
    const d = Math.floor((i * n) / kecs.length);
    const kursi = Math.floor(per * (d + 1)) - Math.floor(per * d);
    return [lembaga, `Dapil ${d + 1}`, kursi, k.code, SAMPLE_SOURCE(dprd)] as Row;
  });
}

/** dapil.csv of a kabupaten sample (its DPRD, and the province's dapil inside it where known) or of a province's top folder. */
export function sampleDapil(
  tree: RegionTree,
  o: { province: boolean; kabupaten: boolean },
  csv: (h: string[], rows: Row[]) => string,
): string | undefined {
  const rows = [...(o.province && tree.code.startsWith('34') ? diyRows(tree) : []), ...(o.kabupaten ? kabupatenRows(tree) : [])];
  return rows.length ? csv(HEADER, rows) : undefined;
}
