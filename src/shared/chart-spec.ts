/**
 * What a chart hands Chart.js, on a page (client/charts.ts reads it from the
 * page's JSON block) and in a share image (publish/share.ts). Hidden and
 * unreleased cells arrive as null (a gap, never a 0).
 */
import type { ValueFormat } from './chart-format.ts';
import type { Lang } from './lang.ts';

export interface ClientChart {
  id: string;
  lang: Lang;
  title: string;
  kind: 'bar' | 'hbar' | 'line';
  labels: string[];
  series: { label: string; data: (number | null)[]; type?: 'bar' | 'line'; stack?: string }[];
  unit: string;
  format: ValueFormat;
  /** Unit line, source line, licence line: drawn into PNG downloads. */
  subtitle: string[];
  stacked?: boolean;
  /** A kecamatan choropleth: boundaries URL, Kemendagri code per label, attribution. */
  map?: { url: string; object: 'kecamatan' | 'kabupaten'; codes: string[]; attribution: string; failed: string };
}
