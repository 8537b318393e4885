/**
 * The static lookup index: sealed entries (keys.ts) → equal-size binary shard
 * files `cek/k/<prefix>.bin`, named by the first hex digits of the entries'
 * ids (a k-anonymity range query: the browser asks for a whole bucket, never
 * for an entry). Every possible prefix has a file; every file holds the same
 * number of records, real or decoy, of one size (id | iv | ciphertext),
 * sorted by id. Decoys are random bytes: without a NIK and a KK a real record
 * and a decoy look alike. Decoys are stored with the sealed list (made by
 * `npm run hash`), or derived reproducibly from it, never drawn anew per
 * build: two builds of one release give the same bytes. The files are random bytes, so they do not
 * compress; they are served as they are (Cache-Control: no-transform), and
 * every shard is the same size on the wire.
 */
import { createHash } from 'node:crypto';
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

/** How entries are spread: `16^prefixLength` shard files of `perShard` records each. */
export interface ShardLayout {
  prefixLength: number;
  perShard: number;
}

/** The layout for these ids: the prefix length for their number, and room for the fullest bucket. */
export function shardLayout(ids: readonly string[], minPerShard = 50): ShardLayout {
  const prefixLength = prefixLengthFor(ids.length, minPerShard);
  const counts = new Map<string, number>();
  for (const id of ids) counts.set(id.slice(0, prefixLength), (counts.get(id.slice(0, prefixLength)) ?? 0) + 1);
  return { prefixLength, perShard: Math.max(minPerShard, ...counts.values()) };
}

/** Where decoys get their bytes. */
export interface ShardRandom {
  bytes: (n: number) => Uint8Array;
}

/**
 * A reproducible byte stream (SHA-256 in counter mode over a seed): decoys the
 * build has to add are the same in every build of the same sealed list, so
 * two archived copies of the shards differ in nothing (a fresh random decoy
 * per build would leave exactly the real entries in common).
 */
export function seededRandom(seed: Uint8Array): ShardRandom {
  let counter = 0;
  let pool = Buffer.alloc(0);
  return {
    bytes(n) {
      while (pool.length < n) {
        const block = createHash('sha256').update(seed).update(String(counter++)).digest();
        pool = Buffer.concat([pool, block]);
      }
      const out = new Uint8Array(pool.subarray(0, n));
      pool = pool.subarray(n);
      return out;
    },
  };
}

const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');

/** A decoy entry in this bucket: a random id with the bucket's prefix, and random bytes of a sealed entry's length. */
function decoy(prefix: string, dataBytes: number, rand: ShardRandom): SealedEntry {
  const bytes = rand.bytes(ID_BYTES + dataBytes);
  const id = prefix + hex(bytes.subarray(0, ID_BYTES)).slice(prefix.length);
  return { id, data: bytes.slice(ID_BYTES) };
}

/**
 * Fill every bucket of the layout up to `perShard` with decoys. `npm run hash`
 * does this before it writes `penerima.csv`, so the file (which an office may
 * keep in a public repository) holds real and decoy entries alike, and the
 * build has nothing to add.
 */
export function withDecoys(entries: readonly SealedEntry[], layout: ShardLayout, rand: ShardRandom): SealedEntry[] {
  const dataBytes = entries[0]?.data.length ?? 0;
  const counts = new Map<string, number>();
  for (const e of entries) counts.set(e.id.slice(0, layout.prefixLength), (counts.get(e.id.slice(0, layout.prefixLength)) ?? 0) + 1);
  const out = [...entries];
  for (let i = 0; i < 16 ** layout.prefixLength; i++) {
    const prefix = i.toString(16).padStart(layout.prefixLength, '0');
    for (let n = counts.get(prefix) ?? 0; n < layout.perShard; n++) out.push(decoy(prefix, dataBytes, rand));
  }
  return out.sort((a, b) => a.id.localeCompare(b.id));
}

/**
 * The shard files for a sealed list. With `layout` (recorded by `npm run hash`
 * beside a list that already holds its decoys) buckets are filled as they
 * are; a list without one (made before decoys were stored) gets its decoys
 * here, from `rand`. `real` is how many entries are people.
 */
export function buildShards(
  entries: readonly SealedEntry[],
  o: { layout?: ShardLayout; minPerShard?: number; rand: ShardRandom; real?: number },
): ShardSet {
  const dataBytes = entries[0]?.data.length ?? 0;
  const recordBytes = ID_BYTES + dataBytes;
  const layout =
    o.layout ??
    shardLayout(
      entries.map((e) => e.id),
      o.minPerShard ?? 50,
    );
  const { prefixLength, perShard } = layout;
  const all = withDecoys(entries, layout, o.rand);
  const byPrefix = new Map<string, SealedEntry[]>();
  for (const e of all) {
    const list = byPrefix.get(e.id.slice(0, prefixLength)) ?? [];
    list.push(e);
    byPrefix.set(e.id.slice(0, prefixLength), list);
  }
  const files = [...byPrefix.keys()].sort().map((prefix) => {
    const list = byPrefix.get(prefix)!;
    if (list.length !== perShard) throw new Error(`shard ${prefix}: ${list.length} entries, layout says ${perShard}`);
    const content = new Uint8Array(perShard * recordBytes);
    list.forEach((e, i) => {
      content.set(Buffer.from(e.id, 'hex'), i * recordBytes);
      content.set(e.data, i * recordBytes + ID_BYTES);
    });
    return { path: `cek/k/${prefix}.bin`, content };
  });
  return { prefixLength, perShard, recordBytes, bytes: perShard * recordBytes, real: o.real ?? entries.length, files };
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
  /** The release the list (and its salt) was processed for, or the day it was, for lists that did not record it. */
  listRelease: string;
}
