/** Disclosure control on small tables whose right answers are known by hand. */
import { describe, expect, it } from 'vitest';
import { audit, protect, type Cell, type Relation } from '../src/protect/disclosure.ts';

/** A kecamatan with three desa, and the kabupaten total of one category. */
const cells = (values: Record<string, number>): Cell[] =>
  Object.entries(values).map(([id, value]) => ({ id, value, small: !id.startsWith('kab') }));

describe('primary suppression', () => {
  it('hides counts from 1 to k−1 in small areas, never 0 or ≥ k, never the kabupaten', () => {
    const c = cells({ a: 0, b: 1, c: 4, d: 5, kab: 3 });
    const flags = protect(c, [], 5);
    expect([...flags]).toEqual([
      ['b', 'primary'],
      ['c', 'primary'],
    ]);
  });
});

describe('secondary suppression', () => {
  it('hides a second cell of a sum so the first cannot be found by subtraction, choosing the smallest', () => {
    // kec = d1 + d2 + d3; d1 = 2 is primary; without more, d1 = kec − d2 − d3.
    const c = cells({ kec: 30, d1: 2, d2: 12, d3: 16 });
    const r: Relation[] = [{ total: 'kec', parts: ['d1', 'd2', 'd3'] }];
    expect(audit(c, r, new Set(['d1']))).toEqual(['d1']);
    const flags = protect(c, r, 5);
    expect(flags).toEqual(
      new Map([
        ['d1', 'primary'],
        ['d2', 'secondary'],
      ]),
    );
    expect(audit(c, r, flags)).toEqual([]);
  });

  it('protects across a two-way table: a hidden pair in one row must not be solvable through the columns', () => {
    // Rows: desa x, y; columns: categories p, q; row and column totals published.
    //        p    q   | total
    //   x    3   20   | 23
    //   y   30   40   | 70
    //   tot 33   60   | 93
    const c: Cell[] = [
      { id: 'xp', value: 3, small: true },
      { id: 'xq', value: 20, small: true },
      { id: 'yp', value: 30, small: true },
      { id: 'yq', value: 40, small: true },
      { id: 'x', value: 23, small: true },
      { id: 'y', value: 70, small: true },
      { id: 'p', value: 33, small: false },
      { id: 'q', value: 60, small: false },
      { id: 't', value: 93, small: false },
    ];
    const r: Relation[] = [
      { total: 'x', parts: ['xp', 'xq'] },
      { total: 'y', parts: ['yp', 'yq'] },
      { total: 'p', parts: ['xp', 'yp'] },
      { total: 'q', parts: ['xq', 'yq'] },
      { total: 't', parts: ['x', 'y'] },
      { total: 't', parts: ['p', 'q'] },
    ];
    const flags = protect(c, r, 5);
    // The row complement (xq) alone would be found through column q; only a full rectangle protects xp.
    expect(new Set(flags.keys())).toEqual(new Set(['xp', 'xq', 'yp', 'yq']));
    expect(audit(c, r, flags)).toEqual([]);
  });

  it('is the only protection in a case a singleton check misses: the audit catches a chain', () => {
    // Two relations share hidden cells so that neither has a single hidden cell,
    // yet their difference reveals one: a = b + c, a' = b + c + d with d published.
    const c: Cell[] = [
      { id: 'a', value: 10, small: false },
      { id: 'a2', value: 13, small: false },
      { id: 'b', value: 2, small: true },
      { id: 'c', value: 8, small: true },
      { id: 'd', value: 3, small: true },
    ];
    const r: Relation[] = [
      { total: 'a', parts: ['b', 'c'] },
      { total: 'a2', parts: ['b', 'c', 'd'] },
    ];
    // Hiding b and c passes the singleton test but reveals nothing? a − (b+c) = 0 gives b + c = 10 only: safe.
    expect(audit(c, r, new Set(['b', 'c']))).toEqual([]);
    // d = 3 is primary; with b, c hidden, d = a2 − a is recoverable by combining the relations.
    expect(audit(c, r, new Set(['b', 'c', 'd']))).toEqual(['d']);
    const flags = protect(c, r, 5);
    expect(flags.get('b')).toBe('primary');
    expect(flags.get('d')).toBe('primary');
    expect(audit(c, r, flags)).toEqual([]);
  });

  it('makes the same choice for the same data (stable from release to release)', () => {
    const c = cells({ kec: 30, d1: 2, d2: 12, d3: 12, d4: 4 });
    const r: Relation[] = [{ total: 'kec', parts: ['d1', 'd2', 'd3', 'd4'] }];
    expect(protect(c, r, 5)).toEqual(protect([...c].reverse(), r, 5));
  });
});

