/**
 * Statistical disclosure control for published count tables.
 *
 * Primary suppression: a count from 1 to k−1 in a small area (desa or
 * kecamatan) is not published. Secondary (complementary) suppression: every
 * published linear relation "total = sum of parts" that contains exactly one
 * hidden cell would give that cell away by subtraction, so a second cell of
 * that relation is hidden too — the one with the smallest value (least
 * information lost), ties broken by a stable key so that the same data give
 * the same pattern release after release. An audit then checks the
 * whole system at once: a hidden cell is recoverable if its unit vector lies
 * in the row space of the relations restricted to hidden cells (exact sparse
 * elimination, see `audit`); any such cell gets a further complement. Last,
 * the protection intervals (intervals.ts): a hidden count the published
 * figures pin inside 1..k−1 gets a further complement too.
 * This is the standard "singleton and audit" approach used by statistics
 * offices (cf. Eurostat's handbook on SDC, τ-Argus's hypercube method).
 */

import { releaseFreedMemory } from './memory.ts';
import { type Pinned, pinnedCells } from './intervals.ts';
import { blocksOf, hiddenRows } from './system.ts';

export interface Cell {
  id: string;
  value: number;
  /** Small-area cells are candidates for primary suppression. */
  small: boolean;
  /** Preferred order for complements among equal values (finer first). */
  rank?: number;
  /** Hidden whatever its value (e.g. a sensitive category below its allowed level). */
  forced?: boolean;
  /** A sensitive category (UU 27/2022 "data pribadi spesifik"): a hidden small count must be able to reach k. */
  sensitive?: boolean;
}

/**
 * What earlier releases said about a cell of the same table and year: the
 * number they published, or that they hid it. Protection is joint across
 * releases: a cell an earlier release hid stays hidden (so no release adds a
 * known value to another's equations), and a cell an earlier release
 * published counts as published here, whatever this release shows (its old
 * value is public: it can neither protect nor be protected by hiding it now).
 */
export type Prior = (id: string) => number | 'hidden' | undefined;

/** `total` = Σ `parts`, all cell ids. */
export interface Relation {
  total: string;
  parts: string[];
}

export type Flag = 'primary' | 'secondary';

/** What the protection-interval check did (for /metodologi/ and the operator's report). */
export interface IntervalReport {
  /** Hidden cells whose true value is 1..k−1, each proven to have an interval reaching 0 or k. */
  checked: number;
  /** Cells found pinned inside 1..k−1, each then given a further complement. */
  pinned: number;
  /** Cells exposed only by what an earlier release published (nothing left to hide can change that). */
  inherited: number;
}

