/**
 * The lookup of a province portal, made without any raw list leaving the
 * office that holds it. The province writes one job file
 * (`penerima-tugas.json`: the KDF, its salt and the payload length); each
 * kabupaten/kota seals its own list with it in its own office
 * (`npm run hash -- <list> --job penerima-tugas.json`, into its folder); the
 * province merges the sealed parts (`npm run hash -- --merge-parts`) into one
 * list of equal shards. One salt for all: a reader derives one key per
 * guess, not one per kabupaten. A part sealed with another job is refused,
 * naming its folder.
 */
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import * as z from 'zod';
import { folderIO, subIO } from '../../src/load/io.ts';
import { t, type Problem } from '../../src/load/problems.ts';
import { KDF_FILE, kdfId, kdfParamsSchema, KEYS_FILE, loadRecipientKeys, type SealedEntry } from '../../src/lookup/keys.ts';
import { DEFAULT_KDF, type KdfParams } from '../../src/shared/kdf.ts';
import type { Program } from '../../src/load/schema/program.ts';
import { writeSealedList } from './write.ts';
import { folderCode } from '../../src/load/province.ts';

export const JOB_FILE = 'penerima-tugas.json';

export const provinceJobSchema = z.object({
  /** The province's code: parts of another province's job are refused. */
  provinsi: z.string().regex(/^\d{2}$/),
  params: kdfParamsSchema,
  /** One payload length for every part, so entries of different kabupaten cannot be told apart by size. */
  payload: z.number().int().min(128).max(4096),
  desil: z.boolean(),
  /** The province's programs (slug and jenis): every kabupaten seals against the same list. */
  program: z.array(z.object({ slug: z.string(), jenis: z.enum(['keluarga', 'perorangan']) })).min(1),
  dibuat: z.string(),
});
export type ProvinceJob = z.infer<typeof provinceJobSchema>;

/** A new job for a province: a fresh salt, the portal's KDF, room for the longest answer a kabupaten may seal. */
export function newProvinceJob(
  province: string,
  desil: boolean,
  programs: readonly Pick<Program, 'slug' | 'jenis'>[],
  params: Omit<KdfParams, 'salt'> = DEFAULT_KDF,
): ProvinceJob {
  return {
    provinsi: province,
    program: programs.map((p) => ({ slug: p.slug, jenis: p.jenis })),
    params: kdfParamsSchema.parse({ ...params, salt: randomBytes(16).toString('hex') }),
    payload: 256,
    desil,
    dibuat: new Date().toISOString().slice(0, 10),
  };
}

export async function readProvinceJob(file: string): Promise<ProvinceJob> {
  return provinceJobSchema.parse(JSON.parse(await readFile(file, 'utf8')));
}

/**
 * Merge the sealed parts of every kabupaten/kota folder into the province's
 * `penerima.csv` and `penerima-kdf.json`: every part checked as a build checks
 * a list, every part made with this job, no id twice, then decoys so that
 * every shard holds the same number of entries.
 */
export async function mergeProvinceParts(
  dataDir: string,
): Promise<{ problems: Problem[]; parts: { folder: string; entries: number }[]; rows?: number }> {
  const problems: Problem[] = [];
  const job = await readProvinceJob(path.join(dataDir, JOB_FILE)).catch(() => undefined);
  if (!job) {
    problems.push({
      level: 'error',
      kind: 'missing_file',
      file: JOB_FILE,
      expected: t(
        `berkas tugas provinsi ${JOB_FILE} (buat dengan npm run hash -- --new-job; kirim ke setiap kabupaten/kota sebelum mereka menyegel)`,
        `the province job file ${JOB_FILE} (make it with npm run hash -- --new-job; send it to every kabupaten/kota before they seal)`,
      ),
    });
    return { problems, parts: [] };
  }
  const id = kdfId(job.params as KdfParams);
  const io = folderIO(dataDir);
  const parts: { folder: string; entries: SealedEntry[]; people: number }[] = [];
  for (const folder of await io.list('.')) {
    const code = folderCode(folder);
    if (!code || !(await io.list(folder)).includes(KEYS_FILE)) continue;
    const found: Problem[] = [];
    const keys = await loadRecipientKeys(subIO(io, folder), found);
    problems.push(...found.map((p) => ({ ...p, file: `${folder}/${p.file}` })));
    if (!keys) continue;
    if (keys.kdf.id !== id || keys.kdf.payload !== job.payload || !code.startsWith(`${job.provinsi}.`)) {
      problems.push({
        level: 'error',
        kind: 'kdf_mismatch',
        file: `${folder}/${KDF_FILE}`,
        value: keys.kdf.id,
        expected: t(
          `bagian yang disegel dengan tugas provinsi ini (${JOB_FILE}, id ${id}, muatan ${job.payload} byte): bagian ini dibuat dengan garam atau tugas lain. Minta ${folder} menyegel lagi dengan npm run hash -- <daftar> --job ${JOB_FILE}`,
          `a part sealed with this province job (${JOB_FILE}, id ${id}, payload ${job.payload} bytes): this part was made with another salt or job. Ask ${folder} to seal again with npm run hash -- <list> --job ${JOB_FILE}`,
        ),
      });
      continue;
    }
    parts.push({ folder, entries: keys.entries, people: keys.kdf.orang ?? 0 });
  }
  const seen = new Map<string, string>();
  for (const p of parts)
    for (const e of p.entries) {
      const other = seen.get(e.id);
      if (other && other !== p.folder) {
        problems.push({
          level: 'error',
          kind: 'duplicate_key',
          file: `${p.folder}/${KEYS_FILE}`,
          value: `${e.id.slice(0, 8)}…`,
          expected: t(
            `setiap orang di satu kabupaten/kota saja: entri ini juga ada di ${other}/ (orang yang pindah tercatat dua kali); hapus dari daftar asli salah satunya lalu segel lagi`,
            `each person in one kabupaten/kota only: this entry is also in ${other}/ (someone who moved, listed twice); remove them from one raw list and seal again`,
          ),
        });
        break;
      }
      seen.set(e.id, p.folder);
    }
  if (!parts.length && !problems.length)
    problems.push({
      level: 'error',
      kind: 'missing_file',
      file: `<kode>-<nama>/${KEYS_FILE}`,
      expected: t(
        'minimal satu folder kabupaten/kota dengan penerima.csv dan penerima-kdf.json yang disegel dengan tugas provinsi',
        'at least one kabupaten/kota folder with penerima.csv and penerima-kdf.json sealed with the province job',
      ),
    });
  if (problems.some((p) => p.level === 'error'))
    return { problems, parts: parts.map((p) => ({ folder: p.folder, entries: p.entries.length })) };

  const rows = await writeSealedList(
    dataDir,
    parts.flatMap((p) => p.entries),
    job.params as KdfParams,
    {
      payload: job.payload,
      desil: job.desil,
      people: parts.reduce((a, p) => a + p.people, 0),
    },
  );
  return { problems, parts: parts.map((p) => ({ folder: p.folder, entries: p.entries.length })), rows };
}
