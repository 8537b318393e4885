/** /anggaran/ and program pages: allocation, spending and outputs. */
import { FUNDING_SOURCES } from '../../domain/aid.ts';
import type { Lang } from '../../shared/lang.ts';
import { budgetByYear, sumBudget, yearsOf } from '../figures.ts';
import type { SiteFigures } from '../model.ts';
import { defineChart, type ChartSpec } from './spec.ts';

const programName = (site: SiteFigures, slug: string) => {
  const p = site.programs.find((x) => x.slug === slug);
  return p?.singkatan ?? p?.nama ?? slug;
};

export function toBudgetTrendChart(site: SiteFigures, program?: string, lang: Lang = 'id'): ChartSpec {
  const { t, chart } = defineChart(site, lang);
  const rows = budgetByYear(site, program);
  return chart({
    id: program ? `program-${program}-anggaran` : 'anggaran-tren',
    title: program ? t.cProgramBudgetTitle(programName(site, program)) : t.cBudgetTitle(site.tree.name),
    kind: 'bar',
    labels: rows.map((r) => String(r.tahun)),
    series: [
      { label: t.cPagu, data: rows.map((r) => r.pagu) },
      { label: t.cRealisasi, data: rows.map((r) => r.realisasi) },
    ],
    unit: 'Rp',
    format: 'rupiah',
    labelHeader: 'year',
    page: program ? `/program/${program}/` : '/anggaran/',
  });
}

export function toBudgetByProgramChart(site: SiteFigures, lang: Lang = 'id'): ChartSpec {
  const { t, chart } = defineChart(site, lang);
  const year = yearsOf(site.anggaran).at(-1)!;
  const rows = site.programs
    .map((p) => ({ p, lines: site.anggaran.filter((r) => r.tahun === year && r.program === p.slug) }))
    .filter((x) => x.lines.length)
    .map(({ p, lines }) => ({ name: p.singkatan ?? p.nama, ...sumBudget(lines) }));
  return chart({
    id: 'anggaran-program',
    title: t.cByProgramTitle(year),
    kind: 'hbar',
    labels: rows.map((r) => r.name),
    series: [
      { label: t.cPagu, data: rows.map((r) => r.pagu) },
      { label: t.cRealisasi, data: rows.map((r) => r.realisasi) },
    ],
    unit: 'Rp',
    format: 'rupiah',
    labelHeader: 'program',
    page: '/anggaran/',
  });
}

export function toBudgetBySourceChart(site: SiteFigures, lang: Lang = 'id'): ChartSpec {
  const { t, chart } = defineChart(site, lang);
  const years = yearsOf(site.anggaran);
  const present = new Set(site.anggaran.map((r) => r.sumber_dana));
  return chart({
    id: 'anggaran-sumber-dana',
    title: t.cBySourceTitle,
    kind: 'bar',
    stacked: true,
    labels: years.map(String),
    series: FUNDING_SOURCES.filter((s) => present.has(s)).map((s) => ({
      label: `${s} (Rp)`,
      stack: 'pagu',
      data: years.map((y) => sumBudget(site.anggaran.filter((r) => r.tahun === y && r.sumber_dana === s)).pagu),
    })),
    unit: 'Rp',
    format: 'rupiah',
    labelHeader: 'year',
    page: '/anggaran/',
  });
}

export function toOutputChart(site: SiteFigures, program: string, lang: Lang = 'id'): ChartSpec {
  const { t, chart } = defineChart(site, lang);
  const rows = budgetByYear(site, program);
  const unit =
    site.anggaran.find((r) => r.program === program)?.satuan_output ?? site.programs.find((x) => x.slug === program)?.satuan ?? '';
  return chart({
    id: `program-${program}-keluaran`,
    title: t.cOutputTitle(programName(site, program), unit),
    kind: 'bar',
    labels: rows.map((r) => String(r.tahun)),
    series: [
      { label: t.cTarget(unit), data: rows.map((r) => r.target_output) },
      { label: t.cAchieved(unit), data: rows.map((r) => r.capaian_output) },
    ],
    unit,
    format: 'number',
    labelHeader: 'year',
    page: `/program/${program}/`,
  });
}
