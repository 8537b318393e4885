/**
 * Every chart on the site as data (cf. OWID's *State / *Chart split): pure
 * `to…Chart(site)` transforms produce a ChartSpec; the island only hands it
 * to Chart.js, and the same spec renders the build-time HTML table, the CSV
 * download and the embed page. Chart ids are stable: they are permalinks
 * (`#id`) and embed URLs (`/embed/<id>/`).
 */
import { FUNDING_SOURCES } from './domain.ts';
import { budgetByYear, byKecamatan, categoryByYear, totalsByYear, yearsOf, type Kind } from './figures.ts';
import { formatDate } from './format.ts';
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
}

const num = (v: number | undefined | null): number | null => (v === undefined || v === null || Number.isNaN(v) ? null : v);
const round = (v: number | null, digits: number): number | null => (v === null ? null : Math.round(v * 10 ** digits) / 10 ** digits);

/** "Sumber: Dinas Sosial …, rilis 2026-1 (31 Maret 2026)." */
export const sourceLine = (site: SiteModel, extra?: string): string =>
  `Sumber: ${extra ? `${extra}; ` : ''}${site.config.instansi.nama}, rilis ${site.config.rilis.label} (${formatDate(site.config.rilis.tanggal)}).${site.config.data_contoh ? ' Data contoh — bukan data resmi.' : ''}`;

export function toPovertyChart(site: SiteModel): ChartSpec {
  const rows = site.kemiskinan;
  return {
    id: 'kemiskinan-persen',
    title: `Persentase penduduk miskin dan miskin ekstrem, ${site.tree.name}`,
    kind: 'line',
    labels: rows.map((r) => String(r.tahun)),
    series: [
      { label: 'Penduduk miskin (%)', data: rows.map((r) => r.persen_miskin) },
      { label: 'Miskin ekstrem (%)', data: rows.map((r) => num(r.persen_miskin_ekstrem)) },
    ],
    unit: '%',
    format: 'percent',
    labelHeader: 'Tahun',
    source: sourceLine(site, [...new Set(rows.map((r) => r.sumber))].at(-1)),
    page: '/kemiskinan/',
  };
}

export function toPovertyCountChart(site: SiteModel): ChartSpec {
  const rows = site.kemiskinan;
  return {
    id: 'kemiskinan-jumlah',
    title: `Jumlah penduduk miskin, ${site.tree.name}`,
    kind: 'bar',
    labels: rows.map((r) => String(r.tahun)),
    series: [{ label: 'Penduduk miskin (jiwa)', data: rows.map((r) => r.jumlah_miskin) }],
    unit: 'jiwa',
    format: 'number',
    labelHeader: 'Tahun',
    source: sourceLine(site, [...new Set(rows.map((r) => r.sumber))].at(-1)),
    page: '/kemiskinan/',
  };
}

const KIND_LABEL: Record<Kind, string> = { pmks: 'PMKS', psks: 'PSKS' };
const KIND_UNIT: Record<Kind, string> = { pmks: 'orang', psks: 'orang/lembaga' };

export function toCategoryTrendChart(site: SiteModel, kind: Kind): ChartSpec {
  const totals = totalsByYear(site, kind);
  return {
    id: `${kind}-tren`,
    title: `Jumlah ${KIND_LABEL[kind]} per tahun, ${site.tree.name}`,
    kind: 'bar',
    labels: totals.map((r) => String(r.tahun)),
    series: [{ label: `${KIND_LABEL[kind]} (${KIND_UNIT[kind]})`, data: totals.map((r) => r.jumlah) }],
    unit: KIND_UNIT[kind],
    format: 'number',
    labelHeader: 'Tahun',
    source: sourceLine(site),
    page: `/${kind}/`,
  };
}

