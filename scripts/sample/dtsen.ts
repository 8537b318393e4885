/**
 * Synthetic DTSEN files for the sample portal, coherent with the rest of it:
 *  - desil.csv: every household of each kecamatan ranked into national
 *    desil; the poorer the kabupaten (its poverty rate against the national
 *    ~9.5%), the more households in the low desil; a little improvement
 *    each quarter as BPS re-ranks.
 *  - sasaran.csv: PKH, Sembako and PBI-JK recipients by desil. Most fall
 *    within the program's desil, with leakage of roughly a quarter to a third
 *    (published evaluations of PKH; DOMAIN.md) that differs by kecamatan and
 *    shrinks a little each quarter; a few percent not yet ranked.
 *  - kondisi.csv: registry households by deprivation, scaled by poverty.
 *  - layanan.csv: usulan tracking each kecamatan's verification work, sanggah
 *    tracking its recipients.
 * A generator of its own (own random stream), so the other sample files keep
 * their bytes.
 */
import { CONDITIONS } from '../../src/domain/conditions.ts';
import type { RegionTree } from '../../src/domain/regions.ts';

export interface Rng {
  next(): number;
  between(lo: number, hi: number): number;
  int(lo: number, hi: number): number;
}

export interface DtsenInput {
  tree: RegionTree;
  rng: Rng;
  /** Kabupaten households and the latest poverty rate (%). */
  households: Map<string, number>;
  povertyRate: number;
  /** Latest annual recipients per kecamatan and program, in the program's unit. */
  recipients: Map<string, number>;
  /** Latest verification: households checked per kecamatan. */
  checked: Map<string, number>;
  /** desil_maks of each program tied to desil. */
  limits: Record<string, number>;
  /** Per program: counted in households (KPM) or people. */
  units: Record<string, 'keluarga' | 'jiwa'>;
  apportion: (total: number, weights: number[]) => number[];
  csv: (header: string[], rows: (string | number | undefined)[][]) => string;
}

export const DTSEN_PERIODS: [number, string][] = [
  [2025, 'triwulan-1'],
  [2025, 'triwulan-2'],
  [2025, 'triwulan-3'],
  [2025, 'triwulan-4'],
];

const NATIONAL_POVERTY = 9.5;

