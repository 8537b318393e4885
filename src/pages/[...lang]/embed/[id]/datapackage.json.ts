import type { APIRoute } from 'astro';
import { chartPackage } from '../../../../model/charts/spec.ts';
import { langOf } from '../../../../i18n/index.ts';
import { chartPaths, getCharts, getSite } from '../../../../build/site.ts';

/** Where one chart's CSV comes from: source, licence, release, as a Frictionless data package beside it. */
export const getStaticPaths = chartPaths;

export const GET: APIRoute = async ({ params }) => {
  const lang = langOf(params.lang);
  const spec = (await getCharts(lang)).get(params.id!)!;
  return new Response(`${JSON.stringify(chartPackage(spec, await getSite(), lang), null, 2)}\n`, {
    headers: { 'content-type': 'application/json; charset=utf-8' },
  });
};