export function toCategoryChart(site: SiteModel, kind: Kind): ChartSpec {
  const year = yearsOf(site[kind].kecamatan).at(-1)!;
  const cats = categoryByYear(site, kind).map((c) => ({ ...c, v: c.values[year] ?? 0 })).sort((a, b) => b.v - a.v);
  return {
    id: `${kind}-kategori`,
    title: `${KIND_LABEL[kind]} per kategori, ${year}`,
    kind: 'hbar',
    labels: cats.map((c) => c.nama),
    series: [{ label: `${KIND_LABEL[kind]} ${year} (${KIND_UNIT[kind]})`, data: cats.map((c) => c.v) }],
    unit: KIND_UNIT[kind],
    format: 'number',
    labelHeader: 'Kategori',
    source: sourceLine(site),
    page: `/${kind}/`,
  };
}

export function toCategoryKecamatanChart(site: SiteModel, kind: Kind): ChartSpec {
  const year = yearsOf(site[kind].kecamatan).at(-1)!;
  const rows = byKecamatan(site, kind, year).sort((a, b) => a.rank - b.rank);
  return {
    id: `${kind}-kecamatan`,
    title: `${KIND_LABEL[kind]} per kecamatan, ${year}`,
    kind: 'hbar',
    labels: rows.map((r) => r.name),
    codes: rows.map((r) => r.code),
    series: [{ label: `${KIND_LABEL[kind]} ${year} (${KIND_UNIT[kind]})`, data: rows.map((r) => r.jumlah) }],
    unit: KIND_UNIT[kind],
    format: 'number',
    labelHeader: 'Kecamatan',
    source: sourceLine(site),
    page: `/${kind}/`,
    map: true,
  };
}

export function toBudgetTrendChart(site: SiteModel, program?: string): ChartSpec {
  const rows = budgetByYear(site, program);
  const p = program ? site.programs.find((x) => x.slug === program) : undefined;
  return {
    id: program ? `program-${program}-anggaran` : 'anggaran-tren',
    title: program ? `Pagu dan realisasi ${p?.singkatan ?? p?.nama ?? program} per tahun` : `Pagu dan realisasi semua program per tahun, ${site.tree.name}`,
    kind: 'bar',
    labels: rows.map((r) => String(r.tahun)),
    series: [
      { label: 'Pagu (Rp)', data: rows.map((r) => num(r.pagu)) },
      { label: 'Realisasi (Rp)', data: rows.map((r) => num(r.realisasi)) },
    ],
    unit: 'Rp',
    format: 'rupiah',
    labelHeader: 'Tahun',
    source: sourceLine(site),
    page: program ? `/program/${program}/` : '/anggaran/',
  };
}

export function toBudgetByProgramChart(site: SiteModel): ChartSpec {
  const year = yearsOf(site.anggaran).at(-1)!;
  const rows = sumBy(site.anggaran.filter((r) => r.tahun === year), (r) => r.program, ['pagu', 'realisasi']);
  const name = new Map(site.programs.map((p) => [p.slug, p.singkatan ?? p.nama]));
  const ordered = site.programs.map((p) => rows.find(([k]) => k === p.slug)).filter((x): x is (typeof rows)[number] => !!x);
  return {
    id: 'anggaran-program',
    title: `Pagu dan realisasi per program, ${year}`,
    kind: 'hbar',
    labels: ordered.map(([k]) => name.get(k) ?? k),
    series: [
      { label: 'Pagu (Rp)', data: ordered.map(([, v]) => num(v.pagu)) },
      { label: 'Realisasi (Rp)', data: ordered.map(([, v]) => num(v.realisasi)) },
    ],
    unit: 'Rp',
    format: 'rupiah',
    labelHeader: 'Program',
    source: sourceLine(site),
    page: '/anggaran/',
  };
}

export function toBudgetBySourceChart(site: SiteModel): ChartSpec {
  const years = yearsOf(site.anggaran);
  const present = new Set(site.anggaran.map((r) => r.sumber_dana));
  const sources = FUNDING_SOURCES.filter((s) => present.has(s));
  return {
    id: 'anggaran-sumber-dana',
    title: 'Pagu menurut sumber dana per tahun',
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
    labelHeader: 'Tahun',
    source: sourceLine(site),
    page: '/anggaran/',
  };
}

