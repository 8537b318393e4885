/**
 * id-ID (and en) formatting used everywhere on the site: `14.833`,
 * `13,50%`, `Rp 5,0 miliar`, `22 November 2026`. Intl does the locale work;
 * the rupiah scale words follow Indonesian usage (ribu, juta, miliar, triliun).
 */
import type { Lang } from './lang.ts';

const locale = (lang: Lang) => (lang === 'en' ? 'en-GB' : 'id-ID');

export function formatNumber(n: number | undefined | null, lang: Lang = 'id', digits = 0): string {
  if (n === undefined || n === null || Number.isNaN(n)) return '–';
  return new Intl.NumberFormat(locale(lang), { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(n);
}

/** `13,50%` (id) / `13.50%` (en). */
export function formatPercent(n: number | undefined | null, lang: Lang = 'id', digits = 2): string {
  if (n === undefined || n === null || Number.isNaN(n)) return '–';
  return `${formatNumber(n, lang, digits)}%`;
}

const SCALES: [number, string, string][] = [
  [1e12, 'triliun', 'trillion'],
  [1e9, 'miliar', 'billion'],
  [1e6, 'juta', 'million'],
];

/** `Rp 5,0 miliar`, `Rp 750,0 juta`, `Rp 12.500`. */
export function formatRupiah(n: number | undefined | null, lang: Lang = 'id'): string {
  if (n === undefined || n === null || Number.isNaN(n)) return '–';
  const abs = Math.abs(n);
  for (const [scale, id, en] of SCALES) {
    if (abs >= scale) return `Rp ${formatNumber(n / scale, lang, 1)} ${lang === 'en' ? en : id}`;
  }
  return `Rp ${formatNumber(n, lang)}`;
}

/** `22 November 2026` from `2026-11-22`. */
export function formatDate(iso: string, lang: Lang = 'id'): string {
  const [y, m, d] = iso.split('-').map(Number);
  return new Intl.DateTimeFormat(locale(lang), { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(Date.UTC(y!, m! - 1, d!)),
  );
}

/** Change between two values in percentage points, signed: `+0,54 poin`. */
export function formatPointChange(delta: number, lang: Lang = 'id'): string {
  const sign = delta > 0 ? '+' : delta < 0 ? '−' : '±';
  return `${sign}${formatNumber(Math.abs(delta), lang, 2)} ${lang === 'en' ? 'pts' : 'poin'}`;
}

/** A count from a privacy-protected table: `null` means hidden, not missing. */
export function formatCount(n: number | undefined | null, lang: Lang = 'id'): string {
  if (n === null) return lang === 'en' ? 'hidden' : 'disembunyikan';
  return formatNumber(n, lang);
}

/** `17 detik`, `50 menit`, `9,3 jam`, `4,2 hari` (en: seconds, minutes, hours, days). */
export function formatDuration(seconds: number, lang: Lang = 'id'): string {
  const units: [number, string, string][] = [
    [365 * 86_400, 'tahun', 'years'],
    [86_400, 'hari', 'days'],
    [3_600, 'jam', 'hours'],
    [60, 'menit', 'minutes'],
    [1, 'detik', 'seconds'],
  ];
  const [size, id, en] = units.find(([u]) => seconds >= u * 1.5) ?? units.at(-1)!;
  const v = seconds / size;
  return `${formatNumber(v, lang, v < 10 && size > 1 ? 1 : 0)} ${lang === 'en' ? en : id}`;
}

/**
 * Indonesian phone numbers as links a phone can dial: `0274-367 509` →
 * `tel:+62274367509`, and WhatsApp numbers as `https://wa.me/62812…`
 * (wa.me wants the international number, digits only). Undefined when the
 * text holds no number.
 */
export function phoneDigits(text: string): string | undefined {
  const d = text.replace(/\(.*?\)/g, '').replace(/[^\d+]/g, '');
  if (!/\d{6,}/.test(d)) return undefined;
  if (d.startsWith('+62')) return d.slice(1);
  if (d.startsWith('62')) return d;
  if (d.startsWith('0')) return `62${d.slice(1)}`;
  return d.replace(/^\+/, '');
}
export const telHref = (text: string): string | undefined => {
  const d = phoneDigits(text);
  return d && `tel:+${d}`;
};
export const waHref = (text: string): string | undefined => {
  const d = phoneDigits(text);
  return d && `https://wa.me/${d}`;
};
