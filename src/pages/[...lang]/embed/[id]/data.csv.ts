import type { APIRoute } from 'astro';
import { chartCsv } from '../../../../model/charts/index.ts';
import { langOf } from '../../../../i18n/index.ts';
import { chartPaths, getCharts } from '../../../../build/site.ts';

/** Exactly the numbers of one chart, as CSV, at a stable URL. */
export const getStaticPaths = chartPaths;

export const GET: APIRoute = async ({ params }) => {
  const lang = langOf(params.lang);
  const spec = (await getCharts(lang)).get(params.id!)!;
  return new Response(chartCsv(spec, lang), { headers: { 'content-type': 'text/csv; charset=utf-8' } });
};
