/**
 * Disclosure control in several processes (node:child_process fork, structured
 * clone over IPC): each table of a portal is protected on its own (tables.ts),
 * so a province's hundreds of tables share the machine's cores. Tasks are
 * drawn one at a time as a process is free (at most one per process in memory
 * besides the one being made) and their flags handed back in task order, so
 * the result does not depend on which process finished first. Processes, not
 * threads: the solver's WebAssembly memory grows to the largest table's and
 * is only given back to the system when its process ends (worker threads
 * left ~0.7 GB behind per Jawa Timur PMKS year).
 */
import { type ChildProcess, fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Cell, Flag, IntervalReport, Relation } from './disclosure.ts';
import type { PriorValue } from './prior.ts';
import { childExecArgv } from './memory.ts';

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

type Message = { flags: [string, Flag][]; report: IntervalReport; rss: number } | { error: string };

/**
 * A process that has grown past this after a table is replaced by a fresh one: the solver's memory stays at
 * its largest table's until the process ends (Jawa Timur: ~1 GB per process after a PMKS year).
 */
const RECYCLE_BYTES = 768 * 2 ** 20;

export async function protectInWorkers<T extends { cells: Cell[]; relations: Relation[]; prior?: (id: string) => PriorValue | undefined }>(
  tasks: Iterable<T>,
  k: number,
  threads: number,
  apply: (task: T, result: WorkerResult) => void,
  recycleBytes = RECYCLE_BYTES,
): Promise<void> {
  const iterator = tasks[Symbol.iterator]();
  const script = fileURLToPath(new URL('./worker.ts', import.meta.url));
  // --expose-gc: a process releases what its long protection loops freed (memory.ts).
  const execArgv = [...childExecArgv(), '--expose-gc'];
  const start = () => fork(script, [], { execArgv, serialization: 'advanced', stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
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
  const ask = (worker: ChildProcess, job: WorkerJob): Promise<Message> =>
    new Promise((resolve, reject) => {
      const ended = (code: number | null, signal: string | null) =>
        reject(new Error(`disclosure-control process ended (${signal ?? code})`));
      worker.once('exit', ended);
      worker.once('message', (m: Message) => {
        worker.off('exit', ended);
        resolve(m);
      });
      worker.send(job);
    });
  // One lane per process: take a task, protect it there, hand its flags back in order; replace a grown process.
  const lane = async (): Promise<void> => {
    let worker: ChildProcess | undefined;
    try {
      while (!failed) {
        const step = iterator.next();
        if (step.done) break;
        const task = step.value;
        const i = next++;
        pending.set(i, { task });
        const before: [string, PriorValue][] = [];
        if (task.prior)
          for (const c of task.cells) {
            const v = task.prior(c.id);
            if (v !== undefined) before.push([c.id, v]);
          }
        worker ??= start();
        const m = await ask(worker, { cells: task.cells, relations: task.relations, k, ...(task.prior ? { before } : {}) });
        if ('error' in m) {
          failed ??= new Error(m.error);
          break;
        }
        pending.get(i)!.result = { flags: new Map(m.flags), report: m.report };
        flush();
        if (m.rss > recycleBytes) {
          await stop(worker);
          worker = undefined;
        }
      }
    } catch (e) {
      failed ??= e as Error;
    } finally {
      if (worker) await stop(worker);
    }
  };
  // Every lane ends (and its process with it) before this returns, a failed one included.
  await Promise.allSettled(Array.from({ length: Math.max(1, threads) }, lane));
  if (failed) throw failed;
  flush();
}

/** Close a process's channel (it then exits) and wait until it has. */
function stop(w: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (w.exitCode !== null || w.signalCode !== null) return resolve();
    w.once('exit', () => resolve());
    if (w.connected) w.disconnect();
    else w.kill();
  });
}
