/**
 * Reading Excel workbooks (ExcelJS): one `data.xlsx` with a sheet per
 * dataset, or `<dataset>.xlsx` holding one. A worksheet becomes the same
 * table a CSV file becomes (dataset.ts validates both alike), except that a
 * number cell arrives as a number whatever its display format, rows keep
 * their Excel row numbers, and title rows above the header are skipped with
 * a note. Problems are relocated to the sheet and cell by portal.ts.
 */
import ExcelJS from 'exceljs';
import { normaliseHeader, type CsvRow, type CsvTable } from './csv.ts';
import { t, type Problem } from './problems.ts';
import { columnsOf } from './schema/columns.ts';
import type { Dataset } from './schema/dataset.ts';

export interface Sheet {
  name: string;
  hidden: boolean;
  /** Row number → cells (1-based columns at index 0…); empty rows absent. */
  rows: Map<number, SheetCell[]>;
  columns: number;
}
/** `percent`: a number shown with a percent format (it holds 0,1118 and shows 11,18 %). */
export type SheetCell = { text: string; number?: number; date?: Date; percent?: boolean };

export const isWorkbookFile = (f: string): boolean => /\.xlsx$/i.test(f) && !f.startsWith('~$');

/** Sheets an office keeps beside the data (the template's own ones among them): never read as data. */
export const HELPER_SHEETS = new Set(['petunjuk', 'wilayah', 'daftar', 'tentang', 'keterangan', 'readme', 'instructions']);

/** Excel's serial day number of a date (1900 system): what the cell holds under its date format. */
const excelSerial = (d: Date): number => (d.getTime() - Date.UTC(1899, 11, 30)) / 86_400_000;

function cellOf(v: ExcelJS.CellValue): SheetCell {
  if (v === null || v === undefined) return { text: '' };
  if (typeof v === 'number') return { text: String(v), number: v };
  if (typeof v === 'string') return { text: v };
  if (typeof v === 'boolean') return { text: v ? 'TRUE' : 'FALSE' };
  if (v instanceof Date) return { text: v.toISOString().slice(0, 10), date: v };
  if ('richText' in v) return { text: v.richText.map((r) => r.text).join('') };
  if ('error' in v) return { text: String(v.error) };
  if ('formula' in v || 'sharedFormula' in v) return cellOf((v as { result?: ExcelJS.CellValue }).result ?? null);
  if ('text' in v) return { text: String(v.text) };
  return { text: String(v) };
}

type ReadWorkbook = { sheets: Sheet[]; problems: Problem[] };
/** Parses by bytes: the guard and the loader read the same bytes through `readOnce` (io.ts). */
const parsed = new WeakMap<Uint8Array, Promise<ReadWorkbook>>();

/** Every worksheet of a workbook, or why the bytes are not one. */
export function readWorkbook(bytes: Uint8Array, file: string): Promise<ReadWorkbook> {
  if (!parsed.has(bytes)) parsed.set(bytes, parseWorkbook(bytes, file));
  return parsed.get(bytes)!;
}

async function parseWorkbook(bytes: Uint8Array, file: string): Promise<ReadWorkbook> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (e) {
    return {
      sheets: [],
      problems: [
        {
          level: 'error',
          kind: 'not_csv',
          file,
          expected: t(
            `buku kerja Excel .xlsx yang utuh (${(e as Error).message}); simpan ulang dari Excel sebagai "Buku Kerja Excel (*.xlsx)"`,
            `an intact Excel .xlsx workbook (${(e as Error).message}); save it again from Excel as "Excel Workbook (*.xlsx)"`,
          ),
        },
      ],
    };
  }
  const sheets = wb.worksheets.map((ws): Sheet => {
    const rows = new Map<number, SheetCell[]>();
    const columns = ws.columnCount;
    ws.eachRow({ includeEmpty: false }, (row, n) => {
      const cells: SheetCell[] = [];
      for (let c = 1; c <= columns; c++) {
        const cell = row.getCell(c);
        const v = cellOf(cell.value);
        cells.push(v.number !== undefined && /%/.test(cell.numFmt ?? '') ? { ...v, percent: true } : v);
      }
      if (cells.some((x) => x.text.trim() !== '')) rows.set(n, cells);
    });
    return { name: ws.name, hidden: ws.state !== 'visible', rows, columns };
  });
  return { sheets, problems: [] };
}

/**
 * A worksheet as a table of a dataset: the header is the first row that
 * names the dataset's columns; filled rows above it are titles, skipped with
 * a note. Date cells in number columns are reported: a year is typed as a
 * number, not a date.
 */
