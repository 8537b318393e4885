/**
 * A chart drawn with Chart.js, hydrated only when visible (client:visible).
 * It registers only the pieces it uses; the numbers it draws are the same
 * ones the build already rendered as an HTML table beside it.
 */
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  SubTitle,
  Title,
  Tooltip,
  type ChartConfiguration,
  type Plugin,
} from 'chart.js';
import { useEffect, useRef } from 'react';
import type { Lang } from '../shared/lang.ts';
import { formatTick, formatValue, type ValueFormat } from '../shared/chart-format.ts';
import { heightClass } from './heights.ts';
import { seriesStyle } from './palette.ts';

Chart.register(
  BarController,
  BarElement,
  CategoryScale,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Legend,
  Title,
  SubTitle,
  Tooltip,
);

export interface ClientChart {
  id: string;
  title: string;
  kind: 'bar' | 'hbar' | 'line';
  labels: string[];
  series: { label: string; data: (number | null)[]; type?: 'bar' | 'line'; stack?: string }[];
  unit: string;
  format: ValueFormat;
  subtitle: string[];
  stacked?: boolean;
}

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

export function chartConfig(spec: ClientChart, lang: Lang = 'id'): ChartConfiguration {
  const horizontal = spec.kind === 'hbar';
  const base = spec.kind === 'line' ? 'line' : 'bar';
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
      labels: spec.labels,
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
      responsive: true,
      maintainAspectRatio: false,
      indexAxis: horizontal ? 'y' : 'x',
      scales: horizontal ? { x: valueAxis, y: labelAxis } : { x: labelAxis, y: valueAxis },
      plugins: {
        title: { display: true, text: spec.title, align: 'start', font: { size: 14 } },
        subtitle: { display: true, text: spec.subtitle, align: 'start', padding: { bottom: 8 } },
        legend: { display: spec.series.length > 1, position: 'bottom', labels: { usePointStyle: base === 'line' } },
        tooltip: { callbacks: { label: (c) => `${c.dataset.label}: ${formatValue(c.raw as number | null, spec.format, lang)}` } },
      },
    },
    plugins: [whiteBackground],
  } as ChartConfiguration;
}

export default function ChartIsland({
  spec,
  height,
  text,
  lang,
}: {
  spec: ClientChart;
  height: number;
  text: { aria: string; png: string };
  lang: Lang;
}) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const chart = useRef<Chart | null>(null);
  useEffect(() => {
    chart.current = new Chart(canvas.current!, chartConfig(spec, lang));
    // What Chart.js was handed, for tests that compare it with the table.
    canvas.current!.dataset.values = JSON.stringify(chart.current.data.datasets.map((d) => d.data));
    return () => chart.current?.destroy();
  }, [spec, lang]);
  const downloadPng = () => {
    const a = document.createElement('a');
    a.href = chart.current!.toBase64Image('image/png', 1);
    a.download = `${spec.id}.png`;
    a.click();
  };
  return (
    <div className="chart-island">
      <div className={heightClass(height)}>
        <canvas ref={canvas} role="img" aria-label={text.aria} data-chart={spec.id} />
      </div>
      <button type="button" className="chart-png no-print" onClick={downloadPng}>
        {text.png}
      </button>
    </div>
  );
}
