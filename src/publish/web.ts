/**
 * The files that make the site findable and harvestable, from the rendered
 * pages and the published datapackage.json:
 *  - `sitemap.xml` (sitemaps.org 0.9) with both languages and their
 *    `xhtml:link` hreflang alternates, and `robots.txt` (embeds, the
 *    operator's report and the lookup's shards excluded);
 *  - `data/rilis.xml`: an Atom feed (RFC 4287) of the releases and what
 *    changed in the newest;
 *  - `data/catalog.jsonld`: a DCAT catalogue (W3C DCAT 2, DCAT-AP style)
 *    that CKAN's ckanext-dcat RDF harvester reads, as Satu Data Indonesia
 *    portals do, and `data/data.json`, the same in the DCAT-US (Project Open
 *    Data 1.1) form its JSON harvester reads.
 * All need the site's absolute address (`instansi.situs`): without it only
 * robots.txt is written, and the operator's report says what is missing.
 */
import { withBase } from '../i18n/index.ts';
import { DISTRIBUTIONS } from './downloads.ts';
import type { SiteFigures } from '../model/model.ts';
import type { SiteFiles } from './guard.ts';
import type { ReleaseChanges } from './releases.ts';

interface Resource {
  name: string;
  path: string;
  title?: string;
  description?: string;
  format: string;
  mediatype: string;
  bytes: number;
  hash: string;
  type?: string;
}
interface Package {
  title: string;
  description: string;
  version: string;
  created: string;
  licenses: { name: string; title: string; path: string }[];
  resources: Resource[];
}

