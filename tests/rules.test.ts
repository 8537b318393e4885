/**
 * Plausibility rules (src/load/rules/): for each, a fixture that trips it and
 * one that passes, on the mini fixture (Lebong). Every problem names file,
 * line, column, the value found and what was expected, in Indonesian.
 */
import { describe, expect, it } from 'vitest';
import { loadPortal } from '../src/load/portal.ts';
import { formatProblem, type Problem } from '../src/load/problems.ts';
import { fixtureIO, fixtureText } from './helpers.ts';
import { rateAsFraction } from '../src/load/rules/rate-as-fraction.ts';

const load = async (overrides: Record<string, string>) => {
  const { data, problems } = await loadPortal(fixtureIO(overrides));
  return { data, problems, text: problems.map((p) => formatProblem(p, 'id')) };
};
const of = (problems: Problem[], kind: string) => problems.filter((p) => p.kind === kind);

const POVERTY = 'tahun,persen_miskin,jumlah_miskin,garis_kemiskinan,persen_miskin_ekstrem,sumber\n';

describe('a rate typed as a fraction', () => {
  it('is refused when the counts say otherwise (jumlah_miskin ÷ the population the other years imply)', async () => {
    const { data, problems, text } = await load({
      'kemiskinan.csv': `${POVERTY}2023,11.5,12300,520000,,BPS\n2024,0.1102,11900,545000,0.81,BPS\n`,
    });
    expect(data).toBeUndefined();
    expect(of(problems, 'implausible').filter((p) => p.field === 'persen_miskin')).toMatchObject([
      { level: 'error', file: 'kemiskinan.csv', line: 3, column: 2 },
    ]);
    expect(text.join('\n')).toMatch(
      /GALAT kemiskinan\.csv baris 3, kolom 2 \(persen_miskin\): angka tidak masuk akal — ditemukan "0,1102"; diharapkan: persentase, bukan pecahan: 11,02 \(0,1102 terbaca 0,1102 %, padahal kemiskinan kabupaten\/kota mana pun 0,5–55 %; dengan jumlah_miskin 11\.900 angka itu berarti 10\.798\.548 penduduk\)/,
    );
    // One cause, one problem: no knock-on "extreme poverty above poverty" for the same row.
    expect(problems.filter((p) => p.level === 'error')).toHaveLength(1);
  });
  it('is refused on every row when every row is a fraction (the years agree with each other, not with what is possible)', async () => {
    const { data, problems, text } = await load({
      'kemiskinan.csv': `${POVERTY}2022,0.1227,13013,500000,,BPS\n2023,0.1196,12851,520000,,BPS\n2024,0.1166,12693,545000,,BPS\n`,
    });
    expect(data).toBeUndefined();
    expect(of(problems, 'implausible').map((p) => `${p.level} ${p.file}:${p.line} ${p.field}`)).toEqual([
      'error kemiskinan.csv:2 persen_miskin',
      'error kemiskinan.csv:3 persen_miskin',
      'error kemiskinan.csv:4 persen_miskin',
    ]);
    expect(text[0]).toContain('persentase, bukan pecahan: 12,27');
  });
  it("judges a province's own series by what a province can have (40 million people), and still catches its fraction", () => {
    const tree = { code: '35', name: 'Jawa Timur', kecamatan: [] } as never;
    const row = (tahun: number, persen_miskin: number, jumlah_miskin: number, _line: number) => ({
      tahun,
      persen_miskin,
      jumlah_miskin,
      _line,
    });
    const check = (rows: ReturnType<typeof row>[]) =>
      rateAsFraction({ kemiskinan: rows, registri: [], tree, layout: {} } as never).map((p) => formatProblem(p, 'id'));
    expect(check([row(2023, 10.35, 4_190_000, 2), row(2024, 9.79, 3_980_000, 3)])).toEqual([]);
    expect(check([row(2023, 10.35, 4_190_000, 2), row(2024, 0.0979, 3_980_000, 3)]).join('\n')).toMatch(
      /baris 3.*persentase, bukan pecahan: 9,79 .*kemiskinan provinsi mana pun/,
    );
  });
  it('is refused when the count is in thousands (the population it implies is smaller than any kabupaten, or than the registry)', async () => {
    const { problems, text } = await load({ 'kemiskinan.csv': `${POVERTY}2023,11.5,12,520000,,BPS\n2024,11.02,11,545000,,BPS\n` });
    expect(of(problems, 'implausible').map((p) => `${p.line} ${p.field}`)).toEqual(['2 jumlah_miskin', '3 jumlah_miskin']);
    expect(text[0]).toContain('jumlah penduduk miskin dalam jiwa (bukan ribu jiwa)');
  });
  it('warns for a rate that is possible but unusual for a kabupaten/kota', async () => {
    const { data, problems } = await load({ 'kemiskinan.csv': `${POVERTY}2023,1.2,1300,520000,,BPS\n2024,1.1,1190,545000,,BPS\n` });
    expect(data).toBeDefined();
    expect(of(problems, 'implausible').map((p) => `${p.level} ${p.line}`)).toEqual(['warning 2', 'warning 3']);
  });
  it('is refused against jumlah_penduduk when the file gives it, and a rate that disagrees with it is refused too', async () => {
    const head = 'tahun,persen_miskin,jumlah_miskin,jumlah_penduduk,sumber\n';
    const frac = await load({ 'kemiskinan.csv': `${head}2024,0.1102,11900,108000,BPS\n` });
    expect(of(frac.problems, 'implausible')).toMatchObject([
      { line: 2, field: 'persen_miskin', expected: { id: expect.stringContaining('persentase, bukan pecahan') } },
    ]);
    // Possible, but not with the population the file gives: the agreement with the counts decides.
    const half = await load({ 'kemiskinan.csv': `${head}2024,5.51,11900,108000,BPS\n` });
    expect(of(half.problems, 'implausible')).toMatchObject([{ line: 2, expected: { id: expect.stringContaining('= 11,02%') } }]);
    const off = await load({ 'kemiskinan.csv': `${head}2024,15,11900,108000,BPS\n` });
    expect(of(off.problems, 'implausible')).toMatchObject([{ line: 2, expected: { id: expect.stringContaining('= 11,02%') } }]);
  });
  it('is refused for extreme poverty against the neighbouring years', async () => {
    const { problems } = await load({
      'kemiskinan.csv': `${POVERTY}2022,12,13000,500000,1.4,BPS\n2023,11.5,12300,520000,0.012,BPS\n2024,11.02,11900,545000,1.1,BPS\n`,
    });
    expect(of(problems, 'implausible')).toMatchObject([{ line: 3, field: 'persen_miskin_ekstrem' }]);
  });
  it('passes for real percentages, including a small extreme-poverty rate', async () => {
    const { problems } = await load({
      'kemiskinan.csv': `${POVERTY}2022,12,13000,500000,1.4,BPS\n2023,11.5,12300,520000,0.9,BPS\n2024,11.02,11900,545000,0.2,BPS\n`,
    });
    expect(problems).toEqual([]);
  });
});

