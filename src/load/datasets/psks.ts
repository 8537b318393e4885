import * as z from 'zod';
import { t } from '../problems.ts';
import { areaCode, areaName, category, count, year } from '../schema/columns.ts';
import { defineDataset } from '../schema/dataset.ts';

/** PSKS (welfare resources) by year, area and category. */
export const psks = defineDataset({
  name: 'psks',
  file: 'psks.csv',
  title: t('PSKS per wilayah dan kategori', 'PSKS by area and category'),
  description: t(
    'Jumlah Potensi dan Sumber Kesejahteraan Sosial (pekerja sosial, relawan, lembaga) per tahun, wilayah dan kategori.',
    'Welfare resources (social workers, volunteers, organisations) by year, area and category.',
  ),
  required: false,
  key: ['tahun', 'kode_wilayah', 'kategori'],
  additive: ['jumlah'],
  schema: z.object({
    tahun: year({ title: t('Tahun', 'Year'), description: t('Tahun pendataan.', 'Year of the count.') }),
    kode_wilayah: areaCode(['kecamatan', 'desa']),
    nama_wilayah: areaName(),
    kategori: category('psks', {
      title: t('Kategori PSKS', 'PSKS category'),
      description: t('Kode kategori PSKS (lihat daftar di kamus data).', 'PSKS category code (see the list in the data dictionary).'),
      example: 'tksk',
    }),
    jumlah: count({
      title: t('Jumlah', 'Count'),
      description: t('Jumlah orang atau lembaga.', 'Number of people or organisations.'),
      unit: 'orang/lembaga',
    }),
  }),
});
export type PsksRow = z.infer<typeof psks.schema>;