const xml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Pages a search engine should see: every rendered page but embeds, the operator's report and redirects (all `noindex`). */
export async function indexablePages(site: SiteFiles): Promise<string[]> {
  const out: string[] = [];
  for (const f of (await site.listFiles()).filter((x) => x.endsWith('index.html')).sort()) {
    if (/^(en\/)?embed\//.test(f)) continue;
    if (/<meta name="robots" content="noindex/.test(await site.readFile(f))) continue;
    out.push(`/${f.slice(0, -'index.html'.length)}`);
  }
  return out;
}

export async function buildWebFiles(
  site: SiteFiles,
  model: SiteFigures,
  changes?: ReleaseChanges,
): Promise<{ path: string; content: string }[]> {
  // The site's absolute address under its base path, e.g. https://org.github.io/terang (web paths follow).
  const base = model.config.instansi.situs && `${new URL(model.config.instansi.situs).origin}${withBase('')}`;
  const robots = [
    'User-agent: *',
    'Disallow: /embed/',
    'Disallow: /en/embed/',
    'Disallow: /cek/k/',
    ...(base ? ['', `Sitemap: ${base}/sitemap.xml`] : []),
    '',
  ].join('\n');
  if (!base) return [{ path: 'robots.txt', content: robots }];

  const pages = await indexablePages(site);
  const idOf = (p: string) => (p.startsWith('/en/') ? p.slice(3) : p);
  const modified = model.config.rilis.tanggal;
  const sitemap = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">',
    ...pages.map((p) => {
      const id = idOf(p);
      const en = `/en${id}`;
      const alt = pages.includes(en) && pages.includes(id);
      return [
        '  <url>',
        `    <loc>${xml(base + p)}</loc>`,
        `    <lastmod>${modified}</lastmod>`,
        ...(alt
          ? [
              `    <xhtml:link rel="alternate" hreflang="id" href="${xml(base + id)}"/>`,
              `    <xhtml:link rel="alternate" hreflang="en" href="${xml(base + en)}"/>`,
              `    <xhtml:link rel="alternate" hreflang="x-default" href="${xml(base + id)}"/>`,
            ]
          : []),
        '  </url>',
      ].join('\n');
    }),
    '</urlset>',
    '',
  ].join('\n');

  const pkg = JSON.parse(await site.readFile('data/datapackage.json')) as Package;
  const office = model.config.instansi;
  // The model's releases include this one.
  const releases = [...model.releases].sort((a, b) => b.created.localeCompare(a.created));
  const ch = changes;
  const changeText = ch
    ? ch.datasets
        .map(
          (d) =>
            `${d.title}: ${d.rowsBefore} → ${d.rowsAfter} baris${d.yearsAdded.length ? `, tahun baru ${d.yearsAdded.join(', ')}` : ''}${d.revised ? `, ${d.revised} angka direvisi` : ''}.`,
        )
        .join(' ')
    : '';
  const feed = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="id">',
    `  <title>${xml(`Rilis data — ${office.nama}`)}</title>`,
    `  <subtitle>${xml(pkg.title)}</subtitle>`,
    `  <id>${xml(`${base}/data/`)}</id>`,
    `  <link rel="self" href="${xml(`${base}/data/rilis.xml`)}"/>`,
    `  <link rel="alternate" href="${xml(`${base}/data/`)}"/>`,
    `  <updated>${releases[0]!.created}T00:00:00Z</updated>`,
    `  <author><name>${xml(office.nama)}</name></author>`,
    ...releases.map((r) => {
      const current = r.label === model.config.rilis.label;
      const summary =
        current && ch
          ? `Rilis ${r.label}. Perubahan sejak ${ch.previous}: ${changeText}`
          : `Rilis ${r.label}: semua berkas data seperti diterbitkan.`;
      return [
        '  <entry>',
        `    <title>${xml(`Rilis ${r.label}`)}</title>`,
        `    <id>${xml(`${base}/data/rilis/${r.label}/`)}</id>`,
        `    <link rel="alternate" href="${xml(`${base}/data/rilis/${r.label}/datapackage.json`)}"/>`,
        ...(current && ch ? [`    <link rel="related" href="${xml(`${base}/data/perubahan/`)}"/>`] : []),
        `    <updated>${r.created}T00:00:00Z</updated>`,
        `    <summary>${xml(summary)}</summary>`,
        '  </entry>',
      ].join('\n');
    }),
    '</feed>',
    '',
  ].join('\n');

  const licence = pkg.licenses[0]!;
  const tables = pkg.resources.filter((r) => r.format === 'csv');
  // Each table in every format it is published in (DISTRIBUTIONS): CSV and JSON described by datapackage.json, and .xlsx.
  const distributionsOf = (name: string) =>
    DISTRIBUTIONS.map((d) => {
      const described = pkg.resources.find((r) => r.path === `${name}.${d.ext}`);
      return { path: `${name}.${d.ext}`, format: d.ext.toUpperCase(), mediatype: d.mediatype, described };
    });
  const iana = (type: string) => ({ '@id': `http://www.iana.org/assignments/media-types/${type}` });
  const date = (d: string) => ({ '@value': d, '@type': 'xsd:date' });
  const years = model.years;
  const temporal = { start: `${years[0]}-01-01`, end: `${years.at(-1)}-12-31` };
  const spatial = { '@type': 'dct:Location', 'locn:geographicName': `${model.tree.name} (Kemendagri ${model.tree.code})` };
  const keywords = (name: string) => ['kesejahteraan sosial', model.tree.name, name];
  // Releases come when the office publishes, not on a calendar.
  const FREQUENCY = 'http://publications.europa.eu/resource/authority/frequency/IRREG';
  const THEME = 'http://publications.europa.eu/resource/authority/data-theme/SOCI'; // Population and society
  const catalog = {
    '@context': {
      dcat: 'http://www.w3.org/ns/dcat#',
      dct: 'http://purl.org/dc/terms/',
      foaf: 'http://xmlns.com/foaf/0.1/',
      vcard: 'http://www.w3.org/2006/vcard/ns#',
      spdx: 'http://spdx.org/rdf/terms#',
      xsd: 'http://www.w3.org/2001/XMLSchema#',
      owl: 'http://www.w3.org/2002/07/owl#',
      locn: 'http://www.w3.org/ns/locn#',
    },
    '@id': `${base}/data/catalog.jsonld`,
    '@type': 'dcat:Catalog',
    'dct:title': pkg.title,
    'dct:description': pkg.description,
    'dct:language': [{ '@id': 'http://publications.europa.eu/resource/authority/language/IND' }],
    'dct:publisher': { '@type': 'foaf:Organization', 'foaf:name': office.nama },
    'dct:license': { '@id': licence.path },
    'dct:modified': date(modified),
    'foaf:homepage': { '@id': `${base}/data/` },
    'dcat:themeTaxonomy': { '@id': 'http://publications.europa.eu/resource/authority/data-theme' },
    'dcat:dataset': tables.map((r) => ({
      '@id': `${base}/data/#${r.name}`,
      '@type': 'dcat:Dataset',
      'dct:identifier': `${model.tree.code}/${r.name}`,
      'dct:title': r.title ?? r.name,
      'dct:description': r.description ?? '',
      'dct:publisher': { '@type': 'foaf:Organization', 'foaf:name': office.nama },
      'dct:license': { '@id': licence.path },
      'dct:issued': date(pkg.created.slice(0, 10)),
      'dct:modified': date(modified),
      'dct:spatial': spatial,
      'dct:temporal': { '@type': 'dct:PeriodOfTime', 'dcat:startDate': date(temporal.start), 'dcat:endDate': date(temporal.end) },
      'dct:accrualPeriodicity': { '@id': FREQUENCY },
      'dcat:theme': { '@id': THEME },
      'dct:language': [{ '@id': 'http://publications.europa.eu/resource/authority/language/IND' }],
      'owl:versionInfo': pkg.version,
      'dcat:keyword': keywords(r.name),
      'dcat:landingPage': { '@id': `${base}/data/#${r.name}` },
      // A contact only as portal.json gives it (instansi.email): never an invented address.
      'dcat:contactPoint': {
        '@type': 'vcard:Organization',
        'vcard:fn': office.nama,
        ...(office.email ? { 'vcard:hasEmail': { '@id': `mailto:${office.email}` } } : {}),
      },
      'dcat:distribution': distributionsOf(r.name).map((x) => ({
        '@id': `${base}/data/${x.path}`,
        '@type': 'dcat:Distribution',
        'dct:title': `${r.title ?? r.name} (${x.format})`,
        'dcat:downloadURL': { '@id': `${base}/data/${x.path}` },
        'dcat:accessURL': { '@id': `${base}/data/` },
        'dcat:mediaType': iana(x.mediatype),
        'dct:format': x.format,
        'dct:license': { '@id': licence.path },
        ...(x.described
          ? {
              'dcat:byteSize': { '@value': String(x.described.bytes), '@type': 'xsd:nonNegativeInteger' },
              'spdx:checksum': {
                '@type': 'spdx:Checksum',
                'spdx:algorithm': { '@id': 'http://spdx.org/rdf/terms#checksumAlgorithm_sha256' },
                'spdx:checksumValue': x.described.hash.replace(/^sha256:/, ''),
              },
            }
          : {}),
      })),
    })),
  };
  // Project Open Data v1.1 (DCAT-US) requires a contact with an e-mail address: without instansi.email there is no
  // data.json (the operator's report says so) rather than an invented address.
  const dataJson = office.email && {
    '@context': 'https://project-open-data.cio.gov/v1.1/schema/catalog.jsonld',
    '@id': `${base}/data/data.json`,
    '@type': 'dcat:Catalog',
    conformsTo: 'https://project-open-data.cio.gov/v1.1/schema',
    describedBy: 'https://project-open-data.cio.gov/v1.1/schema/catalog.json',
    dataset: tables.map((r) => ({
      '@type': 'dcat:Dataset',
      identifier: `${base}/data/#${r.name}`,
      title: r.title ?? r.name,
      description: r.description ?? '',
      keyword: keywords(r.name),
      issued: pkg.created.slice(0, 10),
      modified,
      publisher: { '@type': 'org:Organization', name: office.nama },
      contactPoint: { '@type': 'vcard:Contact', fn: office.nama, hasEmail: `mailto:${office.email}` },
      accessLevel: 'public',
      rights: `${licence.title ?? licence.name}. Data agregat; sel kecil disembunyikan (kontrol penyingkapan).`,
      license: licence.path,
      spatial: model.tree.name,
      temporal: `${temporal.start}/${temporal.end}`,
      accrualPeriodicity: 'irregular',
      language: ['id'],
      theme: ['Kesejahteraan sosial'],
      landingPage: `${base}/data/#${r.name}`,
      describedBy: `${base}/data/datapackage.json`,
      describedByType: 'application/json',
      distribution: distributionsOf(r.name).map((x) => ({
        '@type': 'dcat:Distribution',
        title: `${r.title ?? r.name} (${x.format})`,
        downloadURL: `${base}/data/${x.path}`,
        mediaType: x.mediatype,
        format: x.format,
      })),
    })),
  };
  return [
    { path: 'robots.txt', content: robots },
    { path: 'sitemap.xml', content: sitemap },
    { path: 'data/rilis.xml', content: feed },
    { path: 'data/catalog.jsonld', content: `${JSON.stringify(catalog, null, 1)}\n` },
    ...(dataJson ? [{ path: 'data/data.json', content: `${JSON.stringify(dataJson, null, 1)}\n` }] : []),
  ];
}
