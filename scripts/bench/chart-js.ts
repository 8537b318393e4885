/**
 * How a chart page's JavaScript splits, for `npm run bench`: Chart.js with
 * exactly the pieces the site registers, bundled alone, against our own
 * chart code (loader, drawing, formats) bundled with Chart.js left out.
 * Both minified and gzipped the same way (esbuild, gzip -9), so the two
 * figures compare; the page-weight lines measure what the browser fetched.
 */
import { build } from 'esbuild';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { ROOT } from '../render-pages.ts';

const gz = (code: string) => gzipSync(code, { level: 9 }).length;

async function bundle(entry: { contents: string } | string, external: string[] = []): Promise<string> {
  const r = await build({
    ...(typeof entry === 'string' ? { entryPoints: [entry] } : { stdin: { contents: entry.contents, resolveDir: ROOT, loader: 'ts' } }),
    bundle: true,
    minify: true,
    format: 'esm',
    write: false,
    external,
    // Dynamic imports stay what they are: our code, measured once each.
    splitting: false,
    logLevel: 'silent',
  });
  return r.outputFiles.map((f) => f.text).join('');
}

export async function chartJsSplit(): Promise<{ chartJs: number; ours: number }> {
  const chartJs = await bundle({
    contents: `import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, LineController, LineElement, PointElement, SubTitle, Title, Tooltip } from 'chart.js';
Chart.register(BarController, BarElement, CategoryScale, LinearScale, LineController, LineElement, PointElement, Legend, Title, SubTitle, Tooltip);
export { Chart };`,
  });
  const client = path.join(ROOT, 'src', 'client');
  const loader = await bundle(path.join(client, 'charts.ts'), ['./chart-draw.ts']);
  const draw = await bundle(path.join(client, 'chart-draw.ts'), ['chart.js', './map-draw.ts']);
  return { chartJs: gz(chartJs), ours: gz(loader) + gz(draw) };
}
