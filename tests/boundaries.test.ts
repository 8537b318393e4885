/**
 * The house's walls (structure issue): which folder may import which, so
 * that browser code never pulls in build code, and the pipeline runs one way
 * — load → protect → model → publish → build. Each folder's README states
 * the same rule in words. Imports are read by TypeScript's own scanner.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers.ts';

const SRC = path.join(ROOT, 'src');
const PIPELINE = ['load', 'domain', 'shared'];
/** Folder (first path segment under src/) → folders it may import from (itself always allowed). */
const ALLOWED: Record<string, string[]> = {
  shared: [],
  client: ['shared'],
  domain: ['shared'],
  i18n: ['shared'],
  load: ['domain', 'shared'],
  lookup: PIPELINE,
  protect: PIPELINE,
  model: ['protect', 'i18n', ...PIPELINE],
  publish: ['model', 'protect', 'i18n', ...PIPELINE],
  build: ['publish', 'model', 'protect', 'lookup', 'i18n', ...PIPELINE],
  // Pages render what the build prepared; islands and page scripts come from client/.
  pages: ['components', 'layouts', 'build', 'publish', 'model', 'protect', 'i18n', 'client', 'styles', ...PIPELINE],
  components: ['layouts', 'build', 'publish', 'model', 'protect', 'i18n', 'client', 'styles', ...PIPELINE],
  layouts: ['build', 'model', 'i18n', 'client', 'styles', ...PIPELINE],
};

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = path.join(dir, f);
    return statSync(p).isDirectory() ? files(p) : /\.(ts|tsx|astro)$/.test(f) ? [p] : [];
  });
}
const folderOf = (file: string) => path.relative(SRC, file).split(path.sep)[0]!;
const importsOf = (file: string, text = readFileSync(file, 'utf8')) => {
  const scanned = ts.preProcessFile(text, true, true).importedFiles.map((x) => x.fileName);
  const scripts = [...text.matchAll(/<script[^>]*\ssrc="([^"]+)"/g)].map((m) => m[1]!);
  return [...scanned, ...scripts].filter((s) => s.startsWith('.'));
};

/** Imports of one module that its folder's rule forbids. */
function violations(file: string, text?: string): string[] {
  const from = folderOf(file);
  return importsOf(file, text).flatMap((spec) => {
    const target = path.resolve(path.dirname(file), spec);
    if (!target.startsWith(SRC + path.sep)) return [`${path.relative(ROOT, file)} → ${spec} (outside src/)`];
    const to = folderOf(target);
    return to === from || ALLOWED[from]!.includes(to) ? [] : [`src/${from}: ${path.relative(ROOT, file)} → ${path.relative(ROOT, target)}`];
  });
}

describe('import boundaries', () => {
  const all = files(SRC);
  it('every folder under src/ has a rule and a README saying what it may import', () => {
    for (const folder of new Set(all.map(folderOf))) {
      expect(ALLOWED[folder], `src/${folder}/ has no rule here`).toBeDefined();
      if (!['pages', 'components', 'layouts'].includes(folder))
        expect(readFileSync(path.join(SRC, folder, 'README.md'), 'utf8'), `src/${folder}/README.md`).toMatch(/import/i);
    }
  });
  it('no module imports a folder its rule does not allow (browser code takes only shared/)', () => {
    expect(all.flatMap((file) => violations(file))).toEqual([]);
  });
  it('no folder holds more than 15 modules', () => {
    const dirs = new Map<string, number>();
    for (const f of all) dirs.set(path.dirname(f), (dirs.get(path.dirname(f)) ?? 0) + 1);
    for (const [dir, n] of dirs) expect(n, path.relative(ROOT, dir)).toBeLessThanOrEqual(15);
  });
  it('the rule is not toothless: it catches a browser module importing build code, and a stage importing a later one', () => {
    expect(violations(path.join(SRC, 'client', 'x.ts'), "import { loadPortal } from '../load/portal.ts';")).toHaveLength(1);
    expect(violations(path.join(SRC, 'load', 'x.ts'), "import type { SiteFigures } from '../model/model.ts';")).toHaveLength(1);
    expect(violations(path.join(SRC, 'client', 'x.ts'), "import { formatNumber } from '../shared/format.ts';")).toEqual([]);
  });
});

describe('published figures', () => {
  // Where figures become pages, charts and downloads, an absent figure must never become a number.
  const OUTPUT = ['model', 'publish', 'build', 'components', 'pages', 'layouts'];
  it('no `?? 0` or `|| 0` turns an absent figure into a zero', () => {
    const hits: string[] = [];
    for (const file of files(SRC).filter((f) => OUTPUT.includes(folderOf(f)))) {
      readFileSync(file, 'utf8')
        .split('\n')
        .forEach((line, i) => {
          if (/(\?\?|\|\|)\s*0(?![.\d])/.test(line)) hits.push(`${path.relative(ROOT, file)}:${i + 1}: ${line.trim()}`);
        });
    }
    expect(hits).toEqual([]);
  });
});
