import * as z from 'zod';
import { SERVICE_KINDS } from '../../domain/aid.ts';
import { DESIL_PERIODS } from '../../domain/desil.ts';
import { t } from '../problems.ts';
import { areaCode, areaName, count, days, oneOf, year } from '../schema/columns.ts';
import { defineDataset } from '../schema/dataset.ts';

/** Usulan (proposals to add a household) and sanggah (objections to a recipient): received, resolved, days to resolve. */
export const layanan = defineDataset({
  name: 'layanan',
  file: 'layanan.csv',
  title: t('Usulan dan sanggah', 'Proposals and objections'),
  description: t(
    'Usulan (mengusulkan keluarga masuk registri atau bantuan) dan sanggah (keberatan atas seorang penerima) yang diterima dan diselesaikan, serta rata-rata hari penyelesaiannya, per kecamatan dan periode.',
    'Proposals (to add a household to the registry or to aid) and objections (to a recipient) received and resolved, and the average days to resolve, per kecamatan and period.',
  ),
  required: false,
  key: ['tahun', 'periode', 'kode_wilayah', 'jenis'],
  additive: ['diterima', 'selesai'],
  schema: z.object({
    tahun: year({ title: t('Tahun', 'Year'), description: t('Tahun.', 'Year.') }),
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
    jenis: oneOf(SERVICE_KINDS, {
      title: t('Jenis', 'Kind'),
      description: t('"usulan" atau "sanggah".', '"usulan" (proposal) or "sanggah" (objection).'),
      example: 'usulan',
    }),
    diterima: count({
      title: t('Diterima', 'Received'),
      description: t('Usulan atau sanggah yang masuk pada periode ini.', 'Proposals or objections received in the period.'),
      unit: 'berkas',
    }),
    selesai: count({
      title: t('Selesai', 'Resolved'),
      description: t(
        'Yang diselesaikan pada periode ini (termasuk sisa periode sebelumnya).',
        'Resolved in the period (including earlier ones).',
      ),
      unit: 'berkas',
    }),
    rata_hari: days({
      title: t('Rata-rata hari', 'Average days'),
      description: t('Rata-rata hari dari diterima sampai selesai.', 'Average days from received to resolved.'),
      optional: true,
    }),
  }),
  rules: [
    {
      check: (r) => r.selesai <= r.diterima * 3 + 50,
      level: 'warning',
      kind: 'implausible',
      field: 'selesai',
      expected: t(
        'selesai tidak jauh melebihi diterima (sisa periode lalu wajar, tiga kali lipat jarang)',
        'resolved not far above received (some backlog is normal, threefold is rare)',
      ),
    },
  ],
});
export type LayananRow = z.infer<typeof layanan.schema>;
