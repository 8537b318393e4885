/** Worker thread for `npm run hash`: derives keys for batches of `NIK|KK` pairs. */
import { parentPort, workerData } from 'node:worker_threads';
import { deriveKey, type KdfParams } from '../../src/shared/kdf.ts';

const params = workerData as KdfParams;
parentPort!.on('message', async (batch: { id: number; pairs: [string, string][] }) => {
  const keys: string[] = [];
  for (const [nik, kk] of batch.pairs) keys.push(await deriveKey(nik, kk, params));
  parentPort!.postMessage({ id: batch.id, keys });
});
