/** Versioned releases: stable URLs, archives never regenerated, a changes page, and `npm run verify`. */
import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { verifyFolder } from '../scripts/verify.ts';
import { serve } from './browser.ts';
import { MINI, ROOT } from './helpers.ts';

const run = (script: string, args: string[], env: Record<string, string> = {}) =>
  promisify(execFile)(process.execPath, [script, ...args], { cwd: ROOT, env: { ...process.env, ...env } }).then(
    (r) => ({ code: 0, ...r }),
    (e) => e as { code: number; stdout: string; stderr: string },
  );
const tmp = mkdtempSync(path.join(tmpdir(), 'terang-rilis-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('the sample site', () => {
  const dist = inject('sampleDist');
  it('serves every release at /data/rilis/<id>/, the current one also at /data/, byte for byte', () => {
    expect(readdirSync(path.join(dist, 'data', 'rilis')).sort()).toEqual(['2025-1', '2026-1', 'index.json']);
    // The list of every release with its files' hashes, which a later build (or a workflow, from the live site) checks.
    const index = JSON.parse(readFileSync(path.join(dist, 'data', 'rilis', 'index.json'), 'utf8'));
    expect(index.rilis.map((r: { label: string }) => r.label)).toEqual(['2025-1', '2026-1']);
    const current = JSON.parse(readFileSync(path.join(dist, 'data', 'datapackage.json'), 'utf8'));
    expect(index.rilis[1].hash['pmks.csv']).toBe(current.resources.find((r: { path: string }) => r.path === 'pmks.csv').hash);
    for (const f of ['pmks.csv', 'datapackage.json'])
      expect(readFileSync(path.join(dist, 'data', 'rilis', '2026-1', f))).toEqual(readFileSync(path.join(dist, 'data', f)));
    // Archived releases are served exactly as committed, never regenerated.
    expect(readFileSync(path.join(dist, 'data', 'rilis', '2025-1', 'pmks.csv'))).toEqual(
      readFileSync(path.join(ROOT, 'data', 'rilis', '2025-1', 'pmks.csv')),
    );
  });
  it('has a "Perubahan data" page naming the added year and the revisions', () => {
    const html = readFileSync(path.join(dist, 'data', 'perubahan', 'index.html'), 'utf8');
    expect(html).toContain('rilis 2025-1 ke rilis 2026-1');
    expect(html).toMatch(/PMKS per wilayah dan kategori: tahun 2025 ditambahkan; \d+ angka tahun-tahun sebelumnya direvisi/);
    expect(existsSync(path.join(dist, 'en', 'data', 'perubahan', 'index.html'))).toBe(true);
  });
  it('verifies against its datapackage.json files', async () => {
    const r = await verifyFolder(dist);
    expect(r.packages).toBe(3);
    expect(r.mismatches).toEqual([]);
  });
});

