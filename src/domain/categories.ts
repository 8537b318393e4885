/**
 * The 26 PMKS categories (Permensos 08/2012) and the PSKS categories, with
 * the everyday words people search for. Codes are what operators type in CSV
 * files; names are what pages show.
 */

export interface Category {
  /** Code used in CSV files (PMKS: "1".."26"; PSKS: a short slug). */
  code: string;
  slug: string;
  name: string;
  nameEn: string;
  /** Sensitive categories: health, crime, sexual exploitation, violence (UU 27/2022 "data pribadi spesifik"). */
  sensitive?: boolean;
}

const pmks = (code: number, slug: string, name: string, nameEn: string, sensitive = false): Category => ({
  code: String(code),
  slug,
  name,
  nameEn,
  ...(sensitive ? { sensitive } : {}),
});

/** Permensos 08/2012, in the official order. Sensitive: 3, 6, 10, 15, 16, 17, 18, 19. */
export const PMKS_CATEGORIES: readonly Category[] = [
  pmks(1, 'anak-balita-terlantar', 'Anak Balita Terlantar', 'Neglected toddlers'),
  pmks(2, 'anak-terlantar', 'Anak Terlantar', 'Neglected children'),
  pmks(3, 'anak-berhadapan-dengan-hukum', 'Anak Berhadapan dengan Hukum', 'Children in conflict with the law', true),
  pmks(4, 'anak-jalanan', 'Anak Jalanan', 'Street children'),
  pmks(5, 'anak-dengan-kedisabilitasan', 'Anak dengan Kedisabilitasan', 'Children with disabilities'),
  pmks(6, 'anak-korban-tindak-kekerasan', 'Anak yang Menjadi Korban Tindak Kekerasan', 'Child victims of violence', true),
  pmks(7, 'anak-memerlukan-perlindungan-khusus', 'Anak yang Memerlukan Perlindungan Khusus', 'Children in need of special protection'),
  pmks(8, 'lanjut-usia-terlantar', 'Lanjut Usia Terlantar', 'Neglected older people'),
  pmks(9, 'penyandang-disabilitas', 'Penyandang Disabilitas', 'People with disabilities'),
  pmks(10, 'tuna-susila', 'Tuna Susila', 'People in prostitution', true),
  pmks(11, 'gelandangan', 'Gelandangan', 'Homeless people'),
  pmks(12, 'pengemis', 'Pengemis', 'Beggars'),
  pmks(13, 'pemulung', 'Pemulung', 'Waste pickers'),
  pmks(14, 'kelompok-minoritas', 'Kelompok Minoritas', 'Minority groups'),
  pmks(15, 'bekas-warga-binaan-lapas', 'Bekas Warga Binaan Lembaga Pemasyarakatan', 'Former prison inmates', true),
  pmks(16, 'odha', 'Orang dengan HIV/AIDS (ODHA)', 'People living with HIV/AIDS', true),
  pmks(17, 'korban-napza', 'Korban Penyalahgunaan NAPZA', 'Victims of drug abuse', true),
  pmks(18, 'korban-trafficking', 'Korban Trafficking', 'Victims of trafficking', true),
  pmks(19, 'korban-tindak-kekerasan', 'Korban Tindak Kekerasan', 'Victims of violence', true),
  pmks(20, 'pekerja-migran-bermasalah-sosial', 'Pekerja Migran Bermasalah Sosial', 'Migrant workers with social problems'),
  pmks(21, 'korban-bencana-alam', 'Korban Bencana Alam', 'Victims of natural disasters'),
  pmks(22, 'korban-bencana-sosial', 'Korban Bencana Sosial', 'Victims of social disasters'),
  pmks(23, 'perempuan-rawan-sosial-ekonomi', 'Perempuan Rawan Sosial Ekonomi', 'Socio-economically vulnerable women'),
  pmks(24, 'fakir-miskin', 'Fakir Miskin', 'The destitute poor'),
  pmks(25, 'keluarga-bermasalah-sosial-psikologis', 'Keluarga Bermasalah Sosial Psikologis', 'Families with psychosocial problems'),
  pmks(26, 'komunitas-adat-terpencil', 'Komunitas Adat Terpencil', 'Remote indigenous communities'),
];

