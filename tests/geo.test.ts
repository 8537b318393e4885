/**
 * The boundary importer on the real BPS/COD-AB files in ../shared/geo (read
 * from there, never copied in) and on a tiny synthetic fixture.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { feature } from 'topojson-client';
import type { Topology } from 'topojson-specification';
import { afterAll, describe, expect, it } from 'vitest';
import { BoundaryBudgetError, importBoundaries, isD3Wound, normaliseName } from '../scripts/geo/boundaries.ts';
import { loadPortalTree, loadRegionTree } from '../src/domain/regions.ts';
import { ROOT } from './helpers.ts';

const SHARED = path.resolve(ROOT, '..', 'shared', 'geo');
const read = (f: string): FeatureCollection => JSON.parse(readFileSync(path.join(SHARED, f), 'utf8'));
const shapes = (t: Topology) => (feature(t, t.objects.kecamatan!) as unknown as FeatureCollection<Polygon | MultiPolygon>).features;

describe.skipIf(!existsSync(SHARED))('real BPS desa boundaries', () => {
  it('Bantul: 75 desa become 17 kecamatan, every one matched to its Kemendagri code, under 150 KB', async () => {
    const tree = (await loadRegionTree('34.02'))!;
    const r = importBoundaries(read('bantul-3402-desa-hdx2020.geojson'), tree, { attribution: 'BPS' });
    expect(r.report.unmatched).toEqual([]);
    expect(r.report.missing).toEqual([]);
    const out = shapes(r.topology);
    expect(out.map((f) => f.id).sort()).toEqual(tree.kecamatan.map((k) => k.code));
    // BPS numbers Bantul differently from Kemendagri: id3402070 is Kemendagri 34.02.08.
    expect(r.report.matched.find((m) => m.bps === 'id3402070')!.code).toBe('34.02.08');
    expect(r.report.matched.find((m) => m.name === 'Bambang Lipuro')!.code).toBe('34.02.05');
    expect(r.bytes).toBeLessThan(150_000);
    expect(out.every((f) => isD3Wound(f.geometry))).toBe(true);
  });

  it('a province (DIY) from the Bantul file: its 17 kecamatan matched within Bantul, the others said missing, Bantul dissolved as a kabupaten', async () => {
    const tree = (await loadPortalTree('34'))!;
    const r = importBoundaries(read('bantul-3402-desa-hdx2020.geojson'), tree, { attribution: 'BPS' });
    expect(r.report.unmatched).toEqual([]);
    expect(r.report.matched.every((m) => m.code.startsWith('34.02.'))).toBe(true);
    expect(new Set(r.report.matched.map((m) => m.code)).size).toBe(17);
    expect(r.report.missing).toHaveLength(78 - 17);
    const kab = (feature(r.topology, r.topology.objects.kabupaten!) as unknown as FeatureCollection<MultiPolygon>).features;
    expect(kab.map((f) => f.id)).toEqual(['34.02']);
    // The dissolved kabupaten spans what its kecamatan span: the same bounding box, fewer rings.
    const bbox = (fs: Feature<Polygon | MultiPolygon>[]) => {
      const pts = fs.flatMap(
        (f) => (f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates).flat(2) as number[][],
      );
      return [0, 1].flatMap((i) => [Math.min(...pts.map((p) => p[i]!)), Math.max(...pts.map((p) => p[i]!))]);
    };
    expect(bbox(kab)).toEqual(bbox(shapes(r.topology)));
    const rings = (fs: Feature<Polygon | MultiPolygon>[]) => fs.reduce((a, f) => a + f.geometry.coordinates.length, 0);
    expect(rings(kab)).toBeLessThan(rings(shapes(r.topology)));
    expect(r.bytes).toBeLessThan(150_000);
  });

  it('Lebong: 104 desa become 12 kecamatan; Pelabai (BPS) is matched to Tubei by its desa names', async () => {
    const tree = (await loadRegionTree('17.07'))!;
    const r = importBoundaries(read('lebong-1707-desa-hdx2020.geojson'), tree, { attribution: 'BPS' });
    expect(r.report.unmatched).toEqual([]);
    expect(
      shapes(r.topology)
        .map((f) => f.id)
        .sort(),
    ).toEqual(tree.kecamatan.map((k) => k.code));
    expect(r.report.matched.find((m) => m.name === 'Pelabai')).toMatchObject({ code: '17.07.09', kemendagriName: 'Tubei', how: 'desa' });
    // An explicit mapping entry wins over any guess.
    const mapped = importBoundaries(read('lebong-1707-desa-hdx2020.geojson'), tree, {
      attribution: 'BPS',
      mapping: { id1707042: '17.07.09' },
    });
    expect(mapped.report.matched.find((m) => m.bps === 'id1707042')!.how).toBe('mapping');
  });

  it.each([
    ['bantul-3402-desa-hdx2020.geojson', '34.02'],
    ['lebong-1707-desa-hdx2020.geojson', '17.07'],
  ])(
    '%s: simplified to meet any budget it can meet, keeping as much detail as fits; an impossible one fails loudly',
    async (file, code) => {
      const tree = (await loadRegionTree(code))!;
      const full = importBoundaries(read(file), tree, { attribution: 'BPS', maxBytes: 10_000_000 });
      const points = (t: Topology) => (t.arcs as unknown[][]).reduce((a, arc) => a + arc.length, 0);
      for (const budget of [Math.floor(full.bytes / 2), Math.floor(full.bytes / 5)]) {
        const r = importBoundaries(read(file), tree, { attribution: 'BPS', maxBytes: budget });
        expect(r.bytes).toBeLessThanOrEqual(budget);
        expect(r.bytes).toBeGreaterThan(budget * 0.8); // the most detail that fits, not just anything under it
        expect(points(r.topology)).toBeLessThan(points(full.topology));
        expect(shapes(r.topology)).toHaveLength(tree.kecamatan.length);
      }
      expect(() => importBoundaries(read(file), tree, { attribution: 'BPS', maxBytes: 500 })).toThrow(BoundaryBudgetError);
    },
  );
});

/** Two desa squares side by side in one kecamatan and one in another, wound RFC 7946 style (counter-clockwise). */
function square(x: number, y: number, props: Record<string, string>): Feature<Polygon> {
  return {
    type: 'Feature',
    properties: props,
    geometry: {
      type: 'Polygon',
      coordinates: [
        [
          [x, y],
          [x + 0.01, y],
          [x + 0.01, y + 0.01],
          [x, y + 0.01],
          [x, y],
        ],
      ],
    },
  };
}
const tiny: FeatureCollection = {
  type: 'FeatureCollection',
  features: [
    square(102.0, -3.0, { district_code: 'id1707050', district: 'LEBONG UTARA', village: 'Kampung Jawa' }),
    square(102.01, -3.0, { district_code: 'id1707050', district: 'LEBONG UTARA', village: 'Gandung' }),
    square(102.0, -3.01, { district_code: 'id1707040', district: 'Lebong  Atas', village: 'x' }),
    square(102.5, -3.5, { district_code: 'id1707999', district: 'Kecamatan Khayalan', village: 'Tidak Ada' }),
  ],
};

