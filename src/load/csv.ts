/**
 * Reading the CSV files operators save from Excel: UTF-8 with or without BOM
 * (or Excel's "CSV" in Windows-1252), CRLF or LF, `;` `,` or tab as the
 * delimiter, quoted fields, trailing empty lines. Parsing is PapaParse's; this
 * module adds the physical line number of every row and recognises files that
 * are not CSV at all (an .xlsx renamed, binary junk).
 */
import Papa from 'papaparse';
import { t, type Problem } from './problems.ts';

export interface CsvRow {
  /** 1-based physical line where the row starts (for a worksheet: the Excel row number). */
  line: number;
  cells: string[];
  /** Values a workbook already typed (a number cell is a number whatever its display format); absent for CSV. */
  typed?: (number | undefined)[];
}
export interface CsvTable {
  header: string[];
  rows: CsvRow[];
  delimiter: string;
  /** Number format for text cells when nothing in the table tells (a worksheet: Indonesian). */
  defaultFormat?: 'id' | 'en';
  /** The header's line in the file (1 unless a blank line comes first). */
  headerLine?: number;
}

const notCsv = (file: string, why: string, whyEn: string): Problem => ({
  level: 'error',
  kind: 'not_csv',
  file,
  expected: t(`teks CSV (${why})`, `CSV text (${whyEn})`),
});

/** Decode bytes to text, or say why they are not a text file. */
export function decodeText(bytes: Uint8Array, file: string): { text?: string; problems: Problem[] } {
  if (bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04)
    return {
      problems: [
        notCsv(
          file,
          'ini berkas Excel .xlsx/ZIP; buka di Excel lalu "Simpan Sebagai" CSV',
          'this is an Excel .xlsx/ZIP file; open it in Excel and "Save As" CSV',
        ),
      ],
    };
  if (bytes.length >= 8 && bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0)
    return {
      problems: [notCsv(file, 'ini berkas Excel .xls lama; simpan sebagai CSV', 'this is a legacy Excel .xls file; save it as CSV')],
    };
  // Excel's "Unicode Text" (and Notepad's "Unicode") save UTF-16 with a byte-order mark.
  const utf16 = utf16Endian(bytes);
  if (utf16) return { text: new TextDecoder(utf16, { ignoreBOM: false }).decode(bytes), problems: [] };
  const sample = bytes.subarray(0, 65536);
  let control = 0;
  for (const b of sample) if (b === 0 || b < 9 || (b > 13 && b < 32 && b !== 27)) control++;
  if (control > 0 && control / Math.max(sample.length, 1) > 0.001)
    return { problems: [notCsv(file, 'berkas berisi data biner', 'the file holds binary data')] };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes), problems: [] };
  } catch {
    // Excel's plain "CSV (Comma delimited)" writes the Windows code page.
    const text = new TextDecoder('windows-1252').decode(bytes);
    return {
      text,
      problems: [
        {
          level: 'warning',
          kind: 'encoding',
          file,
          expected: t(
            'UTF-8; berkas dibaca sebagai Windows-1252 — pilih "CSV UTF-8" saat menyimpan dari Excel',
            'UTF-8; the file was read as Windows-1252 — choose "CSV UTF-8" when saving from Excel',
          ),
        },
      ],
    };
  }
}

/** UTF-16 by its byte-order mark, or by the zero byte beside every ASCII character when the mark is missing. */
function utf16Endian(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  const n = Math.min(bytes.length - (bytes.length % 2), 4096);
  if (n < 8) return null;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZero++;
    if (bytes[i + 1] === 0) oddZero++;
  }
  const pairs = n / 2;
  if (oddZero > pairs * 0.9 && evenZero === 0) return 'utf-16le';
  if (evenZero > pairs * 0.9 && oddZero === 0) return 'utf-16be';
  return null;
}

const emptyFile = (file: string): Problem => ({
  level: 'error',
  kind: 'empty_file',
  file,
  expected: t('baris judul kolom lalu minimal satu baris data', 'a header row and at least one data row'),
});

