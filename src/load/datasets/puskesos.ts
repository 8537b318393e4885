import * as z from 'zod';
import { t } from '../problems.ts';
import { areaCode, areaName, text } from '../schema/columns.ts';
import { defineDataset } from '../schema/dataset.ts';

/** Directory of Puskesos service desks, where residents register, verify and complain. */
export const puskesos = defineDataset({
  name: 'puskesos',
  file: 'puskesos.csv',
  title: t('Direktori Puskesos', 'Puskesos directory'),
  description: t(
    'Pusat Kesejahteraan Sosial (Puskesos) tempat warga mendaftar, memperbarui data, dan mengadu: lokasi, alamat, kontak dan jam layanan.',
    'Puskesos service desks where residents register, update their data and complain: location, address, contact and opening hours.',
  ),
  required: false,
  key: ['kode_wilayah', 'nama'],
  schema: z.object({
    kode_wilayah: areaCode(['kecamatan', 'desa']),
    nama_wilayah: areaName(),
    nama: text({ title: t('Nama', 'Name'), description: t('Nama Puskesos.', 'Name of the Puskesos.'), max: 120 }),
    alamat: text({ title: t('Alamat', 'Address'), description: t('Alamat kantor layanan.', 'Office address.'), max: 240 }),
    telepon: text({
      title: t('Telepon/WhatsApp', 'Phone/WhatsApp'),
      description: t('Nomor kantor layanan (bukan nomor pribadi).', 'Office number (not a personal number).'),
      max: 60,
      optional: true,
    }),
    jam_layanan: text({
      title: t('Jam layanan', 'Opening hours'),
      description: t('Hari dan jam buka, mis. "Senin–Jumat 08.00–15.00".', 'Opening days and hours, e.g. "Senin–Jumat 08.00–15.00".'),
      max: 120,
      optional: true,
    }),
  }),
});
export type PuskesosRow = z.infer<typeof puskesos.schema>;
