/**
 * Writing workbooks (ExcelJS) with the same bytes for the same data: the
 * workbook's own dates are the release date, and the ZIP entries (JSZip,
 * which ExcelJS writes with) are re-stamped with it, so a rebuild does not
 * change a published file or its cache.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { Writable } from 'node:stream';

export { ExcelJS };

/** The media type of an .xlsx workbook. */
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function newWorkbook(date: string): ExcelJS.Workbook {
  return stamped(new ExcelJS.Workbook(), date);
}

/** The workbook's own author and dates: Terang, and the release date. */
function stamped<W extends ExcelJS.Workbook>(wb: W, date: string): W {
  const d = new Date(`${date}T00:00:00Z`);
  wb.creator = 'Terang';
  wb.lastModifiedBy = 'Terang';
  wb.created = d;
  wb.modified = d;
  return wb;
}

export async function workbookBytes(wb: ExcelJS.Workbook, date: string): Promise<Uint8Array> {
  // Stored, not compressed: `restamp` compresses every entry once, as it re-dates it.
  return restamp(await wb.xlsx.writeBuffer({ zip: { compression: 'STORE' } }), date);
}

/**
 * A workbook written row by row (ExcelJS's streaming writer): a committed row
 * is XML text, not cell objects, so a province's table of a million rows fits
 * in memory. `bytes()` commits it and gives the file, stamped as above.
 */
export function streamingWorkbook(date: string): { wb: ExcelJS.stream.xlsx.WorkbookWriter; bytes: () => Promise<Uint8Array> } {
  const chunks: Buffer[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk);
      done();
    },
  });
  const wb = stamped(new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false }), date);
  return {
    wb,
    bytes: async () => {
      await wb.commit();
      return restamp(Buffer.concat(chunks), date);
    },
  };
}

async function restamp(raw: ArrayBuffer | Buffer, date: string): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(raw);
  const d = new Date(`${date}T00:00:00Z`);
  for (const f of Object.values(zip.files)) f.date = d;
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 6 } });
}

/** The header row stays in view while scrolling. */
export const FROZEN_HEADER: Partial<ExcelJS.WorksheetView>[] = [{ state: 'frozen', ySplit: 1 }];

/**
 * A header row in bold on a light fill, frozen: how an office expects a table to look. A streamed sheet
 * (whose views are fixed when it is added) is given `FROZEN_HEADER` at `addWorksheet` instead.
 */
export function styleHeader(ws: ExcelJS.Worksheet, columns: number, streamed = false): void {
  const row = ws.getRow(1);
  row.font = { bold: true };
  for (let c = 1; c <= columns; c++) row.getCell(c).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF4' } };
  if (!streamed) ws.views = FROZEN_HEADER;
}
