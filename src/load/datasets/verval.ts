import * as z from 'zod';
import { t } from '../problems.ts';
import { areaCode, areaName, count, year } from '../schema/columns.ts';
import { defineDataset } from '../schema/dataset.ts';

/** Registry verification (verval) and graduation by year and kecamatan. */
export const verval = defineDataset({
  name: 'verval',
  file: 'verval.csv',
  title: t('Verifikasi, validasi dan graduasi', 'Verification and graduation'),
  description: t(
    'Hasil verifikasi dan validasi (verval) registri per tahun dan kecamatan: keluarga diperiksa, dihapus, ditambah, dan yang graduasi (keluar dari bantuan karena tidak lagi miskin).',
    'Registry verification (verval) by year and kecamatan: households checked, removed, added, and graduated (left aid because no longer poor).',
  ),
  required: false,
  key: ['tahun', 'kode_wilayah'],
  schema: z.object({
    tahun: year({ title: t('Tahun', 'Year'), description: t('Tahun verval.', 'Year of verification.') }),
    kode_wilayah: areaCode(['kecamatan']),
    nama_wilayah: areaName(),
    diperiksa: count({
      title: t('Diperiksa', 'Checked'),
      description: t('Keluarga yang diverifikasi ulang.', 'Households re-checked.'),
      unit: 'keluarga',
    }),
    dihapus: count({
      title: t('Dihapus', 'Removed'),
      description: t('Keluarga yang dikeluarkan dari registri.', 'Households removed from the registry.'),
      unit: 'keluarga',
    }),
    ditambah: count({
      title: t('Ditambah', 'Added'),
      description: t('Keluarga baru yang masuk registri.', 'Households newly added to the registry.'),
      unit: 'keluarga',
    }),
    graduasi: count({
      title: t('Graduasi', 'Graduated'),
      description: t(
        'Keluarga yang keluar dari bantuan karena tidak lagi miskin.',
        'Households that left aid because they are no longer poor.',
      ),
      unit: 'keluarga',
    }),
  }),
});
export type VervalRow = z.infer<typeof verval.schema>;
