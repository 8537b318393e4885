import * as z from 'zod';
import { t } from '../problems.ts';
import { areaCode, areaName, category, count, year } from '../schema/columns.ts';
import { defineDataset } from '../schema/dataset.ts';

/** PMKS/PPKS counts by year, area and the 26 categories of Permensos 08/2012. */
export const pmks = defineDataset({
  name: 'pmks',
  file: 'pmks.csv',
  title: t('PMKS per wilayah dan kategori', 'PMKS by area and category'),
  description: t(
    'Jumlah Penyandang Masalah Kesejahteraan Sosial (PPKS) per tahun, kecamatan atau desa, dan 26 kategori Permensos 08/2012.',
    'People with social-welfare problems (PMKS/PPKS) by year, kecamatan or desa, and the 26 categories of Permensos 08/2012.',
  ),
  required: true,
  key: ['tahun', 'kode_wilayah', 'kategori'],
  additive: ['jumlah'],
  schema: z.object({
    tahun: year({ title: t('Tahun', 'Year'), description: t('Tahun pendataan.', 'Year of the count.') }),
    kode_wilayah: areaCode(['kecamatan', 'desa']),
    nama_wilayah: areaName(),
    kategori: category('pmks', {
      title: t('Kategori PMKS', 'PMKS category'),
      description: t(
        'Nomor kategori 1–26 (Permensos 08/2012) atau nama kategori.',
        'Category number 1–26 (Permensos 08/2012) or its name.',
      ),
      example: '8',
    }),
    jumlah: count({
      title: t('Jumlah', 'Count'),
      description: t('Jumlah orang dalam kategori ini.', 'Number of people in this category.'),
      unit: 'orang',
    }),
  }),
});
export type PmksRow = z.infer<typeof pmks.schema>;
