/**
 * A figure five times larger (or smaller) than the year before and the year
 * after is usually an extra or missing digit. A warning, naming both lines:
 * real jumps happen (a new program, a disaster), typing errors more often.
 * At the ends of a series the one neighbour decides. Counts below 50 are
 * left alone: small numbers move by large factors without anything wrong.
 */
import { DATASETS } from '../datasets/index.ts';
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
    const measures = columnsOf(ds.schema).filter(
      (c) =>
        (c.meta.kind === 'integer' || c.meta.kind === 'number') &&
        c.meta.type !== 'year' &&
        c.meta.unit !== '%' &&
        c.meta.unit !== 'Rp/kapita/bulan',
    );
    const series = new Map<string, Row[]>();
    for (const r of rows) {
      const k = ds.key
        .filter((x) => x !== 'tahun')
        .map((x) => String(r[x]))
        .join('|');
      series.set(k, [...(series.get(k) ?? []), r]);
    }
    for (const list of series.values()) {
      list.sort((a, b) => a.tahun - b.tahun);
      for (const m of measures) {
        const place = (i: number) => {
          const r = list[i];
          const prev = list[i - 1];
          const next = list[i + 1];
          return {
            r,
            prev: prev && prev.tahun === r!.tahun - 1 ? prev : undefined,
            next: next && next.tahun === r!.tahun + 1 ? next : undefined,
          };
        };
        const val = (x: Row | undefined) => (x && typeof x[m.name] === 'number' ? (x[m.name] as number) : undefined);
        const jumpsFrom = (v: number, others: number[]) => {
          if (!others.length || (m.meta.kind === 'integer' && Math.max(v, ...others) < MIN_COUNT)) return undefined;
          if (others.every((n) => v >= FACTOR * Math.max(n, 1e-9))) return 'up';
          if (others.every((n) => (v > 0 ? n >= FACTOR * v : n > 0))) return 'down';
          return undefined;
        };
        // A value out of line with both neighbours is the suspect; the ends of a series are judged by their one neighbour unless it is that suspect.
        const spikes = new Set<number>();
        for (let i = 0; i < list.length; i++) {
          const { prev, next, r } = place(i);
          const [v, a, b] = [val(r), val(prev), val(next)];
          if (v !== undefined && a !== undefined && b !== undefined && jumpsFrom(v, [a, b])) spikes.add(i);
        }
        for (let i = 0; i < list.length; i++) {
          const { r, prev, next } = place(i);
          const v = val(r);
          if (v === undefined) continue;
          const around = spikes.has(i) ? [prev!, next!] : [prev, next].filter((x): x is Row => !!x && val(x) !== undefined);
          if (!spikes.has(i) && (around.length !== 1 || spikes.has(list.indexOf(around[0]!)))) continue;
          const dir = jumpsFrom(
            v,
            around.map((x) => val(x)!),
          );
          if (!dir) continue;
          const lines = around.map((x) => `${x.tahun}: ${idNum(val(x)!)} (baris ${x._line})`).join(', ');
          const linesEn = around.map((x) => `${x.tahun}: ${enNum(val(x)!)} (line ${x._line})`).join(', ');
          out.push(
            at(
              d,
              ds.file,
              r!,
              m.name,
              'jump',
              'warning',
              idNum(v),
              t(
                `angka yang tidak ${dir === 'up' ? 'melonjak' : 'anjlok'} ${FACTOR}× atau lebih dibanding ${lines} — periksa digitnya`,
                `a figure that does not ${dir === 'up' ? 'jump' : 'fall'} ${FACTOR}× or more against ${linesEn} — check its digits`,
              ),
            ),
          );
        }
      }
    }
  }
  return out;
};
