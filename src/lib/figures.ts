/**
 * Figures pages show, computed from the model in plain TypeScript so that
 * `.astro` files stay close to markup (and tests can check the numbers).
 */
import { formatNumber, formatPercent, formatRupiah } from './format.ts';
import { localePath, useT } from './i18n.ts';
import type { Lang } from './problems.ts';
import { categoryList, sumBy, type CategoryCount, type SiteModel } from './model.ts';

export type Kind = 'pmks' | 'psks';

/** Kabupaten total per year. */
export function totalsByYear(site: SiteModel, kind: Kind): { tahun: number; jumlah: number }[] {
  return sumBy(site[kind].kecamatan, (r) => String(r.tahun), ['jumlah']).map(([y, v]) => ({ tahun: Number(y), jumlah: v.jumlah ?? 0 })).sort((a, b) => a.tahun - b.tahun);
}

export const yearsOf = (rows: readonly { tahun: number }[]): number[] => [...new Set(rows.map((r) => r.tahun))].sort((a, b) => a - b);

/** Category × year for the whole kabupaten (or one area). */
export function categoryByYear(site: SiteModel, kind: Kind, area?: string): { kategori: string; nama: string; nameEn: string; sensitive: boolean; values: Record<number, number> }[] {
  const rows = site[kind].kecamatan.filter((r) => !area || r.wilayah === area);
  return categoryList(kind).map((c) => {
    const values: Record<number, number> = {};
    for (const r of rows) if (r.kategori === c.code) values[r.tahun] = (values[r.tahun] ?? 0) + r.jumlah;
    return { kategori: c.code, nama: c.name, nameEn: c.nameEn, sensitive: !!c.sensitive, values };
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

export interface KeyFigure {
  label: string;
  value: string;
  detail: string;
  href: string;
}

/** "naik 2,3% dari 2024" / "turun 0,41 poin dari 2024": the trend in words, not only by colour or arrow. */
function change(lang: Lang, cur: number, prev: number | undefined, prevYear: number | undefined, points: boolean): string {
  if (prev === undefined || prevYear === undefined) return '';
  const t = useT(lang);
  const d = points ? cur - prev : prev === 0 ? 0 : ((cur - prev) / prev) * 100;
  if (Math.abs(d) < 0.005) return `; ${t.same} ${t.fromYear(prevYear)}`;
  return `; ${d > 0 ? t.up : t.down} ${points ? `${formatNumber(Math.abs(d), lang, 2)} ${t.points}` : formatPercent(Math.abs(d), lang, 1)} ${t.fromYear(prevYear)}`;
}

/** The home page's key figures, each with its year and its change from the year before. */
export function keyFigures(site: SiteModel, lang: Lang = 'id'): KeyFigure[] {
  const t = useT(lang);
  const L = (path: string) => localePath(lang, path);
  const out: KeyFigure[] = [];
  const pov = site.kemiskinan;
  const [p1, p0] = [pov.at(-1), pov.at(-2)];
  if (p1) out.push({ label: t.kfPoverty, href: L('/kemiskinan/'), value: formatPercent(p1.persen_miskin, lang), detail: `${p1.tahun}${change(lang, p1.persen_miskin, p0?.persen_miskin, p0?.tahun, true)}` });
  const ext = pov.filter((r) => r.persen_miskin_ekstrem !== undefined);
  const [e1, e0] = [ext.at(-1), ext.at(-2)];
  if (e1) out.push({ label: t.kfExtreme, href: L('/kemiskinan/'), value: formatPercent(e1.persen_miskin_ekstrem, lang), detail: `${e1.tahun}${change(lang, e1.persen_miskin_ekstrem!, e0?.persen_miskin_ekstrem, e0?.tahun, true)}` });
  const pm = totalsByYear(site, 'pmks');
  const [m1, m0] = [pm.at(-1), pm.at(-2)];
  if (m1) out.push({ label: t.kfPmks, href: L('/pmks/'), value: formatNumber(m1.jumlah, lang), detail: `${t.people}, ${m1.tahun}${change(lang, m1.jumlah, m0?.jumlah, m0?.tahun, false)}` });
  const rg = site.registri.kabupaten;
  const [r1, r0] = [rg.at(-1), rg.at(-2)];
  if (r1) out.push({ label: t.kfRegistry, href: L('/kecamatan/'), value: formatNumber(r1.keluarga, lang), detail: `${formatNumber(r1.jiwa, lang)} ${t.jiwa}, ${r1.tahun}${change(lang, r1.keluarga, r0?.keluarga, r0?.tahun, false)}` });
  // Households receiving aid: the largest household program (KPM) of the latest year.
  const kpm = new Set(site.programs.filter((p) => p.satuan === 'KPM').map((p) => p.slug));
  const lastCov = latest(site.cakupan.kabupaten.filter((r) => kpm.has(r.program)));
  const top = site.cakupan.kabupaten.filter((r) => lastCov && r.tahun === lastCov.tahun && kpm.has(r.program)).sort((a, b) => b.penerima - a.penerima)[0];
  if (top) {
    const p = site.programs.find((x) => x.slug === top.program)!;
    const prev = site.cakupan.kabupaten.find((r) => r.program === top.program && r.tahun === top.tahun - 1);
    out.push({ label: t.kfRecipients(p.singkatan ?? p.nama), href: L(`/program/${p.slug}/`), value: formatNumber(top.penerima, lang), detail: `KPM, ${top.tahun}${top.persen !== undefined ? `, ${formatPercent(top.persen, lang, 1)} ${t.ofRegistry}` : ''}${change(lang, top.penerima, prev?.penerima, prev?.tahun, false)}` });
  }
  const b = budgetByYear(site);
  const [b1, b0] = [b.at(-1), b.at(-2)];
  if (b1?.pagu) out.push({ label: t.kfBudget, href: L('/anggaran/'), value: formatRupiah(b1.pagu, lang), detail: `${b1.tahun}, ${t.realised} ${formatPercent(b1.persen, lang, 1)}${change(lang, b1.pagu, b0?.pagu, b0?.tahun, false)}` });
  return out;
}
/** Everything the kecamatan one-pager shows, as plain numbers (the page only formats them). */
export function kecamatanFigures(site: SiteModel, code: string) {
  const kec = site.tree.kecamatan.find((k) => k.code === code);
  if (!kec) throw new Error(`unknown kecamatan ${code}`);
  const pmksYears = yearsOf(site.pmks.kecamatan);
  const pmksYear = pmksYears.at(-1);
  const pmks = pmksYear === undefined ? undefined : byKecamatan(site, 'pmks', pmksYear).find((r) => r.code === code);
  const regYear = latest(site.registri.kecamatan)?.tahun;
  const regRanked = withRank(site.registri.kecamatan.filter((r) => r.tahun === regYear), (r) => r.keluarga);
  const reg = regRanked.find((r) => r.wilayah === code);
  const covYear = latest(site.cakupan.kecamatan)?.tahun;
  const coverage = site.programs.flatMap((p) => {
    const all = withRank(site.cakupan.kecamatan.filter((r) => r.tahun === covYear && r.program === p.slug), (r) => r.persen ?? -1);
    const mine = all.find((r) => r.wilayah === code);
    const kab = site.cakupan.kabupaten.find((r) => r.tahun === covYear && r.program === p.slug);
    return mine ? [{ program: p.slug, name: p.singkatan ?? p.nama, unit: p.satuan, penerima: mine.penerima, terdaftar: mine.terdaftar, persen: mine.persen, rank: mine.persen === undefined ? undefined : mine.rank, of: all.length, kabupatenPersen: kab?.persen }] : [];
  });
  const desaPmks = site.pmks.desa.filter((r) => r.tahun === pmksYear && r.wilayah.startsWith(code + '.'));
  const desaReg = site.registri.desa.filter((r) => r.tahun === regYear && r.wilayah.startsWith(code + '.'));
  const desa = desaPmks.length || desaReg.length
    ? kec.desa.map((d) => ({
      code: d.code,
      name: d.name,
      pmks: desaPmks.some((r) => r.wilayah === d.code) ? desaPmks.filter((r) => r.wilayah === d.code).reduce((a, r) => a + r.jumlah, 0) : undefined,
      keluarga: desaReg.find((r) => r.wilayah === d.code)?.keluarga,
    }))
    : [];
  return {
    code,
    name: kec.name,
    desaCount: kec.desa.length,
    kecamatanCount: site.tree.kecamatan.length,
    pmks: pmks && { year: pmksYear!, total: pmks.jumlah, rank: pmks.rank },
    registry: reg && { year: regYear!, keluarga: reg.keluarga, jiwa: reg.jiwa, rank: reg.rank },
    coverageYear: covYear,
    coverage,
    pmksYears,
    pmksByCategory: categoryByYear(site, 'pmks', code).filter((c) => Object.keys(c.values).length),
    pmksYear,
    registryYear: regYear,
    desa,
    verval: site.verval.filter((r) => r.kode_wilayah === code),
    puskesos: site.puskesos.filter((r) => r.kecamatan === code),
  };
}
