/** Step 4: the typed values against the dataset's zod schema; each issue reported at its cell with the column's own expectation. */
import type * as z from 'zod';
import type { Problem, ProblemKind } from '../problems.ts';
import { t } from '../problems.ts';
import { columnsOf } from '../schema/columns.ts';
import type { Dataset } from '../schema/dataset.ts';
import { cellProblem, type RowInput } from './context.ts';

export function parseRow<S extends z.ZodObject>(
  ds: Dataset<S>,
  r: RowInput,
  values: Record<string, unknown>,
): { row?: z.infer<S>; problems: Problem[] } {
  const res = ds.schema.safeParse(values);
  if (res.success) return { row: res.data, problems: [] };
  const meta = new Map(columnsOf(ds.schema).map((c) => [c.name, c.meta]));
  return {
    problems: res.error.issues.map((issue) => {
      const field = String(issue.path[0]);
      const v = values[field];
      const kind: ProblemKind =
        typeof v === 'number' && v < 0 && issue.code === 'too_small'
          ? 'negative'
          : issue.code === 'invalid_type' && typeof v === 'number'
            ? 'wrong_type'
            : 'invalid_value';
      return cellProblem(
        r,
        kind,
        field,
        meta.get(field)?.expect ?? t(issue.message, issue.message),
        'error',
        r.header.index(field) >= 0 ? undefined : '',
      );
    }),
  };
}