/** The reference: which hidden cells are determined, by dense Gaussian elimination over the rationals (BigInt fractions). */
function exactAudit(cells: Cell[], relations: Relation[], hidden: Set<string>): string[] {
  const unknowns = cells.map((c) => c.id).filter((id) => hidden.has(id));
  const col = new Map(unknowns.map((id, i) => [id, i]));
  type Q = [bigint, bigint];
  const gcd = (a: bigint, b: bigint): bigint => (b === 0n ? (a < 0n ? -a : a) : gcd(b, a % b));
  const norm = ([a, b]: Q): Q => {
    if (a === 0n) return [0n, 1n];
    const g = gcd(a, b) * (b < 0n ? -1n : 1n);
    return [a / g, b / g];
  };
  const sub = (x: Q, y: Q): Q => norm([x[0] * y[1] - y[0] * x[1], x[1] * y[1]]);
  const mul = (x: Q, y: Q): Q => norm([x[0] * y[0], x[1] * y[1]]);
  const div = (x: Q, y: Q): Q => norm([x[0] * y[1], x[1] * y[0]]);
  const rows: Q[][] = relations
    .map((r) => {
      const row: Q[] = unknowns.map(() => [0n, 1n]);
      if (col.has(r.total)) row[col.get(r.total)!] = [1n, 1n];
      for (const p of r.parts) if (col.has(p)) row[col.get(p)!] = sub(row[col.get(p)!]!, [1n, 1n]);
      return row;
    })
    .filter((r) => r.some((q) => q[0] !== 0n));
  const basis: { pivot: number; row: Q[] }[] = [];
  for (let c = 0; c < unknowns.length; c++) {
    const i = rows.findIndex((r) => r[c]![0] !== 0n);
    if (i < 0) continue;
    const [row] = rows.splice(i, 1);
    const p = row![c]!;
    for (let j = 0; j < unknowns.length; j++) row![j] = div(row![j]!, p);
    for (const r of [...rows, ...basis.map((b) => b.row)]) {
      const f = r[c]!;
      if (f[0] !== 0n) for (let j = 0; j < unknowns.length; j++) r[j] = sub(r[j]!, mul(f, row![j]!));
    }
    basis.push({ pivot: c, row: row! });
  }
  return unknowns.filter((_, j) => {
    const b = basis.find((x) => x.pivot === j);
    return !!b && b.row.every((q, c) => c === j || q[0] === 0n);
  });
}

