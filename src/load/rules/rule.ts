/**
 * Plausibility rules across the cells and files of a data folder (one rule
 * per file, cf. Evidence's validators): a value can be valid on its own and
 * still wrong — a rate typed as a fraction, more recipients than registered
 * households. Each rule gets the validated tables and where every row and
 * column sits in its file, and returns problems like every other check.
 */
import type { PortalData } from '../portal.ts';
import type { Problem, ProblemKind } from '../problems.ts';
import type { Header } from '../steps/context.ts';
import type { Text } from '../../shared/lang.ts';

export type RuleInput = Omit<PortalData, 'releases' | 'recipients' | 'geo'> & {
  /** Each dataset file's column layout (absent for files the folder does not have). */
  layout: Record<string, Header | undefined>;
};

export type Rule = (d: RuleInput) => Problem[];

/** A problem at one cell of a loaded row. */
export function at(
  d: RuleInput,
  file: string,
  row: { _line: number },
  field: string,
  kind: ProblemKind,
  level: 'error' | 'warning',
  value: string,
  expected: Text,
): Problem {
  const ci = d.layout[file]?.index(field) ?? -1;
  return { level, kind, file, line: row._line, ...(ci >= 0 ? { column: ci + 1 } : {}), field, value, expected };
}

/** id-ID number for messages: `13,5`, `14.833`. */
export const idNum = (v: number, digits = 2) => new Intl.NumberFormat('id-ID', { maximumFractionDigits: digits }).format(v);
export const enNum = (v: number, digits = 2) => new Intl.NumberFormat('en-GB', { maximumFractionDigits: digits }).format(v);
