/** One disclosure-control process (workers.ts): protects the tables it is sent, one at a time. */
import { type IntervalReport, protect } from './disclosure.ts';
import { scopesOf } from './tables.ts';
import type { WorkerJob } from './workers.ts';

process.on('message', (job: WorkerJob) => {
  try {
    const report: IntervalReport = { checked: 0, pinned: 0, inherited: 0 };
    const before = job.before && new Map(job.before);
    const flags = protect(job.cells, job.relations, job.k, report, before && ((id) => before.get(id)), scopesOf);
    process.send!({ flags: [...flags], report, rss: process.memoryUsage().rss });
  } catch (e) {
    process.send!({ error: (e as Error).message });
  }
});
// The parent closes the channel when every table is done.
process.on('disconnect', () => process.exit(0));
