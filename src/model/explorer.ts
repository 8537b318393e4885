/**
 * What the data explorer offers: every measure this release publishes per
 * kecamatan, with the years it has figures for. The values themselves are
 * not copied here: the explorer reads the JSON downloads (shared/explorer.ts).
 */
import { CONDITIONS } from '../domain/conditions.ts';
import { PMKS_CATEGORIES } from '../domain/categories.ts';
import { texts } from '../i18n/index.ts';
import type { ExplorerIndicator } from '../shared/explorer.ts';
import type { Lang } from '../shared/lang.ts';
import { isNotReleased } from '../protect/figure.ts';
import type { SiteFigures } from './model.ts';

const yearsOf = (rows: readonly { tahun: number }[]) => [...new Set(rows.map((r) => r.tahun))].sort((a, b) => a - b);
const isKec = (code: string) => code.split('.').length === 3;

export function explorerIndicators(site: SiteFigures, lang: Lang): ExplorerIndicator[] {
  const t = texts(lang);
  const en = lang === 'en';
  const out: ExplorerIndicator[] = [];
  const add = (x: ExplorerIndicator) => {
    if (x.years.length) out.push(x);
  };
  const unitOf = (p: { satuan: string }) => (p.satuan === 'jiwa' ? t.jiwa : t.households);

  for (const p of site.programs) {
    const rows = site.cakupan.kecamatan.filter((r) => r.program === p.slug);
    const name = p.singkatan ?? (en && p.nama_en ? p.nama_en : p.nama);
    add({
      id: `cakupan-${p.slug}`,
      group: t.exGroupCoverage,
      label: t.exCoverage(name),
      file: 'cakupan',
      where: { program: p.slug },
      column: 'persen_cakupan',
      unit: '%',
      format: 'percent',
      years: yearsOf(rows.filter((r) => r.persen !== undefined)),
    });
    add({
      id: `penerima-${p.slug}`,
      group: t.exGroupCoverage,
      label: t.exRecipients(name),
      file: 'cakupan',
      where: { program: p.slug },
      column: 'penerima',
      unit: p.satuan,
      format: 'number',
      years: yearsOf(rows),
    });
  }
  for (const p of site.programs) {
    const rows = site.targeting.filter((r) => r.program === p.slug && isKec(r.wilayah));
    const name = p.singkatan ?? (en && p.nama_en ? p.nama_en : p.nama);
    add({
      id: `tepat-${p.slug}`,
      group: t.exGroupTargeting,
      label: t.exOnTarget(name),
      file: 'sasaran-indikator',
      where: { program: p.slug },
      column: 'persen_tepat_sasaran',
      unit: '%',
      format: 'percent',
      years: yearsOf(rows),
      periodic: true,
    });
    add({
      id: `tanpa-${p.slug}`,
      group: t.exGroupTargeting,
      label: t.exEligibleWithout(name),
      file: 'sasaran-indikator',
      where: { program: p.slug },
      column: 'keluarga_layak_tanpa_program',
      unit: unitOf(p),
      format: 'number',
      years: yearsOf(rows),
      periodic: true,
    });
  }
  const reg = site.registri.kecamatan;
  for (const [column, label] of [
    ['keluarga', t.exRegistryFamilies],
    ['jiwa', t.exRegistryPeople],
    ['keluarga_tanpa_bansos_pusat', t.cNoAid],
    ['keluarga_dibantu_apbd', t.cApbd],
  ] as const)
    add({
      id: `registri-${column}`,
      group: t.exGroupRegistry,
      label,
      file: 'registri',
      where: {},
      column,
      unit: column === 'jiwa' ? t.jiwa : t.households,
      format: 'number',
      years: yearsOf(reg.filter((r) => !isNotReleased(r[column]))),
    });
  for (const c of CONDITIONS)
    add({
      id: `kondisi-${c.code}`,
      group: t.exGroupConditions,
      label: c.name[lang],
      file: 'kondisi',
      where: { indikator: c.code },
      column: 'keluarga',
      unit: t.households,
      format: 'number',
      years: yearsOf(site.kondisi.filter((r) => r.ukuran === c.code && isKec(r.wilayah))),
    });
  const pmksKec = site.pmks.filter((r) => isKec(r.wilayah));
  for (const c of [{ code: '*', name: t.exAllCategories, nameEn: t.exAllCategories }, ...PMKS_CATEGORIES])
    add({
      id: `pmks-${c.code === '*' ? 'semua' : c.code}`,
      group: t.exGroupPmks,
      label: en ? c.nameEn : c.name,
      file: 'pmks',
      where: { kategori: c.code },
      column: 'jumlah',
      unit: t.people,
      format: 'number',
      years: yearsOf(pmksKec.filter((r) => r.kategori === c.code)),
    });
  for (const [column, label] of [
    ['diperiksa', t.exChecked],
    ['dihapus', t.cRemoved],
    ['ditambah', t.cAdded],
    ['graduasi', t.cGraduated],
  ] as const)
    add({
      id: `verval-${column}`,
      group: t.exGroupVerval,
      label,
      file: 'verval',
      where: {},
      column,
      unit: t.households,
      format: 'number',
      years: yearsOf(site.verval.kecamatan),
    });
  for (const jenis of ['usulan', 'sanggah'] as const)
    for (const [column, label] of [
      ['diterima', t.exReceived(jenis)],
      ['rata_hari', t.exDays(jenis)],
    ] as const)
      add({
        id: `layanan-${jenis}-${column}`,
        group: t.exGroupServices,
        label,
        file: 'layanan',
        where: { jenis },
        column,
        unit: column === 'rata_hari' ? t.days : t.exCases,
        format: 'number',
        years: yearsOf(site.layanan.filter((r) => r.jenis === jenis && isKec(r.kode_wilayah))),
        periodic: true,
      });
  return out;
}
