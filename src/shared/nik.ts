/**
 * NIK and Nomor KK checks shared by the operator's hash CLI and the citizen's
 * browser. Both numbers are 16 digits. A NIK is `PPKKCC DDMMYY SSSS`: the
 * province, kabupaten and kecamatan of first registration, the birth date
 * (day + 40 for women) and a serial from 0001; it has no check digit. A KK
 * starts with the same 6-digit region code. (Permendagri 7/2019, DOMAIN.md.)
 * Browser-safe: no imports.
 */

export type IdProblem = 'empty' | 'not_digits' | 'length' | 'birth_date' | 'serial' | 'region';

/** Digits only: people type spaces, dots and dashes. */
export const normaliseId = (raw: string): string => raw.replace(/[\s.-]/g, '');

/** Messages never repeat a whole identifier: `340201…01`. */
export const maskId = (id: string): string => (id.length >= 10 ? `${id.slice(0, 6)}…${id.slice(-2)}` : id);

/** Dotted kecamatan code of a NIK or KK, e.g. `34.02.01`. */
export const regionOfId = (id: string): string => `${id.slice(0, 2)}.${id.slice(2, 4)}.${id.slice(4, 6)}`;

/** The birth date a NIK encodes, or null if it is not a real date. */
export function birthDateOfNik(nik: string, today = new Date()): { date: string; female: boolean } | null {
  let day = Number(nik.slice(6, 8));
  const month = Number(nik.slice(8, 10));
  const yy = Number(nik.slice(10, 12));
  const female = day > 40;
  if (female) day -= 40;
  // Two-digit year: a birth year cannot lie in the future.
  const century = 2000 + yy > today.getUTCFullYear() ? 1900 : 2000;
  const year = century + yy;
  const d = new Date(Date.UTC(year, month - 1, day));
  if (month < 1 || month > 12 || day < 1 || d.getUTCDate() !== day || d.getUTCMonth() !== month - 1) return null;
  return { date: `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`, female };
}

/** Problems with a NIK, in the order a person would fix them. */
export function checkNik(raw: string): IdProblem[] {
  const v = normaliseId(raw);
  if (v === '') return ['empty'];
  if (!/^\d+$/.test(v)) return ['not_digits'];
  if (v.length !== 16) return ['length'];
  const out: IdProblem[] = [];
  if (!birthDateOfNik(v)) out.push('birth_date');
  if (v.slice(12) === '0000') out.push('serial');
  return out;
}

export function checkKk(raw: string): IdProblem[] {
  const v = normaliseId(raw);
  if (v === '') return ['empty'];
  if (!/^\d+$/.test(v)) return ['not_digits'];
  if (v.length !== 16) return ['length'];
  return [];
}

/** Plain-language messages, Indonesian first. */
export const ID_MESSAGES: Record<IdProblem, { id: string; en: string }> = {
  empty: { id: 'Belum diisi.', en: 'Not filled in.' },
  not_digits: { id: 'Hanya boleh angka 0–9.', en: 'Digits 0–9 only.' },
  length: {
    id: 'Harus 16 angka. Periksa kembali di KTP atau Kartu Keluarga.',
    en: 'Must be 16 digits. Check your ID card or family card.',
  },
  birth_date: {
    id: 'Angka ke-7 sampai ke-12 bukan tanggal lahir yang mungkin (untuk perempuan, tanggal ditambah 40). Periksa kembali NIK Anda.',
    en: 'Digits 7 to 12 are not a possible birth date (for women the day is plus 40). Please check your NIK.',
  },
  serial: { id: 'Empat angka terakhir NIK tidak mungkin 0000.', en: 'The last four digits of a NIK cannot be 0000.' },
  region: { id: 'NIK ini terdaftar pertama kali di luar kabupaten ini.', en: 'This NIK was first registered outside this kabupaten.' },
};
