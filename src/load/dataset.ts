/**
 * Validate one CSV dataset against its schema: decode, parse, then the steps
 * in steps/ one after the other (header, number format, cells, schema,
 * references, row rules, keys, desa sums). Returns the rows that passed
 * (canonicalised: dotted area codes, category codes), the file's column
 * layout, and every problem found, each with file, line, column, value and
 * expectation.
 */
import type * as z from 'zod';
import { type CsvTable, decodeText, parseCsv } from './csv.ts';
import { skipTitleRows, totalRow, wideTable } from './steps/shape.ts';
import type { NumberFormat } from './numbers.ts';
import { t, type Problem } from './problems.ts';
import type { Dataset } from './schema/dataset.ts';
import { typeCells } from './steps/cells.ts';
import type { Header, RowInput } from './steps/context.ts';
import { checkDesaSums } from './steps/desa-sums.ts';
import { readHeader } from './steps/header.ts';
import { uniqueKeys } from './steps/keys.ts';
import { detectNumberFormat } from './steps/number-format.ts';
import { resolveReferences, type ReferenceContext } from './steps/references.ts';
import { checkRowRules } from './steps/row-rules.ts';
import { parseRow } from './steps/schema.ts';

export { canonicalAreaCode } from './steps/references.ts';
import { canonicalAreaCode } from './steps/references.ts';
import { levelOf } from '../domain/regions.ts';

export interface LoadContext extends ReferenceContext {
  numberFormat: 'auto' | NumberFormat;
}

/** Enough to show an operator what is wrong without burying the first problems. */
export const MAX_PROBLEMS_PER_FILE = 100;

export type Loaded<S extends z.ZodObject> = z.infer<S> & { _line: number };

export interface LoadedDataset<S extends z.ZodObject> {
  rows: Loaded<S>[];
  /** The file's columns as the schema names them, in file order (for locating problems found later). */
  header?: Header;
  problems: Problem[];
}

export function loadDataset<S extends z.ZodObject>(ds: Dataset<S>, bytes: Uint8Array, ctx: LoadContext): LoadedDataset<S> {
  const file = ds.file;
  const decoded = decodeText(bytes, file);
  if (decoded.text === undefined) return { rows: [], problems: decoded.problems };
  const parsed = parseCsv(decoded.text, file);
  const problems: Problem[] = [...decoded.problems, ...parsed.problems];
  if (!parsed.table || problems.some((p) => p.level === 'error')) return { rows: [], problems };
  const res = loadTable(ds, parsed.table, ctx);
  return { ...res, problems: [...problems, ...res.problems] };
}

/**
 * Validate a table already read (from CSV, or a worksheet by workbook.ts):
 * problems name `ds.file`; the caller relocates them to a sheet's cells.
 */
