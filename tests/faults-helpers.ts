/** Shared by the fault tests (faults.test.ts, faults-machine.test.ts): real builds of the mini fixture in temporary folders. */
import { spawn } from 'node:child_process';
import {
  cpSync,
  existsSync,
  lstatSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  realpathSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, type ExpectStatic, expect, expect as globalExpect } from 'vitest';
import { verifyFolder } from '../scripts/verify.ts';
import { MINI, ROOT } from './helpers.ts';

export const NODE = process.execPath;
export const tmp = mkdtempSync(path.join(tmpdir(), 'terang-faults-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true })); // each test file importing this module cleans its own

export interface Run {
  code: number | null;
  signal: string | null;
  stdout: string;
  stderr: string;
}
export function run(script: string, env: Record<string, string>, args: string[] = []): Promise<Run> {
  return new Promise((resolve) => {
    const p = spawn(NODE, [script, ...args], { cwd: ROOT, env: { ...process.env, LANG: 'id_ID.UTF-8', ...env } });
    let stdout = '';
    let stderr = '';
    p.stdout.on('data', (d) => (stdout += d));
    p.stderr.on('data', (d) => (stderr += d));
    p.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}
export const build = (data: string, out: string, env: Record<string, string> = {}) =>
  run('scripts/build.ts', { DATA_DIR: data, OUT_DIR: out, ...env });

/** A complete site: its data package and every page's stylesheet and scripts are there. */
export async function expectComplete(out: string, expect: ExpectStatic = globalExpect) {
  expect(existsSync(path.join(out, 'index.html')), `${out}/index.html`).toBe(true);
  const v = await verifyFolder(out);
  expect(v.mismatches).toEqual([]);
  expect(v.pages).toBeGreaterThan(50);
}
/** What a build leaves beside OUT_DIR besides its lock: the folder of sites, holding only the live one. */
export function leftovers(out: string): string[] {
  const base = path.basename(out);
  const beside = readdirSync(path.dirname(out)).filter((f) => f.startsWith(`.${base}.`) && !f.endsWith('.lock') && f !== `.${base}.sites`);
  const sites = path.join(path.dirname(out), `.${base}.sites`);
  const live = lstatSync(out).isSymbolicLink() ? path.basename(readlinkSync(out)) : undefined;
  const stale = existsSync(sites) ? readdirSync(sites).filter((f) => f !== live) : [];
  return [...beside, ...stale.map((f) => `.${base}.sites/${f}`)];
}
/** Staging folders in .terang/ of builds that are gone (a build running in another test keeps its own). */
export const staleStaging = () =>
  readdirSync(path.join(ROOT, '.terang')).filter((f) => {
    if (!f.startsWith('build-')) return false;
    try {
      process.kill(Number(f.slice('build-'.length)), 0);
      return false;
    } catch {
      return true;
    }
  });
export const noStackTrace = (r: Run, expect: ExpectStatic = globalExpect) => expect(r.stderr).not.toMatch(/\n\s+at .*:\d+:\d+/);
export const withLabel = (data: string, label: string) => {
  const p = path.join(data, 'portal.json');
  writeFileSync(p, readFileSync(p, 'utf8').replace('"label": "uji-1"', `"label": "${label}"`));
};
/** Different figures under the same label: one PMKS count moved. */
export const changeFigures = (data: string) => {
  const p = path.join(data, 'pmks.csv');
  writeFileSync(
    p,
    readFileSync(p, 'utf8').replace(/,(\d+)\n$/, (_, v: string) => `,${Number(v) + 9}\n`),
  );
};

export let previous: string; // the site folder of an earlier release (uji-0), published before each fault
let previousData: string;
/** Build the earlier release once per test file (call in beforeAll). */
export async function buildPrevious(): Promise<void> {
  previousData = path.join(tmp, 'previous-data');
  cpSync(MINI, previousData, { recursive: true });
  withLabel(previousData, 'uji-0');
  const out = path.join(tmp, 'previous');
  const r = await build(previousData, out);
  expect(r.code, r.stderr).toBe(0);
  previous = realpathSync(out);
}

/**
 * A data folder whose release uji-1 is new (uji-0 archived), and OUT_DIR serving uji-0: as a link into
 * `.dist.sites/` like every build since the symlink switch, or as the plain folder of older builds.
 */
export function scenario(name: string, o: { plainFolder?: boolean } = {}) {
  const dir = path.join(tmp, name);
  const data = path.join(dir, 'data');
  const out = path.join(dir, 'dist');
  cpSync(MINI, data, { recursive: true });
  cpSync(path.join(previousData, 'rilis'), path.join(data, 'rilis'), { recursive: true });
  if (o.plainFolder) cpSync(previous, out, { recursive: true });
  else {
    cpSync(previous, path.join(dir, '.dist.sites', 'awal-1'), { recursive: true });
    symlinkSync('.dist.sites/awal-1', out);
  }
  return { dir, data, out };
}
export const publishedIn = (out: string, label: string) => existsSync(path.join(out, 'data', 'rilis', label, 'datapackage.json'));
export const archivedIn = (data: string, label: string) => existsSync(path.join(data, 'rilis', label));

/**
 * One kill point of a build (TERANG_FAILPOINT): right after the kill OUT_DIR is a complete site, a published release
 * is archived, and the next build with changed figures under the same label is refused — or, never published, free.
 */
export async function killPoint(point: string, expect: ExpectStatic): Promise<void> {
  const { data, out } = scenario(point);
  const killed = await build(data, out, { TERANG_FAILPOINT: point });
  expect(killed.signal).toBe('SIGKILL');
  // Right after the kill, with no command run since: a complete site, the old one or the new one.
  await expectComplete(out, expect);
  const published = publishedIn(out, 'uji-1');
  const archived = archivedIn(data, 'uji-1');
  expect(published && !archived, 'published but not archived').toBe(false);
  expect(published).toBe(point === 'after-swap');
  expect(archived).toBe(['after-archive', 'before-swap', 'after-swap'].includes(point));

  // The next build brings different figures under the same label.
  changeFigures(data);
  const next = await build(data, out);
  if (published || archived) {
    expect(next.code, next.stderr).toBe(1);
    expect(next.stderr).toMatch(/rilis yang sudah terbit berubah/);
    noStackTrace(next, expect);
    expect(publishedIn(out, 'uji-1')).toBe(published); // nothing changed
  } else {
    // Never published: the label is still free.
    expect(next.code, next.stderr).toBe(0);
    expect(archivedIn(data, 'uji-1')).toBe(true);
  }
  await expectComplete(out, expect);
  expect(leftovers(out)).toEqual([]);
  expect(readdirSync(path.join(data, 'rilis')).sort()).toEqual(['uji-0', 'uji-1']); // archived once, complete, no .tmp left
  expect(staleStaging()).toEqual([]);
}
