/**
 * A published figure is a value, not a number (cf. OWID's ErrorValues): it is
 * either a number, or absent for a reason that travels with it — hidden to
 * protect the people counted, or not released by the source. Everything a
 * page, chart, CSV or rank shows goes through these helpers, so a hidden cell
 * can never turn into a 0 by a stray `?? 0`: the type does not allow it.
 * Plain objects, so figures survive the JSON model file.
 */

export interface Absent {
  /** `hidden`: suppressed for privacy (or computed from a suppressed figure); `not-released`: the source gave no value. */
  readonly absent: 'hidden' | 'not-released';
}
export type Figure = number | Absent;

export const HIDDEN: Absent = Object.freeze({ absent: 'hidden' });
export const NOT_RELEASED: Absent = Object.freeze({ absent: 'not-released' });

export const isShown = (f: Figure | undefined): f is number => typeof f === 'number';
export const isHidden = (f: Figure | undefined): boolean => typeof f === 'object' && f.absent === 'hidden';
export const isNotReleased = (f: Figure | undefined): boolean => f === undefined || (typeof f === 'object' && f.absent === 'not-released');

/** An optional input number: a value, or not released. */
export const released = (v: number | undefined | null): Figure => (typeof v === 'number' && !Number.isNaN(v) ? v : NOT_RELEASED);

/**
 * A figure computed from others: hidden if any input is hidden (it could give
 * the hidden one away), not released if any is missing, else `f` of the numbers.
 */
export function derive(inputs: readonly (Figure | undefined)[], f: (...xs: number[]) => number): Figure {
  if (inputs.some(isHidden)) return HIDDEN;
  if (!inputs.every(isShown)) return NOT_RELEASED;
  const v = f(...(inputs as number[]));
  return Number.isFinite(v) ? v : NOT_RELEASED;
}

/** Sum of figures; absent if any part is (a partial sum is a wrong number). */
export const sumFigures = (parts: readonly (Figure | undefined)[]): Figure => derive(parts, (...xs) => xs.reduce((a, b) => a + b, 0));

/** a ÷ b × 100, absent where either is or b is 0. */
export const percentOf = (a: Figure | undefined, b: Figure | undefined): Figure =>
  derive([a, b], (x, y) => (y === 0 ? Number.NaN : (x / y) * 100));

/** Round a shown figure (e.g. a percentage to 2 digits); absent figures stay as they are. */
export const rounded = (f: Figure, digits: number): Figure => (isShown(f) ? Math.round(f * 10 ** digits) / 10 ** digits : f);

/** For drawing only: Chart.js draws a gap for null. Tables and CSVs show the reason instead. */
export const toDrawn = (f: Figure | undefined): number | null => (isShown(f) ? f : null);

/** Sort order for "largest first" with every absent figure last, in a stable order. */
export const byValueDesc = (a: Figure | undefined, b: Figure | undefined): number =>
  (isShown(b) ? b : -Infinity) - (isShown(a) ? a : -Infinity) || 0;

/**
 * Rank by value, largest = 1; equal values share a rank. Only shown figures
 * are ranked, among themselves, so a hidden cell has no rank and leaves no gap
 * that would place it between two published ones.
 */
export function withRank<T>(xs: readonly T[], value: (x: T) => Figure | undefined): (T & { rank?: number })[] {
  const shown = xs
    .map(value)
    .filter(isShown)
    .sort((a, b) => b - a);
  return xs.map((x) => {
    const v = value(x);
    return (isShown(v) ? { ...x, rank: 1 + shown.indexOf(v) } : { ...x }) as T & { rank?: number };
  });
}
