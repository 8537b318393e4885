/**
 * Step 2: the number format of this file — declared in portal.json, or
 * inferred from cells that can only be read one way. Evidence of both is an
 * error on the minority's cells, never a guess; the other rows are read in
 * the majority's format and checked in the same run, the minority's rows are
 * left out (their other cells would be misread).
 */
import type { CsvTable } from '../csv.ts';
import { formatEvidence, type NumberFormat } from '../numbers.ts';
import { t, type Problem } from '../problems.ts';
import type { Header } from './context.ts';

export const isNumericColumn = (kind?: string) => kind === 'integer' || kind === 'number';

export function detectNumberFormat(
  file: string,
  table: CsvTable,
  header: Header,
  declared: 'auto' | NumberFormat,
): { format: NumberFormat; problems: Problem[]; skip?: ReadonlySet<number> } {
  if (declared !== 'auto') return { format: declared, problems: [] };
  const seen: Record<NumberFormat, [number, number][]> = { id: [], en: [] };
  for (const [ri, r] of table.rows.entries()) {
    for (const [ci, cell] of r.cells.entries()) {
      if (r.typed?.[ci] !== undefined) continue; // a workbook's number cell says nothing about text formats
      const m = header.meta(ci);
      if (!isNumericColumn(m?.kind)) continue;
      const e = formatEvidence(cell, m!.kind === 'integer');
      if (e) seen[e].push([ri, ci]);
    }
  }
  const fallback: NumberFormat = table.defaultFormat ?? (table.delimiter === ';' ? 'id' : 'en');
  if (!(seen.id.length && seen.en.length)) return { format: seen.id.length ? 'id' : seen.en.length ? 'en' : fallback, problems: [] };
  const minority: NumberFormat = seen.id.length >= seen.en.length ? 'en' : 'id';
  const problems = seen[minority].slice(0, 20).map(([ri, ci]): Problem => {
    const r = table.rows[ri]!;
    return {
      level: 'error',
      kind: 'mixed_number_format',
      file,
      line: r.line,
      column: ci + 1,
      field: header.at[ci]!,
      value: r.cells[ci],
      expected:
        minority === 'en'
          ? t('format Indonesia seperti baris lain (13,50 dan 14.833)', 'Indonesian format like the other rows (13,50 and 14.833)')
          : t('format Inggris seperti baris lain (13.50 dan 14,833)', 'English format like the other rows (13.50 and 14,833)'),
    };
  });
  return { format: minority === 'en' ? 'id' : 'en', problems, skip: new Set(seen[minority].map(([ri]) => table.rows[ri]!.line)) };
}
