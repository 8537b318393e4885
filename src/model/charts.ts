/**
 * Every chart on the site as data (cf. OWID's *State / *Chart split): pure
 * `to…Chart(site)` transforms produce a ChartSpec; the island only hands it
 * to Chart.js, and the same spec renders the build-time HTML table, the CSV
 * download and the embed page. Chart ids are stable: they are permalinks
 * (`#id`) and embed URLs (`/embed/<id>/`).
 */
import { FUNDING_SOURCES } from '../domain/aid.ts';
import { budgetByYear, byKecamatan, categoryByYear, cell, totalsByYear, yearsOf, type Kind } from './figures.ts';
import { formatDate } from '../shared/format.ts';
import { localePath, useT } from '../i18n/index.ts';
import type { Lang } from '../load/problems.ts';
import { sumBy, type SiteModel } from './model.ts';

export type ValueFormat = 'number' | 'percent' | 'rupiah' | 'index';

export interface ChartSeries {
  label: string;
  data: (number | null)[];
  /** Draw this series as a line on a bar chart (or vice versa). */
  type?: 'bar' | 'line';
  /** Stack id for stacked bars. */
  stack?: string;
}

export interface ChartSpec {
  id: string;
  title: string;
  /** bar: vertical bars; hbar: horizontal bars (ranked lists); line: trends. */
  kind: 'bar' | 'hbar' | 'line';
  labels: string[];
  /** Kemendagri codes behind the labels, where labels are kecamatan (for the map). */
  codes?: string[];
  series: ChartSeries[];
  /** Unit of the values, shown on the axis and in the table header. */
  unit: string;
  format: ValueFormat;
  /** Header of the label column in the table and CSV (e.g. "Tahun"). */
  labelHeader: string;
  source: string;
  /** The page that holds the chart, for the embed page's link back. */
  page: string;
  /** Draw as a kecamatan choropleth when boundaries exist. */
  map?: boolean;
  note?: string;
  stacked?: boolean;
  /** Null values are counts hidden for privacy (not missing data). */
  hiddenNulls?: boolean;
}

const num = (v: number | undefined | null): number | null => (v === undefined || v === null || Number.isNaN(v) ? null : v);
const round = (v: number | null, digits: number): number | null => (v === null ? null : Math.round(v * 10 ** digits) / 10 ** digits);

/** "Sumber: Dinas Sosial …, rilis 2026-1 (31 Maret 2026)." */
export const sourceLine = (site: SiteModel, lang: Lang, extra?: string): string => {
  const t = useT(lang);
  return `${t.sourceLine(`${extra ? `${extra}; ` : ''}${site.config.instansi.nama}`, site.config.rilis.label, formatDate(site.config.rilis.tanggal, lang))}${site.config.data_contoh ? ` ${t.cSample}` : ''}`;
};
const catName = (c: { nama: string; nameEn?: string }, lang: Lang) => (lang === 'en' && c.nameEn ? c.nameEn : c.nama);

export function toPovertyChart(site: SiteModel, lang: Lang = 'id'): ChartSpec {
  const rows = site.kemiskinan;
  return {
    id: 'kemiskinan-persen',
    title: useT(lang).cPovertyTitle(site.tree.name),
    kind: 'line',
    labels: rows.map((r) => String(r.tahun)),
    series: [
      { label: useT(lang).cPovertyRate, data: rows.map((r) => r.persen_miskin) },
      { label: useT(lang).cExtremeRate, data: rows.map((r) => num(r.persen_miskin_ekstrem)) },
    ],
    unit: '%',
    format: 'percent',
    labelHeader: useT(lang).year,
    source: sourceLine(site, lang, [...new Set(rows.map((r) => r.sumber))].at(-1)),
    page: localePath(lang, '/kemiskinan/'),
  };
}

export function toPovertyCountChart(site: SiteModel, lang: Lang = 'id'): ChartSpec {
  const rows = site.kemiskinan;
  return {
    id: 'kemiskinan-jumlah',
    title: useT(lang).cPovertyCountTitle(site.tree.name),
    kind: 'bar',
    labels: rows.map((r) => String(r.tahun)),
    series: [{ label: useT(lang).cPovertyCount, data: rows.map((r) => r.jumlah_miskin) }],
    unit: useT(lang).jiwa,
    format: 'number',
    labelHeader: useT(lang).year,
    source: sourceLine(site, lang, [...new Set(rows.map((r) => r.sumber))].at(-1)),
    page: localePath(lang, '/kemiskinan/'),
  };
}

