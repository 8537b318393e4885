/** Program pages and /kecamatan/: who is reached, per kecamatan, against the registry. */
import type { Lang } from '../../shared/lang.ts';
import { byValueDesc, NOT_RELEASED } from '../../protect/figure.ts';
import { childAreas, count, yearsOf } from '../figures.ts';
import type { SiteFigures } from '../model.ts';
import { cellRef } from '../show.ts';
import { defineChart, rounded, type ChartSpec } from './spec.ts';

/** Coverage of one program per kecamatan, latest year, highest first. */
export function toCoverageChart(site: SiteFigures, program: string, lang: Lang = 'id'): ChartSpec | undefined {
  const { t, chart } = defineChart(site, lang);
  const { level, areas } = childAreas(site);
  const cov = (level === 'kabupaten' ? site.cakupan.kabkota : site.cakupan.kecamatan).filter(
    (r) => r.program === program && r.persen !== undefined,
  );
  const year = yearsOf(cov).at(-1);
  if (year === undefined) return undefined;
  const p = site.programs.find((x) => x.slug === program);
  const name = new Map(areas.map((k) => [k.code, k.name]));
  const rows = cov.filter((r) => r.tahun === year).sort((a, b) => byValueDesc(a.persen, b.persen));
  return chart({
    id: `program-${program}-cakupan`,
    title: t.cCoverageTitle(p?.singkatan ?? p?.nama ?? program, year, level),
    kind: 'hbar',
    labels: rows.map((r) => name.get(r.wilayah) ?? r.wilayah),
    codes: rows.map((r) => r.wilayah),
    series: [
      {
        label: t.cCoverageSeries(p?.satuan === 'jiwa' ? t.jiwa : t.unitHouseholds),
        data: rows.map((r) => rounded(r.persen ?? NOT_RELEASED, 2)),
        refs: rows.map((r) => cellRef.coverage(year, r.wilayah, program, 'persen_cakupan')),
      },
    ],
    unit: '%',
    format: 'percent',
    labelHeader: level === 'kabupaten' ? 'kabupatenKota' : 'kecamatan',
    page: `/program/${program}/`,
    map: level,
  });
}

export function toRegistryKecamatanChart(site: SiteFigures, lang: Lang = 'id'): ChartSpec {
  const { t, chart } = defineChart(site, lang);
  const { level, areas } = childAreas(site);
  const reg = level === 'kabupaten' ? site.registri.kabkota : site.registri.kecamatan;
  const year = yearsOf(reg).at(-1)!;
  const name = new Map(areas.map((k) => [k.code, k.name]));
  const rows = reg.filter((r) => r.tahun === year).sort((a, b) => byValueDesc(a.keluarga, b.keluarga));
  return chart({
    id: `registri-${level}`,
    title: t.cRegistryTitle(year, level),
    kind: 'hbar',
    labels: rows.map((r) => name.get(r.wilayah) ?? r.wilayah),
    codes: rows.map((r) => r.wilayah),
    series: [
      {
        label: t.cRegistrySeries(year),
        data: rows.map((r) => r.keluarga),
        refs: rows.map((r) => cellRef.registry(year, r.wilayah, 'keluarga')),
      },
    ],
    unit: t.unitHouseholds,
    format: 'number',
    labelHeader: level === 'kabupaten' ? 'kabupatenKota' : 'kecamatan',
    page: `/${level}/`,
    map: level,
  });
}

export function toKecamatanPmksChart(site: SiteFigures, code: string, lang: Lang = 'id'): ChartSpec {
  const { t, chart } = defineChart(site, lang);
  const years = yearsOf(site.pmks);
  const k = site.tree.kecamatan.find((x) => x.code === code)!;
  return chart({
    id: `kecamatan-${code}-pmks`,
    title: t.cKecPmksTitle(k.name),
    kind: 'bar',
    labels: years.map(String),
    series: [
      { label: t.pmksPeople, data: years.map((y) => count(site, 'pmks', y, code)), refs: years.map((y) => cellRef.count('pmks', y, code)) },
    ],
    unit: t.unitPeople,
    format: 'number',
    labelHeader: 'year',
    page: `/kecamatan/${code}/`,
  });
}

export function toKecamatanCoverageChart(site: SiteFigures, code: string, lang: Lang = 'id'): ChartSpec | undefined {
  const { t, chart } = defineChart(site, lang);
  const year = yearsOf(site.cakupan.kecamatan).at(-1);
  const k = site.tree.kecamatan.find((x) => x.code === code)!;
  const rows = site.programs
    .map((p) => ({ p, r: site.cakupan.kecamatan.find((r) => r.tahun === year && r.wilayah === code && r.program === p.slug) }))
    .filter((x) => x.r?.persen !== undefined);
  if (!rows.length) return undefined;
  const kab = (slug: string) => site.cakupan.kabupaten.find((r) => r.tahun === year && r.program === slug)?.persen ?? NOT_RELEASED;
  return chart({
    id: `kecamatan-${code}-cakupan`,
    title: t.cKecCoverageTitle(k.name, year!),
    kind: 'hbar',
    labels: rows.map((x) => x.p.singkatan ?? x.p.nama),
    series: [
      {
        label: t.cKecSeries(k.name),
        data: rows.map((x) => rounded(x.r!.persen!, 2)),
        refs: rows.map((x) => cellRef.coverage(year!, code, x.p.slug, 'persen_cakupan')),
      },
      {
        label: `${site.tree.name} (%)`,
        data: rows.map((x) => rounded(kab(x.p.slug), 2)),
        refs: rows.map((x) => cellRef.coverage(year!, site.tree.code, x.p.slug, 'persen_cakupan')),
      },
    ],
    unit: '%',
    format: 'percent',
    labelHeader: 'program',
    page: `/kecamatan/${code}/`,
  });
}
