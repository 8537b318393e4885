import * as z from 'zod';
import { t } from '../problems.ts';
import { areaCode, areaName, count, oneOf, program, text, year } from '../schema/columns.ts';
import { defineDataset } from '../schema/dataset.ts';

export const PERIODS = ['tahunan', 'tahap-1', 'tahap-2', 'tahap-3', 'tahap-4'] as const;

/** Recipients of each aid program by year/period and area. Coverage = penerima ÷ registry (registri.csv). */
export const cakupan = defineDataset({
  name: 'cakupan',
  file: 'cakupan.csv',
  title: t('Penerima bantuan per program dan wilayah', 'Aid recipients by program and area'),
  description: t(
    'Jumlah penerima tiap program bantuan per tahun/tahap dan wilayah, dalam satuan program (KPM atau jiwa). Cakupan dihitung terhadap registri.',
    'Recipients of each aid program by year/stage and area, in the program unit (KPM or people). Coverage is computed against the registry.',
  ),
  required: true,
  key: ['tahun', 'periode', 'kode_wilayah', 'program'],
  additive: ['penerima'],
  schema: z.object({
    tahun: year({ title: t('Tahun', 'Year'), description: t('Tahun penyaluran.', 'Year of disbursement.') }),
    periode: oneOf(
      PERIODS,
      {
        title: t('Periode', 'Period'),
        description: t(
          '"tahunan" (atau kosong) untuk angka setahun, atau tahap-1 … tahap-4 untuk tahap penyaluran.',
          '"tahunan" (or empty) for a whole year, or tahap-1 … tahap-4 for a disbursement stage.',
        ),
        example: 'tahunan',
      },
      'tahunan',
    ),
    kode_wilayah: areaCode(['kecamatan', 'desa']),
    nama_wilayah: areaName(),
    program: program(),
    penerima: count({
      title: t('Penerima', 'Recipients'),
      description: t(
        'Jumlah penerima dalam satuan program (KPM untuk bantuan keluarga, jiwa untuk PBI-JK).',
        'Recipients in the program unit (KPM for household aid, people for PBI-JK).',
      ),
      unit: 'KPM/jiwa',
    }),
    keterangan: text({
      title: t('Keterangan', 'Note'),
      description: t(
        'Opsional: penjelasan, mis. mengapa penerima melebihi keluarga dalam registri (program yang juga melayani warga di luar registri).',
        'Optional: an explanation, e.g. why recipients exceed registry households (a program that also serves people outside the registry).',
      ),
      max: 200,
      optional: true,
    }),
  }),
});
export type CakupanRow = z.infer<typeof cakupan.schema>;