/** Parse CSV text into a header and rows that know their line numbers. */
export function parseCsv(text: string, file: string): { table?: CsvTable; problems: Problem[] } {
  // Old Mac line endings (CR alone, "CSV (Macintosh)") become LF, so every row knows its line.
  const bom = text.replace(/^\uFEFF/, '');
  const body = bom.includes('\r') && !bom.includes('\n') ? bom.replaceAll('\r', '\n') : bom;
  if (body.trim() === '') return { problems: [emptyFile(file)] };

  // Start offset of every line, to turn PapaParse's cursor into a line number.
  const lineStarts = [0];
  for (let i = 0; i < body.length; i++) if (body.charCodeAt(i) === 10) lineStarts.push(i + 1);
  const lineAt = (offset: number): number => {
    let lo = 0,
      hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };

  const records: CsvRow[] = [];
  let start = 0;
  const delimiter = guessDelimiter(body);
  const problems: Problem[] = [];
  Papa.parse<string[]>(body, {
    delimiter,
    skipEmptyLines: false,
    step: (res) => {
      const cells = res.data;
      // Skip whitespace between the previous row's end and this row's start.
      while (start < body.length && (body[start] === '\n' || body[start] === '\r')) start++;
      const line = lineAt(start);
      start = res.meta.cursor;
      for (const e of res.errors) {
        if (e.code === 'UndetectableDelimiter') continue;
        problems.push({
          level: 'error',
          kind: 'not_csv',
          file,
          line,
          expected: t(`CSV yang sah (${e.message})`, `valid CSV (${e.message})`),
        });
      }
      if (cells.length === 1 && cells[0]!.trim() === '') return; // empty line
      if (cells.every((c) => c.trim() === '')) return; // a row of only delimiters (Excel leaves these)
      records.push({ line, cells });
    },
  });
  if (records.length === 0) return { problems: [emptyFile(file)] };
  if (records.length === 1)
    return {
      problems: [
        {
          level: 'error',
          kind: 'empty_file',
          file,
          line: records[0]!.line + 1,
          expected: t('minimal satu baris data di bawah baris judul kolom', 'at least one data row below the header'),
        },
      ],
    };
  const [head, ...rows] = records;
  return { table: { header: head!.cells.map((h) => h.trim()), rows, delimiter, headerLine: head!.line }, problems };
}

/**
 * The delimiter is whichever of `;` `,` tab occurs most in the header line
 * (outside quotes): headers hold no numbers, so a decimal comma cannot fool it.
 * A title line above the header ("Data PMKS Kabupaten Lebong 2024") has no
 * delimiter at all: then the next line that has one decides.
 */
export function guessDelimiter(text: string): string {
  const lines = text
    .split(/\r?\n/)
    .filter((l) => l.trim() !== '')
    .slice(0, 6);
  for (const line of lines) {
    const unquoted = line.replace(/"[^"]*"/g, '');
    const count = (d: string) => unquoted.split(d).length - 1;
    const best = [';', ',', '\t'].reduce((b, d) => (count(d) > count(b) ? d : b), ',');
    if (count(best) > 0) return best;
  }
  return ',';
}

/** Header names are matched forgivingly: case, spaces and dashes do not matter. */
export const normaliseHeader = (h: string): string =>
  h
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');

/** Serialise rows to RFC 4180 CSV (comma, CRLF, quotes where needed) for downloads. */
/**
 * Text that a spreadsheet would run as a formula (OWASP, CSV injection:
 * cells starting with =, +, -, @, tab or carriage return) gets a leading
 * apostrophe, which spreadsheets show as text. Numbers stay numbers: a
 * negative number is a number, not text, and is written as it is.
 */
export const neutraliseFormula = (v: unknown): unknown => (typeof v === 'string' && /^[=+\-@\t\r]/.test(v) ? `'${v}` : v);

export function toCsv<R = Record<string, unknown>>(
  columns: readonly string[],
  rows: readonly R[],
  /** A row's cells in column order (default: its values by column name, empty where absent). */
  cells: (row: R) => unknown[] = (r) => columns.map((c) => (r as Record<string, unknown>)[c] ?? ''),
): string {
  const header = Papa.unparse({ fields: [...columns], data: [] }, { newline: '\r\n' }); // with its line end
  if (rows.length === 0) return `${header}\r\n`;
  // In chunks of rows: a province's PMKS table has 1.1 M rows, and their cell arrays all at once weigh ~0.3 GB.
  let text = header;
  for (let start = 0; start < rows.length; start += CSV_CHUNK) {
    const data = rows.slice(start, start + CSV_CHUNK).map((r) => {
      const out = cells(r);
      for (let i = 0; i < out.length; i++) out[i] = neutraliseFormula(out[i]);
      return out;
    });
    text += `${Papa.unparse(data, { newline: '\r\n' })}\r\n`;
  }
  return text;
}
const CSV_CHUNK = 20_000;
