/**
 * The peak memory of a command and every process it starts, together: the
 * resident sets of the whole process tree summed, sampled from /proc every
 * 250 ms (Linux). GNU time reports only the largest single process, which a
 * build that hands stages to child processes would flatter.
 */
import { readdirSync, readFileSync } from 'node:fs';

const PAGE = 4096;

/** Resident bytes of `root` and all its descendants now (0 where /proc is not there). */
export function treeRss(root: number): number {
  const parent = new Map<number, number>();
  const rss = new Map<number, number>();
  let pids: string[];
  try {
    pids = readdirSync('/proc').filter((p) => /^\d+$/.test(p));
  } catch {
    return 0;
  }
  for (const p of pids) {
    try {
      // pid (comm) state ppid … ; comm may hold spaces and parentheses: read after the last ')'.
      const stat = readFileSync(`/proc/${p}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      parent.set(Number(p), Number(fields[1]));
      rss.set(Number(p), Number(fields[21]) * PAGE);
    } catch {
      // the process ended meanwhile
    }
  }
  let sum = 0;
  for (const [pid, bytes] of rss) {
    for (let p: number | undefined = pid; p !== undefined && p > 1; p = parent.get(p))
      if (p === root) {
        sum += bytes;
        break;
      }
  }
  return sum;
}

/** Sample `root`'s tree until `stop()`, which gives the peak in bytes. */
export function sampleTreeRss(root: number, everyMs = 250): { stop: () => number } {
  let peak = treeRss(root);
  const timer = setInterval(() => {
    peak = Math.max(peak, treeRss(root));
  }, everyMs);
  return {
    stop: () => {
      clearInterval(timer);
      return peak;
    },
  };
}
