/**
 * The attacker's view of a published table: cells and the sums tying them,
 * rebuilt only from the published rows (CSV as parsed by PapaParse), with no
 * code of the build's own. Used by the independent audits of one release
 * (e2e/audit.test.ts) and across releases (release-differencing.test.ts).
 */
import Papa from 'papaparse';
import { expect } from 'vitest';
import { audit, type Cell, type Relation } from '../src/protect/disclosure.ts';
import { pinnedCells } from '../src/protect/intervals.ts';

export const K = 5;
const parentOf = (code: string) => {
  const parts = code.split('.').length;
  return parts === 4 ? code.slice(0, 8) : parts === 3 ? code.slice(0, 5) : parts === 2 ? code.slice(0, 2) : undefined;
};

export interface PublishedSystem {
  /** The table's group (year, period, program) and measure. */
  group: string;
  measure: string;
  /** Hidden cells have value NaN. */
  cells: Cell[];
  relations: Relation[];
  shownSmall: string[];
}

/** Cells and the sums tying them, rebuilt only from what was published. */
export function rebuild(
  rows: Record<string, string>[],
  groupKey: (r: Record<string, string>) => string,
  measures: string[],
  category?: string,
  k = K,
): PublishedSystem[] {
  const out: PublishedSystem[] = [];
  const groups = new Map<string, Record<string, string>[]>();
  for (const r of rows) groups.set(groupKey(r), [...(groups.get(groupKey(r)) ?? []), r]);
  for (const [g, rs] of groups)
    for (const m of measures) {
      const cells: Cell[] = [];
      const relations = new Map<string, Relation>();
      const shownSmall: string[] = [];
      const id = (r: Record<string, string>) => `${r.kode_wilayah}|${category ? r[category] : ''}`;
      // The portal's own region (a kabupaten, or a province over its kabupaten/kota) is the one large area.
      const root = rs.reduce((a, r) => (r.kode_wilayah!.length < a.length ? r.kode_wilayah! : a), rs[0]!.kode_wilayah!);
      for (const r of rs) {
        const hidden = r[m] === '';
        const small = r.kode_wilayah !== root;
        if (!hidden) {
          const v = Number(r[m]);
          if (small && v >= 1 && v < k) shownSmall.push(`${g} ${id(r)} ${m}=${v}`);
        }
        cells.push({ id: id(r), value: hidden ? NaN : Number(r[m]), small });
        if (hidden) expect(r.kerahasiaan, `${g} ${id(r)}`).toContain(m);
      }
      const has = new Set(cells.map((c) => c.id));
      // One relation per total and kind of sum: a kabupaten total is both the sum of its kecamatan and the sum of its categories.
      const rel = (total: string, part: string, kind: 'area' | 'category') => {
        if (!has.has(total)) return;
        const key = `${total}#${kind}`;
        const x = relations.get(key) ?? { total, parts: [] };
        x.parts.push(part);
        relations.set(key, x);
      };
      for (const c of cells) {
        const [code, cat] = c.id.split('|');
        const parent = parentOf(code!);
        // Area hierarchy: a parent area equals the sum of its children, category by category.
        // (A desa total covers only the categories published for desa, so it is not a part of the kecamatan total.)
        if (parent && !(category && cat === '*' && code!.split('.').length === 4)) rel(`${parent}|${cat}`, c.id, 'area');
      }
      if (category) {
        // Category totals: '*' equals the sum over categories published for that area.
        for (const c of cells) {
          const [code, cat] = c.id.split('|');
          if (cat !== '*') rel(`${code}|*`, c.id, 'category');
        }
      }
      // Only complete sums are published relations (a desa '*' covers only the categories published for desa).
      out.push({ group: g, measure: m, cells, relations: [...relations.values()], shownSmall });
    }
  return out;
}

/** What a dapil row's `kelompok` sums, as dapil-angka.csv's data dictionary says: all, desil 1–4, 1–5, every ranked desil. */
const DAPIL_GROUPS: Record<string, string[]> = {
  '': [''],
  '*': ['*'],
  L4: ['1', '2', '3', '4'],
  L5: ['1', '2', '3', '4', '5'],
  R: ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10'],
};

/**
 * A table's dapil sums (dapil-angka.csv) added to its published systems: each dapil value is one more cell, the
 * sum of its areas' cells (dapil.csv) over the group's categories, as anyone reading the two files can write it.
 */
