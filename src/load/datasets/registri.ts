import * as z from 'zod';
import { t } from '../problems.ts';
import { areaCode, areaName, count, year } from '../schema/columns.ts';
import { defineDataset } from '../schema/dataset.ts';

/** Size of the welfare registry (DTKS, since 2025 DTSEN) by year and area: the denominator of coverage. */
export const registri = defineDataset({
  name: 'registri',
  file: 'registri.csv',
  title: t('Registri DTKS/DTSEN per wilayah', 'DTKS/DTSEN registry by area'),
  description: t(
    'Jumlah keluarga dan jiwa dalam registri kesejahteraan sosial (DTKS, sejak 2025 DTSEN) per tahun dan wilayah; penyebut untuk cakupan program.',
    'Households and people in the welfare registry (DTKS, since 2025 DTSEN) by year and area; the denominator of program coverage.',
  ),
  required: true,
  key: ['tahun', 'kode_wilayah'],
  additive: ['keluarga', 'jiwa', 'keluarga_tanpa_bansos_pusat', 'keluarga_dibantu_apbd'],
  schema: z.object({
    tahun: year({ title: t('Tahun', 'Year'), description: t('Tahun data (posisi akhir tahun).', 'Year (position at year end).') }),
    kode_wilayah: areaCode(['kecamatan', 'desa']),
    nama_wilayah: areaName(),
    keluarga: count({
      title: t('Keluarga terdaftar', 'Registered households'),
      description: t('Jumlah keluarga dalam DTKS/DTSEN.', 'Households in DTKS/DTSEN.'),
      unit: 'keluarga',
    }),
    jiwa: count({
      title: t('Jiwa terdaftar', 'Registered people'),
      description: t('Jumlah anggota keluarga (jiwa) dalam DTKS/DTSEN.', 'People in DTKS/DTSEN.'),
      unit: 'jiwa',
    }),
    keluarga_tanpa_bansos_pusat: count({
      title: t('Keluarga tanpa bansos pusat', 'Households without national aid'),
      description: t('Keluarga terdaftar yang tidak menerima bantuan APBN apa pun.', 'Registered households receiving no APBN-funded aid.'),
      unit: 'keluarga',
      optional: true,
    }),
    keluarga_dibantu_apbd: count({
      title: t('Keluarga dibantu APBD', 'Households helped by APBD'),
      description: t(
        'Dari keluarga tanpa bansos pusat, yang dibantu program APBD.',
        'Of the households without national aid, those helped by an APBD program.',
      ),
      unit: 'keluarga',
      optional: true,
    }),
  }),
});
export type RegistriRow = z.infer<typeof registri.schema>;
