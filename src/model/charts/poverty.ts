/** /kemiskinan/: the poverty rate and count by year (BPS); a province's home: the rate of each kabupaten/kota. */
import type { Lang } from '../../shared/lang.ts';
import { byValueDesc, released } from '../../protect/figure.ts';
import type { SiteFigures } from '../model.ts';
import { provinceRanking } from '../province.ts';
import { defineChart, type ChartSpec } from './spec.ts';

const latestSource = (site: SiteFigures) => [...new Set(site.kemiskinan.map((r) => r.sumber))].at(-1);

export function toPovertyChart(site: SiteFigures, lang: Lang = 'id'): ChartSpec {
  const { t, chart } = defineChart(site, lang);
  const rows = site.kemiskinan;
  return chart({
    id: 'kemiskinan-persen',
    title: t.cPovertyTitle(site.tree.name),
    kind: 'line',
    labels: rows.map((r) => String(r.tahun)),
    series: [
      { label: t.cPovertyRate, data: rows.map((r) => r.persen_miskin) },
      { label: t.cExtremeRate, data: rows.map((r) => released(r.persen_miskin_ekstrem)) },
    ],
    unit: '%',
    format: 'percent',
    labelHeader: 'year',
    sourceExtra: latestSource(site),
    page: '/kemiskinan/',
  });
}

export function toPovertyCountChart(site: SiteFigures, lang: Lang = 'id'): ChartSpec {
  const { t, chart } = defineChart(site, lang);
  const rows = site.kemiskinan;
  return chart({
    id: 'kemiskinan-jumlah',
    title: t.cPovertyCountTitle(site.tree.name),
    kind: 'bar',
    labels: rows.map((r) => String(r.tahun)),
    series: [{ label: t.cPovertyCount, data: rows.map((r) => r.jumlah_miskin) }],
    unit: t.jiwa,
    format: 'number',
    labelHeader: 'year',
    sourceExtra: latestSource(site),
    page: '/kemiskinan/',
  });
}

/**
 * A province: each kabupaten/kota's poverty rate in the latest year all of them reported, highest first; drawn as
 * a choropleth by kabupaten/kota where the boundaries have them. A kabupaten/kota whose data did not come stays
 * in the list, said so and without a value (grey on the map), never a zero.
 */
export function toKabupatenPovertyChart(site: SiteFigures, lang: Lang = 'id'): ChartSpec | undefined {
  const { t, chart } = defineChart(site, lang);
  const r = provinceRanking(site);
  const year = r.povertyYear;
  if (year === undefined) return undefined;
  const rows = [...r.rows].sort((a, b) => byValueDesc(a.poverty, b.poverty));
  const sources = (site.parts ?? []).flatMap((p) => p.kemiskinan.filter((k) => k.tahun === year).map((k) => k.sumber));
  return chart({
    id: 'kemiskinan-kabupaten',
    title: t.cPovertyKabupatenTitle(year),
    kind: 'hbar',
    labels: rows.map((x) => (x.missing ? `${x.name} (${t.missingData})` : x.name)),
    codes: rows.map((x) => x.code),
    series: [{ label: t.cPovertyRate, data: rows.map((x) => x.poverty) }],
    unit: '%',
    format: 'percent',
    labelHeader: 'kabupatenKota',
    sourceExtra: [...new Set(sources)].join('; '),
    page: '/',
    map: 'kabupaten',
  });
}
