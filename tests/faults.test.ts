/**
 * The site and the lookup are never lost. Real builds of the mini fixture,
 * killed with SIGKILL at every stage boundary (TERANG_FAILPOINT, see
 * src/build/output.ts), run twice at once, on another file system, on a
 * full disk and with a read-only data folder. After every fault OUT_DIR is a
 * complete site (checked by `npm run verify`: data package and every page's
 * assets), or the next command restores it by itself and says so.
 */
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyFolder } from '../scripts/verify.ts';
import { MINI, ROOT } from './helpers.ts';

const NODE = process.execPath;
const tmp = mkdtempSync(path.join(tmpdir(), 'terang-faults-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

interface Run {
  code: number | null;
  signal: string | null;
  stdout: string;
  stderr: string;
}
function run(script: string, env: Record<string, string>, args: string[] = []): Promise<Run> {
  return new Promise((resolve) => {
    const p = spawn(NODE, [script, ...args], { cwd: ROOT, env: { ...process.env, LANG: 'id_ID.UTF-8', ...env } });
    let stdout = '';
    let stderr = '';
    p.stdout.on('data', (d) => (stdout += d));
    p.stderr.on('data', (d) => (stderr += d));
    p.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}
const build = (data: string, out: string, env: Record<string, string> = {}) =>
  run('scripts/build.ts', { DATA_DIR: data, OUT_DIR: out, ...env });

/** A complete site: its data package and every page's stylesheet and scripts are there. */
async function expectComplete(out: string) {
  expect(existsSync(path.join(out, 'index.html')), `${out}/index.html`).toBe(true);
  const v = await verifyFolder(out);
  expect(v.mismatches).toEqual([]);
  expect(v.pages).toBeGreaterThan(50);
}
const leftovers = (out: string) =>
  readdirSync(path.dirname(out)).filter((f) => f.startsWith(`.${path.basename(out)}.`) && !f.endsWith('.lock'));
const noStackTrace = (r: Run) => expect(r.stderr).not.toMatch(/\n\s+at .*:\d+:\d+/);

let previous: string; // a complete earlier site, copied into place before each fault
beforeAll(async () => {
  previous = path.join(tmp, 'previous');
  const data = path.join(tmp, 'previous-data');
  cpSync(MINI, data, { recursive: true });
  const r = await build(data, previous);
  expect(r.code, r.stderr).toBe(0);
});

/** A fresh data folder (release not yet archived) and OUT_DIR holding the previous site. */
function scenario(name: string) {
  const dir = path.join(tmp, name);
  const data = path.join(dir, 'data');
  const out = path.join(dir, 'dist');
  cpSync(MINI, data, { recursive: true });
  cpSync(previous, out, { recursive: true });
  return { dir, data, out };
}

describe('a build killed at each stage boundary', () => {
  it.each(['after-render', 'after-index', 'before-swap', 'between-renames', 'after-swap', 'during-archive'])(
    '%s: the next build leaves a complete site and cleans up',
    async (point) => {
      const { data, out } = scenario(point);
      const killed = await build(data, out, { TERANG_FAILPOINT: point });
      expect(killed.signal).toBe('SIGKILL');
      // Right after the kill: a complete site (old or new), or none with the swap journal that restores it.
      if (existsSync(out)) await expectComplete(out);
      else expect(existsSync(path.join(path.dirname(out), `.${path.basename(out)}.swap`))).toBe(true);
      // The release is archived only after the swap: a kill before it leaves no archive, a kill during it only a hidden folder.
      expect(readdirSync(path.join(data, 'rilis')).filter((f) => !f.startsWith('.'))).toEqual([]);

      const next = await build(data, out);
      expect(next.code, next.stderr).toBe(0);
      if (point === 'between-renames') expect(next.stderr).toContain('Dipulihkan');
      await expectComplete(out);
      expect(leftovers(out)).toEqual([]);
      expect(readdirSync(path.join(data, 'rilis'))).toEqual(['uji-1']); // archived once, complete, no .tmp left
      expect(readdirSync(path.join(ROOT, '.terang')).filter((f) => f.startsWith('build-'))).toEqual([]);
    },
  );

  it("between the swap's renames, `npm run serve` restores the site too and says so", async () => {
    const { data, out } = scenario('serve-restores');
    const killed = await build(data, out, { TERANG_FAILPOINT: 'between-renames' });
    expect(killed.signal).toBe('SIGKILL');
    expect(existsSync(out)).toBe(false);
    const serve = spawn(NODE, ['scripts/serve.ts'], { cwd: ROOT, env: { ...process.env, OUT_DIR: out, PORT: '0', LANG: 'id_ID.UTF-8' } });
    let err = '';
    serve.stderr.on('data', (d) => (err += d));
    await new Promise<void>((resolve) => serve.stdout.once('data', () => resolve()));
    serve.kill();
    expect(err).toContain('Dipulihkan');
    await expectComplete(out);
  });
});

describe('builds at the same time', () => {
  it('two builds into one OUT_DIR: the second waits, both succeed, the site is complete', async () => {
    const { data, out } = scenario('same-out');
    const [a, b] = await Promise.all([build(data, out), build(data, out)]);
    expect([a.code, b.code], a.stderr + b.stderr).toEqual([0, 0]);
    expect(a.stderr + b.stderr).toContain('Menunggu build lain');
    await expectComplete(out);
    expect(leftovers(out)).toEqual([]);
  });
  it('two builds from one checkout into different OUT_DIRs do not corrupt each other', async () => {
    const one = scenario('out-one');
    const two = scenario('out-two');
    const [a, b] = await Promise.all([build(one.data, one.out), build(two.data, two.out)]);
    expect([a.code, b.code], a.stderr + b.stderr).toEqual([0, 0]);
    await expectComplete(one.out);
    await expectComplete(two.out);
  });
});

describe('OUT_DIR anywhere', () => {
  const shm = existsSync('/dev/shm') ? mkdtempSync('/dev/shm/terang-') : undefined;
  afterAll(() => {
    if (shm) rmSync(shm, { recursive: true, force: true });
  });
  it.skipIf(!shm)('on another file system (tmpfs) works, and replaces an earlier site there', async () => {
    const { data } = scenario('tmpfs');
    const out = path.join(shm!, 'dist');
    const first = await build(data, out);
    expect(first.code, first.stderr).toBe(0);
    await expectComplete(out);
    const second = await build(data, out);
    expect(second.code, second.stderr).toBe(0);
    await expectComplete(out);
    expect(leftovers(out)).toEqual([]);
  });
});

/** Mounting needs privileges a CI machine like this one has; elsewhere these cases are skipped. */
const canMount = (() => {
  try {
    const m = mkdtempSync(path.join(tmpdir(), 'terang-mount-probe-'));
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', m], { stdio: 'ignore' });
    execFileSync('umount', [m], { stdio: 'ignore' });
    rmSync(m, { recursive: true });
    return true;
  } catch {
    return false;
  }
})();

describe.skipIf(!canMount)("an operator's machine in trouble", () => {
  const mounts: string[] = [];
  afterAll(() => {
    for (const m of mounts) {
      try {
        execFileSync('umount', [m]);
      } catch {
        /* gone */
      }
    }
  });
  const mountTmpfs = (dir: string, size: string) => {
    mkdirSync(dir, { recursive: true });
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir]);
    mounts.push(dir);
  };

  it('a full disk: one sentence, no stack trace, the published site untouched', async () => {
    const { data } = scenario('full-disk');
    const disk = path.join(tmp, 'full-disk', 'disk');
    mountTmpfs(disk, '6m');
    const out = path.join(disk, 'dist');
    cpSync(previous, out, { recursive: true });
    writeFileSync(path.join(disk, 'filler'), Buffer.alloc(1_500_000)); // room for the old site, not for a second copy
    const r = await build(data, out);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('Disk penuh');
    noStackTrace(r);
    await expectComplete(out);
    expect(leftovers(out)).toEqual([]);
  });

  it('a read-only data folder: stops before publishing, with one sentence', async () => {
    const dir = path.join(tmp, 'read-only');
    const data = path.join(dir, 'data');
    mountTmpfs(data, '8m');
    cpSync(MINI, data, { recursive: true });
    execFileSync('mount', ['-o', 'remount,ro', data]);
    const out = path.join(dir, 'dist');
    const r = await build(data, out);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/tidak bisa ditulis, padahal rilis uji-1 baru/);
    noStackTrace(r);
    expect(existsSync(out)).toBe(false);
  });
});

describe('commands that must refuse', () => {
  it('`npm run sample -- --out <a folder it did not make>` changes nothing', async () => {
    const project = path.join(tmp, 'project');
    mkdirSync(path.join(project, '.git'), { recursive: true });
    writeFileSync(path.join(project, 'package.json'), '{}');
    const r = await run('scripts/sample.ts', {}, ['--out', project]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('bukan buatan npm run sample; tidak ada yang diubah');
    expect(readdirSync(project).sort()).toEqual(['.git', 'package.json']);
  });
  it('`npm run serve` on a busy port says so in one sentence', async () => {
    const first = spawn(NODE, ['scripts/serve.ts'], { cwd: ROOT, env: { ...process.env, OUT_DIR: previous, PORT: '47391' } });
    await new Promise<void>((resolve) => first.stdout.once('data', () => resolve()));
    const r = await run('scripts/serve.ts', { OUT_DIR: previous, PORT: '47391' });
    first.kill();
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('Port 47391 sudah dipakai program lain');
    noStackTrace(r);
  });
});
