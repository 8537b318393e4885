/** Home page indicators: is the registry, the spending and poverty moving together? */
import type { Lang } from '../../shared/lang.ts';
import { derive, isNotReleased, NOT_RELEASED, released, type Figure } from '../../protect/figure.ts';
import { budgetByYear, yearsOf } from '../figures.ts';
import type { SiteFigures } from '../model.ts';
import { cellRef } from '../show.ts';
import { defineChart, rounded, type ChartSpec } from './spec.ts';

/** Registry size, total program spending and the poverty rate on one view, each indexed to its first year = 100. */
export function toRegistrySpendingPovertyChart(site: SiteFigures, lang: Lang = 'id'): ChartSpec {
  const { t, chart } = defineChart(site, lang);
  const years = yearsOf(site.registri.kabupaten).filter(
    (y) => site.kemiskinan.some((r) => r.tahun === y) && site.anggaran.some((r) => r.tahun === y),
  );
  const budget = budgetByYear(site);
  const reg = years.map((y) => site.registri.kabupaten.find((r) => r.tahun === y)?.keluarga ?? NOT_RELEASED);
  const spend = years.map((y) => budget.find((r) => r.tahun === y)?.realisasi ?? NOT_RELEASED);
  const pov = years.map((y) => released(site.kemiskinan.find((r) => r.tahun === y)?.persen_miskin));
  const index = (xs: Figure[]) =>
    xs.map((v) =>
      rounded(
        derive([v, xs[0]], (a, b) => (b === 0 ? Number.NaN : (a / b) * 100)),
        1,
      ),
    );
  return chart({
    id: 'indikator-registri-anggaran-kemiskinan',
    title: t.cIndexTitle(years[0]!),
    kind: 'line',
    labels: years.map(String),
    series: [
      { label: t.cIndexRegistry, data: index(reg) },
      { label: t.cIndexSpending, data: index(spend) },
      { label: t.cIndexPoverty, data: index(pov) },
    ],
    unit: t.cIndexUnit(years[0]!),
    format: 'index',
    labelHeader: 'year',
    page: '/',
    note: t.cIndexNote,
  });
}

export function toNoNationalAidChart(site: SiteFigures, lang: Lang = 'id'): ChartSpec | undefined {
  const { t, chart } = defineChart(site, lang);
  const rows = site.registri.kabupaten.filter((r) => !isNotReleased(r.keluarga_tanpa_bansos_pusat));
  if (!rows.length) return undefined;
  return chart({
    id: 'indikator-tanpa-bansos-pusat',
    title: t.cNoAidTitle,
    kind: 'bar',
    labels: rows.map((r) => String(r.tahun)),
    series: [
      {
        label: t.cNoAid,
        data: rows.map((r) => r.keluarga_tanpa_bansos_pusat),
        refs: rows.map((r) => cellRef.registry(r.tahun, r.wilayah, 'keluarga_tanpa_bansos_pusat')),
      },
      {
        label: t.cApbd,
        data: rows.map((r) => r.keluarga_dibantu_apbd),
        refs: rows.map((r) => cellRef.registry(r.tahun, r.wilayah, 'keluarga_dibantu_apbd')),
      },
    ],
    unit: t.unitHouseholds,
    format: 'number',
    labelHeader: 'year',
    page: '/',
  });
}

export function toGraduationChart(site: SiteFigures, lang: Lang = 'id'): ChartSpec | undefined {
  const { t, chart } = defineChart(site, lang);
  const rows = site.verval.kabupaten;
  if (!rows.length) return undefined;
  return chart({
    id: 'indikator-verval-graduasi',
    title: t.cVervalTitle(site.tree.name),
    kind: 'bar',
    labels: rows.map((r) => String(r.tahun)),
    series: [
      { label: t.cRemoved, data: rows.map((r) => r.dihapus), refs: rows.map((r) => cellRef.verval(r.tahun, r.wilayah, 'dihapus')) },
      { label: t.cAdded, data: rows.map((r) => r.ditambah), refs: rows.map((r) => cellRef.verval(r.tahun, r.wilayah, 'ditambah')) },
      { label: t.cGraduated, data: rows.map((r) => r.graduasi), refs: rows.map((r) => cellRef.verval(r.tahun, r.wilayah, 'graduasi')) },
    ],
    unit: t.unitHouseholds,
    format: 'number',
    labelHeader: 'year',
    page: '/',
  });
}

/** PBI-JK recipients as a share of registry people: the road to Universal Health Coverage. */
export function toUhcChart(site: SiteFigures, lang: Lang = 'id'): ChartSpec | undefined {
  const { t, chart } = defineChart(site, lang);
  const rows = site.cakupan.kabupaten.filter((r) => r.program === 'pbi-jk' && r.persen !== undefined);
  if (!rows.length) return undefined;
  return chart({
    id: 'indikator-pbi-jk-uhc',
    title: t.cUhcTitle,
    kind: 'line',
    labels: rows.map((r) => String(r.tahun)),
    series: [
      {
        label: t.cUhcSeries,
        data: rows.map((r) => rounded(r.persen!, 2)),
        refs: rows.map((r) => cellRef.coverage(r.tahun, r.wilayah, 'pbi-jk', 'persen_cakupan')),
      },
    ],
    unit: '%',
    format: 'percent',
    labelHeader: 'year',
    page: '/program/pbi-jk/',
    note: t.cUhcNote,
  });
}
