/**
 * A province portal from its input (issue 25): the DIY sample's five
 * kabupaten/kota folders and the province's own files load into one
 * four-level portal; figures equal sums computed here from the input CSV
 * alone; a broken file names its kabupaten's folder, file and line; a
 * kabupaten/kota that did not send its data is reported and shown as missing.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadPortal, memoryIO, type PortalData } from '../src/load/portal.ts';
import { buildModel, protectOptions, type SiteFigures } from '../src/model/model.ts';
import { buildDownloads } from '../src/publish/downloads.ts';
import { textOf } from '../src/load/io.ts';
import { protectPortal, protectPortalInWorkers } from '../src/protect/tables.ts';
import { kabupatenFigures, provinceRanking } from '../src/model/province.ts';
import { kecamatanFigures } from '../src/model/figures.ts';
import { formatProblem, hasErrors } from '../src/load/problems.ts';
import { isHidden, isShown, NOT_RELEASED } from '../src/protect/figure.ts';
import { generateProvinceSample } from '../scripts/sample.ts';
import { groupDapil } from '../src/domain/dapil.ts';
import { ROOT } from './helpers.ts';

const FOLDERS = ['34.01-kulon-progo', '34.02-bantul', '34.03-gunungkidul', '34.04-sleman', '34.71-kota-yogyakarta'];
let files: Record<string, string>;
let data: PortalData;
let site: SiteFigures;

const rows = (csv: string) =>
  Papa.parse<Record<string, string>>(csv.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true, delimiter: ';' }).data;
const num = (s: string) => Number(s.replace(/\./g, '').replace(',', '.'));

/** PMKS of an area and year from the input alone: a kecamatan row where given, else its desa rows (per category). */
function pmksFromInput(csv: string, year: number, prefix: string): number {
  const given = new Map<string, number>();
  const desa = new Map<string, number>();
  for (const r of rows(csv).filter((r) => Number(r.tahun) === year && r.kode_wilayah!.startsWith(prefix))) {
    const code = r.kode_wilayah!;
    if (code.split('.').length === 3) given.set(`${code}|${r.kategori}`, num(r.jumlah!));
    else desa.set(`${code.slice(0, 8)}|${r.kategori}`, (desa.get(`${code.slice(0, 8)}|${r.kategori}`) ?? 0) + num(r.jumlah!));
  }
  let total = [...given.values()].reduce((a, b) => a + b, 0);
  for (const [k, v] of desa) if (!given.has(k)) total += v;
  return total;
}

beforeAll(async () => {
  files = await generateProvinceSample('34');
  const res = await loadPortal(memoryIO(files));
  expect(res.problems.filter((p) => p.level === 'error').map((p) => formatProblem(p, 'id'))).toEqual([]);
  data = res.data!;
  site = buildModel(data);
}, 240_000);

