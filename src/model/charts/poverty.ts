/** /kemiskinan/: the poverty rate and count by year (BPS). */
import type { Lang } from '../../shared/lang.ts';
import { released } from '../../protect/figure.ts';
import type { SiteFigures } from '../model.ts';
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
