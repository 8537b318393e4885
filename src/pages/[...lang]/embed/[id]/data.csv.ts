import type { APIRoute } from 'astro';
import { chartCsv } from '../../../../model/charts/index.ts';
import { langOf, langPaths } from '../../../../i18n/index.ts';
import { getCharts } from '../../../../build/site.ts';

/** Exactly the numbers of one chart, as CSV, at a stable URL. */
export async function getStaticPaths() {
  const ids = [...(await getCharts()).keys()];
  return langPaths().flatMap(({ params }) => ids.map((id) => ({ params: { ...params, id } })));
}

export const GET: APIRoute = async ({ params }) => {
  const lang = langOf(params.lang);
  const spec = (await getCharts(lang)).get(params.id!)!;
  return new Response(chartCsv(spec, lang), { headers: { 'content-type': 'text/csv; charset=utf-8' } });
};