describe('synthetic boundaries', () => {
  it('normalises names', () => {
    expect(normaliseName('Bambang Lipuro')).toBe(normaliseName('BAMBANGLIPURO'));
    expect(normaliseName('Lebong  Atas')).toBe('lebongatas');
  });

  it('merges desa, rewinds rings for d3-geo, and reports what it cannot match', async () => {
    const tree = (await loadRegionTree('17.07'))!;
    expect(tiny.features.every((f) => isD3Wound(f.geometry as Polygon))).toBe(false);
    const r = importBoundaries(tiny, tree, { attribution: 'synthetic' });
    expect(r.report.unmatched).toEqual([{ bps: 'id1707999', name: 'Kecamatan Khayalan', desa: 1 }]);
    expect(r.report.missing.map((m) => m.code)).toContain('17.07.03');
    const out = shapes(r.topology);
    expect(out.map((f) => f.id)).toEqual(['17.07.01', '17.07.02']);
    // The two adjacent squares dissolve into one ring of 2 × 1 cells.
    const utara = out[0]!.geometry as MultiPolygon;
    expect(utara.coordinates).toHaveLength(1);
    expect(utara.coordinates[0]![0]!.length).toBeGreaterThanOrEqual(5);
    expect(out.every((f) => isD3Wound(f.geometry))).toBe(true);
    expect((r.topology as Topology & { metadata: { attribution: string } }).metadata.attribution).toBe('synthetic');
  });

  it('the CLI writes the portal file and exits 1 naming what is unmatched', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'terang-geo-'));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));
    writeFileSync(path.join(dir, 'portal.json'), JSON.stringify({ kode_kabupaten: '17.07' }));
    writeFileSync(path.join(dir, 'tiny.geojson'), JSON.stringify(tiny));
    const run = promisify(execFile);
    const fail = await run(process.execPath, ['scripts/geo-import.ts', path.join(dir, 'tiny.geojson'), '--data', dir], { cwd: ROOT }).catch(
      (e) => e,
    );
    expect(fail.code).toBe(1);
    expect(fail.stderr).toContain('GALAT id1707999 Kecamatan Khayalan');
    expect(existsSync(path.join(dir, 'geo', 'kecamatan.topo.json'))).toBe(false);
    mkdirSync(path.join(dir, 'geo'));
    writeFileSync(path.join(dir, 'geo', 'pemetaan.json'), JSON.stringify({ id1707999: '17.07.03' }));
    const ok = await run(process.execPath, ['scripts/geo-import.ts', path.join(dir, 'tiny.geojson'), '--data', dir], { cwd: ROOT });
    expect(ok.stdout).toContain('→ 17.07.03');
    const topo = JSON.parse(readFileSync(path.join(dir, 'geo', 'kecamatan.topo.json'), 'utf8'));
    expect(topo.objects.kecamatan.geometries.map((g: { id: string }) => g.id)).toEqual(['17.07.01', '17.07.02', '17.07.03']);
  });
});
