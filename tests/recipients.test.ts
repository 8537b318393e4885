/** NIK/KK checks, the raw recipient list, the shards, and `npm run hash` end to end. */
import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deriveKey } from '../src/shared/kdf.ts';
import { birthDateOfNik, checkKk, checkNik } from '../src/shared/nik.ts';
import { folderIO, loadPrograms } from '../src/load/portal.ts';
import { readRecipients } from '../scripts/hash/recipients.ts';
import { loadRegionTree, type RegionTree } from '../src/domain/regions.ts';
import type { Program } from '../src/load/schema/program.ts';
import { buildShards, prefixLengthFor, seededRandom } from '../src/lookup/shards.ts';
import { ROOT } from './helpers.ts';

describe('NIK and KK checks', () => {
  it.each([
    ['3402014101909001', []],
    ['3402 0141 0190 9001', []], // spaces are ignored
    ['', ['empty']],
    ['34020141019090O1', ['not_digits']],
    ['340201410190900', ['length']],
    ['34020141019090011', ['length']],
    ['3402013202909001', ['birth_date']], // 32 Feb
    ['3402017102909001', ['birth_date']], // 71-40 = 31 Feb for a woman
    ['3402012902019001', ['birth_date']], // 29 Feb 2001
    ['3402014101900000', ['serial']],
  ] as const)('NIK %s → %j', (nik, problems) => {
    expect(checkNik(nik)).toEqual(problems);
  });
  it('reads the birth date, day + 40 for women', () => {
    expect(birthDateOfNik('3402015508859001', new Date('2026-01-01'))).toEqual({ date: '1985-08-15', female: true });
    expect(birthDateOfNik('3402011508159001', new Date('2026-01-01'))).toEqual({ date: '2015-08-15', female: false });
    expect(birthDateOfNik('3402012902049001')).toEqual({ date: '2004-02-29', female: false });
  });
  it.each([
    ['3402010101209001', []],
    ['1234', ['length']],
    ['abcd', ['not_digits']],
  ] as const)('KK %s → %j', (kk, problems) => expect(checkKk(kk)).toEqual(problems));
});

let tree: RegionTree;
let programs: Program[];
beforeAll(async () => {
  tree = (await loadRegionTree('34.02'))!;
  programs = await loadPrograms(folderIO(path.join(ROOT, 'data')), []);
});
const enc = (s: string) => new TextEncoder().encode(s);
const HEAD = 'nik,nomor_kk,program,status,periode\n';

describe('the raw recipient list', () => {
  it('gives household programs to every listed member of the KK and personal ones only to that person', () => {
    const { people, problems } = readRecipients(
      enc(
        HEAD +
          [
            '3402014101909001,3402010101209001,pkh,aktif,2026 tahap 1',
            '3402014101909001,3402010101209001,pbi-jk,aktif,2026',
            '3402015101909002,3402010101209001,pbi-jk,dihentikan,2026',
            '3402016101109003,3402010101209001,pbi-jk,aktif,2026',
          ].join('\n'),
      ),
      'raw.csv',
      tree,
      programs,
    );
    expect(problems).toEqual([]);
    const of = (nik: string) =>
      people
        .find((p) => p.nik === nik)!
        .grants.map((g) => `${g.program}:${g.status}`)
        .sort();
    expect(of('3402014101909001')).toEqual(['pbi-jk:aktif', 'pkh:aktif']);
    expect(of('3402015101909002')).toEqual(['pbi-jk:dihentikan', 'pkh:aktif']);
    expect(of('3402016101109003')).toEqual(['pbi-jk:aktif', 'pkh:aktif']);
  });

  it.each([
    ['3402013202909001,3402010101209001,pkh,aktif,2026', 'nik', 'tanggal lahir'],
    ['340201410190900,3402010101209001,pkh,aktif,2026', 'nik', '16 angka'],
    ['3402014101909001,34020101012,pkh,aktif,2026', 'kk', '16 angka'],
    ['3402014101909001,3402010101209001,bpnt,aktif,2026', 'program', 'salah satu program'],
    ['3402014101909001,3402010101209001,pkh,lulus,2026', 'status', 'salah satu status'],
    ['3402014101909001,3402010101209001,pkh,aktif,', 'periode', 'periode'],
  ])('reports %s on its line, without repeating the whole identifier', (row, field, says) => {
    const { people, problems } = readRecipients(
      enc(`${HEAD}3402014101909001,3402010101209001,sembako,aktif,2026\n${row}\n`),
      'raw.csv',
      tree,
      programs,
    );
    const p = problems.find((x) => x.level === 'error')!;
    expect(p).toMatchObject({ line: 3, field });
    expect(p.expected.id).toContain(says);
    expect(JSON.stringify(problems)).not.toContain('3402014101909001');
    expect(people).toHaveLength(1); // the good row survives, the bad one is reported, not dropped silently
  });

  it('warns, but keeps, a NIK registered in another kabupaten', () => {
    const { people, problems } = readRecipients(
      enc(`${HEAD}3302014101909001,3402010101209001,pkh,aktif,2026\n`),
      'raw.csv',
      tree,
      programs,
    );
    expect(problems).toMatchObject([{ level: 'warning', line: 2, field: 'nik' }]);
    expect(people).toHaveLength(1);
  });
});

