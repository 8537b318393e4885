/**
 * The built sample site against tools and conventions nobody on this project
 * wrote: the Frictionless validator, the W3C Nu HTML checker, nginx -t, and
 * the formats readers' tools parse — sitemaps, Atom, JSON-LD, DCAT, share
 * cards, `_headers`.
 */
import { execFile, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { DomUtils, parseDocument } from 'htmlparser2';
import { describe, expect, inject, it } from 'vitest';
import * as z from 'zod';
import { MAX_RULES } from '../src/publish/headers.ts';
import { indexablePages } from '../src/publish/web.ts';
import { shareImagePath } from '../src/shared/share-path.ts';
import { ROOT } from './helpers.ts';

const run = promisify(execFile);
const dist = inject('sampleDist');
const read = (rel: string) => readFileSync(path.join(dist, rel), 'utf8');
const files = (readdirSync(dist, { recursive: true }) as string[]).map((f) => f.split(path.sep).join('/'));
const pages = await indexablePages({ listFiles: async () => files, readFile: async (f) => read(f) });
const BASE = 'https://dinsos-bantul.example';

const FRICTIONLESS = process.env.FRICTIONLESS ?? path.resolve(ROOT, '..', 'shared', 'tools', 'frictionless', 'run');
describe.skipIf(!existsSync(FRICTIONLESS))('Frictionless (frictionless-py 5, the reference validator)', () => {
  const packages = ['data/datapackage.json', ...files.filter((f) => /^data\/rilis\/[^/]+\/datapackage\.json$/.test(f))];
  it.each(packages)('%s: valid, no errors and no warnings', async (pkg) => {
    const { stdout } = await run(FRICTIONLESS, ['validate', '--json', path.join(dist, pkg)], { maxBuffer: 64 << 20 }).catch(
      (e: { stdout: string }) => e,
    );
    const report = JSON.parse(stdout) as {
      valid: boolean;
      errors: unknown[];
      tasks: { name: string; errors: unknown[]; warnings: unknown[] }[];
    };
    expect(report.errors).toEqual([]);
    expect(report.tasks.flatMap((t) => t.errors.map((e) => [t.name, e]))).toEqual([]);
    expect(report.tasks.flatMap((t) => t.warnings.map((w) => [t.name, w]))).toEqual([]);
    expect(report.valid).toBe(true);
  });
  it('tells hidden-for-privacy cells from not-released ones in the schema, and declares the boundary licence', () => {
    const pkg = JSON.parse(read('data/datapackage.json'));
    const pmks = pkg.resources.find((r: { name: string }) => r.name === 'pmks');
    expect(pmks.schema.missingValues.map((m: { value: string }) => m.value)).toEqual(['', 'NA']);
    expect(read('data/kemiskinan.csv')).toMatch(/,NA,/);
  });
});

const java = ['/usr/bin/java', process.env.JAVA ?? ''].find((j) => j && existsSync(j));
describe.skipIf(!java)('W3C Nu HTML checker (vnu-jar)', () => {
  it('finds no error in the project’s own markup on any page', async () => {
    const jar = createRequire(import.meta.url).resolve('vnu-jar/build/dist/vnu.jar');
    const { stderr } = await run(java!, ['-jar', jar, '--errors-only', '--format', 'json', '--skip-non-html', dist], {
      maxBuffer: 64 << 20,
    }).catch((e: { stderr: string }) => e);
    const messages = (JSON.parse(stderr) as { messages: { url: string; message: string }[] }).messages;
    // Upstream, not ours: Astro puts `astro-island{display:contents}` in a <style> inside <body> on pages with a
    // framework island (only /data/jelajah/); withastro/astro#10308 (open), "Astro islands inject invalid HTML".
    const upstream = (m: { url: string; message: string }) =>
      /\/data\/jelajah\/index\.html$/.test(m.url) && m.message.startsWith('A “style” element in “body”');
    expect(messages.filter((m) => !upstream(m)).map((m) => `${m.url.replace(`file:${dist}`, '')}: ${m.message}`)).toEqual([]);
  }, 300_000);
});

describe('findable', () => {
  it('sitemap.xml lists every indexable page in both languages with hreflang alternates; robots.txt points to it', () => {
    const doc = parseDocument(read('sitemap.xml'), { xmlMode: true });
    const locs = DomUtils.getElementsByTagName('loc', doc).map((e) => DomUtils.textContent(e));
    expect(locs.sort()).toEqual(pages.map((p) => BASE + p).sort());
    expect(locs).toContain(`${BASE}/en/pmks/`);
    expect(locs.some((l) => l.includes('/embed/') || l.includes('/laporan/'))).toBe(false);
    const pmks = DomUtils.getElementsByTagName('url', doc).find(
      (u) => DomUtils.textContent(DomUtils.getElementsByTagName('loc', u)[0]!) === `${BASE}/pmks/`,
    )!;
    expect(DomUtils.getElementsByTagName('xhtml:link', pmks).map((l) => `${l.attribs.hreflang} ${l.attribs.href}`)).toEqual([
      `id ${BASE}/pmks/`,
      `en ${BASE}/en/pmks/`,
      `x-default ${BASE}/pmks/`,
    ]);
    const robots = read('robots.txt');
    for (const d of ['/embed/', '/en/embed/']) expect(robots).toContain(`Disallow: ${d}`);
    expect(robots).toContain(`Sitemap: ${BASE}/sitemap.xml`);
  });

  it.each(['/', '/pmks/', '/en/kecamatan/34.02.05/', '/program/pkh/', '/cek/'])(
    '%s has a canonical link, hreflang with x-default, Open Graph and Twitter tags',
    (p) => {
      const doc = parseDocument(read(`${p.slice(1)}index.html`));
      const link = (rel: string, lang?: string) =>
        DomUtils.findOne((e) => e.name === 'link' && e.attribs.rel === rel && (!lang || e.attribs.hreflang === lang), doc.children)?.attribs
          .href;
      const meta = (k: string) =>
        DomUtils.findOne((e) => e.name === 'meta' && (e.attribs.property === k || e.attribs.name === k), doc.children)?.attribs.content;
      const id = p.startsWith('/en/') ? p.slice(3) : p;
      expect(link('canonical')).toBe(BASE + p);
      expect(link('alternate', 'id')).toBe(BASE + id);
      expect(link('alternate', 'en')).toBe(`${BASE}/en${id}`);
      expect(link('alternate', 'x-default')).toBe(BASE + id);
      expect(meta('og:url')).toBe(BASE + p);
      expect(meta('og:image')).toBe(BASE + shareImagePath(p));
      expect(meta('og:title')).toBeTruthy();
      expect(meta('twitter:card')).toBe('summary_large_image');
      expect(meta('twitter:image')).toBe(meta('og:image'));
    },
  );

  it('every indexable page has its 1200×630 PNG share card', () => {
    expect(pages.length).toBeGreaterThan(60);
    for (const p of pages) {
      const png = readFileSync(path.join(dist, shareImagePath(p)));
      expect(png.subarray(1, 4).toString(), p).toBe('PNG');
      expect([png.readUInt32BE(16), png.readUInt32BE(20)], p).toEqual([1200, 630]);
    }
  });
});

describe('harvestable', () => {
  /** The schema.org Datasets a /data/ page carries (Google Dataset Search). */
  const jsonLdOf = (page: string) => {
    const doc = parseDocument(read(page));
    const script = DomUtils.findOne((e) => e.name === 'script' && e.attribs.type === 'application/ld+json', doc.children)!;
    return JSON.parse(DomUtils.textContent(script)) as {
      '@type': string;
      '@id': string;
      url: string;
      inLanguage: string;
      license: string;
      distribution: { contentUrl: string; encodingFormat: string }[];
    }[];
  };
  const pkg = () =>
    JSON.parse(read('data/datapackage.json')) as {
      resources: { name: string; path: string; bytes: number; hash: string; format: string }[];
    };
  /** A catalogue as "table → its files", to compare catalogues with each other. */
  const asMap = (entries: [string, string[]][]) => Object.fromEntries(entries.map(([k, v]) => [k, [...v].sort()]));

  it('the catalogues agree: /data/ (both languages), DCAT and data.json list every table of datapackage.json, each as CSV, JSON and Excel', () => {
    const tables = pkg()
      .resources.filter((r) => r.format === 'csv')
      .map((r) => r.name);
    expect(tables).toContain('sasaran-indikator');
    const expected = asMap(tables.map((t) => [t, ['csv', 'json', 'xlsx'].map((x) => `data/${t}.${x}`)]));
    const rel = (url: string) => url.replace(`${BASE}/`, '');
    const nameOf = (id: string) => id.split('#')[1]!;
    for (const [page, lang] of [
      ['data/index.html', 'id'],
      ['en/data/index.html', 'en'],
    ] as const) {
      const ld = jsonLdOf(page);
      expect(asMap(ld.map((d) => [nameOf(d['@id']), d.distribution.map((x) => rel(x.contentUrl))])), page).toEqual(expected);
      for (const d of ld) {
        expect(d['@type']).toBe('Dataset');
        expect(d.inLanguage).toBe(lang);
        expect(d['@id']).toBe(`${BASE}/${lang === 'en' ? 'en/' : ''}data/#${nameOf(d['@id'])}`);
        expect(d.license).toMatch(/^https:\/\/creativecommons\.org\//);
      }
    }
    const catalog = JSON.parse(read('data/catalog.jsonld'));
    expect(
      asMap(
        catalog['dcat:dataset'].map((d: { '@id': string; 'dcat:distribution': { 'dcat:downloadURL': { '@id': string } }[] }) => [
          nameOf(d['@id']),
          d['dcat:distribution'].map((x) => rel(x['dcat:downloadURL']['@id'])),
        ]),
      ),
    ).toEqual(expected);
    const pod = JSON.parse(read('data/data.json'));
    expect(
      asMap(
        pod.dataset.map((d: { identifier: string; distribution: { downloadURL: string }[] }) => [
          nameOf(d.identifier),
          d.distribution.map((x) => rel(x.downloadURL)),
        ]),
      ),
    ).toEqual(expected);
    for (const f of Object.values(expected).flat()) expect(files, f).toContain(f);
  });

  it('DCAT: typed dates, IANA media types, theme and frequency; each CSV and JSON with the size and hash of datapackage.json', () => {
    const resources = pkg().resources;
    const catalog = JSON.parse(read('data/catalog.jsonld'));
    expect(catalog['@type']).toBe('dcat:Catalog');
    for (const d of catalog['dcat:dataset']) {
      expect(d['dct:modified']['@type']).toBe('xsd:date');
      expect(d['dct:temporal']['dcat:startDate']['@type']).toBe('xsd:date');
      expect(d['dcat:theme']['@id']).toMatch(/^http:\/\/publications\.europa\.eu\/resource\/authority\/data-theme\//);
      expect(d['dct:accrualPeriodicity']['@id']).toMatch(/^http:\/\/publications\.europa\.eu\/resource\/authority\/frequency\//);
      expect(d['dcat:contactPoint']['vcard:hasEmail']['@id']).toBe('mailto:info@dinsos-bantul.example');
      for (const x of d['dcat:distribution']) {
        const rel = x['dcat:downloadURL']['@id'].replace(`${BASE}/data/`, '');
        expect(x['dcat:mediaType']['@id']).toMatch(/^http:\/\/www\.iana\.org\/assignments\/media-types\/[a-z]+\/[-\w.+]+$/);
        const res = resources.find((r) => r.path === rel);
        if (!res) {
          expect(rel).toMatch(/\.xlsx$/);
          continue;
        }
        expect(Number(x['dcat:byteSize']['@value'])).toBe(res.bytes);
        expect(`sha256:${x['spdx:checksum']['spdx:checksumValue']}`).toBe(res.hash);
        expect(readFileSync(path.join(dist, 'data', rel)).length).toBe(res.bytes);
      }
    }
  });

  it('data.json meets the Project Open Data v1.1 catalog schema', () => {
    // The schema's rules (project-open-data.cio.gov/v1.1/schema: catalog.json, dataset.json, vcard.json,
    // organization.json, distribution.json), restated in zod for the fields the portal writes.
    const iso = /^\d{4}-\d{2}-\d{2}$/;
    const uri = z.string().url();
    const Pod = z.strictObject({
      '@context': z.literal('https://project-open-data.cio.gov/v1.1/schema/catalog.jsonld'),
      '@id': uri,
      '@type': z.literal('dcat:Catalog'),
      conformsTo: z.literal('https://project-open-data.cio.gov/v1.1/schema'),
      describedBy: uri,
      dataset: z
        .array(
          z.strictObject({
            '@type': z.literal('dcat:Dataset'),
            identifier: z.string().min(1),
            title: z.string().min(1),
            description: z.string().min(1),
            keyword: z.array(z.string().min(1)).min(1),
            issued: z.string().regex(iso),
            modified: z.string().regex(iso),
            publisher: z.strictObject({ '@type': z.literal('org:Organization'), name: z.string().min(1) }),
            contactPoint: z.strictObject({
              '@type': z.literal('vcard:Contact'),
              fn: z.string().min(1),
              hasEmail: z.string().regex(/^mailto:([\w.-]+@[\w.-]+\.[\w.-]+)?$/),
            }),
            accessLevel: z.enum(['public', 'restricted public', 'non-public']),
            rights: z.string().min(1).max(255),
            license: uri,
            spatial: z.string().min(1),
            temporal: z.string().regex(/^\d{4}-\d{2}-\d{2}\/\d{4}-\d{2}-\d{2}$/),
            accrualPeriodicity: z.literal('irregular'),
            language: z.array(z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]+)*$/)),
            theme: z.array(z.string().min(1)).min(1),
            landingPage: uri,
            describedBy: uri,
            describedByType: z.string().regex(/^[-\w]+\/[-\w]+(\.[-\w]+)*([+][-\w]+)?$/),
            distribution: z
              .array(
                z.strictObject({
                  '@type': z.literal('dcat:Distribution'),
                  title: z.string().min(1),
                  downloadURL: uri,
                  mediaType: z.string().regex(/^[-\w]+\/[-\w]+(\.[-\w]+)*([+][-\w]+)?$/),
                  format: z.string().min(1),
                }),
              )
              .min(1),
          }),
        )
        .min(1),
    });
    const res = Pod.safeParse(JSON.parse(read('data/data.json')));
    expect(res.success ? [] : res.error.issues).toEqual([]);
  });

  it('the Atom feed has an entry per release, newest first, the current one with what changed', () => {
    const doc = parseDocument(read('data/rilis.xml'), { xmlMode: true });
    const feed = DomUtils.getElementsByTagName('feed', doc)[0]!;
    expect(feed.attribs.xmlns).toBe('http://www.w3.org/2005/Atom');
    const entries = DomUtils.getElementsByTagName('entry', doc);
    const titles = entries.map((e) => DomUtils.textContent(DomUtils.getElementsByTagName('title', e)[0]!));
    expect(titles).toEqual(['Rilis 2026-1', 'Rilis 2025-1']);
    expect(DomUtils.textContent(DomUtils.getElementsByTagName('summary', entries[0]!)[0]!)).toContain('Perubahan sejak 2025-1');
    for (const e of entries)
      for (const tag of ['id', 'updated', 'link']) expect(DomUtils.getElementsByTagName(tag, e).length, tag).toBeGreaterThan(0);
    // Each entry's id is a page (not a folder without an index), and every page announces the feed.
    for (const e of entries) {
      const id = DomUtils.textContent(DomUtils.getElementsByTagName('id', e)[0]!).replace(`${BASE}/`, '');
      expect(read(`${id}index.html`)).toContain('<h1>Rilis ');
    }
    for (const [page, title] of [
      ['index.html', 'Rilis data'],
      ['pmks/index.html', 'Rilis data'],
      ['en/index.html', 'Data releases'],
    ] as const)
      expect(read(page)).toContain(
        `<link rel="alternate" type="application/atom+xml" title="${title} — Dinas Sosial Kabupaten Bantul" href="${BASE}/data/rilis.xml">`,
      );
  });
});

describe('deploy files', () => {
  it(`_headers holds at most ${MAX_RULES} rules, by section with wildcards, framing refused but for embeds, CORS on data`, () => {
    const text = read('_headers');
    const rules = text.split('\n').filter((l) => l.startsWith('/'));
    expect(rules.length).toBeLessThanOrEqual(MAX_RULES);
    expect(rules.some((r) => /\/kecamatan\/\d/.test(r))).toBe(false); // no rule per kecamatan
    const block = (pattern: string) => text.split(`\n${pattern}\n`)[1]!.split(/\n(?=\/)/)[0]!;
    expect(block('/cek/*')).toContain("frame-ancestors 'none'");
    expect(block('/cek/*')).toContain("'wasm-unsafe-eval'");
    expect(block('/cek/*')).toContain('X-Frame-Options: DENY');
    expect(block('/embed/*')).toContain('frame-ancestors *');
    expect(block('/embed/*')).not.toContain('X-Frame-Options');
    expect(block('/data/*')).toContain('Access-Control-Allow-Origin: *');
  });

  const nginx = ['/usr/sbin/nginx', '/usr/bin/nginx'].find((p) => existsSync(p));
  it.skipIf(!nginx)(
    'the nginx includes pass `nginx -t` on a stock nginx, and serve the policies, types, caching and 404 pages',
    async () => {
      const dir = mkdtempSync(path.join(tmpdir(), 'terang-nginx-'));
      const port = 20_000 + Math.floor(Math.random() * 20_000);
      const conf = path.join(dir, 'nginx.conf');
      writeFileSync(
        conf,
        // Workers read the test's private temporary folder as the user running the test (root on CI: nginx would drop to nobody).
        `${process.getuid?.() === 0 ? 'user root;\n' : ''}error_log stderr;\npid ${dir}/nginx.pid;\nevents {}\nhttp {\n  include /etc/nginx/mime.types;\n  access_log off;\n  client_body_temp_path ${dir};\n  proxy_temp_path ${dir};\n  fastcgi_temp_path ${dir};\n  uwsgi_temp_path ${dir};\n  scgi_temp_path ${dir};\n  include ${dist}/_nginx-http.conf;\n  server {\n    listen 127.0.0.1:${port};\n    root ${dist};\n    include ${dist}/_nginx-server.conf;\n  }\n}\n`,
      );
      const t = await run(nginx!, ['-t', '-p', dir, '-c', conf]).catch((e: { stderr: string }) => e);
      expect(t.stderr).toContain('test is successful');
      const server = spawn(nginx!, ['-p', dir, '-c', conf, '-g', 'daemon off;'], { stdio: 'ignore' });
      try {
        const get = async (p: string) => {
          for (let i = 0; i < 50; i++) {
            try {
              return await fetch(`http://127.0.0.1:${port}${p}`);
            } catch {
              await new Promise((r) => setTimeout(r, 100));
            }
          }
          throw new Error('nginx did not start');
        };
        const cek = await get('/cek/');
        expect(cek.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
        expect(cek.headers.get('x-frame-options')).toBe('DENY');
        const embed = await get('/embed/pmks-tren/');
        expect(embed.headers.get('content-security-policy')).toContain('frame-ancestors *');
        expect(embed.headers.get('x-frame-options')).toBeNull();
        expect((await get('/data/pmks.csv')).headers.get('access-control-allow-origin')).toBe('*');
        expect((await get('/kecamatan/34.02.01/')).headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
        // Types with their charset (nosniff is on: a wrong type is taken at its word).
        const typeOf = async (p: string) => {
          const r = await get(p);
          expect(r.status, p).toBe(200);
          return r.headers.get('content-type');
        };
        expect(await typeOf('/')).toBe('text/html; charset=utf-8');
        expect(await typeOf('/data/pmks.csv')).toBe('text/csv; charset=utf-8');
        expect(await typeOf('/data/pmks.json')).toBe('application/json; charset=utf-8');
        expect(await typeOf('/data/catalog.jsonld')).toBe('application/ld+json; charset=utf-8');
        expect(await typeOf('/data/rilis.xml')).toBe('application/xml; charset=utf-8');
        expect(await typeOf('/data/pmks.xlsx')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
        expect(await typeOf('/favicon.svg')).toBe('image/svg+xml; charset=utf-8');
        // Hashed assets are cached for a year; pages are not.
        const asset = /\/_astro\/[^"]+\.css/.exec(readFileSync(path.join(dist, 'index.html'), 'utf8'))![0];
        const css = await get(asset);
        expect(css.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
        expect(css.headers.get('content-type')).toBe('text/css; charset=utf-8');
        expect(css.headers.get('x-content-type-options')).toBe('nosniff');
        expect((await get('/')).headers.get('cache-control')).toBeNull();
        // Unknown addresses: the site's 404 page, in the address's language, with status 404.
        const missing = await get('/tidak-ada/');
        expect(missing.status).toBe(404);
        expect(await missing.text()).toContain('Halaman tidak ditemukan');
        const missingEn = await get('/en/no-such-page/');
        expect(missingEn.status).toBe(404);
        expect(await missingEn.text()).toMatch(/<h1[^>]*>Page not found/);
        // The server's own configuration is not served.
        for (const p of ['/_headers', '/_nginx-http.conf', '/_nginx-server.conf']) expect((await get(p)).status, p).toBe(404);
      } finally {
        server.kill();
        rmSync(dir, { recursive: true, force: true });
      }
    },
  );
});
