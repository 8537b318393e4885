/**
 * Workbooks in: a sheet per dataset in any workbook, or `<dataset>.xlsx`,
 * read with ExcelJS into the same validation as CSV. One test per problem
 * kind an Excel user meets, each naming the sheet and the Excel cell; and
 * the CSV cases that spreadsheets produce (UTF-16, old-Mac line endings,
 * wide tables) and portal.json syntax errors with line and column.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { loadPortal } from '../src/load/portal.ts';
import { checkInputs } from '../src/publish/guard.ts';
import { formatProblem } from '../src/load/problems.ts';
import { fixtureIO, fixtureText } from './helpers.ts';

type Cell = ExcelJS.CellValue;

/** A workbook of named sheets (rows of cell values; `null` = empty cell), as Excel would save it. */
async function workbook(sheets: Record<string, Cell[][]>, edit?: (wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const ws = wb.addWorksheet(name);
    for (const r of rows) ws.addRow(r);
  }
  edit?.(wb);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** The mini fixture's pmks.csv as sheet rows, numbers as number cells. */
const pmksRows = (): Cell[][] =>
  fixtureText('pmks.csv')
    .trim()
    .split('\n')
    .map((l, i) => l.split(',').map((c) => (i > 0 && /^\d+$/.test(c) && !c.includes('.') ? Number(c) : c)));

async function load(files: Record<string, string | Uint8Array | null>) {
  const { data, problems } = await loadPortal(fixtureIO(files));
  return { data, problems, messages: problems.map((p) => formatProblem(p, 'id')) };
}
const strip = (rows: { _line: number }[]) => rows.map(({ _line, ...r }) => r);

describe('workbooks in', () => {
  it('reads a sheet of data.xlsx exactly as the CSV it replaces', async () => {
    const csv = await load({});
    const xlsx = await load({ 'pmks.csv': null, 'data.xlsx': await workbook({ pmks: pmksRows() }) });
    expect(xlsx.messages).toEqual([]);
    expect(strip(xlsx.data!.pmks)).toEqual(strip(csv.data!.pmks));
    // Rows keep their Excel row numbers.
    expect(xlsx.data!.pmks.map((r) => r._line)).toEqual([2, 3, 4, 5, 6, 7]);
  });

  it('reads <dataset>.xlsx whatever its one sheet is called', async () => {
    const { data, messages } = await load({ 'pmks.csv': null, 'pmks.xlsx': await workbook({ Sheet1: pmksRows() }) });
    expect(messages).toEqual([]);
    expect(data!.pmks).toHaveLength(6);
  });

  it('skips a merged title row above the header, with a note naming the row', async () => {
    const bytes = await workbook({ pmks: [['Data PMKS Kabupaten Lebong 2024'], [], ...pmksRows()] }, (wb) =>
      wb.getWorksheet('pmks')!.mergeCells('A1:D1'),
    );
    const { data, problems, messages } = await load({ 'pmks.csv': null, 'data.xlsx': bytes });
    expect(problems.filter((p) => p.level === 'error')).toEqual([]);
    expect(data!.pmks).toHaveLength(6);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toContain('PERINGATAN data.xlsx › pmks, baris 1');
    expect(messages[0]).toContain('baris judul dilewati');
    expect(messages[0]).toContain('Data PMKS Kabupaten Lebong 2024');
  });

  it('answers a JUMLAH row with "hapus baris total", naming its cell', async () => {
    const rows = [...pmksRows(), ['JUMLAH', null, null, 36]];
    const { data, messages } = await load({ 'pmks.csv': null, 'data.xlsx': await workbook({ pmks: rows }) });
    expect(data).toBeUndefined();
    expect(messages).toEqual([expect.stringContaining('GALAT data.xlsx › pmks, sel A8: baris total — ditemukan "JUMLAH"')]);
    expect(messages[0]).toContain('hapus baris total (baris 8)');
  });

  it('reads numbers as numbers whatever the display format, and text-formatted numbers in Indonesian format', async () => {
    const rows = pmksRows();
    rows[1]![3] = '1.010'; // the kecamatan: a text cell, typed the Indonesian way
    rows[2]![3] = 1004; // a desa: a number cell shown as 1.004,00
    rows[3]![3] = '6'; // a desa: a number stored as text
    const bytes = await workbook({ pmks: rows }, (wb) => {
      const ws = wb.getWorksheet('pmks')!;
      ws.getCell('D3').numFmt = '#,##0.00';
      ws.getCell('D5').numFmt = '0%';
    });
    const { problems, data } = await load({ 'pmks.csv': null, 'data.xlsx': bytes });
    // Read right, the big kecamatan figure is a jump against 2023 (a warning): the check sees 1010, not 1.01.
    expect(problems.filter((p) => p.level === 'error')).toEqual([]);
    expect(problems.map((p) => p.kind)).toEqual(['jump', 'jump']);
    expect(data!.pmks.slice(0, 4).map((r) => r.jumlah)).toEqual([1010, 1004, 6, 3]);
  });

  it('reports a percent-formatted rate (shows 11,18 %, holds 0,1118) as the cell shows it, with how to fix it, and nothing else', async () => {
    const rows: Cell[][] = [
      ['tahun', 'persen_miskin', 'jumlah_miskin', 'garis_kemiskinan', 'persen_miskin_ekstrem', 'sumber'],
      [2023, 0.115, 12300, 520000, null, 'BPS'],
      [2024, 0.1118, 11900, 545000, 0.81, 'BPS'],
    ];
    const bytes = await workbook({ kemiskinan: rows }, (wb) => {
      const ws = wb.getWorksheet('kemiskinan')!;
      for (const c of ['B2', 'B3']) ws.getCell(c).numFmt = '0.00%';
    });
    const { data, problems, messages } = await load({ 'kemiskinan.csv': null, 'data.xlsx': bytes });
    expect(data).toBeUndefined();
    expect(messages).toEqual([
      expect.stringMatching(
        /^GALAT data\.xlsx › kemiskinan, sel B2 \(persen_miskin\): sel berformat persen — ditemukan "11,5 %"; diharapkan: .*tampil 11,5 % tetapi isinya 0,115\. Ubah format sel menjadi Umum atau Angka/,
      ),
      expect.stringMatching(/^GALAT data\.xlsx › kemiskinan, sel B3 \(persen_miskin\): sel berformat persen — ditemukan "11,18 %"/),
    ]);
    expect(problems.every((p) => p.kind === 'percent_cell')).toBe(true);
  });

  it('a workbook of another kabupaten/kota is one problem naming its sheets, not one per row', async () => {
    const rowsOf = (csv: string): Cell[][] =>
      csv
        .replace(/17\.07/g, '34.02')
        .trim()
        .split('\n')
        .map((l, i) => l.split(',').map((c) => (i > 0 && /^\d+$/.test(c) ? Number(c) : c)));
    const bytes = await workbook({ pmks: rowsOf(fixtureText('pmks.csv')), registri: rowsOf(fixtureText('registri.csv')) });
    const { problems, messages } = await load({ 'pmks.csv': null, 'registri.csv': null, 'data.xlsx': bytes });
    expect(problems.map((p) => p.kind)).toEqual(['foreign_region']);
    expect(messages[0]).toMatch(
      /^GALAT data\.xlsx: data kabupaten\/kota lain — ditemukan "34\.02"; diharapkan: data Kabupaten Lebong .* memakai kode Kabupaten Bantul \(34\.02\)\..* — di 2 lembar: pmks, registri$/,
    );
  });

  it('reports a date in a number column, naming the cell and its value as a number', async () => {
    const rows = pmksRows();
    rows[2]![0] = new Date(Date.UTC(2024, 0, 31));
    const { data, messages } = await load({ 'pmks.csv': null, 'data.xlsx': await workbook({ pmks: rows }) });
    expect(data).toBeUndefined();
    const m = messages.find((x) => x.includes('sel berisi tanggal'))!;
    expect(m).toContain('GALAT data.xlsx › pmks, sel A3 (tahun)');
    expect(m).toContain('ditemukan "2024-01-31"');
    expect(m).toContain('ubah format sel ini menjadi Umum atau Angka (nilainya sekarang 45322)');
  });

  it('names a sheet whose name is not a dataset, and the dataset it then misses', async () => {
    const { data, messages } = await load({ 'pmks.csv': null, 'data.xlsx': await workbook({ 'PMKS 2024': pmksRows() }) });
    expect(data).toBeUndefined();
    expect(messages).toContainEqual(expect.stringContaining('GALAT data.xlsx › PMKS 2024: lembar kerja tidak dikenal'));
    expect(messages.find((x) => x.includes('lembar kerja tidak dikenal'))).toContain('pmks');
    expect(messages).toContainEqual(expect.stringContaining('lembar kerja "pmks" di data.xlsx'));
  });

  it('refuses a dataset given twice, naming both places', async () => {
    const { data, messages } = await load({ 'data.xlsx': await workbook({ pmks: pmksRows() }) });
    expect(data).toBeUndefined();
    expect(messages).toEqual([expect.stringContaining('data yang sama diberikan dua kali')]);
    expect(messages[0]).toContain('pmks.csv');
    expect(messages[0]).toContain('data.xlsx › pmks');
  });

  it('names the sheet and cell of a problem found in a cell, a row rule and a cross-file rule', async () => {
    const rows = pmksRows();
    rows[4]![3] = -3;
    const { messages } = await load({ 'pmks.csv': null, 'data.xlsx': await workbook({ pmks: rows }) });
    expect(messages).toContainEqual(expect.stringMatching(/^GALAT data\.xlsx › pmks, sel D5 \(jumlah\): /));
  });

  it('ignores helper sheets (Petunjuk, Wilayah, Daftar), hidden sheets and Excel lock files', async () => {
    const bytes = await workbook(
      { Petunjuk: [['Cara mengisi']], pmks: pmksRows(), Wilayah: [['kode_wilayah'], ['17.07.01']], Catatan: [['x']] },
      (wb) => {
        wb.getWorksheet('Catatan')!.state = 'hidden';
      },
    );
    const { messages } = await load({ 'pmks.csv': null, 'data.xlsx': bytes, '~$data.xlsx': new Uint8Array([1, 2, 3]) });
    expect(messages).toEqual([]);
  });

  it('says a damaged workbook is damaged, and how to save it again', async () => {
    const { messages } = await load({ 'pmks.csv': null, 'data.xlsx': new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0]) });
    expect(messages[0]).toContain('GALAT data.xlsx: bukan berkas CSV');
    expect(messages[0]).toContain('simpan ulang dari Excel');
  });
});

