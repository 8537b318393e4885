/** The identifier guards: a planted NIK in an input CSV, in a program page, or in a built page stops the build. */
import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { checkInputs, checkPublished, findNikLike } from '../src/publish/guard.ts';
import { formatProblem } from '../src/load/problems.ts';
import { folderFiles, MINI, ROOT } from './helpers.ts';
import { folderIO } from '../src/load/io.ts';

const tmp = mkdtempSync(path.join(tmpdir(), 'terang-guard-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const copy = (name: string) => {
  const d = path.join(tmp, name);
  cpSync(MINI, d, { recursive: true });
  return d;
};

describe('finding NIK-shaped numbers', () => {
  it('finds a valid NIK, not other 16-digit numbers, hex keys or longer numbers', () => {
    expect(findNikLike('a 3402014101909001 b').map((h) => h.column)).toEqual([3]);
    expect(findNikLike('x\ny 3402014101909001 3402013202909001\n\n3402014101909001\n').map((h) => [h.line, h.column])).toEqual([
      [2, 3],
      [4, 1],
    ]);
    expect(findNikLike('3402013202909001')).toEqual([]); // 32 Feb: not a NIK
    expect(findNikLike('12345678901234567')).toEqual([]); // 17 digits
    expect(findNikLike('ab3402014101909001cd')).toEqual([]); // inside a hex key
  });
});

describe('before the build', () => {
  it('refuses a planted NIK in an input CSV, naming file and line, without repeating it', async () => {
    const d = copy('nik-in-csv');
    writeFileSync(
      path.join(d, 'puskesos.csv'),
      `${readFileSync(path.join(MINI, 'puskesos.csv'), 'utf8')}17.07.02,Puskesos Atas,Kantor,3402014101909001,Senin\n`,
    );
    const problems = await checkInputs(folderIO(d));
    expect(problems.map((p) => formatProblem(p, 'id'))).toEqual([
      expect.stringContaining(
        'GALAT puskesos.csv baris 3, kolom 4: data pribadi (NIK/KK/nama) tidak boleh diterbitkan — ditemukan "340201…01"',
      ),
    ]);
  });
  it('refuses an identifier column outside data/private/, but allows a schema\'s own "nama" and anything in private/', async () => {
    const d = copy('nik-column');
    writeFileSync(path.join(d, 'pmks.csv'), 'tahun,kode_wilayah,kategori,jumlah,nomor_kk\n2024,17.07.01,8,3,x\n');
    mkdirSync(path.join(d, 'private'));
    writeFileSync(path.join(d, 'private', 'raw.csv'), 'nik,nomor_kk,nama\n3402014101909001,3402010101209001,Contoh\n');
    const problems = await checkInputs(folderIO(d));
    expect(problems).toMatchObject([{ kind: 'identifier', file: 'pmks.csv', line: 1, column: 5, field: 'nomor_kk' }]);
  });
  it('stops a real build on a NIK planted in a program description, leaving dist/ as it was', async () => {
    const d = copy('nik-in-md');
    writeFileSync(
      path.join(d, 'program', 'pkh.md'),
      `${readFileSync(path.join(MINI, 'program', 'pkh.md'), 'utf8')}\nContoh: NIK 3402014101909001.\n`,
    );
    const out = path.join(tmp, 'dist-md');
    const r = await promisify(execFile)(process.execPath, ['scripts/build.ts'], {
      cwd: ROOT,
      env: { ...process.env, DATA_DIR: d, OUT_DIR: out },
    }).catch((e) => e);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/GALAT program\/pkh\.md baris \d+, kolom \d+: data pribadi/);
    expect(existsSync(out)).toBe(false);
  });
});

describe('after the build', () => {
  it('finds a NIK planted in a built page, with file and line', async () => {
    const d = path.join(tmp, 'site');
    mkdirSync(path.join(d, 'kecamatan'), { recursive: true });
    writeFileSync(path.join(d, 'index.html'), '<p>ok 14.833</p>');
    writeFileSync(path.join(d, 'kecamatan', 'index.html'), '<p>a</p>\n<p>3402015508859001</p>');
    expect(await checkPublished(folderFiles(d))).toMatchObject([{ kind: 'identifier', file: 'dist/kecamatan/index.html', line: 2 }]);
  });
});
