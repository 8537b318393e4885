/** /sasaran/, /kemiskinan/ (registry by desil, conditions), /layanan/ and the program pages: DTSEN charts. */
import { CONDITIONS } from '../../domain/conditions.ts';
import { DESILS, periodLabel, UNRANKED } from '../../domain/desil.ts';
import { type Figure, NOT_RELEASED, released, rounded, sumFigures } from '../../protect/figure.ts';
import type { Lang } from '../../shared/lang.ts';
import type { SiteFigures } from '../model.ts';
import { childAreas } from '../figures.ts';
import { levelOf } from '../../domain/regions.ts';
import { cellRef } from '../show.ts';
import { periodsOf } from '../targeting.ts';
import { type ChartSpec, defineChart } from './spec.ts';

const programName = (site: SiteFigures, slug: string) => {
  const p = site.programs.find((x) => x.slug === slug);
  return p?.singkatan ?? p?.nama ?? slug;
};

/** The share of ranked recipients within each program's desil, kabupaten-wide, period by period. */
export function toTargetingTrendChart(site: SiteFigures, lang: Lang = 'id'): ChartSpec | undefined {
  const { t, chart } = defineChart(site, lang);
  const periods = periodsOf(site.targeting);
  const programs = [...new Set(site.targeting.map((x) => x.program))];
  if (!periods.length) return undefined;
  const at = (p: string, tahun: number, periode: string) =>
    site.targeting.find((x) => x.program === p && x.tahun === tahun && x.periode === periode && x.wilayah === site.tree.code)?.persen ??
    NOT_RELEASED;
  return chart({
    id: 'sasaran-tren',
    title: t.cTargetingTrendTitle(site.tree.name),
    kind: 'line',
    labels: periods.map((x) => periodLabel(x.tahun, x.periode)),
    series: programs.map((p) => ({
      label: `${programName(site, p)} (%)`,
      data: periods.map((x) => rounded(at(p, x.tahun, x.periode), 1)),
    })),
    unit: t.cTargetingTrendUnit,
    format: 'percent',
    labelHeader: 'period',
    page: '/sasaran/',
  });
}

/** Recipients of one program by desil in the latest period (the shape tells the story), kabupaten or one kecamatan. */
export function toDesilChart(site: SiteFigures, program: string, lang: Lang = 'id', area = site.tree.code): ChartSpec | undefined {
  const { t, chart } = defineChart(site, lang);
  const cells = site.sasaran.filter((c) => c.program === program && c.wilayah === area);
  const last = periodsOf(cells).at(-1);
  if (!last) return undefined;
  const cats = [...DESILS, UNRANKED];
  const value = (k: string) =>
    cells.find((c) => c.tahun === last.tahun && c.periode === last.periode && c.kategori === k)?.nilai ?? NOT_RELEASED;
  const p = site.programs.find((x) => x.slug === program);
  const unit = p?.satuan === 'jiwa' ? t.jiwa : 'KPM';
  return chart({
    id: area === site.tree.code ? `sasaran-${program}-desil` : `kecamatan-${area}-${program}-desil`,
    title: t.cDesilTitle(programName(site, program), periodLabel(last.tahun, last.periode)),
    kind: 'bar',
    labels: cats.map((k) => (k === UNRANKED ? t.unranked : k)),
    series: [
      {
        label: t.cDesilSeries(unit),
        data: cats.map(value),
        refs: cats.map((k) => cellRef.sasaran(last.tahun, last.periode, area, program, k)),
      },
    ],
    unit,
    format: 'number',
    labelHeader: 'desil',
    page: area === site.tree.code ? '/sasaran/' : `/kecamatan/${area}/`,
    ...(p?.desil_maks ? { note: t.targetingExplain(programName(site, program), p.desil_maks) } : {}),
  });
}

/** One program's share on target per kecamatan, latest period, ranked, with the map. */
export function toTargetingKecamatanChart(site: SiteFigures, program: string, lang: Lang = 'id'): ChartSpec | undefined {
  const { t, chart } = defineChart(site, lang);
  const { level, areas } = childAreas(site);
  const rows = site.targeting.filter((x) => x.program === program && levelOf(x.wilayah) === level);
  const last = periodsOf(rows).at(-1);
  if (!last) return undefined;
  const name = new Map(areas.map((k) => [k.code, k.name]));
  const now = rows
    .filter((x) => x.tahun === last.tahun && x.periode === last.periode)
    .sort((a, b) => (typeof b.persen === 'number' ? b.persen : -1) - (typeof a.persen === 'number' ? a.persen : -1));
  return chart({
    id: `sasaran-${program}-${level}`,
    title: t.cTargetingKecTitle(programName(site, program), periodLabel(last.tahun, last.periode), level),
    kind: 'hbar',
    labels: now.map((x) => name.get(x.wilayah) ?? x.wilayah),
    codes: now.map((x) => x.wilayah),
    series: [{ label: `${t.onTarget} (%)`, data: now.map((x) => rounded(x.persen, 1)) }],
    unit: '%',
    format: 'percent',
    labelHeader: level === 'kabupaten' ? 'kabupatenKota' : 'kecamatan',
    page: '/sasaran/',
    map: level,
  });
}

