/**
 * The workbook an office fills in: a sheet per dataset with its headers, a
 * note on every header from the schema's own documentation, drop-downs for
 * codes, categories, programs, desil and closed lists, a sheet of every
 * kecamatan and desa with its code, and instructions. Filled in and put in
 * the data folder (any name, e.g. data.xlsx), it builds the portal as it
 * is: the loader reads its sheets by their names and skips its helper sheets.
 * With `rows`, the same workbook holds data (the sample ships this way).
 */
import { PMKS_CATEGORIES, PSKS_CATEGORIES } from '../domain/categories.ts';
import type { RegionTree } from '../domain/regions.ts';
import { DATASETS } from '../load/datasets/index.ts';
import { columnsOf, regionExamples } from '../load/schema/columns.ts';
import { type ExcelJS, newWorkbook, styleHeader, workbookBytes } from './xlsx.ts';

export interface TemplateOptions {
  tree: RegionTree;
  programs: readonly { slug: string; nama: string }[];
  /** Workbook date (the release date): the same inputs give the same bytes. */
  date: string;
  /** Rows to fill in, by dataset name, with values as the schema reads them. */
  rows?: Partial<Record<string, readonly Record<string, unknown>[]>>;
  /** Where the numbers come from (portal.json `sumber`), written into each note. */
  sources?: readonly string[];
}

/** Rows below the header that carry the drop-downs in an empty template. */
const BLANK_ROWS = 2000;
const SHEET_WILAYAH = 'Wilayah';
const SHEET_DAFTAR = 'Daftar';

export async function templateWorkbook(o: TemplateOptions): Promise<Uint8Array> {
  const wb = newWorkbook(o.date);
  const guide = wb.addWorksheet('Petunjuk');
  // Lists the drop-downs point at: codes of kecamatan and desa, categories, programs.
  const kec = o.tree.kecamatan;
  const desa = kec.flatMap((k) => k.desa.map((d) => ({ ...d, kecamatan: k.name })));
  const lists = { kec: kec.length, all: kec.length + desa.length };

  const sheets: ExcelJS.Worksheet[] = [];
  for (const ds of DATASETS) {
    const ws = wb.addWorksheet(ds.name);
    sheets.push(ws);
    const cols = columnsOf(ds.schema, regionExamples(o.tree));
    ws.columns = cols.map((c) => ({ header: c.name, key: c.name, width: Math.max(12, Math.min(40, c.name.length + 4)) }));
    styleHeader(ws, cols.length);
    const filled = o.rows?.[ds.name] ?? [];
    for (const r of filled) ws.addRow(cols.map((c) => r[c.name] ?? null));
    const last = Math.max(filled.length + 1, BLANK_ROWS + 1);
    cols.forEach((c, i) => {
      const m = c.meta;
      const cell = ws.getRow(1).getCell(i + 1);
      const lines = [
        `${m.title.id}${c.required ? '' : ' (boleh kosong)'}`,
        m.description.id,
        m.unit ? `Satuan: ${m.unit}.` : '',
        `Isian: ${m.expect.id}.`,
        m.example ? `Contoh: ${m.example}` : '',
        o.sources?.length ? `Sumber: ${o.sources.join('; ')}` : '',
      ].filter(Boolean);
      cell.note = lines.join('\n');
      const letter = ws.getColumn(i + 1).letter;
      const range = `${letter}2:${letter}${last}`;
      const dv = validationFor(c, lists, o.programs.length);
      if (dv) (ws as unknown as { dataValidations: { add(r: string, v: ExcelJS.DataValidation): void } }).dataValidations.add(range, dv);
      if (m.kind === 'area' || m.kind === 'pmks' || m.kind === 'psks' || m.kind === 'program') ws.getColumn(i + 1).numFmt = '@';
    });
    // The header row keeps its own format (text), not the column's.
    ws.getRow(1).numFmt = '@';
  }

  const wil = wb.addWorksheet(SHEET_WILAYAH);
  wil.columns = [
    { header: 'kode_wilayah', key: 'kode', width: 16 },
    { header: 'nama_wilayah', key: 'nama', width: 28 },
    { header: 'tingkat', key: 'tingkat', width: 12 },
    { header: 'kecamatan', key: 'kecamatan', width: 24 },
  ];
  styleHeader(wil, 4);
  for (const k of kec) wil.addRow({ kode: k.code, nama: k.name, tingkat: 'kecamatan', kecamatan: k.name });
  for (const d of desa) wil.addRow({ kode: d.code, nama: d.name, tingkat: 'desa', kecamatan: d.kecamatan });
  wil.getColumn(1).numFmt = '@';

  const daftar = wb.addWorksheet(SHEET_DAFTAR);
  daftar.columns = [
    { header: 'kategori_pmks', width: 14 },
    { header: 'uraian_pmks', width: 44 },
    { header: 'kategori_psks', width: 28 },
    { header: 'uraian_psks', width: 44 },
    { header: 'program', width: 16 },
    { header: 'nama_program', width: 40 },
  ];
  styleHeader(daftar, 6);
  const n = Math.max(PMKS_CATEGORIES.length, PSKS_CATEGORIES.length, o.programs.length);
  for (let i = 0; i < n; i++) {
    const p = PMKS_CATEGORIES[i];
    const s = PSKS_CATEGORIES[i];
    const g = o.programs[i];
    daftar.addRow([p?.code ?? null, p?.name ?? null, s?.code ?? null, s?.name ?? null, g?.slug ?? null, g?.nama ?? null]);
  }
  daftar.getColumn(1).numFmt = '@';

  writeGuide(guide, o);
  return workbookBytes(wb, o.date);
}

