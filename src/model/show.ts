/**
 * Showing a figure on a page: a number in id-ID (or en) format, or the
 * reason it is absent — "disembunyikan" for privacy, "–" where the source
 * released nothing. Never a 0 in place of a hidden cell.
 */
import { formatValue, type ValueFormat } from '../shared/chart-format.ts';
import { formatNumber, formatPercent } from '../shared/format.ts';
import type { Lang } from '../shared/lang.ts';
import { texts } from '../i18n/index.ts';
import { isHidden, isShown, type Figure } from '../protect/figure.ts';

export function showFigure(f: Figure | undefined, lang: Lang, format: ValueFormat = 'number', digits?: number): string {
  if (isShown(f)) {
    if (digits === undefined) return formatValue(f, format, lang);
    return format === 'percent' ? formatPercent(f, lang, digits) : formatNumber(f, lang, digits);
  }
  return isHidden(f) ? texts(lang).hidden : '–';
}

/**
 * The name of a published cell in the downloads: `<dataset>:<key values>:<column>`,
 * e.g. `pmks:2025|34.02.01|8:jumlah`. Page tables carry it as `data-ref`, so
 * the page-level audit can check every shown figure against the downloads.
 */
export const cellRef = {
  count: (kind: 'pmks' | 'psks', tahun: number, wilayah: string, kategori = '*') => `${kind}:${tahun}|${wilayah}|${kategori}:jumlah`,
  registry: (tahun: number, wilayah: string, ukuran: string) => `registri:${tahun}|${wilayah}:${ukuran}`,
  coverage: (tahun: number, wilayah: string, program: string, column: 'penerima' | 'terdaftar' | 'persen_cakupan') =>
    `cakupan:${tahun}|${wilayah}|${program}:${column}`,
  verval: (tahun: number, wilayah: string, ukuran: string) => `verval:${tahun}|${wilayah}:${ukuran}`,
  desil: (tahun: number, periode: string, wilayah: string, desil: string, ukuran: 'keluarga' | 'jiwa') =>
    `desil:${tahun}|${periode}|${wilayah}|${desil}:${ukuran}`,
  sasaran: (tahun: number, periode: string, wilayah: string, program: string, desil: string) =>
    `sasaran:${tahun}|${periode}|${wilayah}|${program}|${desil}:penerima`,
  kondisi: (tahun: number, wilayah: string, indikator: string) => `kondisi:${tahun}|${wilayah}|${indikator}:keluarga`,
  targeting: (tahun: number, periode: string, wilayah: string, program: string, column: string) =>
    `sasaran-indikator:${tahun}|${periode}|${wilayah}|${program}:${column}`,
};