export function toOutputChart(site: SiteModel, program: string): ChartSpec {
  const rows = budgetByYear(site, program);
  const p = site.programs.find((x) => x.slug === program);
  const unit = site.anggaran.find((r) => r.program === program)?.satuan_output ?? p?.satuan ?? '';
  return {
    id: `program-${program}-keluaran`,
    title: `Target dan capaian keluaran ${p?.singkatan ?? p?.nama ?? program} (${unit})`,
    kind: 'bar',
    labels: rows.map((r) => String(r.tahun)),
    series: [
      { label: `Target (${unit})`, data: rows.map((r) => num(r.target_output)) },
      { label: `Capaian (${unit})`, data: rows.map((r) => num(r.capaian_output)) },
    ],
    unit,
    format: 'number',
    labelHeader: 'Tahun',
    source: sourceLine(site),
    page: `/program/${program}/`,
  };
}

export function toCoverageChart(site: SiteModel, program: string): ChartSpec | undefined {
  const cov = site.cakupan.kecamatan.filter((r) => r.program === program && r.persen !== undefined);
  const year = yearsOf(cov).at(-1);
  if (year === undefined) return undefined;
  const p = site.programs.find((x) => x.slug === program);
  const name = new Map(site.tree.kecamatan.map((k) => [k.code, k.name]));
  const rows = cov.filter((r) => r.tahun === year).sort((a, b) => (b.persen ?? 0) - (a.persen ?? 0));
  return {
    id: `program-${program}-cakupan`,
    title: `Cakupan ${p?.singkatan ?? p?.nama ?? program} per kecamatan, ${year}`,
    kind: 'hbar',
    labels: rows.map((r) => name.get(r.wilayah) ?? r.wilayah),
    codes: rows.map((r) => r.wilayah),
    series: [{ label: `Penerima ÷ ${p?.satuan === 'jiwa' ? 'jiwa' : 'keluarga'} dalam registri (%)`, data: rows.map((r) => round(num(r.persen), 2)) }],
    unit: '%',
    format: 'percent',
    labelHeader: 'Kecamatan',
    source: sourceLine(site),
    page: `/program/${program}/`,
    map: true,
  };
}

export function toRegistryKecamatanChart(site: SiteModel): ChartSpec {
  const year = yearsOf(site.registri.kecamatan).at(-1)!;
  const name = new Map(site.tree.kecamatan.map((k) => [k.code, k.name]));
  const rows = site.registri.kecamatan.filter((r) => r.tahun === year).sort((a, b) => b.keluarga - a.keluarga);
  return {
    id: 'registri-kecamatan',
    title: `Keluarga dalam registri DTKS/DTSEN per kecamatan, ${year}`,
    kind: 'hbar',
    labels: rows.map((r) => name.get(r.wilayah) ?? r.wilayah),
    codes: rows.map((r) => r.wilayah),
    series: [{ label: `Keluarga terdaftar ${year}`, data: rows.map((r) => r.keluarga) }],
    unit: 'keluarga',
    format: 'number',
    labelHeader: 'Kecamatan',
    source: sourceLine(site),
    page: '/kecamatan/',
    map: true,
  };
}

export function toKecamatanPmksChart(site: SiteModel, code: string): ChartSpec {
  const years = yearsOf(site.pmks.kecamatan);
  const k = site.tree.kecamatan.find((x) => x.code === code)!;
  return {
    id: `kecamatan-${code}-pmks`,
    title: `PMKS di Kecamatan ${k.name} per tahun`,
    kind: 'bar',
    labels: years.map(String),
    series: [{ label: 'PMKS (orang)', data: years.map((y) => site.pmks.kecamatan.filter((r) => r.tahun === y && r.wilayah === code).reduce((a, r) => a + r.jumlah, 0)) }],
    unit: 'orang',
    format: 'number',
    labelHeader: 'Tahun',
    source: sourceLine(site),
    page: `/kecamatan/${code}/`,
  };
}

