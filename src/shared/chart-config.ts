/**
 * The Chart.js configuration of a chart, the same in the browser
 * (client/chart-draw.ts) and in the build's share images (publish/share.ts).
 * Types only from Chart.js: the caller registers what it draws with.
 */
import type { ChartConfiguration, Plugin } from 'chart.js';
import { formatTick, formatValue, wrapLabel } from './chart-format.ts';
import type { ClientChart } from './chart-spec.ts';
import { seriesStyle } from './palette.ts';

/** PNGs get a white background instead of transparency. */
const whiteBackground: Plugin = {
  id: 'whiteBackground',
  beforeDraw: (chart) => {
    const { ctx } = chart;
    ctx.save();
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, chart.width, chart.height);
    ctx.restore();
  },
};

/** The Chart.js configuration of a spec; `png` adds the title, unit, source and licence lines drawn into the image. */
export function chartConfig(spec: ClientChart, png = false): ChartConfiguration {
  const horizontal = spec.kind === 'hbar';
  const base = spec.kind === 'line' ? 'line' : 'bar';
  const lang = spec.lang;
  const valueAxis = {
    beginAtZero: spec.format !== 'index',
    stacked: !!spec.stacked,
    ticks: { callback: (v: number | string) => formatTick(Number(v), spec.format, lang) },
    title: { display: true, text: spec.unit },
  };
  const labelAxis = { stacked: !!spec.stacked, ticks: { autoSkip: !horizontal } };
  return {
    type: base,
    data: {
      labels: horizontal ? spec.labels.map((l) => wrapLabel(l)) : spec.labels,
      datasets: spec.series.map((s, i) => ({
        ...seriesStyle(i, s.type ?? base),
        type: s.type ?? base,
        label: s.label,
        data: s.data,
        stack: s.stack,
        spanGaps: true,
      })) as never,
    },
    options: {
      animation: false,
      responsive: !png,
      maintainAspectRatio: false,
      ...(png ? { devicePixelRatio: 2 } : {}),
      indexAxis: horizontal ? 'y' : 'x',
      scales: horizontal ? { x: valueAxis, y: labelAxis } : { x: labelAxis, y: valueAxis },
      plugins: {
        // On the page the title and source are text around the canvas; an image carries its own.
        title: { display: png, text: spec.title, align: 'start', font: { size: 16, weight: 'bold' } },
        subtitle: { display: png, text: spec.subtitle, align: 'start', position: 'bottom', padding: { top: 10 } },
        legend: { display: spec.series.length > 1, position: 'bottom', labels: { usePointStyle: base === 'line' } },
        tooltip: {
          callbacks: {
            // The full label, however it was wrapped on the axis.
            title: (items) => (items[0] ? spec.labels[items[0].dataIndex]! : ''),
            label: (c) => `${c.dataset.label}: ${formatValue(c.raw as number | null, spec.format, lang)}`,
          },
        },
      },
    },
    plugins: [whiteBackground],
  } as ChartConfiguration;
}
