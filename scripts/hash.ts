/**
 * `npm run hash -- data/private/<raw>.csv [--data data] [--threads n] [--desil] [--part i/n | --merge]`
 *
 * Reads the office's raw recipient list (NIK, Nomor KK, program, status,
 * periode; it stays in data/private/, which git ignores and the site build
 * never reads), checks every row, derives one scrypt key per person on every
 * core, and writes data/penerima.csv (key, program, status, periode and the
 * salt's id — nothing else) and data/penerima-kdf.json (algorithm,
 * parameters and this release's random salt).
 *
 * Hours of hashing are never lost: keys are checkpointed as they are made
 * and a rerun resumes with the same salt (scripts/hash/job.ts). For a list
 * too large for one machine, run `--part 1/8` … `--part 8/8` anywhere that
 * shares the data folder (an array job on Kubernetes, Slurm or AWS Batch),
 * then `--merge`.
 *
 * A province portal (scripts/hash/province.ts): the province writes a job
 * (`--new-job`), each kabupaten/kota seals its own list with it in its own
 * office (`--job penerima-tugas.json`, its answers naming the kabupaten), and
 * the province merges the sealed parts (`--merge-parts`).
 */
import { createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadRegionTree } from '../src/domain/regions.ts';
import { folderIO, loadPrograms } from '../src/load/portal.ts';
import { cliLang, formatProblem, hasErrors } from '../src/load/problems.ts';
import { portalSchema } from '../src/load/schema/portal.ts';
import { KDF_FILE, kdfId, KEYS_FILE } from '../src/lookup/keys.ts';
import { DEFAULT_KDF, type KdfParams, splitKey } from '../src/shared/kdf.ts';
import type { Payload } from '../src/shared/sealed.ts';
import type { Program } from '../src/load/schema/program.ts';
import { currentGrants, payloadLength, seal } from './hash/seal.ts';
import { runCli } from './cli.ts';
import { checkpointWriter, jobDir, openJob, partRange, readCheckpoints } from './hash/job.ts';
import { deriveKeys } from './hash/pool.ts';
import { readPortal, writeSealedList } from './hash/write.ts';
import { JOB_FILE, mergeProvinceParts, newProvinceJob, readProvinceJob } from './hash/province.ts';
import { type Person, readRecipients } from './hash/recipients.ts';

const lang = cliLang();
const say = (id: string, en: string) => console.error(lang === 'en' ? en : id);

/** "Argon2id 64 MiB × 1" for the progress line. */
const kdfLabel = (p: KdfParams) =>
  p.algorithm === 'argon2id' ? `Argon2id ${p.m / 1024} MiB × ${p.t}` : `scrypt N=${p.N}, r=${p.r}, p=${p.p}`;

/**
 * Seal one entry per person (public id, the answer encrypted and padded to one
 * length) and write them with their decoys as penerima.csv and
 * penerima-kdf.json (hash/write.ts).
 */
async function writeOutputs(
  dataDir: string,
  people: Person[],
  keys: (string | undefined)[],
  params: KdfParams,
  province?: { payload: number; kabupaten: string },
): Promise<number> {
  const payloads = people.map(
    (p): Payload => ({
      g: p.grants.map((g) => [g.program, g.status, g.periode]),
      d: p.desil ?? null,
      // Sealed for a province: the answer names the kabupaten/kota whose list it came from.
      ...(province ? { w: province.kabupaten } : {}),
    }),
  );
  const length = province?.payload ?? payloadLength(payloads);
  const sealed = people.map((_, i) => ({ id: splitKey(keys[i]!).id, data: new Uint8Array(seal(keys[i]!, payloads[i]!, length)) }));
  return writeSealedList(dataDir, sealed, params, {
    payload: length,
    desil: people.some((p) => p.desil !== undefined),
    people: people.length,
  });
}

/** A run stopped between the two renames left new keys beside their parameters: finish it. */
async function finishInterruptedWrite(dataDir: string): Promise<void> {
  const csvTmp = path.join(dataDir, `${KEYS_FILE}.tmp`);
  const kdfTmp = path.join(dataDir, `${KDF_FILE}.tmp`);
  if (existsSync(kdfTmp)) {
    await rm(kdfTmp, { force: true });
    await rm(csvTmp, { force: true });
    return;
  } // stopped before either rename: the job redoes it
  if (!existsSync(csvTmp) || !existsSync(path.join(dataDir, KDF_FILE))) return;
  const kdf = JSON.parse(await readFile(path.join(dataDir, KDF_FILE), 'utf8'));
  const firstRow = (await readFile(csvTmp, 'utf8')).split(/\r?\n/)[1] ?? '';
  if (firstRow.endsWith(`,${kdf.id}`)) {
    await rename(csvTmp, path.join(dataDir, KEYS_FILE));
    say(
      `Dipulihkan: npm run hash sebelumnya terhenti di antara menulis ${KDF_FILE} dan ${KEYS_FILE}; kunci yang sesuai kini terpasang.`,
      `Restored: the previous npm run hash stopped between writing ${KDF_FILE} and ${KEYS_FILE}; the matching keys are now in place.`,
    );
  } else await rm(csvTmp, { force: true });
}

