/** Each dataset's schema, on rows it must accept and rows it must reject. */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadDataset, type LoadContext } from '../src/load/dataset.ts';
import type { ProblemKind } from '../src/load/problems.ts';
import { indexTree, loadRegionTree } from '../src/domain/regions.ts';
import { columnsOf } from '../src/load/schema/columns.ts';
import { DATASETS } from '../src/load/datasets/index.ts';
import { portalSchema } from '../src/load/schema/portal.ts';
import { programSchema } from '../src/load/schema/program.ts';

let ctx: LoadContext;
beforeAll(async () => {
  const tree = (await loadRegionTree('17.07'))!;
  ctx = {
    kabupaten: tree.code,
    kabupatenName: tree.name,
    areas: indexTree(tree),
    programs: new Set(['pkh', 'pbi-jk']),
    releaseYear: 2025,
    numberFormat: 'auto',
  };
});

interface Spec {
  header: string;
  accept: string[];
  reject: [row: string, kind: ProblemKind][];
}
const SPECS: Record<string, Spec> = {
  kemiskinan: {
    header: 'tahun,persen_miskin,jumlah_miskin,garis_kemiskinan,persen_miskin_ekstrem,sumber',
    accept: ['2024,11.02,11900,545000,0.81,BPS', '2023,11.5,12300,,,BPS'],
    reject: [
      ['2024,101,11900,545000,,BPS', 'invalid_value'],
      ['1999,11,11900,,,BPS', 'invalid_value'],
      ['2024,11,11900,,,', 'invalid_value'],
      ['2024,-1,5,,,BPS', 'negative'],
    ],
  },
  pmks: {
    header: 'tahun,kode_wilayah,kategori,jumlah',
    accept: ['2024,17.07.01,8,4', '2024,17.07.01.1004,Penyandang Disabilitas,2', '2024,170701,odha,1'],
    reject: [
      ['2024,17.07.01,0,4', 'unknown_category'],
      ['2024,17.07.01,8,1.5', 'wrong_type'],
      ['2024,11.01.01,8,4', 'unknown_area'],
      ['2024,17.07.01,8,', 'invalid_value'],
    ],
  },
  psks: {
    header: 'tahun,kode_wilayah,kategori,jumlah',
    accept: ['2024,17.07.01,tksk,1', '2024,17.07.01,Karang Taruna,4'],
    reject: [
      ['2024,17.07.01,lansia,4', 'unknown_category'],
      ['2024,17.07.01,tksk,-2', 'negative'],
    ],
  },
  registri: {
    header: 'tahun,kode_wilayah,keluarga,jiwa,keluarga_tanpa_bansos_pusat,keluarga_dibantu_apbd',
    accept: ['2024,17.07.01,1000,3300,200,50', '2024,17.07.02,500,1600,,'],
    reject: [
      ['2024,17.07.01,1000,,,', 'invalid_value'],
      ['2024,17.07,1000,3000,,', 'wrong_area_level'],
    ],
  },
  cakupan: {
    header: 'tahun,periode,kode_wilayah,program,penerima',
    accept: ['2024,tahunan,17.07.01,pkh,250', '2024,,17.07.01,pbi-jk,10', '2024,tahap-2,17.07.01.1004,PKH,5'],
    reject: [
      ['2024,bulan-1,17.07.01,pkh,2', 'invalid_value'],
      ['2024,tahunan,17.07.01,bpnt,2', 'unknown_program'],
    ],
  },
  anggaran: {
    header: 'tahun,program,sumber_dana,pagu,realisasi,target_output,capaian_output,satuan_output',
    accept: ['2024,pkh,APBN,1000000,900000,10,9,KPM', '2024,pbi-jk,APBD,1000000,,,,jiwa'],
    reject: [
      ['2024,pkh,APBN,,5,,,KPM', 'realisasi_without_pagu'],
      ['2024,pkh,APBN,10,5,,,rumah', 'invalid_value'],
      ['2024,pkh,Swasta,10,5,,,KPM', 'invalid_value'],
    ],
  },
  verval: {
    header: 'tahun,kode_wilayah,diperiksa,dihapus,ditambah,graduasi',
    accept: ['2024,17.07.01,100,5,8,2'],
    reject: [
      ['2024,17.07.01.1004,100,5,8,2', 'wrong_area_level'],
      ['2024,17.07.01,100,5,8', 'row_length'],
    ],
  },
  desil: {
    header: 'tahun,periode,kode_wilayah,desil,keluarga,jiwa',
    accept: ['2025,triwulan-4,17.07.01,1,120,410', '2025,,17.07.01.1004,10,7,'],
    reject: [
      ['2025,triwulan-5,17.07.01,1,120,410', 'invalid_value'],
      ['2025,tahunan,17.07.01,11,120,410', 'invalid_value'],
      ['2025,tahunan,17.07.01,0,120,410', 'invalid_value'],
      ['2025,tahunan,17.07.01,,120,410', 'invalid_value'],
      ['2025,tahunan,17.07.01,2.5,120,410', 'wrong_type'],
    ],
  },
  sasaran: {
    header: 'tahun,periode,kode_wilayah,program,desil,penerima',
    accept: ['2025,triwulan-4,17.07.01,pkh,1,80', '2025,triwulan-4,17.07.01,pkh,,6'],
    reject: [
      ['2025,triwulan-4,17.07.01,bpnt,1,80', 'unknown_program'],
      ['2025,triwulan-4,17.07.01,pkh,12,80', 'invalid_value'],
      ['2025,triwulan-4,17.07.01,pkh,1,-2', 'negative'],
    ],
  },
  kondisi: {
    header: 'tahun,kode_wilayah,indikator,keluarga',
    accept: ['2025,17.07.01,rumah-tidak-layak,42', '2025,17.07.01.1004,tanpa-jkn,3'],
    reject: [
      ['2025,17.07.01,miskin-sekali,42', 'invalid_value'],
      ['2025,17.07,rumah-tidak-layak,42', 'wrong_area_level'],
    ],
  },
  layanan: {
    header: 'tahun,periode,kode_wilayah,jenis,diterima,selesai,rata_hari',
    accept: ['2025,triwulan-4,17.07.01,usulan,40,35,21.5', '2025,triwulan-4,17.07.01,sanggah,3,3,'],
    reject: [
      ['2025,triwulan-4,17.07.01,keluhan,40,35,21', 'invalid_value'],
      ['2025,triwulan-4,17.07.01,usulan,40,35,-1', 'negative'],
    ],
  },
  puskesos: {
    header: 'kode_wilayah,nama,alamat,telepon,jam_layanan',
    accept: ['17.07.01,Puskesos A,Jl. Contoh 1,,', '17.07.01.1004,Puskesos B,"Balai Desa, Jl. 2",0800,Senin'],
    reject: [
      ['17.07.01,,Jl. Contoh,,', 'invalid_value'],
      ['17.07.77,Puskesos C,Jl,,', 'unknown_area'],
    ],
  },
  dapil: {
    header: 'lembaga,dapil,kursi,kode_wilayah,sumber',
    accept: ['DPRD Kabupaten,Dapil 1,8,17.07.01,KPU', 'DPRD Provinsi,Dapil Bengkulu 4,7,17.07,KPU'],
    reject: [
      ['DPRD Desa,Dapil 1,8,17.07.01,', 'invalid_value'],
      ['DPRD Kabupaten,Dapil 1,-8,17.07.01,', 'negative'],
      ['DPRD Kabupaten,Dapil 1,8,17.07.77,', 'unknown_area'],
    ],
  },
};