/** Registry households by desil, kabupaten-wide, period by period (stacked: the whole registry, split by desil). */
export function toRegistryDesilChart(site: SiteFigures, lang: Lang = 'id'): ChartSpec | undefined {
  const { t, chart } = defineChart(site, lang);
  const cells = site.desil.filter((c) => c.wilayah === site.tree.code && c.ukuran === 'keluarga');
  const periods = periodsOf(cells);
  if (!periods.length) return undefined;
  const value = (k: string, tahun: number, periode: string) =>
    cells.find((c) => c.kategori === k && c.tahun === tahun && c.periode === periode)?.nilai ?? NOT_RELEASED;
  return chart({
    id: 'registri-desil',
    title: t.cRegistryDesilTitle(site.tree.name),
    kind: 'bar',
    stacked: true,
    labels: periods.map((x) => periodLabel(x.tahun, x.periode)),
    series: DESILS.map((k) => ({
      label: `${t.desil} ${k}`,
      stack: 'desil',
      data: periods.map((x) => value(k, x.tahun, x.periode)),
      refs: periods.map((x) => cellRef.desil(x.tahun, x.periode, site.tree.code, k, 'keluarga')),
    })),
    unit: t.unitHouseholds,
    format: 'number',
    labelHeader: 'period',
    page: '/kemiskinan/',
  });
}

/** Registry households by deprivation, latest year, largest first. */
export function toConditionsChart(site: SiteFigures, lang: Lang = 'id'): ChartSpec | undefined {
  const { t, chart } = defineChart(site, lang);
  const cells = site.kondisi.filter((c) => c.wilayah === site.tree.code);
  const year = cells.reduce((m, c) => Math.max(m, c.tahun), -Infinity);
  if (!cells.length) return undefined;
  const rows = CONDITIONS.map((c) => ({ c, v: cells.find((x) => x.tahun === year && x.ukuran === c.code)?.nilai ?? NOT_RELEASED })).sort(
    (a, b) => (typeof b.v === 'number' ? b.v : -1) - (typeof a.v === 'number' ? a.v : -1),
  );
  return chart({
    id: 'kemiskinan-kondisi',
    title: t.cConditionsTitle(year),
    kind: 'hbar',
    labels: rows.map((r) => r.c.name[lang]),
    series: [
      {
        label: t.cConditionsSeries(year),
        data: rows.map((r) => r.v),
        refs: rows.map((r) => cellRef.kondisi(year, site.tree.code, r.c.code)),
      },
    ],
    unit: t.unitHouseholds,
    format: 'number',
    labelHeader: 'indicator',
    page: '/kemiskinan/',
  });
}

/** Usulan and sanggah received and resolved, kabupaten-wide, period by period. */
export function toServicesChart(site: SiteFigures, lang: Lang = 'id'): ChartSpec | undefined {
  const { t, chart } = defineChart(site, lang);
  const periods = periodsOf(site.layanan);
  if (!periods.length) return undefined;
  const total = (jenis: string, col: 'diterima' | 'selesai', tahun: number, periode: string): Figure =>
    sumFigures(
      site.layanan
        .filter((r) => r.jenis === jenis && r.tahun === tahun && r.periode === periode && r.kode_wilayah.length === 8)
        .map((r) => released(r[col])),
    );
  const series = (jenis: 'usulan' | 'sanggah', col: 'diterima' | 'selesai', label: string) => ({
    label,
    data: periods.map((x) => total(jenis, col, x.tahun, x.periode)),
  });
  return chart({
    id: 'layanan-tren',
    title: t.cServicesTitle(site.tree.name),
    kind: 'bar',
    labels: periods.map((x) => periodLabel(x.tahun, x.periode)),
    series: [
      series('usulan', 'diterima', `${t.proposal}: ${t.received.toLowerCase()}`),
      series('usulan', 'selesai', `${t.proposal}: ${t.resolved.toLowerCase()}`),
      series('sanggah', 'diterima', `${t.objection}: ${t.received.toLowerCase()}`),
      series('sanggah', 'selesai', `${t.objection}: ${t.resolved.toLowerCase()}`),
    ],
    unit: t.unitFiles,
    format: 'number',
    labelHeader: 'period',
    page: '/layanan/',
  });
}
