/**
 * Disclosure control on several threads (node:worker_threads): each table of
 * a portal is protected on its own (tables.ts), so a province's hundreds of
 * tables share the machine's cores. Tasks are drawn one at a time as a thread
 * is free (at most one per thread in memory besides the one being made) and
 * their flags handed back in task order, so the result does not depend on
 * which thread finished first.
 */
import { Worker } from 'node:worker_threads';
import type { Cell, Flag, IntervalReport, Relation } from './disclosure.ts';
import type { PriorValue } from './prior.ts';

/** What a thread gets: the table, and what earlier releases said of each of its cells (a function does not cross threads). */
export interface WorkerJob {
  cells: Cell[];
  relations: Relation[];
  k: number;
  before?: [string, PriorValue][];
}

export interface WorkerResult {
  flags: Map<string, Flag>;
  report: IntervalReport;
}

type Message = { flags: [string, Flag][]; report: IntervalReport } | { error: string };

export async function protectInWorkers<T extends { cells: Cell[]; relations: Relation[]; prior?: (id: string) => PriorValue | undefined }>(
  tasks: Iterable<T>,
  k: number,
  threads: number,
  apply: (task: T, result: WorkerResult) => void,
): Promise<void> {
  const iterator = tasks[Symbol.iterator]();
  const workers = Array.from({ length: Math.max(1, threads) }, () => new Worker(new URL('./worker.ts', import.meta.url)));
  const pending = new Map<number, { task: T; result?: WorkerResult }>();
  let next = 0;
  let applied = 0;
  let failed: Error | undefined;
  const flush = () => {
    for (let e = pending.get(applied); e?.result; e = pending.get(applied)) {
      pending.delete(applied);
      apply(e.task, e.result);
      applied++;
    }
  };
  const run = (worker: Worker): Promise<void> =>
    new Promise((resolve, reject) => {
      const take = () => {
        const step = failed ? { done: true as const, value: undefined } : iterator.next();
        if (step.done) return resolve();
        const task = step.value;
        const i = next++;
        pending.set(i, { task });
        const before: [string, PriorValue][] = [];
        if (task.prior)
          for (const c of task.cells) {
            const v = task.prior(c.id);
            if (v !== undefined) before.push([c.id, v]);
          }
        const job: WorkerJob = { cells: task.cells, relations: task.relations, k, ...(task.prior ? { before } : {}) };
        worker.once('message', (m: Message) => {
          if ('error' in m) {
            failed = new Error(m.error);
            return reject(failed);
          }
          pending.get(i)!.result = { flags: new Map(m.flags), report: m.report };
          flush();
          take();
        });
        worker.postMessage(job);
      };
      worker.once('error', reject);
      take();
    });
  try {
    await Promise.all(workers.map(run));
    flush();
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