describe('extreme poverty above poverty', () => {
  it('is refused', async () => {
    const { problems, text } = await load({
      'kemiskinan.csv': `${POVERTY}2023,11.5,12300,520000,,BPS\n2024,11.02,11900,545000,12.5,BPS\n`,
    });
    expect(of(problems, 'implausible')).toMatchObject([{ level: 'error', line: 3, column: 5, field: 'persen_miskin_ekstrem' }]);
    expect(text.join('\n')).toContain('kemiskinan ekstrem ≤ kemiskinan tahun yang sama (11,02% pada 2024)');
  });
  it('passes when extreme poverty is below poverty', async () => {
    expect((await load({})).problems).toEqual([]);
  });
});

describe('recipients above the registry (coverage over 100%)', () => {
  const cakupan = (extra: string) => fixtureText('cakupan.csv') + extra;
  it('is an error, naming the registry figure', async () => {
    const { data, problems, text } = await load({ 'cakupan.csv': cakupan('2024,tahap-1,17.07.01,pkh,1200\n') });
    expect(data).toBeUndefined();
    expect(of(problems, 'implausible')).toMatchObject([{ level: 'error', file: 'cakupan.csv', line: 7, column: 5, field: 'penerima' }]);
    expect(text.join('\n')).toContain(
      'penerima ≤ keluarga dalam registri di wilayah dan tahun yang sama (1.000 di registri.csv; cakupan 120%)',
    );
  });
  it('is a warning, and published, when the keterangan column explains it', async () => {
    const csv =
      'tahun,periode,kode_wilayah,program,penerima,keterangan\n' +
      fixtureText('cakupan.csv')
        .trim()
        .split('\n')
        .slice(1)
        .map((l) => `${l},`)
        .join('\n') +
      '\n2024,tahap-1,17.07.01,pkh,1200,Termasuk warga di luar DTSEN (bantuan bencana)\n';
    const { data, problems } = await load({ 'cakupan.csv': csv });
    expect(data).toBeDefined();
    expect(of(problems, 'implausible')).toMatchObject([{ level: 'warning', line: 7 }]);
  });
  it('passes at or under 100%', async () => {
    expect((await load({ 'cakupan.csv': cakupan('2024,tahap-1,17.07.01,pkh,1000\n') })).problems).toEqual([]);
  });
});