/** `--new-job` (the province's job file) and `--merge-parts` (the sealed parts into the province's list). */
async function provinceCommand(what: 'new' | 'merge', dataDir: string, desil: boolean): Promise<number> {
  const portal = await readPortal(dataDir);
  const code = String(portal?.kode_kabupaten ?? '');
  if (!/^\d{2}$/.test(code)) {
    say(
      `GALAT ${path.join(dataDir, 'portal.json')}: --new-job dan --merge-parts dijalankan di folder data provinsi (kode_kabupaten dua angka, mis. "34")`,
      `ERROR ${path.join(dataDir, 'portal.json')}: --new-job and --merge-parts run in a province's data folder (a two-digit code, e.g. "34")`,
    );
    return 1;
  }
  const jobFile = path.join(dataDir, JOB_FILE);
  if (what === 'new') {
    if (existsSync(jobFile)) {
      say(
        `GALAT ${jobFile} sudah ada: bagian yang disegel dengannya hanya bisa digabung dengan garam yang sama. Untuk rilis baru (garam baru), hapus berkas itu lalu jalankan lagi.`,
        `ERROR ${jobFile} exists: parts sealed with it merge only under the same salt. For a new release (a new salt), delete it and run again.`,
      );
      return 1;
    }
    const programs = await loadPrograms(folderIO(dataDir), []);
    await writeFile(jobFile, `${JSON.stringify(newProvinceJob(code, desil, programs), null, 2)}\n`);
    say(
      `Tugas provinsi ditulis: ${jobFile}. Kirim berkas ini ke setiap kabupaten/kota; mereka menjalankan npm run hash -- <daftar> --job ${JOB_FILE} di folder datanya sendiri, lalu mengirim penerima.csv dan penerima-kdf.json (bukan daftar aslinya) ke folder kabupatennya di sini.`,
      `Province job written: ${jobFile}. Send it to every kabupaten/kota; they run npm run hash -- <list> --job ${JOB_FILE} in their own data folder and send back penerima.csv and penerima-kdf.json (never the raw list) into their folder here.`,
    );
    return 0;
  }
  const { problems, parts, rows } = await mergeProvinceParts(dataDir);
  for (const p of problems) console.error(formatProblem(p, lang));
  if (hasErrors(problems)) return 1;
  say(
    `Digabung: ${parts.map((p) => `${p.folder} (${p.entries})`).join(', ')} → ${rows} baris di ${KEYS_FILE}, ${KDF_FILE}`,
    `Merged: ${parts.map((p) => `${p.folder} (${p.entries})`).join(', ')} → ${rows} rows in ${KEYS_FILE}, ${KDF_FILE}`,
  );
  return 0;
}

/** The raw list, checked: people to hash, or the exit code after printing what is wrong. */
async function readList(
  input: string,
  dataDir: string,
  jobPrograms?: readonly Pick<Program, 'slug' | 'jenis'>[],
): Promise<{ people: Person[]; rows: number; bytes: Uint8Array } | number> {
  const config = portalSchema.safeParse(JSON.parse(await readFile(path.join(dataDir, 'portal.json'), 'utf8').catch(() => 'null')));
  if (!config.success) {
    say(
      `GALAT ${path.join(dataDir, 'portal.json')}: tidak ada atau tidak sah (jalankan npm run build untuk rinciannya)`,
      `ERROR ${path.join(dataDir, 'portal.json')}: missing or invalid (run npm run build for details)`,
    );
    return 1;
  }
  const tree = await loadRegionTree(config.data.kode_kabupaten);
  if (!tree) {
    say(
      `GALAT portal.json: kode_kabupaten ${config.data.kode_kabupaten} tidak dikenal`,
      `ERROR portal.json: unknown kode_kabupaten ${config.data.kode_kabupaten}`,
    );
    return 1;
  }
  // A province job names the province's programs; a kabupaten folder in a province portal has none of its own.
  const programs = jobPrograms ? (jobPrograms as Program[]) : await loadPrograms(folderIO(dataDir), []);
  const bytes = await readFile(input).catch(() => undefined);
  if (!bytes) {
    say(`GALAT ${input}: berkas tidak ada`, `ERROR ${input}: file missing`);
    return 1;
  }
  const { people, rows, problems } = readRecipients(bytes, path.basename(input), tree, programs);
  for (const p of problems) console.error(formatProblem(p, lang));
  if (hasErrors(problems)) {
    const n = problems.filter((p) => p.level === 'error').length;
    say(`\nTidak ada yang ditulis: perbaiki ${n} galat di atas.`, `\nNothing written: fix the ${n} error(s) above.`);
    return 1;
  }
  return { people, rows, bytes };
}