export function protect(
  cells: readonly Cell[],
  relations: readonly Relation[],
  k: number,
  report?: IntervalReport,
  prior?: Prior,
  /** Nested scopes of a cell, finest first (its kecamatan, its kabupaten/kota): large blocks are checked scope by scope first (intervals.ts). */
  scopesOf?: (id: string) => readonly string[],
): Map<string, Flag> {
  const flags = new Map<string, Flag>();
  const before = cells.map((c) => prior?.(c.id));
  for (const c of cells) if (c.forced || (c.small && c.value >= 1 && c.value < k)) flags.set(c.id, 'primary');
  // Carried forward: hidden by an earlier release of the same year.
  cells.forEach((c, i) => {
    if (before[i] === 'hidden' && !flags.has(c.id)) flags.set(c.id, 'secondary');
  });
  if (flags.size === 0) return flags;

  // Indexes, so each pass costs the size of the tables and not its square.
  const index = new Map(cells.map((c, i) => [c.id, i]));
  const values = cells.map((c) => c.value);
  const members = relations.map((r) => [r.total, ...r.parts].map((id) => index.get(id)!));
  const relationsOf: number[][] = cells.map(() => []);
  members.forEach((m, r) => {
    for (const c of m) relationsOf[c]!.push(r);
  });
  // Unknown to a reader: hidden here and never published before. Only these enter the attacker's equations.
  const hidden = new Uint8Array(cells.length);
  const known = Uint8Array.from(before, (b) => (typeof b === 'number' ? 1 : 0));
  const sensitive = Uint8Array.from(cells, (c) => (c.sensitive ? 1 : 0));
  const cache = new Map<string, Set<number>>();
  const intervalCache = new Map<string, Pinned[]>();
  const scopes = scopesOf ? numberedScopes(cells.map((c) => scopesOf(c.id))) : [];
  const counted = new Set<number>();
  const hiddenIn = new Int32Array(members.length);
  const hide = (c: number, flag: Flag) => {
    hidden[c] = 1;
    flags.set(cells[c]!.id, flag);
    for (const r of relationsOf[c]!) hiddenIn[r]!++;
  };
  for (const id of flags.keys()) {
    const c = index.get(id)!;
    if (known[c]) continue; // shown as hidden, but its earlier value is public
    hidden[c] = 1;
    for (const r of relationsOf[c]!) hiddenIn[r]!++;
  }
  /** A cell that can still be hidden to protect another: published so far, and never published before. */
  const available = (c: number) => !hidden[c] && !known[c];
  // Complements: small-area cells first (a kabupaten total is hidden only when
  // nothing else can protect), then a non-zero cell (a hidden 0 whose other
  // sums leave nothing over is known to be 0, and protects nothing), then the
  // smallest value, then finer cells.
  const order = (x: number, y: number) => {
    const [a, b] = [cells[x]!, cells[y]!];
    return (
      Number(!a.small) - Number(!b.small) ||
      Number(a.value === 0) - Number(b.value === 0) ||
      a.value - b.value ||
      (a.rank ?? 0) - (b.rank ?? 0) ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
    );
  };
  const complement = (r: number): boolean => {
    let best = -1;
    for (const c of members[r]!) if (available(c) && (best < 0 || order(c, best) < 0)) best = c;
    if (best < 0) return false;
    hide(best, 'secondary');
    return true;
  };

  /**
   * A further complement for a cell that is still exposed (determined, or
   * pinned inside 1..k−1): in the smallest relation of that cell that still
   * has a published small-area cell; failing that, one where just a total is
   * left; failing both, the same one relation further out (relations of the
   * hidden cells beside it), since what pins a cell can lie there.
   */
  const complementNear = (target: number): boolean | 'inherited' => {
    const open = (r: number) => members[r]!.some(available);
    let pastOnly = false;
    const hasSmall = (r: number) => members[r]!.some((c) => available(c) && cells[c]!.small);
    const seenRel = new Set<number>();
    const seenCell = new Set([target]);
    let level = relationsOf[target]!;
    while (level.length) {
      for (const r of level) {
        seenRel.add(r);
        pastOnly ||= members[r]!.some((c) => !hidden[c] && known[c]);
      }
      const rel = level
        .filter(open)
        .sort((a, b) => Number(hasSmall(b)) - Number(hasSmall(a)) || members[a]!.length - members[b]!.length)[0];
      if (rel !== undefined) return complement(rel);
      const next: number[] = [];
      for (const r of level)
        for (const c of members[r]!)
          if (!seenCell.has(c)) {
            seenCell.add(c);
            for (const r2 of relationsOf[c]!) if (!seenRel.has(r2)) next.push(r2);
          }
      level = [...new Set(next)];
    }
    // Every cell that could protect it was published by an earlier release: what they published cannot be taken back.
    return pastOnly ? 'inherited' : false;
  };

  const pinnedSeen = new Set<number>();
  /** Exposed only through what earlier releases published (reported, not fixable here). */
  const inherited = new Set<number>();
  for (let guard = 0; guard < cells.length + 1; guard++) {
    // Singleton pass: no relation may hold exactly one hidden cell (passes in relation order until none changes).
    let changed = true;
    while (changed) {
      changed = false;
      for (let r = 0; r < members.length; r++) if (hiddenIn[r] === 1 && complement(r)) changed = true;
    }
    releaseFreedMemory();
    // Exact audit of the whole system; complement any cell still determined.
    let exposed = auditIndexed(members, cells.length, hidden, cache).filter((c) => !inherited.has(c));
    if (exposed.length === 0) {
      // Then the protection intervals: no hidden count may be pinned inside 1..k−1 (sensitive ones: must reach k).
      const { pinned, checked } = pinnedCells(members, values, hidden, k, intervalCache, sensitive, scopes, undefined, counted);
      for (const x of pinned) pinnedSeen.add(x.cell);
      exposed = pinned.map((x) => x.cell).filter((c) => !inherited.has(c));
      if (exposed.length === 0) {
        if (report) {
          report.checked += checked;
          report.pinned += pinnedSeen.size;
          report.inherited += inherited.size;
        }
        return flags;
      }
    }
    let progress = false;
    for (const target of exposed) {
      const done = complementNear(target);
      if (done === 'inherited') inherited.add(target);
      if (done) progress = true;
    }
    // Nothing left to hide near an exposed cell would mean publishing it: never.
    if (!progress) throw new Error(`disclosure control: cannot protect ${cells[exposed[0]!]!.id}`);
  }
  throw new Error('disclosure control: no stable pattern');
}

/** Scope names per cell → one array per level numbering each cell's scope. */
function numberedScopes(names: readonly (readonly string[])[]): Int32Array[] {
  const levels = names.reduce((a, n) => Math.max(a, n.length), 0);
  return Array.from({ length: levels }, (_, l) => {
    const ids = new Map<string, number>();
    // A cell with fewer levels than others is its own scope above them.
    return Int32Array.from(names, (n, i) => {
      const name = n[l] ?? `#${i}`;
      if (!ids.has(name)) ids.set(name, ids.size);
      return ids.get(name)!;
    });
  });
}

