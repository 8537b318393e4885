/**
 * Every download also as a workbook: a sheet with the table (numbers typed
 * as numbers, hidden cells empty with the reason in a note column) and a
 * sheet "Tentang" with source, licence, release and the legend; and one
 * workbook of every table at `data/terang-<rilis>.xlsx`. Made from the same
 * published tables as the CSV files, so the two never disagree.
 */
import type { PortalConfig } from '../load/schema/portal.ts';
import type { OutputFile } from './downloads.ts';
import type { PublishedTable } from './releases.ts';
import { type ExcelJS, FROZEN_HEADER, newWorkbook, streamingWorkbook, styleHeader, workbookBytes } from './xlsx.ts';

export interface WorkbookMeta {
  config: PortalConfig;
  /** "Kabupaten Bantul" */
  area: string;
  sample: boolean;
}

const NOTE = 'keterangan_sel';

/** Why cells of a row are empty, in words: hidden for privacy, or not released by the source. */
function rowNote(t: PublishedTable, r: PublishedTable['rows'][number]): string {
  const hidden = new Set(
    String(r.kerahasiaan ?? '')
      .split(';')
      .filter(Boolean),
  );
  const parts: string[] = [];
  if (hidden.size) parts.push(`disembunyikan untuk kerahasiaan: ${[...hidden].join(', ')}`);
  const absent = t.fields.filter((f) => f.name !== 'kerahasiaan' && r[f.name] === null && !hidden.has(f.name)).map((f) => f.name);
  if (absent.length) parts.push(`tidak dirilis oleh sumber: ${absent.join(', ')}`);
  return parts.join('; ');
}

/** Excel's last row (1,048,576) less the header: a longer table is split into one sheet per year. */
export const SHEET_ROWS = 1_048_575;

/** A table's sheets: one, or one per year when it has more rows than a sheet holds. */
function sheetsOf(t: PublishedTable, limit: number): [string, PublishedTable['rows']][] {
  if (t.rows.length <= limit || !t.fields.some((f) => f.name === 'tahun')) return [[t.name.slice(0, 31), t.rows]];
  const byYear = new Map<string, PublishedTable['rows']>();
  for (const r of t.rows) {
    const y = String(r.tahun);
    if (!byYear.has(y)) byYear.set(y, []);
    byYear.get(y)!.push(r);
  }
  return [...byYear].map(([y, rows]) => [`${t.name.slice(0, 26)} ${y}`, rows]);
}

function addTable(wb: ExcelJS.stream.xlsx.WorkbookWriter, t: PublishedTable, limit: number): void {
  const fields = t.fields.map((f) => f.name);
  const hasFlags = fields.includes('kerahasiaan');
  const columns = [...fields, ...(hasFlags ? [NOTE] : [])];
  for (const [name, rows] of sheetsOf(t, limit)) {
    const ws = wb.addWorksheet(name, { views: FROZEN_HEADER });
    ws.columns = columns.map((c) => ({ header: c, key: c, width: Math.max(10, Math.min(36, c.length + 3)) }));
    t.fields.forEach((f, i) => {
      if (f.type === 'number') ws.getColumn(i + 1).numFmt = '#,##0.00';
      else if (f.type === 'integer') ws.getColumn(i + 1).numFmt = '#,##0';
    });
    styleHeader(ws, columns.length, true);
    ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
    for (const r of rows) {
      const row = fields.map((f) => r[f] ?? null);
      ws.addRow(hasFlags ? [...row, rowNote(t, r) || null] : row).commit();
    }
    ws.commit();
  }
}

