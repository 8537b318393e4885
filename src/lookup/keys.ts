/**
 * The lookup keys an office makes with `npm run hash`: `penerima.csv`
 * (scrypt keys with program, status and period — never an identifier) and
 * `penerima-kdf.json` (the KDF parameters and this release's salt). One
 * schema each; both the build and the hash CLI read them through here.
 *
 * The two files are bound together: every key row carries `kdf`, a short id
 * of the parameters and salt it was derived with. Keys made with one salt
 * and looked up with another would answer "not found" to every citizen, so
 * a mismatch stops the build.
 */
import { createHash } from 'node:crypto';
import * as z from 'zod';
import { STATUS_CODES, STATUSES } from '../domain/aid.ts';
import { parseCsv } from '../load/csv.ts';
import type { DataIO } from '../load/io.ts';
import { t, type Problem } from '../load/problems.ts';
import type { Program } from '../load/schema/program.ts';
import type { KdfParams } from '../shared/kdf.ts';

export const KEYS_FILE = 'penerima.csv';
export const KDF_FILE = 'penerima-kdf.json';
export const KEY_COLUMNS = ['kunci', 'program', 'status', 'periode', 'desil', 'kdf'] as const;

/** `penerima-kdf.json`. */
export const kdfFileSchema = z.object({
  algorithm: z.literal('scrypt'),
  /** CPU/memory cost: a power of two, at least 2^14. */
  N: z
    .number()
    .int()
    .min(2 ** 14)
    .refine((n) => Number.isInteger(Math.log2(n)), 'pangkat dua'),
  r: z.number().int().min(8),
  p: z.number().int().min(1),
  dkLen: z.number().int().min(16).max(64),
  /** This release's random salt, hex. */
  salt: z.string().regex(/^[0-9a-f]{32,}$/),
  /** Short id of the parameters and salt; every key row carries it. */
  id: z.string().regex(/^[0-9a-f]{8}$/),
  dibuat: z.string().optional(),
  orang: z.number().int().optional(),
  baris: z.number().int().optional(),
});
export type KdfFile = z.infer<typeof kdfFileSchema>;

/** The id binding keys to the parameters they were derived with. */
export const kdfId = (k: Omit<KdfParams, never>): string =>
  createHash('sha256').update(`${k.algorithm}|${k.N}|${k.r}|${k.p}|${k.dkLen}|${k.salt}`).digest('hex').slice(0, 8);

export interface KeyRow {
  kunci: string;
  program: string;
  status: string;
  periode: string;
  /** The household's DTSEN desil, when the raw list gave it. */
  desil?: number;
}

/** One row of `penerima.csv`, checked against the folder's programs and the KDF's key length. */
const keyRowSchema = (kdf: KdfFile, programs: ReadonlySet<string>) =>
  z.object({
    kunci: z
      .string()
      .regex(
        new RegExp(`^[0-9a-f]{${kdf.dkLen * 2}}$`),
        t(`kunci heksadesimal ${kdf.dkLen * 2} karakter`, `a ${kdf.dkLen * 2}-character hex key`).id,
      ),
    program: z.string().refine((p) => programs.has(p)),
    status: z.string().refine((s) => s in STATUSES),
    periode: z.string().min(1).max(40),
    desil: z.string().regex(/^([1-9]|10)?$/),
    kdf: z.string(),
  });

const EXPECT: Record<(typeof KEY_COLUMNS)[number], (kdf: KdfFile, programs: ReadonlySet<string>) => ReturnType<typeof t>> = {
  kunci: (k) => t(`kunci heksadesimal ${k.dkLen * 2} karakter`, `a ${k.dkLen * 2}-character hex key`),
  program: () => t('program yang punya berkas di folder program/', 'a program with a file in the program/ folder'),
  status: () => t(`salah satu status: ${STATUS_CODES.join(', ')}`, `one of: ${STATUS_CODES.join(', ')}`),
  periode: () => t('periode (maks. 40 karakter)', 'a period (at most 40 characters)'),
  desil: () => t('desil 1–10 atau kosong', 'a desil 1–10 or empty'),
  kdf: (k) =>
    t(
      `"${k.id}", id garam di penerima-kdf.json: kunci ini dibuat dengan garam lain. Jalankan npm run hash lagi (ia melanjutkan dari titik simpannya)`,
      `"${k.id}", the salt id in penerima-kdf.json: these keys were made with another salt. Run npm run hash again (it resumes from its checkpoint)`,
    ),
};

