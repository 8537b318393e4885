/**
 * Worker thread for `npm run hash`: derives keys for batches of `NIK|KK`
 * pairs with Node's native scrypt (OpenSSL), measured 1.6× faster than the
 * WebAssembly build the browser runs; tests/kdf.test.ts proves both give the
 * same keys.
 */
import { scryptSync } from 'node:crypto';
import { parentPort, workerData } from 'node:worker_threads';
import type { KdfParams } from '../../src/shared/kdf.ts';

const params = workerData as KdfParams;
const salt = Buffer.from(params.salt, 'hex');
/** scrypt needs 128·N·r bytes; Node refuses more than `maxmem` (32 MiB by default). */
const maxmem = 256 * params.N * params.r + 1024 * 1024;

export const nodeKey = (nik: string, kk: string): string => scryptSync(`${nik}|${kk}`, salt, params.dkLen, { N: params.N, r: params.r, p: params.p, maxmem }).toString('hex');

parentPort?.on('message', (batch: { id: number; pairs: [string, string][] }) => {
  parentPort!.postMessage({ id: batch.id, keys: batch.pairs.map(([nik, kk]) => nodeKey(nik, kk)) });
});