const KIND_LABEL: Record<Kind, string> = { pmks: 'PMKS', psks: 'PSKS' };
const kindUnit = (kind: Kind, lang: Lang) => (kind === 'pmks' ? useT(lang).unitPeople : useT(lang).unitPeopleOrOrgs);

export function toCategoryTrendChart(site: SiteModel, kind: Kind, lang: Lang = 'id'): ChartSpec {
  const totals = totalsByYear(site, kind);
  return {
    id: `${kind}-tren`,
    title: useT(lang).cTrendTitle(KIND_LABEL[kind], site.tree.name),
    kind: 'bar',
    labels: totals.map((r) => String(r.tahun)),
    series: [{ label: `${KIND_LABEL[kind]} (${kindUnit(kind, lang)})`, data: totals.map((r) => r.jumlah) }],
    unit: kindUnit(kind, lang),
    format: 'number',
    labelHeader: useT(lang).year,
    hiddenNulls: true,
    source: sourceLine(site, lang),
    page: localePath(lang, `/${kind}/`),
  };
}

export function toCategoryChart(site: SiteModel, kind: Kind, lang: Lang = 'id'): ChartSpec {
  const year = yearsOf(site[kind]).at(-1)!;
  const cats = categoryByYear(site, kind).map((c) => ({ ...c, v: c.values[year] ?? 0 })).sort((a, b) => b.v - a.v);
  return {
    id: `${kind}-kategori`,
    title: useT(lang).cByCategoryTitle(KIND_LABEL[kind], year),
    kind: 'hbar',
    labels: cats.map((c) => catName(c, lang)),
    series: [{ label: `${KIND_LABEL[kind]} ${year} (${kindUnit(kind, lang)})`, data: cats.map((c) => c.v) }],
    unit: kindUnit(kind, lang),
    format: 'number',
    labelHeader: useT(lang).category,
    hiddenNulls: true,
    source: sourceLine(site, lang),
    page: localePath(lang, `/${kind}/`),
  };
}

export function toCategoryKecamatanChart(site: SiteModel, kind: Kind, lang: Lang = 'id'): ChartSpec {
  const year = yearsOf(site[kind]).at(-1)!;
  const rows = byKecamatan(site, kind, year).sort((a, b) => (a.rank ?? 1e9) - (b.rank ?? 1e9));
  return {
    id: `${kind}-kecamatan`,
    title: useT(lang).cByKecamatanTitle(KIND_LABEL[kind], year),
    kind: 'hbar',
    labels: rows.map((r) => r.name),
    codes: rows.map((r) => r.code),
    series: [{ label: `${KIND_LABEL[kind]} ${year} (${kindUnit(kind, lang)})`, data: rows.map((r) => r.jumlah) }],
    unit: kindUnit(kind, lang),
    format: 'number',
    labelHeader: useT(lang).kecamatan,
    hiddenNulls: true,
    source: sourceLine(site, lang),
    page: localePath(lang, `/${kind}/`),
    map: true,
  };
}

export function toBudgetTrendChart(site: SiteModel, program?: string, lang: Lang = 'id'): ChartSpec {
  const rows = budgetByYear(site, program);
  const p = program ? site.programs.find((x) => x.slug === program) : undefined;
  return {
    id: program ? `program-${program}-anggaran` : 'anggaran-tren',
    title: program ? useT(lang).cProgramBudgetTitle(p?.singkatan ?? p?.nama ?? program) : useT(lang).cBudgetTitle(site.tree.name),
    kind: 'bar',
    labels: rows.map((r) => String(r.tahun)),
    series: [
      { label: useT(lang).cPagu, data: rows.map((r) => num(r.pagu)) },
      { label: useT(lang).cRealisasi, data: rows.map((r) => num(r.realisasi)) },
    ],
    unit: 'Rp',
    format: 'rupiah',
    labelHeader: useT(lang).year,
    source: sourceLine(site, lang),
    page: program ? `/program/${program}/` : '/anggaran/',
  };
}

export function toBudgetByProgramChart(site: SiteModel, lang: Lang = 'id'): ChartSpec {
  const year = yearsOf(site.anggaran).at(-1)!;
  const rows = sumBy(site.anggaran.filter((r) => r.tahun === year), (r) => r.program, ['pagu', 'realisasi']);
  const name = new Map(site.programs.map((p) => [p.slug, p.singkatan ?? p.nama]));
  const ordered = site.programs.map((p) => rows.find(([k]) => k === p.slug)).filter((x): x is (typeof rows)[number] => !!x);
  return {
    id: 'anggaran-program',
    title: useT(lang).cByProgramTitle(year),
    kind: 'hbar',
    labels: ordered.map(([k]) => name.get(k) ?? k),
    series: [
      { label: useT(lang).cPagu, data: ordered.map(([, v]) => num(v.pagu)) },
      { label: useT(lang).cRealisasi, data: ordered.map(([, v]) => num(v.realisasi)) },
    ],
    unit: 'Rp',
    format: 'rupiah',
    labelHeader: useT(lang).program,
    source: sourceLine(site, lang),
    page: localePath(lang, '/anggaran/'),
  };
}

