/**
 * The static lookup index: data/penerima.csv (scrypt keys with program,
 * status, period) → equal-sized shard files `cek/k/<prefix>.json`, named by
 * the first hex digits of the key (a k-anonymity range query: the browser
 * asks for a whole bucket, never for a key). Every possible prefix has a
 * file; every file holds the same number of entries, real or decoy, and the
 * same number of bytes. Decoys get random keys and payloads copied from real
 * entries, so they cannot be told apart.
 */
import { randomBytes, randomInt } from 'node:crypto';
import type { KdfParams } from '../shared/kdf.ts';

export type Grant = [program: string, status: string, periode: string];
/** A person's key, their grants, and their household's DTSEN desil (null when not given). */
export type Entry = [key: string, grants: Grant[], desil: number | null];

export interface ShardSet {
  prefixLength: number;
  /** Entries per shard, real plus decoy. */
  perShard: number;
  /** Bytes of every shard file. */
  bytes: number;
  real: number;
  files: { path: string; content: string }[];
}

/** At least `minPerShard` entries per bucket on average, and at least 16 buckets. */
export function prefixLengthFor(people: number, minPerShard = 50): number {
  let p = 1;
  while (16 ** (p + 1) * minPerShard <= people) p++;
  return p;
}

export function groupEntries(
  rows: readonly { kunci: string; program: string; status: string; periode: string; desil?: number }[],
): Entry[] {
  const by = new Map<string, Entry>();
  for (const r of rows) {
    const e = by.get(r.kunci) ?? [r.kunci, [], r.desil ?? null];
    e[1].push([r.program, r.status, r.periode]);
    by.set(r.kunci, e);
  }
  return [...by.values()];
}

/** Where decoys get their randomness (injected so tests can fix it). */
export interface ShardRandom {
  bytes: (n: number) => Buffer;
  int: (n: number) => number;
}

export function buildShards(
  entries: readonly Entry[],
  keyHexLength: number,
  minPerShard = 50,
  rand: ShardRandom = { bytes: randomBytes, int: (n) => randomInt(n) },
): ShardSet {
  const prefixLength = prefixLengthFor(entries.length, minPerShard);
  const buckets = Array.from({ length: 16 ** prefixLength }, (_, i) => i.toString(16).padStart(prefixLength, '0'));
  const byPrefix = new Map<string, Entry[]>(buckets.map((b) => [b, []]));
  for (const e of entries) byPrefix.get(e[0].slice(0, prefixLength))!.push(e);
  const perShard = Math.max(minPerShard, ...[...byPrefix.values()].map((x) => x.length));

  const decoy = (prefix: string): Entry => {
    const key = (prefix + rand.bytes(keyHexLength).toString('hex')).slice(0, keyHexLength);
    const like = entries.length ? entries[rand.int(entries.length)]! : undefined;
    return [key, like?.[1] ?? [], like?.[2] ?? null];
  };
  const bodies = buckets.map((prefix) => {
    const list = [...byPrefix.get(prefix)!];
    while (list.length < perShard) list.push(decoy(prefix));
    list.sort((a, b) => (a[0] < b[0] ? -1 : 1));
    return { prefix, json: JSON.stringify({ v: 1, e: list }) };
  });
  // Pad every file with trailing spaces (valid JSON) to one size.
  const bytes = Math.max(...bodies.map((b) => Buffer.byteLength(b.json)));
  return {
    prefixLength,
    perShard,
    bytes,
    real: entries.length,
    files: bodies.map((b) => ({ path: `cek/k/${b.prefix}.json`, content: b.json + ' '.repeat(bytes - Buffer.byteLength(b.json)) })),
  };
}

/** What /cek/ needs to find a shard. */
export interface CekManifest {
  kdf: KdfParams;
  prefixLength: number;
  perShard: number;
  shardBytes: number;
  /** People with at least one program in this release. */
  people: number;
  /** Whether the recipient list gave households' DTSEN desil (then the answer shows it). */
  desil: boolean;
}
