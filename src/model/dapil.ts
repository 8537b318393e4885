/**
 * A dapil's one-pager: its sums from the protected tables beside the
 * portal's own value, each ranked among the dapil of the same council (1 =
 * largest; a hidden sum has no rank). Usulan/sanggah are counts of files, not
 * of people, and are summed over the dapil's kecamatan as given.
 */
import { periodOrder } from '../domain/desil.ts';
import { kecamatanOf, levelOf } from '../domain/regions.ts';
import { type Figure, NOT_RELEASED, withRank } from '../protect/figure.ts';
import { count, latest, yearsOf } from './figures.ts';
import type { SiteFigures } from './model.ts';

export type DapilInfo = SiteFigures['dapil']['list'][number];

export interface DapilLine {
  /** The dapil's figure, the portal's (kabupaten or province) figure, and the rank among its council's dapil. */
  value: Figure;
  portal: Figure;
  rank?: number;
}

/** Rank one figure among the dapil of a council. */
function ranked(peers: readonly DapilInfo[], slug: string, value: (slug: string) => Figure, portal: Figure): DapilLine {
  const r = withRank(peers, (p) => value(p.slug)).find((p) => p.slug === slug)!;
  return { value: value(slug), portal, ...(r.rank !== undefined ? { rank: r.rank } : {}) };
}

