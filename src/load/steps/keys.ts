/** Step 7: one row per key (e.g. tahun + kode_wilayah + kategori); a second one names the first's line. */
import { t, type Problem } from '../problems.ts';
import type { Dataset } from '../schema/dataset.ts';

export function uniqueKeys(ds: Dataset) {
  const seen = new Map<string, number>();
  return (line: number, row: Record<string, unknown>): Problem | undefined => {
    const key = ds.key.map((k) => String(row[k])).join('|');
    const prev = seen.get(key);
    if (prev === undefined) {
      seen.set(key, line);
      return undefined;
    }
    return {
      level: 'error',
      kind: 'duplicate_key',
      file: ds.file,
      line,
      field: ds.key.join('+'),
      value: ds.key.map((k) => row[k]).join(', '),
      expected: t(
        `satu baris per ${ds.key.join(' + ')}; sudah ada di baris ${prev}`,
        `one row per ${ds.key.join(' + ')}; already on line ${prev}`,
      ),
    };
  };
}
