import * as z from 'zod';
import { DESIL_PERIODS } from '../../domain/desil.ts';
import { t } from '../problems.ts';
import { areaCode, areaName, count, desil, oneOf, year } from '../schema/columns.ts';
import { defineDataset } from '../schema/dataset.ts';

/** DTSEN registry households and people by desil, per kecamatan or desa and period. */
export const desilData = defineDataset({
  name: 'desil',
  file: 'desil.csv',
  title: t('Registri DTSEN per desil', 'DTSEN registry by desil'),
  description: t(
    'Jumlah keluarga dan jiwa dalam DTSEN per desil (1 = 10% termiskin secara nasional, 10 = terkaya), per kecamatan atau desa dan periode pemeringkatan BPS.',
    'Households and people in DTSEN by desil (1 = the poorest national tenth, 10 = the richest), per kecamatan or desa and BPS ranking period.',
  ),
  required: false,
  key: ['tahun', 'periode', 'kode_wilayah', 'desil'],
  additive: ['keluarga', 'jiwa'],
  schema: z.object({
    tahun: year({ title: t('Tahun', 'Year'), description: t('Tahun pemeringkatan.', 'Year of the ranking.') }),
    periode: oneOf(
      DESIL_PERIODS,
      {
        title: t('Periode', 'Period'),
        description: t(
          'triwulan-1 … triwulan-4 (BPS memeringkat ulang tiap triwulan), atau "tahunan".',
          'triwulan-1 … triwulan-4 (BPS re-ranks every quarter), or "tahunan" (annual).',
        ),
        example: 'triwulan-4',
      },
      'tahunan',
    ),
    kode_wilayah: areaCode(['kecamatan', 'desa']),
    nama_wilayah: areaName(),
    desil: desil({ title: t('Desil', 'Desil'), description: t('Desil DTSEN 1–10.', 'DTSEN desil 1–10.') }),
    keluarga: count({
      title: t('Keluarga', 'Households'),
      description: t('Keluarga dalam desil ini.', 'Households in this desil.'),
      unit: 'keluarga',
    }),
    jiwa: count({
      title: t('Jiwa', 'People'),
      description: t('Anggota keluarga (jiwa) dalam desil ini.', 'People in this desil.'),
      unit: 'jiwa',
      optional: true,
    }),
  }),
});
export type DesilRow = z.infer<typeof desilData.schema>;
