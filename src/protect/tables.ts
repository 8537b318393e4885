/**
 * Stage 2a: the published tables of counts about people and households, with
 * disclosure control applied (see disclosure.ts). Every number a page, chart
 * or download shows for these datasets comes from here, totals included, so
 * no published figure can be used to recover a hidden one.
 *
 *  - PMKS: desa × category (non-sensitive), kecamatan × category, kabupaten ×
 *    category, and the totals over categories at each level. Sensitive
 *    categories are published no finer than `tingkat_sensitif`.
 *  - Registry, recipients per program, verification: desa (where given),
 *    kecamatan and kabupaten, per measure.
 *  - PSKS (workers and organisations, not people in need) is not protected.
 * Tables of different years share no published total, so each year is
 * protected on its own.
 */
import { PMKS_CATEGORIES } from '../domain/categories.ts';
import { protect, type Cell, type Flag, type Relation } from './disclosure.ts';
import { HIDDEN, type Figure } from './figure.ts';
import type { PortalData } from '../load/portal.ts';
import { kecamatanOf, levelOf } from '../domain/regions.ts';

/** One published count: `kategori` '*' is the total over categories. */
export interface CountCell {
  tahun: number;
  wilayah: string;
  kategori: string;
  jumlah: Figure;
}

/** One published measure of an area (registry size, recipients, verification). */
export interface MeasureCell {
  tahun: number;
  wilayah: string;
  /** Program slug for recipients; '' otherwise. */
  program: string;
  ukuran: string;
  nilai: Figure;
}

/** How many cells of one input file were suppressed, and why (for the operator's report). */
export interface SuppressionStats {
  primary: number;
  secondary: number;
  published: number;
}

/** The additive measures of the registry and of verification: one list for protection, model and downloads. */
export const REGISTRY_MEASURES = ['keluarga', 'jiwa', 'keluarga_tanpa_bansos_pusat', 'keluarga_dibantu_apbd'] as const;
export const VERVAL_MEASURES = ['diperiksa', 'dihapus', 'ditambah', 'graduasi'] as const;

export interface ProtectOptions {
  k: number;
  sensitiveLevel: 'kecamatan' | 'kabupaten';
}

export interface Protected {
  pmks: CountCell[];
  psks: CountCell[];
  measures: MeasureCell[];
  /** Totals over every protected table, and per input file (`pmks.csv`, …). */
  stats: SuppressionStats & { byFile: Record<string, SuppressionStats> };
  /** Why each hidden cell is hidden, keyed `<file>|<year>|<cell id>`: for tests and counts, never published (a primary flag would say "1 to k−1"). */
  flags: Map<string, Flag>;
}

const groupBy = <T>(xs: readonly T[], key: (x: T) => string): Map<string, T[]> => {
  const m = new Map<string, T[]>();
  for (const x of xs) m.set(key(x), [...(m.get(key(x)) ?? []), x]);
  return m;
};

