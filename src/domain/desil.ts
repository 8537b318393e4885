/**
 * DTSEN (Data Tunggal Sosial Ekonomi Nasional, since 2025): BPS ranks every
 * household with a proxy-means test over 39 socio-economic variables into a
 * national *desil*, 1 (poorest tenth) to 10, re-ranked about every quarter.
 * Kepmensos 79/HUK/2025 ties eligibility to it: PKH desil 1–4, Sembako/BPNT
 * and PBI-JK desil 1–5. A program's limit lives in its own description
 * (`desil_maks` in program/<slug>.md), never in code.
 */
import { t } from '../shared/lang.ts';

export const DESILS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10'] as const;
/** Recipients without a desil: not (yet) ranked in DTSEN — itself a finding. */
export const UNRANKED = 'belum';

/** Reporting periods of DTSEN figures: a quarter's ranking, or the year. */
export const DESIL_PERIODS = ['triwulan-1', 'triwulan-2', 'triwulan-3', 'triwulan-4', 'tahunan'] as const;
export type DesilPeriod = (typeof DESIL_PERIODS)[number];

/** Order of (year, period) pairs: quarters in order, the annual figure after the fourth. */
export const periodOrder = (tahun: number, periode: string) => tahun * 10 + (periode === 'tahunan' ? 5 : Number(periode.slice(-1)));

/** "2025 T4" / "2025" for axis labels. */
export const periodLabel = (tahun: number, periode: string) => (periode === 'tahunan' ? String(tahun) : `${tahun} T${periode.slice(-1)}`);

export const DESIL_SOURCE = t(
  'BPS, Data Tunggal Sosial Ekonomi Nasional (DTSEN); Kepmensos 79/HUK/2025 tentang penetapan sasaran berdasarkan desil',
  'BPS, National Single Socio-Economic Data (DTSEN); Social Affairs Ministerial Decree 79/HUK/2025 on targeting by desil',
);

/** "desil 1–4" for a limit of 4. */
export const eligibleRange = (max: number) => (max === 1 ? 'desil 1' : `desil 1–${max}`);