export function dapilFigures(site: SiteFigures, slug: string) {
  const d = site.dapil.list.find((x) => x.slug === slug)!;
  const peers = site.dapil.list.filter((x) => x.lembaga.key === d.lembaga.key);
  const root = site.tree.code;
  const kecName = new Map(site.tree.kecamatan.map((k) => [k.code, k.name]));
  const kecamatan = d.kecamatan.map((code) => ({ code, name: kecName.get(code) ?? code }));

  const pmksYear = yearsOf(site.dapil.pmks).at(-1);
  const pmksOf = (s: string) =>
    site.dapil.pmks.find((c) => c.wilayah === s && c.tahun === pmksYear && c.kategori === '*')?.jumlah ?? NOT_RELEASED;
  const pmks = pmksYear === undefined ? undefined : ranked(peers, slug, pmksOf, count(site, 'pmks', pmksYear, root));

  const regYear = latest(site.dapil.registri)?.tahun;
  const regOf = (s: string, w: 'keluarga' | 'jiwa') =>
    site.dapil.registri.find((r) => r.wilayah === s && r.tahun === regYear)?.[w] ?? NOT_RELEASED;
  const regRoot = site.registri.kabupaten.find((r) => r.wilayah === root && r.tahun === regYear);
  const registry =
    regYear === undefined
      ? undefined
      : {
          keluarga: ranked(peers, slug, (s) => regOf(s, 'keluarga'), regRoot?.keluarga ?? NOT_RELEASED),
          jiwa: ranked(peers, slug, (s) => regOf(s, 'jiwa'), regRoot?.jiwa ?? NOT_RELEASED),
        };

  // DTSEN: registry households in desil 1–4 (the poorest 40 %), latest period.
  const dl = site.dapil.desil.filter((c) => c.ukuran === 'keluarga');
  const lastDesil = dl.reduce<(typeof dl)[number] | undefined>(
    (a, c) => (!a || periodOrder(c.tahun, c.periode) > periodOrder(a.tahun, a.periode) ? c : a),
    undefined,
  );
  const desilOf = (
    cells: readonly { wilayah: string; tahun: number; periode: string; ukuran: string; kategori: string; nilai: Figure }[],
    w: string,
    k: string,
  ) =>
    cells.find(
      (c) =>
        c.wilayah === w && c.tahun === lastDesil?.tahun && c.periode === lastDesil?.periode && c.ukuran === 'keluarga' && c.kategori === k,
    )?.nilai ?? NOT_RELEASED;
  const desil = lastDesil
    ? {
        tahun: lastDesil.tahun,
        periode: lastDesil.periode,
        l4: ranked(peers, slug, (s) => desilOf(dl, s, 'L4'), desilOf(site.desil, root, 'L4')),
        all: ranked(peers, slug, (s) => desilOf(dl, s, '*'), desilOf(site.desil, root, '*')),
      }
    : undefined;

  const covYear = latest(site.dapil.cakupan)?.tahun;
  const coverage = site.programs.flatMap((p) => {
    const of = (s: string) => site.dapil.cakupan.find((c) => c.wilayah === s && c.tahun === covYear && c.program === p.slug);
    const mine = of(slug);
    if (!mine) return [];
    const rootCov = site.cakupan.kabupaten.find((c) => c.wilayah === root && c.tahun === covYear && c.program === p.slug);
    return [
      {
        program: p.slug,
        name: p.singkatan ?? p.nama,
        satuan: p.satuan,
        penerima: mine.penerima,
        terdaftar: mine.terdaftar ?? NOT_RELEASED,
        persen: ranked(peers, slug, (s) => of(s)?.persen ?? NOT_RELEASED, rootCov?.persen ?? NOT_RELEASED),
      },
    ];
  });

  // Targeting: each program's latest period.
  const targeting = site.programs.flatMap((p) => {
    const rows = site.dapil.targeting.filter((x) => x.program === p.slug);
    const last = rows.reduce<(typeof rows)[number] | undefined>(
      (a, x) => (!a || periodOrder(x.tahun, x.periode) > periodOrder(a.tahun, a.periode) ? x : a),
      undefined,
    );
    const mine = last && rows.find((x) => x.wilayah === slug && x.tahun === last.tahun && x.periode === last.periode);
    if (!last || !mine) return [];
    const of = (s: string) => rows.find((x) => x.wilayah === s && x.tahun === last.tahun && x.periode === last.periode);
    const rootT = site.targeting.find(
      (x) => x.wilayah === root && x.program === p.slug && x.tahun === last.tahun && x.periode === last.periode,
    );
    return [
      {
        program: p.slug,
        name: p.singkatan ?? p.nama,
        tahun: last.tahun,
        periode: last.periode,
        desilMaks: mine.desilMaks,
        persen: ranked(peers, slug, (s) => of(s)?.persen ?? NOT_RELEASED, rootT?.persen ?? NOT_RELEASED),
        tanpaProgram: ranked(peers, slug, (s) => of(s)?.tanpaProgram ?? NOT_RELEASED, rootT?.tanpaProgram ?? NOT_RELEASED),
      },
    ];
  });

  const vYear = latest(site.dapil.verval)?.tahun;
  const verval = site.dapil.verval.find((v) => v.wilayah === slug && v.tahun === vYear);
  const vervalRoot = site.verval.kabupaten.find((v) => v.wilayah === root && v.tahun === vYear);

  // Usulan and sanggah of the latest year, over the dapil's kecamatan (desa rows count in their kecamatan).
  const lYear = yearsOf(site.layanan).at(-1);
  const inDapil = new Set(d.kecamatan);
  const kecOf = (code: string) => (levelOf(code) === 'desa' ? kecamatanOf(code) : code);
  const layanan = (['usulan', 'sanggah'] as const).map((jenis) => {
    const rows = site.layanan.filter((r) => r.tahun === lYear && r.jenis === jenis && inDapil.has(kecOf(r.kode_wilayah)));
    return {
      jenis,
      diterima: rows.reduce((a, r) => a + r.diterima, 0),
      selesai: rows.reduce((a, r) => a + r.selesai, 0),
      rows: rows.length,
    };
  });

  return {
    ...d,
    kecamatanList: kecamatan,
    peers: peers.length,
    pmksYear,
    pmks,
    regYear,
    registry,
    desil,
    covYear,
    coverage,
    targeting,
    vYear,
    verval,
    vervalRoot,
    lYear,
    layanan,
    puskesos: site.puskesos.filter((r) => inDapil.has(r.kecamatan)),
  };
}

/** The dapil each kecamatan is in, per council (for the kecamatan pages). */
export function dapilOfKecamatan(site: SiteFigures, code: string): DapilInfo[] {
  return site.dapil.list.filter((d) => d.kecamatan.includes(code));
}
