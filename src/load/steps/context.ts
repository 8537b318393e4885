/**
 * What the per-file steps share: the file's header mapped to schema columns,
 * and a way to report a problem at a row's cell. Each step is a function
 * that returns (or emits) problems; dataset.ts runs them in order.
 */
import type { CsvTable } from '../csv.ts';
import type { Problem, ProblemKind } from '../problems.ts';
import type { Text } from '../../shared/lang.ts';
import type { ColumnMeta } from '../schema/columns.ts';

export interface Header {
  /** The schema column at each position of the file (null: ignored, e.g. Excel's empty trailing column). */
  at: (string | null)[];
  meta: (i: number) => ColumnMeta | undefined;
  /** 0-based position of a schema column in the file, or -1. */
  index: (field: string) => number;
}

export interface RowInput {
  file: string;
  line: number;
  cells: string[];
  /** Numbers a workbook already typed, by position. */
  typed?: (number | undefined)[];
  header: Header;
  table: CsvTable;
}

/** A problem at a cell of a row: line, 1-based column, field name and the raw cell. */
export function cellProblem(
  r: RowInput,
  kind: ProblemKind,
  field: string | undefined,
  expected: Text,
  level: 'error' | 'warning' = 'error',
  value?: string,
): Problem {
  const ci = field === undefined ? -1 : r.header.index(field);
  return {
    level,
    kind,
    file: r.file,
    line: r.line,
    ...(ci >= 0 ? { column: ci + 1 } : {}),
    ...(field ? { field } : {}),
    ...(value !== undefined ? { value } : ci >= 0 ? { value: r.cells[ci] } : {}),
    expected,
  };
}
