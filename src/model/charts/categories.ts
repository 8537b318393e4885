/** /pmks/ and /psks/: totals by year, by category and by kecamatan, from the protected cube. */
import type { Lang } from '../../shared/lang.ts';
import { byValueDesc, NOT_RELEASED } from '../../protect/figure.ts';
import { byChildArea, categoryByYear, childAreas, totalsByYear, yearsOf, type Kind } from '../figures.ts';
import type { SiteFigures } from '../model.ts';
import { cellRef } from '../show.ts';
import { catName, defineChart, type ChartSpec } from './spec.ts';

const KIND_LABEL: Record<Kind, string> = { pmks: 'PMKS', psks: 'PSKS' };

function base(site: SiteFigures, kind: Kind, lang: Lang) {
  const { t, chart } = defineChart(site, lang);
  return {
    t,
    chart,
    label: KIND_LABEL[kind],
    unit: kind === 'pmks' ? t.unitPeople : t.unitPeopleOrOrgs,
    page: `/${kind}/`,
    year: yearsOf(site[kind]).at(-1)!,
  };
}

export function toCategoryTrendChart(site: SiteFigures, kind: Kind, lang: Lang = 'id'): ChartSpec {
  const { t, chart, label, unit, page } = base(site, kind, lang);
  const totals = totalsByYear(site, kind);
  return chart({
    id: `${kind}-tren`,
    title: t.cTrendTitle(label, site.tree.name),
    kind: 'bar',
    labels: totals.map((r) => String(r.tahun)),
    series: [
      {
        label: `${label} (${unit})`,
        data: totals.map((r) => r.jumlah),
        refs: totals.map((r) => cellRef.count(kind, r.tahun, site.tree.code)),
      },
    ],
    unit,
    format: 'number',
    labelHeader: 'year',
    page,
  });
}

/** Categories of the latest year, largest first; hidden totals last, shown as hidden. */
export function toCategoryChart(site: SiteFigures, kind: Kind, lang: Lang = 'id'): ChartSpec {
  const { t, chart, label, unit, page, year } = base(site, kind, lang);
  const cats = categoryByYear(site, kind)
    .map((c) => ({ ...c, v: c.values[year] ?? NOT_RELEASED }))
    .sort((a, b) => byValueDesc(a.v, b.v));
  return chart({
    id: `${kind}-kategori`,
    title: t.cByCategoryTitle(label, year),
    kind: 'hbar',
    labels: cats.map((c) => catName(c, lang)),
    series: [
      {
        label: `${label} ${year} (${unit})`,
        data: cats.map((c) => c.v),
        refs: cats.map((c) => cellRef.count(kind, year, site.tree.code, c.kategori)),
      },
    ],
    unit,
    format: 'number',
    labelHeader: 'category',
    page,
  });
}

export function toCategoryKecamatanChart(site: SiteFigures, kind: Kind, lang: Lang = 'id'): ChartSpec {
  const { t, chart, label, unit, page, year } = base(site, kind, lang);
  const { level } = childAreas(site);
  const rows = byChildArea(site, kind, year).sort((a, b) => byValueDesc(a.jumlah, b.jumlah));
  return chart({
    id: `${kind}-${level}`,
    title: t.cByKecamatanTitle(label, year, level),
    kind: 'hbar',
    labels: rows.map((r) => r.name),
    codes: rows.map((r) => r.code),
    series: [
      { label: `${label} ${year} (${unit})`, data: rows.map((r) => r.jumlah), refs: rows.map((r) => cellRef.count(kind, year, r.code)) },
    ],
    unit,
    format: 'number',
    labelHeader: level === 'kabupaten' ? 'kabupatenKota' : 'kecamatan',
    page,
    map: level,
  });
}
