/**
 * Figures pages show, computed from the model in plain TypeScript so that
 * `.astro` files stay close to markup (and tests can check the numbers).
 * Every protected number is a `Figure`: hidden cells stay hidden through
 * sums, ratios, sorting and ranks (see protect/figure.ts).
 */
import { formatNumber, formatPercent, formatRupiah } from '../shared/format.ts';
import { localePath, texts } from '../i18n/index.ts';
import type { Lang } from '../shared/lang.ts';
import { isShown, NOT_RELEASED, percentOf, released, sumFigures, withRank, type Figure } from '../protect/figure.ts';
import type { AnggaranRow } from '../load/datasets/anggaran.ts';
import { categoryList, type CountCell, type CoverageFigure, type SiteFigures } from './model.ts';
import { targetingTrend } from './targeting.ts';
import { eligibleRange, periodLabel } from '../domain/desil.ts';
import { kabupatenOf } from '../domain/regions.ts';

export { withRank };
export type Kind = 'pmks' | 'psks';

const index = new WeakMap<CountCell[], Map<string, CountCell>>();
/** One published cell of the PMKS/PSKS cube (kategori '*' = all categories). */
export function cell(site: SiteFigures, kind: Kind, tahun: number, wilayah: string, kategori = '*'): CountCell | undefined {
  const cells = site[kind];
  if (!index.has(cells)) index.set(cells, new Map(cells.map((c) => [`${c.tahun}|${c.wilayah}|${c.kategori}`, c])));
  return index.get(cells)!.get(`${tahun}|${wilayah}|${kategori}`);
}
/** The figure of one cube cell: not released where the cube has no such cell. */
export const count = (site: SiteFigures, kind: Kind, tahun: number, wilayah: string, kategori = '*'): Figure =>
  cell(site, kind, tahun, wilayah, kategori)?.jumlah ?? NOT_RELEASED;

const years = new WeakMap<readonly { tahun: number }[], number[]>();
/** The years of a table, in order (remembered per table: a province's PMKS cube has a million cells, asked on every page). */
export function yearsOf(rows: readonly { tahun: number }[]): number[] {
  let ys = years.get(rows);
  if (!ys) {
    ys = [...new Set(rows.map((r) => r.tahun))].sort((a, b) => a - b);
    years.set(rows, ys);
  }
  return [...ys];
}

/** Kabupaten total per year. */
export function totalsByYear(site: SiteFigures, kind: Kind): { tahun: number; jumlah: Figure }[] {
  return yearsOf(site[kind]).map((tahun) => ({ tahun, jumlah: count(site, kind, tahun, site.tree.code) }));
}

/** Category × year for the whole kabupaten (or one area); a year without a cell for the area is left out. */
export function categoryByYear(
  site: SiteFigures,
  kind: Kind,
  area?: string,
): { kategori: string; nama: string; nameEn: string; sensitive: boolean; values: Record<number, Figure> }[] {
  const where = area ?? site.tree.code;
  const years = yearsOf(site[kind]);
  return categoryList(kind).map((c) => {
    const values: Record<number, Figure> = {};
    for (const y of years) {
      const x = cell(site, kind, y, where, c.code);
      if (x) values[y] = x.jumlah;
    }
    return { kategori: c.code, nama: c.name, nameEn: c.nameEn, sensitive: !!c.sensitive, values };
  });
}

/**
 * The areas a portal-wide chart or table compares: a kabupaten portal's kecamatan, a province's kabupaten/kota
 * (Jawa Timur's 666 kecamatan would be one chart of 666 bars; each kabupaten/kota page compares its own).
 */
export function childAreas(site: SiteFigures): { level: 'kecamatan' | 'kabupaten'; areas: { code: string; name: string }[] } {
  return site.tree.kabupaten ? { level: 'kabupaten', areas: site.tree.kabupaten } : { level: 'kecamatan', areas: site.tree.kecamatan };
}

/** Values of each area `childAreas` compares for one year (one category or all), with rank (1 = largest; none when hidden). */
export function byChildArea(
  site: SiteFigures,
  kind: Kind,
  year: number,
  kategori = '*',
): { code: string; name: string; jumlah: Figure; rank?: number }[] {
  return withRank(
    childAreas(site).areas.map((k) => ({ code: k.code, name: k.name, jumlah: count(site, kind, year, k.code, kategori) })),
    (x) => x.jumlah,
  );
}

