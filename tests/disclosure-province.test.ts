/**
 * Disclosure control over a province's four-level tree (desa → kecamatan → kabupaten/kota → province): every
 * published sum is an equation, and nothing hidden at one level may be recovered from another. The algorithm
 * (src/protect/disclosure.ts) is the portal's own; the cells are one PMKS category over the real DIY tree.
 */
import { describe, expect, it } from 'vitest';
import { type RegionNode, loadRegion, walk } from '../src/domain/region-node.ts';
import { audit, type Cell, type IntervalReport, protect, type Relation } from '../src/protect/disclosure.ts';
import { pinnedCells } from '../src/protect/intervals.ts';

const K = 5;
/** A seeded uniform random number generator (an LCG), so a test's table is the same on every run. */
function seeded(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    return s / 2 ** 31;
  };
}
/** A cell per node, each non-leaf node the sum of its children. */
function tableOf(root: RegionNode, leaf: (code: string) => number): { cells: Cell[]; relations: Relation[] } {
  const value = new Map<string, number>();
  const sum = (n: RegionNode): number => {
    const v = n.children.length ? n.children.reduce((a, c) => a + sum(c), 0) : leaf(n.code);
    value.set(n.code, v);
    return v;
  };
  sum(root);
  const nodes = [...walk(root)];
  const depth = { provinsi: 0, kabupaten: 1, kecamatan: 2, desa: 3 } as const;
  return {
    cells: nodes.map((n) => ({ id: n.code, value: value.get(n.code)!, small: n.level !== 'provinsi', rank: depth[n.level] })),
    relations: nodes.filter((n) => n.children.length).map((n) => ({ total: n.code, parts: n.children.map((c) => c.code) })),
  };
}

describe('disclosure control on a province tree', () => {
  it('a kabupaten total never reveals a hidden kecamatan: the kecamatan beside it is hidden too', () => {
    const small: RegionNode = {
      code: '99',
      name: 'P',
      level: 'provinsi',
      children: [
        {
          code: '99.01',
          name: 'K1',
          level: 'kabupaten',
          parent: '99',
          children: [
            { code: '99.01.01', name: 'A', level: 'kecamatan', parent: '99.01', children: [] },
            { code: '99.01.02', name: 'B', level: 'kecamatan', parent: '99.01', children: [] },
          ],
        },
        {
          code: '99.02',
          name: 'K2',
          level: 'kabupaten',
          parent: '99',
          children: [{ code: '99.02.01', name: 'C', level: 'kecamatan', parent: '99.02', children: [] }],
        },
      ],
    };
    const { cells, relations } = tableOf(small, (c) => ({ '99.01.01': 3, '99.01.02': 40, '99.02.01': 50 })[c]!);
    // Without a complement, 99.01.01 = 99.01 − 99.01.02 = 43 − 40.
    expect(audit(cells, relations, new Set(['99.01.01']))).toEqual(['99.01.01']);
    const flags = protect(cells, relations, K);
    expect(flags.get('99.01.01')).toBe('primary');
    expect(flags.size).toBeGreaterThan(1);
    expect(audit(cells, relations, flags)).toEqual([]);
  });

  it('the whole DIY tree (5 kabupaten/kota, 78 kecamatan, 438 desa): every small count hidden, no hidden cell recoverable, every interval reaches 0 or k', async () => {
    const diy = (await loadRegion('34'))!;
    // Synthetic counts, seeded: most desa have tens of people in the category, one in six has 1–4.
    const rand = seeded(7);
    const { cells, relations } = tableOf(diy, () => (rand() < 1 / 6 ? 1 + Math.floor(rand() * 4) : 5 + Math.floor(rand() * 60)));
    const report: IntervalReport = { checked: 0, pinned: 0, inherited: 0 };
    const flags = protect(cells, relations, K, report);
    const smallOnes = cells.filter((c) => c.small && c.value >= 1 && c.value < K);
    expect(smallOnes.length).toBeGreaterThan(40);
    for (const c of smallOnes) expect(flags.get(c.id), c.id).toBe('primary');
    expect(audit(cells, relations, flags)).toEqual([]);
    expect(report.checked).toBeGreaterThanOrEqual(smallOnes.length);
    // Checked again on the final hidden set: the linear programme's interval of every hidden small cell reaches 0 or k.
    const index = new Map(cells.map((c, i) => [c.id, i]));
    const members = relations.map((r) => [r.total, ...r.parts].map((id) => index.get(id)!));
    const hidden = Uint8Array.from(cells, (c) => (flags.has(c.id) ? 1 : 0));
    const { pinned, checked } = pinnedCells(
      members,
      cells.map((c) => c.value),
      hidden,
      K,
    );
    expect(pinned).toEqual([]);
    expect(checked).toBe(smallOnes.length);
    // The province total is published; no kabupaten total is hidden only to protect a desa two levels down.
    expect(flags.has('34')).toBe(false);
  });
});

