/**
 * One test per kind of bad input: the problem is found, and its message
 * names the file and the line (and the column and value where there is one).
 */
import { describe, expect, it } from 'vitest';
import { loadPortal } from '../src/load/portal.ts';
import { formatProblem, type ProblemKind } from '../src/load/problems.ts';
import { fixtureIO, fixtureText } from './helpers.ts';

const pmksHeader = 'tahun,kode_wilayah,kategori,jumlah\n';

async function problemsFor(overrides: Record<string, string | Uint8Array | null>) {
  const { data, problems } = await loadPortal(fixtureIO(overrides));
  return { data, problems, messages: problems.map((p) => formatProblem(p, 'id')) };
}

interface Case {
  kind: ProblemKind;
  files: Record<string, string | Uint8Array | null>;
  /** Substrings the Indonesian message must contain. */
  says: string[];
  level?: 'error' | 'warning';
}

const CASES: Record<string, Case> = {
  'missing column': {
    kind: 'missing_column',
    files: { 'pmks.csv': 'tahun,kode_wilayah,kategori\n2024,17.07.01,8\n' },
    says: ['pmks.csv baris 1', 'kolom tidak ada', '"jumlah"'],
  },
  'unknown column': {
    kind: 'unknown_column',
    files: { 'pmks.csv': 'tahun,kode_wilayah,kategori,jumlah,nik\n2024,17.07.01,8,3,x\n' },
    says: ['pmks.csv baris 1, kolom 5 (nik)', 'kolom tidak dikenal', 'ditemukan "nik"'],
  },
  'wrong type': {
    kind: 'wrong_type',
    files: { 'pmks.csv': `${pmksHeader}2024,17.07.01,8,3\n2024,17.07.02,8,tiga\n` },
    says: ['pmks.csv baris 3, kolom 4 (jumlah)', 'jenis nilai salah', 'ditemukan "tiga"', 'diharapkan: angka'],
  },
  'non-integer count': {
    kind: 'wrong_type',
    files: { 'pmks.csv': `${pmksHeader}2024,17.07.01,8,2.5\n` },
    says: ['pmks.csv baris 2, kolom 4 (jumlah)', 'ditemukan "2.5"', 'bilangan bulat'],
  },
  'negative count': {
    kind: 'negative',
    files: { 'pmks.csv': `${pmksHeader}2024,17.07.01,8,-5\n` },
    says: ['pmks.csv baris 2, kolom 4 (jumlah)', 'angka negatif', 'ditemukan "-5"', '≥ 0'],
  },
  'realisasi without pagu': {
    kind: 'realisasi_without_pagu',
    files: {
      'anggaran.csv': 'tahun,program,sumber_dana,pagu,realisasi,target_output,capaian_output,satuan_output\n2024,pkh,APBN,,5000000,,,KPM\n',
    },
    says: ['anggaran.csv baris 2', 'realisasi tanpa pagu'],
  },
  'realisasi above pagu (warning)': {
    kind: 'realisasi_over_pagu',
    level: 'warning',
    files: {
      'anggaran.csv': 'tahun,program,sumber_dana,pagu,realisasi,target_output,capaian_output,satuan_output\n2024,pkh,APBN,100,150,,,KPM\n',
    },
    says: ['PERINGATAN anggaran.csv baris 2, kolom 5 (realisasi)', 'realisasi melebihi pagu'],
  },
  'unknown area code': {
    kind: 'unknown_area',
    files: { 'pmks.csv': `${pmksHeader}2024,17.07.99,8,3\n` },
    says: ['pmks.csv baris 2, kolom 2 (kode_wilayah)', 'kode wilayah tidak dikenal', 'ditemukan "17.07.99"'],
  },
  'area code of another kabupaten': {
    kind: 'unknown_area',
    files: { 'pmks.csv': `${pmksHeader}2024,34.02.01,8,3\n` },
    says: ['pmks.csv baris 2', 'milik Kabupaten Bantul', 'Kabupaten Lebong'],
  },
  'area of the wrong level': {
    kind: 'wrong_area_level',
    files: { 'verval.csv': 'tahun,kode_wilayah,diperiksa,dihapus,ditambah,graduasi\n2024,17.07.01.1004,10,1,1,1\n' },
    says: ['verval.csv baris 2, kolom 2 (kode_wilayah)', 'tingkat wilayah salah', 'kecamatan'],
  },
  'kabupaten code where an area is expected': {
    kind: 'wrong_area_level',
    files: { 'pmks.csv': `${pmksHeader}2024,17.07,8,3\n` },
    says: ['pmks.csv baris 2', 'tingkat wilayah salah'],
  },
  'duplicate key rows': {
    kind: 'duplicate_key',
    files: { 'pmks.csv': `${pmksHeader}2024,17.07.01,8,3\n2024,17.07.02,8,3\n2024,17.07.01,08,4\n` },
    says: ['pmks.csv baris 4', 'baris ganda', 'sudah ada di baris 2'],
  },
  'unknown category': {
    kind: 'unknown_category',
    files: { 'pmks.csv': `${pmksHeader}2024,17.07.01,27,3\n` },
    says: ['pmks.csv baris 2, kolom 3 (kategori)', 'kategori tidak dikenal', 'ditemukan "27"'],
  },
  'unknown program': {
    kind: 'unknown_program',
    files: { 'cakupan.csv': 'tahun,periode,kode_wilayah,program,penerima\n2024,tahunan,17.07.01,pkh,5\n2024,tahunan,17.07.01,bpnt,5\n' },
    says: ['cakupan.csv baris 3, kolom 4 (program)', 'program tidak dikenal', 'ditemukan "bpnt"'],
  },
  'empty file': { kind: 'empty_file', files: { 'registri.csv': '' }, says: ['registri.csv', 'berkas kosong'] },
  'header only': {
    kind: 'empty_file',
    files: { 'registri.csv': '\uFEFFtahun;kode_wilayah;keluarga;jiwa\r\n\r\n' },
    says: ['registri.csv', 'berkas kosong'],
  },
  'not a CSV (xlsx)': {
    kind: 'not_csv',
    files: { 'pmks.csv': new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 6, 0, 8, 0]) },
    says: ['pmks.csv', 'bukan berkas CSV', 'Excel'],
  },
  'desa do not add up to the kecamatan': {
    kind: 'sum_mismatch',
    files: { 'pmks.csv': `${pmksHeader}2024,17.07.01,8,11\n2024,17.07.01.1004,8,4\n2024,17.07.01.1006,8,6\n` },
    says: ['pmks.csv baris 2, kolom 4 (jumlah)', 'ditemukan "11"', '= 10', 'baris 3, 4'],
  },
  'year in the future': {
    kind: 'future_year',
    files: { 'pmks.csv': `${pmksHeader}2026,17.07.01,8,3\n` },
    says: ['pmks.csv baris 2, kolom 1 (tahun)', 'tahun di masa depan', '≤ 2025'],
  },
  'truncated row': {
    kind: 'row_length',
    files: { 'pmks.csv': `${pmksHeader}2024,17.07.01,8,3\n2024,17.07.02\n` },
    says: ['pmks.csv baris 3', 'jumlah sel tidak sesuai'],
  },
  'mixed number formats': {
    kind: 'mixed_number_format',
    files: { 'kemiskinan.csv': `${fixtureText('kemiskinan.csv')}2022,"12,5",13.100,500000,,BPS\n` },
    says: ['kemiskinan.csv baris 4', 'format angka campuran'],
  },
  'missing required file': { kind: 'missing_file', files: { 'registri.csv': null }, says: ['registri.csv', 'berkas tidak ada'] },
  'invalid enum value': {
    kind: 'invalid_value',
    files: {
      'anggaran.csv': 'tahun,program,sumber_dana,pagu,realisasi,target_output,capaian_output,satuan_output\n2024,pkh,APBX,100,50,,,KPM\n',
    },
    says: ['anggaran.csv baris 2, kolom 3 (sumber_dana)', 'ditemukan "APBX"', 'APBN, APBD'],
  },
  'invalid portal.json': {
    kind: 'invalid_config',
    files: { 'portal.json': '{ "kode_kabupaten": "1707" }' },
    says: ['portal.json', 'konfigurasi tidak sah', 'kode_kabupaten'],
  },
  'program slug unlike its file': {
    kind: 'invalid_program',
    files: { 'program/pkh.md': fixtureText('program/pkh.md').replace('slug: pkh', 'slug: pkh-baru') },
    says: ['program/pkh.md baris', 'slug'],
  },
};

