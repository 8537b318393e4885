/**
 * Identifier guards. The site must never publish a NIK, a Nomor KK or a
 * person's name. Before the build: any input file outside data/private/ with
 * a column that looks like an identifier, or any 16-digit number that parses
 * as a valid NIK, stops the build. After the build: every text file of the
 * site is scanned for 16-digit NIK/KK-shaped numbers.
 */
import path from 'node:path';
import { birthDateOfNik, maskId as mask } from '../shared/nik.ts';
import { decodeText, guessDelimiter, normaliseHeader } from '../load/csv.ts';
import { isWorkbookFile, readWorkbook } from '../load/workbook.ts';
import * as z from 'zod';
import { t, type Problem } from '../load/problems.ts';
import type { DataIO } from '../load/portal.ts';
import { columnsOf } from '../load/schema/columns.ts';
import { DATASETS } from '../load/datasets/index.ts';
import { folderCode } from '../load/province.ts';

const ID_COLUMNS = /^(nik|nik_\w+|no_?kk|nomor_?kk|kk|no_?ktp|nomor_?ktp|nama|nama_\w+|name|full_?name|nama_lengkap|alamat_rumah)$/;
/** A run of exactly 16 digits, not part of a longer number or word (keys are hex, so they never match). */
const SIXTEEN = /(?<![0-9A-Za-z])\d{16}(?![0-9A-Za-z])/g;

const ID_COLUMN_EXPECTED = t(
  'tidak ada kolom NIK, Nomor KK atau nama di luar data/private/ (hapus kolom ini; daftar penerima diolah dengan npm run hash)',
  'no NIK, family card or name column outside data/private/ (remove this column; recipient lists go through npm run hash)',
);
const NIK_EXPECTED = t('tidak ada NIK atau Nomor KK di data yang diterbitkan', 'no NIK or family card number in published data');

/** Operator names of columns that hold identifiers are refused everywhere outside data/private/. */
export function identifierColumn(header: string): boolean {
  return ID_COLUMNS.test(normaliseHeader(header)) && !['nama_wilayah', 'nama_kategori', 'nama_program'].includes(normaliseHeader(header));
}

/** A 16-digit number that could be a NIK: a plausible birth date and a non-zero serial. */
export const looksLikeNik = (s: string): boolean => s.length === 16 && birthDateOfNik(s) !== null && s.slice(12) !== '0000';

/** Every 16-digit NIK-shaped number in a text, with its line and column. */
export function findNikLike(text: string): { line: number; column: number; value: string }[] {
  const out: { line: number; column: number; value: string }[] = [];
  // Lines counted up to each match, not split (a province's pmks.json has 20 M lines: split, 2.7 GB).
  let line = 1;
  let lineStart = 0;
  let counted = 0;
  for (const m of text.matchAll(SIXTEEN)) {
    for (let nl = text.indexOf('\n', counted); nl !== -1 && nl < m.index; nl = text.indexOf('\n', nl + 1)) {
      line++;
      lineStart = nl + 1;
    }
    counted = m.index;
    if (looksLikeNik(m[0])) out.push({ line, column: m.index - lineStart + 1, value: m[0] });
  }
  return out;
}

/** Every text file of a data folder with its bytes, recursively, except data/private/ and the boundary files. */
async function inputFiles(io: DataIO, rel = '.'): Promise<[string, Uint8Array][]> {
  const out: [string, Uint8Array][] = [];
  for (const name of await io.list(rel)) {
    const p = rel === '.' ? name : `${rel}/${name}`;
    if (name === 'private' || p === 'geo' || name.startsWith('.')) continue;
    const bytes = await io.read(p);
    if (bytes === null)
      out.push(...(await inputFiles(io, p))); // a folder
    else if (/\.(csv|md|json|txt|xlsx)$/i.test(name) && !name.startsWith('~$')) out.push([p, bytes]);
  }
  return out;
}

