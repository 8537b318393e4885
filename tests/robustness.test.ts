/** The robustness corpus (tests/corpus/): every broken input ends in a clear message and an untouched dist/. */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, type ExpectStatic, expect, expect as globalExpect, it } from 'vitest';
import { kindTitle, type ProblemKind } from '../src/load/problems.ts';
import { MINI, ROOT } from './helpers.ts';

const CORPUS = path.join(ROOT, 'tests', 'corpus');
const tmp = mkdtempSync(path.join(tmpdir(), 'terang-corpus-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const snapshot = (dir: string) =>
  readdirSync(dir, { recursive: true })
    .map(String)
    .sort()
    .map((f) => {
      const p = path.join(dir, f);
      return statSync(p).isDirectory() ? f : `${f}:${createHash('sha256').update(readFileSync(p)).digest('hex')}`;
    });

async function buildBroken(data: string) {
  const dist = path.join(path.dirname(data), 'dist');
  mkdirSync(path.join(dist, 'kemiskinan'), { recursive: true });
  writeFileSync(path.join(dist, 'index.html'), '<p>rilis sebelumnya</p>');
  writeFileSync(path.join(dist, 'kemiskinan', 'index.html'), '<p>13,50%</p>');
  const before = snapshot(dist);
  const r = await promisify(execFile)(process.execPath, ['scripts/build.ts'], {
    cwd: ROOT,
    env: { ...process.env, DATA_DIR: data, OUT_DIR: dist, LANG: 'id_ID.UTF-8' },
    maxBuffer: 64 << 20,
  }).then(
    (x) => ({ code: 0, ...x }),
    (e) => e as { code: number; stdout: string; stderr: string },
  );
  return { ...r, unchanged: JSON.stringify(snapshot(dist)) === JSON.stringify(before) };
}

function expectClean(r: Awaited<ReturnType<typeof buildBroken>>, expect: ExpectStatic = globalExpect) {
  expect(r.code).toBe(1);
  expect(r.unchanged, 'dist/ changed').toBe(true);
  expect(r.stderr).toContain('Situs yang sudah terbit tidak diubah');
  expect(r.stderr).not.toMatch(/\n\s+at .*:\d+:\d+/); // no stack trace
  expect(r.stderr).not.toMatch(/TypeError|ReferenceError|undefined is not/);
}

const cases = readdirSync(CORPUS)
  .filter((f) => statSync(path.join(CORPUS, f)).isDirectory())
  .sort();

describe('robustness corpus', () => {
  it('has at least 25 cases', () => expect(cases.length).toBeGreaterThanOrEqual(25));

  // Each case is its own build process with its own folders (no shared lock): two at a time.
  it.concurrent.for(cases)('%s', async (name, { expect }) => {
    const expected = JSON.parse(readFileSync(path.join(CORPUS, name, 'expected.json'), 'utf8')) as {
      kind: ProblemKind;
      file: string;
      line: number | null;
      remove: string[];
    };
    const data = path.join(tmp, name, 'data');
    cpSync(MINI, data, { recursive: true });
    cpSync(path.join(CORPUS, name), data, { recursive: true, filter: (f) => !f.endsWith('expected.json') });
    for (const f of expected.remove) rmSync(path.join(data, f), { force: true });
    const r = await buildBroken(data);
    expectClean(r, expect);
    const where = `GALAT ${expected.file}${expected.line ? ` baris ${expected.line}` : ''}`;
    const line = r.stderr.split('\n').find((l) => l.startsWith(where) && l.includes(kindTitle(expected.kind, 'id')));
    expect(line, `expected "${where} … ${kindTitle(expected.kind, 'id')}" in:\n${r.stderr}`).toBeDefined();
  });

  it('a 50 MB file stops early with a clear message', async () => {
    const data = path.join(tmp, 'big', 'data');
    cpSync(MINI, data, { recursive: true });
    const row = '2024,17.07.99,8,3\n';
    writeFileSync(path.join(data, 'pmks.csv'), `tahun,kode_wilayah,kategori,jumlah\n${row.repeat(Math.ceil(50e6 / row.length))}`);
    expect(statSync(path.join(data, 'pmks.csv')).size).toBeGreaterThan(50e6);
    const r = await buildBroken(data);
    expectClean(r);
    expect(r.stderr).toContain('GALAT pmks.csv baris 2, kolom 2 (kode_wilayah): kode wilayah tidak dikenal');
    expect(r.stderr).toContain('terlalu banyak masalah');
    expect(r.stderr.split('\n').length).toBeLessThan(200);
  }, 120_000);

  it('an empty folder says what is missing', async () => {
    const data = path.join(tmp, 'empty', 'data');
    mkdirSync(data, { recursive: true });
    const r = await buildBroken(data);
    expectClean(r);
    expect(r.stderr).toContain('GALAT portal.json: berkas tidak ada');
    expect(existsSync(path.join(tmp, 'empty', 'dist', 'index.html'))).toBe(true);
  });
});