describe('every kind of bad input is reported with file and line', () => {
  it.each(Object.keys(CASES))('%s', async (name) => {
    const c = CASES[name]!;
    const { data, problems, messages } = await problemsFor(c.files);
    const hit = problems.findIndex((p) => p.kind === c.kind);
    expect(hit, messages.join('\n')).toBeGreaterThanOrEqual(0);
    expect(problems[hit]!.level).toBe(c.level ?? 'error');
    for (const s of c.says) expect(messages[hit]).toContain(s);
    if ((c.level ?? 'error') === 'error') expect(data).toBeUndefined();
    else expect(data).toBeDefined();
  });

  it('collects every problem of a file, not only the first', async () => {
    const { problems } = await problemsFor({
      'pmks.csv': `${pmksHeader}2024,17.07.01,8,-1\n2024,17.07.99,8,3\n2024,17.07.01,99,3\n2024,17.07.02,8,x\n`,
    });
    expect(problems.map((p) => [p.kind, p.line])).toEqual([
      ['negative', 2],
      ['unknown_area', 3],
      ['unknown_category', 4],
      ['wrong_type', 5],
    ]);
  });

  it('collects problems across files', async () => {
    const { problems } = await problemsFor({ 'pmks.csv': `${pmksHeader}2024,17.07.01,8,-1\n`, 'registri.csv': '' });
    expect(new Set(problems.map((p) => p.file))).toEqual(new Set(['pmks.csv', 'registri.csv']));
  });

  it('speaks English when asked', async () => {
    const { problems } = await problemsFor({ 'pmks.csv': `${pmksHeader}2024,17.07.01,8,-5\n` });
    expect(formatProblem(problems[0]!, 'en')).toBe(
      'ERROR pmks.csv line 2, column 4 (jumlah): negative number — found "-5"; expected: a whole number ≥ 0, e.g. 14833',
    );
  });
});

