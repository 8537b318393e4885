/**
 * The protection-interval check (cf. Hundepool et al., *Statistical
 * Disclosure Control*, 2012, §4.2.2 and τ-Argus's protection levels). Given
 * everything published, a hidden cell's value lies in [L, U]: the minimum
 * and maximum of that cell over every non-negative solution of the published
 * relations (linear programs, solved with HiGHS). A hidden count must not be
 * pinned inside 1..k−1 — that would tell the reader "a few people, but not
 * none". It is protected when the interval reaches 0 (it could be none) or k
 * (it could be many).
 *
 * A sensitive category's hidden count (Permensos 08/2012 categories that are
 * "data pribadi spesifik" under UU 27/2022) must be able to reach k: an
 * interval [0, 4] would still read "none or a few ODHA here".
 *
 * Only cells whose true value is 1..k−1 need a proof: a cell whose true
 * value is 0 or ≥ k is itself a solution at 0 or ≥ k. For those, one linear
 * program per block first minimises their sum (every cell the optimum puts at
 * 0 is proven), repeated while it proves more; then the same maximising;
 * what is left is solved one cell at a time, min then max.
 *
 * A province's block can span many kabupaten/kota (7·10⁴ cells in Jawa
 * Timur): one program over it takes seconds, and the check runs again after
 * every round of complements. So a large block is first checked scope by
 * scope (`scopes`: each cell's kecamatan, then its kabupaten/kota), with
 * every hidden cell outside the scope held at its true value. Any solution
 * of that smaller program is a solution of the whole, so a cell it proves
 * (interval reaching 0 or k) is proven. A cell no scope proves is pinned for
 * a reader who knew the true value of every hidden cell outside its
 * kabupaten/kota; it counts as pinned (a further complement: one cell more
 * hidden than the exact check might ask, never one fewer), unless it shares
 * a relation with a hidden cell of another scope — a kabupaten total beside
 * another's, a kecamatan in a dapil — whose freedom no scope sees: those go
 * to the program of the whole block, whose answer is exact.
 */
import type { Model } from 'highs';
import { highs } from './lp.ts';
import { blocksOf, type HiddenRow, hiddenRows } from './system.ts';

export interface Pinned {
  cell: number;
  /** The interval the published figures leave for the cell. */
  lo: number;
  hi: number;
}

const EPS = 1e-7;
/** Blocks with more cells than this are first checked scope by scope. */
const SCOPED_FROM = 1000;

/**
 * Hidden cells (indexes) whose interval lies inside 1..k−1; `checked` counts
 * the cells that needed a proof. `cache` keeps each block's answer by its
 * cells (a block no complement touched has the same rows and right-hand sides).
 */
export function pinnedCells(
  members: readonly number[][],
  values: readonly number[],
  hidden: Uint8Array,
  k: number,
  cache?: Map<string, Pinned[]>,
  sensitive?: Uint8Array,
  /** Nested scopes, finest first: `scopes[l][cell]` numbers the cell's scope at level l. */
  scopes: readonly Int32Array[] = [],
  scopedFrom = SCOPED_FROM,
  /** Cells a scope left unproven and that were counted as pinned without the whole block (kept across rounds). */
  counted = new Set<number>(),
): { pinned: Pinned[]; checked: number } {
  const rows = hiddenRows(members, hidden, values);
  const pinned: Pinned[] = [];
  let checked = 0;
  for (const block of blocksOf(rows, values.length)) {
    const cells = [...new Set(block.flatMap((r) => [...r.coef.keys()]))];
    const small = cells.filter((c) => values[c]! >= 1 && values[c]! < k);
    if (!small.length) continue;
    checked += small.length;
    const key = cache && Int32Array.from(cells).sort().join(',');
    let found = key ? cache!.get(key) : undefined;
    if (!found) {
      const scoped =
        cells.length > scopedFrom && scopes.length
          ? unprovenInScopes(block, small, values, k, scopes, sensitive, cache, counted)
          : undefined;
      const open = scoped ? scoped.open : small;
      found = open.length ? checkBlock(block, open, k, sensitive) : [];
      if (scoped?.pinned.length) {
        // In the order of `small`, as one program over the block would give them.
        const order = new Map(small.map((c, i) => [c, i]));
        found = [...found, ...scoped.pinned].sort((a, b) => order.get(a.cell)! - order.get(b.cell)!);
      }
      if (key) cache!.set(key, found);
    }
    pinned.push(...found);
  }
  // A hidden cell in no relation with another hidden cell is unconstrained: nothing pins it.
  return { pinned, checked };
}

/**
 * The small cells of a block that no scope proves, in the order given: each
 * scope's program holds the hidden cells outside it at their true values.
 */