/**
 * Which hidden cells the published relations determine exactly. Unknowns are
 * the hidden cells; each relation becomes Σ ±x_hidden = (published terms). A
 * hidden cell x_j is determined iff no vector of the null space of that
 * matrix moves it (iff e_j lies in the row space).
 *
 * How, and why it is exact: the system splits into independent blocks
 * (hidden cells linked by a shared relation: union-find), and each block is
 * reduced by sparse Gaussian elimination (shortest row first, its least-used
 * column as pivot) in arithmetic modulo the prime P < 2^26, so every product
 * is exact in a double. The relations have coefficients ±1 and the published
 * tables are totally unimodular (every minor is 0 or ±1), so elimination
 * keeps every entry in {−1, 0, 1}: the code checks that it does, and then the
 * modular computation *is* the integer one — exact, with no tolerance. (If
 * an entry ever left that set, the block is reduced again modulo a second
 * prime and a cell counts as free only if it is free under both.) Then two
 * random null vectors: a determined cell is 0 in every null vector, so it is
 * always found; a free cell is 0 in a random one with probability 1/P, so it
 * is wrongly called determined with probability 1/P² (≈ 2·10⁻¹⁶) — and that
 * error only ever hides one cell more, never one fewer.
 */
export function audit(
  cells: readonly Cell[],
  relations: readonly Relation[],
  hidden: ReadonlyMap<string, unknown> | ReadonlySet<string>,
): string[] {
  const index = new Map(cells.map((c, i) => [c.id, i]));
  const members = relations.map((r) => [r.total, ...r.parts].map((id) => index.get(id)!));
  const isHidden = Uint8Array.from(cells, (c) => (hidden.has(c.id) ? 1 : 0));
  return auditIndexed(members, cells.length, isHidden).map((c) => cells[c]!.id);
}

/**
 * The audit on indexes: relations as cell indexes (total first), hidden cells
 * as a 0/1 array; determined cells in index order. `cache` keeps each block's
 * answer by its cells: protect() re-audits after every round of complements,
 * and a block no complement touched has the same rows and the same answer.
 */
function auditIndexed(members: readonly number[][], n: number, hidden: Uint8Array, cache?: Map<string, Set<number>>): number[] {
  const rows = hiddenRows(members, hidden);
  const free = new Uint8Array(n); // 1: some null vector moves it; 2: in a row but moved by none
  const scratch = new Float64Array(2 * n);
  const used = new Set<string>();
  for (const block of blocksOf(rows, n)) {
    const coefs = block.map((r) => r.coef);
    let cellsOf: Int32Array | undefined;
    if (cache) {
      const list: number[] = [];
      for (const r of coefs)
        for (const c of r.keys())
          if (free[c] !== 3) {
            free[c] = 3;
            list.push(c);
          }
      cellsOf = Int32Array.from(list).sort();
      for (const c of list) free[c] = 0;
    }
    const key = cellsOf?.join(',');
    if (key) used.add(key);
    let moved = key ? cache!.get(key) : undefined;
    if (!moved) {
      const first = freeColumns(coefs, PRIMES[0], scratch);
      moved = first.free;
      if (!first.exact) {
        const second = freeColumns(coefs, PRIMES[1], scratch);
        moved = new Set([...first.free].filter((c) => second.free.has(c)));
      }
      if (key) cache!.set(key, moved);
    }
    for (const r of coefs) for (const c of r.keys()) free[c] ||= 2;
    for (const c of moved) free[c] = 1;
  }
  // Only this audit's blocks are kept: a block a complement changed is never asked for again (a province's large
  // block changes each round, and its answers would pile up: ~1 GB over 150 rounds of a Jawa Timur PMKS year).
  if (cache) for (const key of cache.keys()) if (!used.has(key)) cache.delete(key);
  // A hidden cell in no relation with another hidden cell is in no row: nothing constrains it.
  const out: number[] = [];
  for (let c = 0; c < n; c++) if (free[c] === 2) out.push(c);
  return out;
}

/** Two primes below 2^26 (a·b < 2^52: exact in a double). */
const PRIMES = [67_108_859, 67_108_837] as const;

/** x⁻¹ mod p (extended Euclid). */
function inverse(x: number, p: number): number {
  let [a, b, u, v] = [x, p, 1, 0];
  while (b) {
    const q = Math.floor(a / b);
    [a, b] = [b, a - q * b];
    [u, v] = [v, u - q * v];
  }
  return ((u % p) + p) % p;
}

