import * as z from 'zod';
import { UNITS } from '../../domain/aid.ts';

/**
 * Front matter of a program description, `program/<slug>.md`. The Markdown
 * body explains how citizens apply and complain; it is shown on the
 * program's one-pager.
 */
export const programSchema = z.object({
  /** Full name, e.g. "Program Keluarga Harapan". */
  nama: z.string().min(2).max(120),
  /** English name. */
  nama_en: z.string().min(2).max(120).optional(),
  /** Short name, e.g. "PKH". */
  singkatan: z.string().min(1).max(30).optional(),
  /** URL slug; must equal the file name. Lowercase letters, digits and dashes. */
  slug: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
  /** Laws and regulations the program rests on. */
  dasar_hukum: z.array(z.string().min(3)).min(1),
  /** What the program is for. */
  tujuan: z.string().min(3),
  tujuan_en: z.string().min(3).optional(),
  /** Who is eligible. */
  sasaran: z.string().min(3),
  sasaran_en: z.string().min(3).optional(),
  /** Unit in which recipients are counted: KPM (household) or jiwa (person), or an output unit. */
  satuan: z.enum(UNITS),
  /** Household programs are found by any member in the aid lookup; personal ones only by that person. */
  jenis: z.enum(['keluarga', 'perorangan']),
  /** Whether the program is national (APBN) or regional (APBD) by design. */
  sumber_dana: z.enum(['APBN', 'APBD', 'APBD Provinsi', 'Dana Desa', 'Campuran']),
  /**
   * Highest DTSEN desil the program serves (Kepmensos 79/HUK/2025: PKH 4,
   * Sembako/BPNT and PBI-JK 5); absent for programs not tied to desil.
   */
  desil_maks: z.number().int().min(1).max(10).optional(),
  /** Display order on pages. */
  urutan: z.number().int().optional(),
});
export type ProgramMeta = z.infer<typeof programSchema>;
export interface Program extends ProgramMeta {
  /** Markdown body rendered to HTML at build time. */
  html: string;
  /** The English text after a `<!-- en -->` line of the body, if the office wrote one. */
  htmlEn?: string;
  file: string;
}
