import { execFile } from 'node:child_process';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
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

/** `npm run hash` as a user runs it, in Indonesian; resolves with its exit code and everything it printed. */
export function runHash(...args: string[]): Promise<{ code: number; out: string }> {
  return new Promise((resolve) =>
    execFile(
      process.execPath,
      ['scripts/hash.ts', ...args],
      { cwd: ROOT, env: { ...process.env, LANG: 'id_ID.UTF-8' } },
      (e, stdout, stderr) => resolve({ code: e ? ((e as { code?: number }).code ?? 1) : 0, out: stdout + stderr }),
    ),
  );
}

/** The first people of a province sample's kabupaten/kota synthetic raw list, as `private/kecil.csv` (a small list seals in seconds). */
export function smallList(provinceDir: string, folder: string, lines = 13): string {
  const raw = readFileSync(path.join(provinceDir, folder, 'private', 'penerima-sintetis.csv'), 'utf8').split('\r\n');
  const file = path.join(provinceDir, folder, 'private', 'kecil.csv');
  writeFileSync(file, `${raw.slice(0, lines).join('\r\n')}\r\n`);
  return file;
}