function unprovenInScopes(
  block: readonly HiddenRow[],
  small: readonly number[],
  values: readonly number[],
  k: number,
  scopes: readonly Int32Array[],
  sensitive: Uint8Array | undefined,
  cache: Map<string, Pinned[]> | undefined,
  counted: Set<number>,
): { open: readonly number[]; pinned: Pinned[] } {
  let open = small;
  const last = new Map<number, Pinned>();
  for (const [level, scope] of scopes.entries()) {
    const wanted = new Set(open.map((c) => scope[c]!));
    // Each row split by scope: the part inside a scope, with the cells outside moved to the right-hand side.
    const rowsOf = new Map<number, HiddenRow[]>();
    for (const row of block) {
      const parts = new Map<number, HiddenRow>();
      for (const [c, v] of row.coef) {
        const s = scope[c]!;
        if (!wanted.has(s)) continue;
        if (!parts.has(s)) parts.set(s, { coef: new Map(), rhs: 0 });
        const part = parts.get(s)!;
        part.coef.set(c, v);
        part.rhs += v * values[c]!;
      }
      for (const [s, part] of parts) {
        const list = rowsOf.get(s);
        if (list) list.push(part);
        else rowsOf.set(s, [part]);
      }
    }
    const left = new Set<number>();
    for (const [s, rows] of rowsOf) {
      const inScope = open.filter((c) => scope[c] === s);
      const key =
        cache &&
        `${level}:${Int32Array.from(new Set(rows.flatMap((r) => [...r.coef.keys()])))
          .sort()
          .join(',')}`;
      let found = key ? cache!.get(key) : undefined;
      if (!found) {
        found = checkBlock(rows, inScope, k, sensitive);
        if (key) cache!.set(key, found);
      }
      for (const p of found) {
        left.add(p.cell);
        last.set(p.cell, p);
      }
    }
    open = open.filter((c) => left.has(c));
    if (!open.length) return { open, pinned: [] };
  }
  // Cells in a relation that crosses the widest scopes: only the whole block can decide them.
  const top = scopes.at(-1)!;
  const crossing = new Set<number>();
  for (const row of block) {
    const [first] = row.coef.keys();
    if ([...row.coef.keys()].some((c) => top[c] !== top[first!])) for (const c of row.coef.keys()) crossing.add(c);
  }
  // A cell counted as pinned once and still not proven after its complement goes to the whole block too:
  // the whole block's program decides it, so the check ends as the exact one would.
  const exact = open.filter((c) => crossing.has(c) || counted.has(c));
  const pinned = open.filter((c) => !crossing.has(c) && !counted.has(c));
  for (const c of pinned) counted.add(c);
  return { open: exact, pinned: pinned.map((c) => last.get(c)!) };
}

function checkBlock(block: readonly HiddenRow[], small: readonly number[], k: number, sensitive?: Uint8Array): Pinned[] {
  const mustReachK = (c: number) => sensitive?.[c] === 1;
  const cols = [...new Set(block.flatMap((r) => [...r.coef.keys()]))];
  const at = new Map(cols.map((c, i) => [c, i]));
  const starts = [0];
  const indices: number[] = [];
  const coefs: number[] = [];
  for (const r of block) {
    for (const [c, v] of r.coef) {
      indices.push(at.get(c)!);
      coefs.push(v);
    }
    starts.push(indices.length);
  }
  const rhs = block.map((r) => r.rhs);
  const model = highs.createModel({
    numCols: cols.length,
    numRows: block.length,
    colCost: new Float64Array(cols.length),
    colLower: new Float64Array(cols.length),
    colUpper: new Float64Array(cols.length).fill(highs.infinity),
    rowLower: rhs,
    rowUpper: rhs,
    matrix: { format: 'csr', numRows: block.length, numCols: cols.length, starts, indices, values: coefs },
  });
  try {
    model.options.set({ output_flag: false, presolve: 'off' });
    const { minimize, maximize } = highs.constants.objectiveSense;
    const open = new Set(small);
    /** Solve with `cells` weighted 1 in the given sense; the primal values, or undefined when unbounded. */
    // Only the columns the last objective weighted are reset (a block can have thousands of columns).
    let weighted: number[] = [];
    const solve = (cells: Iterable<number>, sense: typeof minimize): Float64Array | undefined => {
      for (const i of weighted) model.changeColCost(i, 0);
      weighted = [...cells].map((c) => at.get(c)!);
      for (const i of weighted) model.changeColCost(i, 1);
      model.changeObjectiveSense(sense);
      model.run();
      const status = model.getModelStatus();
      if (status === 7) return model.getSolution().colValue;
      if (status === 10 || status === 9) return undefined;
      throw new Error(`HiGHS: model status ${status} in the protection-interval check`);
    };
    // Group passes: prove many cells at once.
    for (const sense of [minimize, maximize]) {
      for (;;) {
        if (!open.size) break;
        const x = solve(open, sense);
        if (!x) break; // unbounded sum: decide cell by cell
        let proved = 0;
        for (const c of [...open]) {
          const v = x[at.get(c)!]!;
          if (sense === minimize ? v <= EPS && !mustReachK(c) : v >= k - EPS) {
            open.delete(c);
            proved++;
          }
        }
        if (!proved) break;
      }
    }
    // What is left, one cell at a time.
    const out: Pinned[] = [];
    // A sensitive cell must reach k whatever its minimum: its minimum is solved only to report a pinned one.
    const lowest = (c: number) => solve([c], minimize)![at.get(c)!]!;
    for (const c of open) {
      const lo = mustReachK(c) ? undefined : lowest(c);
      if (lo !== undefined && lo <= EPS) continue;
      const x = solve([c], maximize);
      const hi = x ? x[at.get(c)!]! : Number.POSITIVE_INFINITY;
      if (hi < k - EPS) out.push({ cell: c, lo: Math.round((lo ?? lowest(c)) * 1e6) / 1e6, hi: Math.round(hi * 1e6) / 1e6 });
    }
    return out;
  } finally {
    (model as Model).dispose();
  }
}