describe('the protection-interval check scope by scope (large blocks)', () => {
  const table = async () => {
    const diy = (await loadRegion('34'))!;
    const rand = seeded(11);
    return tableOf(diy, () => (rand() < 1 / 3 ? 1 + Math.floor(rand() * 4) : 5 + Math.floor(rand() * 30)));
  };
  const numbered = (cells: readonly Cell[], n: number) => {
    const ids = new Map<string, number>();
    return Int32Array.from(cells, (c) => {
      const name = c.id.slice(0, n);
      if (!ids.has(name)) ids.set(name, ids.size);
      return ids.get(name)!;
    });
  };

  it('never finds fewer pinned cells than one program over the whole block', async () => {
    const { cells, relations } = await table();
    const index = new Map(cells.map((c, i) => [c.id, i]));
    const members = relations.map((r) => [r.total, ...r.parts].map((id) => index.get(id)!));
    const values = cells.map((c) => c.value);
    // Primary suppression only, and every small kecamatan total hidden too: many cells stay pinned.
    const hidden = Uint8Array.from(cells, (c) => (c.small && c.value < K * 4 ? 1 : 0));
    const whole = pinnedCells(members, values, hidden, K);
    const scoped = pinnedCells(members, values, hidden, K, undefined, undefined, [numbered(cells, 8), numbered(cells, 5)], 0);
    expect(whole.pinned.length).toBeGreaterThanOrEqual(5);
    expect(scoped.checked).toBe(whole.checked);
    const found = new Set(scoped.pinned.map((p) => p.cell));
    for (const p of whole.pinned) expect(found.has(p.cell), cells[p.cell]!.id).toBe(true);
  });

  it('protects as fully: on the final pattern one program over each whole block finds nothing pinned', async () => {
    // 20 categories per area (blocks of more than 1,000 hidden cells per kabupaten/kota), each area's total over them,
    // and one rare category whose kabupaten/kota totals are 1–4 (hidden, tied across kabupaten by the province total).
    const diy = (await loadRegion('34'))!;
    const rand = seeded(5);
    const cats = Array.from({ length: 20 }, (_, i) => `c${i}`);
    const per = cats.map((c) =>
      tableOf(diy, () => (c === 'c0' ? Number(rand() < 0.02) : rand() < 2 / 3 ? 1 + Math.floor(rand() * 4) : 5 + Math.floor(rand() * 30))),
    );
    const cells: Cell[] = [];
    const relations: Relation[] = [];
    per.forEach((t, i) => {
      for (const c of t.cells) cells.push({ ...c, id: `${c.id}|${cats[i]}` });
      for (const r of t.relations) relations.push({ total: `${r.total}|${cats[i]}`, parts: r.parts.map((p) => `${p}|${cats[i]}`) });
    });
    for (const c of per[0]!.cells) {
      const parts = cats.map((x) => `${c.id}|${x}`);
      cells.push({ ...c, id: `${c.id}|*`, value: per.reduce((a, t) => a + t.cells.find((x) => x.id === c.id)!.value, 0) });
      relations.push({ total: `${c.id}|*`, parts });
    }
    const scopesOf = (id: string) => [id.split('|')[0]!.slice(0, 8), id.slice(0, 5)];
    const flags = protect(cells, relations, K, undefined, undefined, scopesOf);
    expect(audit(cells, relations, flags)).toEqual([]);
    const index = new Map(cells.map((c, i) => [c.id, i]));
    const members = relations.map((r) => [r.total, ...r.parts].map((id) => index.get(id)!));
    const hidden = Uint8Array.from(cells, (c) => (flags.has(c.id) ? 1 : 0));
    const rareKab = cells.filter((c) => /^\d\d\.\d\d\|c0$/.test(c.id) && c.value >= 1 && c.value < K);
    expect(rareKab.length).toBeGreaterThanOrEqual(2);
    expect(
      pinnedCells(
        members,
        cells.map((c) => c.value),
        hidden,
        K,
      ).pinned,
    ).toEqual([]);
    for (const c of cells) if (c.small && c.value >= 1 && c.value < K) expect(flags.get(c.id), c.id).toBe('primary');
  });
});
