import * as z from 'zod';
import { t } from '../problems.ts';
import { count, percent, text, year } from '../schema/columns.ts';
import { defineDataset } from '../schema/dataset.ts';

/** Poverty of the whole kabupaten by year, as published by BPS (Susenas, March). */
export const kemiskinan = defineDataset({
  name: 'kemiskinan',
  file: 'kemiskinan.csv',
  title: t('Kemiskinan per tahun', 'Poverty by year'),
  description: t(
    'Persentase dan jumlah penduduk miskin, garis kemiskinan dan kemiskinan ekstrem kabupaten per tahun (BPS, Susenas Maret).',
    'Poverty rate and count, poverty line and extreme poverty of the kabupaten by year (BPS, March Susenas).',
  ),
  required: true,
  key: ['tahun'],
  schema: z.object({
    tahun: year({ title: t('Tahun', 'Year'), description: t('Tahun survei.', 'Survey year.') }),
    persen_miskin: percent({
      title: t('Persentase penduduk miskin', 'Poverty rate'),
      description: t('Persentase penduduk di bawah garis kemiskinan (P0).', 'Share of people below the poverty line (P0).'),
    }),
    jumlah_miskin: count({
      title: t('Jumlah penduduk miskin', 'People in poverty'),
      description: t('Jumlah penduduk di bawah garis kemiskinan.', 'Number of people below the poverty line.'),
      unit: 'jiwa',
    }),
    jumlah_penduduk: count({
      title: t('Jumlah penduduk', 'Population'),
      description: t(
        'Opsional: jumlah penduduk tahun itu (BPS); dipakai memeriksa bahwa persen_miskin = jumlah_miskin ÷ penduduk.',
        'Optional: population that year (BPS); used to check that persen_miskin = jumlah_miskin ÷ population.',
      ),
      unit: 'jiwa',
      optional: true,
    }),
    garis_kemiskinan: count({
      title: t('Garis kemiskinan', 'Poverty line'),
      description: t('Pengeluaran minimum per kapita per bulan.', 'Minimum expenditure per person per month.'),
      unit: 'Rp/kapita/bulan',
      optional: true,
    }),
    persen_miskin_ekstrem: percent({
      title: t('Persentase kemiskinan ekstrem', 'Extreme poverty rate'),
      description: t(
        'Persentase penduduk miskin ekstrem (di bawah USD 2,15 PPP per hari); kosongkan bila tidak dirilis.',
        'Share of people in extreme poverty (below USD 2.15 PPP a day); leave empty where not released.',
      ),
      optional: true,
    }),
    sumber: text({
      title: t('Sumber', 'Source'),
      description: t(
        'Sumber angka, mis. "BPS {{kabupaten_nama}}, Susenas Maret 2024".',
        'Source of the figures, e.g. "BPS {{kabupaten_nama}}, Susenas Maret 2024".',
      ),
      max: 200,
    }),
  }),
});
export type KemiskinanRow = z.infer<typeof kemiskinan.schema>;