export interface BudgetFigure {
  tahun: number;
  pagu: Figure;
  realisasi: Figure;
  target_output: Figure;
  capaian_output: Figure;
  /** realisasi ÷ pagu × 100. */
  persen: Figure;
}

/** Budget lines summed over funding sources (and programs): a sum with a missing part is not released. */
export function sumBudget(rows: readonly AnggaranRow[]): Omit<BudgetFigure, 'tahun'> {
  const total = (k: 'pagu' | 'realisasi' | 'target_output' | 'capaian_output') =>
    rows.length ? sumFigures(rows.map((r) => released(r[k]))) : NOT_RELEASED;
  const pagu = total('pagu');
  const realisasi = total('realisasi');
  return {
    pagu,
    realisasi,
    target_output: total('target_output'),
    capaian_output: total('capaian_output'),
    persen: percentOf(realisasi, pagu),
  };
}

/** Budget of a program (or all) per year: pagu and realisasi summed over funding sources. */
export function budgetByYear(site: SiteFigures, program?: string): BudgetFigure[] {
  const rows = site.anggaran.filter((r) => !program || r.program === program);
  return yearsOf(rows).map((tahun) => ({ tahun, ...sumBudget(rows.filter((r) => r.tahun === tahun)) }));
}

export const latest = <T extends { tahun: number }>(rows: readonly T[]): T | undefined =>
  rows.reduce<T | undefined>((a, r) => (!a || r.tahun > a.tahun ? r : a), undefined);

export interface KeyFigure {
  label: string;
  value: string;
  detail: string;
  href: string;
}

/** "naik 2,3% dari 2024" / "turun 0,41 poin dari 2024": the trend in words, not only by colour or arrow. */
function change(
  lang: Lang,
  cur: number,
  prev: Figure | undefined,
  prevYear: number | undefined,
  points: boolean,
  prevLabel?: string,
): string {
  const since = prevLabel ?? prevYear;
  if (!isShown(prev) || since === undefined) return '';
  const t = texts(lang);
  const d = points ? cur - prev : prev === 0 ? 0 : ((cur - prev) / prev) * 100;
  if (Math.abs(d) < 0.005) return `; ${t.same} ${t.fromYear(since)}`;
  return `; ${d > 0 ? t.up : t.down} ${points ? `${formatNumber(Math.abs(d), lang, 2)} ${t.points}` : formatPercent(Math.abs(d), lang, 1)} ${t.fromYear(since)}`;
}

