/** Interface strings, one dictionary per language (Bahasa Indonesia first). */
import type { Lang } from './problems.ts';

const id = {
  skip: 'Langsung ke isi',
  home: 'Beranda',
  poverty: 'Kemiskinan',
  pmks: 'PMKS',
  psks: 'PSKS',
  budget: 'Anggaran',
  programs: 'Program',
  kecamatan: 'Kecamatan',
  check: 'Cek Bantuan',
  search: 'Cari',
  data: 'Data',
  methodology: 'Metodologi',
  sampleBanner: 'Data contoh — bukan data resmi',
  sampleBannerDetail: 'Semua angka di situs ini sintetis, untuk mencoba portal. Jangan dikutip.',
  source: 'Sumber',
  release: 'Rilis',
  licence: 'Lisensi data',
  regionAttribution: 'Kode dan nama wilayah',
  builtWith: 'Dibangun dengan Terang, portal data terbuka Dinas Sosial',
  mainNav: 'Navigasi utama',
  contact: 'Kontak',
} as const;

export type UiKey = keyof typeof id;
const en: Record<UiKey, string> = {
  skip: 'Skip to content',
  home: 'Home',
  poverty: 'Poverty',
  pmks: 'PMKS',
  psks: 'PSKS',
  budget: 'Budget',
  programs: 'Programs',
  kecamatan: 'Sub-districts',
  check: 'Check aid',
  search: 'Search',
  data: 'Data',
  methodology: 'Methodology',
  sampleBanner: 'Sample data — not official statistics',
  sampleBannerDetail: 'Every figure on this site is synthetic, for trying the portal. Do not cite.',
  source: 'Source',
  release: 'Release',
  licence: 'Data licence',
  regionAttribution: 'Area codes and names',
  builtWith: 'Built with Terang, the open-data portal for social-welfare offices',
  mainNav: 'Main navigation',
  contact: 'Contact',
};

export const UI: Record<Lang, Record<UiKey, string>> = { id, en };
export const useT = (lang: Lang) => (key: UiKey): string => UI[lang][key];
