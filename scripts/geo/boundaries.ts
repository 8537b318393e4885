/**
 * Kecamatan boundaries from a desa-level BPS/COD-AB boundary file. BPS codes
 * (`id3402070`) are not Kemendagri codes (`34.02.08`) and names are spelt
 * differently (`Bambang Lipuro` / `Bambanglipuro`), so each BPS kecamatan is
 * matched, in order, by: an explicit mapping entry, its normalised name, or
 * the Kemendagri kecamatan holding most of its desa names. Desa are then
 * merged into kecamatan (topojson-client `merge`, which dissolves shared
 * borders), rings rewound to d3-geo's clockwise order, and the result
 * simplified (topojson-simplify) until it fits the size budget. For a
 * province, the kabupaten/kota are dissolved from the kecamatan too
 * (`mergeArcs`, a `kabupaten` object on the same arcs).
 */
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import { merge, mergeArcs, quantize } from 'topojson-client';
import { topology } from 'topojson-server';
import { presimplify, quantile, simplify } from 'topojson-simplify';
import type { GeometryObject, Topology } from 'topojson-specification';
import type { RegionTree } from '../../src/domain/regions.ts';

export interface BoundaryProps {
  district_code?: string;
  district?: string;
  village_code?: string;
  village?: string;
  regency_code?: string;
}

export interface MatchReport {
  matched: { bps: string; name: string; code: string; kemendagriName: string; how: 'mapping' | 'name' | 'desa'; desa: number }[];
  unmatched: { bps: string; name: string; desa: number }[];
  /** Kemendagri kecamatan that received no shape. */
  missing: { code: string; name: string }[];
}

/** `Bambang Lipuro` and `BAMBANGLIPURO` are the same place. */
export const normaliseName = (s: string): string =>
  s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');

export function matchKecamatan(
  features: Feature<Polygon | MultiPolygon, BoundaryProps>[],
  tree: RegionTree,
  mapping: Record<string, string> = {},
): { groups: Map<string, Feature<Polygon | MultiPolygon, BoundaryProps>[]>; report: MatchReport } {
  const bpsGroups = new Map<string, Feature<Polygon | MultiPolygon, BoundaryProps>[]>();
  for (const f of features) {
    const code = f.properties.district_code ?? '';
    bpsGroups.set(code, [...(bpsGroups.get(code) ?? []), f]);
  }
  // A province's file: a BPS kecamatan is looked for in its own kabupaten/kota (BPS and Kemendagri number
  // kabupaten alike, id3402… is 34.02), since kecamatan names repeat across a province.
  const within = (bps: string) => {
    const kab = /^(?:id)?(\d{2})(\d{2})/.exec(bps);
    const own = tree.kabupaten && kab ? tree.kecamatan.filter((k) => k.code.startsWith(`${kab[1]}.${kab[2]}.`)) : [];
    return own.length ? own : tree.kecamatan;
  };
  const namesOf = (kecs: typeof tree.kecamatan) => {
    const byName = new Map(kecs.map((k) => [normaliseName(k.name), k]));
    const desaHome = new Map<string, string[]>();
    for (const k of kecs)
      for (const d of k.desa) desaHome.set(normaliseName(d.name), [...(desaHome.get(normaliseName(d.name)) ?? []), k.code]);
    return { byName, desaHome };
  };

  const groups = new Map<string, Feature<Polygon | MultiPolygon, BoundaryProps>[]>();
  const report: MatchReport = { matched: [], unmatched: [], missing: [] };
  for (const [bps, fs] of [...bpsGroups].sort(([a], [b]) => a.localeCompare(b))) {
    const name = fs[0]!.properties.district ?? bps;
    const { byName, desaHome } = namesOf(within(bps));
    let code: string | undefined;
    let how: 'mapping' | 'name' | 'desa' | undefined;
    if (mapping[bps] ?? mapping[name]) {
      code = mapping[bps] ?? mapping[name];
      how = 'mapping';
    } else if (byName.has(normaliseName(name))) {
      code = byName.get(normaliseName(name))!.code;
      how = 'name';
    } else {
      // Vote by desa names: the kecamatan holding most of this group's desa, if it holds at least half.
      const votes = new Map<string, number>();
      for (const f of fs)
        for (const k of desaHome.get(normaliseName(f.properties.village ?? '')) ?? []) votes.set(k, (votes.get(k) ?? 0) + 1);
      const [best, n] = [...votes].sort((a, b) => b[1] - a[1])[0] ?? [];
      if (best && n! * 2 >= fs.length) {
        code = best;
        how = 'desa';
      }
    }
    const kec = tree.kecamatan.find((k) => k.code === code);
    if (!kec || !how) {
      report.unmatched.push({ bps, name, desa: fs.length });
      continue;
    }
    groups.set(kec.code, [...(groups.get(kec.code) ?? []), ...fs]);
    report.matched.push({ bps, name, code: kec.code, kemendagriName: kec.name, how, desa: fs.length });
  }
  report.missing = tree.kecamatan.filter((k) => !groups.has(k.code)).map((k) => ({ code: k.code, name: k.name }));
  return { groups, report };
}