/** Category cube of one year: cells and the sums that tie them together. */
function categoryCube(
  rows: readonly { kode_wilayah: string; kategori: string; jumlah: number }[],
  kabupaten: string,
  sensitive: ReadonlySet<string>,
  sensitiveLevel: 'kecamatan' | 'kabupaten',
) {
  const values = new Map<string, number>();
  const given = new Set(rows.filter((r) => levelOf(r.kode_wilayah) === 'kecamatan').map((r) => `K|${r.kode_wilayah}|${r.kategori}`));
  for (const r of rows) {
    if (levelOf(r.kode_wilayah) === 'kecamatan') {
      values.set(`K|${r.kode_wilayah}|${r.kategori}`, r.jumlah);
      continue;
    }
    const k = `K|${kecamatanOf(r.kode_wilayah)}|${r.kategori}`;
    if (!given.has(k)) values.set(k, (values.get(k) ?? 0) + r.jumlah);
    // Sensitive categories are never published below the kecamatan.
    if (!sensitive.has(r.kategori)) values.set(`D|${r.kode_wilayah}|${r.kategori}`, r.jumlah);
  }
  const ids = [...values.keys()];
  const kecs = [...new Set(ids.filter((k) => k.startsWith('K|')).map((k) => k.split('|')[1]!))].sort();
  const cats = [...new Set(ids.map((k) => k.split('|')[2]!))].sort();
  const desas = [...new Set(ids.filter((k) => k.startsWith('D|')).map((k) => k.split('|')[1]!))].sort();
  const relations: Relation[] = [];
  const sum = (parts: string[]) => parts.reduce((a, id) => a + values.get(id)!, 0);
  for (const c of cats) {
    const parts = kecs.map((k) => `K|${k}|${c}`).filter((id) => values.has(id));
    values.set(`B|${kabupaten}|${c}`, sum(parts));
    relations.push({ total: `B|${kabupaten}|${c}`, parts });
    for (const k of kecs) {
      const desaParts = desas
        .filter((d) => d.startsWith(`${k}.`))
        .map((d) => `D|${d}|${c}`)
        .filter((id) => values.has(id));
      if (desaParts.length) relations.push({ total: `K|${k}|${c}`, parts: desaParts });
    }
  }
  for (const k of kecs) {
    const parts = cats.map((c) => `K|${k}|${c}`).filter((id) => values.has(id));
    values.set(`K|${k}|*`, sum(parts));
    relations.push({ total: `K|${k}|*`, parts });
  }
  for (const d of desas) {
    const parts = cats.map((c) => `D|${d}|${c}`).filter((id) => values.has(id));
    values.set(`D|${d}|*`, sum(parts));
    relations.push({ total: `D|${d}|*`, parts });
  }
  values.set(`B|${kabupaten}|*`, sum(cats.map((c) => `B|${kabupaten}|${c}`)));
  relations.push(
    { total: `B|${kabupaten}|*`, parts: cats.map((c) => `B|${kabupaten}|${c}`) },
    { total: `B|${kabupaten}|*`, parts: kecs.map((k) => `K|${k}|*`) },
  );
  const rankOf = (id: string) => (id.startsWith('D|') ? 0 : id.startsWith('K|') ? 1 : 2) + (id.endsWith('|*') ? 0.5 : 0);
  // With tingkat_sensitif "kabupaten", sensitive categories are hidden for every kecamatan.
  const forced = (id: string) => sensitiveLevel === 'kabupaten' && id.startsWith('K|') && sensitive.has(id.split('|')[2]!);
  const cells: Cell[] = [...values].map(([id, value]) => ({
    id,
    value,
    small: !id.startsWith('B|'),
    rank: rankOf(id),
    ...(forced(id) ? { forced: true } : {}),
  }));
  return { cells, relations };
}

function toCountCells(tahun: number, cells: readonly Cell[], flags: ReadonlyMap<string, Flag>): CountCell[] {
  return cells.map((c) => {
    const [, wilayah, kategori] = c.id.split('|');
    return { tahun, wilayah: wilayah!, kategori: kategori!, jumlah: flags.has(c.id) ? HIDDEN : c.value };
  });
}

/** Hierarchy desa → kecamatan → kabupaten for one additive measure. */
function measureCube(rows: readonly { wilayah: string; value: number }[], kabupaten: string) {
  const values = new Map<string, number>();
  const givenKec = new Set(rows.filter((r) => levelOf(r.wilayah) === 'kecamatan').map((r) => r.wilayah));
  for (const r of rows) {
    if (levelOf(r.wilayah) === 'kecamatan') values.set(r.wilayah, r.value);
    else {
      values.set(r.wilayah, r.value);
      const k = kecamatanOf(r.wilayah);
      if (!givenKec.has(k)) values.set(k, (values.get(k) ?? 0) + r.value);
    }
  }
  const kecs = [...values.keys()].filter((w) => levelOf(w) === 'kecamatan').sort();
  values.set(
    kabupaten,
    kecs.reduce((a, k) => a + values.get(k)!, 0),
  );
  const relations: Relation[] = [{ total: kabupaten, parts: kecs }];
  for (const k of kecs) {
    const desa = [...values.keys()].filter((w) => w.startsWith(`${k}.`));
    if (desa.length) relations.push({ total: k, parts: desa });
  }
  const cells: Cell[] = [...values].map(([id, value]) => ({ id, value, small: id !== kabupaten, rank: levelOf(id) === 'desa' ? 0 : 1 }));
  return { cells, relations };
}

