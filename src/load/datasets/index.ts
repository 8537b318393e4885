/** Every CSV input, in the order pages and the data dictionary list them. */
import { anggaran } from './anggaran.ts';
import { cakupan } from './cakupan.ts';
import { kemiskinan } from './kemiskinan.ts';
import { pmks } from './pmks.ts';
import { psks } from './psks.ts';
import { puskesos } from './puskesos.ts';
import { registri } from './registri.ts';
import { verval } from './verval.ts';
import { desilData } from './desil.ts';
import { kondisi } from './kondisi.ts';
import { layanan } from './layanan.ts';
import { sasaran } from './sasaran.ts';
import { dapil } from './dapil.ts';

export const DATASETS = [
  kemiskinan,
  pmks,
  psks,
  registri,
  cakupan,
  anggaran,
  verval,
  puskesos,
  desilData,
  sasaran,
  kondisi,
  layanan,
  dapil,
] as const;
export { anggaran, cakupan, dapil, desilData, kemiskinan, kondisi, layanan, pmks, psks, puskesos, registri, sasaran, verval };
