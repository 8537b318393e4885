/**
 * Page-side access to the model. `npm run build` prepares it once and passes
 * the file in TERANG_MODEL; `astro dev` has no such file and prepares the
 * data folder itself — through the same `loadAndPrepare`, so both render the
 * same pages.
 */
import { readFile } from 'node:fs/promises';
import { folderIO } from '../load/portal.ts';
import { allCharts, type ChartSpec } from '../model/charts/index.ts';
import type { SiteModel } from './site-model.ts';
import { formatProblem, type Lang } from '../load/problems.ts';
import { loadAndPrepare } from './prepare.ts';
import { langPaths } from '../i18n/index.ts';

let cached: Promise<SiteModel> | undefined;

/** The model of a data folder as `astro dev` sees it. */
export async function devModel(dataDir: string): Promise<SiteModel> {
  const { prepared, problems } = await loadAndPrepare(folderIO(dataDir));
  if (!prepared)
    throw new Error(
      problems
        .filter((p) => p.level === 'error')
        .map((p) => formatProblem(p, 'id'))
        .join('\n'),
    );
  return prepared.model;
}

export function getSite(): Promise<SiteModel> {
  cached ??= (async () => {
    const file = process.env.TERANG_MODEL;
    if (file) return JSON.parse(await readFile(file, 'utf8')) as SiteModel;
    return devModel(process.env.DATA_DIR ?? 'data');
  })();
  return cached;
}

export const areaName = (site: SiteModel, code: string): string => {
  if (code === site.tree.code) return site.tree.name;
  for (const k of site.tree.kecamatan) {
    if (k.code === code) return k.name;
    const d = k.desa.find((x) => x.code === code);
    if (d) return d.name;
  }
  return code;
};

const charts = new Map<Lang, Promise<Map<string, ChartSpec>>>();

/** Every chart of the site by id, computed once per build and language. */
export function getCharts(lang: Lang = 'id'): Promise<Map<string, ChartSpec>> {
  if (!charts.has(lang))
    charts.set(
      lang,
      getSite().then((site) => new Map(allCharts(site, lang).map((c) => [c.id, c]))),
    );
  return charts.get(lang)!;
}

/** The charts with these ids that exist for this data set (missing data → no chart), in the given order. */
export async function chartsById(lang: Lang, ...ids: string[]): Promise<ChartSpec[]> {
  const all = await getCharts(lang);
  return ids.map((id) => all.get(id)).filter((c): c is ChartSpec => !!c);
}

/** Static paths of the per-chart pages and files: every chart id in every language. */
export async function chartPaths() {
  const ids = [...(await getCharts()).keys()];
  return langPaths().flatMap(({ params }) => ids.map((id) => ({ params: { ...params, id } })));
}