describe('the audit is exact', () => {
  /** A seeded table: areas × categories with area, kecamatan and category sums, as tables.ts builds them. */
  const table = (seed: number) => {
    let s = seed;
    const rnd = () => {
      s = (s * 1103515245 + 12345) % 2 ** 31;
      return s / 2 ** 31;
    };
    const desa = ['d1', 'd2', 'd3', 'd4', 'd5'];
    const cats = ['a', 'b', 'c', 'e'];
    const cells: Cell[] = [];
    const relations: Relation[] = [];
    const v = new Map<string, number>();
    for (const d of desa) for (const c of cats) v.set(`${d}${c}`, Math.floor(rnd() * 12));
    for (const c of cats)
      v.set(
        `k1${c}`,
        ['d1', 'd2', 'd3'].reduce((a, d) => a + v.get(`${d}${c}`)!, 0),
      );
    for (const c of cats)
      v.set(
        `k2${c}`,
        ['d4', 'd5'].reduce((a, d) => a + v.get(`${d}${c}`)!, 0),
      );
    for (const a of [...desa, 'k1', 'k2'])
      v.set(
        `${a}*`,
        cats.reduce((x, c) => x + v.get(`${a}${c}`)!, 0),
      );
    for (const c of [...cats, '*']) v.set(`B${c}`, v.get(`k1${c}`)! + v.get(`k2${c}`)!);
    for (const [id, value] of v) cells.push({ id, value, small: !id.startsWith('B') });
    for (const c of [...cats, '*']) {
      relations.push({ total: `k1${c}`, parts: ['d1', 'd2', 'd3'].map((d) => `${d}${c}`) });
      relations.push({ total: `k2${c}`, parts: ['d4', 'd5'].map((d) => `${d}${c}`) });
      relations.push({ total: `B${c}`, parts: [`k1${c}`, `k2${c}`] });
    }
    for (const a of [...desa, 'k1', 'k2', 'B']) relations.push({ total: `${a}*`, parts: cats.map((c) => `${a}${c}`) });
    const hidden = new Set(cells.filter(() => rnd() < 0.45).map((c) => c.id));
    return { cells, relations, hidden };
  };
  it.each(Array.from({ length: 40 }, (_, i) => i + 1))('matches elimination over the rationals on random hidden sets (seed %i)', (seed) => {
    const { cells: c, relations: r, hidden } = table(seed);
    expect(audit(c, r, hidden)).toEqual(exactAudit(c, r, hidden));
  });
});

describe('protection intervals', () => {
  it('a hidden count the published sums pin inside 1..k−1 gets a further complement', () => {
    // t1 = a + b = 4 and t2 = b + d = 3 are published; a, b, d hidden. No cell is determined,
    // but b ≤ 3 forces a ≥ 1: a lies in [1, 4] — "a few, but not none".
    const c: Cell[] = [
      { id: 't1', value: 4, small: false },
      { id: 't2', value: 3, small: false },
      { id: 'a', value: 2, small: true },
      { id: 'b', value: 2, small: true },
      { id: 'd', value: 1, small: true },
    ];
    const r: Relation[] = [
      { total: 't1', parts: ['a', 'b'] },
      { total: 't2', parts: ['b', 'd'] },
    ];
    expect(audit(c, r, new Set(['a', 'b', 'd']))).toEqual([]);
    const report = { checked: 0, pinned: 0, inherited: 0 };
    const flags = protect(c, r, 5, report);
    expect(report.pinned).toBe(1);
    expect(flags.get('t1')).toBe('secondary'); // the only cell left in a's relations
  });
  it('a range that reaches 0 is acceptable: nothing more is hidden', () => {
    // kec = 6 = d1 + d2 with d1 = 2, d2 = 4 both small: each lies in [0, 6].
    const c = cells({ kec: 6, d1: 2, d2: 4 });
    const report = { checked: 0, pinned: 0, inherited: 0 };
    const flags = protect(c, [{ total: 'kec', parts: ['d1', 'd2'] }], 5, report);
    expect([...flags.keys()].sort()).toEqual(['d1', 'd2']);
    expect(report).toEqual({ checked: 2, pinned: 0, inherited: 0 });
  });
  it('a sensitive category must be able to reach k: [0, 4] still reads "none or a few", so it gets a further complement', () => {
    // kab = a + b + d + e; a = 2 and b = 2 are primary, so a + b = 4 is known: each lies in [0, 4].
    const c: Cell[] = [
      { id: 'kab', value: 31, small: false },
      { id: 'a', value: 2, small: true },
      { id: 'b', value: 2, small: true },
      { id: 'd', value: 7, small: true },
      { id: 'e', value: 20, small: true },
    ];
    const r: Relation[] = [{ total: 'kab', parts: ['a', 'b', 'd', 'e'] }];
    const plain = protect(c, r, 5);
    expect([...plain.keys()].sort()).toEqual(['a', 'b']);
    const report = { checked: 0, pinned: 0, inherited: 0 };
    const sensitive = protect(
      c.map((x) => (x.id === 'a' ? { ...x, sensitive: true } : x)),
      r,
      5,
      report,
    );
    // a + b + d = 11: a can now be anything from 0 to 9.
    expect([...sensitive]).toEqual([
      ['a', 'primary'],
      ['b', 'primary'],
      ['d', 'secondary'],
    ]);
    expect(report.pinned).toBe(1);
  });
});

