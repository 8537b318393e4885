/**
 * HTTP security headers for static hosts, from the built pages. Astro puts
 * each page's Content-Security-Policy (with that page's script and style
 * hashes) in a <meta> tag; as HTTP headers the same policy can also forbid
 * framing (`frame-ancestors`, which a meta tag cannot carry, nor can
 * X-Frame-Options: a host that ignores these files leaves pages frameable,
 * see the README): `'none'` everywhere except /embed/ pages, which exist to
 * be framed.
 *
 * Pages of one section share one policy (the same template, the same hashes),
 * so rules are per section with wildcards — about two dozen per language,
 * however many kecamatan and programs there are; Cloudflare Pages reads only
 * the first 100 rules of `_headers`. A section whose pages disagree gets one
 * rule per page (and the build says so).
 *  - `_headers`: Netlify / Cloudflare Pages format.
 *  - `_nginx-http.conf` (maps for the http block) and `_nginx-server.conf`
 *    (the add_header lines for the server block): the same for nginx, with
 *    regular-expression keys (stock `map_hash_bucket_size` is enough).
 * Downloads (`/data/`) and embed CSVs may be read by other sites' scripts:
 * `Access-Control-Allow-Origin: *`.
 */
import type { SiteFiles } from './guard.ts';
import { XLSX_TYPE } from './xlsx.ts';

