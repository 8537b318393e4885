/**
 * The lookup's key derivation. From the normalised `NIK|KK` and a random
 * per-release salt, a memory-hard KDF gives 32 bytes: the first 16 are the
 * entry's public **id** (its first hex digits name the shard), the last 16
 * the **AES-128-GCM key** that opens the entry (sealed.ts). Nothing in a
 * shard says anything without both numbers.
 *
 * Two algorithms, recorded with each release so older ones keep working:
 * Argon2id (default since 2026: 64 MiB, one pass — the form RFC 9106
 * recommends first, t = 1 with as much memory as the device allows; the
 * most memory per guess that keeps the lookup within 1.5 s on a phone 4×
 * slower than a laptop, measured in src/domain/lookup-cost.ts) and scrypt (RFC 7914; N = 2^14
 * before). The same library (hash-wasm) runs in the citizen's browser; the
 * CLI uses Node's native implementations, and tests prove they agree.
 * Browser-safe.
 */
import { argon2id, scrypt } from 'hash-wasm';
import { hexToBytes } from './sealed.ts';

export { hexToBytes, splitKey } from './sealed.ts';

export type KdfParams =
  | {
      algorithm: 'scrypt';
      /** CPU/memory cost N (a power of two, ≥ 2^14). */
      N: number;
      r: number;
      p: number;
      /** Output length in bytes: 32 (id + key), 16 in releases made before sealed entries. */
      dkLen: number;
      /** Per-release random salt, hex. */
      salt: string;
    }
  | {
      algorithm: 'argon2id';
      /** Memory in KiB. */
      m: number;
      /** Passes over the memory. */
      t: number;
      p: number;
      dkLen: number;
      salt: string;
    };

export const DEFAULT_KDF = { algorithm: 'argon2id', m: 65_536, t: 1, p: 1, dkLen: 32 } as const;

/** KDF output for one person, hex. `nik` and `kk` must already be normalised (16 digits each). */
export function deriveKey(nik: string, kk: string, params: KdfParams): Promise<string> {
  return derive(`${nik}|${kk}`, params);
}

/** The KDF over any password (the worker receives `NIK|KK`; tests send RFC 7914's vectors). */
export function derive(password: string, params: KdfParams): Promise<string> {
  const salt = hexToBytes(params.salt);
  if (params.algorithm === 'argon2id') {
    return argon2id({
      password,
      salt,
      iterations: params.t,
      memorySize: params.m,
      parallelism: params.p,
      hashLength: params.dkLen,
      outputType: 'hex',
    });
  }
  return scrypt({
    password,
    salt,
    costFactor: params.N,
    blockSize: params.r,
    parallelism: params.p,
    hashLength: params.dkLen,
    outputType: 'hex',
  });
}

/** Raw scrypt, for the RFC 7914 test vectors. */
export function scryptHex(password: string, salt: string, N: number, r: number, p: number, dkLen: number): Promise<string> {
  return scrypt({ password, salt, costFactor: N, blockSize: r, parallelism: p, hashLength: dkLen, outputType: 'hex' });
}
