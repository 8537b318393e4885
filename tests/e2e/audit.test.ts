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
import { audit } from '../../src/protect/disclosure.ts';
import { addDapil, rebuild } from '../published-system.ts';

const dist = inject('sampleDist');
const read = (name: string) =>
  Papa.parse<Record<string, string>>(readFileSync(path.join(dist, 'data', `${name}.csv`), 'utf8'), { header: true, skipEmptyLines: true })
    .data;
describe('the published tables protect every small count', () => {
  // Each table with its dapil sums: a dapil is one more published sum over kecamatan.
  const dapilRows = read('dapil-angka');
  const composition = read('dapil');
  const system = (tabel: string, groupKey: (r: Record<string, string>) => string, measures: string[], category?: string) =>
    addDapil(rebuild(read(tabel), groupKey, measures, category), tabel, dapilRows, composition, groupKey);
  const tables = {
    pmks: system('pmks', (r) => r.tahun!, ['jumlah'], 'kategori'),
    registri: system('registri', (r) => r.tahun!, ['keluarga', 'jiwa', 'keluarga_tanpa_bansos_pusat', 'keluarga_dibantu_apbd']),
    cakupan: system('cakupan', (r) => `${r.tahun}|${r.program}`, ['penerima']),
    verval: system('verval', (r) => r.tahun!, ['diperiksa', 'dihapus', 'ditambah', 'graduasi']),
    // DTSEN: registry by desil and recipients by desil (their '*' sums every desil, 'belum' included), deprivations per indicator.
    desil: system('desil', (r) => `${r.tahun}|${r.periode}`, ['keluarga', 'jiwa'], 'desil'),
    sasaran: system('sasaran', (r) => `${r.tahun}|${r.periode}|${r.program}`, ['penerima'], 'desil'),
    kondisi: system('kondisi', (r) => `${r.tahun}|${r.indikator}`, ['keluarga']),
  };

  it('covers every dapil sum published', () => {
    const used = Object.values(tables)
      .flat()
      .reduce((n, t) => n + t.cells.filter((c) => c.id.startsWith('dapil:')).length, 0);
    expect(dapilRows.length).toBeGreaterThan(1000);
    expect(used).toBe(dapilRows.length);
  });

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