export function sheetTable(ds: Dataset, sheet: Sheet): { table?: CsvTable; problems: Problem[] } {
  const file = ds.file;
  const problems: Problem[] = [];
  const cols = columnsOf(ds.schema);
  const known = new Set(cols.map((c) => c.name));
  const need = Math.min(2, cols.filter((c) => c.required).length || 1);
  const order = [...sheet.rows.keys()].sort((a, b) => a - b);
  const headerAt = order.find((n) => sheet.rows.get(n)!.filter((c) => known.has(normaliseHeader(c.text))).length >= need);
  if (headerAt === undefined)
    return {
      problems: [
        {
          level: 'error',
          kind: 'missing_column',
          file,
          line: order[0] ?? 1,
          expected: t(
            `baris judul kolom dengan nama kolom ${ds.file.replace(/\.csv$/, '')}: ${cols.map((c) => c.name).join(', ')}`,
            `a header row naming the columns of ${ds.file.replace(/\.csv$/, '')}: ${cols.map((c) => c.name).join(', ')}`,
          ),
        },
      ],
    };
  const titles = order.filter((n) => n < headerAt);
  for (const n of titles)
    problems.push({
      level: 'warning',
      kind: 'title_row',
      file,
      line: n,
      value: sheet.rows
        .get(n)!
        .map((c) => c.text.trim())
        .filter(Boolean)
        .join(' '),
      expected: t(
        `baris judul kolom (baris ${headerAt}); baris ${n} di atasnya dianggap judul tabel dan dilewati`,
        `the header row (row ${headerAt}); row ${n} above it is taken as the table's title and skipped`,
      ),
    });
  const header = sheet.rows.get(headerAt)!.map((c) => c.text.trim());
  const width = header.reduce((w, h, i) => (h !== '' ? i + 1 : w), 0);
  const meta = header.map((h) => cols.find((c) => c.name === normaliseHeader(h))?.meta);
  const rows: CsvRow[] = [];
  let reported = 0; // rows left out because a cell of theirs was reported already
  for (const n of order.filter((x) => x > headerAt)) {
    const raw = sheet.rows.get(n)!;
    const cells = raw.slice(0, Math.max(width, 1));
    while (cells.length < width) cells.push({ text: '' });
    let dated = false;
    cells.forEach((c, i) => {
      const m = meta[i];
      const numeric = m?.kind === 'integer' || m?.kind === 'number';
      if (c.percent && c.number !== undefined && m?.unit === '%') {
        // Excel holds 0,1118 behind "11,18 %": reading the value would publish 0,11 %, reading the display hides the mistake.
        const shown = new Intl.NumberFormat('id-ID', { maximumFractionDigits: 4 }).format(c.number * 100);
        problems.push({
          level: 'error',
          kind: 'percent_cell',
          file,
          line: n,
          column: i + 1,
          field: normaliseHeader(header[i]!),
          value: `${shown} %`,
          expected: t(
            `angka persen tanpa format Persen: sel ini tampil ${shown} % tetapi isinya ${new Intl.NumberFormat('id-ID', { maximumFractionDigits: 6 }).format(c.number)}. Ubah format sel menjadi Umum atau Angka (Beranda › Angka), lalu ketik ${shown}`,
            `a percentage without the Percent format: this cell shows ${shown} % but holds ${c.number}. Set the cell's format to General or Number (Home › Number), then type ${shown}`,
          ),
        });
        dated = true;
        return;
      }
      if (c.date && numeric) {
        const serial = excelSerial(c.date);
        problems.push({
          level: 'error',
          kind: 'date_cell',
          file,
          line: n,
          column: i + 1,
          field: normaliseHeader(header[i]!),
          value: c.date.toISOString().slice(0, 10),
          expected: t(
            `angka, bukan tanggal: ubah format sel ini menjadi Umum atau Angka (nilainya sekarang ${serial}) lalu ketik ${m!.expect.id}`,
            `a number, not a date: set this cell's format to General or Number (its value is now ${serial}), then type ${m!.expect.en}`,
          ),
        });
        dated = true;
      }
    });
    if (dated) {
      reported++;
      continue; // reported above; the rest of the row is checked once the cell holds what it shows
    }
    const typed = cells.map((c) => c.number);
    rows.push({ line: n, cells: cells.map((c) => c.text), ...(typed.some((x) => x !== undefined) ? { typed } : {}) });
  }
  if (rows.length === 0 && reported === 0)
    problems.push({
      level: 'error',
      kind: 'empty_file',
      file,
      line: headerAt + 1,
      expected: t('minimal satu baris data di bawah baris judul kolom', 'at least one data row below the header'),
    });
  return { table: { header: header.slice(0, Math.max(width, 1)), rows, delimiter: '', defaultFormat: 'id' }, problems };
}
