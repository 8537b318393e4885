/** Step 1: every column known, every required column present, none twice. */
import type { CsvTable } from '../csv.ts';
import { normaliseHeader } from '../csv.ts';
import { t, type Problem } from '../problems.ts';
import { columnsOf } from '../schema/columns.ts';
import type { Dataset } from '../schema/dataset.ts';
import type { Header } from './context.ts';

export function readHeader(ds: Dataset, table: CsvTable): { header: Header; problems: Problem[] } {
  const file = ds.file;
  const problems: Problem[] = [];
  const columns = columnsOf(ds.schema);
  const known = new Map(columns.map((c) => [c.name, c]));
  const at: (string | null)[] = table.header.map((h, i) => {
    const name = normaliseHeader(h);
    if (known.has(name)) return name;
    if (name === '' && table.rows.every((r) => (r.cells[i] ?? '').trim() === '')) return null; // Excel's trailing empty column
    problems.push({
      level: 'error',
      kind: 'unknown_column',
      file,
      line: 1,
      column: i + 1,
      field: h,
      value: h,
      expected: t(`salah satu kolom: ${[...known.keys()].join(', ')}`, `one of the columns: ${[...known.keys()].join(', ')}`),
    });
    return null;
  });
  for (const c of columns) {
    if (c.required && !at.includes(c.name))
      problems.push({
        level: 'error',
        kind: 'missing_column',
        file,
        line: 1,
        field: c.name,
        expected: t(`kolom "${c.name}" (${c.meta.title.id})`, `column "${c.name}" (${c.meta.title.en})`),
      });
  }
  const dup = at.filter((n, i) => n !== null && at.indexOf(n) !== i);
  for (const n of new Set(dup))
    problems.push({
      level: 'error',
      kind: 'unknown_column',
      file,
      line: 1,
      field: n!,
      value: n!,
      expected: t('setiap kolom sekali saja', 'each column once'),
    });
  return {
    header: { at, meta: (i) => (at[i] ? known.get(at[i]!)!.meta : undefined), index: (field) => at.indexOf(field) },
    problems,
  };
}