type Column = ReturnType<typeof columnsOf>[number];

function validationFor(c: Column, lists: { kec: number; all: number }, programs: number): ExcelJS.DataValidation | undefined {
  const m = c.meta;
  const base = {
    allowBlank: !c.required,
    showErrorMessage: true,
    errorStyle: 'stop' as const,
    errorTitle: m.title.id,
    error: `Isian: ${m.expect.id}`,
  };
  const list = (ref: string): ExcelJS.DataValidation => ({ ...base, type: 'list', formulae: [ref] });
  if (m.kind === 'area') {
    const end = m.levels?.includes('desa') ? lists.all : lists.kec;
    return list(`${SHEET_WILAYAH}!$A$2:$A$${end + 1}`);
  }
  if (m.kind === 'pmks') return list(`${SHEET_DAFTAR}!$A$2:$A$${PMKS_CATEGORIES.length + 1}`);
  if (m.kind === 'psks') return list(`${SHEET_DAFTAR}!$C$2:$C$${PSKS_CATEGORIES.length + 1}`);
  if (m.kind === 'program') return list(`${SHEET_DAFTAR}!$E$2:$E$${programs + 1}`);
  if (c.values) return list(`"${c.values.join(',')}"`);
  if (m.type === 'year') return { ...base, type: 'whole', operator: 'between', formulae: [2000, 2100] };
  if (c.name === 'desil') return { ...base, type: 'whole', operator: 'between', formulae: [1, 10] };
  if (m.kind === 'integer') return { ...base, type: 'whole', operator: 'greaterThanOrEqual', formulae: [0] };
  if (m.kind === 'number') return { ...base, type: 'decimal', operator: 'greaterThanOrEqual', formulae: [0] };
  return undefined;
}

function writeGuide(ws: ExcelJS.Worksheet, o: TemplateOptions): void {
  ws.getColumn(1).width = 110;
  const lines: [string, boolean?][] = [
    [`Templat data Terang — ${o.tree.name}`, true],
    [''],
    ['Cara mengisi', true],
    ['1. Setiap lembar kerja (tab di bawah) adalah satu jenis data. Nama lembar dan baris judul kolom jangan diubah.'],
    [
      '2. Isi satu baris per angka: tahun, kode wilayah, kategori/program, lalu angkanya. Jangan menambah baris JUMLAH/TOTAL: portal menjumlahkan sendiri.',
    ],
    [
      '3. Kode wilayah dipilih dari daftar (lembar "Wilayah": semua kecamatan dan desa beserta kodenya). Kategori PMKS/PSKS dan program dipilih dari lembar "Daftar".',
    ],
    ['4. Ketik angka sebagai angka (format sel Umum atau Angka), bukan tanggal. Persen ditulis 13,50 — bukan 0,135.'],
    ['5. Arahkan penunjuk ke judul kolom untuk membaca catatan: arti kolom, satuan dan isian yang sah.'],
    [
      '6. Lembar yang tidak dipakai boleh dibiarkan kosong. Wajib: kemiskinan, pmks, registri, cakupan, anggaran (lihat catatan tiap lembar).',
    ],
    [
      '7. Jangan mengisi NIK, Nomor KK atau nama warga di buku kerja ini. Daftar penerima bantuan diolah terpisah (npm run hash) di komputer kantor.',
    ],
    [''],
    ['Setelah diisi', true],
    [
      'Simpan sebagai Buku Kerja Excel (*.xlsx) di folder data (mis. data/data.xlsx) atau unggah ke repositori lewat antarmuka web. Build portal memeriksa setiap sel dan',
    ],
    [
      'menyebut lembar dan selnya bila ada yang salah (mis. "data.xlsx › pmks, sel D17"); situs yang sudah terbit tidak berubah sampai semua benar.',
    ],
    [''],
    ['Lembar data', true],
    ...DATASETS.map((d): [string] => [`${d.name}${d.required ? ' (wajib)' : ''}: ${d.title.id}. ${d.description.id}`]),
  ];
  for (const [text, bold] of lines) {
    const row = ws.addRow([text]);
    if (bold) row.font = { bold: true, size: 12 };
  }
}