describe('every problem in one round, each said once, in what the operator sees', () => {
  const portal = JSON.parse(fixtureText('portal.json'));

  it('portal.json mistakes and data mistakes are reported in the same run', async () => {
    const { problems } = await problemsFor({
      'portal.json': JSON.stringify({ ...portal, rilis: { label: 'rilis baru', tanggal: '2025-13-01' } }),
      'pmks.csv': `${pmksHeader}2024,17.07.01,8,-3\n`,
    });
    expect(problems.map((p) => `${p.file} ${p.kind}`)).toEqual([
      'portal.json invalid_config',
      'portal.json invalid_config',
      'pmks.csv negative',
    ]);
  });

  it('a mixed number format does not hide the other errors of the file, and its rows add no knock-on error', async () => {
    const { problems } = await problemsFor({
      'kemiskinan.csv':
        'tahun,persen_miskin,jumlah_miskin,garis_kemiskinan,sumber\n2022,"12,5",13000,500000,BPS\n2023,"11,5",12300,520000,BPS\n2024,11.02,11900,545000,BPS\n',
      'pmks.csv': `${pmksHeader}2024,17.07.01,8,-3\n`,
    });
    expect(problems.map((p) => `${p.file}:${p.line} ${p.kind}`)).toEqual(['kemiskinan.csv:4 mixed_number_format', 'pmks.csv:2 negative']);
  });

  it('a file of another kabupaten/kota is one sentence naming whose data it is', async () => {
    const { problems, messages } = await problemsFor({ 'pmks.csv': fixtureText('pmks.csv').replace(/17\.07/g, '34.02') });
    expect(problems.map((p) => p.kind)).toEqual(['foreign_region']);
    expect(messages[0]).toContain('memakai kode Kabupaten Bantul (34.02)');
  });

  it('a title row above the header of a CSV is skipped with a note saying to delete it, and the data are read', async () => {
    const { data, problems, messages } = await problemsFor({
      'pmks.csv': `Data PMKS Kabupaten Lebong 2024\n${fixtureText('pmks.csv')}`,
    });
    expect(problems.map((p) => `${p.level} ${p.kind} ${p.line}`)).toEqual(['warning title_row 1']);
    expect(messages[0]).toContain('hapus baris judul itu');
    expect(data!.pmks.length).toBeGreaterThan(0);
    expect(data!.pmks[0]!._line).toBe(3);
  });

  it('a kecamatan name or a BPS code in a code column is answered with the Kemendagri code', async () => {
    const name = (await import('../src/domain/regions.ts').then((m) => m.loadRegionTree('17.07')))!.kecamatan[0]!;
    const { messages } = await problemsFor({
      'pmks.csv': `${pmksHeader}2024,Kecamatan ${name.name},8,3\n2024,1707010,8,3\n`,
    });
    expect(messages[0]).toContain(`kode Kemendagri, bukan nama: ${name.name} = ${name.code}`);
    expect(messages[1]).toContain('tampaknya kode BPS (7 angka)');
  });

  it('a program written by its name is answered with its slug; an unknown one with a file name that works', async () => {
    const named = await problemsFor({ 'cakupan.csv': fixtureText('cakupan.csv').replace(/,pkh,/g, ',PKH (Program Keluarga Harapan),') });
    expect(named.messages[0]).toContain('slug program "pkh"');
    const other = await problemsFor({ 'cakupan.csv': fixtureText('cakupan.csv').replace(/,pkh,/g, ',BPNT/Sembako,') });
    expect(other.messages[0]).toContain('program/bpnt-sembako.md');
    expect(other.messages[0]).not.toContain('program/bpnt/');
  });

  it('an empty sheet is an empty sheet, not a missing file', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('pmks').addRow(['tahun', 'kode_wilayah', 'kategori', 'jumlah']);
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    const { messages, problems } = await problemsFor({ 'pmks.csv': null, 'data.xlsx': bytes });
    expect(problems.map((p) => p.kind)).toEqual(['empty_sheet']);
    expect(messages[0]).toMatch(/^GALAT data\.xlsx › pmks: lembar kosong/);
  });
});
