/**
 * A kecamatan (or a province's kabupaten/kota) choropleth (chartjs-chart-geo) from the portal's own TopoJSON
 * boundaries, loaded by chart-draw.ts only for charts that have a map.
 */
import { Chart, SubTitle, Title, Tooltip } from 'chart.js';
import { ChoroplethController, ColorScale, GeoFeature, ProjectionScale } from 'chartjs-chart-geo';
import { feature } from 'topojson-client';
import type { Topology } from 'topojson-specification';
import { formatValue } from '../shared/chart-format.ts';
import type { ClientChart } from '../shared/chart-spec.ts';

Chart.register(ChoroplethController, GeoFeature, ColorScale, ProjectionScale, Tooltip, Title, SubTitle);

interface Shape {
  id: string;
  properties: { nama: string };
}

export async function drawMap(canvas: HTMLCanvasElement, spec: ClientChart): Promise<Chart | undefined> {
  const map = spec.map!;
  try {
    const topo = (await (await fetch(map.url)).json()) as Topology;
    const shapes = (feature(topo, topo.objects[map.object]!) as unknown as { features: Shape[] }).features;
    const value = new Map(map.codes.map((c, i) => [c, spec.series[0]!.data[i] ?? null]));
    const chart = new Chart(canvas, {
      type: 'choropleth',
      data: {
        labels: shapes.map((f) => f.properties.nama),
        datasets: [
          {
            label: spec.series[0]!.label,
            outline: shapes,
            data: shapes.map((f) => ({ feature: f, value: value.get(String(f.id)) ?? null })),
          },
        ],
      } as never,
      options: {
        animation: false,
        maintainAspectRatio: false,
        plugins: {
          legend: { display: false },
          tooltip: {
            callbacks: {
              label: (c: { raw: unknown }) => {
                const raw = c.raw as { feature: Shape; value: number | null };
                return `${raw.feature.properties.nama}: ${formatValue(raw.value, spec.format, spec.lang)}`;
              },
            },
          },
        },
        scales: {
          projection: { axis: 'x', projection: 'mercator' },
          color: {
            axis: 'x',
            interpolate: 'blues',
            missing: '#eeeeee',
            legend: { position: 'bottom-right', align: 'right' },
            ticks: { callback: (v: number | string) => formatValue(Number(v), spec.format, spec.lang) },
          },
        },
      } as never,
    }) as unknown as Chart;
    canvas.dataset.values = JSON.stringify(
      (chart.data.datasets[0]!.data as unknown as { feature: Shape; value: number | null }[]).map((d) => [d.feature.id, d.value]),
    );
    return chart;
  } catch {
    canvas.insertAdjacentElement('afterend', Object.assign(document.createElement('p'), { textContent: map.failed }));
    return undefined;
  }
}
