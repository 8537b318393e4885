/**
 * The region tree of any depth, rooted at the portal's region: a province
 * (`34`: province → kabupaten/kota → kecamatan → desa) or a kabupaten/kota
 * (`34.02`: kabupaten → kecamatan → desa). Each node knows its level, its
 * children and its parent, so code that walks "the children of this node"
 * serves both portals. From `idn-area-data` 4.0.1, like `regions.ts`, whose
 * kabupaten-shaped `RegionTree` is one view of the same data
 * (`asRegionTree`).
 */
import { getDistricts, getProvinces, getRegencies, getVillages } from 'idn-area-data';
import type { Kecamatan, RegionTree } from './regions.ts';

export type RegionLevel = 'provinsi' | 'kabupaten' | 'kecamatan' | 'desa';

export interface RegionNode {
  code: string;
  /** "Kabupaten Bantul", "Daerah Istimewa Yogyakarta" */
  name: string;
  level: RegionLevel;
  /** The parent's code; absent at the root. */
  parent?: string;
  /** Ordered by code; empty for a desa. */
  children: RegionNode[];
}

/** idn-area-data spells most province and kabupaten names in capitals ("KABUPATEN BANTUL"); pages want title case. */
export function titleCase(s: string): string {
  if (s !== s.toUpperCase()) return s;
  return s.toLowerCase().replace(/(^|[\s(\-/])(\p{L})/gu, (_, p: string, c: string) => p + c.toUpperCase());
}

const LEVELS: RegionLevel[] = ['provinsi', 'kabupaten', 'kecamatan', 'desa'];
/** The level below this one, or undefined below a desa. */
export const childLevel = (level: RegionLevel): RegionLevel | undefined => LEVELS[LEVELS.indexOf(level) + 1];

/** The tree under a province (`34`) or kabupaten/kota (`34.02`) code, or `null` if the code does not exist. */
export async function loadRegion(code: string): Promise<RegionNode | null> {
  const [provinces, regencies, districts, villages] = await Promise.all([getProvinces(), getRegencies(), getDistricts(), getVillages()]);
  const under = (c: string) => (x: { code: string }) => x.code.startsWith(`${c}.`);
  const byCode = (a: { code: string }, b: { code: string }) => a.code.localeCompare(b.code);
  const desaOf = new Map<string, RegionNode[]>();
  // Kecamatan and desa names as the source spells them; only province and kabupaten names come in capitals.
  for (const v of villages.filter(under(code))) {
    const list = desaOf.get(v.district_code) ?? [];
    list.push({ code: v.code, name: v.name, level: 'desa', parent: v.district_code, children: [] });
    desaOf.set(v.district_code, list);
  }
  const kecamatanOf = (kab: string): RegionNode[] =>
    districts
      .filter((d) => d.regency_code === kab)
      .sort(byCode)
      .map((d) => ({
        code: d.code,
        name: d.name,
        level: 'kecamatan',
        parent: kab,
        children: (desaOf.get(d.code) ?? []).sort(byCode),
      }));
  const kabupaten = (r: { code: string; name: string }, parent?: string): RegionNode => ({
    code: r.code,
    name: titleCase(r.name),
    level: 'kabupaten',
    ...(parent ? { parent } : {}),
    children: kecamatanOf(r.code),
  });
  if (/^\d{2}$/.test(code)) {
    const p = provinces.find((x) => x.code === code);
    if (!p) return null;
    const kabs = regencies.filter((r) => r.province_code === code).sort(byCode);
    return { code, name: titleCase(p.name), level: 'provinsi', children: kabs.map((r) => kabupaten(r, code)) };
  }
  const r = regencies.find((x) => x.code === code);
  return r ? kabupaten(r) : null;
}

/** Every node of the tree, depth first, the root first. */
export function* walk(node: RegionNode): Generator<RegionNode> {
  yield node;
  for (const c of node.children) yield* walk(c);
}

/** The nodes of one level under (or at) this node, in code order. */
export const atLevel = (node: RegionNode, level: RegionLevel): RegionNode[] => [...walk(node)].filter((n) => n.level === level);

/** Code → node, for a whole tree. */
export function nodeIndex(root: RegionNode): Map<string, RegionNode> {
  return new Map([...walk(root)].map((n) => [n.code, n]));
}

/** The nodes from the root down to this code (both included), or [] when the code is not in the tree. */
export function pathTo(root: RegionNode, code: string): RegionNode[] {
  const index = nodeIndex(root);
  const out: RegionNode[] = [];
  for (let n = index.get(code); n; n = n.parent ? index.get(n.parent) : undefined) out.unshift(n);
  return out;
}

/** A kabupaten/kota node in the kabupaten-shaped view the kabupaten portal's pages read today. */
export function asRegionTree(kab: RegionNode, province: string): RegionTree {
  if (kab.level !== 'kabupaten') throw new Error(`asRegionTree: ${kab.code} is a ${kab.level}, not a kabupaten/kota`);
  const kecamatan: Kecamatan[] = kab.children.map((k) => ({
    code: k.code,
    name: k.name,
    desa: k.children.map((d) => ({ code: d.code, name: d.name })),
  }));
  return { code: kab.code, name: kab.name, province, kecamatan };
}

/**
 * Why a code is not a kabupaten/kota, in one Indonesian sentence for commands that need one (npm run init): a
 * province code names its kabupaten/kota to choose from and where a province portal starts; an unknown code says so.
 */
export async function notAKabupaten(code: string): Promise<string> {
  const node = /^\d{2}$/.test(code) ? await loadRegion(code) : null;
  if (node)
    return `"${code}" adalah kode provinsi ${node.name}; perintah ini menyiapkan satu kabupaten/kota. Pakai kode salah satu kabupaten/kotanya: ${node.children.map((k) => `${k.code} ${k.name}`).join(', ')} (portal provinsi: satu folder per kabupaten/kota; lihat contohnya dengan npm run sample -- --region ${code} --out data-provinsi)`;
  return `kode kabupaten/kota "${code}" tidak ditemukan di idn-area-data 4.0.1 (bentuknya dua angka, titik, dua angka, mis. 34.02)`;
}
