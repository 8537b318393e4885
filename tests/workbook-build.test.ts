/**
 * The sample portal from workbooks: the sample data as one workbook (a sheet
 * per dataset) and the empty template filled in by its column names both
 * build a portal whose downloads hold the same values as the CSV build.
 */
import path from 'node:path';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { loadAndPrepare } from '../src/build/prepare.ts';
import { DATASETS } from '../src/load/datasets/index.ts';
import { loadPortal, type PortalData } from '../src/load/portal.ts';
import { textOf } from '../src/load/io.ts';
import { formatProblem } from '../src/load/problems.ts';
import { templateWorkbook } from '../src/publish/template.ts';
import { buildWorkbooks } from '../src/publish/workbooks.ts';
import { fixtureIO, ROOT } from './helpers.ts';

const SAMPLE = path.join(ROOT, 'data');
const noCsv = Object.fromEntries(DATASETS.map((d) => [d.file, null]));
const rowsOf = (d: PortalData) =>
  Object.fromEntries(DATASETS.map((ds) => [ds.name, (d[ds.name as keyof PortalData] as { _line: number }[]).map(({ _line, ...r }) => r)]));

/** Downloads of a data folder (CSV and JSON under data/), by path. */
async function downloads(overrides: Record<string, string | Uint8Array | null>) {
  const { prepared, problems } = await loadAndPrepare(fixtureIO(overrides, SAMPLE));
  expect(problems.filter((p) => p.level === 'error').map((p) => formatProblem(p, 'id'))).toEqual([]);
  return Object.fromEntries(
    (await Array.fromAsync(prepared!.files))
      .filter((f) => /^data\/[^/]+\.(csv|json)$/.test(f.path))
      .map((f) => [f.path, textOf(f.content)]),
  );
}

describe('the sample portal from workbooks', async () => {
  const { data } = await loadPortal(fixtureIO({}, SAMPLE));
  const csv = await downloads({});

  it('one workbook with a sheet per dataset gives the same downloads as the CSV files', async () => {
    const book = await templateWorkbook({
      tree: data!.tree,
      programs: data!.programs,
      date: data!.config.rilis.tanggal,
      rows: rowsOf(data!),
    });
    const fromBook = await downloads({ ...noCsv, 'data.xlsx': book });
    expect(Object.keys(fromBook).sort()).toEqual(Object.keys(csv).sort());
    for (const [p, content] of Object.entries(csv)) expect(fromBook[p], p).toBe(content);
  }, 120_000);

  it('the template round-trips: generated, filled in by its headers, built, the same values', async () => {
    const empty = await templateWorkbook({ tree: data!.tree, programs: data!.programs, date: data!.config.rilis.tanggal });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(empty as unknown as ArrayBuffer);
    // Fill as an operator would: under each header, typed numbers as numbers, codes as text.
    for (const [name, rows] of Object.entries(rowsOf(data!))) {
      const ws = wb.getWorksheet(name)!;
      const header = (ws.getRow(1).values as unknown[]).slice(1).map(String);
      rows.forEach((r, i) => {
        const row = ws.getRow(i + 2);
        header.forEach((h, c) => {
          const v = (r as Record<string, unknown>)[h];
          if (v !== undefined) row.getCell(c + 1).value = v as ExcelJS.CellValue;
        });
      });
    }
    const filled = new Uint8Array(await wb.xlsx.writeBuffer());
    const fromTemplate = await downloads({ ...noCsv, 'templat.xlsx': filled });
    for (const [p, content] of Object.entries(csv)) expect(fromTemplate[p], p).toBe(content);
  }, 120_000);

  it('the template has a sheet per dataset, notes on every header, drop-downs, the region list and instructions', async () => {
    const bytes = await templateWorkbook({ tree: data!.tree, programs: data!.programs, date: '2026-01-01' });
    const again = await templateWorkbook({ tree: data!.tree, programs: data!.programs, date: '2026-01-01' });
    expect(Buffer.from(again).equals(Buffer.from(bytes))).toBe(true); // same inputs, same bytes
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Petunjuk', ...DATASETS.map((d) => d.name), 'Wilayah', 'Daftar']);
    const pmks = wb.getWorksheet('pmks')!;
    expect((pmks.getRow(1).values as unknown[]).slice(1)).toEqual(['tahun', 'kode_wilayah', 'nama_wilayah', 'kategori', 'jumlah']);
    for (let c = 1; c <= 5; c++) expect(String(pmks.getRow(1).getCell(c).note ?? '')).toMatch(/Isian: /);
    expect(String(pmks.getCell('E1').note)).toContain('Satuan: orang');
    const dv = (pmks as unknown as { dataValidations: { model: Record<string, ExcelJS.DataValidation> } }).dataValidations.model;
    const lists = Object.values(dv).map((v) => `${v.type} ${v.formulae?.[0]}`);
    expect(lists).toContain(
      `list Wilayah!$A$2:$A$${1 + data!.tree.kecamatan.length + data!.tree.kecamatan.reduce((n, k) => n + k.desa.length, 0)}`,
    );
    expect(lists).toContain('list Daftar!$A$2:$A$27');
    const wil = wb.getWorksheet('Wilayah')!;
    expect(wil.rowCount).toBe(1 + data!.tree.kecamatan.length + data!.tree.kecamatan.reduce((n, k) => n + k.desa.length, 0));
    expect(wil.getCell('A2').value).toBe(data!.tree.kecamatan[0]!.code);
    const desil = wb.getWorksheet('desil')!;
    const desilDv = (desil as unknown as { dataValidations: { model: Record<string, ExcelJS.DataValidation> } }).dataValidations.model;
    expect(Object.values(desilDv).map((v) => `${v.type} ${v.formulae?.join('-')}`)).toContain('whole 1-10');
    expect(Object.values(desilDv).some((v) => v.type === 'list' && String(v.formulae?.[0]).includes('triwulan-1'))).toBe(true);
    expect(String(wb.getWorksheet('Petunjuk')!.getCell('A1').value)).toContain(data!.tree.name);
  }, 60_000);
});

