/** One disclosure-control thread (workers.ts): protects the tables it is sent, one at a time. */
import { parentPort } from 'node:worker_threads';
import { type IntervalReport, protect } from './disclosure.ts';
import { scopesOf } from './tables.ts';
import type { WorkerJob } from './workers.ts';

parentPort!.on('message', (job: WorkerJob) => {
  try {
    const report: IntervalReport = { checked: 0, pinned: 0, inherited: 0 };
    const before = job.before && new Map(job.before);
    const flags = protect(job.cells, job.relations, job.k, report, before && ((id) => before.get(id)), scopesOf);
    parentPort!.postMessage({ flags: [...flags], report });
  } catch (e) {
    parentPort!.postMessage({ error: (e as Error).message });
  }
});