describe('CSV as spreadsheets save it', () => {
  it('reads "Unicode Text" (UTF-16 LE with BOM, tab-separated) as the same data', async () => {
    const text = fixtureText('pmks.csv').replaceAll(',', '\t').replaceAll('\n', '\r\n');
    const utf16 = new Uint8Array([0xff, 0xfe, ...new Uint8Array(Buffer.from(text, 'utf16le'))]);
    const csv = await load({});
    const { data, messages } = await load({ 'pmks.csv': utf16 });
    expect(messages).toEqual([]);
    expect(strip(data!.pmks)).toEqual(strip(csv.data!.pmks));
  });

  it('gives the right line with old-Mac line endings (CR only)', async () => {
    const text = fixtureText('pmks.csv').trim().replaceAll('\n', '\r').replace('17.07.02,16,3', '17.07.02,16,tiga');
    const { messages } = await load({ 'pmks.csv': text });
    expect(messages).toEqual([expect.stringContaining('GALAT pmks.csv baris 5, kolom 4 (jumlah): jenis nilai salah — ditemukan "tiga"')]);
  });

  it('recognises a wide table (one column per category) and says how to turn it into rows', async () => {
    const wide = 'tahun,kode_wilayah,Lanjut Usia Terlantar,Penyandang Disabilitas,Anak Terlantar\n2024,17.07.01,10,4,2\n';
    const { messages } = await load({ 'pmks.csv': wide });
    expect(messages).toHaveLength(1);
    expect(messages[0]).toContain('GALAT pmks.csv baris 1, kolom 3: tabel melebar');
    expect(messages[0]).toContain('Batalkan Pivot Kolom');
    expect(messages[0]).toContain('"kategori" dan "jumlah"');
  });

  it('recognises a wide table with one column per year', async () => {
    const wide = 'kode_wilayah,kategori,2022,2023,2024\n17.07.01,8,10,11,12\n';
    const { messages } = await load({ 'pmks.csv': wide });
    expect(messages[0]).toContain('tabel melebar');
    expect(messages[0]).toContain('"tahun" dan "jumlah"');
  });

  it('answers a totals row in CSV too', async () => {
    const { messages } = await load({ 'pmks.csv': `${fixtureText('pmks.csv').trim()}\nTotal,,,36\n` });
    expect(messages).toEqual([expect.stringContaining('GALAT pmks.csv baris 8, kolom 1: baris total')]);
  });
});

