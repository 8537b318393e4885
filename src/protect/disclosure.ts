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
 * in the row space of the relations restricted to hidden cells (Gaussian
 * elimination in double precision with a 1e-9 tolerance — the relations have
 * ±1 coefficients and the pivots stay small, but this is a numerical check,
 * not exact rational arithmetic); any such cell gets a further complement.
 * This is the standard "singleton and audit" approach used by statistics
 * offices (cf. Eurostat's handbook on SDC, τ-Argus's hypercube method).
 */

export interface Cell {
  id: string;
  value: number;
  /** Small-area cells are candidates for primary suppression. */
  small: boolean;
  /** Preferred order for complements among equal values (finer first). */
  rank?: number;
  /** Hidden whatever its value (e.g. a sensitive category below its allowed level). */
  forced?: boolean;
}

/** `total` = Σ `parts`, all cell ids. */
export interface Relation {
  total: string;
  parts: string[];
}

export type Flag = 'primary' | 'secondary';

export function protect(cells: readonly Cell[], relations: readonly Relation[], k: number): Map<string, Flag> {
  const byId = new Map(cells.map((c) => [c.id, c]));
  const flags = new Map<string, Flag>();
  for (const c of cells) if (c.forced || (c.small && c.value >= 1 && c.value < k)) flags.set(c.id, 'primary');
  if (flags.size === 0) return flags;

  const members = relations.map((r) => [r.total, ...r.parts]);
  // Complements: small-area cells first (a kabupaten total is hidden only when
  // nothing else can protect), then the smallest value, then finer cells.
  const order = (a: Cell, b: Cell) =>
    Number(!a.small) - Number(!b.small) || a.value - b.value || (a.rank ?? 0) - (b.rank ?? 0) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  const complement = (ids: string[]): boolean => {
    const candidates = ids
      .filter((id) => !flags.has(id))
      .map((id) => byId.get(id)!)
      .sort(order);
    if (!candidates.length) return false;
    flags.set(candidates[0]!.id, 'secondary');
    return true;
  };

  for (let guard = 0; guard < cells.length + 1; guard++) {
    // Singleton pass: no relation may hold exactly one hidden cell.
    let changed = true;
    while (changed) {
      changed = false;
      for (const ids of members) {
        if (ids.filter((id) => flags.has(id)).length === 1 && complement(ids)) changed = true;
      }
    }
    // Exact audit of the whole system; complement any cell still determined.
    const exposed = audit(cells, relations, flags);
    if (exposed.length === 0) return flags;
    let progress = false;
    for (const target of exposed) {
      // Complement within the smallest relation that still has a published
      // small-area cell; only failing that, one where just a total is left.
      const hasSmall = (ids: string[]) => ids.some((id) => !flags.has(id) && byId.get(id)!.small);
      const rel = members
        .filter((ids) => ids.includes(target) && ids.some((id) => !flags.has(id)))
        .sort((a, b) => Number(hasSmall(b)) - Number(hasSmall(a)) || a.length - b.length)[0];
      if (rel && complement(rel)) progress = true;
    }
    if (!progress) return flags;
  }
  return flags;
}

/**
 * Which hidden cells the published relations determine exactly. Unknowns are
 * the hidden cells; each relation becomes Σ ±x_hidden = (published terms).
 * A hidden cell x_j is determined iff e_j is in the row space of that matrix.
 */
export function audit(
  cells: readonly Cell[],
  relations: readonly Relation[],
  hidden: ReadonlyMap<string, unknown> | ReadonlySet<string>,
): string[] {
  const isHidden = (id: string) => (hidden instanceof Map ? hidden.has(id) : (hidden as ReadonlySet<string>).has(id));
  const unknowns = cells.map((c) => c.id).filter(isHidden);
  if (!unknowns.length) return [];
  const col = new Map(unknowns.map((id, i) => [id, i]));
  const rows: number[][] = [];
  for (const r of relations) {
    const row = new Array<number>(unknowns.length).fill(0);
    let any = false;
    if (col.has(r.total)) {
      row[col.get(r.total)!]! += 1;
      any = true;
    }
    for (const p of r.parts)
      if (col.has(p)) {
        row[col.get(p)!]! -= 1;
        any = true;
      }
    if (any) rows.push(row);
  }
  const basis = rowEchelon(rows, unknowns.length);
  return unknowns.filter((_, j) => inRowSpace(basis, j, unknowns.length));
}

/** Reduced row echelon form in floating point; entries below 1e-9 count as zero (inputs are ±1, so values stay small). */
function rowEchelon(input: number[][], n: number): { pivot: number; row: number[] }[] {
  const rows = input.map((r) => [...r]);
  const out: { pivot: number; row: number[] }[] = [];
  for (let c = 0; c < n; c++) {
    const i = rows.findIndex((r) => Math.abs(r[c]!) > 1e-9);
    if (i < 0) continue;
    const [row] = rows.splice(i, 1);
    const p = row![c]!;
    for (let j = 0; j < n; j++) row![j]! /= p;
    for (const r of [...rows, ...out.map((o) => o.row)]) {
      const f = r[c]!;
      if (Math.abs(f) > 1e-9) for (let j = 0; j < n; j++) r[j]! -= f * row![j]!;
    }
    out.push({ pivot: c, row: row! });
  }
  return out;
}

/** e_j is in the row space of a reduced basis iff the basis row with pivot j has no other non-zero entry. */
function inRowSpace(basis: { pivot: number; row: number[] }[], j: number, n: number): boolean {
  const b = basis.find((x) => x.pivot === j);
  if (!b) return false;
  for (let c = 0; c < n; c++) if (c !== j && Math.abs(b.row[c]!) > 1e-9) return false;
  return true;
}