export function addDapil(
  systems: PublishedSystem[],
  tabel: string,
  dapilRows: Record<string, string>[],
  composition: Record<string, string>[],
  groupKey: (r: Record<string, string>) => string,
  k = K,
): PublishedSystem[] {
  const areasOf = (r: Record<string, string>) =>
    composition.filter((c) => c.dapil === r.nama_dapil && r.lembaga!.startsWith(c.lembaga!)).map((c) => c.kode_wilayah!);
  for (const t of systems) {
    const has = new Set(t.cells.map((c) => c.id));
    for (const r of dapilRows) {
      if (r.tabel !== tabel || r.ukuran !== t.measure || groupKey({ ...r, program: r.kode_program! }) !== t.group) continue;
      const members = DAPIL_GROUPS[r.kelompok!];
      expect(members, `kelompok ${r.kelompok}`).toBeDefined();
      const id = `dapil:${r.dapil}|${r.kelompok}`;
      const hidden = r.nilai === '';
      if (hidden) expect(r.kerahasiaan, `${t.group} ${id}`).toContain('nilai');
      else if (Number(r.nilai) >= 1 && Number(r.nilai) < k) t.shownSmall.push(`${t.group} ${id}=${r.nilai}`);
      t.cells.push({ id, value: hidden ? NaN : Number(r.nilai), small: true });
      const parts = areasOf(r)
        .flatMap((a) => members!.map((c) => `${a}|${c}`))
        .filter((p) => has.has(p));
      expect(parts.length, id).toBeGreaterThan(0);
      t.relations.push({ total: id, parts });
    }
  }
  return systems;
}

export const SENSITIVE = new Set(['3', '6', '10', '15', '16', '17', '18', '19']);

/** True values of one year from the input (semicolon CSV of desa rows), summed to kecamatan and kabupaten as published. */
export function truthOf(csv: string, year: number): Map<string, number> {
  const truth = new Map<string, number>();
  const add = (id: string, v: number) => truth.set(id, (truth.get(id) ?? 0) + v);
  for (const r of Papa.parse<Record<string, string>>(csv.replace(/^\uFEFF/, ''), { header: true, delimiter: ';', skipEmptyLines: true })
    .data) {
    if (Number(r.tahun) !== year) continue;
    const [v, code, cat] = [Number(r.jumlah), r.kode_wilayah!, r.kategori!];
    if (!SENSITIVE.has(cat)) {
      add(`${code}|${cat}`, v);
      add(`${code}|*`, v);
    }
    for (const area of [code.slice(0, 8), code.slice(0, 5)]) {
      add(`${area}|${cat}`, v);
      add(`${area}|*`, v);
    }
  }
  return truth;
}

export const rowsOf = (csv: string) => Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true }).data;
export const pmksSystems = (csv: string) => rebuild(rowsOf(csv), (r) => r.tahun!, ['jumlah'], 'kategori');

/**
 * The attack: cells hidden in the new release that the old one published are
 * imputed with the old value; then every hidden cell left is solved for,
 * exactly (the audit) and as an interval (linear programs over each
 * connected block; a block the imputation made inconsistent tells nothing).
 * Returns the cells recovered exactly, and those pinned inside 1..k−1 with
 * their true value inside the interval.
 */
export function differencingAttack(older: PublishedSystem, newer: PublishedSystem, truth: Map<string, number>) {
  const before = new Map(older.cells.map((c) => [c.id, c.value]));
  const imputed = new Map<string, number>();
  for (const c of newer.cells) if (Number.isNaN(c.value) && Number.isFinite(before.get(c.id))) imputed.set(c.id, before.get(c.id)!);
  const hidden = new Set(newer.cells.filter((c) => Number.isNaN(c.value) && !imputed.has(c.id)).map((c) => c.id));
  const known = newer.cells.map((c) => ({ ...c, value: imputed.get(c.id) ?? c.value }));
  const exact = audit(known, newer.relations, hidden).filter((id) => truth.has(id));
  // Intervals: the attacker's right-hand sides (published and imputed values); true values only say which cells are 1..k−1.
  const index = new Map(known.map((c, i) => [c.id, i]));
  const values = known.map((c) => (hidden.has(c.id) ? (truth.get(c.id) ?? 0) : c.value));
  const isHidden = Uint8Array.from(known, (c) => (hidden.has(c.id) ? 1 : 0));
  const members = newer.relations.map((r) => [r.total, ...r.parts].map((id) => index.get(id)!));
  // Connected blocks of relations over hidden cells, solved one at a time.
  const parent = known.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i]!;
    return i;
  };
  for (const m of members) {
    const hs = m.filter((c) => isHidden[c]);
    for (const c of hs.slice(1)) parent[find(c)] = find(hs[0]!);
  }
  const byBlock = new Map<number, number[][]>();
  for (const m of members) {
    const h = m.find((c) => isHidden[c]);
    if (h === undefined) continue;
    byBlock.set(find(h), [...(byBlock.get(find(h)) ?? []), m]);
  }
  const pinned: string[] = [];
  for (const block of byBlock.values()) {
    try {
      for (const p of pinnedCells(block, values, isHidden, K).pinned) {
        const id = known[p.cell]!.id;
        const v = truth.get(id)!;
        if (v >= p.lo - 1e-6 && v <= p.hi + 1e-6) pinned.push(`${id} ∈ [${p.lo}, ${p.hi}] (true ${v})`);
      }
    } catch {
      /* inconsistent after imputing: the attacker learns only that something changed */
    }
  }
  return { exact, pinned };
}
