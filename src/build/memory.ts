/**
 * Give memory back before a stage that starts other processes (disclosure
 * control, Astro): a province's build runs with a raised heap limit and
 * `--expose-gc` (scripts/build.ts), and V8 would otherwise keep the garbage of
 * loading or of the downloads resident beside those processes. Without the
 * flag (a kabupaten's build, tests) this does nothing.
 */
export function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}