describe('workbooks out', async () => {
  const { prepared } = await loadAndPrepare(fixtureIO({}, SAMPLE));
  const files = await Array.fromAsync(prepared!.files);
  const books = Object.fromEntries(files.filter((f) => f.path.endsWith('.xlsx')).map((f) => [f.path, f.content as Uint8Array]));
  const csvOf = (name: string) =>
    Papa.parse<Record<string, string>>(String(files.find((f) => f.path === `data/${name}.csv`)!.content), {
      header: true,
      skipEmptyLines: true,
    }).data;

  it('every CSV download has an .xlsx twin with the same values, numbers typed, hidden cells empty with their reason', async () => {
    const csvs = files.filter((f) => /^data\/[^/]+\.csv$/.test(f.path)).map((f) => f.path.slice(5, -4));
    expect(csvs.length).toBeGreaterThan(8);
    let hiddenSeen = 0;
    for (const name of csvs) {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(books[`data/${name}.xlsx`] as unknown as ArrayBuffer);
      expect(wb.worksheets.map((w) => w.name)).toEqual([name, 'Tentang']);
      const ws = wb.getWorksheet(name)!;
      const header = (ws.getRow(1).values as unknown[]).slice(1).map(String);
      const rows = csvOf(name);
      expect(ws.rowCount - 1, name).toBe(rows.length);
      rows.forEach((r, i) => {
        const row = ws.getRow(i + 2);
        for (const [k, v] of Object.entries(r)) {
          const cell = row.getCell(header.indexOf(k) + 1).value;
          if (v === '' || v === 'NA') expect(cell ?? null, `${name} ${i + 2} ${k}`).toBeNull();
          else if (typeof cell === 'number') expect(cell, `${name} ${i + 2} ${k}`).toBe(Number(v));
          else expect(String(cell), `${name} ${i + 2} ${k}`).toBe(v);
        }
        if (r.kerahasiaan) {
          hiddenSeen++;
          expect(String(row.getCell(header.indexOf('keterangan_sel') + 1).value)).toContain(
            `disembunyikan untuk kerahasiaan: ${r.kerahasiaan.split(';')[0]}`,
          );
        }
      });
    }
    expect(hiddenSeen).toBeGreaterThan(0);
  }, 120_000);

  it('one workbook of everything, with source, licence and release', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(books['data/terang-2026-1.xlsx'] as unknown as ArrayBuffer);
    expect(wb.worksheets.length).toBeGreaterThan(9);
    const about = wb.getWorksheet('Tentang')!;
    const text = about.getSheetValues().flat().join(' ');
    expect(text).toContain('2026-1');
    expect(text).toContain('CC-BY-4.0');
    expect(text).toContain('DATA CONTOH');
    expect(books['data/templat.xlsx']).toBeDefined();
    expect(books['data/contoh-data.xlsx']).toBeDefined();
  }, 60_000);
});

describe('a table longer than a sheet', () => {
  it('is split into one sheet per year, each with the header frozen and every row kept', async () => {
    const { data } = await loadPortal(fixtureIO({}, SAMPLE));
    const fields = [
      { name: 'tahun', type: 'year' },
      { name: 'kode_wilayah', type: 'string' },
      { name: 'jumlah', type: 'integer' },
    ];
    const rows = [2023, 2024, 2025].flatMap((tahun) =>
      Array.from({ length: 5 }, (_, i) => ({ tahun, kode_wilayah: `34.02.0${i + 1}`, jumlah: i * 7 })),
    );
    const table = { name: 'pmks', title: 'PMKS', primaryKey: ['tahun', 'kode_wilayah'], fields, rows };
    const meta = { config: data!.config, area: 'Bantul', sample: true };
    // A sheet of 6 rows here stands for Excel's 1,048,575.
    const [split] = await buildWorkbooks([table], meta, 6);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(split!.content as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['pmks 2023', 'pmks 2024', 'pmks 2025', 'Tentang']);
    for (const y of [2023, 2024, 2025]) {
      const ws = wb.getWorksheet(`pmks ${y}`)!;
      expect(ws.rowCount).toBe(6);
      expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(ws.getRow(2).getCell(1).value).toBe(y);
      expect(ws.getRow(6).getCell(3).value).toBe(28);
    }
    const [whole] = await buildWorkbooks([table], meta);
    const one = new ExcelJS.Workbook();
    await one.xlsx.load(whole!.content as unknown as ArrayBuffer);
    expect(one.worksheets.map((w) => w.name)).toEqual(['pmks', 'Tentang']);
    expect(one.getWorksheet('pmks')!.rowCount).toBe(16);
  });
});
