/**
 * Writing a sealed lookup list: `penerima.csv` (public id, sealed answer, the
 * salt's id; decoys fill every shard to one size, written into the file
 * itself) and `penerima-kdf.json` (the KDF with its salt, the payload length,
 * the shard layout and a digest of the entries). Both go to temporary files
 * first and the entries are renamed last, so a stop in between is finished
 * or undone by the next run (hash.ts `finishInterruptedWrite`). One writer for
 * a kabupaten's list and for a province's merged parts.
 */
import { createHash, randomBytes } from 'node:crypto';
import { readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { toCsv } from '../../src/load/csv.ts';
import { KDF_FILE, kdfId, KEY_COLUMNS, KEYS_FILE, type SealedEntry } from '../../src/lookup/keys.ts';
import { shardLayout, withDecoys } from '../../src/lookup/shards.ts';
import type { KdfParams } from '../../src/shared/kdf.ts';

/** What the writer reads of the folder's portal.json (missing or broken: undefined). */
export const readPortal = (
  dataDir: string,
): Promise<{ data_contoh?: unknown; rilis?: { label?: unknown }; kode_kabupaten?: unknown } | undefined> =>
  readFile(path.join(dataDir, 'portal.json'), 'utf8')
    .then((text) => JSON.parse(text))
    .catch(() => undefined);

/** Write the list; returns the number of rows (entries and decoys). */
export async function writeSealedList(
  dataDir: string,
  sealed: readonly SealedEntry[],
  params: KdfParams,
  o: { payload: number; desil: boolean; people: number },
): Promise<number> {
  const id = kdfId(params);
  // Decoys go into the file itself: a copy of it (a public repository) then tells real entries from decoys no
  // better than the published shards do, and every build of it gives the same shards.
  const layout = shardLayout(sealed.map((e) => e.id));
  const entries = withDecoys(sealed, layout, { bytes: (n) => new Uint8Array(randomBytes(n)) });
  // Sorted by id (withDecoys), so row order says nothing about the raw list's order.
  const rows = entries.map((e) => ({ id: e.id, data: Buffer.from(e.data).toString('base64'), kdf: id }));
  const csvPath = path.join(dataDir, KEYS_FILE);
  const kdfPath = path.join(dataDir, KDF_FILE);
  const csv = toCsv([...KEY_COLUMNS], rows);
  await writeFile(`${csvPath}.tmp`, csv);
  const portal = await readPortal(dataDir);
  const meta = {
    ...params,
    id,
    payload: o.payload,
    desil: o.desil,
    dibuat: new Date().toISOString().slice(0, 10),
    orang: o.people,
    ...(portal?.rilis?.label ? { rilis: String(portal.rilis.label) } : {}),
    awalan: layout.prefixLength,
    per_berkas: layout.perShard,
    entri: `sha256:${createHash('sha256').update(csv).digest('hex')}`,
    // Hashed in a sample portal: a synthetic list, which a real portal's build refuses.
    ...(portal?.data_contoh === true ? { contoh: true } : {}),
  };
  await writeFile(`${kdfPath}.tmp`, `${JSON.stringify(meta, null, 2)}\n`);
  await rename(`${kdfPath}.tmp`, kdfPath);
  await rename(`${csvPath}.tmp`, csvPath);
  return rows.length;
}
