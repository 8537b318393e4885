import * as z from 'zod';
import { t } from '../problems.ts';
import { areaCode, areaName, count, oneOf, text } from '../schema/columns.ts';
import { defineDataset } from '../schema/dataset.ts';

export const LEMBAGA = ['DPRD Kabupaten', 'DPRD Kota', 'DPRD Provinsi'] as const;

/**
 * DPRD electoral districts (daerah pemilihan): one row per area a dapil covers
 * — kecamatan for a DPRD kabupaten/kota, kabupaten/kota or kecamatan for a
 * DPRD provinsi. Not data about people: it groups the kecamatan the other
 * files count, so each dapil gets its own one-pager and sums.
 */
export const dapil = defineDataset({
  name: 'dapil',
  file: 'dapil.csv',
  title: t('Daerah pemilihan (dapil) DPRD', 'DPRD electoral districts (dapil)'),
  description: t(
    'Susunan dapil DPRD: wilayah (kecamatan, atau kabupaten/kota untuk DPRD provinsi) yang dicakup tiap dapil dan jumlah kursinya.',
    'DPRD electoral districts: the areas (kecamatan, or kabupaten/kota for a provincial DPRD) each dapil covers and its number of seats.',
  ),
  required: false,
  key: ['lembaga', 'dapil', 'kode_wilayah'],
  schema: z.object({
    lembaga: oneOf(LEMBAGA, {
      title: t('Lembaga', 'Council'),
      description: t('DPRD yang anggotanya dipilih di dapil ini.', 'The DPRD whose members this dapil elects.'),
    }),
    dapil: text({
      title: t('Dapil', 'Dapil'),
      description: t(
        'Nama dapil seperti ditetapkan KPU, mis. "Dapil 2". Satu baris per wilayah dapil, dengan nama yang sama.',
        'Name of the dapil as set by KPU, e.g. "Dapil 2". One row per area of the dapil, under the same name.',
      ),
      max: 80,
    }),
    kursi: count({
      title: t('Kursi', 'Seats'),
      description: t('Jumlah kursi dapil (sama di setiap baris dapil itu).', 'Seats of the dapil (the same on each of its rows).'),
      unit: 'kursi',
    }),
    kode_wilayah: areaCode(['kabupaten', 'kecamatan'], {
      description: t(
        'Kode Kemendagri bertitik kecamatan yang masuk dapil, mis. {{kecamatan}}; untuk dapil DPRD provinsi boleh kode kabupaten/kota utuh.',
        'Dotted Kemendagri code of a kecamatan in the dapil, e.g. {{kecamatan}}; a provincial DPRD dapil may name a whole kabupaten/kota.',
      ),
    }),
    nama_wilayah: areaName(),
    sumber: text({
      title: t('Sumber', 'Source'),
      description: t('Dasar penetapan, mis. "Keputusan KPU 2023".', 'Where the composition is set, e.g. "KPU decision 2023".'),
      max: 200,
      optional: true,
    }),
  }),
});
export type DapilRow = z.infer<typeof dapil.schema>;
