/**
 * Worker thread for `npm run hash`: derives keys for batches of `NIK|KK`
 * pairs with Node's native scrypt (OpenSSL), measured 1.6× faster than the
 * WebAssembly build the browser runs; tests/hash.test.ts proves both give the
 * same keys.
 */
import { scryptSync } from 'node:crypto';
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import type { KdfParams } from '../../src/shared/kdf.ts';

/** The lookup key of one person, hex: scrypt(`NIK|KK`, salt) with the release's parameters. */
export function nativeKey(nik: string, kk: string, params: KdfParams): string {
  // scrypt needs 128·N·r bytes; Node refuses more than `maxmem` (32 MiB by default).
  const maxmem = 256 * params.N * params.r + 1024 * 1024;
  return scryptSync(`${nik}|${kk}`, Buffer.from(params.salt, 'hex'), params.dkLen, {
    N: params.N,
    r: params.r,
    p: params.p,
    maxmem,
  }).toString('hex');
}

if (!isMainThread) {
  const params = workerData as KdfParams;
  parentPort!.on('message', (batch: { id: number; pairs: [string, string][] }) => {
    parentPort!.postMessage({ id: batch.id, keys: batch.pairs.map(([nik, kk]) => nativeKey(nik, kk, params)) });
  });
}