const psks = (slug: string, name: string, nameEn: string): Category => ({ code: slug, slug, name, nameEn });

/** PSKS (Permensos 08/2012): welfare resources. Codes are the slugs. */
export const PSKS_CATEGORIES: readonly Category[] = [
  psks('peksos-profesional', 'Pekerja Sosial Profesional', 'Professional social workers'),
  psks('psm', 'Pekerja Sosial Masyarakat (PSM)', 'Community social workers'),
  psks('tagana', 'Taruna Siaga Bencana (Tagana)', 'Disaster-response youth volunteers'),
  psks('lks', 'Lembaga Kesejahteraan Sosial (LKS)', 'Social welfare institutions'),
  psks('karang-taruna', 'Karang Taruna', 'Village youth organisations'),
  psks('lk3', 'Lembaga Konsultasi Kesejahteraan Keluarga (LK3)', 'Family welfare counselling centres'),
  psks('keluarga-pioner', 'Keluarga Pioner', 'Pioneer families'),
  psks('tksk', 'Tenaga Kesejahteraan Sosial Kecamatan (TKSK)', 'Sub-district social welfare workers'),
  psks('wksbm', 'Wahana Kesejahteraan Sosial Berbasis Masyarakat (WKSBM)', 'Community-based welfare networks'),
  psks('wpks', 'Wanita Pemimpin Kesejahteraan Sosial', 'Women social welfare leaders'),
  psks('penyuluh-sosial', 'Penyuluh Sosial', 'Social extension workers'),
  psks('dunia-usaha', 'Dunia Usaha', 'Businesses'),
];

/** Accept a category by its code ("8"), zero-padded code ("08"), slug or name, case-insensitive. */
export function findCategory(list: readonly Category[], raw: string): Category | undefined {
  const v = raw.trim().toLowerCase().replace(/\s+/g, ' ');
  if (/^\d+$/.test(v)) return list.find((c) => c.code === String(Number(v)));
  return list.find((c) => c.code.toLowerCase() === v || c.slug === v || c.name.toLowerCase() === v);
}

/**
 * What people call the categories in everyday speech, so that search finds
 * "lansia" under Lanjut Usia Terlantar. Keyed `pmks:<code>` / `psks:<code>`.
 */
export const ALIASES: Record<string, { id: string; en: string }> = {
  'pmks:1': { id: 'balita terlantar, anak bawah lima tahun', en: 'neglected infants, under-fives' },
  'pmks:2': { id: 'anak telantar', en: 'abandoned children' },
  'pmks:3': { id: 'ABH, anak pelaku tindak pidana', en: 'juvenile offenders' },
  'pmks:4': { id: 'anjal', en: 'street kids' },
  'pmks:5': { id: 'anak difabel, anak berkebutuhan khusus, ABK', en: 'disabled children, special needs' },
  'pmks:8': { id: 'lansia, lansia terlantar, orang tua jompo', en: 'elderly, older persons, seniors' },
  'pmks:9': { id: 'difabel, disabilitas, penyandang cacat', en: 'disability, disabled people, handicapped' },
  'pmks:11': { id: 'gepeng, tunawisma', en: 'homeless, rough sleepers' },
  'pmks:12': { id: 'gepeng, peminta-minta', en: 'begging' },
  'pmks:16': { id: 'HIV, AIDS', en: 'HIV, AIDS' },
  'pmks:17': { id: 'narkoba, pecandu', en: 'drugs, addiction' },
  'pmks:18': { id: 'perdagangan orang, TPPO', en: 'human trafficking' },
  'pmks:19': { id: 'KDRT, kekerasan dalam rumah tangga', en: 'domestic violence' },
  'pmks:20': { id: 'TKI bermasalah, PMI', en: 'migrant workers' },
  'pmks:21': { id: 'korban banjir, gempa, longsor', en: 'flood, earthquake, landslide victims' },
  'pmks:24': { id: 'orang miskin, warga miskin, kemiskinan', en: 'poor people, poverty' },
  'pmks:26': { id: 'KAT, masyarakat adat', en: 'indigenous communities' },
  'psks:tagana': { id: 'relawan bencana', en: 'disaster volunteers' },
  'psks:psm': { id: 'relawan sosial', en: 'social volunteers' },
};