describe('a province portal (DIY, five folders)', () => {
  it('makes one folder per kabupaten/kota and the province files, with the real BPS figures sourced', () => {
    expect([...new Set(Object.keys(files).map((f) => f.split('/')[0]!))].filter((f) => /^\d/.test(f)).sort()).toEqual(FOLDERS);
    const prov = rows(files['kemiskinan.csv']!);
    const y2024 = prov.find((r) => r.tahun === '2024')!;
    expect([y2024.persen_miskin, y2024.jumlah_miskin]).toEqual(['10,83', '445550']);
    expect(y2024.sumber).toMatch(/BPS Provinsi DIY.*angka resmi/);
    expect(prov.find((r) => r.tahun === '2025')!.sumber).toMatch(/Data contoh \(sintetis\)/);
    const kp = rows(files['34.01-kulon-progo/kemiskinan.csv']!).find((r) => r.tahun === '2022')!;
    expect([kp.persen_miskin, kp.jumlah_miskin, kp.garis_kemiskinan]).toEqual(['16,39', '73210', '381666']);
  });

  it('is a four-level tree: 5 kabupaten/kota, 78 kecamatan, 438 desa', () => {
    expect(data.tree.kabupaten!.map((k) => k.code)).toEqual(['34.01', '34.02', '34.03', '34.04', '34.71']);
    expect(data.tree.kecamatan).toHaveLength(78);
    expect(data.tree.kecamatan.reduce((n, k) => n + k.desa.length, 0)).toBe(438);
    expect(data.parts!.map((p) => p.instansi?.nama)).toEqual(data.tree.kabupaten!.map((k) => `Dinas Sosial ${k.name}`));
    expect(data.missing).toEqual([]);
  });

  it('PMKS of each kabupaten/kota, of the province and of a kecamatan equal sums of the input', () => {
    const year = Math.max(...site.pmks.map((c) => c.tahun));
    let province = 0;
    for (const folder of FOLDERS) {
      const code = folder.slice(0, 5);
      const expected = pmksFromInput(files[`${folder}/pmks.csv`]!, year, code);
      province += expected;
      expect(site.pmks.find((c) => c.tahun === year && c.wilayah === code && c.kategori === '*')!.jumlah, code).toBe(expected);
      expect(provinceRanking(site).rows.find((r) => r.code === code)!.pmks).toBe(expected);
    }
    expect(site.pmks.find((c) => c.tahun === year && c.wilayah === '34' && c.kategori === '*')!.jumlah).toBe(province);
    const kec = site.pmks.find((c) => c.tahun === year && c.wilayah === '34.03.01' && c.kategori === '*')!.jumlah;
    expect(kec).toBe(pmksFromInput(files['34.03-gunungkidul/pmks.csv']!, year, '34.03.01'));
  });

  it('registry households per kabupaten/kota and coverage ranks equal what the input gives', () => {
    const year = Math.max(...site.registri.kabkota.map((r) => r.tahun));
    const reg = (folder: string) =>
      rows(files[`${folder}/registri.csv`]!)
        .filter((r) => Number(r.tahun) === year)
        .reduce((a, r) => a + num(r.keluarga!), 0);
    const byCode = new Map(FOLDERS.map((f) => [f.slice(0, 5), reg(f)]));
    const ranking = provinceRanking(site);
    for (const r of ranking.rows) expect(r.keluarga, r.code).toBe(byCode.get(r.code));
    // Rank 1 = the most households, computed here from the input.
    const order = [...byCode].sort((a, b) => b[1] - a[1]).map(([c]) => c);
    expect(order.map((c) => ranking.rows.find((r) => r.code === c)!.keluargaRank)).toEqual([1, 2, 3, 4, 5]);
    // PKH coverage of a kabupaten = its recipients ÷ its registry households.
    const covYear = ranking.coverageYear!;
    const pkh = rows(files['34.04-sleman/cakupan.csv']!).filter((r) => Number(r.tahun) === covYear && r.program === 'pkh');
    const latestStage = pkh.some((r) => r.periode === 'tahunan')
      ? 'tahunan'
      : pkh
          .map((r) => r.periode!)
          .sort()
          .at(-1);
    const recipients = pkh.filter((r) => r.periode === latestStage).reduce((a, r) => a + num(r.penerima!), 0);
    const regSleman = rows(files['34.04-sleman/registri.csv']!)
      .filter((r) => Number(r.tahun) === covYear)
      .reduce((a, r) => a + num(r.keluarga!), 0);
    expect(ranking.rows.find((r) => r.code === '34.04')!.coverage).toBeCloseTo((recipients / regSleman) * 100, 6);
  });

  it('a kabupaten one-pager: its values, the province value beside them, its kecamatan; a kecamatan compared within its kabupaten', () => {
    const f = kabupatenFigures(site, '34.03');
    expect(f.name).toBe('Kabupaten Gunungkidul');
    expect(f.kecamatan).toHaveLength(18);
    expect(f.instansi?.nama).toBe('Dinas Sosial Kabupaten Gunungkidul');
    expect(f.kemiskinan.find((r) => r.tahun === 2024)!.sumber).toMatch(/angka resmi/);
    expect(f.kemiskinan.find((r) => r.tahun === 2024)!.persen_miskin).toBe(15.18);
    const k = kecamatanFigures(site, '34.03.01');
    expect([k.parent, k.parentName, k.kecamatanCount]).toEqual(['34.03', 'Kabupaten Gunungkidul', 18]);
    const pkh = k.coverage.find((c) => c.program === 'pkh')!;
    expect(pkh.kabupatenPersen).toBe(
      site.cakupan.kabkota.find((r) => r.wilayah === '34.03' && r.program === 'pkh' && r.tahun === k.coverageYear)!.persen,
    );
    expect(pkh.of).toBeLessThanOrEqual(18);
  });

  it('protects every level: no shown count from 1 to k−1 below the province, kabupaten totals included', () => {
    const small = site.pmks.filter((c) => c.wilayah !== '34' && isShown(c.jumlah) && c.jumlah >= 1 && c.jumlah < site.privacy.k);
    expect(small).toEqual([]);
    expect(site.pmks.filter((c) => isHidden(c.jumlah)).length).toBeGreaterThan(0);
  });

  it('protected in two processes, every table comes out as protected in one', async () => {
    const opts = protectOptions(data);
    const threaded = await protectPortalInWorkers(data, opts, 2);
    const one = protectPortal(data, opts);
    expect(threaded.stats).toEqual(one.stats);
    expect(threaded.intervals).toEqual(one.intervals);
    for (const t of ['pmks', 'measures', 'desil', 'sasaran', 'kondisi', 'dapil'] as const) expect(threaded[t], t).toEqual(one[t]);
    expect([...threaded.flags]).toEqual([...one.flags]);
  }, 240_000);
});

