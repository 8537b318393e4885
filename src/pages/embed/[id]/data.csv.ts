import type { APIRoute } from 'astro';
import { chartCsv } from '../../../lib/charts.ts';
import { getCharts } from '../../../lib/site.ts';

/** Exactly the numbers of one chart, as CSV, at a stable URL. */
export async function getStaticPaths() {
  return [...(await getCharts()).keys()].map((id) => ({ params: { id } }));
}

export const GET: APIRoute = async ({ params }) => {
  const spec = (await getCharts()).get(params.id!)!;
  return new Response(chartCsv(spec), { headers: { 'content-type': 'text/csv; charset=utf-8' } });
};
