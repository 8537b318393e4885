import type * as z from 'zod';
import type { Text } from '../problems.ts';

/** A row-level rule beyond single cells (e.g. realisasi needs a pagu). */
export interface RowRule<R> {
  check: (row: R) => boolean;
  level: 'error' | 'warning';
  kind: 'realisasi_without_pagu' | 'realisasi_over_pagu' | 'capaian_over_target' | 'implausible';
  field: string;
  expected: Text;
}

/** One CSV input: its file, its documentation, its schema and its keys. */
export interface Dataset<S extends z.ZodObject = z.ZodObject> {
  name: string;
  file: string;
  title: Text;
  description: Text;
  schema: S;
  /** Columns that identify a row; two rows with the same key are an error. */
  key: readonly (keyof z.infer<S> & string)[];
  /** Whether the operator must provide this file. */
  required: boolean;
  /** Numeric columns whose desa rows must add up to a kecamatan row in the same file. */
  additive?: readonly (keyof z.infer<S> & string)[];
  rules?: readonly RowRule<z.infer<S>>[];
}

export const defineDataset = <S extends z.ZodObject>(d: Dataset<S>): Dataset<S> => d;
