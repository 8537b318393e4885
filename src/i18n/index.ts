/**
 * Languages: Bahasa Indonesia at `/`, English mirrored under `/en/`. Every
 * interface string lives in src/i18n/<lang>.ts; pages call `texts(lang)`.
 */
import { en } from './en.ts';
import { id, type Dict } from './id.ts';
import type { Lang } from '../shared/lang.ts';

export const LANGS: readonly Lang[] = ['id', 'en'];
export const DICTS: Record<Lang, Dict> = { id: id as unknown as Dict, en };
export const texts = (lang: Lang): Dict => DICTS[lang];

/** getStaticPaths for `[...lang]` routes: `/` (id) and `/en/`. */
export const langPaths = () => LANGS.map((l) => ({ params: { lang: l === 'id' ? undefined : l } }));
export const langOf = (param: string | undefined): Lang => (param === 'en' ? 'en' : 'id');

/**
 * The site's base path: `/`, or e.g. `/terang/` for a GitHub Pages project
 * site. Set for a build from portal.json (build/prepare.ts, TERANG_BASE);
 * page code works with site paths (`/data/`) and links through `withBase`.
 */
export const basePath = (): string => (typeof process !== 'undefined' && process.env.TERANG_BASE) || '/';
/** A site path (`/data/pmks.csv`) as the URL path it is served at (`/terang/data/pmks.csv`). */
export const withBase = (p: string): string => `${basePath().replace(/\/$/, '')}${p}`;
/** A served URL path back to its site path. */
export function stripBase(p: string): string {
  const b = basePath().replace(/\/$/, '');
  return b && (p === b || p.startsWith(`${b}/`)) ? p.slice(b.length) || '/' : p;
}

/** `/kemiskinan/` → `/en/kemiskinan/` for English, under the site's base path. */
export const localePath = (lang: Lang, path: string): string => withBase(lang === 'en' ? `/en${path}` : path);

/** The same page in the other language. */
export function switchPath(path: string): string {
  return path.startsWith('/en/') ? path.slice(3) : path === '/en' ? '/' : `/en${path}`;
}
