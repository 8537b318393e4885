/**
 * The site and the lookup are never lost, and a published release never
 * changes. Real builds of the mini fixture, killed with SIGKILL at every
 * point from rendering to publishing (TERANG_FAILPOINT, see
 * src/build/output.ts), run twice at once, on another file system, on a
 * full disk, into a mount point and with a read-only data folder. After every
 * fault OUT_DIR is a complete site at once (checked by `npm run verify`: data
 * package and every page's assets); only the one-time move of a plain
 * folder needs the next command to restore it, which it does and says so.
 */
import { execFileSync, spawn } from 'node:child_process';
import {
  cpSync,
  existsSync,
  lstatSync,
  mkdirSync,
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
/** What a build leaves beside OUT_DIR besides its lock: the folder of sites, holding only the live one. */
function leftovers(out: string): string[] {
  const base = path.basename(out);
  const beside = readdirSync(path.dirname(out)).filter((f) => f.startsWith(`.${base}.`) && !f.endsWith('.lock') && f !== `.${base}.sites`);
  const sites = path.join(path.dirname(out), `.${base}.sites`);
  const live = lstatSync(out).isSymbolicLink() ? path.basename(readlinkSync(out)) : undefined;
  const stale = existsSync(sites) ? readdirSync(sites).filter((f) => f !== live) : [];
  return [...beside, ...stale.map((f) => `.${base}.sites/${f}`)];
}
const noStackTrace = (r: Run) => expect(r.stderr).not.toMatch(/\n\s+at .*:\d+:\d+/);
const withLabel = (data: string, label: string) => {
  const p = path.join(data, 'portal.json');
  writeFileSync(p, readFileSync(p, 'utf8').replace('"label": "uji-1"', `"label": "${label}"`));
};
/** Different figures under the same label: one PMKS count moved. */
const changeFigures = (data: string) => {
  const p = path.join(data, 'pmks.csv');
  writeFileSync(
    p,
    readFileSync(p, 'utf8').replace(/,(\d+)\n$/, (_, v: string) => `,${Number(v) + 9}\n`),
  );
};

let previous: string; // the site folder of an earlier release (uji-0), published before each fault
let previousData: string;
beforeAll(async () => {
  previousData = path.join(tmp, 'previous-data');
  cpSync(MINI, previousData, { recursive: true });
  withLabel(previousData, 'uji-0');
  const out = path.join(tmp, 'previous');
  const r = await build(previousData, out);
  expect(r.code, r.stderr).toBe(0);
  previous = realpathSync(out);
});

/**
 * A data folder whose release uji-1 is new (uji-0 archived), and OUT_DIR serving uji-0: as a link into
 * `.dist.sites/` like every build since the symlink switch, or as the plain folder of older builds.
 */
function scenario(name: string, o: { plainFolder?: boolean } = {}) {
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
const publishedIn = (out: string, label: string) => existsSync(path.join(out, 'data', 'rilis', label, 'datapackage.json'));
const archivedIn = (data: string, label: string) => existsSync(path.join(data, 'rilis', label));

describe('a build killed at each point from rendering to publishing', () => {
  it.each(['after-render', 'after-index', 'during-archive', 'after-archive', 'before-swap', 'after-swap'])(
    '%s: OUT_DIR is a complete site at once; a published release is archived; changed figures under its label are refused',
    async (point) => {
      const { data, out } = scenario(point);
      const killed = await build(data, out, { TERANG_FAILPOINT: point });
      expect(killed.signal).toBe('SIGKILL');
      // Right after the kill, with no command run since: a complete site, the old one or the new one.
      await expectComplete(out);
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
        noStackTrace(next);
        expect(publishedIn(out, 'uji-1')).toBe(published); // nothing changed
      } else {
        // Never published: the label is still free.
        expect(next.code, next.stderr).toBe(0);
        expect(archivedIn(data, 'uji-1')).toBe(true);
      }
      await expectComplete(out);
      expect(leftovers(out)).toEqual([]);
      expect(readdirSync(path.join(data, 'rilis')).sort()).toEqual(['uji-0', 'uji-1']); // archived once, complete, no .tmp left
      expect(readdirSync(path.join(ROOT, '.terang')).filter((f) => f.startsWith('build-'))).toEqual([]);
    },
  );

  it('an archive deleted after publishing (or never committed): restored from the site, and changed figures refused', async () => {
    const { data, out } = scenario('deleted-archive');
    expect((await build(data, out)).code).toBe(0);
    rmSync(path.join(data, 'rilis'), { recursive: true }); // a fresh clone without data/rilis/, or a careless clean-up
    changeFigures(data);
    const refused = await build(data, out);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('rilis uji-1 sudah terbit');
    noStackTrace(refused);
    // With the published figures back, the build restores both archives exactly as the site publishes them.
    cpSync(path.join(MINI, 'pmks.csv'), path.join(data, 'pmks.csv'));
    const again = await build(data, out);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stderr).toContain('Rilis uji-0 dipulihkan dari situs yang terbit');
    for (const label of ['uji-0', 'uji-1'])
      expect(readFileSync(path.join(data, 'rilis', label, 'pmks.csv'), 'utf8')).toBe(
        readFileSync(path.join(out, 'data', 'rilis', label, 'pmks.csv'), 'utf8'),
      );
  });

  it('from a plain folder (an older build): moved into place once; killed between its two moves, the next command restores it', async () => {
    const { data, out } = scenario('migrate', { plainFolder: true });
    const killed = await build(data, out, { TERANG_FAILPOINT: 'between-renames' });
    expect(killed.signal).toBe('SIGKILL');
    expect(existsSync(path.join(path.dirname(out), '.dist.swap'))).toBe(true);
    const next = await build(data, out);
    expect(next.code, next.stderr).toBe(0);
    expect(next.stderr).toContain('Dipulihkan');
    expect(lstatSync(out).isSymbolicLink()).toBe(true);
    await expectComplete(out);
    expect(leftovers(out)).toEqual([]);
  });

  it('a reader polling the site while it is rebuilt twice never finds it missing', async () => {
    const { data, out } = scenario('polling');
    // Another process reads a page and a download as fast as it can, as a web server would.
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
    const first = await build(data, out);
    expect(first.code, first.stderr).toBe(0);
    changeFigures(data);
    withLabel(data, 'uji-2'); // new figures, a new release: the second build publishes too
    const second = await build(data, out);
    expect(second.code, second.stderr).toBe(0);
    writeFileSync(`${out}.stop`, '');
    await new Promise((resolve) => poller.on('close', resolve));
    const { ok, missing } = JSON.parse(said);
    expect(ok).toBeGreaterThan(1000);
    expect(missing).toBe(0);
    expect(publishedIn(out, 'uji-2')).toBe(true);
  });

  it('killed inside the one-time move, `npm run serve` restores the site too and says so', async () => {
    const { data, out } = scenario('serve-restores', { plainFolder: true });
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
