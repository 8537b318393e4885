/**
 * Poverty broken down: the deprivations a registry household can have, as
 * offices report them from DTSEN's variables. One list, both languages, and
 * where each indicator comes from. A household can have several, so the
 * counts of different indicators never add up to anything.
 */
import { type Text, t } from '../shared/lang.ts';

export interface Condition {
  code: string;
  name: Text;
  source: Text;
}

const dtsen = (variable: string, en: string) => t(`DTSEN (BPS): ${variable}`, `DTSEN (BPS): ${en}`);

export const CONDITIONS: readonly Condition[] = [
  {
    code: 'rumah-tidak-layak',
    name: t('Rumah tidak layak huni', 'Uninhabitable house'),
    source: dtsen('kondisi lantai, dinding, atap dan luas per orang', 'floor, walls, roof and space per person'),
  },
  {
    code: 'tanpa-air-bersih',
    name: t('Tanpa air minum layak', 'No safe drinking water'),
    source: dtsen('sumber air minum utama', 'main drinking-water source'),
  },
  {
    code: 'tanpa-sanitasi',
    name: t('Tanpa sanitasi layak', 'No adequate sanitation'),
    source: dtsen('fasilitas buang air besar dan pembuangan akhir tinja', 'toilet facility and final disposal'),
  },
  {
    code: 'tanpa-listrik',
    name: t('Tanpa listrik PLN', 'No grid electricity'),
    source: dtsen('sumber penerangan utama', 'main lighting source'),
  },
  {
    code: 'anak-tidak-sekolah',
    name: t('Ada anak usia sekolah tidak bersekolah', 'A school-age child out of school'),
    source: dtsen('partisipasi sekolah anggota keluarga usia 7–18', 'school participation of members aged 7–18'),
  },
  {
    code: 'tanpa-jkn',
    name: t('Ada anggota tanpa jaminan kesehatan', 'A member without health insurance'),
    source: dtsen('kepemilikan JKN/PBI-JK', 'JKN/PBI-JK membership'),
  },
  {
    code: 'lansia-tunggal',
    name: t('Lansia tinggal sendiri', 'Older person living alone'),
    source: dtsen('umur dan jumlah anggota keluarga', 'age and household size'),
  },
  {
    code: 'disabilitas',
    name: t('Ada anggota penyandang disabilitas', 'A member with a disability'),
    source: dtsen('kesulitan fungsional anggota keluarga', 'functional difficulties of members'),
  },
];

export const CONDITION_CODES = CONDITIONS.map((c) => c.code) as [string, ...string[]];