/** Scan the input folder (never data/private/) before anything is built. */
export async function checkInputs(io: DataIO): Promise<Problem[]> {
  const problems: Problem[] = [];
  for (const [rel, bytes] of (await inputFiles(io)).sort(([a], [b]) => a.localeCompare(b))) {
    if (isWorkbookFile(rel)) {
      problems.push(...(await checkWorkbook(rel, bytes)));
      continue;
    }
    // As the loader reads it (UTF-16 too): a NIK between zero bytes is still a NIK.
    const text = decodeText(bytes, rel).text ?? '';
    // Archived releases are Terang's own published files (their name columns are area and program names).
    // A kabupaten/kota's folder in a province's data folder holds the same files (34.01-kulon-progo/puskesos.csv).
    const [top, ...below] = rel.split('/');
    const own = below.length && folderCode(top!) ? below.join('/') : rel;
    if (rel.endsWith('.csv') && !own.startsWith('rilis/')) {
      const header = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
      const declared = new Set(columnsOf(DATASETS.find((d) => d.file === own)?.schema ?? z.object({})).map((c) => c.name));
      header.split(/[;,\t]/).forEach((h, i) => {
        const name = h.replace(/"/g, '');
        // A column a schema declares (e.g. the Puskesos office's "nama") is not a personal identifier.
        if (!declared.has(normaliseHeader(name)) && identifierColumn(name))
          problems.push({
            level: 'error',
            kind: 'identifier',
            file: rel,
            line: 1,
            column: i + 1,
            field: h,
            value: h,
            expected: ID_COLUMN_EXPECTED,
          });
      });
    }
    // In a CSV the column is the field's position; elsewhere the character position.
    const delimiter = rel.endsWith('.csv') ? guessDelimiter(text) : '';
    const lines = text.split('\n');
    for (const hit of findNikLike(text)) {
      const column = delimiter ? lines[hit.line - 1]!.slice(0, hit.column - 1).split(delimiter).length : hit.column;
      problems.push({
        level: 'error',
        kind: 'identifier',
        file: rel,
        line: hit.line,
        column,
        value: mask(hit.value),
        expected: NIK_EXPECTED,
      });
    }
  }
  return problems;
}

/** Columns a dataset's schema declares (e.g. the Puskesos office's "nama"): not personal identifiers there. */
const declaredIn = (name: string) =>
  new Set(columnsOf(DATASETS.find((d) => d.name === name.trim().toLowerCase())?.schema ?? z.object({})).map((c) => c.name));

/** A workbook's sheets: identifier column names in their first rows, NIK-shaped numbers anywhere (a NIK typed as a number too). */
async function checkWorkbook(rel: string, bytes: Uint8Array): Promise<Problem[]> {
  const problems: Problem[] = [];
  const { sheets } = await readWorkbook(bytes, rel);
  for (const sheet of sheets) {
    const bySheet = declaredIn(sheet.name);
    const declared = bySheet.size ? bySheet : declaredIn(path.basename(rel).replace(/\.xlsx$/i, ''));
    const rows = [...sheet.rows.entries()].sort(([a], [b]) => a - b);
    for (const [ri, [n, cells]] of rows.entries()) {
      cells.forEach((c, i) => {
        const text = c.number !== undefined && Number.isInteger(c.number) ? c.number.toFixed(0) : c.text;
        const at = { file: rel, sheet: sheet.name, line: n, column: i + 1 };
        // Column names sit in a sheet's first filled rows (a title row may come first).
        if (ri < 5 && !declared.has(normaliseHeader(text)) && identifierColumn(text))
          problems.push({
            level: 'error',
            kind: 'identifier',
            ...at,
            value: text,
            expected: ID_COLUMN_EXPECTED,
          });
        for (const hit of findNikLike(text))
          problems.push({
            level: 'error',
            kind: 'identifier',
            ...at,
            value: mask(hit.value),
            expected: NIK_EXPECTED,
          });
      });
    }
  }
  return problems;
}

/** Read access to a built site, on disk or in memory. */
export interface SiteFiles {
  listFiles(): Promise<string[]>;
  readFile(rel: string): Promise<string>;
}

/** Scan the built site: any 16-digit NIK-shaped number in a text file is an error with file and line. */
export async function checkPublished(site: SiteFiles): Promise<Problem[]> {
  const problems: Problem[] = [];
  const files = (await site.listFiles()).filter((f) => /\.(html|css|js|mjs|json|csv|txt|xml|svg|md|conf)$/i.test(f) || f === '_headers');
  for (const f of files.sort()) {
    for (const hit of findNikLike(await site.readFile(f)))
      problems.push({
        level: 'error',
        kind: 'identifier',
        file: `dist/${f}`,
        line: hit.line,
        column: hit.column,
        value: mask(hit.value),
        expected: t('tidak ada NIK atau Nomor KK di situs yang diterbitkan', 'no NIK or family card number on the published site'),
      });
  }
  return problems;
}