describe('a figure that jumps fivefold', () => {
  const pmks = (a: number, b: number, c: number) =>
    `tahun,kode_wilayah,kategori,jumlah\n2022,17.07.02,9,${a}\n2023,17.07.02,9,${b}\n2024,17.07.02,9,${c}\n`;
  it('against the year before and after is a warning naming both lines', async () => {
    const { data, problems, text } = await load({ 'pmks.csv': pmks(60, 600, 65) });
    expect(data).toBeDefined(); // a warning, not an error
    expect(of(problems, 'jump')).toMatchObject([{ level: 'warning', file: 'pmks.csv', line: 3, column: 4, field: 'jumlah', value: '600' }]);
    expect(text.join('\n')).toContain('2022: 60 (baris 2), 2024: 65 (baris 4)');
  });
  it('in the newest year is a warning against the year before', async () => {
    const { problems } = await load({ 'pmks.csv': pmks(60, 62, 640) });
    expect(of(problems, 'jump')).toMatchObject([{ line: 4, value: '640' }]);
  });
  it('passes for ordinary changes and for small counts', async () => {
    expect(of((await load({ 'pmks.csv': pmks(60, 90, 70) })).problems, 'jump')).toEqual([]);
    expect(of((await load({ 'pmks.csv': pmks(2, 30, 3) })).problems, 'jump')).toEqual([]);
  });
});

describe("an area name that is not the code's name", () => {
  const pmks = (name: string) => `tahun,kode_wilayah,nama_wilayah,kategori,jumlah\n2024,17.07.01,${name},8,10\n`;
  it('is refused, and the code the name belongs to is named (a BPS code typed as Kemendagri)', async () => {
    const { problems, text } = await load({ 'pmks.csv': pmks('Lebong Atas') });
    expect(of(problems, 'area_name_mismatch')).toMatchObject([{ level: 'error', line: 2, column: 2, field: 'kode_wilayah' }]);
    expect(text.join('\n')).toContain('17.07.01 adalah Lebong Utara; "Lebong Atas" berkode 17.07.02');
  });
  it('passes for the right name, written loosely', async () => {
    for (const name of ['Lebong Utara', 'KEC. LEBONG UTARA', 'lebong utra'])
      expect((await load({ 'pmks.csv': pmks(name) })).problems, name).toEqual([]);
  });
});