describe.each(DATASETS.map((d) => [d.name, d] as const))('%s schema', (name, ds) => {
  const spec = SPECS[name]!;
  it('documents every column (title, description, expectation in both languages)', () => {
    for (const c of columnsOf(ds.schema)) {
      expect(
        c.meta.title.id && c.meta.title.en && c.meta.description.id && c.meta.description.en && c.meta.expect.id && c.meta.expect.en,
        c.name,
      ).toBeTruthy();
    }
    // The fixture header lists every required column; the columns it leaves out are optional.
    const header = spec.header.split(',');
    expect(
      columnsOf(ds.schema)
        .filter((c) => !header.includes(c.name))
        .every((c) => !c.required),
    ).toBe(true);
    expect(header.every((h) => columnsOf(ds.schema).some((c) => c.name === h))).toBe(true);
  });
  it('accepts valid rows', () => {
    const { rows, problems } = loadDataset(ds as never, new TextEncoder().encode([spec.header, ...spec.accept].join('\n')), ctx);
    expect(problems).toEqual([]);
    expect(rows).toHaveLength(spec.accept.length);
  });
  it.each(spec.reject)('rejects %s (%s)', (row, kind) => {
    const { rows, problems } = loadDataset(ds as never, new TextEncoder().encode(`${spec.header}\n${row}\n`), ctx);
    expect(rows).toHaveLength(0);
    expect(problems.map((p) => p.kind)).toContain(kind);
    expect(problems.find((p) => p.kind === kind)!.line).toBe(2);
  });
});

describe('program description schema', () => {
  const good = {
    nama: 'Program Keluarga Harapan',
    slug: 'pkh',
    dasar_hukum: ['Permensos 1/2018'],
    tujuan: 'Bantuan tunai bersyarat',
    sasaran: 'Keluarga miskin',
    satuan: 'KPM',
    jenis: 'keluarga',
    sumber_dana: 'APBN',
  };
  it('accepts a complete description', () => expect(programSchema.safeParse(good).success).toBe(true));
  it.each([
    ['a slug with capitals', { ...good, slug: 'PKH' }],
    ['no legal basis', { ...good, dasar_hukum: [] }],
    ['an unknown unit', { ...good, satuan: 'rumah' }],
    ['no eligibility', { ...good, sasaran: undefined }],
  ])('rejects %s', (_, v) => expect(programSchema.safeParse(v).success).toBe(false));
});

describe('portal.json schema', () => {
  const good = {
    kode_kabupaten: '34.02',
    instansi: { nama: 'Dinas Sosial', alamat: 'Jl. X' },
    rilis: { label: '2026-1', tanggal: '2026-03-31' },
    sumber: [{ nama: 'BPS' }],
  };
  it('accepts a minimal config and defaults the licence to CC BY 4.0', () => {
    const r = portalSchema.parse(good);
    expect(r.lisensi.id).toBe('CC-BY-4.0');
    expect(r.data_contoh).toBe(false);
  });
  it.each([
    ['an undotted kabupaten code', { ...good, kode_kabupaten: '3402' }],
    ['an impossible date', { ...good, rilis: { label: 'x', tanggal: '2026-02-30' } }],
    ['a label with spaces', { ...good, rilis: { label: 'rilis 1', tanggal: '2026-03-31' } }],
    ['no source', { ...good, sumber: [] }],
  ])('rejects %s', (_, v) => expect(portalSchema.safeParse(v).success).toBe(false));
});
