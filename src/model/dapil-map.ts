/**
 * A dapil's locator map, drawn at build time as SVG paths (no script, prints as it shows): the kecamatan of its
 * council's region as thin outlines, the dapil's own kecamatan dissolved into one filled shape. From the portal's
 * boundary file (npm run geo:import); without boundaries there is no map.
 */
import { geoMercator, geoPath } from 'd3-geo';
import { bbox, merge, mesh } from 'topojson-client';
import { presimplify, simplify } from 'topojson-simplify';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { Dapil } from '../domain/dapil.ts';

export interface DapilMap {
  /** `0 0 w h` of the SVG. */
  viewBox: string;
  /** Every kecamatan border of the council's region, one path. */
  context: string;
  /** The dapil's area, its inner borders dissolved. */
  area: string;
}

const WIDTH = 240;
/** One decimal in a 240-pixel box: finer than a printed line, and a fifth of the bytes of full precision. */
const DIGITS = 1;

export function dapilMaps(topojson: string, dapil: Omit<Dapil, 'lines'>[]): Map<string, DapilMap> {
  const full = JSON.parse(topojson) as Topology<{ kecamatan: GeometryCollection }>;
  const weighted = presimplify(full as never) as unknown as Topology<{ kecamatan: GeometryCollection }>;
  // Boundaries drawn 240 pixels wide keep only the detail a pixel shows (Visvalingam: a point goes when its
  // triangle is under one pixel's area: 3.6 KB gzip for Bantul's 17 kecamatan): each council's region once, at its own scale.
  const simplified = new Map<string, Topology<{ kecamatan: GeometryCollection }>>();
  const atScale = (key: string, geometries: GeometryCollection['geometries']) => {
    if (!simplified.has(key)) {
      const [x0, , x1] = bbox({ ...full, objects: { kecamatan: { type: 'GeometryCollection', geometries } } } as never);
      const pixel = (x1 - x0) / WIDTH;
      simplified.set(key, simplify(weighted as never, pixel * pixel) as unknown as Topology<{ kecamatan: GeometryCollection }>);
    }
    return simplified.get(key)!;
  };
  const out = new Map<string, DapilMap>();
  for (const x of dapil) {
    // The council's region: a DPRD kabupaten/kota's kabupaten, a DPRD provinsi's whole portal.
    const inRegion = (code: string) => x.lembaga.level === 'provinsi' || code.startsWith(`${x.lembaga.code}.`);
    const own = new Set(x.kecamatan);
    const region = full.objects.kecamatan.geometries.filter((g) => inRegion(String(g.id)));
    if (!region.some((g) => own.has(String(g.id)))) continue; // the boundaries lack this dapil's kecamatan
    const topo = atScale(x.lembaga.key, region);
    const outline = mesh(topo, { type: 'GeometryCollection', geometries: region } as GeometryCollection);
    const area = merge(topo, region.filter((g) => own.has(String(g.id))) as never);
    const regionShape = merge(topo, region as never);
    const path = geoPath(geoMercator().fitWidth(WIDTH, regionShape)).digits(DIGITS);
    out.set(x.slug, {
      viewBox: `0 0 ${WIDTH} ${Math.ceil(path.bounds(regionShape)[1][1])}`,
      context: path(outline) ?? '',
      area: path(area) ?? '',
    });
  }
  return out;
}
