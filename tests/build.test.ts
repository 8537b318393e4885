/**
 * The real `npm run build`, end to end: the sample portal builds into a
 * complete site whose datapackage hashes match its files; a data error stops
 * the build with a readable list and leaves the previous dist/ untouched.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { MINI, ROOT } from './helpers.ts';

const run = promisify(execFile);
const tmp = mkdtempSync(path.join(tmpdir(), 'terang-build-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function build(env: Record<string, string>) {
  try {
    const r = await run(process.execPath, ['scripts/build.ts'], { cwd: ROOT, env: { ...process.env, ...env }, maxBuffer: 64 << 20 });
    return { code: 0, stdout: r.stdout, stderr: r.stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

/** Every file under a folder with its sha256, to prove a folder did not change. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const f of readdirSync(d)) {
      const p = path.join(d, f);
      if (statSync(p).isDirectory()) walk(p);
      else out[path.relative(dir, p)] = createHash('sha256').update(readFileSync(p)).digest('hex');
    }
  };
  walk(dir);
  return out;
}

describe('building the sample portal (built once in tests/global-setup.ts)', () => {
  const dist = inject('sampleDist');

  it('succeeds without a data problem', () => {
    expect(inject('sampleBuildLog')).not.toMatch(/GALAT|ERROR|PERINGATAN|WARNING/);
    expect(inject('sampleBuildLog')).toMatch(/Selesai: .* dibangun/);
  });

  it("writes the operator's report beside the site, never into it, as one file that opens from disk", () => {
    expect(existsSync(path.join(dist, 'laporan'))).toBe(false);
    expect(Object.keys(snapshot(dist)).filter((f) => f.includes('laporan'))).toEqual([]);
    const report = readFileSync(inject('sampleReport'), 'utf8');
    expect(report).toContain('Laporan untuk operator');
    expect(report).toContain('Primer (angka kecil)');
    expect(report).not.toMatch(/<link rel="stylesheet"/);
    expect(report).toMatch(/<style>\/\*! tailwindcss[\s\S]{1000,}<\/style>/);
    expect(inject('sampleBuildLog')).toContain('Laporan operator (tidak diterbitkan)');
  });

  it('writes every page of the URL layout, one per kecamatan and per program', () => {
    const pages = ['', 'kemiskinan/', 'pmks/', 'psks/', 'anggaran/', 'program/', 'kecamatan/', 'cek/', 'cari/', 'data/', 'metodologi/'];
    const kecamatan = readFileSync(path.join(ROOT, 'node_modules', 'idn-area-data', 'data', 'districts.csv'), 'utf8')
      .split('\n')
      .filter((l) => l.startsWith('34.02.'))
      .map((l) => l.split(',')[0]!);
    expect(kecamatan).toHaveLength(17);
    const programs = readdirSync(path.join(ROOT, 'data', 'program')).map((f) => f.replace(/\.md$/, ''));
    for (const p of [...pages, ...kecamatan.map((k) => `kecamatan/${k}/`), ...programs.map((s) => `program/${s}/`)]) {
      expect(existsSync(path.join(dist, p, 'index.html')), p).toBe(true);
    }
  });

  it('says "Data contoh" on every page and in every download', () => {
    const html = Object.keys(snapshot(dist)).filter((f) => f.endsWith('.html'));
    expect(html.length).toBeGreaterThan(30);
    for (const f of html) expect(readFileSync(path.join(dist, f), 'utf8'), f).toContain('Data contoh — bukan data resmi');
    for (const f of readdirSync(path.join(dist, 'data')).filter((x) => /\.(csv|json)$/.test(x))) {
      expect(readFileSync(path.join(dist, 'data', f), 'utf8'), f).toContain('Data contoh — bukan data resmi');
    }
  });

  it('publishes a datapackage.json whose sizes and hashes match the files', () => {
    const pkg = JSON.parse(readFileSync(path.join(dist, 'data', 'datapackage.json'), 'utf8'));
    expect(pkg.licenses[0].name).toBe('CC-BY-4.0');
    expect(pkg.version).toBe('2026-1');
    expect(pkg.resources.length).toBe(30); // 13 datasets (dapil.csv among them), sasaran-indikator and dapil-angka, each as CSV and JSON
    for (const r of pkg.resources) {
      const bytes = readFileSync(path.join(dist, 'data', r.path));
      expect(r.bytes, r.path).toBe(bytes.length);
      expect(r.hash, r.path).toBe(`sha256:${createHash('sha256').update(bytes).digest('hex')}`);
    }
    const pmks = pkg.resources.find((r: { name: string }) => r.name === 'pmks');
    expect(pmks.schema.fields.map((f: { name: string }) => f.name)).toEqual([
      'tahun',
      'tingkat',
      'kode_wilayah',
      'nama_wilayah',
      'kategori',
      'nama_kategori',
      'jumlah',
      'kerahasiaan',
      'catatan',
    ]);
    expect(pmks.schema.primaryKey).toEqual(['tahun', 'kode_wilayah', 'kategori']);
    // Every published CSV has exactly the columns its schema lists.
    for (const r of pkg.resources.filter((x: { format: string }) => x.format === 'csv')) {
      const header = readFileSync(path.join(dist, 'data', r.path), 'utf8').split('\r\n')[0];
      expect(header, r.path).toBe(r.schema.fields.map((f: { name: string }) => f.name).join(','));
    }
  });

  it('formats numbers the Indonesian way and ships no JavaScript on table-only pages', () => {
    const home = readFileSync(path.join(dist, 'index.html'), 'utf8');
    expect(home).toMatch(/\d{1,3}\.\d{3}/); // 14.833-style
    expect(home).toMatch(/\d,\d{2}%/); // 13,50%-style
    expect(home).toContain('lang="id"');
    for (const page of ['metodologi', 'data']) {
      // Data blocks (JSON-LD) are not scripts a browser runs.
      const html = readFileSync(path.join(dist, page, 'index.html'), 'utf8').replace(
        /<script type="application\/ld\+json">[\s\S]*?<\/script>/g,
        '',
      );
      expect(html, page).not.toContain('<script');
    }
  });
});

describe('a failed build', () => {
  it('lists every data problem with file and line, exits non-zero, and leaves dist/ exactly as it was', async () => {
    const data = path.join(tmp, 'bad-data');
    cpSync(MINI, data, { recursive: true });
    writeFileSync(path.join(data, 'pmks.csv'), 'tahun,kode_wilayah,kategori,jumlah\n2024,17.07.01,8,-3\n2024,17.07.99,8,2\n');
    writeFileSync(path.join(data, 'registri.csv'), '');
    const dist = path.join(tmp, 'kept-dist');
    cpSync(path.join(MINI), dist, { recursive: true }); // any previous content will do
    writeFileSync(path.join(dist, 'index.html'), '<p>rilis sebelumnya</p>');
    const before = snapshot(dist);

    const r = await build({ OUT_DIR: dist, DATA_DIR: data, LANG: 'id_ID.UTF-8' });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('GALAT pmks.csv baris 2, kolom 4 (jumlah): angka negatif');
    expect(r.stderr).toContain('GALAT pmks.csv baris 3, kolom 2 (kode_wilayah): kode wilayah tidak dikenal');
    expect(r.stderr).toContain('GALAT registri.csv: berkas kosong');
    expect(r.stderr).toContain('Situs yang sudah terbit tidak diubah');
    expect(r.stderr).not.toMatch(/\n\s+at .*\(.*:\d+:\d+\)/); // no stack trace
    expect(snapshot(dist)).toEqual(before);
    expect(readdirSync(tmp).filter((f) => f.startsWith('.dist-staging'))).toEqual([]);
  });

  it('answers in English when LANG is English', async () => {
    const r = await build({ OUT_DIR: path.join(tmp, 'en-dist'), DATA_DIR: path.join(tmp, 'nowhere'), LANG: 'en_US.UTF-8' });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('ERROR: the data folder');
    expect(r.stderr).toContain('does not exist');
    expect(existsSync(path.join(tmp, 'en-dist'))).toBe(false);
  });
});
