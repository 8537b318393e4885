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
  it('/data/ carries a schema.org Dataset for every download, with its distributions', () => {
    const doc = parseDocument(read('data/index.html'));
    const script = DomUtils.findOne((e) => e.name === 'script' && e.attribs.type === 'application/ld+json', doc.children)!;
    const datasets = JSON.parse(DomUtils.textContent(script)) as {
      '@type': string;
      name: string;
      license: string;
      distribution: { contentUrl: string }[];
    }[];
    expect(datasets.length).toBeGreaterThanOrEqual(9);
    for (const d of datasets) {
      expect(d['@type']).toBe('Dataset');
      expect(d.license).toMatch(/^https:\/\/creativecommons\.org\//);
      for (const x of d.distribution) expect(files).toContain(x.contentUrl.replace(`${BASE}/`, ''));
    }
  });

  it('the DCAT catalogue and the CKAN data.json point at every published file, with its size and hash', () => {
    const pkg = JSON.parse(read('data/datapackage.json')) as { resources: { path: string; bytes: number; hash: string }[] };
    const catalog = JSON.parse(read('data/catalog.jsonld'));
    expect(catalog['@type']).toBe('dcat:Catalog');
    const dists = catalog['dcat:dataset'].flatMap((d: { 'dcat:distribution': unknown[] }) => d['dcat:distribution']) as {
      'dcat:downloadURL': { '@id': string };
      'dcat:byteSize': { '@value': string };
      'spdx:checksum': { 'spdx:checksumValue': string };
    }[];
    for (const x of dists) {
      const rel = x['dcat:downloadURL']['@id'].replace(`${BASE}/data/`, '');
      const res = pkg.resources.find((r) => r.path === rel)!;
      expect(Number(x['dcat:byteSize']['@value'])).toBe(res.bytes);
      expect(`sha256:${x['spdx:checksum']['spdx:checksumValue']}`).toBe(res.hash);
      expect(readFileSync(path.join(dist, 'data', rel)).length).toBe(res.bytes);
    }
    const pod = JSON.parse(read('data/data.json'));
    expect(pod.conformsTo).toBe('https://project-open-data.cio.gov/v1.1/schema');
    expect(pod.dataset).toHaveLength(catalog['dcat:dataset'].length);
    for (const d of pod.dataset)
      for (const f of ['title', 'description', 'keyword', 'modified', 'publisher', 'contactPoint', 'identifier', 'accessLevel'])
        expect(d[f], f).toBeTruthy();
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
  it.skipIf(!nginx)('the nginx includes pass `nginx -t` on a stock nginx, and serve the policies', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'terang-nginx-'));
    const port = 20_000 + Math.floor(Math.random() * 20_000);
    const conf = path.join(dir, 'nginx.conf');
    writeFileSync(
      conf,
      `error_log stderr;\npid ${dir}/nginx.pid;\nevents {}\nhttp {\n  access_log off;\n  client_body_temp_path ${dir};\n  proxy_temp_path ${dir};\n  fastcgi_temp_path ${dir};\n  uwsgi_temp_path ${dir};\n  scgi_temp_path ${dir};\n  include ${dist}/_nginx-http.conf;\n  server {\n    listen 127.0.0.1:${port};\n    root ${dist};\n    include ${dist}/_nginx-server.conf;\n  }\n}\n`,
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
    } finally {
      server.kill();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
