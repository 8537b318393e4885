import type { APIRoute } from 'astro';
import { chartCsv } from '../../../../model/charts/index.ts';
import { langOf } from '../../../../i18n/index.ts';
import { chartPaths, getCharts, getSite } from '../../../../build/site.ts';

/** Exactly the numbers of one chart, as CSV, at a stable URL. */
export const getStaticPaths = chartPaths;

export const GET: APIRoute = async ({ params }) => {
  const lang = langOf(params.lang);
  const spec = (await getCharts(lang)).get(params.id!)!;
  const sample = (await getSite()).config.data_contoh;
  return new Response(chartCsv(spec, lang, sample), { headers: { 'content-type': 'text/csv; charset=utf-8' } });
};
