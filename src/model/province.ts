/**
 * What a province portal adds to the pages: its kabupaten/kota compared with
 * each other (the home page's ranking) and each one's one-pager. Every number
 * comes from the protected model (a hidden kabupaten cell stays hidden and
 * has no rank); a kabupaten/kota whose data did not come is `missing`, never
 * a zero. Poverty and budget are each kabupaten's own series (no area code to
 * sum), so they are shown as given, never added up.
 */
import { NOT_RELEASED, withRank, type Figure } from '../protect/figure.ts';
import { count, coverageAmong, latest, sumBudget, yearsOf } from './figures.ts';
import type { SiteFigures } from './model.ts';

export interface KabupatenRow {
  code: string;
  name: string;
  /** No folder and no rows came for it: every figure is absent and says so. */
  missing: boolean;
  poverty: Figure;
  povertyRank?: number;
  pmks: Figure;
  pmksRank?: number;
  keluarga: Figure;
  keluargaRank?: number;
  /** Coverage of the headline program (largest household program) in percent. */
  coverage: Figure;
  coverageRank?: number;
}

export interface ProvinceRanking {
  /** The latest year every present kabupaten/kota reported its poverty rate (undefined if none). */
  povertyYear?: number;
  pmksYear?: number;
  registryYear?: number;
  coverageYear?: number;
  /** The program whose coverage is compared (PKH where present). */
  program?: { slug: string; name: string };
  rows: KabupatenRow[];
}

/** Each item's rank by one figure (1 = largest; none where the figure is not shown). */
const ranks = <T>(xs: readonly T[], value: (x: T) => Figure): (number | undefined)[] => withRank(xs, value).map((x) => x.rank);

/** The kabupaten/kota of a province side by side, each figure ranked (1 = largest); empty for a kabupaten portal. */
export function provinceRanking(site: SiteFigures): ProvinceRanking {
  const kabs = site.tree.kabupaten ?? [];
  if (!kabs.length) return { rows: [] };
  const missing = new Set(site.missing ?? []);
  const parts = new Map((site.parts ?? []).map((p) => [p.code, p]));
  const povYears = [...parts.values()].map((p) => p.kemiskinan.at(-1)?.tahun).filter((y): y is number => y !== undefined);
  const povertyYear = povYears.length ? Math.min(...povYears) : undefined;
  const pmksYear = yearsOf(site.pmks).at(-1);
  const registryYear = latest(site.registri.kabkota)?.tahun;
  const coverageYear = latest(site.cakupan.kabkota)?.tahun;
  const prog = site.programs.find((p) => p.slug === 'pkh') ?? site.programs[0];
  const rows: KabupatenRow[] = kabs.map((k) => {
    const pov = parts.get(k.code)?.kemiskinan.find((r) => r.tahun === povertyYear);
    const reg = site.registri.kabkota.find((r) => r.wilayah === k.code && r.tahun === registryYear);
    const cov = site.cakupan.kabkota.find((r) => r.wilayah === k.code && r.tahun === coverageYear && r.program === prog?.slug);
    return {
      code: k.code,
      name: k.name,
      missing: missing.has(k.code),
      poverty: pov ? pov.persen_miskin : NOT_RELEASED,
      pmks: pmksYear === undefined ? NOT_RELEASED : count(site, 'pmks', pmksYear, k.code),
      keluarga: reg?.keluarga ?? NOT_RELEASED,
      coverage: cov?.persen ?? NOT_RELEASED,
    };
  });
  const fields = [
    ['povertyRank', (r: KabupatenRow) => r.poverty],
    ['pmksRank', (r: KabupatenRow) => r.pmks],
    ['keluargaRank', (r: KabupatenRow) => r.keluarga],
    ['coverageRank', (r: KabupatenRow) => r.coverage],
  ] as const;
  for (const [key, value] of fields)
    ranks(rows, value).forEach((r, i) => {
      if (r !== undefined) rows[i]![key] = r;
    });
  return {
    ...(povertyYear !== undefined ? { povertyYear } : {}),
    ...(pmksYear !== undefined ? { pmksYear } : {}),
    ...(registryYear !== undefined ? { registryYear } : {}),
    ...(coverageYear !== undefined ? { coverageYear } : {}),
    ...(prog ? { program: { slug: prog.slug, name: prog.singkatan ?? prog.nama } } : {}),
    rows,
  };
}

/** Everything a kabupaten/kota one-pager of a province portal shows (the page only formats it). */
export function kabupatenFigures(site: SiteFigures, code: string) {
  const kab = site.tree.kabupaten?.find((k) => k.code === code);
  if (!kab) throw new Error(`unknown kabupaten/kota ${code}`);
  const ranking = provinceRanking(site);
  const row = ranking.rows.find((r) => r.code === code)!;
  const part = site.parts?.find((p) => p.code === code);
  const kecamatan = site.tree.kecamatan.filter((k) => k.code.startsWith(`${code}.`));
  const pmksYear = ranking.pmksYear;
  const regYear = ranking.registryYear;
  const covYear = ranking.coverageYear;
  const n = ranking.rows.length;
  const coverage = coverageAmong(
    site,
    site.cakupan.kabkota.filter((r) => r.tahun === covYear),
    code,
    site.cakupan.kabupaten.filter((r) => r.tahun === covYear),
  ).map(({ parentPersen, ...c }) => ({ ...c, provincePersen: parentPersen }));
  const lastYear = part?.anggaran.at(-1)?.tahun;
  return {
    code,
    name: kab.name,
    missing: row.missing,
    count: n,
    instansi: part?.instansi,
    row,
    ranking,
    provincePoverty: site.kemiskinan.find((r) => r.tahun === ranking.povertyYear)?.persen_miskin,
    kemiskinan: part?.kemiskinan ?? [],
    provincePmks: pmksYear === undefined ? NOT_RELEASED : count(site, 'pmks', pmksYear, site.tree.code),
    provinceKeluarga: site.registri.kabupaten.find((r) => r.tahun === regYear)?.keluarga ?? NOT_RELEASED,
    coverageYear: covYear,
    coverage,
    budgetYear: lastYear,
    budget: lastYear === undefined ? undefined : sumBudget(part!.anggaran.filter((r) => r.tahun === lastYear)),
    kecamatan: kecamatan.map((k) => ({
      code: k.code,
      name: k.name,
      desa: k.desa.length,
      pmks: pmksYear === undefined ? NOT_RELEASED : count(site, 'pmks', pmksYear, k.code),
      keluarga: site.registri.kecamatan.find((r) => r.wilayah === k.code && r.tahun === regYear)?.keluarga ?? NOT_RELEASED,
    })),
    desaCount: kecamatan.reduce((a, k) => a + k.desa.length, 0),
  };
}
