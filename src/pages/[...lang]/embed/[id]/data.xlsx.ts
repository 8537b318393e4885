import type { APIRoute } from 'astro';
import { chartTable } from '../../../../model/charts/index.ts';
import { langOf, texts } from '../../../../i18n/index.ts';
import { chartPaths, getCharts, getSite } from '../../../../build/site.ts';
import { chartWorkbook } from '../../../../publish/workbooks.ts';
import { XLSX_TYPE } from '../../../../publish/xlsx.ts';

/** Exactly the numbers of one chart, as a workbook beside its CSV (numbers typed, source and licence on a second sheet). */
export const getStaticPaths = chartPaths;

export const GET: APIRoute = async ({ params }) => {
  const lang = langOf(params.lang);
  const spec = (await getCharts(lang)).get(params.id!)!;
  const config = (await getSite()).config;
  const bytes = await chartWorkbook(chartTable(spec, lang, config.data_contoh), {
    title: spec.title,
    unit: spec.unit,
    source: spec.source,
    config,
    sample: config.data_contoh ? texts(lang).cSample : undefined,
  });
  return new Response(new Uint8Array(bytes), {
    headers: { 'content-type': XLSX_TYPE },
  });
};
