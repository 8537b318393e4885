/**
 * Problems are values, not exceptions (cf. Evidence's validators): every
 * stage returns the problems it found so the operator can fix all of them in
 * one pass. Messages are bilingual; the CLI picks one by LANG.
 */

import { t, type Lang, type Text } from '../shared/lang.ts';

export { t, type Lang, type Text };

export type ProblemKind =
  | 'missing_file'
  | 'empty_file'
  | 'empty_sheet'
  | 'not_csv'
  | 'encoding'
  | 'missing_column'
  | 'unknown_column'
  | 'row_length'
  | 'wrong_type'
  | 'mixed_number_format'
  | 'negative'
  | 'invalid_value'
  | 'future_year'
  | 'realisasi_without_pagu'
  | 'realisasi_over_pagu'
  | 'capaian_over_target'
  | 'unknown_area'
  | 'foreign_region'
  | 'wrong_area_level'
  | 'duplicate_key'
  | 'status_conflict'
  | 'unknown_category'
  | 'unknown_program'
  | 'sum_mismatch'
  | 'invalid_config'
  | 'invalid_program'
  | 'identifier'
  | 'release_changed'
  | 'release_incomplete'
  | 'kdf_mismatch'
  | 'lookup_without_decoys'
  | 'lookup_edited'
  | 'implausible'
  | 'jump'
  | 'area_name_mismatch'
  | 'too_many_problems'
  | 'total_row'
  | 'title_row'
  | 'wide_table'
  | 'duplicate_dataset'
  | 'unknown_sheet'
  | 'date_cell'
  | 'percent_cell'
  | 'sample_content'
  | 'dapil_conflict'
  | 'dapil_gap';

export interface Problem {
  level: 'error' | 'warning';
  kind: ProblemKind;
  /** Path relative to the data folder, e.g. `pmks.csv` or `data.xlsx`. */
  file: string;
  /** The worksheet, when the file is a workbook: `line` is then the Excel row and `column` the Excel column. */
  sheet?: string;
  /** 1-based physical line in the file (header = line 1). */
  line?: number;
  /** 1-based column position and its header name. */
  column?: number;
  field?: string;
  /** The value found, verbatim. */
  value?: string;
  /** What was expected, in both languages. */
  expected: Text;
}

