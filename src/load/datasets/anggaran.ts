import * as z from 'zod';
import { FUNDING_SOURCES, UNITS } from '../../domain/aid.ts';
import { t } from '../problems.ts';
import { count, oneOf, program, rupiah, year } from '../schema/columns.ts';
import { defineDataset } from '../schema/dataset.ts';

/** Budget of each program by year and funding source: allocation, spending, output target and output achieved. */
export const anggaran = defineDataset({
  name: 'anggaran',
  file: 'anggaran.csv',
  title: t('Anggaran dan realisasi program', 'Program budget and spending'),
  description: t(
    'Pagu, realisasi, target dan capaian keluaran tiap program per tahun dan sumber dana (APBN, APBD, …).',
    'Allocation, spending, output target and output achieved of each program by year and funding source (APBN, APBD, …).',
  ),
  required: true,
  key: ['tahun', 'program', 'sumber_dana'],
  schema: z.object({
    tahun: year({ title: t('Tahun anggaran', 'Budget year'), description: t('Tahun anggaran.', 'Budget year.') }),
    program: program(),
    sumber_dana: oneOf(FUNDING_SOURCES, {
      title: t('Sumber dana', 'Funding source'),
      description: t(
        'APBN (pusat), APBD (kabupaten), APBD Provinsi, Dana Desa atau Lainnya.',
        'APBN (national), APBD (kabupaten), APBD Provinsi (province), Dana Desa (village funds) or Lainnya (other).',
      ),
      example: 'APBD',
    }),
    pagu: rupiah({ title: t('Pagu', 'Allocation'), description: t('Pagu anggaran (alokasi).', 'Budget allocation.'), optional: true }),
    realisasi: rupiah({
      title: t('Realisasi', 'Spending'),
      description: t('Anggaran yang terserap; kosongkan bila belum ada.', 'Amount spent; leave empty if not yet known.'),
      optional: true,
    }),
    target_output: count({
      title: t('Target keluaran', 'Output target'),
      description: t('Target keluaran dalam satuan_output.', 'Output target in satuan_output.'),
      optional: true,
    }),
    capaian_output: count({
      title: t('Capaian keluaran', 'Output achieved'),
      description: t('Keluaran yang tercapai dalam satuan_output.', 'Output achieved in satuan_output.'),
      optional: true,
    }),
    satuan_output: oneOf(UNITS, {
      title: t('Satuan keluaran', 'Output unit'),
      description: t(
        'Satuan keluaran: KPM, jiwa, unit rumah, paket, orang atau lembaga.',
        'Output unit: KPM, people, houses, packages, persons or organisations.',
      ),
      example: 'KPM',
    }),
  }),
  rules: [
    {
      check: (r) => !(r.realisasi !== undefined && r.realisasi > 0 && !r.pagu),
      level: 'error',
      kind: 'realisasi_without_pagu',
      field: 'pagu',
      expected: t('pagu diisi (> 0) bila ada realisasi', 'an allocation (> 0) wherever there is spending'),
    },
    {
      check: (r) => !(r.pagu && r.realisasi !== undefined && r.realisasi > r.pagu),
      level: 'warning',
      kind: 'realisasi_over_pagu',
      field: 'realisasi',
      expected: t('realisasi ≤ pagu (periksa kembali angkanya)', 'spending ≤ allocation (please double-check)'),
    },
    {
      check: (r) => !(r.target_output !== undefined && r.capaian_output !== undefined && r.capaian_output > r.target_output),
      level: 'warning',
      kind: 'capaian_over_target',
      field: 'capaian_output',
      expected: t('capaian ≤ target (periksa kembali angkanya)', 'output ≤ target (please double-check)'),
    },
  ],
});
export type AnggaranRow = z.infer<typeof anggaran.schema>;
