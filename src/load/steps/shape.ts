/**
 * Before the rows: is the table in the shape the portal reads? Three shapes
 * that spreadsheets invite are answered here with what to do: a title row
 * above the header (skipped, with a note), a totals row at the bottom (the
 * portal sums itself) and a wide table with one column per category or per
 * year (the portal reads one row per figure).
 */
import { PMKS_CATEGORIES, PSKS_CATEGORIES } from '../../domain/categories.ts';
import { normaliseHeader, type CsvTable } from '../csv.ts';
import { t, type Problem } from '../problems.ts';
import { columnsOf } from '../schema/columns.ts';
import type { Dataset } from '../schema/dataset.ts';

const TOTAL = /^(jumlah|total|grand\s*total|sub\s*-?\s*total|jml\.?|total\s+keseluruhan)(\s|:|$)/i;

/** A row whose first filled text cell says JUMLAH/TOTAL: the operator's own sum, not data. */
export function totalRow(file: string, line: number, cells: readonly string[]): Problem | undefined {
  const ci = cells.findIndex((c) => c.trim() !== '');
  if (ci < 0 || !TOTAL.test(cells[ci]!.trim())) return undefined;
  return {
    level: 'error',
    kind: 'total_row',
    file,
    line,
    column: ci + 1,
    value: cells[ci]!.trim(),
    expected: t(
      `hapus baris total (baris ${line}): portal menjumlahkan sendiri, baris jumlah terbaca sebagai data`,
      `delete the totals row (row ${line}): the portal adds up itself; a totals row would be read as data`,
    ),
  };
}

const categoryKeys = new Set(
  [...PMKS_CATEGORIES, ...PSKS_CATEGORIES].flatMap((c) => [normaliseHeader(c.name), normaliseHeader(c.slug.replace(/-/g, ' '))]),
);
const isYear = (h: string) => /^(19|20)\d{2}$/.test(h.trim());
const isCategory = (h: string) => categoryKeys.has(normaliseHeader(h));

/**
 * A wide table: several headers that are years or category names where the
 * schema has a `tahun` or `kategori` column. Answered with how to turn the
 * columns into rows in Excel (Power Query "Unpivot", in Indonesian Excel
 * "Batalkan Pivot Kolom").
 */
export function wideTable(ds: Dataset, table: CsvTable): Problem | undefined {
  const names = new Set(columnsOf(ds.schema).map((c) => c.name));
  const unknown = table.header.filter((h) => h.trim() !== '' && !names.has(normaliseHeader(h)));
  const years = unknown.filter(isYear);
  const cats = unknown.filter(isCategory);
  const [kind, found] =
    years.length >= 2 && names.has('tahun') ? ['tahun', years] : cats.length >= 2 && names.has('kategori') ? ['kategori', cats] : [];
  if (!kind || !found) return undefined;
  const measure =
    ds.additive?.[0] ??
    columnsOf(ds.schema).find(
      (c) => (c.meta.kind === 'integer' || c.meta.kind === 'number') && c.meta.type !== 'year' && c.name !== 'desil',
    )?.name ??
    'jumlah';
  return {
    level: 'error',
    kind: 'wide_table',
    file: ds.file,
    line: 1,
    column: table.header.indexOf(found[0]!) + 1,
    value: found.slice(0, 4).join(', ') + (found.length > 4 ? ', …' : ''),
    expected: t(
      `satu baris per angka, dengan kolom "${kind}" dan "${measure}" (tabel ini satu kolom per ${kind}). Di Excel: pilih tabel, Data › Dari Tabel/Rentang, pilih kolom-kolom ${kind} itu, Ubah › Batalkan Pivot Kolom, ganti nama kolom "Atribut" menjadi "${kind}" dan "Nilai" menjadi "${measure}", lalu Tutup & Muat`,
      `one row per figure, with columns "${kind}" and "${measure}" (this table has one column per ${kind}). In Excel: select the table, Data › From Table/Range, select those ${kind} columns, Transform › Unpivot Columns, rename "Attribute" to "${kind}" and "Value" to "${measure}", then Close & Load`,
    ),
  };
}

/**
 * A title above the header ("Data PMKS Kabupaten Lebong 2024"), as a CSV
 * saved from a worksheet with a title keeps it: the header is the first of
 * the first rows that names the dataset's columns; the rows above it are
 * skipped with a note (a workbook's sheet is read the same way).
 */
export function skipTitleRows(ds: Dataset, table: CsvTable): { table: CsvTable; problems: Problem[] } {
  const cols = columnsOf(ds.schema);
  const names = new Set(cols.map((c) => c.name));
  const need = Math.min(2, cols.filter((c) => c.required).length || 1);
  const known = (cells: readonly string[]) => cells.filter((c) => names.has(normaliseHeader(c))).length;
  if (known(table.header) >= need) return { table, problems: [] };
  const at = table.rows.slice(0, 5).findIndex((r) => known(r.cells) >= need);
  if (at < 0) return { table, problems: [] };
  const head = table.rows[at]!;
  const titles = [{ line: table.headerLine ?? 1, cells: table.header }, ...table.rows.slice(0, at)];
  return {
    table: { ...table, header: head.cells.map((h) => h.trim()), rows: table.rows.slice(at + 1), headerLine: head.line },
    problems: titles.map((r) => ({
      level: 'warning' as const,
      kind: 'title_row' as const,
      file: ds.file,
      line: r.line,
      value: r.cells
        .map((c) => c.trim())
        .filter(Boolean)
        .join(' '),
      expected: t(
        `baris judul kolom (baris ${head.line}); baris ${r.line} di atasnya dianggap judul tabel dan dilewati — hapus baris judul itu agar catatan ini hilang`,
        `the header row (row ${head.line}); row ${r.line} above it is taken as the table's title and skipped — delete that title row and this note goes away`,
      ),
    })),
  };
}
