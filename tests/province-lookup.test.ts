/**
 * The province's lookup without any raw list leaving its office (issue 25):
 * the province writes a job, two kabupaten/kota seal their own lists with it
 * (the real CLI, in their own folders), a third seals with a salt of its own
 * and is refused by the merge, naming its folder; the merged list is one set
 * of equal shards under one salt, and a person of the second kabupaten is
 * found with one key derivation, the answer naming their kabupaten.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateProvinceSample } from '../scripts/sample.ts';
import { folderIO } from '../src/load/io.ts';
import type { Problem } from '../src/load/problems.ts';
import { loadRecipientKeys, paramsOf } from '../src/lookup/keys.ts';
import { deriveKey } from '../src/shared/kdf.ts';
import { findRecord, openRecord, recordBytes, splitKey } from '../src/shared/sealed.ts';
import { ROOT, runHash, smallList as smallListOf } from './helpers.ts';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const dir = mkdtempSync(path.join(tmpdir(), 'terang-province-lookup-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const run = runHash;
const smallList = (folder: string, lines?: number) => smallListOf(dir, folder, lines);

beforeAll(async () => {
  for (const [rel, content] of Object.entries(await generateProvinceSample('34'))) {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), content);
  }
}, 120_000);

describe('a province lookup from sealed kabupaten parts', () => {
  it('seals two kabupaten with the province job, refuses a part of another job, merges into equal shards', async () => {
    expect((await run('--new-job', '--data', dir)).code).toBe(0);
    expect((await run('--new-job', '--data', dir)).out).toMatch(/sudah ada/); // one salt per release: never silently replaced
    const job = path.join(dir, 'penerima-tugas.json');
    for (const f of ['34.03-gunungkidul', '34.71-kota-yogyakarta']) {
      const r = await run(smallList(f), '--data', path.join(dir, f), '--job', job, '--quiet');
      expect(r.code, r.out).toBe(0);
    }
    // Kulon Progo seals with another job (last release's, another salt): the merge names it and writes nothing.
    const other = JSON.parse(readFileSync(job, 'utf8'));
    writeFileSync(path.join(dir, 'tugas-lama.json'), JSON.stringify({ ...other, params: { ...other.params, salt: '0'.repeat(32) } }));
    const kp = await run(
      smallList('34.01-kulon-progo'),
      '--data',
      path.join(dir, '34.01-kulon-progo'),
      '--job',
      path.join(dir, 'tugas-lama.json'),
      '--quiet',
    );
    expect(kp.code, kp.out).toBe(0);
    const refused = await run('--merge-parts', '--data', dir);
    expect(refused.code).toBe(1);
    expect(refused.out).toContain('34.01-kulon-progo/penerima-kdf.json');
    expect(refused.out).toMatch(/garam atau tugas lain/);
    rmSync(path.join(dir, '34.01-kulon-progo', 'penerima.csv'));
    rmSync(path.join(dir, '34.01-kulon-progo', 'penerima-kdf.json'));
    const merged = await run('--merge-parts', '--data', dir);
    expect(merged.code, merged.out).toBe(0);
    expect(merged.out).toMatch(/34\.03-gunungkidul \(\d+\), 34\.71-kota-yogyakarta \(\d+\)/);

    const problems: Problem[] = [];
    const keys = (await loadRecipientKeys(folderIO(dir), problems))!;
    expect(problems).toEqual([]);
    // Equal shards: every prefix group holds the same number of entries (loadRecipientKeys checks the layout).
    expect(keys.layout).toBeDefined();
    expect(keys.entries).toHaveLength(16 ** keys.layout!.prefixLength * keys.layout!.perShard);

    // A person of the second kabupaten: one derivation with the province's parameters finds and opens their entry.
    const raw = readFileSync(path.join(dir, '34.71-kota-yogyakarta', 'private', 'kecil.csv'), 'utf8')
      .split('\r\n')[1]!
      .split(',');
    const [nik, kk, , program] = raw as [string, string, string, string];
    const { id, key } = splitKey(await deriveKey(nik, kk, paramsOf(keys.kdf)));
    const shard = keys.entries.filter((e) => e.id.startsWith(id.slice(0, keys.layout!.prefixLength)));
    const bytes = new Uint8Array(shard.flatMap((e) => [...Buffer.from(e.id, 'hex'), ...e.data]));
    const record = findRecord(bytes, recordBytes(keys.kdf.payload), id)!;
    const payload = (await openRecord(globalThis.crypto.subtle, key, record))!;
    expect(payload.w).toBe('34.71');
    expect(payload.g.map(([p]) => p)).toContain(program);
  }, 300_000);

  it('one kabupaten splits its sealing across machines with GNU parallel; the parts merge under the province salt', async () => {
    const sleman = path.join(dir, '34.04-sleman');
    const list = smallList('34.04-sleman', 21);
    const job = path.join(dir, 'penerima-tugas.json');
    // As the README says, with the local machine standing in for the SSH logins (-S 2/: runs two jobs here).
    const hash = ['scripts/hash.ts', list, '--data', sleman, '--job', job, '--quiet'];
    await promisify(execFile)(
      'parallel',
      ['-S', '2/:', '--halt', 'now,fail=1', process.execPath, ...hash, '--part', '{}/2', ':::', '1', '2'],
      {
        cwd: ROOT,
      },
    );
    const merged = await run(list, '--data', sleman, '--job', job, '--merge');
    expect(merged.code, merged.out).toBe(0);
    const problems: Problem[] = [];
    const part = (await loadRecipientKeys(folderIO(sleman), problems))!;
    expect(problems).toEqual([]);
    expect(part.kdf.id).toBe((await loadRecipientKeys(folderIO(dir), []))!.kdf.id);
    const all = await run('--merge-parts', '--data', dir);
    expect(all.code, all.out).toBe(0);
    expect(all.out).toMatch(/34\.04-sleman \(\d+\)/);
  }, 300_000);
});