export function toBudgetBySourceChart(site: SiteModel, lang: Lang = 'id'): ChartSpec {
  const years = yearsOf(site.anggaran);
  const present = new Set(site.anggaran.map((r) => r.sumber_dana));
  const sources = FUNDING_SOURCES.filter((s) => present.has(s));
  return {
    id: 'anggaran-sumber-dana',
    title: useT(lang).cBySourceTitle,
    kind: 'bar',
    stacked: true,
    labels: years.map(String),
    series: sources.map((s) => ({
      label: `${s} (Rp)`,
      stack: 'pagu',
      data: years.map((y) => num(site.anggaran.filter((r) => r.tahun === y && r.sumber_dana === s).reduce<number | undefined>((a, r) => (r.pagu === undefined ? a : (a ?? 0) + r.pagu), undefined))),
    })),
    unit: 'Rp',
    format: 'rupiah',
    labelHeader: useT(lang).year,
    source: sourceLine(site, lang),
    page: localePath(lang, '/anggaran/'),
  };
}

export function toOutputChart(site: SiteModel, program: string, lang: Lang = 'id'): ChartSpec {
  const rows = budgetByYear(site, program);
  const p = site.programs.find((x) => x.slug === program);
  const unit = site.anggaran.find((r) => r.program === program)?.satuan_output ?? p?.satuan ?? '';
  return {
    id: `program-${program}-keluaran`,
    title: useT(lang).cOutputTitle(p?.singkatan ?? p?.nama ?? program, unit),
    kind: 'bar',
    labels: rows.map((r) => String(r.tahun)),
    series: [
      { label: useT(lang).cTarget(unit), data: rows.map((r) => num(r.target_output)) },
      { label: useT(lang).cAchieved(unit), data: rows.map((r) => num(r.capaian_output)) },
    ],
    unit,
    format: 'number',
    labelHeader: useT(lang).year,
    source: sourceLine(site, lang),
    page: localePath(lang, `/program/${program}/`),
  };
}

export function toCoverageChart(site: SiteModel, program: string, lang: Lang = 'id'): ChartSpec | undefined {
  const cov = site.cakupan.kecamatan.filter((r) => r.program === program && r.persen !== undefined);
  const year = yearsOf(cov).at(-1);
  if (year === undefined) return undefined;
  const p = site.programs.find((x) => x.slug === program);
  const name = new Map(site.tree.kecamatan.map((k) => [k.code, k.name]));
  const rows = cov.filter((r) => r.tahun === year).sort((a, b) => (b.persen ?? 0) - (a.persen ?? 0));
  return {
    id: `program-${program}-cakupan`,
    title: useT(lang).cCoverageTitle(p?.singkatan ?? p?.nama ?? program, year),
    kind: 'hbar',
    labels: rows.map((r) => name.get(r.wilayah) ?? r.wilayah),
    codes: rows.map((r) => r.wilayah),
    series: [{ label: useT(lang).cCoverageSeries(p?.satuan === 'jiwa' ? useT(lang).jiwa : useT(lang).unitHouseholds), data: rows.map((r) => round(num(r.persen), 2)) }],
    unit: '%',
    format: 'percent',
    labelHeader: useT(lang).kecamatan,
    hiddenNulls: true,
    source: sourceLine(site, lang),
    page: localePath(lang, `/program/${program}/`),
    map: true,
  };
}

export function toRegistryKecamatanChart(site: SiteModel, lang: Lang = 'id'): ChartSpec {
  const year = yearsOf(site.registri.kecamatan).at(-1)!;
  const name = new Map(site.tree.kecamatan.map((k) => [k.code, k.name]));
  const rows = site.registri.kecamatan.filter((r) => r.tahun === year).sort((a, b) => (b.keluarga ?? -1) - (a.keluarga ?? -1));
  return {
    id: 'registri-kecamatan',
    title: useT(lang).cRegistryTitle(year),
    kind: 'hbar',
    labels: rows.map((r) => name.get(r.wilayah) ?? r.wilayah),
    codes: rows.map((r) => r.wilayah),
    series: [{ label: useT(lang).cRegistrySeries(year), data: rows.map((r) => r.keluarga) }],
    unit: useT(lang).unitHouseholds,
    format: 'number',
    labelHeader: useT(lang).kecamatan,
    hiddenNulls: true,
    source: sourceLine(site, lang),
    page: localePath(lang, '/kecamatan/'),
    map: true,
  };
}