/** The home page's key figures, each with its year and its change from the year before; a hidden figure is left out. */
export function keyFigures(site: SiteFigures, lang: Lang = 'id'): KeyFigure[] {
  const t = texts(lang);
  const L = (path: string) => localePath(lang, path);
  const out: KeyFigure[] = [];
  const pov = site.kemiskinan;
  const [p1, p0] = [pov.at(-1), pov.at(-2)];
  if (p1)
    out.push({
      label: t.kfPoverty,
      href: L('/kemiskinan/'),
      value: formatPercent(p1.persen_miskin, lang),
      detail: `${p1.tahun}${change(lang, p1.persen_miskin, p0?.persen_miskin, p0?.tahun, true)}`,
    });
  const ext = pov.filter((r) => r.persen_miskin_ekstrem !== undefined);
  const [e1, e0] = [ext.at(-1), ext.at(-2)];
  if (e1?.persen_miskin_ekstrem !== undefined)
    out.push({
      label: t.kfExtreme,
      href: L('/kemiskinan/'),
      value: formatPercent(e1.persen_miskin_ekstrem, lang),
      detail: `${e1.tahun}${change(lang, e1.persen_miskin_ekstrem, e0?.persen_miskin_ekstrem, e0?.tahun, true)}`,
    });
  const pm = totalsByYear(site, 'pmks');
  const [m1, m0] = [pm.at(-1), pm.at(-2)];
  if (m1 && isShown(m1.jumlah))
    out.push({
      label: t.kfPmks,
      href: L('/pmks/'),
      value: formatNumber(m1.jumlah, lang),
      detail: `${t.people}, ${m1.tahun}${change(lang, m1.jumlah, m0?.jumlah, m0?.tahun, false)}`,
    });
  const rg = site.registri.kabupaten;
  const [r1, r0] = [rg.at(-1), rg.at(-2)];
  if (r1 && isShown(r1.keluarga))
    out.push({
      label: t.kfRegistry,
      href: L('/kecamatan/'),
      value: formatNumber(r1.keluarga, lang),
      detail: `${isShown(r1.jiwa) ? `${formatNumber(r1.jiwa, lang)} ${t.jiwa}, ` : ''}${r1.tahun}${change(lang, r1.keluarga, r0?.keluarga, r0?.tahun, false)}`,
    });
  // Households receiving aid: the largest household program (KPM) of the latest year.
  const kpm = new Set(site.programs.filter((p) => p.satuan === 'KPM').map((p) => p.slug));
  const lastCov = latest(site.cakupan.kabupaten.filter((r) => kpm.has(r.program)));
  const top = site.cakupan.kabupaten
    .filter((r) => lastCov && r.tahun === lastCov.tahun && kpm.has(r.program))
    .flatMap((r) => (isShown(r.penerima) ? [{ ...r, penerima: r.penerima }] : []))
    .sort((a, b) => b.penerima - a.penerima)[0];
  if (top) {
    const p = site.programs.find((x) => x.slug === top.program)!;
    const prev = site.cakupan.kabupaten.find((r) => r.program === top.program && r.tahun === top.tahun - 1);
    const share = isShown(top.persen) ? `, ${formatPercent(top.persen, lang, 1)} ${t.ofRegistry}` : '';
    out.push({
      label: t.kfRecipients(p.singkatan ?? p.nama),
      href: L(`/program/${p.slug}/`),
      value: formatNumber(top.penerima, lang),
      detail: `KPM, ${top.tahun}${share}${change(lang, top.penerima, prev?.penerima, prev?.tahun, false)}`,
    });
  }
  // Is aid reaching the poor: the share of PKH's ranked recipients within its desil, with its trend.
  const pkh = targetingTrend(site.targeting, 'pkh', site.tree.code);
  const [s1, s0] = [pkh.at(-1), pkh.at(-2)];
  if (s1 && isShown(s1.persen)) {
    const p = site.programs.find((x) => x.slug === 'pkh');
    const prev = s0 ? { value: s0.persen, label: periodLabel(s0.tahun, s0.periode) } : undefined;
    out.push({
      label: t.kfTargeting(p?.singkatan ?? 'PKH'),
      href: L('/sasaran/'),
      value: formatPercent(s1.persen, lang, 1),
      detail: `${eligibleRange(s1.desilMaks)}, ${periodLabel(s1.tahun, s1.periode)}${prev && isShown(prev.value) ? change(lang, s1.persen, prev.value, undefined, true, prev.label) : ''}`,
    });
  }
  const b = budgetByYear(site);
  const [b1, b0] = [b.at(-1), b.at(-2)];
  if (b1 && isShown(b1.pagu)) {
    const realised = isShown(b1.persen) ? `, ${t.realised} ${formatPercent(b1.persen, lang, 1)}` : '';
    out.push({
      label: t.kfBudget,
      href: L('/anggaran/'),
      value: formatRupiah(b1.pagu, lang),
      detail: `${b1.tahun}${realised}${change(lang, b1.pagu, b0?.pagu, b0?.tahun, false)}`,
    });
  }
  return out;
}

/**
 * Coverage of each program in one area, ranked among `peers` (the areas it is compared with, one year) and beside
 * its parent's value (`parent`: the parent's rows of that year).
 */
export function coverageAmong(site: SiteFigures, peers: readonly CoverageFigure[], code: string, parent: readonly CoverageFigure[]) {
  return site.programs.flatMap((p) => {
    const all = withRank(
      peers.filter((r) => r.program === p.slug),
      (r) => r.persen,
    );
    const mine = all.find((r) => r.wilayah === code);
    return mine
      ? [
          {
            program: p.slug,
            name: p.singkatan ?? p.nama,
            unit: p.satuan,
            penerima: mine.penerima,
            terdaftar: mine.terdaftar,
            persen: mine.persen,
            rank: mine.rank,
            of: all.filter((r) => r.rank !== undefined).length,
            parentPersen: parent.find((r) => r.program === p.slug)?.persen,
          },
        ]
      : [];
  });
}

