/**
 * Prints the slowest test files at the end of a run (`npm test`), so the suite
 * stays a tool: what to look at when a change makes it slower. Time per file
 * is its own duration (files run in parallel, so they add up to more than the
 * run's wall clock).
 */
import type { Reporter, TestModule } from 'vitest/node';

export default class SlowestFiles implements Reporter {
  onTestRunEnd(modules: ReadonlyArray<TestModule>): void {
    const rows = modules
      .map((m) => ({ file: m.relativeModuleId, ms: m.diagnostic().duration }))
      .sort((a, b) => b.ms - a.ms)
      .slice(0, 10);
    if (!rows.length) return;
    const width = Math.max(...rows.map((r) => r.file.length));
    console.log(
      `\n Slowest test files:\n${rows.map((r) => `   ${r.file.padEnd(width)}  ${(r.ms / 1000).toFixed(1).padStart(6)} s`).join('\n')}\n`,
    );
  }
}
