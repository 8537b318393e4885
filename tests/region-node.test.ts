/**
 * The region tree of any depth: a province portal's tree (DIY: 5 kabupaten/kota, 78 kapanewon/kemantren,
 * 438 kalurahan/kelurahan) and a kabupaten portal's, the latter the same as the kabupaten-shaped tree of today.
 */
import { describe, expect, it } from 'vitest';
import { asRegionTree, atLevel, childLevel, loadRegion, nodeIndex, notAKabupaten, pathTo, walk } from '../src/domain/region-node.ts';
import { loadRegionTree } from '../src/domain/regions.ts';

describe('the region tree of any depth', () => {
  it('a province: four levels, each node with its parent, counts as idn-area-data gives them', async () => {
    const diy = (await loadRegion('34'))!;
    expect(diy.level).toBe('provinsi');
    expect(diy.name).toBe('Daerah Istimewa Yogyakarta');
    expect(diy.children.map((k) => k.code)).toEqual(['34.01', '34.02', '34.03', '34.04', '34.71']);
    expect(atLevel(diy, 'kecamatan')).toHaveLength(78);
    expect(atLevel(diy, 'desa')).toHaveLength(438);
    for (const n of walk(diy)) {
      for (const c of n.children) {
        expect(c.parent, c.code).toBe(n.code);
        expect(c.level).toBe(childLevel(n.level));
        expect(c.code.startsWith(`${n.code}.`)).toBe(true);
      }
    }
    expect(pathTo(diy, '34.02.17.2001').map((n) => n.level)).toEqual(['provinsi', 'kabupaten', 'kecamatan', 'desa']);
    expect(pathTo(diy, '35.01')).toEqual([]);
    expect(nodeIndex(diy).get('34.71')!.name).toBe('Kota Yogyakarta');
  });

  it('a kabupaten: the same areas as the kabupaten-shaped tree the pages read today', async () => {
    const bantul = (await loadRegion('34.02'))!;
    expect(bantul.level).toBe('kabupaten');
    expect(bantul.parent).toBeUndefined();
    expect(asRegionTree(bantul, 'Daerah Istimewa Yogyakarta')).toEqual(await loadRegionTree('34.02'));
  });

  it('an unknown code is null, and only a kabupaten/kota has the kabupaten-shaped view', async () => {
    expect(await loadRegion('99')).toBeNull();
    expect(await loadRegion('34.99')).toBeNull();
    const diy = (await loadRegion('34'))!;
    expect(() => asRegionTree(diy, '')).toThrow(/not a kabupaten/);
  });

  it('a command given a province code says so and names its kabupaten/kota; an unknown code says what a code looks like', async () => {
    expect(await notAKabupaten('34')).toContain('kode provinsi Daerah Istimewa Yogyakarta');
    expect(await notAKabupaten('34')).toContain('34.02 Kabupaten Bantul, 34.03 Kabupaten Gunungkidul');
    expect(await notAKabupaten('99.99')).toContain('tidak ditemukan');
  });
});