export function toKecamatanPmksChart(site: SiteModel, code: string, lang: Lang = 'id'): ChartSpec {
  const years = yearsOf(site.pmks);
  const k = site.tree.kecamatan.find((x) => x.code === code)!;
  return {
    id: `kecamatan-${code}-pmks`,
    title: useT(lang).cKecPmksTitle(k.name),
    kind: 'bar',
    labels: years.map(String),
    series: [{ label: useT(lang).pmksPeople, data: years.map((y) => cell(site, 'pmks', y, code)?.jumlah ?? null) }],
    unit: useT(lang).unitPeople,
    format: 'number',
    labelHeader: useT(lang).year,
    hiddenNulls: true,
    source: sourceLine(site, lang),
    page: localePath(lang, `/kecamatan/${code}/`),
  };
}

export function toKecamatanCoverageChart(site: SiteModel, code: string, lang: Lang = 'id'): ChartSpec | undefined {
  const year = yearsOf(site.cakupan.kecamatan).at(-1);
  const k = site.tree.kecamatan.find((x) => x.code === code)!;
  const rows = site.programs.map((p) => ({ p, r: site.cakupan.kecamatan.find((r) => r.tahun === year && r.wilayah === code && r.program === p.slug) })).filter((x) => x.r?.persen !== undefined);
  if (!rows.length) return undefined;
  const kab = (slug: string) => site.cakupan.kabupaten.find((r) => r.tahun === year && r.program === slug)?.persen;
  return {
    id: `kecamatan-${code}-cakupan`,
    title: useT(lang).cKecCoverageTitle(k.name, year!),
    kind: 'hbar',
    labels: rows.map((x) => x.p.singkatan ?? x.p.nama),
    series: [
      { label: useT(lang).cKecSeries(k.name), data: rows.map((x) => round(num(x.r!.persen), 2)) },
      { label: `${site.tree.name} (%)`, data: rows.map((x) => round(num(kab(x.p.slug)), 2)) },
    ],
    unit: '%',
    format: 'percent',
    labelHeader: useT(lang).program,
    hiddenNulls: true,
    source: sourceLine(site, lang),
    page: localePath(lang, `/kecamatan/${code}/`),
  };
}

/** Registry size, total program spending and the poverty rate on one view, each indexed to its first year = 100. */
export function toRegistrySpendingPovertyChart(site: SiteModel, lang: Lang = 'id'): ChartSpec {
  const years = yearsOf(site.registri.kabupaten).filter((y) => site.kemiskinan.some((r) => r.tahun === y) && site.anggaran.some((r) => r.tahun === y));
  const reg = years.map((y) => site.registri.kabupaten.find((r) => r.tahun === y)?.keluarga);
  const spend = years.map((y) => budgetByYear(site).find((r) => r.tahun === y)?.realisasi);
  const pov = years.map((y) => site.kemiskinan.find((r) => r.tahun === y)?.persen_miskin);
  const index = (xs: (number | null | undefined)[]) => xs.map((v) => (v === undefined || v === null || !xs[0] ? null : round((v / xs[0]) * 100, 1)));
  return {
    id: 'indikator-registri-anggaran-kemiskinan',
    title: useT(lang).cIndexTitle(years[0]!),
    kind: 'line',
    labels: years.map(String),
    series: [
      { label: useT(lang).cIndexRegistry, data: index(reg) },
      { label: useT(lang).cIndexSpending, data: index(spend) },
      { label: useT(lang).cIndexPoverty, data: index(pov) },
    ],
    unit: useT(lang).cIndexUnit(years[0]!),
    format: 'index',
    labelHeader: useT(lang).year,
    source: sourceLine(site, lang),
    page: localePath(lang, '/'),
    note: useT(lang).cIndexNote,
  };
}