export function loadTable<S extends z.ZodObject>(ds: Dataset<S>, input: CsvTable, ctx: LoadContext): LoadedDataset<S> {
  const file = ds.file;
  const { table, problems } = skipTitleRows(ds as Dataset, input);
  const failed = () => problems.some((p) => p.level === 'error');
  const wide = wideTable(ds, table);
  if (wide) return { rows: [], problems: [wide] };

  const { header, problems: headerProblems } = readHeader(ds, table);
  problems.push(...headerProblems);
  if (failed()) return { rows: [], problems };
  // A whole file of another kabupaten/kota: one sentence, not one line per row.
  const foreign = foreignRegion(file, table, header, ctx);
  if (foreign) return { rows: [], header, problems: [...problems, foreign] };
  const { format, problems: formatProblems, skip } = detectNumberFormat(file, table, header, ctx.numberFormat);
  problems.push(...formatProblems);

  const rows: Loaded<S>[] = [];
  const duplicate = uniqueKeys(ds);
  for (const { line, cells, typed: numbers } of table.rows) {
    // A file that is wrong everywhere (wrong file, wrong delimiter, 50 MB of junk) stops early, with a note.
    if (problems.length >= MAX_PROBLEMS_PER_FILE) {
      problems.push({
        level: 'error',
        kind: 'too_many_problems',
        file,
        line,
        expected: t(
          `perbaiki dulu ${MAX_PROBLEMS_PER_FILE} masalah di atas; pemeriksaan berkas ini dihentikan di baris ${line} dari ${table.rows.at(-1)!.line}`,
          `fix the ${MAX_PROBLEMS_PER_FILE} problems above first; checking this file stopped at line ${line} of ${table.rows.at(-1)!.line}`,
        ),
      });
      return { rows: [], header, problems };
    }
    if (cells.length !== table.header.length) {
      problems.push({
        level: 'error',
        kind: 'row_length',
        file,
        line,
        value: cells.join(table.delimiter),
        expected: t(
          `${table.header.length} sel dipisah "${table.delimiter}" seperti baris judul, ditemukan ${cells.length}`,
          `${table.header.length} cells separated by "${table.delimiter}" like the header, found ${cells.length}`,
        ),
      });
      continue;
    }
    if (skip?.has(line)) continue; // a cell in the minority's number format, reported above
    const total = totalRow(file, line, cells);
    if (total) {
      problems.push(total);
      continue;
    }
    const r: RowInput = { file, line, cells, header, table, ...(numbers ? { typed: numbers } : {}) };
    // Each step runs only on a row the previous ones accepted; a row with an error is left out.
    const typed = typeCells(r, format);
    problems.push(...typed.problems);
    if (typed.problems.length) continue;
    const { row, problems: schemaProblems } = parseRow(ds, r, typed.values);
    problems.push(...schemaProblems);
    if (!row) continue;
    const refProblems = resolveReferences(ds as Dataset, r, row as Record<string, unknown>, ctx);
    problems.push(...refProblems);
    if (refProblems.length) continue;
    const ruleProblems = checkRowRules(ds as Dataset, r, row as Record<string, unknown>);
    problems.push(...ruleProblems);
    if (ruleProblems.some((p) => p.level === 'error')) continue;
    const dup = duplicate(line, row as Record<string, unknown>);
    if (dup) {
      problems.push(dup);
      continue;
    }
    rows.push({ ...row, _line: line });
  }
  problems.push(...checkDesaSums(ds as Dataset, rows as never, header));
  return { rows, header, problems };
}

/**
 * A file whose area codes mostly belong to one other kabupaten/kota (a
 * workbook of the office next door, a download of another portal): said once,
 * with whose data it is, instead of once per row.
 */
function foreignRegion(file: string, table: CsvTable, header: Header, ctx: LoadContext): Problem | undefined {
  const col = header.at.findIndex((name, i) => name !== null && header.meta(i)?.kind === 'area');
  if (col < 0 || table.rows.length < 3) return undefined;
  const counts = new Map<string, { n: number; first: number; last: number }>();
  for (const r of table.rows) {
    const code = canonicalAreaCode(r.cells[col] ?? '');
    if (!levelOf(code) || code === ctx.kabupaten || code.startsWith(`${ctx.kabupaten}.`)) continue;
    const other = code.slice(0, 5);
    const c = counts.get(other) ?? { n: 0, first: r.line, last: r.line };
    counts.set(other, { n: c.n + 1, first: c.first, last: r.line });
  }
  const [other, c] = [...counts].sort((a, b) => b[1].n - a[1].n)[0] ?? [];
  if (!other || !c || c.n < 3 || c.n < table.rows.length / 2) return undefined;
  const name = ctx.regencies?.get(other) ?? `kode ${other}`;
  return {
    level: 'error',
    kind: 'foreign_region',
    file,
    line: c.first,
    column: col + 1,
    field: header.at[col]!,
    value: other,
    expected: t(
      `data ${ctx.kabupatenName} (kode ${ctx.kabupaten}.…): ${c.n} dari ${table.rows.length} baris (baris ${c.first}–${c.last}) memakai kode ${name} (${other}). Periksa apakah berkas yang diunggah benar, atau kode_kabupaten di portal.json`,
      `data of ${ctx.kabupatenName} (codes ${ctx.kabupaten}.…): ${c.n} of ${table.rows.length} rows (lines ${c.first}–${c.last}) use the codes of ${name} (${other}). Check that the right file was uploaded, or kode_kabupaten in portal.json`,
    ),
  };
}