export function toKecamatanCoverageChart(site: SiteModel, code: string): ChartSpec | undefined {
  const year = yearsOf(site.cakupan.kecamatan).at(-1);
  const k = site.tree.kecamatan.find((x) => x.code === code)!;
  const rows = site.programs.map((p) => ({ p, r: site.cakupan.kecamatan.find((r) => r.tahun === year && r.wilayah === code && r.program === p.slug) })).filter((x) => x.r?.persen !== undefined);
  if (!rows.length) return undefined;
  const kab = (slug: string) => site.cakupan.kabupaten.find((r) => r.tahun === year && r.program === slug)?.persen;
  return {
    id: `kecamatan-${code}-cakupan`,
    title: `Cakupan program di Kecamatan ${k.name}, ${year}`,
    kind: 'hbar',
    labels: rows.map((x) => x.p.singkatan ?? x.p.nama),
    series: [
      { label: `Kecamatan ${k.name} (%)`, data: rows.map((x) => round(num(x.r!.persen), 2)) },
      { label: `${site.tree.name} (%)`, data: rows.map((x) => round(num(kab(x.p.slug)), 2)) },
    ],
    unit: '%',
    format: 'percent',
    labelHeader: 'Program',
    source: sourceLine(site),
    page: `/kecamatan/${code}/`,
  };
}

/** Registry size, total program spending and the poverty rate on one view, each indexed to its first year = 100. */
export function toRegistrySpendingPovertyChart(site: SiteModel): ChartSpec {
  const years = yearsOf(site.registri.kabupaten).filter((y) => site.kemiskinan.some((r) => r.tahun === y) && site.anggaran.some((r) => r.tahun === y));
  const reg = years.map((y) => site.registri.kabupaten.find((r) => r.tahun === y)?.keluarga);
  const spend = years.map((y) => budgetByYear(site).find((r) => r.tahun === y)?.realisasi);
  const pov = years.map((y) => site.kemiskinan.find((r) => r.tahun === y)?.persen_miskin);
  const index = (xs: (number | undefined)[]) => xs.map((v) => (v === undefined || !xs[0] ? null : round((v / xs[0]) * 100, 1)));
  return {
    id: 'indikator-registri-anggaran-kemiskinan',
    title: `Registri, belanja program dan kemiskinan (indeks ${years[0]} = 100)`,
    kind: 'line',
    labels: years.map(String),
    series: [
      { label: 'Keluarga dalam registri (indeks)', data: index(reg) },
      { label: 'Realisasi belanja program (indeks)', data: index(spend) },
      { label: 'Persentase penduduk miskin (indeks)', data: index(pov) },
    ],
    unit: `indeks, ${years[0]} = 100`,
    format: 'index',
    labelHeader: 'Tahun',
    source: sourceLine(site),
    page: '/',
    note: 'Apakah belanja yang lebih besar mengecilkan registri? Ketiga garis dibuat sebanding: nilai tahun pertama = 100.',
  };
}

export function toNoNationalAidChart(site: SiteModel): ChartSpec | undefined {
  const rows = site.registri.kabupaten.filter((r) => r.keluarga_tanpa_bansos_pusat !== undefined);
  if (!rows.length) return undefined;
  return {
    id: 'indikator-tanpa-bansos-pusat',
    title: 'Keluarga dalam registri tanpa bansos pusat, dan yang dibantu APBD',
    kind: 'bar',
    labels: rows.map((r) => String(r.tahun)),
    series: [
      { label: 'Tanpa bansos pusat (keluarga)', data: rows.map((r) => num(r.keluarga_tanpa_bansos_pusat)) },
      { label: 'Dibantu APBD (keluarga)', data: rows.map((r) => num(r.keluarga_dibantu_apbd)) },
    ],
    unit: 'keluarga',
    format: 'number',
    labelHeader: 'Tahun',
    source: sourceLine(site),
    page: '/',
  };
}

