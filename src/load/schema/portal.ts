import * as z from 'zod';

/** `portal.json`: who publishes, which kabupaten, which release. */
export const portalSchema = z.object({
  /** Kemendagri code of the kabupaten/kota, e.g. "34.02"; a province code ("34") makes a province portal. */
  kode_kabupaten: z
    .string()
    .regex(/^\d{2}(\.\d{2})?$/, 'kode kabupaten/kota bertitik, mis. "34.02" (atau kode provinsi, mis. "34", untuk portal provinsi)'),
  instansi: z.object({
    /** e.g. "Dinas Sosial Kabupaten Bantul". */
    nama: z.string().min(3, 'nama dinas, mis. "Dinas Sosial Kabupaten Bantul"'),
    alamat: z.string().min(3, 'alamat kantor dinas (minimal 3 karakter)'),
    telepon: z.string().min(3).optional(),
    whatsapp: z.string().min(3).optional(),
    email: z.string().email().optional(),
    situs: z.string().url().optional(),
  }),
  rilis: z.object({
    /** Release identifier, used in download URLs, e.g. "2026-1". */
    label: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'huruf, angka, titik, garis bawah atau tanda hubung, mis. "2026-1"'),
    /** Release date, ISO `YYYY-MM-DD`. */
    tanggal: z.iso.date(),
  }),
  /** Where the numbers come from. */
  sumber: z.array(z.object({ nama: z.string().min(2), url: z.string().url().optional() })).min(1),
  /** Licence of the published data; CC BY 4.0 unless the office decides otherwise. */
  lisensi: z.object({ id: z.string(), nama: z.string(), url: z.string().url() }).default({
    id: 'CC-BY-4.0',
    nama: 'Creative Commons Atribusi 4.0 Internasional',
    url: 'https://creativecommons.org/licenses/by/4.0/deed.id',
  }),
  /**
   * Disclosure control: counts from 1 to ambang_k − 1 about people or
   * households in a desa or kecamatan are never published (default 5).
   */
  ambang_k: z.number().int().min(2).max(100).default(5),
  /** Finest level at which sensitive PMKS categories are published. */
  tingkat_sensitif: z.enum(['kecamatan', 'kabupaten']).default('kecamatan'),
  /** True when the data are synthetic: every page and download then says so. */
  data_contoh: z.boolean().default(false),
  /**
   * Number format of the CSV files: "auto" infers it per file (`;` files and
   * values like `13,50` are Indonesian), "id" or "en" force it. Per-file
   * overrides go in `format_angka_berkas`.
   */
  format_angka: z.enum(['auto', 'id', 'en']).default('auto'),
  format_angka_berkas: z.record(z.string(), z.enum(['auto', 'id', 'en'])).default({}),
  /**
   * The path the site is served under, e.g. "/terang/" for a GitHub Pages
   * project site; by default the path of `instansi.situs`, else "/".
   */
  base: z
    .string()
    .regex(/^\/([A-Za-z0-9._~-]+\/)*$/, 'jalur yang diawali dan diakhiri "/", mis. "/terang/"')
    .optional(),
});
export type PortalConfig = z.infer<typeof portalSchema>;

/** Where the site is served: BASE_PATH from the environment (a Pages workflow), portal.json `base`, the path of `instansi.situs`, or "/". */
export function siteBase(c: PortalConfig, env: Record<string, string | undefined> = process.env): string {
  const raw = env.BASE_PATH || c.base || (c.instansi.situs ? new URL(c.instansi.situs).pathname : '/');
  const trimmed = raw.replace(/^\/+|\/+$/g, '');
  return trimmed ? `/${trimmed}/` : '/';
}