const KIND_TITLE: Record<ProblemKind, Text> = {
  missing_file: t('berkas tidak ada', 'file missing'),
  empty_file: t('berkas kosong', 'empty file'),
  empty_sheet: t('lembar kosong', 'empty worksheet'),
  not_csv: t('bukan berkas CSV', 'not a CSV file'),
  encoding: t('pengodean teks', 'text encoding'),
  missing_column: t('kolom tidak ada', 'missing column'),
  unknown_column: t('kolom tidak dikenal', 'unknown column'),
  row_length: t('jumlah sel tidak sesuai', 'wrong number of cells'),
  wrong_type: t('jenis nilai salah', 'wrong type'),
  mixed_number_format: t('format angka campuran', 'mixed number formats'),
  negative: t('angka negatif', 'negative number'),
  invalid_value: t('nilai tidak sah', 'invalid value'),
  future_year: t('tahun di masa depan', 'year in the future'),
  realisasi_without_pagu: t('realisasi tanpa pagu', 'spending without allocation'),
  realisasi_over_pagu: t('realisasi melebihi pagu', 'spending above allocation'),
  capaian_over_target: t('capaian melebihi target', 'output above target'),
  unknown_area: t('kode wilayah tidak dikenal', 'unknown area code'),
  foreign_region: t('data kabupaten/kota lain', 'data of another kabupaten/kota'),
  wrong_area_level: t('tingkat wilayah salah', 'wrong area level'),
  duplicate_key: t('baris ganda', 'duplicate row'),
  status_conflict: t('dua status yang bertentangan', 'two conflicting statuses'),
  unknown_category: t('kategori tidak dikenal', 'unknown category'),
  unknown_program: t('program tidak dikenal', 'unknown program'),
  sum_mismatch: t('jumlah desa tidak sama dengan total kecamatan', 'desa values do not add up to the kecamatan total'),
  invalid_config: t('konfigurasi tidak sah', 'invalid configuration'),
  invalid_program: t('deskripsi program tidak sah', 'invalid program description'),
  too_many_problems: t('terlalu banyak masalah', 'too many problems'),
  release_changed: t('rilis yang sudah terbit berubah', 'a published release changed'),
  release_incomplete: t('arsip rilis tidak utuh', 'release archive incomplete'),
  kdf_mismatch: t('kunci dan garam tidak sepasang', 'keys and salt do not belong together'),
  lookup_without_decoys: t('daftar cek bansos tanpa entri palsu', 'lookup list without decoys'),
  lookup_edited: t('daftar cek bansos diubah setelah diolah', 'lookup list edited after it was processed'),
  implausible: t('angka tidak masuk akal', 'implausible figure'),
  jump: t('lonjakan angka', 'sudden jump'),
  area_name_mismatch: t('kode dan nama wilayah tidak cocok', 'area code and name do not match'),
  total_row: t('baris total', 'totals row'),
  title_row: t('baris judul dilewati', 'title row skipped'),
  wide_table: t('tabel melebar (satu kolom per kategori/tahun)', 'wide table (one column per category/year)'),
  duplicate_dataset: t('data yang sama diberikan dua kali', 'the same dataset given twice'),
  unknown_sheet: t('lembar kerja tidak dikenal', 'unknown worksheet'),
  date_cell: t('sel berisi tanggal', 'a date cell'),
  percent_cell: t('sel berformat persen', 'a cell formatted as percent'),
  sample_content: t('isi contoh di portal yang bukan data contoh', 'sample content in a portal that is not sample data'),
  dapil_conflict: t('susunan dapil bertentangan', 'conflicting dapil composition'),
  dapil_gap: t('kecamatan tanpa dapil', 'kecamatan in no dapil'),
  identifier: t('data pribadi (NIK/KK/nama) tidak boleh diterbitkan', 'personal identifiers (NIK/KK/name) must not be published'),
};

export const kindTitle = (kind: ProblemKind, lang: Lang): string => KIND_TITLE[kind][lang];

/** One line per problem: `GALAT pmks.csv baris 12, kolom 4 (jumlah): angka negatif — ditemukan "-5"; diharapkan …`. */
export function formatProblem(p: Problem, lang: Lang): string {
  const L =
    lang === 'en'
      ? {
          error: 'ERROR',
          warning: 'WARNING',
          line: 'line',
          column: 'column',
          cell: 'cell',
          row: 'row',
          found: 'found',
          expected: 'expected',
        }
      : {
          error: 'GALAT',
          warning: 'PERINGATAN',
          line: 'baris',
          column: 'kolom',
          cell: 'sel',
          row: 'baris',
          found: 'ditemukan',
          expected: 'diharapkan',
        };
  let where = p.file;
  if (p.sheet !== undefined) {
    // `pmks.xlsx › pmks, sel D17`: where an Excel user finds it.
    where += ` › ${p.sheet}`;
    if (p.line !== undefined) where += p.column !== undefined ? `, ${L.cell} ${columnLetter(p.column)}${p.line}` : `, ${L.row} ${p.line}`;
  } else {
    if (p.line !== undefined) where += ` ${L.line} ${p.line}`;
    if (p.column !== undefined) where += `, ${L.column} ${p.column}`;
  }
  if (p.field !== undefined) where += ` (${p.field})`;
  const found = p.value !== undefined ? ` — ${L.found} "${p.value.length > 60 ? `${p.value.slice(0, 57)}…` : p.value}"` : '';
  return `${L[p.level]} ${where}: ${kindTitle(p.kind, lang)}${found}; ${L.expected}: ${p.expected[lang]}`;
}

/** Excel's column name for a 1-based column number: 1 → A, 27 → AA. */
export function columnLetter(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

export const hasErrors = (problems: readonly Problem[]): boolean => problems.some((p) => p.level === 'error');

/** CLI language: English when LANG (or LC_ALL / LC_MESSAGES) starts with `en`, else Indonesian. */
export function cliLang(env: Record<string, string | undefined> = process.env): Lang {
  const v = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return v.toLowerCase().startsWith('en') ? 'en' : 'id';
}
