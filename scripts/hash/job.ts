/**
 * A hashing job that survives being stopped and can be split across
 * machines. Its state lives in `<data>/private/.hash-<input>/` (git-ignored,
 * like the raw list; it holds keys, never identifiers):
 *   job.json          the input's sha256, the number of people, the KDF
 *                     parameters with the salt — created once, atomically, so
 *                     every part and every rerun uses the same salt;
 *   keys-<part>.txt   `position,key` lines appended as batches finish (the
 *                     checkpoint); a line torn by a kill is ignored.
 * A rerun skips every position already in any keys file; `--part i/n` takes
 * one contiguous block of people; the merge needs every position once.
 */
import { closeSync, fsyncSync, linkSync, openSync, writeSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import * as z from 'zod';
import { kdfParamsSchema } from '../../src/lookup/keys.ts';
import type { KdfParams } from '../../src/shared/kdf.ts';

export const jobSchema = z.object({
  input: z.string().regex(/^[0-9a-f]{64}$/),
  people: z.number().int().min(0),
  params: kdfParamsSchema,
  created: z.string(),
});
export type Job = z.infer<typeof jobSchema>;

export const jobDir = (dataDir: string, inputSha: string) => path.join(dataDir, 'private', `.hash-${inputSha.slice(0, 16)}`);

/** The job for this input: the existing one (resumed), or a new one — created atomically, so parallel parts agree on one salt. */
export async function openJob(dir: string, fresh: () => Job): Promise<{ job: Job; resumed: boolean }> {
  const file = path.join(dir, 'job.json');
  await mkdir(dir, { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  await writeFile(tmp, `${JSON.stringify(fresh(), null, 2)}\n`);
  let resumed = false;
  try {
    linkSync(tmp, file); // fails if another run created it first
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    resumed = true;
  } finally {
    await rm(tmp, { force: true });
  }
  return { job: jobSchema.parse(JSON.parse(await readFile(file, 'utf8'))), resumed };
}

/** Every key already derived, by position, from every keys file of the job. */
export async function readCheckpoints(dir: string, job: Job): Promise<Map<number, string>> {
  const line = new RegExp(`^(\\d+),([0-9a-f]{${job.params.dkLen * 2}})$`);
  const keys = new Map<number, string>();
  for (const f of (await readdir(dir)).filter((x) => /^keys-.*\.txt$/.test(x))) {
    for (const l of (await readFile(path.join(dir, f), 'utf8')).split('\n')) {
      const m = line.exec(l);
      if (m && Number(m[1]) < job.people) keys.set(Number(m[1]), m[2]!);
    }
  }
  return keys;
}

/** Append finished keys to this part's checkpoint; flushed to disk at most every second. */
export function checkpointWriter(dir: string, part: string) {
  const fd = openSync(path.join(dir, `keys-${part}.txt`), 'a');
  let synced = Date.now();
  return {
    append(positions: readonly number[], keys: readonly string[]) {
      writeSync(fd, positions.map((p, i) => `${p},${keys[i]}\n`).join(''));
      if (Date.now() - synced > 1000) {
        fsyncSync(fd);
        synced = Date.now();
      }
    },
    close() {
      fsyncSync(fd);
      closeSync(fd);
    },
  };
}

/** Positions of part `i` of `n` (1-based): one contiguous block. */
export const partRange = (people: number, i: number, n: number): [number, number] => [
  Math.floor(((i - 1) * people) / n),
  Math.floor((i * people) / n),
];

export const paramsOf = (job: Job): KdfParams => job.params;