describe('protection joint with earlier releases', () => {
  // kec = d1 + d2 + d3 + d4; this release: d1 = 2 primary.
  const c = cells({ kec: 40, d1: 2, d2: 9, d3: 13, d4: 16 });
  const r: Relation[] = [{ total: 'kec', parts: ['d1', 'd2', 'd3', 'd4'] }];
  it('alone, the smallest neighbour protects it', () => {
    expect([...protect(c, r, 5)]).toEqual([
      ['d1', 'primary'],
      ['d2', 'secondary'],
    ]);
  });
  it('a neighbour an earlier release published cannot protect it (its old value is public): the next one does', () => {
    const prior = (id: string) => (id === 'd2' ? 9 : undefined);
    expect([...protect(c, r, 5, undefined, prior)]).toEqual([
      ['d1', 'primary'],
      ['d3', 'secondary'],
    ]);
  });
  it('a cell an earlier release hid stays hidden, and still protects', () => {
    const prior = (id: string) => (id === 'd4' ? ('hidden' as const) : undefined);
    expect([...protect(c, r, 5, undefined, prior)]).toEqual([
      ['d1', 'primary'],
      ['d4', 'secondary'],
    ]);
  });
  it('exposed only by what an earlier release published: reported as inherited, never a crash', () => {
    const prior = (id: string) => (id === 'd1' ? undefined : 1);
    const report = { checked: 0, pinned: 0, inherited: 0 };
    const flags = protect(c, r, 5, report, prior);
    expect([...flags]).toEqual([['d1', 'primary']]);
    expect(report.inherited).toBe(1);
  });
});

describe('the pipeline on the mini fixture with k = 5', async () => {
  const { loadPortal } = await import('../src/load/portal.ts');
  const { protectPortal } = await import('../src/protect/tables.ts');
  const { HIDDEN, isHidden, isShown } = await import('../src/protect/figure.ts');
  const { fixtureIO, fixtureText } = await import('./helpers.ts');
  const config = { ...JSON.parse(fixtureText('portal.json')), ambang_k: 5 };
  const { data } = await loadPortal(fixtureIO({ 'portal.json': JSON.stringify(config) }));
  const p = protectPortal(data!, { k: 5, sensitiveLevel: 'kecamatan' });
  const y2024 = p.pmks.filter((c) => c.tahun === 2024);
  const level = (w: string) => (w.length > 8 ? 'D' : w.length > 5 ? 'K' : 'B');
  const flag = (w: string, k: string) => p.flags.get(`pmks.csv|2024|${level(w)}|${w}|${k}`);

  it('hides the small desa and kecamatan counts (primary)', () => {
    expect(
      y2024
        .filter((c) => flag(c.wilayah, c.kategori) === 'primary')
        .map((c) => `${c.wilayah}|${c.kategori}`)
        .sort(),
    ).toEqual(['17.07.01.1004|*', '17.07.01.1004|8', '17.07.02|*', '17.07.02|16']);
  });
  it('protects Kampung Jawa (4) only through secondary suppression of its neighbour in the kecamatan sum', () => {
    // Lebong Utara cat. 8 = Kampung Jawa 4 + Pasar Muara Aman 6: without hiding the 6, the 4 = 10 − 6.
    expect(flag('17.07.01.1006', '8')).toBe('secondary');
  });
  it('leaves nothing recoverable, and reports what it cost', () => {
    expect(y2024.every((c) => (flag(c.wilayah, c.kategori) ? isHidden(c.jumlah) : isShown(c.jumlah)))).toBe(true);
    expect(p.stats.primary).toBeGreaterThanOrEqual(4);
    expect(p.stats.secondary).toBeGreaterThan(0);
    expect(p.stats.published).toBeGreaterThan(0);
  });
  it('publishes no sensitive category below the kecamatan, and none below the kabupaten when configured', () => {
    const k = protectPortal(data!, { k: 5, sensitiveLevel: 'kabupaten' });
    const c = k.pmks.find((x) => x.tahun === 2024 && x.wilayah === '17.07.02' && x.kategori === '16')!;
    expect(c.jumlah).toEqual(HIDDEN);
  });
});
