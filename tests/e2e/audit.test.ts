/**
 * The disclosure auditor: re-reads every published table of counts about
 * people and households from dist/ and proves that (1) no count from 1 to
 * k−1 is shown for a desa or kecamatan and (2) no hidden cell can be
 * recovered by solving the published sums (exact linear audit).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { describe, expect, inject, it } from 'vitest';
import { audit, type Cell, type Relation } from '../../src/protect/disclosure.ts';

const dist = inject('sampleDist');
const k = 5;
const read = (name: string) =>
  Papa.parse<Record<string, string>>(readFileSync(path.join(dist, 'data', `${name}.csv`), 'utf8'), { header: true, skipEmptyLines: true })
    .data;
const parentOf = (code: string) =>
  code.split('.').length === 4 ? code.slice(0, 8) : code.split('.').length === 3 ? code.slice(0, 5) : undefined;

/** Cells and the sums tying them, rebuilt only from what was published. */
function rebuild(rows: Record<string, string>[], groupKey: (r: Record<string, string>) => string, measures: string[], category?: string) {
  const out: { cells: Cell[]; relations: Relation[]; shownSmall: string[] }[] = [];
  const groups = new Map<string, Record<string, string>[]>();
  for (const r of rows) groups.set(groupKey(r), [...(groups.get(groupKey(r)) ?? []), r]);
  for (const [g, rs] of groups)
    for (const m of measures) {
      const cells: Cell[] = [];
      const relations = new Map<string, Relation>();
      const shownSmall: string[] = [];
      const id = (r: Record<string, string>) => `${r.kode_wilayah}|${category ? r[category] : ''}`;
      for (const r of rs) {
        const hidden = r[m] === '';
        if (!hidden) {
          const v = Number(r[m]);
          if (r.tingkat !== 'kabupaten' && v >= 1 && v < k) shownSmall.push(`${g} ${id(r)} ${m}=${v}`);
        }
        cells.push({ id: id(r), value: hidden ? NaN : Number(r[m]), small: r.tingkat !== 'kabupaten' });
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
      out.push({ cells, relations: [...relations.values()], shownSmall });
    }
  return out;
}

describe('the published tables protect every small count', () => {
  const tables = {
    pmks: rebuild(read('pmks'), (r) => r.tahun!, ['jumlah'], 'kategori'),
    registri: rebuild(read('registri'), (r) => r.tahun!, ['keluarga', 'jiwa', 'keluarga_tanpa_bansos_pusat', 'keluarga_dibantu_apbd']),
    cakupan: rebuild(read('cakupan'), (r) => `${r.tahun}|${r.program}`, ['penerima']),
    verval: rebuild(read('verval'), (r) => r.tahun!, ['diperiksa', 'dihapus', 'ditambah', 'graduasi']),
    // DTSEN: registry by desil and recipients by desil (their '*' sums every desil, 'belum' included), deprivations per indicator.
    desil: rebuild(read('desil'), (r) => `${r.tahun}|${r.periode}`, ['keluarga', 'jiwa'], 'desil'),
    sasaran: rebuild(read('sasaran'), (r) => `${r.tahun}|${r.periode}|${r.program}`, ['penerima'], 'desil'),
    kondisi: rebuild(read('kondisi'), (r) => `${r.tahun}|${r.indikator}`, ['keluarga']),
  };

  it.each(Object.keys(tables))('%s: no count from 1 to k−1 is shown for a desa or kecamatan', (name) => {
    expect(tables[name as keyof typeof tables].flatMap((t) => t.shownSmall)).toEqual([]);
  });

  it.each(Object.keys(tables))('%s: no hidden cell can be recovered from the published sums', (name) => {
    let hiddenCount = 0;
    for (const t of tables[name as keyof typeof tables]) {
      const hidden = new Set(t.cells.filter((c) => Number.isNaN(c.value)).map((c) => c.id));
      hiddenCount += hidden.size;
      // Sums that the published data actually satisfy must hold (sanity: the rebuild is right).
      for (const r of t.relations) {
        const ids = [r.total, ...r.parts];
        if (ids.some((id) => hidden.has(id))) continue;
        const v = (id: string) => t.cells.find((c) => c.id === id)!.value;
        expect(
          r.parts.reduce((a, p) => a + v(p), 0),
          r.total,
        ).toBe(v(r.total));
      }
      expect(audit(t.cells, t.relations, hidden)).toEqual([]);
    }
    if (name === 'pmks') expect(hiddenCount).toBeGreaterThan(0); // the sample has small desa counts: the rule must have fired
  });

  it('is not toothless: publishing any one hidden PMKS cell lets the audit recover another', () => {
    const t = tables.pmks.find((x) => x.cells.some((c) => Number.isNaN(c.value)))!;
    const hidden = new Set(t.cells.filter((c) => Number.isNaN(c.value)).map((c) => c.id));
    let caught = 0;
    for (const id of [...hidden].slice(0, 40)) {
      const fewer = new Set(hidden);
      fewer.delete(id);
      if (audit(t.cells, t.relations, fewer).length > 0) caught++;
    }
    expect(caught).toBeGreaterThan(0);
  });

  it('publishes sensitive PMKS categories no finer than the kecamatan', () => {
    const sensitive = new Set(['3', '6', '10', '15', '16', '17', '18', '19']);
    expect(read('pmks').filter((r) => r.tingkat === 'desa' && sensitive.has(r.kategori!))).toEqual([]);
  });
});
