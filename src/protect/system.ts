/**
 * The linear system an attacker has (disclosure.ts, intervals.ts): every
 * published relation "total = Σ parts" restricted to the hidden cells, with
 * the published cells moved to the right-hand side, split into independent
 * blocks of hidden cells linked by a relation.
 */

/** One relation over hidden cells: coefficient +1 for the total, −1 for each part; `rhs` from the published cells. */
export interface HiddenRow {
  coef: Map<number, number>;
  rhs: number;
}

/** Relations as cell indexes (total first) → rows over the hidden cells; relations with no hidden cell are dropped. */
export function hiddenRows(members: readonly number[][], hidden: Uint8Array, values?: readonly number[]): HiddenRow[] {
  const rows: HiddenRow[] = [];
  for (const m of members) {
    let coef: Map<number, number> | undefined;
    let rhs = 0;
    m.forEach((c, i) => {
      const sign = i === 0 ? 1 : -1;
      if (hidden[c]) {
        coef ??= new Map();
        coef.set(c, (coef.get(c) ?? 0) + sign);
      } else if (values) rhs -= sign * values[c]!;
    });
    if (!coef) continue;
    for (const [c, v] of coef) if (v === 0) coef.delete(c);
    if (coef.size) rows.push({ coef, rhs });
  }
  return rows;
}

/** Rows grouped into blocks that share no hidden cell (union-find), in first-seen order. */
export function blocksOf(rows: readonly HiddenRow[], n: number): HiddenRow[][] {
  const parent = new Int32Array(n);
  for (let i = 0; i < n; i++) parent[i] = i;
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!;
    return i;
  };
  for (const row of rows) {
    const [first, ...rest] = row.coef.keys();
    for (const c of rest) parent[find(c)] = find(first!);
  }
  const blocks = new Map<number, HiddenRow[]>();
  for (const row of rows) {
    const b = find(row.coef.keys().next().value!);
    const list = blocks.get(b);
    if (list) list.push(row);
    else blocks.set(b, [row]);
  }
  return [...blocks.values()];
}