export function generateDtsen(d: DtsenInput): Record<string, string> {
  const { tree, rng: r, apportion } = d;
  const tilt = Math.max(0.6, Math.min(2.5, d.povertyRate / NATIONAL_POVERTY));
  const desilRows: (string | number)[][] = [];
  const sasaranRows: (string | number | undefined)[][] = [];
  const layananRows: (string | number)[][] = [];
  // Registry by (period, kecamatan, desil): households and people.
  const reg = new Map<string, { keluarga: number; jiwa: number }>();
  // Each kecamatan has its own targeting quality: leakage from 22% to 34% at the start.
  const leakage = new Map(tree.kecamatan.map((k) => [k.code, r.between(0.22, 0.34)]));
  DTSEN_PERIODS.forEach(([tahun, periode], q) => {
    for (const k of tree.kecamatan) {
      const hh = d.households.get(k.code)!;
      // Poorer places have more low-desil households; each quarter a little fewer (re-ranking, graduation).
      const local = tilt * r.between(0.85, 1.15) * (1 - 0.01 * q);
      const weights = Array.from({ length: 10 }, (_, i) => local ** ((5.5 - (i + 1)) / 4.5));
      const keluarga = apportion(Math.round(hh * (1 + 0.002 * q)), weights);
      keluarga.forEach((n, i) => {
        const jiwa = Math.round(n * (3.7 - i * 0.09));
        reg.set(`${q}|${k.code}|${i + 1}`, { keluarga: n, jiwa });
        desilRows.push([tahun, periode, k.code, i + 1, n, jiwa]);
      });
    }
  });

  DTSEN_PERIODS.forEach(([tahun, periode], q) => {
    for (const k of tree.kecamatan) {
      for (const [program, max] of Object.entries(d.limits)) {
        const unit = d.units[program]!;
        const total = Math.round(d.recipients.get(`${k.code}|${program}`)! * r.between(0.97, 1.03));
        const unranked = Math.round(total * r.between(0.02, 0.06) * (1 - 0.15 * q));
        const inclusion = Math.max(0.08, leakage.get(k.code)! - 0.015 * q + r.between(-0.01, 0.01));
        const ranked = total - unranked;
        const above = Math.round(ranked * inclusion);
        const within = ranked - above;
        const cap = (i: number) => reg.get(`${q}|${k.code}|${i + 1}`)![unit];
        // Within the limit, the poorest first; above it, mostly just above the line.
        const inside = apportion(
          within,
          Array.from({ length: max }, (_, i) => cap(i) * (1.6 - i * 0.15)),
        );
        const outside = apportion(
          above,
          Array.from({ length: 10 - max }, (_, j) => cap(max + j) * 0.45 ** j),
        );
        const byDesil = [...inside, ...outside].map((n, i) => Math.min(n, cap(i)));
        for (const [i, n] of byDesil.entries()) sasaranRows.push([tahun, periode, k.code, program, i + 1, n]);
        sasaranRows.push([tahun, periode, k.code, program, undefined, unranked]);
      }
      // Usulan follow the kecamatan's verification work; sanggah its PKH recipients; offices get faster.
      const usulan = Math.round((d.checked.get(k.code)! / 4) * r.between(0.08, 0.14));
      const sanggah = Math.round((d.recipients.get(`${k.code}|pkh`) ?? 0) * r.between(0.004, 0.012));
      for (const [jenis, n, days] of [
        ['usulan', usulan, 30],
        ['sanggah', sanggah, 21],
      ] as const) {
        const selesai = Math.round(n * r.between(0.75, 0.98));
        layananRows.push([tahun, periode, k.code, jenis, n, selesai, Math.round(days * (1 - 0.08 * q) * r.between(0.8, 1.25) * 10) / 10]);
      }
    }
  });

  // Deprivations of registry households, 2024 and 2025: more where poverty is higher.
  const SHARES: Record<string, [number, number]> = {
    'rumah-tidak-layak': [0.1, 0.18],
    'tanpa-air-bersih': [0.06, 0.13],
    'tanpa-sanitasi': [0.08, 0.16],
    'tanpa-listrik': [0.004, 0.02],
    'anak-tidak-sekolah': [0.03, 0.06],
    'tanpa-jkn': [0.07, 0.14],
    'lansia-tunggal': [0.04, 0.08],
    disabilitas: [0.03, 0.06],
  };
  const kondisiRows: (string | number)[][] = [];
  for (const tahun of [2024, 2025]) {
    for (const k of tree.kecamatan) {
      const poor = [1, 2, 3, 4, 5].reduce((s, i) => s + reg.get(`0|${k.code}|${i}`)!.keluarga, 0);
      for (const c of CONDITIONS) {
        const [lo, hi] = SHARES[c.code]!;
        kondisiRows.push([tahun, k.code, c.code, Math.round(poor * r.between(lo, hi) * Math.min(tilt, 1.6) * (tahun === 2025 ? 0.95 : 1))]);
      }
    }
  }
  return {
    'desil.csv': d.csv(['tahun', 'periode', 'kode_wilayah', 'desil', 'keluarga', 'jiwa'], desilRows),
    'sasaran.csv': d.csv(['tahun', 'periode', 'kode_wilayah', 'program', 'desil', 'penerima'], sasaranRows),
    'kondisi.csv': d.csv(['tahun', 'kode_wilayah', 'indikator', 'keluarga'], kondisiRows),
    'layanan.csv': d.csv(['tahun', 'periode', 'kode_wilayah', 'jenis', 'diterima', 'selesai', 'rata_hari'], layananRows),
  };
}

/** A household's desil for the synthetic recipient list: mostly within the programs' limits, some above, some unranked. */
export function syntheticDesil(r: Rng, programs: string[]): string {
  const x = r.next();
  if (x < 0.06) return '';
  const max = programs.includes('pkh') ? 4 : 5;
  return String(x < 0.8 ? r.int(1, max) : r.int(max + 1, max + 3));
}
