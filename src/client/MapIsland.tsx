/**
 * A kecamatan choropleth (chartjs-chart-geo), drawn from the portal's own
 * TopoJSON boundaries. Loaded only on pages with a map, only when visible.
 */
import { Chart, Tooltip, Title, SubTitle } from 'chart.js';
import { ChoroplethController, ColorScale, GeoFeature, ProjectionScale } from 'chartjs-chart-geo';
import { useEffect, useRef, useState } from 'react';
import { feature } from 'topojson-client';
import type { Topology } from 'topojson-specification';
import type { ClientChart } from './ChartIsland.tsx';
import type { Lang } from '../shared/lang.ts';
import { formatValue } from '../shared/chart-format.ts';
import { heightClass } from './heights.ts';

Chart.register(ChoroplethController, GeoFeature, ColorScale, ProjectionScale, Tooltip, Title, SubTitle);

export default function MapIsland({
  spec,
  codes,
  topoUrl,
  attribution,
  text,
  lang,
}: {
  spec: ClientChart;
  codes: string[];
  topoUrl: string;
  attribution: string;
  text: { aria: string; failed: string };
  lang: Lang;
}) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const [error, setError] = useState(false);
  useEffect(() => {
    let chart: Chart | undefined;
    let alive = true;
    fetch(topoUrl)
      .then((r) => r.json() as Promise<Topology>)
      .then((topo) => {
        if (!alive) return;
        const shapes = (feature(topo, topo.objects.kecamatan!) as unknown as { features: { id: string; properties: { nama: string } }[] })
          .features;
        const value = new Map(codes.map((c, i) => [c, spec.series[0]!.data[i] ?? null]));
        chart = new Chart(canvas.current! as HTMLCanvasElement, {
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
              title: { display: true, text: spec.title, align: 'start' },
              subtitle: { display: true, text: spec.subtitle, align: 'start' },
              legend: { display: false },
              tooltip: {
                callbacks: {
                  label: (c: { raw: unknown }) =>
                    `${(c.raw as { feature: { properties: { nama: string } } }).feature.properties.nama}: ${formatValue((c.raw as { value: number | null }).value, spec.format, lang)}`,
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
                ticks: { callback: (v: number | string) => formatValue(Number(v), spec.format, lang) },
              },
            },
          } as never,
        }) as unknown as Chart;
      })
      .then(() => {
        if (chart)
          canvas.current!.dataset.values = JSON.stringify(
            (chart.data.datasets[0]!.data as unknown as { feature: { id: string }; value: number | null }[]).map((d) => [
              d.feature.id,
              d.value,
            ]),
          );
      })
      .catch(() => setError(true));
    return () => {
      alive = false;
      chart?.destroy();
    };
  }, [spec, codes, topoUrl, lang]);
  return (
    <div className="chart-island">
      <div className={heightClass(420)}>
        <canvas ref={canvas} role="img" aria-label={text.aria} data-chart={spec.id} />
      </div>
      {error && <p>{text.failed}</p>}
      <p className="text-xs">{attribution}</p>
    </div>
  );
}