/** Read and check both files; undefined when the folder has neither. Any problem is an error: the citizen lookup depends on them. */
export async function loadRecipientKeys(
  io: DataIO,
  programs: readonly Program[],
  problems: Problem[],
): Promise<{ kdf: KdfParams; rows: KeyRow[] } | undefined> {
  const csv = await io.read(KEYS_FILE);
  const meta = await io.read(KDF_FILE);
  if (!csv && !meta) return undefined;
  if (!csv || !meta) {
    problems.push({
      level: 'error',
      kind: 'missing_file',
      file: csv ? KDF_FILE : KEYS_FILE,
      expected: t(
        'penerima.csv dan penerima-kdf.json bersama-sama (keduanya dibuat oleh npm run hash)',
        'penerima.csv and penerima-kdf.json together (both made by npm run hash)',
      ),
    });
    return undefined;
  }
  let kdf: KdfFile;
  try {
    kdf = kdfFileSchema.parse(JSON.parse(new TextDecoder().decode(meta)));
    if (kdf.id !== kdfId(kdf)) throw new Error('id');
  } catch {
    problems.push({
      level: 'error',
      kind: 'invalid_config',
      file: KDF_FILE,
      expected: t(
        'parameter scrypt dari npm run hash (N ≥ 16384, r ≥ 8, garam heksadesimal, id yang cocok); buat ulang dengan npm run hash',
        'scrypt parameters from npm run hash (N ≥ 16384, r ≥ 8, hex salt, a matching id); recreate with npm run hash',
      ),
    });
    return undefined;
  }
  const parsed = parseCsv(new TextDecoder().decode(csv), KEYS_FILE);
  problems.push(...parsed.problems);
  if (!parsed.table) return undefined;
  if (parsed.table.header.join(',') !== KEY_COLUMNS.join(',')) {
    problems.push({
      level: 'error',
      kind: 'unknown_column',
      file: KEYS_FILE,
      line: 1,
      value: parsed.table.header.join(','),
      expected: t(
        `tepat kolom ${KEY_COLUMNS.join(',')} (buat ulang dengan npm run hash)`,
        `exactly the columns ${KEY_COLUMNS.join(',')} (recreate with npm run hash)`,
      ),
    });
    return undefined;
  }
  const slugs = new Set(programs.map((p) => p.slug));
  const schema = keyRowSchema(kdf, slugs);
  const rows: KeyRow[] = [];
  let mismatched = 0;
  for (const { line, cells } of parsed.table.rows) {
    const row = Object.fromEntries(KEY_COLUMNS.map((c, i) => [c, cells[i] ?? '']));
    const res = schema.safeParse(row);
    const bad = res.success
      ? row.kdf === kdf.id
        ? undefined
        : 'kdf'
      : (String(res.error.issues[0]!.path[0]) as (typeof KEY_COLUMNS)[number]);
    if (bad === 'kdf' && ++mismatched > 1) continue; // one line says it; every row would repeat it
    if (bad) {
      const col = KEY_COLUMNS.indexOf(bad);
      problems.push({
        level: 'error',
        kind: bad === 'program' ? 'unknown_program' : bad === 'kdf' ? 'kdf_mismatch' : 'invalid_value',
        file: KEYS_FILE,
        line,
        column: col + 1,
        field: bad,
        value: cells[col] ?? '',
        expected: EXPECT[bad](kdf, slugs),
      });
    } else
      rows.push({
        kunci: row.kunci!,
        program: row.program!,
        status: row.status!,
        periode: row.periode!,
        ...(row.desil ? { desil: Number(row.desil) } : {}),
      });
  }
  const { algorithm, N, r, p, dkLen, salt } = kdf;
  return { kdf: { algorithm, N, r, p, dkLen, salt }, rows };
}