function addAbout(wb: ExcelJS.stream.xlsx.WorkbookWriter, m: WorkbookMeta, tables: PublishedTable[]): void {
  const ws = wb.addWorksheet('Tentang');
  ws.getColumn(1).width = 26;
  ws.getColumn(2).width = 100;
  const c = m.config;
  const rows: [string, string][] = [
    ['Judul', `Data kesejahteraan sosial ${m.area}${m.sample ? ' — DATA CONTOH, bukan data resmi' : ''}`],
    ['Penerbit', c.instansi.nama],
    ['Rilis', `${c.rilis.label} (${c.rilis.tanggal})`],
    ['Sumber', c.sumber.map((s) => s.nama + (s.url ? ` (${s.url})` : '')).join('; ')],
    ['Lisensi', `${c.lisensi.nama} (${c.lisensi.id}) — ${c.lisensi.url}`],
    ['Tabel', tables.map((t) => `${t.name}: ${t.title}`).join('; ')],
    [
      'Sel kosong',
      `Sel kosong berarti disembunyikan untuk kerahasiaan (kolom "kerahasiaan" dan "${NOTE}" menyebut kolomnya) atau tidak dirilis oleh sumber.`,
    ],
    [
      'Kerahasiaan',
      `Angka 1 sampai ${c.ambang_k - 1} tentang orang atau keluarga di satu desa/kecamatan tidak diterbitkan, begitu pula angka yang dapat dipakai menghitungnya kembali.`,
    ],
    ['Angka', 'Angka tersimpan sebagai angka (bukan teks): dapat langsung dijumlahkan dan dibuat grafik.'],
  ];
  for (const [k, v] of rows) {
    const row = ws.addRow([k, v]);
    row.getCell(1).font = { bold: true };
    row.getCell(2).alignment = { wrapText: true, vertical: 'top' };
  }
}

async function book(m: WorkbookMeta, tables: PublishedTable[], limit: number): Promise<Uint8Array> {
  const { wb, bytes } = streamingWorkbook(m.config.rilis.tanggal);
  for (const t of tables) addTable(wb, t, limit);
  addAbout(wb, m, tables);
  return bytes();
}

/** `data/<table>.xlsx` for every published table, and `data/terang-<rilis>.xlsx` with all of them. */
export async function buildWorkbooks(tables: PublishedTable[], m: WorkbookMeta, sheetRows = SHEET_ROWS): Promise<OutputFile[]> {
  const out: OutputFile[] = [];
  for (const t of tables) out.push({ path: `data/${t.name}.xlsx`, content: await book(m, [t], sheetRows) });
  out.push({ path: `data/${allTablesWorkbook(m.config.rilis.label)}`, content: await book(m, tables, sheetRows) });
  return out;
}

export const allTablesWorkbook = (label: string): string => `terang-${label}.xlsx`;
export const TEMPLATE_FILE = 'templat.xlsx';
/** The sample data as a filled-in template (sample portals only): what a finished workbook looks like. */
export const SAMPLE_WORKBOOK = 'contoh-data.xlsx';

/**
 * One chart's numbers as a workbook (`/embed/<id>/data.xlsx`): the same table
 * as its CSV with numbers typed, and a sheet "Tentang" with the title, unit,
 * source, licence, release — and the sample warning on both sheets.
 */
export async function chartWorkbook(
  table: { header: string[]; rows: (string | number | null)[][] },
  about: { title: string; unit: string; source: string; config: PortalConfig; sample: string | undefined },
): Promise<Uint8Array> {
  const c = about.config;
  const wb = newWorkbook(c.rilis.tanggal);
  const ws = wb.addWorksheet('data');
  ws.columns = table.header.map((h) => ({ header: h, width: Math.max(10, Math.min(40, h.length + 3)) }));
  styleHeader(ws, table.header.length);
  for (const r of table.rows) ws.addRow(r);
  const info = wb.addWorksheet('Tentang');
  info.getColumn(1).width = 16;
  info.getColumn(2).width = 100;
  const rows: [string, string][] = [
    ['Judul', about.title],
    ...(about.sample ? ([['Peringatan', about.sample]] as [string, string][]) : []),
    ['Satuan', about.unit],
    ['Sumber', about.source],
    ['Penerbit', c.instansi.nama],
    ['Rilis', `${c.rilis.label} (${c.rilis.tanggal})`],
    ['Lisensi', `${c.lisensi.nama} (${c.lisensi.id}) — ${c.lisensi.url}`],
  ];
  for (const [k, v] of rows) {
    const row = info.addRow([k, v]);
    row.getCell(1).font = { bold: true };
    row.getCell(2).alignment = { wrapText: true, vertical: 'top' };
  }
  return workbookBytes(wb, c.rilis.tanggal);
}
