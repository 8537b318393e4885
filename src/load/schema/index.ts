/** Every CSV input, in the order pages and the data dictionary list them. */
import { anggaran } from './anggaran.ts';
import { cakupan } from './cakupan.ts';
import { kemiskinan } from './kemiskinan.ts';
import { pmks } from './pmks.ts';
import { psks } from './psks.ts';
import { puskesos } from './puskesos.ts';
import { registri } from './registri.ts';
import { verval } from './verval.ts';

export const DATASETS = [kemiskinan, pmks, psks, registri, cakupan, anggaran, verval, puskesos] as const;
export { anggaran, cakupan, kemiskinan, pmks, psks, puskesos, registri, verval };
