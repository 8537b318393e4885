/**
 * Every chart on the site is data (cf. OWID's *State / *Chart split): a pure
 * transform produces a ChartSpec; the island only hands it to Chart.js, and
 * the same spec renders the build-time HTML table, the CSV download and the
 * embed page. Chart ids are stable: they are permalinks (`#id`) and embed
 * URLs (`/embed/<id>/`). `defineChart` applies what every chart shares —
 * source line, language path of its page, the label column's header — so a
 * transform states only what is its own.
 */
import { formatDate } from '../../shared/format.ts';
import type { ValueFormat } from '../../shared/chart-format.ts';
import type { Lang } from '../../shared/lang.ts';
import { localePath, texts } from '../../i18n/index.ts';
import type { Dict } from '../../i18n/id.ts';
import { neutraliseFormula } from '../../load/csv.ts';
import { isHidden, isShown, rounded, type Figure } from '../../protect/figure.ts';

export { rounded };
import type { SiteFigures } from '../model.ts';

export type { ValueFormat };

export interface ChartSeries {
  label: string;
  data: Figure[];
  /** The published cell behind each value, where it comes from a protected table (see model/show.ts). */
  refs?: string[];
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
  /** Kemendagri codes behind the labels, where labels are areas (for the map). */
  codes?: string[];
  series: ChartSeries[];
  /** Unit of the values, shown on the axis and in the table header. */
  unit: string;
  format: ValueFormat;
  /** Header of the label column in the table and CSV (e.g. "Tahun"). */
  labelHeader: string;
  source: string;
  /** The page that holds the chart, in the chart's language, for the embed page's link back. */
  page: string;
  /** Draw as a choropleth of these areas (the codes' level) when boundaries exist. */
  map?: 'kecamatan' | 'kabupaten';
  note?: string;
  stacked?: boolean;
}

/** "Sumber: Dinas Sosial …, rilis 2026-1 (31 Maret 2026)." */
export const sourceLine = (site: SiteFigures, lang: Lang, extra?: string): string => {
  const t = texts(lang);
  return `${t.sourceLine(`${extra ? `${extra}; ` : ''}${site.config.instansi.nama}`, site.config.rilis.label, formatDate(site.config.rilis.tanggal, lang))}${site.config.data_contoh ? ` ${t.cSample}` : ''}`;
};

type LabelAxis = 'year' | 'category' | 'kecamatan' | 'kabupatenKota' | 'program' | 'period' | 'desil' | 'indicator';
export type ChartInput = Omit<ChartSpec, 'source' | 'labelHeader'> & { labelHeader: LabelAxis; sourceExtra?: string };

/** A chart builder bound to one site and language: `chart({ … })` completes the shared parts. */
export function defineChart(site: SiteFigures, lang: Lang): { t: Dict; chart: (c: ChartInput) => ChartSpec } {
  const t = texts(lang);
  return {
    t,
    chart: ({ sourceExtra, labelHeader, page, ...c }) => ({
      ...c,
      labelHeader: t[labelHeader],
      page: localePath(lang, page),
      source: sourceLine(site, lang, sourceExtra),
    }),
  };
}

export const catName = (c: { nama: string; nameEn?: string }, lang: Lang) => (lang === 'en' && c.nameEn ? c.nameEn : c.nama);

/**
 * Exactly the numbers of one chart as a table: the label column (and the
 * kecamatan code), one column per series, then `kerahasiaan` naming the series
 * whose cell in that row is hidden for privacy (empty, never a 0), as the
 * dataset downloads do; for sample data, a note on every row, so a file passed
 * on alone stays marked. The chart's CSV and its workbook are both made from it.
 */
export function chartTable(spec: ChartSpec, lang: Lang = 'id', sample = false): { header: string[]; rows: (string | number | null)[][] } {
  const t = texts(lang);
  const text = (v: string) => String(neutraliseFormula(v));
  const header = [
    spec.labelHeader,
    ...(spec.codes ? [t.cKecamatanCode] : []),
    ...spec.series.map((s) => text(s.label)),
    t.cHiddenColumn,
    ...(sample ? [t.cNoteColumn] : []),
  ];
  const rows = spec.labels.map((l, i) => [
    text(l),
    ...(spec.codes ? [spec.codes[i]!] : []),
    ...spec.series.map((s) => {
      const v = s.data[i];
      return isShown(v) ? (v as number) : null;
    }),
    spec.series
      .filter((s) => isHidden(s.data[i]))
      .map((s) => s.label)
      .join('; '),
    ...(sample ? [t.cSample] : []),
  ]);
  return { header, rows };
}

export function chartCsv(spec: ChartSpec, lang: Lang = 'id', sample = false): string {
  const esc = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  const { header, rows } = chartTable(spec, lang, sample);
  return `${[header, ...rows].map((r) => r.map((v) => esc(v === null ? '' : String(v))).join(',')).join('\r\n')}\r\n`;
}

/** True when a chart has anything to draw. */
export const hasData = (c: ChartSpec | undefined): c is ChartSpec => !!c && c.series.some((s) => s.data.some(isShown));

/**
 * Where a chart's CSV comes from, beside it as a Frictionless data package
 * (`/embed/<id>/datapackage.json`): the CSV stays plain for spreadsheets,
 * and the source, licence, release and the sample-data warning travel with it.
 */
export function chartPackage(spec: ChartSpec, site: SiteFigures, lang: Lang = 'id'): Record<string, unknown> {
  const t = texts(lang);
  const c = site.config;
  return {
    profile: 'data-package',
    name: `terang-${site.tree.code.replace('.', '-')}-${spec.id.replace(/[^a-z0-9-]/g, '-')}`,
    title: spec.title,
    description: `${spec.title} (${spec.unit}). ${spec.source}`,
    version: c.rilis.label,
    created: `${c.rilis.tanggal}T00:00:00Z`,
    ...(c.instansi.situs ? { homepage: `${new URL(c.instansi.situs).origin}${spec.page}` } : {}),
    licenses: [{ name: c.lisensi.id, title: c.lisensi.nama, path: c.lisensi.url }],
    sources: [{ title: spec.source }, ...c.sumber.map((s) => ({ title: s.nama, ...(s.url ? { path: s.url } : {}) }))],
    ...(c.data_contoh ? { peringatan: t.cSample } : {}),
    resources: [
      {
        name: 'data',
        path: 'data.csv',
        format: 'csv',
        mediatype: 'text/csv',
        encoding: 'utf-8',
        schema: {
          fields: [
            { name: spec.labelHeader, type: 'string' },
            ...(spec.codes ? [{ name: t.cKecamatanCode, type: 'string' }] : []),
            ...spec.series.map((s) => ({ name: String(neutraliseFormula(s.label)), type: 'number', unit: spec.unit })),
            { name: t.cHiddenColumn, type: 'string', description: t.hiddenNote(site.privacy.k) },
            ...(c.data_contoh ? [{ name: t.cNoteColumn, type: 'string', description: t.cSample }] : []),
          ],
          missingValues: [''],
        },
      },
    ],
  };
}