describe('npm run verify', () => {
  it('reports a changed or missing file and exits 1', async () => {
    const d = path.join(tmp, 'site');
    cpSync(inject('sampleDist'), d, { recursive: true });
    writeFileSync(path.join(d, 'data', 'pmks.csv'), readFileSync(path.join(d, 'data', 'pmks.csv'), 'utf8').replace('14516', '14517'));
    rmSync(path.join(d, 'data', 'rilis', '2025-1', 'verval.json'));
    const r = await run('scripts/verify.ts', [d]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('TIDAK COCOK data/pmks.csv: hash');
    expect(r.stderr).toContain('TIDAK COCOK data/rilis/2025-1/verval.json: missing');
  });
});

describe('archiving', () => {
  it('archives a new release with the data, and refuses to change a published one', async () => {
    const data = path.join(tmp, 'data');
    cpSync(MINI, data, { recursive: true });
    const first = await run('scripts/build.ts', [], { DATA_DIR: data, OUT_DIR: path.join(tmp, 'd1') });
    expect(first.code, first.stderr).toBe(0);
    expect(readFileSync(path.join(data, 'rilis', 'uji-1', 'pmks.csv'), 'utf8')).toBe(
      readFileSync(path.join(tmp, 'd1', 'data', 'pmks.csv'), 'utf8'),
    );
    // Same label, different figures: a citation of release uji-1 would silently change.
    writeFileSync(
      path.join(data, 'pmks.csv'),
      readFileSync(path.join(data, 'pmks.csv'), 'utf8').replace('2024,17.07.02,16,3', '2024,17.07.02,16,4'),
    );
    const second = await run('scripts/build.ts', [], { DATA_DIR: data, OUT_DIR: path.join(tmp, 'd1') });
    expect(second.code).toBe(1);
    expect(second.stderr).toContain('GALAT rilis/uji-1/: rilis yang sudah terbit berubah');
    // A new label publishes the new figures and keeps the old release at its URL.
    writeFileSync(path.join(data, 'portal.json'), readFileSync(path.join(data, 'portal.json'), 'utf8').replace('"uji-1"', '"uji-2"'));
    const third = await run('scripts/build.ts', [], { DATA_DIR: data, OUT_DIR: path.join(tmp, 'd1') });
    expect(third.code, third.stderr).toBe(0);
    expect(readdirSync(path.join(tmp, 'd1', 'data', 'rilis')).sort()).toEqual(['index.json', 'uji-1', 'uji-2']);
    expect(readFileSync(path.join(tmp, 'd1', 'data', 'perubahan', 'index.html'), 'utf8')).toContain('rilis uji-1 ke rilis uji-2');
  });
});

describe("the live site's releases, for the publishing workflows", () => {
  it('are fetched into a file the build compares with; a site not yet published is fine; an unreachable one stops the run', async () => {
    const { server, origin } = await serve(inject('sampleDist'));
    try {
      const file = path.join(tmp, 'terbit.json');
      const ok = await run('scripts/fetch-published.ts', [`${origin}/`, file]);
      expect(ok.code, ok.stderr).toBe(0);
      expect(JSON.parse(readFileSync(file, 'utf8')).rilis.map((r: { label: string }) => r.label)).toEqual(['2025-1', '2026-1']);
      const none = await run('scripts/fetch-published.ts', [`${origin}/belum-terbit/`, path.join(tmp, 'none.json')]);
      expect(none.code).toBe(0);
      expect(none.stdout).toContain('Belum ada rilis yang terbit');
      expect(existsSync(path.join(tmp, 'none.json'))).toBe(false);
    } finally {
      server.close();
    }
    const down = await run('scripts/fetch-published.ts', ['http://127.0.0.1:9/', path.join(tmp, 'down.json')]);
    expect(down.code).toBe(1);
    expect(down.stderr).toContain('tidak dapat dihubungi');
  });

  it('a release the live site publishes but the data folder lacks stops the build (a fresh clone is not a new release)', async () => {
    const data = path.join(tmp, 'clone');
    cpSync(path.join(ROOT, 'data'), data, { recursive: true, filter: (f) => !f.includes(`${path.sep}private`) });
    rmSync(path.join(data, 'rilis', '2025-1'), { recursive: true });
    const index = path.join(tmp, 'clone-terbit.json');
    writeFileSync(
      index,
      JSON.stringify({
        situs: 'https://dinsos-bantul.example/',
        ...JSON.parse(readFileSync(path.join(inject('sampleDist'), 'data', 'rilis', 'index.json'), 'utf8')),
      }),
    );
    const r = await run('scripts/build.ts', [], { DATA_DIR: data, OUT_DIR: path.join(tmp, 'clone-dist'), TERANG_PUBLISHED_INDEX: index });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('GALAT rilis/2025-1/: arsip rilis tidak utuh');
    expect(r.stderr).toContain('sudah terbit (https://dinsos-bantul.example/ (rilis 2025-1)) tetapi tidak ada di data/rilis/2025-1/');
    expect(existsSync(path.join(tmp, 'clone-dist'))).toBe(false);
  });
});

describe('what an earlier build published', () => {
  it("reads a release's files only when the data folder has no archive of it (a province's release is ~1 GB)", async () => {
    const { publishedReleases } = await import('../src/build/published.ts');
    const out = path.join(tmp, 'published-out');
    const data = path.join(tmp, 'published-data');
    const pkg = (hash: string) => JSON.stringify({ resources: [{ path: 'pmks.csv', hash }] });
    for (const label of ['2025-1', '2026-1']) {
      mkdirSync(path.join(out, 'data', 'rilis', label), { recursive: true });
      writeFileSync(path.join(out, 'data', 'rilis', label, 'datapackage.json'), pkg(`sha256:${label}`));
      writeFileSync(path.join(out, 'data', 'rilis', label, 'pmks.csv'), `tahun\r\n${label}\r\n`);
    }
    mkdirSync(path.join(data, 'rilis', '2025-1'), { recursive: true });
    writeFileSync(path.join(data, 'rilis', '2025-1', 'datapackage.json'), pkg('sha256:2025-1'));
    const found = (await publishedReleases(out, undefined, data)).sort((a, b) => a.label.localeCompare(b.label));
    expect(found.map((r) => [r.label, r.hashes['pmks.csv'], r.files?.['pmks.csv']])).toEqual([
      ['2025-1', 'sha256:2025-1', undefined],
      ['2026-1', 'sha256:2026-1', 'tahun\r\n2026-1\r\n'],
    ]);
    // Without the data folder (or with its archive gone) every release's files are read, to restore it exactly.
    const all = (await publishedReleases(out)).sort((a, b) => a.label.localeCompare(b.label));
    expect(all.map((r) => r.files?.['pmks.csv'])).toEqual(['tahun\r\n2025-1\r\n', 'tahun\r\n2026-1\r\n']);
  });
});