/** Planar signed area of a ring in lon/lat; positive = counter-clockwise. */
function signedArea(ring: Position[]): number {
  let a = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) a += (ring[j]![0]! - ring[i]![0]!) * (ring[j]![1]! + ring[i]![1]!);
  return a / 2;
}

/** d3-geo wants exterior rings clockwise and holes counter-clockwise: the reverse of RFC 7946. */
export function rewindForD3<G extends Polygon | MultiPolygon>(g: G): G {
  const fix = (rings: Position[][]) => rings.map((r, i) => ((i === 0 ? signedArea(r) > 0 : signedArea(r) < 0) ? [...r].reverse() : r));
  if (g.type === 'Polygon') return { ...g, coordinates: fix(g.coordinates) };
  return { ...g, coordinates: (g as MultiPolygon).coordinates.map(fix) };
}

export const isD3Wound = (g: Polygon | MultiPolygon): boolean =>
  (g.type === 'Polygon' ? [g.coordinates] : g.coordinates).every((rings) =>
    rings.every((r, i) => (i === 0 ? signedArea(r) <= 0 : signedArea(r) >= 0)),
  );

export interface ImportResult {
  topology: Topology;
  report: MatchReport;
  bytes: number;
}

/** Even the coarsest simplification is over the budget: say so rather than publish an oversized map. */
export class BoundaryBudgetError extends Error {
  readonly maxBytes: number;
  readonly smallest: number;
  constructor(maxBytes: number, smallest: number) {
    super(`boundaries do not fit ${maxBytes} bytes (smallest ${smallest})`);
    this.maxBytes = maxBytes;
    this.smallest = smallest;
  }
}

export function importBoundaries(
  fc: FeatureCollection,
  tree: RegionTree,
  opts: { mapping?: Record<string, string>; maxBytes?: number; attribution: string },
): ImportResult {
  const features = fc.features.filter(
    (f): f is Feature<Polygon | MultiPolygon, BoundaryProps> => f.geometry?.type === 'Polygon' || f.geometry?.type === 'MultiPolygon',
  );
  const { groups, report } = matchKecamatan(features, tree, opts.mapping);

  // Merge desa into kecamatan on a shared topology, so common borders dissolve.
  const desa = topology(
    { desa: { type: 'FeatureCollection', features: features.map((f) => ({ ...f, geometry: rewindForD3(f.geometry) })) } as never },
    1e6,
  );
  const geoms = (desa.objects.desa as { geometries: (GeometryObject & { properties?: BoundaryProps })[] }).geometries;
  const byDesa = new Map<Feature, GeometryObject>(features.map((f, i) => [f, geoms[i]!]));
  const merged: Feature<MultiPolygon, { kode: string; nama: string }>[] = tree.kecamatan
    .filter((k) => groups.has(k.code))
    .map((k) => ({
      type: 'Feature',
      id: k.code,
      properties: { kode: k.code, nama: k.name },
      geometry: rewindForD3(
        merge(
          desa,
          groups.get(k.code)!.map((f) => byDesa.get(f)! as never),
        ),
      ),
    }));

  // Simplify until the file fits. topojson-simplify's quantile(p) is the weight
  // that keeps the fraction p of the points, so the search runs over p: the
  // most points that fit the budget, by bisection. (Simplify unquantized
  // coordinates, then quantize: the order topojson's own CLI tools use.)
  const maxBytes = opts.maxBytes ?? 150_000;
  const base = presimplify(topology({ kecamatan: { type: 'FeatureCollection', features: merged } as never }) as never);
  const at = (p: number) => {
    const t = { ...quantize(simplify(base, p >= 1 ? 0 : quantile(base, p)), 1e5), metadata: { attribution: opts.attribution } } as Topology;
    return { t, bytes: Buffer.byteLength(JSON.stringify(t)) };
  };
  let best = at(1);
  if (best.bytes > maxBytes) {
    let [lo, hi] = [0, 1]; // fits at lo (or nothing yet), too big at hi
    let found: ReturnType<typeof at> | undefined;
    for (let i = 0; i < 14; i++) {
      const p = (lo + hi) / 2;
      const r = at(p);
      if (r.bytes <= maxBytes) [lo, found] = [p, r];
      else hi = p;
    }
    if (!found) throw new BoundaryBudgetError(maxBytes, at(hi).bytes);
    best = found;
  }
  // A province: its kabupaten/kota dissolved from the kecamatan, on the same arcs (a few bytes more).
  if (tree.kabupaten) {
    const kecs = (best.t.objects.kecamatan as { geometries: GeometryObject[] }).geometries;
    const kabs = tree.kabupaten.filter((k) => kecs.some((g) => String(g.id).startsWith(`${k.code}.`)));
    best.t.objects.kabupaten = {
      type: 'GeometryCollection',
      geometries: kabs.map((k) => ({
        ...mergeArcs(best.t, kecs.filter((g) => String(g.id).startsWith(`${k.code}.`)) as never),
        id: k.code,
        properties: { kode: k.code, nama: k.name },
      })),
    } as never;
    best.bytes = Buffer.byteLength(JSON.stringify(best.t));
  }
  return { topology: best.t, report, bytes: best.bytes };
}