export function toNoNationalAidChart(site: SiteModel, lang: Lang = 'id'): ChartSpec | undefined {
  const rows = site.registri.kabupaten.filter((r) => r.keluarga_tanpa_bansos_pusat !== undefined);
  if (!rows.length) return undefined;
  return {
    id: 'indikator-tanpa-bansos-pusat',
    title: useT(lang).cNoAidTitle,
    kind: 'bar',
    labels: rows.map((r) => String(r.tahun)),
    series: [
      { label: useT(lang).cNoAid, data: rows.map((r) => num(r.keluarga_tanpa_bansos_pusat)) },
      { label: useT(lang).cApbd, data: rows.map((r) => num(r.keluarga_dibantu_apbd)) },
    ],
    unit: useT(lang).unitHouseholds,
    format: 'number',
    labelHeader: useT(lang).year,
    hiddenNulls: true,
    source: sourceLine(site, lang),
    page: localePath(lang, '/'),
  };
}

export function toGraduationChart(site: SiteModel, lang: Lang = 'id'): ChartSpec | undefined {
  const rows = site.verval.kabupaten.map((r) => [String(r.tahun), r] as const);
  if (!rows.length) return undefined;
  return {
    id: 'indikator-verval-graduasi',
    title: useT(lang).cVervalTitle(site.tree.name),
    kind: 'bar',
    labels: rows.map(([y]) => y),
    series: [
      { label: useT(lang).cRemoved, data: rows.map(([, v]) => num(v.dihapus)) },
      { label: useT(lang).cAdded, data: rows.map(([, v]) => num(v.ditambah)) },
      { label: useT(lang).cGraduated, data: rows.map(([, v]) => num(v.graduasi)) },
    ],
    unit: useT(lang).unitHouseholds,
    format: 'number',
    labelHeader: useT(lang).year,
    hiddenNulls: true,
    source: sourceLine(site, lang),
    page: localePath(lang, '/'),
  };
}

/** PBI-JK recipients as a share of registry people: the road to Universal Health Coverage. */
export function toUhcChart(site: SiteModel, lang: Lang = 'id'): ChartSpec | undefined {
  const rows = site.cakupan.kabupaten.filter((r) => r.program === 'pbi-jk' && r.persen !== undefined);
  if (!rows.length) return undefined;
  return {
    id: 'indikator-pbi-jk-uhc',
    title: useT(lang).cUhcTitle,
    kind: 'line',
    labels: rows.map((r) => String(r.tahun)),
    series: [{ label: useT(lang).cUhcSeries, data: rows.map((r) => round(num(r.persen), 2)) }],
    unit: '%',
    format: 'percent',
    labelHeader: useT(lang).year,
    source: sourceLine(site, lang),
    page: localePath(lang, '/program/pbi-jk/'),
    note: useT(lang).cUhcNote,
  };
}

/** Every chart of the site, in page order; ids are unique. */
export function allCharts(site: SiteModel, lang: Lang = 'id'): ChartSpec[] {
  const out: (ChartSpec | undefined)[] = [
    toRegistrySpendingPovertyChart(site, lang), toNoNationalAidChart(site, lang), toGraduationChart(site, lang), toUhcChart(site, lang),
    toPovertyChart(site, lang), toPovertyCountChart(site, lang),
    toCategoryTrendChart(site, 'pmks', lang), toCategoryChart(site, 'pmks', lang), toCategoryKecamatanChart(site, 'pmks', lang),
    toCategoryTrendChart(site, 'psks', lang), toCategoryChart(site, 'psks', lang), toCategoryKecamatanChart(site, 'psks', lang),
    toBudgetTrendChart(site, undefined, lang), toBudgetByProgramChart(site, lang), toBudgetBySourceChart(site, lang),
    toRegistryKecamatanChart(site, lang),
  ];
  for (const p of site.programs) out.push(toBudgetTrendChart(site, p.slug, lang), toOutputChart(site, p.slug, lang), toCoverageChart(site, p.slug, lang));
  for (const k of site.tree.kecamatan) out.push(toKecamatanPmksChart(site, k.code, lang), toKecamatanCoverageChart(site, k.code, lang));
  return out.filter((c): c is ChartSpec => !!c && c.series.some((s) => s.data.some((v) => v !== null)));
}

/** CSV of exactly the chart's numbers: the label column, then one column per series. */
export function chartCsv(spec: ChartSpec, lang: Lang = 'id'): string {
  const esc = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  const header = [spec.labelHeader, ...(spec.codes ? [useT(lang).cKecamatanCode] : []), ...spec.series.map((s) => s.label)];
  const rows = spec.labels.map((l, i) => [l, ...(spec.codes ? [spec.codes[i]!] : []), ...spec.series.map((s) => (s.data[i] === null ? '' : String(s.data[i])))]);
  return [header, ...rows].map((r) => r.map(esc).join(',')).join('\r\n') + '\r\n';
}

