/** Every chart of the site, in page order; ids are unique. Charts group by the page topic they belong to. */
import type { Lang } from '../../shared/lang.ts';
import type { SiteFigures } from '../model.ts';
import { toBudgetByProgramChart, toBudgetBySourceChart, toBudgetTrendChart, toOutputChart } from './budget.ts';
import { toCategoryChart, toCategoryKecamatanChart, toCategoryTrendChart } from './categories.ts';
import { toCoverageChart, toKecamatanCoverageChart, toKecamatanPmksChart, toRegistryKecamatanChart } from './coverage.ts';
import { toGraduationChart, toNoNationalAidChart, toRegistrySpendingPovertyChart, toUhcChart } from './indicators.ts';
import { toKabupatenPovertyChart, toPovertyChart, toPovertyCountChart } from './poverty.ts';
import {
  toConditionsChart,
  toDesilChart,
  toRegistryDesilChart,
  toServicesChart,
  toTargetingKecamatanChart,
  toTargetingTrendChart,
} from './targeting.ts';
import { hasData, type ChartSpec } from './spec.ts';

export * from './budget.ts';
export * from './categories.ts';
export * from './coverage.ts';
export * from './indicators.ts';
export * from './poverty.ts';
export * from './spec.ts';
export * from './targeting.ts';

export function allCharts(site: SiteFigures, lang: Lang = 'id'): ChartSpec[] {
  const out: (ChartSpec | undefined)[] = [
    toRegistrySpendingPovertyChart(site, lang),
    toNoNationalAidChart(site, lang),
    toGraduationChart(site, lang),
    toUhcChart(site, lang),
    toPovertyChart(site, lang),
    toPovertyCountChart(site, lang),
    toKabupatenPovertyChart(site, lang),
    toCategoryTrendChart(site, 'pmks', lang),
    toCategoryChart(site, 'pmks', lang),
    toCategoryKecamatanChart(site, 'pmks', lang),
    toCategoryTrendChart(site, 'psks', lang),
    toCategoryChart(site, 'psks', lang),
    toCategoryKecamatanChart(site, 'psks', lang),
    toBudgetTrendChart(site, undefined, lang),
    toBudgetByProgramChart(site, lang),
    toBudgetBySourceChart(site, lang),
    toRegistryKecamatanChart(site, lang),
  ];
  out.push(toTargetingTrendChart(site, lang), toRegistryDesilChart(site, lang), toConditionsChart(site, lang), toServicesChart(site, lang));
  for (const p of site.programs.filter((x) => x.desil_maks))
    out.push(toDesilChart(site, p.slug, lang), toTargetingKecamatanChart(site, p.slug, lang));
  for (const p of site.programs)
    out.push(toBudgetTrendChart(site, p.slug, lang), toOutputChart(site, p.slug, lang), toCoverageChart(site, p.slug, lang));
  for (const k of site.tree.kecamatan) out.push(toKecamatanPmksChart(site, k.code, lang), toKecamatanCoverageChart(site, k.code, lang));
  return out.filter(hasData);
}
