/**
 * The lookup key: scrypt (RFC 7914) over the normalised `NIK|KK`, with a
 * random per-release salt. The same function, library (hash-wasm) and
 * parameters run in the operator's CLI and in the citizen's browser worker,
 * so both derive the same key. Browser-safe.
 */
import { scrypt } from 'hash-wasm';

export interface KdfParams {
  algorithm: 'scrypt';
  /** CPU/memory cost N (a power of two, ≥ 2^14). */
  N: number;
  r: number;
  p: number;
  /** Key length in bytes. */
  dkLen: number;
  /** Per-release random salt, hex. */
  salt: string;
}

export const DEFAULT_KDF = { algorithm: 'scrypt', N: 2 ** 14, r: 8, p: 1, dkLen: 16 } as const;

const hexToBytes = (hex: string): Uint8Array => Uint8Array.from(hex.match(/../g) ?? [], (h) => parseInt(h, 16));

/** The key for one person, hex. `nik` and `kk` must already be normalised (16 digits each). */
export function deriveKey(nik: string, kk: string, params: KdfParams): Promise<string> {
  return scrypt({
    password: `${nik}|${kk}`,
    salt: hexToBytes(params.salt),
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