export function toGraduationChart(site: SiteModel): ChartSpec | undefined {
  const rows = sumBy(site.verval, (r) => String(r.tahun), ['diperiksa', 'dihapus', 'ditambah', 'graduasi']).sort(([a], [b]) => a.localeCompare(b));
  if (!rows.length) return undefined;
  return {
    id: 'indikator-verval-graduasi',
    title: `Verifikasi registri dan graduasi per tahun, ${site.tree.name}`,
    kind: 'bar',
    labels: rows.map(([y]) => y),
    series: [
      { label: 'Dihapus (keluarga)', data: rows.map(([, v]) => num(v.dihapus)) },
      { label: 'Ditambah (keluarga)', data: rows.map(([, v]) => num(v.ditambah)) },
      { label: 'Graduasi (keluarga)', data: rows.map(([, v]) => num(v.graduasi)) },
    ],
    unit: 'keluarga',
    format: 'number',
    labelHeader: 'Tahun',
    source: sourceLine(site),
    page: '/',
  };
}

/** PBI-JK recipients as a share of registry people: the road to Universal Health Coverage. */
export function toUhcChart(site: SiteModel): ChartSpec | undefined {
  const rows = site.cakupan.kabupaten.filter((r) => r.program === 'pbi-jk' && r.persen !== undefined);
  if (!rows.length) return undefined;
  return {
    id: 'indikator-pbi-jk-uhc',
    title: 'Cakupan PBI-JK terhadap jiwa dalam registri',
    kind: 'line',
    labels: rows.map((r) => String(r.tahun)),
    series: [{ label: 'PBI-JK ÷ jiwa dalam registri (%)', data: rows.map((r) => round(num(r.persen), 2)) }],
    unit: '%',
    format: 'percent',
    labelHeader: 'Tahun',
    source: sourceLine(site),
    page: '/program/pbi-jk/',
    note: 'UHC (cakupan kesehatan semesta) menargetkan seluruh penduduk terdaftar JKN; bagi warga dalam registri, iuran dibayar lewat PBI-JK.',
  };
}

/** Every chart of the site, in page order; ids are unique. */
export function allCharts(site: SiteModel): ChartSpec[] {
  const out: (ChartSpec | undefined)[] = [
    toRegistrySpendingPovertyChart(site), toNoNationalAidChart(site), toGraduationChart(site), toUhcChart(site),
    toPovertyChart(site), toPovertyCountChart(site),
    toCategoryTrendChart(site, 'pmks'), toCategoryChart(site, 'pmks'), toCategoryKecamatanChart(site, 'pmks'),
    toCategoryTrendChart(site, 'psks'), toCategoryChart(site, 'psks'), toCategoryKecamatanChart(site, 'psks'),
    toBudgetTrendChart(site), toBudgetByProgramChart(site), toBudgetBySourceChart(site),
    toRegistryKecamatanChart(site),
  ];
  for (const p of site.programs) out.push(toBudgetTrendChart(site, p.slug), toOutputChart(site, p.slug), toCoverageChart(site, p.slug));
  for (const k of site.tree.kecamatan) out.push(toKecamatanPmksChart(site, k.code), toKecamatanCoverageChart(site, k.code));
  return out.filter((c): c is ChartSpec => !!c && c.series.some((s) => s.data.some((v) => v !== null)));
}

/** CSV of exactly the chart's numbers: the label column, then one column per series. */
export function chartCsv(spec: ChartSpec): string {
  const esc = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  const header = [spec.labelHeader, ...(spec.codes ? ['Kode wilayah'] : []), ...spec.series.map((s) => s.label)];
  const rows = spec.labels.map((l, i) => [l, ...(spec.codes ? [spec.codes[i]!] : []), ...spec.series.map((s) => (s.data[i] === null ? '' : String(s.data[i])))]);
  return [header, ...rows].map((r) => r.map(esc).join(',')).join('\r\n') + '\r\n';
}

