/**
 * The static lookup index: sealed entries (keys.ts) → equal-size binary shard
 * files `cek/k/<prefix>.bin`, named by the first hex digits of the entries'
 * ids (a k-anonymity range query: the browser asks for a whole bucket, never
 * for an entry). Every possible prefix has a file; every file holds the same
 * number of records, real or decoy, of one size (id | iv | ciphertext),
 * sorted by id. Decoys are random bytes: without a NIK and a KK a real record
 * and a decoy look alike. The files are random bytes, so they do not
 * compress; they are served as they are (Cache-Control: no-transform), and
 * every shard is the same size on the wire.
 */
import { randomBytes } from 'node:crypto';
import type { KdfParams } from '../shared/kdf.ts';
import { ID_BYTES } from '../shared/sealed.ts';
import type { SealedEntry } from './keys.ts';

export interface ShardSet {
  prefixLength: number;
  /** Records per shard, real plus decoy. */
  perShard: number;
  /** Bytes of one record, and of every shard file. */
  recordBytes: number;
  bytes: number;
  real: number;
  files: { path: string; content: Uint8Array }[];
}

/** At least `minPerShard` entries per bucket on average, and at least 16 buckets. */
export function prefixLengthFor(people: number, minPerShard = 50): number {
  let p = 1;
  while (16 ** (p + 1) * minPerShard <= people) p++;
  return p;
}

/** Where decoys get their randomness (injected so tests can fix it). */
export interface ShardRandom {
  bytes: (n: number) => Uint8Array;
}

const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');

export function buildShards(
  entries: readonly SealedEntry[],
  minPerShard = 50,
  rand: ShardRandom = { bytes: (n) => randomBytes(n) },
): ShardSet {
  const dataBytes = entries[0]?.data.length ?? 0;
  const recordBytes = ID_BYTES + dataBytes;
  const prefixLength = prefixLengthFor(entries.length, minPerShard);
  const buckets = Array.from({ length: 16 ** prefixLength }, (_, i) => i.toString(16).padStart(prefixLength, '0'));
  const byPrefix = new Map<string, Uint8Array[]>(buckets.map((b) => [b, []]));
  for (const e of entries) {
    const record = new Uint8Array(recordBytes);
    record.set(Buffer.from(e.id, 'hex'));
    record.set(e.data, ID_BYTES);
    byPrefix.get(e.id.slice(0, prefixLength))!.push(record);
  }
  const perShard = Math.max(minPerShard, ...[...byPrefix.values()].map((x) => x.length));
  /** A decoy: a random id that falls in this bucket, and random bytes. */
  const decoy = (prefix: string): Uint8Array => {
    const record = rand.bytes(recordBytes);
    record.set(Buffer.from(prefix + hex(record.subarray(0, ID_BYTES)).slice(prefix.length), 'hex'), 0);
    return record;
  };
  const files = buckets.map((prefix) => {
    const list = [...byPrefix.get(prefix)!];
    while (list.length < perShard) list.push(decoy(prefix));
    list.sort((a, b) => Buffer.compare(a.subarray(0, ID_BYTES), b.subarray(0, ID_BYTES)));
    const content = new Uint8Array(perShard * recordBytes);
    list.forEach((r, i) => {
      content.set(r, i * recordBytes);
    });
    return { path: `cek/k/${prefix}.bin`, content };
  });
  return { prefixLength, perShard, recordBytes, bytes: perShard * recordBytes, real: entries.length, files };
}

/** What /cek/ needs to find and open an entry. */
export interface CekManifest {
  kdf: KdfParams;
  prefixLength: number;
  perShard: number;
  /** Bytes of one record in a shard. */
  recordBytes: number;
  shardBytes: number;
  /** People with at least one program in this release. */
  people: number;
  /** Whether the entries carry the household's DTSEN desil (then the answer shows it). */
  desil: boolean;
}
