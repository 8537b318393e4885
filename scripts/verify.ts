/**
 * `npm run verify -- <folder>`: check a built or downloaded site folder
 * against itself:
 *  - every file its datapackage.json lists (current release and every
 *    archived one under data/rilis/) exists with the listed size and sha256;
 *  - every page's stylesheets, scripts, icons and the lookup's worker exist,
 *    so a site published without its assets (e.g. by two builds at once) is
 *    caught before readers see unstyled pages.
 * Exit code 1 on any mismatch.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { cliLang } from '../src/load/problems.ts';
import { runCli } from './cli.ts';

export interface Mismatch {
  file: string;
  problem: string;
}

/** Local assets a page refers to: `<link href>`, `<script src>`, `<img src>`, and module imports Astro writes inline. */
function assetsOf(html: string): string[] {
  const urls = [...html.matchAll(/<(?:link|script|img)\b[^>]*?\s(?:href|src)="([^"]+)"/g)].map((m) => m[1]!);
  urls.push(...[...html.matchAll(/(?:component-url|renderer-url)="([^"]+)"/g)].map((m) => m[1]!));
  return urls
    .filter((u) => u.startsWith('/') && !u.startsWith('//') && /\.(css|js|mjs|svg|png|ico|webmanifest)(\?|$)/.test(u))
    .map((u) => u.split(/[?#]/)[0]!);
}

export async function verifyFolder(root: string): Promise<{ checked: number; packages: number; pages: number; mismatches: Mismatch[] }> {
  const candidates = [path.join(root, 'data', 'datapackage.json'), path.join(root, 'datapackage.json')];
  const rilis = path.join(root, 'data', 'rilis');
  if (existsSync(rilis)) for (const r of await readdir(rilis)) candidates.push(path.join(rilis, r, 'datapackage.json'));
  const mismatches: Mismatch[] = [];
  let checked = 0;
  let packages = 0;
  for (const pkgPath of candidates.filter((p) => existsSync(p))) {
    packages++;
    const pkg = JSON.parse(await readFile(pkgPath, 'utf8')) as { resources: { path: string; bytes: number; hash: string }[] };
    for (const r of pkg.resources) {
      const file = path.join(path.dirname(pkgPath), r.path);
      const rel = path.relative(root, file);
      checked++;
      if (!existsSync(file)) {
        mismatches.push({ file: rel, problem: 'missing' });
        continue;
      }
      const bytes = await readFile(file);
      if (bytes.length !== r.bytes) mismatches.push({ file: rel, problem: `bytes ${bytes.length} ≠ ${r.bytes}` });
      const hash = `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
      if (hash !== r.hash) mismatches.push({ file: rel, problem: `hash ${hash.slice(0, 19)}… ≠ ${r.hash.slice(0, 19)}…` });
    }
  }
  const pages = (await readdir(root, { recursive: true })).map(String).filter((f) => f.endsWith('.html'));
  for (const page of pages) {
    for (const url of new Set(assetsOf(await readFile(path.join(root, page), 'utf8')))) {
      checked++;
      if (!existsSync(path.join(root, decodeURIComponent(url))))
        mismatches.push({ file: page.split(path.sep).join('/'), problem: `${url} missing` });
    }
  }
  return { checked, packages, pages: pages.length, mismatches };
}

if (import.meta.main) {
  await runCli(async () => {
    const en = cliLang() === 'en';
    const dir = path.resolve(process.argv[2] ?? 'dist');
    const { checked, packages, pages, mismatches } = await verifyFolder(dir);
    if (packages === 0 && pages === 0) {
      console.error(
        en ? `ERROR ${dir}: no datapackage.json and no pages found` : `GALAT ${dir}: tidak ada datapackage.json maupun halaman`,
      );
      return 1;
    }
    for (const m of mismatches) console.error(`${en ? 'MISMATCH' : 'TIDAK COCOK'} ${m.file}: ${m.problem}`);
    console.log(
      en
        ? `${checked} files in ${packages} data package(s) and ${pages} pages checked: ${mismatches.length} mismatch(es).`
        : `${checked} berkas dalam ${packages} paket data dan ${pages} halaman diperiksa: ${mismatches.length} tidak cocok.`,
    );
    return mismatches.length ? 1 : 0;
  });
}
