/**
 * What a page hands its charts: one JSON block per chart
 * (`<script type="application/json" data-chart-spec="<id>">`), written at
 * build time by components/Chart.astro from the same spec as the table
 * beside it. Hidden and unreleased cells arrive as null (a gap, never a 0).
 */
import type { ClientChart } from '../shared/chart-spec.ts';

export type { ClientChart };

/** The spec of one canvas, read from its JSON block. */
export function specOf(canvas: HTMLCanvasElement): ClientChart {
  const id = canvas.dataset.chart!;
  const block = [...document.querySelectorAll<HTMLScriptElement>('script[data-chart-spec]')].find((s) => s.dataset.chartSpec === id)!;
  return JSON.parse(block.textContent!) as ClientChart;
}
