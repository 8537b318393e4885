import { describe, expect, it } from 'vitest';
import { formatDate, formatNumber, formatPercent, formatPointChange, formatRupiah } from '../src/shared/format.ts';

describe('id-ID formatting', () => {
  it('formats counts, percentages, rupiah and dates the Indonesian way', () => {
    expect(formatNumber(14833)).toBe('14.833');
    expect(formatPercent(13.5)).toBe('13,50%');
    expect(formatRupiah(5e9)).toBe('Rp 5,0 miliar');
    expect(formatRupiah(750_000_000)).toBe('Rp 750,0 juta');
    expect(formatRupiah(1.2e12)).toBe('Rp 1,2 triliun');
    expect(formatRupiah(12_500)).toBe('Rp 12.500');
    expect(formatDate('2026-11-22')).toBe('22 November 2026');
    expect(formatDate('2026-03-01')).toBe('1 Maret 2026');
    expect(formatPointChange(0.54)).toBe('+0,54 poin');
  });
  it('formats English with English separators', () => {
    expect(formatNumber(14833, 'en')).toBe('14,833');
    expect(formatPercent(13.5, 'en')).toBe('13.50%');
    expect(formatRupiah(5e9, 'en')).toBe('Rp 5.0 billion');
    expect(formatDate('2026-11-22', 'en')).toBe('22 November 2026');
  });
  it('shows a dash for missing values, never 0', () => {
    expect(formatNumber(undefined)).toBe('–');
    expect(formatPercent(null)).toBe('–');
    expect(formatRupiah(undefined)).toBe('–');
  });
});