export const COMMON_HEADERS: [string, string][] = [
  ['Strict-Transport-Security', 'max-age=31536000; includeSubDomains'],
  ['X-Content-Type-Options', 'nosniff'],
  ['Referrer-Policy', 'no-referrer'],
  ['Permissions-Policy', 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()'],
  ['Cross-Origin-Opener-Policy', 'same-origin'],
];

const IMMUTABLE = 'public, max-age=31536000, immutable';

/** Media types of the files a built site holds (nginx `types`). */
const MIME_TYPES: [string, string][] = [
  ['text/html', 'html'],
  ['text/css', 'css'],
  ['text/csv', 'csv'],
  ['text/plain', 'txt'],
  ['text/javascript', 'js mjs'],
  ['application/json', 'json'],
  ['application/ld+json', 'jsonld'],
  ['application/xml', 'xml'],
  ['image/svg+xml', 'svg'],
  ['image/png', 'png'],
  ['image/x-icon', 'ico'],
  ['image/webp', 'webp'],
  ['font/woff2', 'woff2'],
  ['application/wasm', 'wasm'],
  ['application/manifest+json', 'webmanifest'],
  [XLSX_TYPE, 'xlsx'],
  ['application/octet-stream', 'bin pagefind pf_fragment pf_index pf_meta pf_filter'],
];
const TEXT = /^text\/|[/+](json|xml)$|javascript/;

/** Cloudflare Pages applies at most this many rules of `_headers`. */
export const MAX_RULES = 100;

interface Rule {
  /** `_headers` path pattern, e.g. `/kecamatan/*` or `/`. */
  pattern: string;
  /** nginx `map $uri` key: a regular expression. */
  nginx: string;
  csp: string;
  embed: boolean;
  cors: boolean;
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The policy of each page, grouped into one rule per section where the section's pages agree. */
export async function policyRules(site: SiteFiles): Promise<{ rules: Rule[]; split: string[] }> {
  const pages = (await site.listFiles()).filter((f) => f.endsWith('index.html')).sort();
  const bySection = new Map<string, { url: string; csp: string }[]>();
  for (const f of pages) {
    const html = await site.readFile(f);
    const meta = /<meta http-equiv="content-security-policy" content="([^"]+)"/.exec(html)?.[1];
    if (!meta) continue;
    const url = `/${f.slice(0, -'index.html'.length)}`;
    const csp = meta
      .replace(/&#39;/g, "'")
      .replace(/\s*;\s*/g, '; ')
      .trim()
      .replace(/;$/, '');
    // The section: `/`, `/en/`, or the first segment (after `en/`), e.g. `/en/kecamatan/`.
    const m = /^\/(en\/)?([^/]+\/)?/.exec(url)!;
    const section = m[2] ? `/${m[1] ?? ''}${m[2]}` : url;
    const list = bySection.get(section) ?? [];
    list.push({ url, csp });
    bySection.set(section, list);
  }
  const rules: Rule[] = [];
  const split: string[] = [];
  const rule = (pattern: string, nginx: string, csp: string, url: string): Rule => ({
    pattern,
    nginx,
    csp,
    embed: /^\/(en\/)?embed\//.test(url),
    cors: /^\/(en\/)?(embed|data)\//.test(url),
  });
  for (const [section, list] of [...bySection].sort(([a], [b]) => a.localeCompare(b))) {
    const csps = new Set(list.map((p) => p.csp));
    if (section === '/' || section === '/en/') {
      // The home page alone: its own exact paths (`/en/*` would cover every English page).
      rules.push(rule(section, `~^${escapeRe(section)}(index\\.html)?$`, list[0]!.csp, section));
      if (section === '/') rules.push(rule('/index.html', '~^/index\\.html$', list[0]!.csp, section));
      else rules.push(rule('/en/index.html', '~^/en/index\\.html$', list[0]!.csp, section));
    } else if (csps.size === 1) rules.push(rule(`${section}*`, `~^${escapeRe(section)}`, list[0]!.csp, section));
    else {
      split.push(section);
      for (const p of list) rules.push(rule(`${p.url}*`, `~^${escapeRe(p.url)}(index\\.html)?$`, p.csp, p.url));
    }
  }
  return { rules, split };
}

export async function buildHeaders(site: SiteFiles): Promise<{ path: string; content: string }[]> {
  const { rules } = await policyRules(site);
  const frame = (r: Rule) => (r.embed ? 'frame-ancestors *' : "frame-ancestors 'none'");
  const headers = [
    '# Security headers for Netlify / Cloudflare Pages (generated by Terang; do not edit).',
    '/*',
    ...COMMON_HEADERS.map(([k, v]) => `  ${k}: ${v}`),
    // Hashed build assets never change under their name: cached for a year, never revalidated over slow data.
    '/_astro/*',
    `  Cache-Control: ${IMMUTABLE}`,
    // Lookup shards are random bytes of one size: served as they are, so every one is the same size on the wire.
    '/cek/k/*',
    '  Content-Type: application/octet-stream',
    '  Cache-Control: public, max-age=300, no-transform',
    ...rules.flatMap((r) => [
      r.pattern,
      `  Content-Security-Policy: ${r.csp}; ${frame(r)}`,
      ...(r.embed ? [] : ['  X-Frame-Options: DENY']),
      ...(r.cors ? ['  Access-Control-Allow-Origin: *'] : []),
    ]),
    '',
  ].join('\n');
  const http = [
    '# nginx, http {} block: include /path/to/_nginx-http.conf;  (generated by Terang)',
    '# Regular-expression keys, longest section first: no map_hash_bucket_size tuning needed.',
    'map $uri $terang_csp {',
    '  default "";  # no policy on assets: the worker that runs the KDF needs WebAssembly',
    ...rules.map((r) => `  "${r.nginx}" "${r.csp}; ${frame(r)}";`),
    '}',
    'map $uri $terang_frame {',
    '  default "";',
    ...rules.filter((r) => !r.embed).map((r) => `  "${r.nginx}" "DENY";`),
    '}',
    'map $uri $terang_cors {',
    '  default "";',
    '  "~^/(en/)?(data|embed)/" "*";',
    '}',
    '',
  ].join('\n');
  const server = [
    '# nginx, server {} block serving dist/: include /path/to/_nginx-server.conf;  (generated by Terang)',
    'add_header Content-Security-Policy $terang_csp always;',
    'add_header X-Frame-Options $terang_frame always;',
    'add_header Access-Control-Allow-Origin $terang_cors always;',
    ...COMMON_HEADERS.map(([k, v]) => `add_header ${k} "${v}" always;`),
    // Types for every file the site holds, text with its charset: nginx's stock list lacks CSV and JSON-LD, and
    // with nosniff a browser takes application/octet-stream at its word. (A types block replaces the inherited one.)
    'types_hash_bucket_size 128; # room for the Excel type, longer than the stock 64',
    'types {',
    ...MIME_TYPES.map(([type, exts]) => `  ${type} ${exts};`),
    '}',
    'default_type application/octet-stream;',
    'charset utf-8;',
    `charset_types ${MIME_TYPES.filter(([type]) => type !== 'text/html' && TEXT.test(type))
      .map(([type]) => type)
      .join(' ')};`,
    "# Unknown addresses: the site's own page (English under /en/), with its status.",
    'error_page 404 /404.html;',
    'location /en/ {',
    '  error_page 404 /en/404/index.html;',
    '}',
    '# The host configuration files published beside the site are for the server, not for readers.',
    'location ~ ^/(_headers|_nginx-[a-z]+\\.conf)$ {',
    '  return 404;',
    '}',
    "# Hashed build assets: cached for a year (an add_header here replaces the server's, so they are repeated).",
    'location /_astro/ {',
    `  add_header Cache-Control "${IMMUTABLE}" always;`,
    ...COMMON_HEADERS.map(([k, v]) => `  add_header ${k} "${v}" always;`),
    '}',
    '# Lookup shards: random bytes of one size, never compressed.',
    'location /cek/k/ {',
    '  gzip off;',
    '  add_header Cache-Control "public, max-age=300, no-transform" always;',
    ...COMMON_HEADERS.map(([k, v]) => `  add_header ${k} "${v}" always;`),
    '}',
    '',
  ].join('\n');
  return [
    { path: '_headers', content: headers },
    { path: '_nginx-http.conf', content: http },
    { path: '_nginx-server.conf', content: server },
  ];
}
