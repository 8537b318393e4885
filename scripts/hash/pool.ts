/**
 * Derive keys for many people on every core: a pool of worker threads, each
 * running native scrypt. Results are handed over batch by batch as they
 * finish (`onBatch`), so the caller can checkpoint them; progress is reported.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { KdfParams } from '../../src/shared/kdf.ts';

export interface Progress {
  done: number;
  total: number;
  seconds: number;
}

export interface PoolOptions {
  threads?: number;
  batch?: number;
  onProgress?: (p: Progress) => void;
  /** Keys of one finished batch: positions in `pairs` and their keys. */
  onBatch?: (positions: number[], keys: string[]) => void;
}

export async function deriveKeys(pairs: readonly [string, string][], params: KdfParams, opts: PoolOptions = {}): Promise<string[]> {
  const threads = Math.max(1, Math.min(opts.threads ?? availableParallelism(), pairs.length || 1));
  const size = opts.batch ?? 16;
  const out = new Array<string>(pairs.length);
  const t0 = performance.now();
  let next = 0;
  let done = 0;
  const workers = Array.from({ length: threads }, () => new Worker(new URL('./worker.ts', import.meta.url), { workerData: params }));
  try {
    await Promise.all(
      workers.map(
        (w) =>
          new Promise<void>((resolve, reject) => {
            const send = () => {
              if (next >= pairs.length) {
                resolve();
                return;
              }
              const id = next;
              next += size;
              w.postMessage({ id, pairs: pairs.slice(id, id + size) });
            };
            w.on('message', ({ id, keys }: { id: number; keys: string[] }) => {
              keys.forEach((k, i) => {
                out[id + i] = k;
              });
              done += keys.length;
              opts.onBatch?.(
                keys.map((_, i) => id + i),
                keys,
              );
              opts.onProgress?.({ done, total: pairs.length, seconds: (performance.now() - t0) / 1000 });
              send();
            });
            w.on('error', reject);
            send();
          }),
      ),
    );
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return out;
}
