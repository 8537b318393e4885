/**
 * The site is never lost on a machine in trouble, and commands that must
 * refuse do: two builds at once, another file system, a full disk, a mount
 * point, a read-only data folder, a busy port (split from faults.test.ts so
 * the two run side by side).
 */
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MINI, ROOT } from './helpers.ts';

import {
  build,
  buildPrevious,
  expectComplete,
  leftovers,
  NODE,
  noStackTrace,
  previous,
  publishedIn,
  run,
  scenario,
  tmp,
} from './faults-helpers.ts';

beforeAll(buildPrevious);

describe('builds at the same time', () => {
  it('two builds into one OUT_DIR: the second waits, both succeed, and a reader polling all along never finds the site missing', async () => {
    const { data, out } = scenario('same-out');
    // Another process reads a page and a download as fast as it can, as a web server would, through both switches.
    const poller = spawn(NODE, [
      '-e',
      `const fs = require('fs'); let ok = 0, missing = 0;
       const stop = Date.now() + 300000;
       while (!fs.existsSync(process.argv[1] + '.stop') && Date.now() < stop) {
         try { fs.readFileSync(process.argv[1] + '/index.html'); fs.readFileSync(process.argv[1] + '/data/datapackage.json'); ok++; } catch { missing++; }
       }
       console.log(JSON.stringify({ ok, missing }));`,
      out,
    ]);
    let said = '';
    poller.stdout.on('data', (d) => (said += d));
    const [a, b] = await Promise.all([build(data, out), build(data, out)]);
    writeFileSync(`${out}.stop`, '');
    await new Promise((resolve) => poller.on('close', resolve));
    expect([a.code, b.code], a.stderr + b.stderr).toEqual([0, 0]);
    expect(a.stderr + b.stderr).toContain('Menunggu build lain');
    const { ok, missing } = JSON.parse(said);
    expect(ok).toBeGreaterThan(1000);
    expect(missing).toBe(0);
    await expectComplete(out);
    expect(publishedIn(out, 'uji-1')).toBe(true);
    rmSync(`${out}.stop`);
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
    // The sentence names the disk that is full (where OUT_DIR lives), not the project's staging folder.
    expect(r.stderr).toContain(`Disk penuh di ${disk}`);
    noStackTrace(r);
    await expectComplete(out);
    expect(leftovers(out)).toEqual([]);
  });

  it('OUT_DIR that is itself a mount point (a Docker volume): one sentence naming a folder inside it, nothing left behind', async () => {
    const { data } = scenario('mount-point');
    const out = path.join(tmp, 'mount-point', 'volume');
    mountTmpfs(out, '64m');
    cpSync(previous, out, { recursive: true });
    const before = readdirSync(out, { recursive: true }).length;
    const r = await build(data, out);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`titik kait (mount point)`);
    expect(r.stderr).toContain(`OUT_DIR=${path.join(out, 'situs')}`);
    noStackTrace(r);
    expect(readdirSync(out, { recursive: true }).length).toBe(before);
    expect(readdirSync(path.dirname(out)).filter((f) => f.startsWith('.volume.') && !f.endsWith('.lock'))).toEqual([]);
    // The folder it names works.
    const inside = await build(data, path.join(out, 'situs'));
    expect(inside.code, inside.stderr).toBe(0);
    await expectComplete(path.join(out, 'situs'));
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
  it('`npm run sample` into a sample folder someone worked in (an archived release, an edited CSV) changes nothing', async () => {
    const data = path.join(tmp, 'worked-in');
    cpSync(path.join(ROOT, 'data'), data, { recursive: true, filter: (f) => !f.includes(`${path.sep}private`) });
    cpSync(path.join(data, 'rilis', '2026-1'), path.join(data, 'rilis', '2026-2'), { recursive: true }); // what a build archived
    writeFileSync(path.join(data, 'kemiskinan.csv'), `${readFileSync(path.join(data, 'kemiskinan.csv'), 'utf8')}\r\n`);
    const before = readdirSync(data, { recursive: true }).length;
    const r = await run('scripts/sample.ts', {}, ['--out', data]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('memuat berkas yang tidak dibuat npm run sample, atau sudah diubah: kemiskinan.csv (diubah), rilis/2026-2/');
    noStackTrace(r);
    expect(readdirSync(data, { recursive: true }).length).toBe(before);
    expect(existsSync(path.join(data, 'rilis', '2026-2', 'pmks.csv'))).toBe(true);
  });
  it('`npm run sample -- --out <a file>`: one sentence, nothing left behind', async () => {
    const file = path.join(tmp, 'a-file.csv');
    writeFileSync(file, 'x');
    const r = await run('scripts/sample.ts', {}, ['--out', file]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('adalah berkas, bukan folder');
    noStackTrace(r);
    expect(readdirSync(tmp).filter((f) => f.startsWith('a-file.csv'))).toEqual(['a-file.csv']);
  });
  it('`npm run build` with a data folder that is not there names the folder, not a missing portal.json', async () => {
    const r = await build(path.join(tmp, 'tidak-ada'), path.join(tmp, 'tidak-ada-dist'));
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`folder data ${path.join(tmp, 'tidak-ada')} tidak ada`);
    expect(r.stderr).not.toContain('portal.json: berkas tidak ada');
    noStackTrace(r);
    expect(existsSync(path.join(tmp, 'tidak-ada-dist'))).toBe(false);
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