/** Derive the keys of positions [from, to) not yet in the checkpoint, checkpointing each batch. */
async function derive(
  people: Person[],
  todo: number[],
  params: KdfParams,
  dir: string,
  part: string,
  o: { threads?: number; quiet: boolean },
  done: Map<number, string>,
): Promise<void> {
  const writer = checkpointWriter(dir, part);
  let last = 0;
  const t0 = performance.now();
  try {
    await deriveKeys(
      todo.map((i) => [people[i]!.nik, people[i]!.kk] as [string, string]),
      params,
      {
        ...(o.threads ? { threads: o.threads } : {}),
        onBatch: (positions, keys) => {
          writer.append(
            positions.map((p) => todo[p]!),
            keys,
          );
          for (const [j, p] of positions.entries()) done.set(todo[p]!, keys[j]!);
        },
        onProgress: ({ done: n, total, seconds }) => {
          if (o.quiet || (performance.now() - last < 200 && n < total)) return;
          last = performance.now();
          const rate = n / Math.max(seconds, 1e-9);
          const fill = Math.round((n / total) * 30);
          const eta = Math.ceil((total - n) / Math.max(rate, 1e-9));
          process.stderr.write(
            `\r[${'#'.repeat(fill)}${'.'.repeat(30 - fill)}] ${n}/${total}  ${rate.toFixed(1)} ${lang === 'en' ? `people/s  left ~${eta} s` : `orang/dtk  sisa ~${eta} dtk`}`,
          );
        },
      },
    );
  } finally {
    writer.close();
  }
  if (!o.quiet && todo.length) process.stderr.write('\n');
  const secs = (performance.now() - t0) / 1000;
  if (todo.length)
    say(
      `${todo.length} kunci dalam ${secs.toFixed(1)} dtk (${(todo.length / secs).toFixed(1)} orang/dtk).`,
      `${todo.length} keys in ${secs.toFixed(1)}s (${(todo.length / secs).toFixed(1)} people/s).`,
    );
}