describe('shards', () => {
  it('chooses a prefix length that keeps at least ~50 entries per shard', () => {
    expect(prefixLengthFor(100)).toBe(1);
    expect(prefixLengthFor(12_800)).toBe(2);
    expect(prefixLengthFor(1_000_000)).toBe(3);
  });
  it('writes every prefix, each with the same number of records and bytes, real records where their id says', () => {
    const entries = Array.from({ length: 1000 }, (_, i) => ({
      id: `${((i * 2654435761) >>> 0).toString(16).padStart(8, '0')}${'0'.repeat(24)}`,
      data: new Uint8Array(60).fill(i % 256),
    }));
    const s = buildShards(entries, { rand: seededRandom(new Uint8Array([1])) });
    expect(s.files.map((f) => f.path)).toEqual(Array.from({ length: 16 }, (_, i) => `cek/k/${i.toString(16)}.bin`));
    expect(new Set(s.files.map((f) => f.content.length))).toEqual(new Set([s.perShard * s.recordBytes]));
    expect(s.perShard).toBeGreaterThanOrEqual(50);
    for (const e of entries.slice(0, 50)) {
      const shard = s.files.find((f) => f.path === `cek/k/${e.id[0]}.bin`)!.content;
      const at = Array.from({ length: s.perShard }, (_, i) => i * s.recordBytes).find(
        (o) => Buffer.from(shard.subarray(o, o + 16)).toString('hex') === e.id,
      )!;
      expect(shard.subarray(at + 16, at + s.recordBytes)).toEqual(e.data);
    }
  });
});

describe('npm run hash', () => {
  const tmp = mkdtempSync(path.join(tmpdir(), 'terang-hash-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));
  const run = (args: string[]) =>
    promisify(execFile)(process.execPath, ['scripts/hash.ts', ...args], { cwd: ROOT }).then(
      (r) => ({ code: 0, ...r }),
      (e) => e as { code: number; stdout: string; stderr: string },
    );

  it('writes keys, programs, statuses and periods — nothing else — using every thread', async () => {
    const data = path.join(tmp, 'data');
    cpSync(path.join(ROOT, 'data'), data, { recursive: true, filter: (f) => !f.includes('penerima') });
    const raw = `${readFileSync(path.join(ROOT, 'scripts', 'sample', 'penerima-sintetis-bantul.csv'), 'utf8')
      .split('\r\n')
      .slice(0, 41)
      .join('\r\n')}\r\n`;
    writeFileSync(path.join(tmp, 'raw.csv'), raw);
    const r = await run([path.join(tmp, 'raw.csv'), '--data', data, '--threads', '2', '--quiet']);
    expect(r.code, r.stderr).toBe(0);
    const out = readFileSync(path.join(data, 'penerima.csv'), 'utf8').trim().split('\r\n');
    expect(out[0]).toBe('id,data,kdf');
    const kdf = JSON.parse(readFileSync(path.join(data, 'penerima-kdf.json'), 'utf8'));
    expect(kdf).toMatchObject({ algorithm: 'argon2id', m: 65536, t: 1, p: 1, dkLen: 32 });
    expect(kdf.salt).toMatch(/^[0-9a-f]{32}$/);
    // The first person's entry id is the first half of Argon2id(NIK|KK) with the published salt; programmes are sealed, not in the clear.
    const [nik, kk] = raw.split('\r\n')[1]!.split(',');
    const key = await deriveKey(nik!, kk!, kdf);
    expect(out.some((l) => l.startsWith(`${key.slice(0, 32)},`))).toBe(true);
    // Nothing in the clear: neither in the file's text nor in the bytes of any entry (a programme's slug, a status
    // in its JSON quotes: short ASCII runs that random bytes produce by chance, e.g. "pkh" in base64, are not evidence).
    expect(out.slice(1).every((l) => !/sembako|pbi-jk|aktif|tahap/.test(l))).toBe(true);
    const sealed = Buffer.concat(out.slice(1).map((l) => Buffer.from(l.split(',')[1]!, 'base64'))).toString('latin1');
    for (const plain of ['"sembako"', '"pbi-jk"', '"aktif"', '"pkh"', 'tahap']) expect(sealed).not.toContain(plain);
    const text = readFileSync(path.join(data, 'penerima.csv'), 'utf8');
    for (const line of raw.split('\r\n').slice(1, -1)) for (const id of line.split(',').slice(0, 3)) expect(text).not.toContain(id);
    expect(readdirSync(data).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('writes nothing when a row is bad, and names the line', async () => {
    const data = path.join(tmp, 'data2');
    cpSync(path.join(ROOT, 'data'), data, { recursive: true, filter: (f) => !f.includes('penerima') });
    writeFileSync(
      path.join(tmp, 'bad.csv'),
      `${HEAD}3402014101909001,3402010101209001,pkh,aktif,2026\n3402013202909001,3402010101209001,pkh,aktif,2026\n`,
    );
    const r = await run([path.join(tmp, 'bad.csv'), '--data', data]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('GALAT bad.csv baris 3, kolom 1 (nik)');
    expect(existsSync(path.join(data, 'penerima.csv'))).toBe(false);
  });
});
