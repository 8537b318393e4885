/**
 * Ketepatan sasaran — is aid reaching the poor, and are the poor reaching
 * aid? Per program, area and period, from the protected tables:
 *  - penerima_layak ÷ penerima_berperingkat: the share of ranked recipients
 *    within the program's desil (desil_maks); the rest is the inclusion error;
 *  - keluarga_layak − penerima_layak: registry households (or people, for a
 *    per-person program) in the eligible desil without the program
 *    (exclusion);
 *  - recipients not ranked in DTSEN at all.
 * Every number is a Figure built from published cells, so a hidden count
 * hides what is computed from it.
 */
import { registryColumnFor } from '../domain/aid.ts';
import { periodOrder } from '../domain/desil.ts';
import { kabupatenOf, levelOf } from '../domain/regions.ts';
import type { Program } from '../load/schema/program.ts';
import { derive, type Figure, NOT_RELEASED, percentOf, withRank } from '../protect/figure.ts';
import type { CubeCell } from '../protect/tables.ts';

export interface TargetingFigure {
  tahun: number;
  periode: string;
  wilayah: string;
  program: string;
  desilMaks: number;
  /** What the program counts: households (KPM) or people (jiwa). */
  satuan: 'keluarga' | 'jiwa';
  penerima: Figure;
  berperingkat: Figure;
  layak: Figure;
  /** layak ÷ berperingkat × 100. */
  persen: Figure;
  /** Registry households (or people) in desil 1..desilMaks. */
  keluargaLayak: Figure;
  /** keluargaLayak − layak. */
  tanpaProgram: Figure;
  /** tanpaProgram ÷ keluargaLayak × 100. */
  persenEksklusi: Figure;
  belum: Figure;
}

const key = (c: { tahun: number; periode: string; wilayah: string }) => `${c.tahun}|${c.periode}|${c.wilayah}`;

export function buildTargeting(sasaran: readonly CubeCell[], desil: readonly CubeCell[], programs: readonly Program[]): TargetingFigure[] {
  const reg = new Map(desil.map((c) => [`${key(c)}|${c.ukuran}|${c.kategori}`, c.nilai]));
  const rec = new Map(sasaran.map((c) => [`${key(c)}|${c.program}|${c.kategori}`, c.nilai]));
  const out: TargetingFigure[] = [];
  for (const p of programs) {
    const max = p.desil_maks;
    const satuan = registryColumnFor(p.satuan);
    if (!max || !satuan) continue;
    const areas = new Map(sasaran.filter((c) => c.program === p.slug && c.kategori === '*').map((c) => [key(c), c]));
    for (const [k, c] of areas) {
      const get = (cat: string) => rec.get(`${k}|${p.slug}|${cat}`) ?? NOT_RELEASED;
      const layak = get(`L${max}`);
      const berperingkat = get('R');
      const keluargaLayak = reg.get(`${k}|${satuan}|L${max}`) ?? NOT_RELEASED;
      const tanpaProgram = derive([keluargaLayak, layak], (a, b) => a - b);
      out.push({
        tahun: c.tahun,
        periode: c.periode,
        wilayah: c.wilayah,
        program: p.slug,
        desilMaks: max,
        satuan,
        penerima: c.nilai,
        berperingkat,
        layak,
        persen: percentOf(layak, berperingkat),
        keluargaLayak,
        tanpaProgram,
        persenEksklusi: percentOf(tanpaProgram, keluargaLayak),
        belum: get('belum'),
      });
    }
  }
  // Programs in their page order (programs are already sorted by `urutan`).
  const rank = new Map(programs.map((p, i) => [p.slug, i]));
  return out.sort(
    (a, b) =>
      periodOrder(a.tahun, a.periode) - periodOrder(b.tahun, b.periode) ||
      rank.get(a.program)! - rank.get(b.program)! ||
      a.wilayah.localeCompare(b.wilayah),
  );
}

/** The periods a table has, in time order. */
export function periodsOf(rows: readonly { tahun: number; periode: string }[]): { tahun: number; periode: string }[] {
  const seen = new Map(rows.map((r) => [`${r.tahun}|${r.periode}`, { tahun: r.tahun, periode: r.periode }]));
  return [...seen.values()].sort((a, b) => periodOrder(a.tahun, a.periode) - periodOrder(b.tahun, b.periode));
}

const latestByParent = new WeakMap<readonly TargetingFigure[], { programs: string[]; byParent: Map<string, TargetingFigure[]> }>();
/**
 * A kecamatan's targeting in the latest period, each program ranked among the kecamatan of `parent` (its
 * kabupaten/kota). The latest period's kecamatan rows are grouped once per site: a province asks on 1,332 pages.
 */
export function kecamatanTargeting(site: { targeting: readonly TargetingFigure[] }, code: string, parent: string) {
  let cached = latestByParent.get(site.targeting);
  if (!cached) {
    cached = { programs: [...new Set(site.targeting.map((x) => x.program))], byParent: new Map() };
    const last = periodsOf(site.targeting).at(-1);
    for (const x of site.targeting)
      if (x.tahun === last?.tahun && x.periode === last.periode && levelOf(x.wilayah) === 'kecamatan') {
        const group = cached.byParent.get(kabupatenOf(x.wilayah));
        if (group) group.push(x);
        else cached.byParent.set(kabupatenOf(x.wilayah), [x]);
      }
    latestByParent.set(site.targeting, cached);
  }
  const rows = cached.byParent.get(parent) ?? [];
  return cached.programs.flatMap((prog) =>
    withRank(
      rows.filter((x) => x.program === prog),
      (x) => x.persen,
    ).filter((x) => x.wilayah === code),
  );
}

/** One program's figures for one area over every period (the trend). */
export const targetingTrend = (all: readonly TargetingFigure[], program: string, area: string) =>
  all.filter((x) => x.program === program && x.wilayah === area);

/** Per program, the latest period's figure for an area and the one before it. */
export function targetingLatest(all: readonly TargetingFigure[], area: string): { now: TargetingFigure; before?: TargetingFigure }[] {
  const programs = [...new Set(all.map((x) => x.program))];
  return programs.flatMap((p) => {
    const trend = targetingTrend(all, p, area);
    const now = trend.at(-1);
    return now ? [{ now, ...(trend.length > 1 ? { before: trend.at(-2)! } : {}) }] : [];
  });
}
