/**
 * Writing workbooks (ExcelJS) with the same bytes for the same data: the
 * workbook's own dates are the release date, and the ZIP entries (JSZip,
 * which ExcelJS writes with) are re-stamped with it, so a rebuild does not
 * change a published file or its cache.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';

export { ExcelJS };

/** The media type of an .xlsx workbook. */
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function newWorkbook(date: string): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const d = new Date(`${date}T00:00:00Z`);
  wb.creator = 'Terang';
  wb.lastModifiedBy = 'Terang';
  wb.created = d;
  wb.modified = d;
  return wb;
}

export async function workbookBytes(wb: ExcelJS.Workbook, date: string): Promise<Uint8Array> {
  const raw = await wb.xlsx.writeBuffer();
  const zip = await JSZip.loadAsync(raw as ArrayBuffer);
  const d = new Date(`${date}T00:00:00Z`);
  for (const f of Object.values(zip.files)) f.date = d;
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 6 } });
}

/** A header row in bold on a light fill, frozen, with a filter: how an office expects a table to look. */
export function styleHeader(ws: ExcelJS.Worksheet, columns: number): void {
  const row = ws.getRow(1);
  row.font = { bold: true };
  for (let c = 1; c <= columns; c++) row.getCell(c).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF4' } };
  ws.views = [{ state: 'frozen', ySplit: 1 }];
}
