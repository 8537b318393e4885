/**
 * The lookup entries an office makes with `npm run hash`: `penerima.csv`
 * (one sealed entry per person: its public id and its encrypted answer —
 * never an identifier, never a program in the clear) and
 * `penerima-kdf.json` (the KDF, its parameters and this release's salt).
 * One schema each; the build and the hash CLI read them through here.
 *
 * The two files are bound together: every row carries `kdf`, a short id of
 * the parameters and salt its entry was made with. Entries made with one
 * salt and looked up with another would answer "not found" to every citizen,
 * so a mismatch stops the build.
 */
import { createHash } from 'node:crypto';
import * as z from 'zod';
import { parseCsv } from '../load/csv.ts';
import type { DataIO } from '../load/io.ts';
import { type Problem, t } from '../load/problems.ts';
import type { KdfParams } from '../shared/kdf.ts';
import { IV_BYTES, TAG_BYTES } from '../shared/sealed.ts';

export const KEYS_FILE = 'penerima.csv';
export const KDF_FILE = 'penerima-kdf.json';
export const KEY_COLUMNS = ['id', 'data', 'kdf'] as const;

const salt = {
  /** Output bytes: 16 for the entry's id and 16 for its AES key. */
  dkLen: z.literal(32),
  /** This release's random salt, hex. */
  salt: z.string().regex(/^[0-9a-f]{32,}$/),
};
const argon2id = {
  algorithm: z.literal('argon2id'),
  /** Memory, KiB: at least OWASP's 19 MiB. */
  m: z.number().int().min(19_456),
  /** Passes over the memory. */
  t: z.number().int().min(1),
  p: z.number().int().min(1),
  ...salt,
};
const scrypt = {
  algorithm: z.literal('scrypt'),
  /** CPU/memory cost: a power of two, at least 2^14. */
  N: z
    .number()
    .int()
    .min(2 ** 14)
    .refine((n) => Number.isInteger(Math.log2(n)), 'pangkat dua'),
  r: z.number().int().min(8),
  p: z.number().int().min(1),
  ...salt,
};

/** The KDF and its parameters with the salt (what the browser needs; also a hash job's). */
export const kdfParamsSchema = z.discriminatedUnion('algorithm', [z.object(argon2id), z.object(scrypt)]);

const release = {
  /** Short id of the parameters and salt; every row carries it. */
  id: z.string().regex(/^[0-9a-f]{8}$/),
  /** Length of every entry's padded answer, bytes. */
  payload: z.number().int().min(64).max(4096),
  /** Whether the entries carry the household's desil. */
  desil: z.boolean(),
  dibuat: z.string().optional(),
  /** People with an entry; with `awalan` the rest of the entries are decoys. */
  orang: z.number().int().optional(),
  /** The portal release (`rilis.label`) the list was hashed for; its salt is new with every hashing. */
  rilis: z.string().optional(),
  /** sha256 of penerima.csv as written: a list edited by hand keeps its salt but not this. */
  entri: z
    .string()
    .regex(/^sha256:[0-9a-f]{64}$/)
    .optional(),
  /** Shard layout of a list that holds its decoys: id prefix length (16^awalan files)… */
  awalan: z.number().int().min(1).max(6).optional(),
  /** …and entries per file, real and decoy. */
  per_berkas: z.number().int().min(1).optional(),
  /** Hashed from a synthetic list in a sample portal. */
  contoh: z.boolean().optional(),
};

/** `penerima-kdf.json`: Argon2id (since 2026) or scrypt, with the salt and what the entries hold. */
export const kdfFileSchema = z.discriminatedUnion('algorithm', [
  z.object({ ...argon2id, ...release }),
  z.object({ ...scrypt, ...release }),
]);
export type KdfFile = z.infer<typeof kdfFileSchema>;

/** The KDF parameters of a kdf file (what the browser needs). */
export const paramsOf = (k: KdfFile): KdfParams =>
  k.algorithm === 'argon2id'
    ? { algorithm: 'argon2id', m: k.m, t: k.t, p: k.p, dkLen: k.dkLen, salt: k.salt }
    : { algorithm: 'scrypt', N: k.N, r: k.r, p: k.p, dkLen: k.dkLen, salt: k.salt };

/** The id binding entries to the parameters they were made with. */
export const kdfId = (k: KdfParams): string => {
  const cost = k.algorithm === 'argon2id' ? `${k.m}|${k.t}` : `${k.N}|${k.r}`;
  return createHash('sha256').update(`${k.algorithm}|${cost}|${k.p}|${k.dkLen}|${k.salt}`).digest('hex').slice(0, 8);
};

export interface SealedEntry {
  /** Public id, hex (32 characters); its first digits name the shard. */
  id: string;
  /** iv | ciphertext | tag. */
  data: Uint8Array;
}

