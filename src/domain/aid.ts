/**
 * Aid programs' vocabulary: funding sources, the units programs count in,
 * and the statuses a recipient can have in the lookup.
 */

export const FUNDING_SOURCES = ['APBN', 'APBD', 'APBD Provinsi', 'Dana Desa', 'Lainnya'] as const;
export type FundingSource = (typeof FUNDING_SOURCES)[number];

/** Units in which programs count their beneficiaries or outputs. */
export const UNITS = ['KPM', 'jiwa', 'unit rumah', 'paket', 'orang', 'lembaga'] as const;
export type Unit = (typeof UNITS)[number];

/** Registry units: KPM counts households, jiwa counts people. */
export function registryColumnFor(unit: Unit): 'keluarga' | 'jiwa' | null {
  if (unit === 'KPM') return 'keluarga';
  if (unit === 'jiwa') return 'jiwa';
  return null;
}

/** Aid statuses in the recipient list, and what each means for the citizen. */
export const STATUSES = {
  aktif: {
    label: 'Aktif',
    labelEn: 'Active',
    meaning: 'Terdaftar sebagai penerima; bantuan disalurkan pada periode ini.',
    meaningEn: 'Registered as a recipient; aid is paid in this period.',
  },
  ditangguhkan: {
    label: 'Ditangguhkan',
    labelEn: 'Suspended',
    meaning: 'Penyaluran sementara dihentikan, biasanya karena data perlu diperbaiki (mis. NIK tidak padan). Hubungi Puskesos.',
    meaningEn: 'Payment is on hold, usually because the data need fixing (e.g. NIK mismatch). Contact your Puskesos.',
  },
  dihentikan: {
    label: 'Dihentikan',
    labelEn: 'Ended',
    meaning: 'Tidak lagi menerima bantuan ini (mis. graduasi atau tidak memenuhi syarat). Ajukan sanggah bila keberatan.',
    meaningEn: 'No longer receives this aid (e.g. graduated or no longer eligible). You may object (sanggah).',
  },
  usulan: {
    label: 'Dalam usulan',
    labelEn: 'Proposed',
    meaning: 'Sudah diusulkan dan sedang diverifikasi; belum tentu ditetapkan.',
    meaningEn: 'Proposed and under verification; not yet decided.',
  },
} as const;
export type Status = keyof typeof STATUSES;
export const STATUS_CODES = Object.keys(STATUSES) as Status[];

/** The complaint path the lookup points to: proposing a household (usulan) and objecting to a recipient (sanggah). */
export const SERVICE_KINDS = ['usulan', 'sanggah'] as const;
export type ServiceKind = (typeof SERVICE_KINDS)[number];