await runCli(async () => {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      data: { type: 'string', default: process.env.DATA_DIR ?? 'data' },
      threads: { type: 'string' },
      part: { type: 'string' },
      merge: { type: 'boolean', default: false },
      quiet: { type: 'boolean', default: false },
      desil: { type: 'boolean', default: false },
      job: { type: 'string' },
      'new-job': { type: 'boolean', default: false },
      'merge-parts': { type: 'boolean', default: false },
    },
  });
  if (values['new-job'] || values['merge-parts'])
    return provinceCommand(values['new-job'] ? 'new' : 'merge', path.resolve(values.data!), values.desil!);
  const input = positionals[0];
  const part = values.part ? /^(\d+)\/(\d+)$/.exec(values.part) : null;
  if (!input || (values.part && (!part || Number(part[1]) < 1 || Number(part[1]) > Number(part[2])))) {
    say(
      'Pemakaian: npm run hash -- data/private/<daftar-penerima>.csv [--part i/n | --merge]  (mis. --part 2/8)',
      'Usage: npm run hash -- data/private/<recipient-list>.csv [--part i/n | --merge]  (e.g. --part 2/8)',
    );
    return 2;
  }
  const dataDir = path.resolve(values.data!);
  await finishInterruptedWrite(dataDir);
  // Sealing for a province: its salt, payload length and programs, so every kabupaten's part merges into one list.
  const province = values.job ? await readProvinceJob(path.resolve(values.job)).catch(() => undefined) : undefined;
  if (values.job && !province) {
    say(
      `GALAT ${values.job}: bukan berkas tugas provinsi yang sah (buat di provinsi dengan npm run hash -- --new-job)`,
      `ERROR ${values.job}: not a valid province job file (made at the province with npm run hash -- --new-job)`,
    );
    return 1;
  }
  const list = await readList(input, dataDir, province?.program);
  if (typeof list === 'number') return list;
  // Only what a citizen needs today is published (src: scripts/hash/seal.ts). The desil is a ranking of a
  // household's poverty: anyone holding a leaked NIK + KK list could read it, so it is sealed only on request.
  const withDesil = values.desil!;
  const people = currentGrants(list.people).map((p) => (withDesil ? p : { ...p, desil: undefined }));
  if (!withDesil && list.people.some((p) => p.desil !== undefined))
    say(
      'Catatan: kolom desil tidak dimuat ke dalam entri (bawaan). Siapa pun yang memegang daftar NIK + KK yang bocor dapat membaca isi entri; tambahkan --desil bila Dinas Sosial memutuskan menampilkan desil di cek bansos.',
      'Note: the desil column is not sealed into the entries (the default). Anyone holding a leaked NIK + KK list can read an entry; add --desil if the office decides to show the desil in the lookup.',
    );
  const { rows, bytes } = list;

  // The job keeps the salt and the keys made so far, so a rerun or another part carries on.
  const sha = createHash('sha256').update(bytes).digest('hex');
  const dir = jobDir(dataDir, sha);
  const { job, resumed } = await openJob(dir, () => ({
    input: sha,
    people: people.length,
    params: province ? province.params : { ...DEFAULT_KDF, salt: randomBytes(16).toString('hex') },
    created: new Date().toISOString(),
  }));
  if (job.people !== people.length) throw new Error(`job ${dir} does not match its input`);
  if (province && kdfId(job.params as KdfParams) !== kdfId(province.params as KdfParams)) {
    say(
      `GALAT: pekerjaan yang terhenti di ${dir} memakai garam lain dari ${values.job}; hapus folder itu lalu jalankan lagi.`,
      `ERROR: the interrupted job in ${dir} used another salt than ${values.job}; delete that folder and run again.`,
    );
    return 1;
  }
  const params = job.params as KdfParams;
  const done = await readCheckpoints(dir, job);

  if (!values.merge) {
    const [from, to] = part ? partRange(people.length, Number(part[1]), Number(part[2])) : [0, people.length];
    const todo = Array.from({ length: to - from }, (_, i) => from + i).filter((i) => !done.has(i));
    const scope = part
      ? { id: `; bagian ${part[1]}/${part[2]}: orang ${from + 1}–${to}`, en: `; part ${part[1]}/${part[2]}: people ${from + 1}–${to}` }
      : { id: '', en: '' };
    const again = resumed
      ? {
          id: `; dilanjutkan dengan garam yang sama: ${to - from - todo.length} sudah ada, ${todo.length} tersisa`,
          en: `; resumed with the same salt: ${to - from - todo.length} done, ${todo.length} left`,
        }
      : { id: '', en: '' };
    say(
      `${rows} baris → ${people.length} orang${scope.id}; ${kdfLabel(params)}${again.id}…`,
      `${rows} rows → ${people.length} people${scope.en}; ${kdfLabel(params)}${again.en}…`,
    );
    await derive(
      people,
      todo,
      params,
      dir,
      part ? `${part[1]}-of-${part[2]}` : 'all',
      { ...(values.threads ? { threads: Number(values.threads) } : {}), quiet: values.quiet! },
      done,
    );
    if (part) {
      const left = people.length - done.size;
      say(
        left
          ? `Bagian ${part[1]}/${part[2]} selesai; ${left} orang di bagian lain belum. Setelah semua bagian selesai: npm run hash -- ${input} --merge`
          : `Semua bagian selesai. Gabungkan: npm run hash -- ${input} --merge`,
        left
          ? `Part ${part[1]}/${part[2]} done; ${left} people in other parts are not yet. When every part is done: npm run hash -- ${input} --merge`
          : `Every part is done. Merge: npm run hash -- ${input} --merge`,
      );
      return 0;
    }
  }
  const missing = people.map((_, i) => i).filter((i) => !done.has(i));
  if (missing.length) {
    say(
      `GALAT: ${missing.length} orang belum punya kunci (mis. orang ${missing[0]! + 1}); jalankan bagian yang belum selesai lagi, lalu --merge.`,
      `ERROR: ${missing.length} people have no key yet (e.g. person ${missing[0]! + 1}); run the unfinished parts again, then --merge.`,
    );
    return 1;
  }
  const kabupaten = (await readPortal(dataDir)) as { kode_kabupaten?: string } | undefined;
  const written = await writeOutputs(
    dataDir,
    people,
    people.map((_, i) => done.get(i)),
    params,
    province ? { payload: province.payload, kabupaten: String(kabupaten?.kode_kabupaten ?? '') } : undefined,
  );
  await rm(dir, { recursive: true, force: true });
  const [csv, kdf] = [KEYS_FILE, KDF_FILE].map((f) => path.relative(process.cwd(), path.join(dataDir, f)));
  say(
    `Selesai: ${people.length} orang, ${written} baris → ${csv}, ${kdf}`,
    `Done: ${people.length} people, ${written} rows → ${csv}, ${kdf}`,
  );
  return 0;
});
