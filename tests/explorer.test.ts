/** The data explorer's pure part (src/shared/explorer.ts) on tiny fixtures. */
import { describe, expect, it } from 'vitest';
import { type ExplorerIndicator, explorerCsv, filterRows, readState, selectRows, sortRows, writeState } from '../src/shared/explorer.ts';

const areas = [
  { code: '34.02.01', name: 'Srandakan' },
  { code: '34.02.02', name: 'Sanden' },
  { code: '34.02.03', name: 'Kretek' },
  { code: '34.02.04', name: 'Pundong' },
];
const ind: ExplorerIndicator = {
  id: 'pmks-4',
  group: 'PMKS',
  label: 'Anak Jalanan',
  file: 'pmks',
  where: { kategori: '4' },
  column: 'jumlah',
  unit: 'orang',
  format: 'number',
  years: [2024, 2025],
};
const row = (kode_wilayah: string, jumlah: number | null, extra: Record<string, unknown> = {}) => ({
  tahun: 2025,
  tingkat: kode_wilayah.length > 5 ? 'kecamatan' : 'kabupaten',
  kode_wilayah,
  kategori: '4',
  jumlah,
  kerahasiaan: jumlah === null ? 'jumlah' : '',
  ...extra,
});

describe('selectRows', () => {
  const data = [row('34.02', 40), row('34.02.01', 12), row('34.02.02', 12), row('34.02.03', null), row('34.02.01', 99, { kategori: '5' })];
  const rows = selectRows(ind, data, 2025, areas);
  it('takes the kecamatan rows of the measure and year, and names hidden and missing ones', () => {
    expect(rows.map((r) => [r.code, r.value, r.state])).toEqual([
      ['34.02.01', 12, 'shown'],
      ['34.02.02', 12, 'shown'],
      ['34.02.03', null, 'hidden'],
      ['34.02.04', null, 'missing'],
    ]);
  });
  it('ranks shown values only, ties sharing a rank', () => {
    expect(rows.map((r) => r.rank)).toEqual([1, 1, undefined, undefined]);
  });
  it('takes the annual figure of a periodic measure, else the latest period', () => {
    const p = { ...ind, periodic: true };
    const d = [
      row('34.02.01', 1, { periode: 'triwulan-1' }),
      row('34.02.01', 3, { periode: 'triwulan-3' }),
      row('34.02.02', 7, { periode: 'tahunan' }),
      row('34.02.02', 9, { periode: 'triwulan-4' }),
    ];
    expect(
      selectRows(p, d, 2025, areas)
        .slice(0, 2)
        .map((r) => [r.value, r.periode]),
    ).toEqual([
      [3, 'triwulan-3'],
      [7, 'tahunan'],
    ]);
  });
  it('sorts by value with absent values last either way, by name, and filters by name or code', () => {
    expect(sortRows(rows, 'value', 'asc').map((r) => r.code)).toEqual(['34.02.02', '34.02.01', '34.02.03', '34.02.04']);
    expect(sortRows(rows, 'name', 'asc').map((r) => r.name)).toEqual(['Kretek', 'Pundong', 'Sanden', 'Srandakan']);
    expect(filterRows(rows, 'SAN').map((r) => r.name)).toEqual(['Sanden']);
    expect(filterRows(rows, '02.03').map((r) => r.name)).toEqual(['Kretek']);
  });
  it('writes exactly the rows given as CSV, empty where absent, with the reason', () => {
    const csv = explorerCsv(
      ind,
      rows.slice(1),
      { code: 'Kode', name: 'Kecamatan', rank: 'Peringkat', note: 'Catatan', period: 'Periode' },
      { hidden: 'disembunyikan', missing: 'tidak tersedia' },
    );
    expect(csv).toBe(
      'Kode,Kecamatan,Anak Jalanan (orang),Peringkat,Catatan\r\n34.02.02,Sanden,12,1,\r\n34.02.03,Kretek,,,disembunyikan\r\n34.02.04,Pundong,,,tidak tersedia\r\n',
    );
  });
});

describe('the state in the URL', () => {
  it('round-trips, and falls back to the first measure and its latest year', () => {
    const s = { i: 'pmks-4', y: 2024, s: 'name' as const, d: 'asc' as const, q: 'ba' };
    expect(readState(writeState(s), [ind])).toEqual(s);
    expect(readState('?i=unknown&y=1999', [ind])).toEqual({ i: 'pmks-4', y: 2025, s: 'value', d: 'desc', q: '' });
  });
});
