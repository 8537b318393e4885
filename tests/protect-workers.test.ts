/**
 * The disclosure-control process pool (src/protect/workers.ts): tables come
 * back in order and exactly as protected in this process, also when every
 * process is replaced after each table; a table that cannot be protected
 * fails the whole run with its reason, and no process is left behind.
 */
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { type Cell, protect, type Relation } from '../src/protect/disclosure.ts';
import { protectInWorkers, type WorkerResult } from '../src/protect/workers.ts';

/** A kabupaten total over `n` kecamatan with a few small counts: primary and secondary suppression both happen. */
function table(seed: number, n = 12): { cells: Cell[]; relations: Relation[] } {
  const parts = Array.from({ length: n }, (_, i) => ({
    id: `t${seed}|k${i}`,
    value: (i * 7 + seed) % 5 === 0 ? 1 + (i % 3) : 20 + ((i * 13 + seed) % 40),
    small: true,
  }));
  const total = { id: `t${seed}|*`, value: parts.reduce((s, c) => s + c.value, 0), small: false };
  return { cells: [total, ...parts], relations: [{ total: total.id, parts: parts.map((c) => c.id) }] };
}

const workerProcesses = () =>
  execFileSync('ps', ['-eo', 'pid,args'], { encoding: 'utf8' })
    .split('\n')
    .filter((l) => l.includes('src/protect/worker.ts')).length;

describe('disclosure control in worker processes', () => {
  const tasks = Array.from({ length: 6 }, (_, i) => table(i + 1));

  it('gives every table, in order, what protecting it here gives; replacing the process after each table changes nothing', async () => {
    const here = tasks.map((t) => protect(t.cells, t.relations, 3));
    expect(here.some((f) => [...f.values()].includes('secondary'))).toBe(true);
    for (const recycle of [Number.POSITIVE_INFINITY, 0]) {
      const got: Map<string, string>[] = [];
      await protectInWorkers(tasks, 3, 2, (_t, r: WorkerResult) => got.push(r.flags), recycle);
      expect(got).toEqual(here);
    }
  }, 120_000);

  it('a table that cannot be protected fails the run with its reason, and every process ends', async () => {
    const before = workerProcesses();
    const broken = { cells: [{ id: 'a', value: 1, small: true }], relations: [{ total: 'missing', parts: ['a'] }] };
    await expect(protectInWorkers([tasks[0]!, broken, tasks[1]!], 3, 2, () => {})).rejects.toThrow(
      /^(?!disclosure-control process ended)./,
    ); // the table's own error
    expect(workerProcesses()).toBe(before);
  }, 120_000);
});
