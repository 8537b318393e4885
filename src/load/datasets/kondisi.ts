import * as z from 'zod';
import { CONDITION_CODES } from '../../domain/conditions.ts';
import { t } from '../problems.ts';
import { areaCode, areaName, count, oneOf, year } from '../schema/columns.ts';
import { defineDataset } from '../schema/dataset.ts';

/** Poverty broken down: registry households by deprivation indicator. */
export const kondisi = defineDataset({
  name: 'kondisi',
  file: 'kondisi.csv',
  title: t('Kondisi keluarga dalam registri', 'Conditions of registry households'),
  description: t(
    'Keluarga dalam registri menurut indikator kerentanan (rumah tidak layak, tanpa air minum layak, anak tidak sekolah, …), per tahun dan wilayah. Satu keluarga dapat memiliki beberapa indikator.',
    'Registry households by deprivation indicator (uninhabitable house, no safe water, a child out of school, …), by year and area. One household can have several indicators.',
  ),
  required: false,
  key: ['tahun', 'kode_wilayah', 'indikator'],
  additive: ['keluarga'],
  schema: z.object({
    tahun: year({ title: t('Tahun', 'Year'), description: t('Tahun data.', 'Year.') }),
    kode_wilayah: areaCode(['kecamatan', 'desa']),
    nama_wilayah: areaName(),
    indikator: oneOf(CONDITION_CODES, {
      title: t('Indikator', 'Indicator'),
      description: t(
        'Kode indikator kerentanan; daftar dan sumbernya di kamus data.',
        'Deprivation indicator code; the list and sources are in the data dictionary.',
      ),
      example: 'rumah-tidak-layak',
    }),
    keluarga: count({
      title: t('Keluarga', 'Households'),
      description: t('Keluarga dalam registri dengan kondisi ini.', 'Registry households with this condition.'),
      unit: 'keluarga',
    }),
  }),
});
export type KondisiRow = z.infer<typeof kondisi.schema>;
