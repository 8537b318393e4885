/**
 * Ketepatan sasaran: the targeting figures on a tiny fixture whose answers
 * are worked out by hand, their disclosure control, and the sample portal's
 * sasaran-indikator.csv recomputed from the input files.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { describe, expect, inject, it } from 'vitest';
import { prepareSite } from '../src/build/prepare.ts';
import { textOf } from '../src/load/io.ts';
import { loadPortal } from '../src/load/portal.ts';
import { audit, type Cell, type Relation } from '../src/protect/disclosure.ts';
import { fixtureIO, fixtureText, ROOT } from './helpers.ts';

const DESIL = `tahun,periode,kode_wilayah,desil,keluarga
${[100, 80, 60, 50, 40, 30, 20, 10, 10, 10].map((n, i) => `2025,triwulan-4,17.07.01,${i + 1},${n}`).join('\n')}
${[50, 40, 30, 20, 20, 10, 10, 5, 5, 5].map((n, i) => `2025,triwulan-4,17.07.02,${i + 1},${n}`).join('\n')}
`;
const sasaran = (a: number[], b: number[]) => `tahun,periode,kode_wilayah,program,desil,penerima
${a.map((n, i) => `2025,triwulan-4,17.07.01,pkh,${i < 10 ? i + 1 : ''},${n}`).join('\n')}
${b.map((n, i) => `2025,triwulan-4,17.07.02,pkh,${i < 10 ? i + 1 : ''},${n}`).join('\n')}
`;
const pkh = fixtureText('program/pkh.md').replace('\n---\n', '\ndesil_maks: 4\n---\n');
const csvRows = (text: string) =>
  Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true }).data as Record<string, string>[] &
    { kerahasiaan: string }[];

async function indicators(overrides: Record<string, string>) {
  const { data, problems } = await loadPortal(fixtureIO({ 'desil.csv': DESIL, 'program/pkh.md': pkh, ...overrides }));
  expect(problems.filter((p) => p.level === 'error')).toEqual([]);
  const { prepared } = await prepareSite(data!, undefined, problems);
  const files = await Array.fromAsync(prepared!.files);
  const file = (name: string) => textOf(files.find((f) => f.path === `data/${name}`)!.content);
  return { model: prepared!.model, rows: csvRows(file('sasaran-indikator.csv')), sasaran: csvRows(file('sasaran.csv')) };
}

describe('targeting figures on a fixture with known answers', () => {
  it('share on target, inclusion, exclusion and unranked, per kecamatan and for the kabupaten', async () => {
    // 17.07.01: ranked 150, of which desil 1–4: 60+40+20+10 = 130 → 86,7%; registry desil 1–4: 290 → 160 without PKH.
    // 17.07.02: ranked 80, within 65 → 81,3%; registry 140 → 75 without. Kabupaten: 195 of 230 → 84,8%; 430 − 195 = 235.
    const { rows } = await indicators({
      'sasaran.csv': sasaran([60, 40, 20, 10, 15, 5, 0, 0, 0, 0, 6], [30, 20, 10, 5, 10, 5, 0, 0, 0, 0, 4]),
    });
    const pick = (code: string) => {
      const r = rows.find((x) => x.kode_wilayah === code && x.program === 'pkh')!;
      return [
        r.penerima,
        r.penerima_berperingkat,
        r.penerima_layak,
        r.persen_tepat_sasaran,
        r.keluarga_layak,
        r.keluarga_layak_tanpa_program,
        r.kerahasiaan,
      ];
    };
    expect(pick('17.07.01')).toEqual(['156', '150', '130', '86.7', '290', '160', '']);
    expect(pick('17.07.02')).toEqual(['84', '80', '65', '81.3', '140', '75', '']);
    expect(pick('17.07')).toEqual(['240', '230', '195', '84.8', '430', '235', '']);
    expect(rows.find((x) => x.kode_wilayah === '17.07')!.desil_maks).toBe('4');
  });

  it('hides what is computed from a hidden count, and no hidden count can be recovered from what is published', async () => {
    const portal = JSON.stringify({ ...JSON.parse(fixtureText('portal.json')), ambang_k: 5 });
    // Desil 9 in 17.07.02 holds 2 PKH recipients: hidden, and with it whatever would give it away.
    const { rows, sasaran: published } = await indicators({
      'portal.json': portal,
      'sasaran.csv': sasaran([60, 40, 20, 10, 15, 5, 0, 0, 0, 0, 6], [30, 20, 10, 5, 10, 5, 0, 0, 2, 0, 4]),
    });
    const hidden = published.filter((r) => r.kerahasiaan!.includes('penerima'));
    expect(hidden.length).toBeGreaterThanOrEqual(2);
    for (const r of hidden) expect(r.penerima).toBe('');
    for (const r of rows) {
      for (const col of r.kerahasiaan.split(';').filter(Boolean)) expect(r[col], `${r.kode_wilayah} ${col}`).toBe('');
      if (r.penerima_layak === '' || r.penerima_berperingkat === '') expect(r.persen_tepat_sasaran).toBe('');
    }
    // The audit, rebuilt from the two published tables alone: area sums per desil, and per area '*' = all, 'R' = ranked, 'L4' = desil 1–4.
    const cells: Cell[] = [];
    const value = (v: string) => (v === '' ? Number.NaN : Number(v));
    for (const r of published)
      cells.push({ id: `${r.kode_wilayah}|${r.desil}`, value: value(r.penerima!), small: r.tingkat !== 'kabupaten' });
    for (const r of rows) {
      cells.push({ id: `${r.kode_wilayah}|R`, value: value(r.penerima_berperingkat!), small: r.tingkat !== 'kabupaten' });
      cells.push({ id: `${r.kode_wilayah}|L4`, value: value(r.penerima_layak!), small: r.tingkat !== 'kabupaten' });
    }
    const areas = ['17.07.01', '17.07.02'];
    const cats = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', 'belum', '*', 'R', 'L4'];
    const relations: Relation[] = [
      ...cats.map((c) => ({ total: `17.07|${c}`, parts: areas.map((a) => `${a}|${c}`) })),
      ...['17.07', ...areas].flatMap((a) => [
        { total: `${a}|*`, parts: [...cats.slice(0, 11)].map((c) => `${a}|${c}`) },
        { total: `${a}|R`, parts: cats.slice(0, 10).map((c) => `${a}|${c}`) },
        { total: `${a}|L4`, parts: cats.slice(0, 4).map((c) => `${a}|${c}`) },
      ]),
    ];
    const hiddenIds = new Set(cells.filter((c) => Number.isNaN(c.value)).map((c) => c.id));
    expect(hiddenIds.size).toBeGreaterThanOrEqual(2);
    expect(audit(cells, relations, hiddenIds)).toEqual([]);
  });
});

describe('the sample portal', () => {
  it('publishes sasaran-indikator.csv with figures a test recomputes from the input files (one decimal; hidden cells empty and named)', () => {
    const input = (f: string) =>
      Papa.parse<Record<string, string>>(readFileSync(path.join(ROOT, 'data', f), 'utf8').replace(/^\uFEFF/, ''), {
        header: true,
        skipEmptyLines: true,
        delimiter: ';',
      }).data;
    const limits: Record<string, number> = { pkh: 4, sembako: 5, 'pbi-jk': 5 };
    const unit: Record<string, 'keluarga' | 'jiwa'> = { pkh: 'keluarga', sembako: 'keluarga', 'pbi-jk': 'jiwa' };
    const rec = input('sasaran.csv');
    const reg = input('desil.csv');
    const sum = (xs: Record<string, string>[], col: string) => xs.reduce((s, r) => s + Number(r[col]), 0);
    const out = csvRows(readFileSync(path.join(inject('sampleDist'), 'data', 'sasaran-indikator.csv'), 'utf8'));
    expect(out.length).toBeGreaterThan(50);
    let compared = 0;
    for (const r of out) {
      const inArea = (x: Record<string, string>) =>
        x.tahun === r.tahun &&
        x.periode === r.periode &&
        (r.tingkat === 'kabupaten' || x.kode_wilayah === r.kode_wilayah || x.kode_wilayah!.startsWith(`${r.kode_wilayah}.`));
      const mine = rec.filter((x) => inArea(x) && x.program === r.program);
      const max = limits[r.program!]!;
      const expected: Record<string, number> = {
        penerima: sum(mine, 'penerima'),
        penerima_berperingkat: sum(
          mine.filter((x) => x.desil !== ''),
          'penerima',
        ),
        penerima_layak: sum(
          mine.filter((x) => x.desil !== '' && Number(x.desil) <= max),
          'penerima',
        ),
        keluarga_layak: sum(
          reg.filter((x) => inArea(x) && Number(x.desil) <= max),
          unit[r.program!]!,
        ),
      };
      expected.persen_tepat_sasaran = Math.round((expected.penerima_layak! / expected.penerima_berperingkat!) * 1000) / 10;
      expected.keluarga_layak_tanpa_program = expected.keluarga_layak! - expected.penerima_layak!;
      const hidden = new Set(r.kerahasiaan.split(';').filter(Boolean));
      for (const [col, v] of Object.entries(expected)) {
        if (hidden.has(col)) expect(r[col], `${r.kode_wilayah} ${r.program} ${col}`).toBe('');
        else {
          expect(Number(r[col]), `${r.tahun} ${r.periode} ${r.kode_wilayah} ${r.program} ${col}`).toBe(v);
          compared++;
        }
      }
    }
    expect(compared).toBeGreaterThan(300);
  });
});
