/** Step 8: where a file gives both a kecamatan row and its desa rows, the desa must add up to it. */
import { kecamatanOf, levelOf } from '../../domain/regions.ts';
import { t, type Problem } from '../problems.ts';
import type { Dataset } from '../schema/dataset.ts';
import type { Header } from './context.ts';

type Row = Record<string, unknown> & { _line: number };

export function checkDesaSums(ds: Dataset, rows: readonly Row[], header: Header): Problem[] {
  if (!ds.additive?.length || !ds.key.includes('kode_wilayah' as never)) return [];
  const others = ds.key.filter((k) => k !== 'kode_wilayah');
  const groups = new Map<string, { kec?: Row; desa: Row[] }>();
  for (const r of rows) {
    const code = r.kode_wilayah as string;
    const isDesa = levelOf(code) === 'desa';
    const g = `${others.map((k) => String(r[k])).join('|')}|${isDesa ? kecamatanOf(code) : code}`;
    const entry = groups.get(g) ?? { desa: [] };
    if (isDesa) entry.desa.push(r);
    else entry.kec = r;
    groups.set(g, entry);
  }
  const out: Problem[] = [];
  for (const { kec, desa } of groups.values()) {
    if (!kec || desa.length === 0) continue;
    for (const f of ds.additive) {
      const total = kec[f];
      if (typeof total !== 'number') continue;
      const parts = desa.map((d) => d[f]);
      if (!parts.every((v): v is number => typeof v === 'number')) continue; // an optional measure some desa rows leave empty
      const sum = parts.reduce((a, v) => a + v, 0);
      if (sum === total) continue;
      const ci = header.index(f);
      const lines = desa.map((d) => d._line).join(', ');
      out.push({
        level: 'error',
        kind: 'sum_mismatch',
        file: ds.file,
        line: kec._line,
        ...(ci >= 0 ? { column: ci + 1 } : {}),
        field: f,
        value: String(total),
        expected: t(
          `total kecamatan = jumlah ${desa.length} baris desanya = ${sum} (baris ${lines})`,
          `kecamatan total = the sum of its ${desa.length} desa rows = ${sum} (lines ${lines})`,
        ),
      });
    }
  }
  return out;
}
