/** Axis and tooltip formatting in the browser: id-ID numbers, short rupiah. */
import { formatNumber, formatPercent, formatRupiah } from '../lib/format.ts';

export type ValueFormat = 'number' | 'percent' | 'rupiah' | 'index';

export function formatValue(v: number | null | undefined, format: ValueFormat): string {
  if (v === null || v === undefined) return '–';
  if (format === 'percent') return formatPercent(v, 'id', 2);
  if (format === 'rupiah') return formatRupiah(v);
  if (format === 'index') return formatNumber(v, 'id', 1);
  return formatNumber(v);
}

/** Shorter labels for axis ticks: `Rp 5 M`, `12,5%`, `14.833`. */
export function formatTick(v: number, format: ValueFormat): string {
  if (format === 'rupiah') {
    const a = Math.abs(v);
    if (a >= 1e12) return `${formatNumber(v / 1e12, 'id', 1)} T`;
    if (a >= 1e9) return `${formatNumber(v / 1e9, 'id', 1)} M`;
    if (a >= 1e6) return `${formatNumber(v / 1e6, 'id', 0)} jt`;
    return formatNumber(v);
  }
  if (format === 'percent') return `${formatNumber(v, 'id', Number.isInteger(v) ? 0 : 1)}%`;
  return formatNumber(v, 'id', Number.isInteger(v) ? 0 : 1);
}
