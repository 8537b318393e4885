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
