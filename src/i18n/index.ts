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

/** `/kemiskinan/` → `/en/kemiskinan/` for English. */
export const localePath = (lang: Lang, path: string): string => (lang === 'en' ? `/en${path}` : path);

/** The same page in the other language. */
export function switchPath(path: string): string {
  return path.startsWith('/en/') ? path.slice(3) : path === '/en' ? '/' : `/en${path}`;
}