const registryIndex = new WeakMap<object, Map<string, SiteFigures['registri']['desa'][number]>>();
/** A desa's registry row of a year (indexed once: a province's registry has tens of thousands of desa rows). */
function registryOf(site: SiteFigures, tahun: number, code: string) {
  const rows = site.registri.desa;
  let m = registryIndex.get(rows);
  if (!m) {
    m = new Map();
    registryIndex.set(rows, m);
    for (const r of rows) if (!m.has(`${r.tahun}|${r.wilayah}`)) m.set(`${r.tahun}|${r.wilayah}`, r);
  }
  return m.get(`${tahun}|${code}`);
}

/** Everything the kecamatan one-pager shows (the page only formats it). */
export function kecamatanFigures(site: SiteFigures, code: string) {
  const kec = site.tree.kecamatan.find((k) => k.code === code);
  if (!kec) throw new Error(`unknown kecamatan ${code}`);
  // Compared with the kecamatan of its own kabupaten/kota and that kabupaten's value, in a province portal too.
  const parent = site.tree.kabupaten ? kabupatenOf(code) : site.tree.code;
  const parentName = site.tree.kabupaten?.find((k) => k.code === parent)?.name ?? site.tree.name;
  const sibling = (w: string) => w.startsWith(`${parent}.`);
  const siblings = site.tree.kecamatan.filter((k) => sibling(k.code));
  const parentCoverage = site.tree.kabupaten ? site.cakupan.kabkota : site.cakupan.kabupaten;
  const pmksYears = yearsOf(site.pmks);
  const pmksYear = pmksYears.at(-1);
  const pmks =
    pmksYear === undefined
      ? undefined
      : withRank(
          siblings.map((k) => ({ code: k.code, jumlah: count(site, 'pmks', pmksYear, k.code) })),
          (x) => x.jumlah,
        ).find((r) => r.code === code);
  const regYear = latest(site.registri.kecamatan)?.tahun;
  const reg = withRank(
    site.registri.kecamatan.filter((r) => r.tahun === regYear && sibling(r.wilayah)),
    (r) => r.keluarga,
  ).find((r) => r.wilayah === code);
  const covYear = latest(site.cakupan.kecamatan)?.tahun;
  const coverage = coverageAmong(
    site,
    site.cakupan.kecamatan.filter((r) => r.tahun === covYear && sibling(r.wilayah)),
    code,
    parentCoverage.filter((r) => r.tahun === covYear && r.wilayah === parent),
  ).map(({ parentPersen, ...c }) => ({ ...c, kabupatenPersen: parentPersen }));
  const desa =
    pmksYear === undefined
      ? []
      : kec.desa
          .map((d) => ({
            code: d.code,
            name: d.name,
            pmks: cell(site, 'pmks', pmksYear, d.code),
            keluarga: regYear === undefined ? undefined : registryOf(site, regYear, d.code),
          }))
          .filter((d) => d.pmks || d.keluarga)
          .map((d) => ({
            code: d.code,
            name: d.name,
            pmks: d.pmks?.jumlah ?? NOT_RELEASED,
            keluarga: d.keluarga?.keluarga ?? NOT_RELEASED,
          }));
  return {
    code,
    name: kec.name,
    /** Its kabupaten/kota: the portal's, or in a province portal the one it lies in. */
    parent,
    parentName,
    desaCount: kec.desa.length,
    kecamatanCount: siblings.length,
    pmks: pmks && { year: pmksYear!, total: pmks.jumlah, rank: pmks.rank },
    registry: reg && { year: regYear!, keluarga: reg.keluarga, jiwa: reg.jiwa, rank: reg.rank },
    coverageYear: covYear,
    coverage,
    pmksYears,
    pmksByCategory: categoryByYear(site, 'pmks', code).filter((c) => Object.keys(c.values).length),
    pmksYear,
    registryYear: regYear,
    desa,
    verval: site.verval.kecamatan.filter((r) => r.wilayah === code),
    puskesos: site.puskesos.filter((r) => r.kecamatan === code),
  };
}