/** Seeded random residues, so the same data give the same pattern on every build. */
function residues(p: number, seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    // xorshift32, twice, for 52 bits of state into [1, p)
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    const hi = s >>> 0;
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return 1 + ((hi * 4096 + ((s >>> 0) & 4095)) % (p - 1));
  };
}

/**
 * Sparse elimination of one block modulo p; returns the columns that two
 * random null vectors move, and whether every entry stayed in {−1, 0, 1}.
 */
function freeColumns(input: readonly Map<number, number>[], p: number, scratch: Float64Array): { free: Set<number>; exact: boolean } {
  const mod = (v: number) => ((v % p) + p) % p;
  const rows = input.map((r) => new Map([...r].map(([c, v]) => [c, mod(v)])));
  const colRows = new Map<number, Set<number>>();
  rows.forEach((r, i) => {
    for (const c of r.keys()) {
      const s = colRows.get(c);
      if (s) s.add(i);
      else colRows.set(c, new Set([i]));
    }
  });
  let exact = true;
  const unit = (v: number) => v === 1 || v === p - 1;
  const done = new Uint8Array(rows.length);
  const pivots: { row: number; col: number }[] = [];
  // Shortest row first (Markowitz-style ordering keeps fill-in low); lengths change as rows are updated.
  const queue = new SizeQueue(rows.map((r) => r.size));
  for (let best = queue.pop(); best >= 0; best = queue.pop()) {
    const row = rows[best]!;
    if (row.size === 0) continue;
    let pc = -1;
    for (const c of row.keys()) if (pc < 0 || colRows.get(c)!.size < colRows.get(pc)!.size) pc = c;
    done[best] = 1;
    pivots.push({ row: best, col: pc });
    const pv = row.get(pc)!;
    if (!unit(pv)) exact = false;
    const inv = inverse(pv, p);
    for (const other of [...colRows.get(pc)!]) {
      if (other === best || done[other]) continue;
      const target = rows[other]!;
      const before = target.size;
      const f = (target.get(pc)! * inv) % p;
      for (const [c, v] of row) {
        const nv = mod((target.get(c) ?? 0) - ((f * v) % p));
        if (nv === 0) {
          target.delete(c);
          colRows.get(c)!.delete(other);
        } else {
          if (!unit(nv)) exact = false;
          if (!target.has(c)) colRows.get(c)!.add(other);
          target.set(c, nv);
        }
      }
      if (target.size !== before) queue.resize(other, before, target.size);
    }
  }
  const pivotCols = new Set(pivots.map((x) => x.col));
  const cols = [...colRows.keys()];
  const moved = new Set<number>();
  // Two random null vectors at once: x1 in scratch[2c], x2 in scratch[2c + 1].
  const [r1, r2] = [residues(p, 0x9e3779b9 ^ cols.length), residues(p, 0x85ebca6b ^ cols.length)];
  for (const c of cols)
    if (!pivotCols.has(c)) {
      scratch[2 * c] = r1();
      scratch[2 * c + 1] = r2();
    }
  // Back substitution, last pivot first: each pivot row holds its pivot and later columns only.
  for (let k = pivots.length - 1; k >= 0; k--) {
    const { row, col } = pivots[k]!;
    let [s1, s2] = [0, 0];
    for (const [c, v] of rows[row]!)
      if (c !== col) {
        s1 = (s1 + ((v * scratch[2 * c]!) % p)) % p;
        s2 = (s2 + ((v * scratch[2 * c + 1]!) % p)) % p;
      }
    const inv = inverse(rows[row]!.get(col)!, p);
    scratch[2 * col] = mod(-s1 * inv);
    scratch[2 * col + 1] = mod(-s2 * inv);
  }
  for (const c of cols) if (scratch[2 * c] !== 0 || scratch[2 * c + 1] !== 0) moved.add(c);
  return { free: moved, exact };
}

/** Rows by current length, shortest first; lengths change as elimination updates rows. */
class SizeQueue {
  private buckets: Set<number>[] = [];
  private min = 0;
  private left: number;
  constructor(sizes: readonly number[]) {
    sizes.forEach((s, i) => {
      this.bucket(s).add(i);
    });
    this.left = sizes.length;
  }
  private bucket(s: number): Set<number> {
    while (this.buckets.length <= s) this.buckets.push(new Set());
    return this.buckets[s]!;
  }
  resize(i: number, from: number, to: number): void {
    if (!this.buckets[from]?.delete(i)) return; // already taken
    this.bucket(to).add(i);
    if (to < this.min) this.min = to;
  }
  /** The shortest row not yet taken, or −1. */
  pop(): number {
    if (this.left === 0) return -1;
    while (!this.buckets[this.min]?.size) this.min++;
    const set = this.buckets[this.min]!;
    const best = set.values().next().value!; // insertion order: deterministic for the same data
    set.delete(best);
    this.left--;
    return best;
  }
}
