import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { DataIO } from '../src/load/portal.ts';

export const ROOT = path.resolve(import.meta.dirname, '..');
export const MINI = path.join(ROOT, 'tests', 'fixtures', 'mini');

/** An in-memory copy of a fixture folder, with files replaced (string/bytes) or removed (null). */
export function fixtureIO(overrides: Record<string, string | Uint8Array | null> = {}, dir = MINI): DataIO {
  const files = new Map<string, Uint8Array>();
  const walk = (rel: string) => {
    for (const f of readdirSync(path.join(dir, rel))) {
      const r = rel ? `${rel}/${f}` : f;
      if (statSync(path.join(dir, r)).isDirectory()) walk(r);
      else files.set(r, readFileSync(path.join(dir, r)));
    }
  };
  walk('');
  for (const [k, v] of Object.entries(overrides)) {
    if (v === null) files.delete(k);
    else files.set(k, typeof v === 'string' ? new TextEncoder().encode(v) : v);
  }
  return {
    read: async (rel) => files.get(rel.replace(/^\.\//, '')) ?? null,
    list: async (rel) => {
      const prefix = rel === '.' ? '' : `${rel}/`;
      return [...new Set([...files.keys()].filter((k) => k.startsWith(prefix)).map((k) => k.slice(prefix.length).split('/')[0]!))].sort();
    },
  };
}

export const fixtureText = (rel: string): string => readFileSync(path.join(MINI, rel), 'utf8');

/** Read access to a built site folder, as the build's checks see it. */
export const folderFiles = (dir: string) => ({
  listFiles: async () =>
    (readdirSync(dir, { recursive: true, withFileTypes: true }) as import('node:fs').Dirent[])
      .filter((d) => d.isFile())
      .map((d) => path.relative(dir, path.join(d.parentPath, d.name)).split(path.sep).join('/')),
  readFile: async (rel: string) => readFileSync(path.join(dir, rel), 'utf8'),
});
