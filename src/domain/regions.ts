/**
 * The kabupaten's region tree (kabupaten → kecamatan → desa) with Kemendagri
 * codes and names, from `idn-area-data` 4.0.1 (Kepmendagri
 * 300.2.2-2138/2025; data under ODbL, credited in the footer).
 */
import { getProvinces, getRegencies } from 'idn-area-data';
import { asRegionTree, loadRegion, titleCase } from './region-node.ts';

export type AreaLevel = 'kabupaten' | 'kecamatan' | 'desa';

export interface Desa {
  code: string;
  name: string;
}
export interface Kecamatan {
  code: string;
  name: string;
  desa: Desa[];
}
export interface RegionTree {
  code: string;
  /** "Kabupaten Bantul"; for a province portal the province ("Daerah Istimewa Yogyakarta") */
  name: string;
  province: string;
  /**
   * Set for a province portal only: its kabupaten/kota in code order. The root is then the province and
   * `kecamatan` holds every kecamatan of the province; a kecamatan's kabupaten is `kabupatenOf(code)`.
   */
  kabupaten?: { code: string; name: string }[];
  kecamatan: Kecamatan[];
}

export const REGION_SOURCE = {
  name: 'idn-area-data 4.0.1 (Kepmendagri 300.2.2-2138/2025)',
  url: 'https://github.com/fityannugroho/idn-area-data',
  license: 'ODbL-1.0',
};

/** The level a dotted Kemendagri code denotes, by its shape alone. */
export function levelOf(code: string): AreaLevel | 'provinsi' | null {
  if (/^\d{2}$/.test(code)) return 'provinsi';
  if (/^\d{2}\.\d{2}$/.test(code)) return 'kabupaten';
  if (/^\d{2}\.\d{2}\.\d{2}$/.test(code)) return 'kecamatan';
  if (/^\d{2}\.\d{2}\.\d{2}\.\d{4}$/.test(code)) return 'desa';
  return null;
}

export const kecamatanOf = (desaCode: string): string => desaCode.slice(0, 8);
/** The kabupaten/kota of a kecamatan or desa code. */
export const kabupatenOf = (code: string): string => code.slice(0, 5);
/** Whether the portal's root is a province (four levels) rather than a kabupaten/kota. */
export const isProvince = (tree: RegionTree): boolean => tree.kabupaten !== undefined;

/** Load the tree of one kabupaten/kota, or `null` if the code is not one (the kabupaten-shaped view of `loadRegion`). */
export async function loadRegionTree(kabupatenCode: string): Promise<RegionTree | null> {
  const [node, provinces] = await Promise.all([loadRegion(kabupatenCode), getProvinces()]);
  if (node?.level !== 'kabupaten') return null;
  const province = provinces.find((p) => p.code === kabupatenCode.slice(0, 2))?.name ?? '';
  return asRegionTree(node, titleCase(province));
}

/**
 * The tree a portal is built over: a kabupaten/kota (`34.02`) as `loadRegionTree`, or a province (`34`) with its
 * kabupaten/kota and every kecamatan and desa under them. `null` if the code is neither.
 */
export async function loadPortalTree(code: string): Promise<RegionTree | null> {
  if (!/^\d{2}$/.test(code)) return loadRegionTree(code);
  const node = await loadRegion(code);
  if (node?.level !== 'provinsi') return null;
  const kabs = node.children.map((k) => asRegionTree(k, node.name));
  return {
    code,
    name: node.name,
    province: node.name,
    kabupaten: kabs.map((k) => ({ code: k.code, name: k.name })),
    kecamatan: kabs.flatMap((k) => k.kecamatan),
  };
}

/** One kabupaten/kota of a province tree, in the kabupaten-shaped view (its kecamatan and desa). */
export function subtree(tree: RegionTree, kabupaten: string): RegionTree | undefined {
  const k = tree.kabupaten?.find((x) => x.code === kabupaten);
  if (!k) return tree.code === kabupaten ? tree : undefined;
  return { code: k.code, name: k.name, province: tree.name, kecamatan: tree.kecamatan.filter((x) => kabupatenOf(x.code) === k.code) };
}

/** A lookup from code to level, name and parent, built once per tree; and from a name to its codes. */
export interface AreaIndex {
  get(code: string): { level: AreaLevel; name: string; kecamatan?: string } | undefined;
  /** Areas whose name is this (case, spacing and a leading "Kecamatan", "Desa"… ignored). */
  byName(name: string): { code: string; level: AreaLevel; name: string }[];
}

/** A place name as people type it: "KEC. Lebong  Atas" → "lebong atas". */
export const nameKey = (s: string): string =>
  s
    .toLowerCase()
    .replace(/^(kec\.?|kecamatan|kapanewon|kemantren|distrik|desa|kelurahan|kalurahan|kel\.|ds\.|kabupaten|kab\.|kota)\s+/, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

export function indexTree(tree: RegionTree): AreaIndex {
  const m = new Map<string, { level: AreaLevel; name: string; kecamatan?: string }>();
  m.set(tree.code, { level: 'kabupaten', name: tree.name });
  for (const k of tree.kabupaten ?? []) m.set(k.code, { level: 'kabupaten', name: k.name });
  for (const k of tree.kecamatan) {
    m.set(k.code, { level: 'kecamatan', name: k.name });
    for (const d of k.desa) m.set(d.code, { level: 'desa', name: d.name, kecamatan: k.code });
  }
  const names = new Map<string, { code: string; level: AreaLevel; name: string }[]>();
  for (const [code, a] of m) {
    const key = nameKey(a.name);
    names.set(key, [...(names.get(key) ?? []), { code, level: a.level, name: a.name }]);
  }
  return { get: (code) => m.get(code), byName: (name) => names.get(nameKey(name)) ?? [] };
}

/** Every kabupaten/kota's name by code ("Kabupaten Bantul"), for saying whose data a file holds. */
export async function regencyNames(): Promise<Map<string, string>> {
  return new Map((await getRegencies()).map((r) => [r.code, titleCase(r.name)]));
}
