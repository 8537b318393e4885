/**
 * Give memory back to the system, for disclosure control's long loops and for
 * the build before it starts other processes (disclosure control, Astro). V8
 * keeps the pages a collection has freed committed until a memory-reducing
 * collection, which its memory reducer schedules only while the event loop is
 * idle; long synchronous stages never are. Measured on a Jawa Timur PMKS
 * year's disclosure control: 1.57 GB resident with a 0.70 GB heap, 0.53 GB
 * after one memory-reducing collection (0.4 s). Needs `--expose-gc` (a
 * province's build and every disclosure-control process have it); without it
 * (a kabupaten's build, tests) this does nothing.
 */
const gc = (globalThis as { gc?: (o?: { type: 'major'; execution: 'sync'; flavor: 'last-resort' }) => void }).gc;

const heldBesideHeap = () => {
  const { rss, heapTotal } = process.memoryUsage();
  return rss - heapTotal;
};
/** What the process held beside its heap after the last collection (WebAssembly memory, buffers, code). */
let held = 0;
const SLACK = 512 * 2 ** 20;

/** Collect everything collectable and release what it freed (before a stage that starts other processes). */
export function collectGarbage(): void {
  gc?.({ type: 'major', execution: 'sync', flavor: 'last-resort' });
  held = heldBesideHeap();
}

/**
 * Called often from a long synchronous loop: collects once the process holds half a gigabyte more beside its heap
 * than after the last collection (freed pages kept committed), so the loop's resident memory follows its heap.
 */
export function releaseFreedMemory(): void {
  if (gc && heldBesideHeap() - held > SLACK) collectGarbage();
}

/**
 * The flags a process this one starts runs with: not the build's own memory flags (scripts/build.ts), so
 * disclosure control and Astro collect as usual and do not trade their speed for the build's memory.
 */
export const childExecArgv = (): string[] =>
  process.execArgv.filter((a) => !/^--(max-old-space-size|heap-growing-percent|expose-gc)(=|$)/.test(a));
