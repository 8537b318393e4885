/**
 * `npm run hash -- data/private/<raw>.csv [--data data] [--threads n]`
 *
 * Reads the office's raw recipient list (NIK, Nomor KK, program, status,
 * periode; it stays in data/private/, which git ignores and the site build
 * never reads), checks every row, derives one scrypt key per person on every
 * core, and writes data/penerima.csv (key, program, status, periode — nothing
 * else) and data/penerima-kdf.json (algorithm, parameters and this release's
 * random salt), both atomically.
 */
import { randomBytes } from 'node:crypto';
import { readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_KDF, type KdfParams } from '../src/shared/kdf.ts';
import { toCsv } from '../src/load/csv.ts';
import { deriveKeys } from './hash/pool.ts';
import { folderIO } from '../src/load/portal.ts';
import { cliLang, formatProblem, hasErrors } from '../src/load/problems.ts';
import { readRecipients } from './hash/recipients.ts';
import { loadRegionTree } from '../src/domain/regions.ts';
import { loadPrograms } from '../src/load/portal.ts';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { data: { type: 'string', default: process.env.DATA_DIR ?? 'data' }, threads: { type: 'string' }, N: { type: 'string' }, quiet: { type: 'boolean', default: false } } });
const lang = cliLang();
const input = positionals[0];
if (!input) {
  console.error('Pemakaian: npm run hash -- data/private/<daftar-penerima>.csv');
  process.exit(2);
}
const dataDir = path.resolve(values.data!);
const say = (id: string, en: string) => console.error(lang === 'en' ? en : id);

const config = JSON.parse(await readFile(path.join(dataDir, 'portal.json'), 'utf8'));
const tree = (await loadRegionTree(config.kode_kabupaten))!;
const programProblems: never[] = [];
const programs = await loadPrograms(folderIO(dataDir), programProblems);
let bytes: Uint8Array;
try { bytes = await readFile(input); } catch { say(`GALAT ${input}: berkas tidak ada`, `ERROR ${input}: file missing`); process.exit(1); }
const { people, rows, problems } = readRecipients(bytes!, path.basename(input), tree, programs);
for (const p of problems) console.error(formatProblem(p, lang));
if (hasErrors(problems)) {
  say(`\nTidak ada yang ditulis: perbaiki ${problems.filter((p) => p.level === 'error').length} galat di atas.`, `\nNothing written: fix the ${problems.filter((p) => p.level === 'error').length} error(s) above.`);
  process.exit(1);
}

const N = values.N ? Number(values.N) : DEFAULT_KDF.N;
if (!Number.isInteger(Math.log2(N)) || N < 2 ** 14) { say('GALAT --N harus pangkat dua ≥ 16384', 'ERROR --N must be a power of two ≥ 16384'); process.exit(1); }
const params: KdfParams = { ...DEFAULT_KDF, N, salt: randomBytes(16).toString('hex') };
say(`${rows} baris → ${people.length} orang; menurunkan kunci scrypt (N=${N}, r=${params.r}, p=${params.p})…`, `${rows} rows → ${people.length} people; deriving scrypt keys (N=${N}, r=${params.r}, p=${params.p})…`);

const bar = (done: number, total: number, secs: number) => {
  const rate = done / Math.max(secs, 1e-9);
  const eta = (total - done) / Math.max(rate, 1e-9);
  const width = 30;
  const fill = Math.round((done / total) * width);
  return `[${'#'.repeat(fill)}${'.'.repeat(width - fill)}] ${done}/${total}  ${rate.toFixed(1)} orang/dtk  sisa ~${Math.ceil(eta)} dtk`;
};
let last = 0;
const t0 = performance.now();
const keys = await deriveKeys(people.map((p) => [p.nik, p.kk]), params, {
  ...(values.threads ? { threads: Number(values.threads) } : {}),
  onProgress: ({ done, total, seconds }) => {
    if (values.quiet || (performance.now() - last < 200 && done < total)) return;
    last = performance.now();
    process.stderr.write(`\r${bar(done, total, seconds)}`);
  },
});
const secs = (performance.now() - t0) / 1000;
if (!values.quiet) process.stderr.write('\n');

// Sorted by key, so row order says nothing about the raw list's order.
const out = people.flatMap((p, i) => p.grants.map((g) => ({ kunci: keys[i]!, program: g.program, status: g.status, periode: g.periode })))
  .sort((a, b) => a.kunci.localeCompare(b.kunci) || a.program.localeCompare(b.program) || a.periode.localeCompare(b.periode));
const csvPath = path.join(dataDir, 'penerima.csv');
const kdfPath = path.join(dataDir, 'penerima-kdf.json');
await writeFile(csvPath + '.tmp', toCsv(['kunci', 'program', 'status', 'periode'], out));
await writeFile(kdfPath + '.tmp', JSON.stringify({ ...params, dibuat: new Date().toISOString().slice(0, 10), orang: people.length, baris: out.length }, null, 2) + '\n');
await rename(kdfPath + '.tmp', kdfPath);
await rename(csvPath + '.tmp', csvPath);
say(`Selesai: ${people.length} kunci dalam ${secs.toFixed(1)} dtk (${(people.length / secs).toFixed(1)} orang/dtk) → ${path.relative(process.cwd(), csvPath)}, ${path.relative(process.cwd(), kdfPath)}`, `Done: ${people.length} keys in ${secs.toFixed(1)}s (${(people.length / secs).toFixed(1)} people/s) → ${path.relative(process.cwd(), csvPath)}, ${path.relative(process.cwd(), kdfPath)}`);