export function protectPortal(d: PortalData, o: ProtectOptions): Protected {
  const sensitive = new Set(PMKS_CATEGORIES.filter((c) => c.sensitive).map((c) => c.code));
  const kab = d.tree.code;
  const out: Protected = {
    pmks: [],
    psks: [],
    measures: [],
    stats: { primary: 0, secondary: 0, published: 0, byFile: {} },
    flags: new Map(),
  };
  const count = (file: string, tahun: number, flags: ReadonlyMap<string, Flag>, total: number) => {
    out.stats.byFile[file] ??= { primary: 0, secondary: 0, published: 0 };
    const f = out.stats.byFile[file];
    for (const [id, flag] of flags) {
      out.stats[flag]++;
      f[flag]++;
      out.flags.set(`${file}|${tahun}|${id}`, flag);
    }
    out.stats.published += total - flags.size;
    f.published += total - flags.size;
  };

  for (const [y, rows] of groupBy(d.pmks, (r) => String(r.tahun))) {
    const { cells, relations } = categoryCube(rows, kab, sensitive, o.sensitiveLevel);
    const flags = protect(cells, relations, o.k);
    count('pmks.csv', Number(y), flags, cells.length);
    out.pmks.push(...toCountCells(Number(y), cells, flags));
  }
  // PSKS: same cube, nothing hidden (resources, not people in need).
  for (const [y, rows] of groupBy(d.psks, (r) => String(r.tahun))) {
    const { cells } = categoryCube(rows, kab, new Set(), 'kecamatan');
    out.psks.push(...toCountCells(Number(y), cells, new Map()));
  }

  const measure = (file: string, tahun: number, program: string, ukuran: string, rows: { wilayah: string; value: number }[]) => {
    const { cells, relations } = measureCube(rows, kab);
    const flags = protect(cells, relations, o.k);
    count(file, tahun, flags, cells.length);
    for (const c of cells) out.measures.push({ tahun, wilayah: c.id, program, ukuran, nilai: flags.has(c.id) ? HIDDEN : c.value });
  };
  for (const [y, rows] of groupBy(d.registri, (r) => String(r.tahun))) {
    for (const m of REGISTRY_MEASURES) {
      const vals = rows.filter((r) => r[m] !== undefined).map((r) => ({ wilayah: r.kode_wilayah, value: r[m]! }));
      if (vals.length) measure('registri.csv', Number(y), '', m, vals);
    }
  }
  // Recipients: the annual figure, or the latest stage where a year only has stages.
  const best = new Map<string, string>();
  for (const r of d.cakupan) {
    const key = `${r.tahun}|${r.program}|${r.kode_wilayah}`;
    const cur = best.get(key);
    if (cur === undefined || (cur !== 'tahunan' && (r.periode === 'tahunan' || r.periode > cur))) best.set(key, r.periode);
  }
  const annual = d.cakupan.filter((r) => best.get(`${r.tahun}|${r.program}|${r.kode_wilayah}`) === r.periode);
  for (const [key, rows] of groupBy(annual, (r) => `${r.tahun}|${r.program}`)) {
    const [y, program] = key.split('|');
    measure(
      'cakupan.csv',
      Number(y),
      program!,
      'penerima',
      rows.map((r) => ({ wilayah: r.kode_wilayah, value: r.penerima })),
    );
  }
  for (const [y, rows] of groupBy(d.verval, (r) => String(r.tahun))) {
    for (const m of VERVAL_MEASURES)
      measure(
        'verval.csv',
        Number(y),
        '',
        m,
        rows.map((r) => ({ wilayah: r.kode_wilayah, value: r[m] })),
      );
  }
  const order = <T extends { tahun: number; wilayah: string }>(xs: T[], k: (x: T) => string) =>
    xs.sort((a, b) => a.tahun - b.tahun || k(a).localeCompare(k(b)) || a.wilayah.localeCompare(b.wilayah));
  order(out.pmks, (x) => x.kategori.padStart(3, '0'));
  order(out.psks, (x) => x.kategori);
  order(out.measures, (x) => `${x.ukuran}|${x.program}`);
  return out;
}