/** Read and check both files; undefined when the folder has neither. Any problem is an error: the citizen lookup depends on them. */
export async function loadRecipientKeys(
  io: DataIO,
  problems: Problem[],
): Promise<{ kdf: KdfFile; entries: SealedEntry[]; layout?: { prefixLength: number; perShard: number } } | undefined> {
  const csv = await io.read(KEYS_FILE);
  const meta = await io.read(KDF_FILE);
  if (!csv && !meta) return undefined;
  const again = t('buat ulang dengan npm run hash', 'recreate with npm run hash');
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
    if (kdf.id !== kdfId(paramsOf(kdf))) throw new Error('id');
  } catch {
    problems.push({
      level: 'error',
      kind: 'invalid_config',
      file: KDF_FILE,
      expected: t(
        `parameter KDF dari npm run hash (Argon2id atau scrypt, garam heksadesimal, id yang cocok); ${again.id}`,
        `KDF parameters from npm run hash (Argon2id or scrypt, hex salt, a matching id); ${again.en}`,
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
      expected: t(`tepat kolom ${KEY_COLUMNS.join(',')} (${again.id})`, `exactly the columns ${KEY_COLUMNS.join(',')} (${again.en})`),
    });
    return undefined;
  }
  const dataBytes = IV_BYTES + kdf.payload + TAG_BYTES;
  const entries: SealedEntry[] = [];
  const lineOf = new Map<string, number>(); // id → first line: an id twice is a line copied by hand (or a file joined twice)
  let mismatched = false;
  for (const { line, cells } of parsed.table.rows) {
    const [id = '', data = '', rowKdf = ''] = cells;
    const bytes = Buffer.from(data, 'base64');
    const bad =
      rowKdf !== kdf.id
        ? ([
            3,
            rowKdf,
            t(
              `"${kdf.id}", id garam di penerima-kdf.json: entri ini dibuat dengan garam lain. Jalankan npm run hash lagi (ia melanjutkan dari titik simpannya)`,
              `"${kdf.id}", the salt id in penerima-kdf.json: these entries were made with another salt. Run npm run hash again (it resumes from its checkpoint)`,
            ),
            'kdf_mismatch',
          ] as const)
        : !/^[0-9a-f]{32}$/.test(id)
          ? ([1, id, t('id heksadesimal 32 karakter', 'a 32-character hex id'), 'invalid_value'] as const)
          : bytes.length !== dataBytes
            ? ([
                2,
                data.slice(0, 20),
                t(`entri tersegel ${dataBytes} byte (base64)`, `a sealed entry of ${dataBytes} bytes (base64)`),
                'invalid_value',
              ] as const)
            : undefined;
    if (bad) {
      if (bad[3] === 'kdf_mismatch' && mismatched) continue; // one line says it; every row would repeat it
      mismatched ||= bad[3] === 'kdf_mismatch';
      problems.push({
        level: 'error',
        kind: bad[3],
        file: KEYS_FILE,
        line,
        column: bad[0],
        field: KEY_COLUMNS[bad[0] - 1],
        value: bad[1],
        expected: bad[2],
      });
    } else if (lineOf.has(id)) {
      problems.push({
        level: 'error',
        kind: 'duplicate_key',
        file: KEYS_FILE,
        line,
        column: 1,
        field: 'id',
        value: `${id.slice(0, 8)}…`,
        expected: t(
          `satu baris per id; id ini sudah ada di baris ${lineOf.get(id)} (baris tersalin atau berkas tergabung dua kali: ${again.id})`,
          `one line per id; this id is already on line ${lineOf.get(id)} (a copied line or a file joined twice: ${again.en})`,
        ),
      });
    } else {
      lineOf.set(id, line);
      entries.push({ id, data: new Uint8Array(bytes) });
    }
  }
  // The salt promises that new entries come with a new salt (/metodologi/): entries changed by hand would not.
  if (
    !problems.some((p) => p.file === KEYS_FILE && p.level === 'error') &&
    kdf.entri &&
    kdf.entri !== `sha256:${createHash('sha256').update(csv).digest('hex')}`
  ) {
    problems.push({
      level: 'error',
      kind: 'lookup_edited',
      file: KEYS_FILE,
      expected: t(
        'penerima.csv persis seperti ditulis npm run hash: berkas ini diubah sesudahnya, tetapi garamnya tetap. Jangan menyunting penerima.csv; ubah daftar asli di data/private/ lalu jalankan npm run hash lagi (garam baru)',
        'penerima.csv exactly as npm run hash wrote it: this one was changed afterwards, under the same salt. Do not edit penerima.csv; change the raw list in data/private/ and run npm run hash again (a new salt)',
      ),
    });
    return undefined;
  }
  const layout = layoutOf(kdf);
  if (layout && !problems.some((p) => p.file === KEYS_FILE && p.level === 'error')) {
    const counts = new Map<string, number>();
    for (const e of entries) counts.set(e.id.slice(0, layout.prefixLength), (counts.get(e.id.slice(0, layout.prefixLength)) ?? 0) + 1);
    const uneven = [...counts].find(([, n]) => n !== layout.perShard);
    if (counts.size !== 16 ** layout.prefixLength || uneven || kdf.orang === undefined || kdf.orang > entries.length) {
      problems.push({
        level: 'error',
        kind: 'invalid_value',
        file: KEYS_FILE,
        value: uneven ? `${uneven[0]}…: ${uneven[1]}` : String(entries.length),
        expected: t(
          `${16 ** layout.prefixLength} kelompok × ${layout.perShard} entri seperti tercatat di ${KDF_FILE} (berkas terpotong atau diubah: ${again.id})`,
          `${16 ** layout.prefixLength} groups × ${layout.perShard} entries as ${KDF_FILE} records (the file was cut or edited: ${again.en})`,
        ),
      });
    }
  }
  return { kdf, entries, ...(layout ? { layout } : {}) };
}

/** The shard layout a list that holds its decoys was written for. */
export const layoutOf = (k: KdfFile): { prefixLength: number; perShard: number } | undefined =>
  k.awalan && k.per_berkas ? { prefixLength: k.awalan, perShard: k.per_berkas } : undefined;
