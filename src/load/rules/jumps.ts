/**
 * A figure five times larger (or smaller) than the year before and the year
 * after is usually an extra or missing digit. A warning, naming both lines:
 * real jumps happen (a new program, a disaster), typing errors more often.
 * At the ends of a series the one neighbour decides. Counts below 50 are
 * left alone: small numbers move by large factors without anything wrong.
 */
import { DATASETS } from '../schema/index.ts';
import { columnsOf } from '../schema/columns.ts';
import { t } from '../problems.ts';
import { at, enNum, idNum, type Rule, type RuleInput } from './rule.ts';

const FACTOR = 5;
const MIN_COUNT = 50;

type Row = Record<string, unknown> & { tahun: number; _line: number };

export const jumps: Rule = (d: RuleInput) => {
  const out = [];
  for (const ds of DATASETS) {
    const rows = (d[ds.name as keyof RuleInput] as Row[] | undefined) ?? [];
    if (!rows.length || !ds.key.includes('tahun' as never)) continue;
    // Rates are left to the fraction rule: extreme poverty falling from 1,2% to 0,2% is a real result, not a typo.
    const measures = columnsOf(ds.schema).filter((c) => (c.meta.kind === 'integer' || c.meta.kind === 'number') && c.meta.type !== 'year' && c.meta.unit !== '%' && c.meta.unit !== 'Rp/kapita/bulan');
    const series = new Map<string, Row[]>();
    for (const r of rows) {
      const k = ds.key.filter((x) => x !== 'tahun').map((x) => String(r[x])).join('|');
      series.set(k, [...(series.get(k) ?? []), r]);
    }
    for (const list of series.values()) {
      list.sort((a, b) => a.tahun - b.tahun);
      for (const m of measures) {
        for (let i = 0; i < list.length; i++) {
          const r = list[i]!;
          const v = r[m.name];
          if (typeof v !== 'number') continue;
          const around = [list[i - 1], list[i + 1]].filter((x): x is Row => !!x && x.tahun === r.tahun + (x === list[i - 1] ? -1 : 1) && typeof x[m.name] === 'number');
          if (!around.length) continue;
          const vals = around.map((x) => x[m.name] as number);
          const big = Math.max(v, ...vals);
          if (m.meta.kind === 'integer' && m.meta.unit !== 'Rp' && big < MIN_COUNT) continue;
          const up = vals.every((n) => v >= FACTOR * Math.max(n, 1e-9));
          const down = vals.every((n) => v > 0 ? n >= FACTOR * v : n > 0);
          if (!up && !down) continue;
          const lines = around.map((x) => `${x.tahun}: ${idNum(x[m.name] as number)} (baris ${x._line})`).join(', ');
          const linesEn = around.map((x) => `${x.tahun}: ${enNum(x[m.name] as number)} (line ${x._line})`).join(', ');
          out.push(at(d, ds.file, r, m.name, 'jump', 'warning', idNum(v), t(
            `angka yang tidak ${up ? 'melonjak' : 'anjlok'} ${FACTOR}× atau lebih dibanding ${lines} — periksa digitnya`,
            `a figure that does not ${up ? 'jump' : 'fall'} ${FACTOR}× or more against ${linesEn} — check its digits`,
          )));
        }
      }
    }
  }
  return out;
};
