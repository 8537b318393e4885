/** Step 6: the dataset's own rules across the cells of one row (e.g. spending needs an allocation). */
import type { Problem } from '../problems.ts';
import type { Dataset } from '../schema/dataset.ts';
import { cellProblem, type RowInput } from './context.ts';

export function checkRowRules(ds: Dataset, r: RowInput, row: Record<string, unknown>): Problem[] {
  return (ds.rules ?? [])
    .filter((rule) => !rule.check(row as never))
    .map((rule) => cellProblem(r, rule.kind, rule.field, rule.expected, rule.level, r.header.index(rule.field) >= 0 ? undefined : ''));
}
