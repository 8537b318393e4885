/** Step 3: raw cells → typed values (numbers in the file's format, trimmed text); empty cells are left out. */
import { parseNumber, type NumberFormat } from '../numbers.ts';
import { t, type Problem } from '../problems.ts';
import { cellProblem, type RowInput } from './context.ts';
import { isNumericColumn } from './number-format.ts';

export function typeCells(r: RowInput, format: NumberFormat): { values: Record<string, unknown>; problems: Problem[] } {
  const values: Record<string, unknown> = {};
  const problems: Problem[] = [];
  r.cells.forEach((raw, ci) => {
    const m = r.header.meta(ci);
    const cell = raw.trim();
    if (!m || cell === '') return;
    const field = r.header.at[ci]!;
    const typed = r.typed?.[ci];
    if (typed !== undefined) {
      // A number cell of a workbook: its value, whatever its display format (14.833, 13,5%, Rp …).
      values[field] = isNumericColumn(m.kind) ? typed : cell;
      return;
    }
    if (!isNumericColumn(m.kind)) {
      values[field] = cell;
      return;
    }
    const n = parseNumber(cell, format);
    if (n !== null) {
      values[field] = n;
      return;
    }
    const example =
      format === 'id'
        ? t('format Indonesia, mis. 14.833 atau 13,50', 'Indonesian format, e.g. 14.833 or 13,50')
        : t('mis. 14833 atau 13.50', 'e.g. 14833 or 13.50');
    problems.push(
      cellProblem(
        r,
        'wrong_type',
        field,
        t(`angka (${example.id}): ${m.expect.id}`, `a number (${example.en}): ${m.expect.en}`),
        'error',
        raw,
      ),
    );
  });
  return { values, problems };
}
