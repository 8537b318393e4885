/**
 * Drawing with Chart.js, loaded by charts.ts when the first chart is due.
 * Only the controllers and elements the site uses are registered, so the
 * bundle holds no more of Chart.js than that. The numbers drawn are the ones
 * the build rendered as the table beside the chart; after drawing, the
 * canvas carries them in `data-values` (tests compare the two).
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
} from 'chart.js';
import { chartConfig } from '../shared/chart-config.ts';
import type { ClientChart } from '../shared/chart-spec.ts';

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
// Chart text never below 12 CSS px (WCAG-readable on a phone), in the page's font.
Chart.defaults.font.size = 12;
Chart.defaults.font.family = getComputedStyle(document.body).fontFamily;
Chart.defaults.color = '#1f2328';

const drawn = new Map<HTMLCanvasElement, Chart>();

/** Draw a bar or line chart now (synchronously: Chart.js renders in its constructor when animation is off). */
export function drawNow(canvas: HTMLCanvasElement, spec: ClientChart): void {
  if (spec.map) {
    void draw(canvas, spec);
    return;
  }
  canvas.dataset.state = 'drawn';
  const chart = new Chart(canvas, chartConfig(spec));
  drawn.set(canvas, chart);
  canvas.dataset.values = JSON.stringify(chart.data.datasets.map((d) => d.data));
}

/** Draw a chart, or its map when the spec has one (boundaries are fetched first). */
export async function draw(canvas: HTMLCanvasElement, spec: ClientChart): Promise<void> {
  if (!spec.map) return drawNow(canvas, spec);
  canvas.dataset.state = 'loading';
  const { drawMap } = await import('./map-draw.ts');
  const chart = await drawMap(canvas, spec);
  if (chart) drawn.set(canvas, chart);
  canvas.dataset.state = 'drawn';
}

/** Draw again with new numbers (the data explorer): the old chart on this canvas is destroyed first. */
export async function redraw(canvas: HTMLCanvasElement, spec: ClientChart): Promise<void> {
  drawn.get(canvas)?.destroy();
  drawn.delete(canvas);
  delete canvas.dataset.values;
  await draw(canvas, spec);
}

/**
 * Chart.js does not resize by itself for print: the sizes global.css gives
 * chart boxes on paper (A4 minus 12 mm margins is ~700 CSS px wide; a pair
 * of charts side by side; 190 px tall, 290 px for ranked bars).
 */
const PRINT_WIDTH = 700;
export function fitForPrint(printing: boolean): void {
  for (const [canvas, chart] of drawn) {
    const box = canvas.parentElement;
    if (!printing || !box) chart.resize();
    else
      chart.resize(box.closest('.print-pair') ? PRINT_WIDTH / 2 - 8 : PRINT_WIDTH, box.classList.contains('chart-box--tall') ? 290 : 190);
  }
}

/** The chart as a PNG at twice its resolution, 800 px wide, with title, unit, source and licence drawn in. */
export function downloadPng(spec: ClientChart): void {
  const canvas = document.createElement('canvas');
  const height = spec.kind === 'hbar' ? Math.max(420, 200 + spec.labels.length * spec.series.length * 24) : 520;
  canvas.width = 800;
  canvas.height = height;
  canvas.style.width = '800px';
  canvas.style.height = `${height}px`;
  const chart = new Chart(canvas, chartConfig(spec, true));
  const a = document.createElement('a');
  a.href = chart.toBase64Image('image/png', 1);
  a.download = `${spec.id}.png`;
  a.click();
  chart.destroy();
}