describe('portal.json syntax errors', () => {
  const portal = fixtureText('portal.json');
  it.each([
    ['a missing comma', portal.replace('"17.07",', '"17.07"'), 'tanda koma'],
    [
      'a trailing comma',
      portal.replace(/"\s*\n(\s*)}\s*,?\s*\n\s*"rilis"/, '",\n$1},\n  "rilis"').replace(/(\n\s*)}\s*$/, ',$1}'),
      'koma terakhir',
    ],
    ['single quotes', portal.replace('"17.07"', "'17.07'"), 'kutip ganda'],
  ])('%s: in Indonesian, with line and column', async (_, text, says) => {
    const { messages } = await load({ 'portal.json': text });
    expect(messages[0]).toMatch(/^GALAT portal\.json baris \d+, kolom \d+: konfigurasi tidak sah/);
    expect(messages[0]).toContain(says);
  });

  it('gives the line of a schema problem', async () => {
    const { messages } = await load({ 'portal.json': portal.replace('"17.07"', '"1707"') });
    expect(messages[0]).toMatch(/^GALAT portal\.json baris 2, kolom 21 \(kode_kabupaten\)/);
  });
});

describe('identifiers in workbooks', () => {
  it('stops a NIK typed as a number and a name column in a sheet, naming sheet and cell', async () => {
    const rows = pmksRows();
    rows[0]!.push('nama');
    rows[1]!.push(3402014107750002);
    const problems = await checkInputs(fixtureIO({ 'pmks.csv': null, 'data.xlsx': await workbook({ pmks: rows }) }));
    const messages = problems.map((p) => formatProblem(p, 'id'));
    expect(messages).toContainEqual(expect.stringContaining('GALAT data.xlsx › pmks, sel E1'));
    expect(messages).toContainEqual(expect.stringContaining('GALAT data.xlsx › pmks, sel E2'));
    expect(messages.join('\n')).not.toContain('3402014107750002');
  });

  it('finds a NIK in a UTF-16 CSV', async () => {
    const text = `${fixtureText('pmks.csv')}2024,17.07.01,8,3402014107750002\n`;
    const problems = await checkInputs(fixtureIO({ 'pmks.csv': new Uint8Array([0xff, 0xfe, ...Buffer.from(text, 'utf16le')]) }));
    expect(problems.map((p) => p.kind)).toContain('identifier');
  });
});
