/**
 * What a page hands its charts: one JSON block per chart
 * (`<script type="application/json" data-chart-spec="<id>">`), written at
 * build time by components/Chart.astro from the same spec as the table
 * beside it. Hidden and unreleased cells arrive as null (a gap, never a 0).
 */
import type { ValueFormat } from '../shared/chart-format.ts';
import type { Lang } from '../shared/lang.ts';

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
  map?: { url: string; codes: string[]; attribution: string; failed: string };
}

/** The spec of one canvas, read from its JSON block. */
export function specOf(canvas: HTMLCanvasElement): ClientChart {
  const id = canvas.dataset.chart!;
  const block = [...document.querySelectorAll<HTMLScriptElement>('script[data-chart-spec]')].find((s) => s.dataset.chartSpec === id)!;
  return JSON.parse(block.textContent!) as ClientChart;
}
