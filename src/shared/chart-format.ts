/** Axis and tooltip formatting in the browser: id-ID numbers, short rupiah. */
import { formatNumber, formatPercent, formatRupiah } from './format.ts';
import type { Lang } from './lang.ts';

export type ValueFormat = 'number' | 'percent' | 'rupiah' | 'index';

export function formatValue(v: number | null | undefined, format: ValueFormat, lang: Lang = 'id'): string {
  if (v === null || v === undefined) return '–';
  if (format === 'percent') return formatPercent(v, lang, 2);
  if (format === 'rupiah') return formatRupiah(v, lang);
  if (format === 'index') return formatNumber(v, lang, 1);
  return formatNumber(v, lang);
}

/** Shorter labels for axis ticks: `Rp 5 M`, `12,5%`, `14.833`. */
export function formatTick(v: number, format: ValueFormat, lang: Lang = 'id'): string {
  if (format === 'rupiah') {
    const a = Math.abs(v);
    const [tn, bn, mn] = lang === 'en' ? ['tn', 'bn', 'm'] : ['T', 'M', 'jt'];
    if (a >= 1e12) return `${formatNumber(v / 1e12, lang, 1)} ${tn}`;
    if (a >= 1e9) return `${formatNumber(v / 1e9, lang, 1)} ${bn}`;
    if (a >= 1e6) return `${formatNumber(v / 1e6, lang, 0)} ${mn}`;
    return formatNumber(v, lang);
  }
  if (format === 'percent') return `${formatNumber(v, lang, Number.isInteger(v) ? 0 : 1)}%`;
  return formatNumber(v, lang, Number.isInteger(v) ? 0 : 1);
}

/** Long category names wrap onto lines of about `width` characters (Chart.js draws an array label as lines; the build sizes the chart by them). */
export function wrapLabel(label: string, width = 22): string | string[] {
  if (label.length <= width) return label;
  const lines: string[] = [];
  let line = '';
  for (const word of label.split(/\s+/)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}