/** The province's own files and two kabupaten/kota folders: enough for each input problem, a quarter of the work. */
const two = () => Object.fromEntries(Object.entries(files).filter(([k]) => !/^\d/.test(k) || /^34\.(03|71)-/.test(k)));

describe('province input problems', () => {
  it('a broken file in a kabupaten folder names the folder, the file and the line', async () => {
    const pmks = files['34.03-gunungkidul/pmks.csv']!.split('\r\n');
    pmks[4] = pmks[4]!.replace(/;\d+$/, ';banyak');
    const { data: d, problems } = await loadPortal(memoryIO({ ...two(), '34.03-gunungkidul/pmks.csv': pmks.join('\r\n') }));
    expect(d).toBeUndefined();
    const p = problems.find((x) => x.level === 'error')!;
    expect([p.file, p.line]).toEqual(['34.03-gunungkidul/pmks.csv', 5]);
    expect(formatProblem(p, 'id')).toMatch(/^GALAT 34\.03-gunungkidul\/pmks\.csv baris 5/);
  }, 120_000);

  it('a kabupaten/kota that sent nothing is reported and shown as missing, never as zero', async () => {
    const without = Object.fromEntries(Object.entries(two()).filter(([k]) => !k.startsWith('34.71-')));
    const { data: d, problems } = await loadPortal(memoryIO(without));
    expect(hasErrors(problems)).toBe(false);
    expect(problems.find((p) => p.kind === 'missing_file' && p.value === 'Kota Yogyakarta')?.level).toBe('warning');
    expect(d!.missing).toEqual(['34.01', '34.02', '34.04', '34.71']);
    const m = buildModel(d!);
    const row = provinceRanking(m).rows.find((r) => r.code === '34.71')!;
    expect(row).toMatchObject({ missing: true, pmks: NOT_RELEASED, keluarga: NOT_RELEASED, coverage: NOT_RELEASED });
    expect(row.pmksRank).toBeUndefined();
    expect(m.pmks.some((c) => c.wilayah.startsWith('34.71'))).toBe(false);
    // The province's totals would be the part that came, presented as the whole: not published.
    const province = m.pmks.filter((c) => c.wilayah === '34');
    expect(province.length).toBeGreaterThan(0);
    for (const c of province) expect(c.jumlah, `${c.tahun} ${c.kategori}`).toBe(NOT_RELEASED);
    for (const r of m.registri.kabupaten) expect(r.keluarga).toBe(NOT_RELEASED);
    for (const r of m.cakupan.kabupaten) expect(r.persen).toBe(NOT_RELEASED);
    // Each kabupaten/kota that sent its data keeps its own.
    expect(m.pmks.find((c) => c.wilayah === '34.03' && c.kategori === '*')?.jumlah).toBeTypeOf('number');
    const csv = textOf(buildDownloads(d!, m).files.find((f) => f.path === 'data/pmks.csv')!.content);
    expect(csv.split('\r\n').filter((l) => l.includes(',provinsi,34,'))).not.toHaveLength(0);
    for (const l of csv.split('\r\n').filter((l) => l.includes(',provinsi,34,'))) expect(l).toMatch(/,NA(,|$)/);
  }, 120_000);

  it("the same kabupaten's rows at the top and in its folder are refused (they would count twice)", async () => {
    const { problems } = await loadPortal(memoryIO({ ...two(), 'pmks.csv': files['34.03-gunungkidul/pmks.csv']! }));
    const p = problems.find((x) => x.kind === 'duplicate_dataset')!;
    expect(p.file).toBe('pmks.csv');
    expect(formatProblem(p, 'id')).toContain('34.03-gunungkidul/pmks.csv');
  }, 120_000);

  it("a kabupaten's folder may carry the province DPRD's dapil over its kecamatan: the same composition as the top is one, another is refused", async () => {
    // Bantul hands over the folder of its own portal: its dapil.csv has DPRD DIY's dapil 2 and 3 beside DPRD Bantul's.
    const own = readFileSync(path.join(ROOT, 'data', 'dapil.csv'), 'utf8');
    const { data: d, problems } = await loadPortal(memoryIO({ ...files, '34.02-bantul/dapil.csv': own }));
    expect(problems.filter((p) => p.level === 'error').map((p) => formatProblem(p, 'id'))).toEqual([]);
    const diy2 = groupDapil(d!.dapil, d!.tree).find((x) => x.name === 'Dapil DIY 2 (Bantul A)')!;
    expect(diy2.kecamatan).toHaveLength(9);
    expect(d!.dapil.filter((r) => r.dapil === 'Dapil DIY 2 (Bantul A)')).toHaveLength(9);
    // Kretek (34.02.03) put in Bantul B by the folder, in Bantul A by the province's file.
    const lines = own.split(/\r?\n/);
    const i = lines.findIndex((l) => l.includes(';Dapil DIY 2 (Bantul A);7;34.02.03;'));
    lines[i] = lines[i]!.replace('Dapil DIY 2 (Bantul A);7', 'Dapil DIY 3 (Bantul B);6');
    const bad = await loadPortal(memoryIO({ ...files, '34.02-bantul/dapil.csv': lines.join('\r\n') }));
    expect(bad.data).toBeUndefined();
    const p = bad.problems.find((x) => x.kind === 'dapil_conflict')!;
    expect([p.file, p.line, p.column]).toEqual(['34.02-bantul/dapil.csv', i + 1, 4]);
    expect(formatProblem(p, 'id')).toMatch(/dapil\.csv baris \d+: kecamatan 34\.02\.03 di sana masuk Dapil DIY 2 \(Bantul A\)/);
  }, 120_000);

  it('a folder named by a code outside the province is refused, naming the codes to use', async () => {
    const moved = Object.fromEntries(Object.entries(two()).map(([k, v]) => [k.replace(/^34\.71-kota-yogyakarta\//, '33.71-x/'), v]));
    const { problems } = await loadPortal(memoryIO(moved));
    const p = problems.find((x) => x.file === '33.71-x/')!;
    expect(p.level).toBe('error');
    expect(formatProblem(p, 'id')).toContain('34.71 (Kota Yogyakarta)');
  }, 120_000);

  it('one combined file at the top with codes at any level gives the same figures as the folders', async () => {
    const both = two();
    const combined = ['34.03-gunungkidul', '34.71-kota-yogyakarta'].map((f) => both[`${f}/pmks.csv`]!.replace(/^\uFEFF/, ''));
    // One header, then the rows of both kabupaten/kota (a province office's own export).
    const [header, ...rest] = combined.flatMap((c, i) =>
      c
        .split('\r\n')
        .filter(Boolean)
        .slice(i ? 1 : 0),
    );
    const files2 = Object.fromEntries(Object.entries(both).filter(([k]) => !k.endsWith('/pmks.csv')));
    const { data: d, problems } = await loadPortal(memoryIO({ ...files2, 'pmks.csv': [header, ...rest].join('\r\n') }));
    expect(problems.filter((p) => p.level === 'error').map((p) => formatProblem(p, 'id'))).toEqual([]);
    const year = Math.max(...d!.pmks.map((r) => r.tahun));
    for (const code of ['34.03', '34.71'])
      expect(d!.pmks.filter((r) => r.tahun === year && r.kode_wilayah.startsWith(code)).reduce((a, r) => a + r.jumlah, 0)).toBe(
        data.pmks.filter((r) => r.tahun === year && r.kode_wilayah.startsWith(code)).reduce((a, r) => a + r.jumlah, 0),
      );
    // The province's own poverty series is required at the top.
    const { problems: noPoverty } = await loadPortal(
      memoryIO(Object.fromEntries(Object.entries(both).filter(([k]) => k !== 'kemiskinan.csv'))),
    );
    expect(noPoverty.find((p) => p.kind === 'missing_file' && p.file === 'kemiskinan.csv')?.level).toBe('error');
    // Without the combined file, each folder's missing pmks.csv is named.
    const { problems: none } = await loadPortal(memoryIO(files2));
    expect(none.filter((p) => p.kind === 'missing_file' && p.level === 'error').map((p) => p.file)).toEqual([
      '34.03-gunungkidul/pmks.csv',
      '34.71-kota-yogyakarta/pmks.csv',
      'pmks.csv',
    ]);
  }, 120_000);
});
