import * as z from 'zod';
import { DESIL_PERIODS } from '../../domain/desil.ts';
import { t } from '../problems.ts';
import { areaCode, areaName, count, desil, oneOf, program, year } from '../schema/columns.ts';
import { defineDataset } from '../schema/dataset.ts';

/** Recipients of each program by DTSEN desil: whether aid reaches the poor. */
export const sasaran = defineDataset({
  name: 'sasaran',
  file: 'sasaran.csv',
  title: t('Penerima per desil (ketepatan sasaran)', 'Recipients by desil (targeting)'),
  description: t(
    'Penerima tiap program menurut desil DTSEN keluarganya, per kecamatan atau desa dan periode; desil kosong = penerima yang belum diperingkat.',
    'Recipients of each program by their household’s DTSEN desil, per kecamatan or desa and period; an empty desil = recipients not (yet) ranked.',
  ),
  required: false,
  key: ['tahun', 'periode', 'kode_wilayah', 'program', 'desil'],
  additive: ['penerima'],
  schema: z.object({
    tahun: year({ title: t('Tahun', 'Year'), description: t('Tahun penyaluran.', 'Year of disbursement.') }),
    periode: oneOf(
      DESIL_PERIODS,
      {
        title: t('Periode', 'Period'),
        description: t('triwulan-1 … triwulan-4, atau "tahunan".', 'triwulan-1 … triwulan-4, or "tahunan" (annual).'),
        example: 'triwulan-4',
      },
      'tahunan',
    ),
    kode_wilayah: areaCode(['kecamatan', 'desa']),
    nama_wilayah: areaName(),
    program: program(),
    desil: desil({
      title: t('Desil', 'Desil'),
      description: t(
        'Desil DTSEN keluarga penerima 1–10; kosongkan untuk penerima yang belum diperingkat.',
        'DTSEN desil of the recipients’ households 1–10; leave empty for recipients not ranked.',
      ),
      optional: true,
    }),
    penerima: count({
      title: t('Penerima', 'Recipients'),
      description: t('Penerima dalam satuan program (KPM atau jiwa).', 'Recipients in the program unit (KPM or people).'),
      unit: 'KPM/jiwa',
    }),
  }),
});
export type SasaranRow = z.infer<typeof sasaran.schema>;
