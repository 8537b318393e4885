/**
 * Worker thread for `npm run hash`: derives keys for batches of `NIK|KK`
 * pairs with Node's native Argon2id or scrypt (OpenSSL), faster than the
 * WebAssembly build the browser runs; tests/hash.test.ts proves both give the
 * same keys.
 */
import { argon2Sync, scryptSync } from 'node:crypto';
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import type { KdfParams } from '../../src/shared/kdf.ts';

/** The KDF output for one person, hex (id and key, see src/shared/kdf.ts). */
export function nativeKey(nik: string, kk: string, params: KdfParams): string {
  const salt = Buffer.from(params.salt, 'hex');
  const message = `${nik}|${kk}`;
  if (params.algorithm === 'argon2id') {
    return argon2Sync('argon2id', {
      message,
      nonce: salt,
      parallelism: params.p,
      tagLength: params.dkLen,
      memory: params.m,
      passes: params.t,
    }).toString('hex');
  }
  // scrypt needs 128·N·r bytes; Node refuses more than `maxmem` (32 MiB by default).
  const maxmem = 256 * params.N * params.r + 1024 * 1024;
  return scryptSync(message, salt, params.dkLen, { N: params.N, r: params.r, p: params.p, maxmem }).toString('hex');
}

if (!isMainThread) {
  const params = workerData as KdfParams;
  parentPort!.on('message', (batch: { id: number; pairs: [string, string][] }) => {
    parentPort!.postMessage({ id: batch.id, keys: batch.pairs.map(([nik, kk]) => nativeKey(nik, kk, params)) });
  });
}
