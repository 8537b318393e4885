/**
 * Figures pages show, computed from the model in plain TypeScript so that
 * `.astro` files stay close to markup (and tests can check the numbers).
 */
import { categoryList, sumBy, type CategoryCount, type SiteModel } from './model.ts';

export type Kind = 'pmks' | 'psks';

/** Kabupaten total per year. */
export function totalsByYear(site: SiteModel, kind: Kind): { tahun: number; jumlah: number }[] {
  return sumBy(site[kind].kecamatan, (r) => String(r.tahun), ['jumlah']).map(([y, v]) => ({ tahun: Number(y), jumlah: v.jumlah ?? 0 })).sort((a, b) => a.tahun - b.tahun);
}

export const yearsOf = (rows: readonly { tahun: number }[]): number[] => [...new Set(rows.map((r) => r.tahun))].sort((a, b) => a - b);

/** Category × year for the whole kabupaten (or one area). */
export function categoryByYear(site: SiteModel, kind: Kind, area?: string): { kategori: string; nama: string; sensitive: boolean; values: Record<number, number> }[] {
  const rows = site[kind].kecamatan.filter((r) => !area || r.wilayah === area);
  return categoryList(kind).map((c) => {
    const values: Record<number, number> = {};
    for (const r of rows) if (r.kategori === c.code) values[r.tahun] = (values[r.tahun] ?? 0) + r.jumlah;
    return { kategori: c.code, nama: c.name, sensitive: !!c.sensitive, values };
  });
}

/** Totals per kecamatan for one year, with rank (1 = largest). */
export function byKecamatan(site: SiteModel, kind: Kind, year: number, kategori?: string): { code: string; name: string; jumlah: number; rank: number }[] {
  const sums = new Map<string, number>();
  for (const r of site[kind].kecamatan as CategoryCount[]) if (r.tahun === year && (!kategori || r.kategori === kategori)) sums.set(r.wilayah, (sums.get(r.wilayah) ?? 0) + r.jumlah);
  return withRank(site.tree.kecamatan.map((k) => ({ code: k.code, name: k.name, jumlah: sums.get(k.code) ?? 0 })), (x) => x.jumlah);
}

/** Rank by value, descending; equal values share a rank. */
export function withRank<T>(xs: T[], value: (x: T) => number): (T & { rank: number })[] {
  const sorted = [...xs].sort((a, b) => value(b) - value(a));
  return xs.map((x) => ({ ...x, rank: 1 + sorted.findIndex((y) => value(y) === value(x)) }));
}

/** Budget of a program (or all) per year: pagu and realisasi summed over funding sources. */
export function budgetByYear(site: SiteModel, program?: string) {
  const rows = site.anggaran.filter((r) => !program || r.program === program);
  return sumBy(rows, (r) => String(r.tahun), ['pagu', 'realisasi', 'target_output', 'capaian_output']).map(([y, v]) => ({
    tahun: Number(y),
    ...v,
    persen: v.pagu ? ((v.realisasi ?? 0) / v.pagu) * 100 : undefined,
  })).sort((a, b) => a.tahun - b.tahun);
}

export const latest = <T extends { tahun: number }>(rows: readonly T[]): T | undefined => rows.reduce<T | undefined>((a, r) => (!a || r.tahun > a.tahun ? r : a), undefined);
