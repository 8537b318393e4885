/**
 * `npm run hash` never breaks the lookup silently: it resumes after a kill
 * with the same salt, splits into parts and merges, binds keys to their salt
 * (a mismatch stops the build), refuses raw lists that are wrong in ways that
 * used to pass, and prints everything when piped.
 */
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readRecipients } from '../scripts/hash/recipients.ts';
import { nativeKey } from '../scripts/hash/worker.ts';
import { loadRegionTree, type RegionTree } from '../src/domain/regions.ts';
import { loadAndPrepare } from '../src/build/prepare.ts';
import { folderIO, loadPrograms } from '../src/load/portal.ts';
import type { Program } from '../src/load/schema/program.ts';
import { DEFAULT_KDF, deriveKey } from '../src/shared/kdf.ts';
import { ROOT } from './helpers.ts';

const tmp = mkdtempSync(path.join(tmpdir(), 'terang-hash-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const SYNTHETIC = path.join(ROOT, 'scripts', 'sample', 'penerima-sintetis-bantul.csv');

interface Run {
  code: number | null;
  signal: string | null;
  stdout: string;
  stderr: string;
}
function hash(args: string[], opts: { killWhen?: (dir: string) => boolean; data: string }): Promise<Run> {
  return new Promise((resolve) => {
    const p = spawn(process.execPath, ['scripts/hash.ts', ...args, '--data', opts.data, '--quiet'], {
      cwd: ROOT,
      env: { ...process.env, LANG: 'id_ID.UTF-8' },
    });
    let stdout = '';
    let stderr = '';
    p.stdout.on('data', (d) => (stdout += d));
    p.stderr.on('data', (d) => (stderr += d));
    const timer =
      opts.killWhen &&
      setInterval(() => {
        if (opts.killWhen!(opts.data)) {
          clearInterval(timer);
          p.kill('SIGKILL');
        }
      }, 20);
    p.on('close', (code, signal) => {
      if (timer) clearInterval(timer);
      resolve({ code, signal, stdout, stderr });
    });
  });
}
const dataFolder = (name: string) => {
  const d = path.join(tmp, name);
  cpSync(path.join(ROOT, 'data'), d, { recursive: true, filter: (f) => !f.includes('penerima') && !f.includes(`${path.sep}private`) });
  return d;
};
/** Keys already checkpointed by a running job. */
const checkpointed = (data: string) => {
  const priv = path.join(data, 'private');
  if (!existsSync(priv)) return 0;
  return readdirSync(priv)
    .filter((f) => f.startsWith('.hash-'))
    .flatMap((j) =>
      readdirSync(path.join(priv, j))
        .filter((f) => f.startsWith('keys-'))
        .map(
          (f) =>
            readFileSync(path.join(priv, j, f), 'utf8')
              .split('\n')
              .filter(Boolean).length,
        ),
    )
    .reduce((a, b) => a + b, 0);
};

let tree: RegionTree;
let programs: Program[];
beforeAll(async () => {
  tree = (await loadRegionTree('34.02'))!;
  programs = await loadPrograms(folderIO(path.join(ROOT, 'data')), []);
});

/**
 * Every person's key recomputed outside the CLI and found in penerima.csv: the first few in the browser's
 * WebAssembly (hash-wasm), the rest with OpenSSL (node:crypto), which the CLI's workers also use and which a test
 * below proves equal to the browser's.
 */
async function expectKeysMatch(data: string, raw: string) {
  const kdf = JSON.parse(readFileSync(path.join(data, 'penerima-kdf.json'), 'utf8'));
  const keys = new Set(
    readFileSync(path.join(data, 'penerima.csv'), 'utf8')
      .trim()
      .split('\r\n')
      .slice(1)
      .map((l) => l.split(',')[0]),
  );
  const { people } = readRecipients(readFileSync(raw), 'raw.csv', tree, programs);
  const expected = new Set(
    await Promise.all(people.map(async (p, i) => (i < 5 ? await deriveKey(p.nik, p.kk, kdf) : nativeKey(p.nik, p.kk, kdf)).slice(0, 32))),
  );
  // Every person's key is there; the rest are the decoys that fill every shard to one size.
  expect([...expected].filter((k) => !keys.has(k))).toEqual([]);
  expect(kdf.orang).toBe(expected.size);
  expect(keys.size).toBe(16 ** kdf.awalan * kdf.per_berkas);
  return kdf;
}

describe('resuming and splitting', () => {
  // 60 people: enough for a kill after 20 checkpointed keys and for three parts of 20 (hashing is the slow part).
  const raw = path.join(tmp, 'raw-60.csv');
  beforeAll(() => writeFileSync(raw, `${readFileSync(SYNTHETIC, 'utf8').split('\r\n').slice(0, 61).join('\r\n')}\r\n`));

  it('killed midway, a rerun resumes with the same salt and finishes with the keys of an uninterrupted run', async () => {
    const data = dataFolder('resume');
    const killed = await hash([raw, '--threads', '1'], { data, killWhen: (d) => checkpointed(d) >= 20 });
    expect(killed.signal).toBe('SIGKILL');
    const job = readdirSync(path.join(data, 'private')).find((f) => f.startsWith('.hash-'))!;
    const salt = JSON.parse(readFileSync(path.join(data, 'private', job, 'job.json'), 'utf8')).params.salt;
    const done = checkpointed(data);
    const again = await hash([raw], { data });
    expect(again.code, again.stderr).toBe(0);
    expect(again.stderr).toMatch(new RegExp(`dilanjutkan dengan garam yang sama: ${done} sudah ada`));
    const kdf = await expectKeysMatch(data, raw);
    expect(kdf.salt).toBe(salt);
    expect(existsSync(path.join(data, 'private', job))).toBe(false); // the job is cleaned up once written
    // The build accepts the pair.
    expect((await loadAndPrepare(folderIO(data))).problems.filter((p) => p.level === 'error')).toEqual([]);
  });

  it('three parts, in any order and at the same time, then a merge, give the same keys', async () => {
    const data = dataFolder('parts');
    const early = await hash([raw, '--merge'], { data });
    expect(early.code).toBe(1);
    expect(early.stderr).toContain('belum punya kunci');
    const parts = await Promise.all(['3/3', '1/3', '2/3'].map((p) => hash([raw, '--part', p, '--threads', '1'], { data })));
    for (const p of parts) expect(p.code, p.stderr).toBe(0);
    expect(parts.map((p) => p.stderr).join('\n')).toContain('--merge');
    const merged = await hash([raw, '--merge'], { data });
    expect(merged.code, merged.stderr).toBe(0);
    await expectKeysMatch(data, raw);
  });

  it('native Argon2id in the CLI and hash-wasm in the browser give the same keys', async () => {
    const params = { ...DEFAULT_KDF, salt: '00112233445566778899aabbccddeeff' };
    const { people } = readRecipients(readFileSync(raw), 'raw.csv', tree, programs);
    for (const p of people.slice(0, 5)) expect(nativeKey(p.nik, p.kk, params)).toBe(await deriveKey(p.nik, p.kk, params));
  });

  it('lists hashed with scrypt before still derive the same keys on both sides', async () => {
    const params = { algorithm: 'scrypt' as const, N: 16384, r: 8, p: 1, dkLen: 32, salt: '00112233445566778899aabbccddeeff' };
    const { people } = readRecipients(readFileSync(raw), 'raw.csv', tree, programs);
    for (const p of people.slice(0, 10)) expect(nativeKey(p.nik, p.kk, params)).toBe(await deriveKey(p.nik, p.kk, params));
  });
});

describe('keys and salt stay a pair', () => {
  it('a hash killed between writing its two files: the build refuses, the next hash restores the pair', async () => {
    const data = dataFolder('pair');
    const raw = path.join(tmp, 'raw-40.csv');
    writeFileSync(raw, `${readFileSync(SYNTHETIC, 'utf8').split('\r\n').slice(0, 41).join('\r\n')}\r\n`);
    expect((await hash([raw], { data })).code).toBe(0);
    const oldKeys = readFileSync(path.join(data, 'penerima.csv'), 'utf8');
    // Simulate the kill: a second run got as far as renaming the new parameters, not the new keys.
    const second = dataFolder('pair-second');
    expect((await hash([raw], { data: second })).code).toBe(0);
    cpSync(path.join(second, 'penerima-kdf.json'), path.join(data, 'penerima-kdf.json'));
    cpSync(path.join(second, 'penerima.csv'), path.join(data, 'penerima.csv.tmp'));
    writeFileSync(path.join(data, 'penerima.csv'), oldKeys);
    const errors = (await loadAndPrepare(folderIO(data))).problems.filter((p) => p.level === 'error');
    expect(errors).toMatchObject([{ kind: 'kdf_mismatch', file: 'penerima.csv', line: 2, column: 3 }]); // one line says it for the whole file
    const fixed = await hash([raw], { data });
    expect(fixed.stderr).toContain('Dipulihkan');
    expect((await loadAndPrepare(folderIO(data))).problems.filter((p) => p.level === 'error')).toEqual([]);
  });
});

describe('raw lists that used to pass silently', () => {
  const HEAD = 'nik,nomor_kk,program,status,periode\n';
  const read = (rows: string[]) => readRecipients(new TextEncoder().encode(`${HEAD + rows.join('\n')}\n`), 'raw.csv', tree, programs);
  const errors = (rows: string[]) => read(rows).problems.filter((p) => p.level === 'error');

  it.each([
    ['the NIK copied into the KK column', ['3402014101909001,3402014101909001,pkh,aktif,2026'], 2, 'kk', 'bukan NIK yang disalin'],
    ["a woman's NIK in the KK column (columns swapped)", ['3402010101209001,3402015508859001,pkh,aktif,2026'], 2, 'kk', 'tertukar'],
    [
      'one NIK under two family cards',
      ['3402014101909001,3402010101209001,pbi-jk,aktif,2026', '3402014101909001,3402010101219002,pbi-jk,aktif,2025'],
      3,
      'kk',
      'satu Nomor KK per NIK',
    ],
    [
      'one household both aktif and dihentikan for a program and period',
      ['3402014101909001,3402010101209001,pkh,aktif,2026 tahap 1', '3402015101909002,3402010101209001,pkh,dihentikan,2026 tahap 1'],
      3,
      'program',
      'satu status per KK',
    ],
    [
      'a household program listed twice',
      ['3402014101909001,3402010101209001,pkh,aktif,2026 tahap 1', '3402015101909002,3402010101209001,pkh,aktif,2026 tahap 1'],
      3,
      'program',
      'sudah tercatat di baris 2',
    ],
    ['a NIK in scientific notation (Excel)', ['3.40201E+15,3402010101209001,pkh,aktif,2026'], 2, 'nik', 'Excel'],
    [
      'one person both aktif and ditangguhkan for a personal program and period (a conflict, not a duplicate row)',
      ['3402014101909001,3402010101209001,pbi-jk,aktif,Januari 2026', '3402014101909001,3402010101209001,pbi-jk,ditangguhkan,Januari 2026'],
      3,
      'status',
      'satu status per orang, program dan periode: baris 2 mencatat "aktif"',
    ],
    [
      'a NIK shown with thousands separators (Excel held it as a number and cut it)',
      ['"3.402.014.101.909.000",3402010101209001,pkh,aktif,2026'],
      2,
      'nik',
      'pemisah ribuan',
    ],
    [
      'a NIK whose serial Excel cut to 0000 (16 digits: not told "16 angka")',
      ['3402014101900000,3402010101209001,pkh,aktif,2026'],
      2,
      'nik',
      'nomor urut 0001 atau lebih',
    ],
    ['a family card number ending in 0000', ['3402014101909001,3402010101200000,pkh,aktif,2026'], 2, 'kk', 'nomor urut 0001 atau lebih'],
  ])('%s is refused with its line', (_, rows, line, field, says) => {
    const e = errors(rows as string[]);
    expect(e).toHaveLength(1);
    expect(e[0]).toMatchObject({ line, field });
    expect(e[0]!.expected.id).toContain(says);
    expect(e[0]!.expected.id).not.toContain('NIK 16 angka');
  });

  it('a list where Excel cut the numbers of only 2 of 9 people is refused at those rows (the same numbers stand whole elsewhere)', () => {
    // Nine people in three households; the rows of two people were pasted in as numbers: NIK and KK end in 0.
    const rows = [
      '3402014101909011,3402010101209021,pkh,aktif,2026 tahap 1',
      '3402014101909011,3402010101209021,pbi-jk,aktif,Januari 2026',
      '3402015201909012,3402010101209021,pbi-jk,aktif,Januari 2026',
      '3402014301909013,3402010101209022,sembako,aktif,2026 tahap 1',
      '3402014301909010,3402010101209020,pbi-jk,aktif,Januari 2026', // person 4 again, cut
      '3402015401909014,3402010101209022,pbi-jk,aktif,Januari 2026',
      '3402014501909015,3402010101209023,sembako,aktif,2026 tahap 1',
      '3402015601909010,3402010101209020,pbi-jk,aktif,Januari 2026', // person 6 (…9016, KK …9023), cut
      '3402015601909016,3402010101209023,pbi-jk,aktif,Januari 2026',
      '3402014701909017,3402010101209023,pbi-jk,aktif,Januari 2026',
      '3402015801909018,3402010101209024,pbi-jk,aktif,Januari 2026',
      '3402014901909019,3402010101209024,pbi-jk,aktif,Januari 2026',
    ];
    const e = errors(rows);
    expect(e.map((p) => `${p.line} ${p.field}`)).toEqual(['6 nik', '6 kk', '9 nik', '9 kk']);
    expect(e[0]!.expected.id).toContain('baris 5 memuat angka yang sama dengan angka terakhir bukan 0');
  });

  it('16-digit numbers cut to 15 digits and a 0 by Excel are refused across the file', () => {
    const rows = Array.from(
      { length: 12 },
      (_, i) => `34020141019${String(10 + i).padStart(4, '0')}0,3402010101${String(200001 + i * 10)},pbi-jk,aktif,2026`,
    );
    const e = errors(rows);
    expect(e.length).toBe(12);
    expect(e[0]!.expected.id).toContain('Excel memotongnya');
  });
  it('a list whose NIKs end in 0 only as often as chance allows passes', () => {
    // Twelve people born the same day in one kecamatan (serials 9001–9012: 9010 is real), in households registered on different days.
    const rows = Array.from(
      { length: 12 },
      (_, i) =>
        `340201410190${String(9001 + i)},340201${String(10 + i).padStart(2, '0')}0120${String(9001 + i * 7).slice(-4)},pbi-jk,aktif,2026`,
    );
    expect(errors(rows)).toEqual([]);
    // Twins: serials 9010 and 9011 in one household whose KK ends in 0.
    expect(errors(['3402014101909010,3402010101209020,pbi-jk,aktif,2026', '3402014101909011,3402010101209020,pbi-jk,aktif,2026'])).toEqual(
      [],
    );
  });
});

describe('piped output', () => {
  it('is printed in full beyond 64 KB, and the exit code still says what happened', async () => {
    const data = dataFolder('pipe');
    // 3,000 NIKs from another kabupaten (a warning each, ~300 KB), then one bad row.
    const rows = Array.from(
      { length: 3000 },
      // (KK serials not in step with the NIKs: real households are not numbered in lockstep with birth serials)
      (_, i) => `3302014101${String(900001 + i).padStart(6, '0')},3402010101${String(200001 + ((i * 7) % 3000))},pbi-jk,aktif,2026`,
    );
    const raw = path.join(tmp, 'many.csv');
    writeFileSync(raw, `nik,nomor_kk,program,status,periode\n${rows.join('\n')}\n3402013202909001,3402010101209001,pbi-jk,aktif,2026\n`);
    const r = await hash([raw], { data });
    expect(r.code).toBe(1);
    expect(Buffer.byteLength(r.stderr)).toBeGreaterThan(64 * 1024);
    expect(r.stderr.split('\n').filter((l) => l.startsWith('PERINGATAN')).length).toBe(3000);
    expect(r.stderr).toContain('Tidak ada yang ditulis: perbaiki 1 galat di atas.');
  });
});
