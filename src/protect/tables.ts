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
import { DESILS, UNRANKED } from '../domain/desil.ts';
import { type Cell, type Flag, type IntervalReport, protect, type Prior, type Relation } from './disclosure.ts';
import { protectInWorkers } from './workers.ts';
import type { PriorLookup } from './prior.ts';
import { HIDDEN, NOT_RELEASED, type Figure } from './figure.ts';
import type { PortalData } from '../load/portal.ts';
import { kabupatenOf, kecamatanOf, levelOf } from '../domain/regions.ts';
import { groupDapil } from '../domain/dapil.ts';

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

/**
 * One published cell of a DTSEN table (registry by desil, recipients by
 * desil): `kategori` is a desil '1'…'10', 'belum' (not ranked), or a group —
 * '*' all, 'R' all ranked, 'L4' desil 1–4 (the households a program with
 * desil_maks 4 serves).
 */
export interface CubeCell {
  tahun: number;
  periode: string;
  wilayah: string;
  /** Program slug for recipients; '' for the registry. */
  program: string;
  kategori: string;
  ukuran: string;
  nilai: Figure;
}

/** One published sum over a dapil: the table it comes from and that table's own row key. */
export interface DapilCell {
  tabel: 'pmks' | 'registri' | 'cakupan' | 'verval' | 'desil' | 'sasaran';
  tahun: number;
  /** '' where the table has no periods. */
  periode: string;
  /** The dapil's slug. */
  dapil: string;
  program: string;
  kategori: string;
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
  /** What earlier releases published or hid (prior.ts): protection is joint with them. */
  prior?: PriorLookup;
}

export interface Protected {
  pmks: CountCell[];
  psks: CountCell[];
  measures: MeasureCell[];
  /** DTSEN registry by desil (keluarga, jiwa) and recipients by desil (penerima). */
  desil: CubeCell[];
  /** Every table's sums over each dapil (`wilayah` = the dapil's slug), protected with the tables they sum. */
  dapil: DapilCell[];
  sasaran: CubeCell[];
  /** Registry households by deprivation indicator (`ukuran` = the indicator). */
  kondisi: MeasureCell[];
  /** Totals over every protected table, and per input file (`pmks.csv`, …). */
  stats: SuppressionStats & { byFile: Record<string, SuppressionStats> };
  /** The protection-interval check over every table: small hidden counts proven to reach 0 or k, and those that needed a further complement. */
  intervals: IntervalReport;
  /** Why each hidden cell is hidden, keyed `<file>|<year>|<cell id>`: for tests and counts, never published (a primary flag would say "1 to k−1"). */
  flags: Map<string, Flag>;
}

const groupBy = <T>(xs: readonly T[], key: (x: T) => string): Map<string, T[]> => {
  const m = new Map<string, T[]>();
  for (const x of xs) {
    const k = key(x);
    const list = m.get(k);
    if (list) list.push(x);
    else m.set(k, [x]);
  }
  return m;
};

/** A sum over some categories published for every area: `*` (all), or e.g. desil 1–4. */
export interface Group {
  id: string;
  members: readonly string[];
}

/**
 * Category cube of one year (and period): cells by area and category, and the
 * sums that tie them together — each group of categories per area, each
 * category and group from desa to kecamatan to kabupaten.
 */
function categoryCube(
  rows: readonly { kode_wilayah: string; kategori: string; jumlah: number }[],
  root: string,
  sensitive: ReadonlySet<string>,
  sensitiveLevel: 'kecamatan' | 'kabupaten',
  groupsOf: (categories: string[]) => Group[] = (cats) => [{ id: '*', members: cats }],
  extra: readonly Grouping[] = [],
) {
  const values = new Map<string, number>();
  const given = new Set(rows.filter((r) => levelOf(r.kode_wilayah) === 'kecamatan').map((r) => `K|${r.kode_wilayah}|${r.kategori}`));
  const add = (id: string, v: number) => values.set(id, (values.has(id) ? values.get(id)! : 0) + v);
  for (const r of rows) {
    if (levelOf(r.kode_wilayah) === 'kecamatan') {
      values.set(`K|${r.kode_wilayah}|${r.kategori}`, r.jumlah);
      continue;
    }
    const k = `K|${kecamatanOf(r.kode_wilayah)}|${r.kategori}`;
    if (!given.has(k)) add(k, r.jumlah);
    // Sensitive categories are never published below the kecamatan.
    if (!sensitive.has(r.kategori)) values.set(`D|${r.kode_wilayah}|${r.kategori}`, r.jumlah);
  }
  const ids = [...values.keys()];
  const kecs = [...new Set(ids.filter((k) => k.startsWith('K|')).map((k) => k.split('|')[1]!))].sort();
  const cats = [...new Set(ids.map((k) => k.split('|')[2]!))].sort();
  const desas = [...new Set(ids.filter((k) => k.startsWith('D|')).map((k) => k.split('|')[1]!))].sort();
  const desasOf = groupBy(desas, kecamatanOf);
  const uppers = upperLevels(root, kecs);
  const relations: Relation[] = [];
  const sum = (parts: string[]) => parts.reduce((a, id) => a + values.get(id)!, 0);
  for (const c of cats) {
    for (const u of uppers) {
      const parts = u.children.map((k) => `${u.prefix}|${k}|${c}`).filter((id) => values.has(id));
      values.set(`B|${u.area}|${c}`, sum(parts));
      relations.push({ total: `B|${u.area}|${c}`, parts });
    }
    for (const k of kecs) {
      const desaParts = (desasOf.get(k) ?? []).map((d) => `D|${d}|${c}`).filter((id) => values.has(id));
      if (desaParts.length) relations.push({ total: `K|${k}|${c}`, parts: desaParts });
    }
  }
  for (const g of groupsOf(cats)) {
    for (const k of kecs) {
      const parts = g.members.map((c) => `K|${k}|${c}`).filter((id) => values.has(id));
      values.set(`K|${k}|${g.id}`, sum(parts));
      relations.push({ total: `K|${k}|${g.id}`, parts });
    }
    for (const d of desas) {
      const parts = g.members.map((c) => `D|${d}|${c}`).filter((id) => values.has(id));
      values.set(`D|${d}|${g.id}`, sum(parts));
      relations.push({ total: `D|${d}|${g.id}`, parts });
    }
    for (const u of uppers) {
      const B = `B|${u.area}|${g.id}`;
      const members = g.members.map((c) => `B|${u.area}|${c}`).filter((id) => values.has(id));
      values.set(B, sum(members));
      relations.push({ total: B, parts: members }, { total: B, parts: u.children.map((k) => `${u.prefix}|${k}|${g.id}`) });
    }
    // A dapil publishes the groups only (all PMKS, desil 1–4, …), never category by category: a sum over a few
    // kecamatan per category would cut every category's small cells once more.
    for (const u of overKecamatan(extra, kecs)) {
      const parts = u.children.map((k) => `K|${k}|${g.id}`);
      values.set(`B|${u.area}|${g.id}`, sum(parts));
      relations.push({ total: `B|${u.area}|${g.id}`, parts });
    }
  }
  const totals = new Set(groupsOf(cats).map((g) => g.id));
  const province = root.length === 2;
  const rankOf = (id: string) =>
    (id.startsWith('D|') ? 0 : id.startsWith('K|') ? 1 : province && id.split('|')[1] === root ? 3 : 2) +
    (totals.has(id.split('|')[2]!) ? 0.5 : 0);
  // With tingkat_sensitif "kabupaten", sensitive categories are hidden for every kecamatan.
  const forced = (id: string) => sensitiveLevel === 'kabupaten' && id.startsWith('K|') && sensitive.has(id.split('|')[2]!);
  const cells: Cell[] = [...values].map(([id, value]) => ({
    id,
    value,
    // Every area below the portal's own is small: a kabupaten/kota of a province too.
    small: id.split('|')[1] !== root,
    rank: rankOf(id),
    ...(forced(id) ? { forced: true } : {}),
    ...(sensitive.has(id.split('|')[2]!) ? { sensitive: true } : {}),
  }));
  return { cells, relations };
}

/**
 * A published sum over a set of kecamatan outside the tree (a dapil): `area` is its cell's area id, `dapil:<slug>`.
 * Groupings may overlap each other and cut across kabupaten/kota (a province's DPRD dapil against a kabupaten's).
 */
export interface Grouping {
  area: string;
  kecamatan: readonly string[];
}

/** The groupings as more totals over kecamatan cells, each over the kecamatan this table has (none: no total). */
function overKecamatan(extra: readonly Grouping[], kecs: readonly string[]): { area: string; children: string[]; prefix: 'K' }[] {
  const have = new Set(kecs);
  return extra
    .map((g) => ({ area: g.area, children: g.kecamatan.filter((k) => have.has(k)), prefix: 'K' as const }))
    .filter((g) => g.children.length > 0);
}

/**
 * The totals above the kecamatan, bottom up: the kabupaten/kota of a kabupaten portal over its kecamatan; for a
 * province, each kabupaten/kota over its kecamatan, then the province over its kabupaten/kota. `prefix` is the
 * children's cell prefix in a category cube (K kecamatan, B a total).
 */
function upperLevels(root: string, kecs: readonly string[]): { area: string; children: string[]; prefix: 'K' | 'B' }[] {
  if (root.length !== 2) return [{ area: root, children: [...kecs], prefix: 'K' }];
  const byKab = groupBy(kecs, kabupatenOf);
  const kabs = [...byKab.keys()].sort();
  return [...kabs.map((k) => ({ area: k, children: byKab.get(k)!, prefix: 'K' as const })), { area: root, children: kabs, prefix: 'B' }];
}

function toCubeCells(
  base: Omit<CubeCell, 'wilayah' | 'kategori' | 'nilai'>,
  cells: readonly Cell[],
  flags: ReadonlyMap<string, Flag>,
): CubeCell[] {
  return cells.map((c) => {
    const [, wilayah, kategori] = c.id.split('|');
    return { ...base, wilayah: wilayah!, kategori: kategori!, nilai: flags.has(c.id) ? HIDDEN : c.value };
  });
}

function toCountCells(tahun: number, cells: readonly Cell[], flags: ReadonlyMap<string, Flag>): CountCell[] {
  return cells.map((c) => {
    const [, wilayah, kategori] = c.id.split('|');
    return { tahun, wilayah: wilayah!, kategori: kategori!, jumlah: flags.has(c.id) ? HIDDEN : c.value };
  });
}

/** Hierarchy desa → kecamatan → kabupaten/kota (→ province) for one additive measure. */
function measureCube(rows: readonly { wilayah: string; value: number }[], root: string, extra: readonly Grouping[] = []) {
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
  const relations: Relation[] = [];
  for (const u of [...upperLevels(root, kecs), ...overKecamatan(extra, kecs)]) {
    values.set(
      u.area,
      u.children.reduce((a, k) => a + values.get(k)!, 0),
    );
    relations.push({ total: u.area, parts: u.children });
  }
  for (const k of kecs) {
    const desa = [...values.keys()].filter((w) => w.startsWith(`${k}.`));
    if (desa.length) relations.push({ total: k, parts: desa });
  }
  const province = root.length === 2;
  const rankOf = (id: string) =>
    levelOf(id) === 'desa' ? 0 : province && id === root ? 3 : province && levelOf(id) === 'kabupaten' ? 2 : 1;
  const cells: Cell[] = [...values].map(([id, value]) => ({ id, value, small: id !== root, rank: rankOf(id) }));
  return { cells, relations };
}

/** One table of one year to protect: its cells and relations, what earlier releases said, and what to do with the flags. */
export interface ProtectTask {
  cells: Cell[];
  relations: Relation[];
  prior?: Prior;
  done: (flags: ReadonlyMap<string, Flag>) => void;
}

/** Every table of a portal, protected one after the other in this thread. */
export function protectPortal(d: PortalData, o: ProtectOptions): Protected {
  const out = emptyProtected();
  for (const t of protectTasks(d, o, out)) t.done(protect(t.cells, t.relations, o.k, out.intervals, t.prior, scopesOf));
  return finishProtected(out, d);
}

/**
 * The same, with the tables shared among worker processes (workers.ts): a province has hundreds of tables of
 * 10⁵ cells. Flags are applied in table order, so the result is the one `protectPortal` gives.
 */
export async function protectPortalInWorkers(d: PortalData, o: ProtectOptions, threads: number): Promise<Protected> {
  const out = emptyProtected();
  await protectInWorkers(protectTasks(d, o, out), o.k, threads, (t, r) => {
    out.intervals.checked += r.report.checked;
    out.intervals.pinned += r.report.pinned;
    out.intervals.inherited += r.report.inherited;
    t.done(r.flags);
  });
  return finishProtected(out, d);
}

function emptyProtected(): Protected {
  return {
    pmks: [],
    psks: [],
    measures: [],
    desil: [],
    sasaran: [],
    kondisi: [],
    dapil: [],
    stats: { primary: 0, secondary: 0, published: 0, byFile: {} },
    intervals: { checked: 0, pinned: 0, inherited: 0 },
    flags: new Map(),
  };
}

/** The tables of a portal as tasks, made one at a time (a province's would not fit in memory at once). */
function* protectTasks(d: PortalData, o: ProtectOptions, out: Protected): Generator<ProtectTask> {
  const sensitive = new Set(PMKS_CATEGORIES.filter((c) => c.sensitive).map((c) => c.code));
  const kab = d.tree.code;
  // Each dapil is one more published total over kecamatan, in every table it is shown for.
  const dapil: Grouping[] = groupDapil(d.dapil ?? [], d.tree).map((g) => ({ area: `${DAPIL}${g.slug}`, kecamatan: g.kecamatan }));
  /** The earlier releases' word on a cell of this table: `key(cell id)` names its row and column as published. */
  const priorFor = (key: (id: string) => string): Prior | undefined => o.prior && ((id) => o.prior!(key(id)));
  const cubeId = (id: string) => id.split('|').slice(1).join('|');
  const count = (file: string, tahun: number | string, flags: ReadonlyMap<string, Flag>, total: number) => {
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
    const { cells, relations } = categoryCube(rows, kab, sensitive, o.sensitiveLevel, undefined, dapil);
    yield {
      cells,
      relations,
      prior: priorFor((id) => `pmks|${y}|${cubeId(id)}|jumlah`),
      done: (flags) => {
        count('pmks.csv', Number(y), flags, cells.length);
        for (const c of toCountCells(Number(y), cells, flags)) out.pmks.push(c); // no spread: a province has 10⁵ cells a year
      },
    };
  }
  // PSKS: same cube, nothing hidden (resources, not people in need).
  for (const [y, rows] of groupBy(d.psks, (r) => String(r.tahun))) {
    const { cells } = categoryCube(rows, kab, new Set(), 'kecamatan');
    for (const c of toCountCells(Number(y), cells, new Map())) out.psks.push(c);
  }

  const measure = (
    file: string,
    tahun: number,
    program: string,
    ukuran: string,
    rows: { wilayah: string; value: number }[],
  ): ProtectTask => {
    const { cells, relations } = measureCube(rows, kab, dapil);
    const table = file.replace(/\.csv$/, '');
    const key = (w: string) => (program ? `${table}|${tahun}|${w}|${program}|${ukuran}` : `${table}|${tahun}|${w}|${ukuran}`);
    return {
      cells,
      relations,
      prior: priorFor(key),
      done: (flags) => {
        count(file, tahun, flags, cells.length);
        for (const c of cells) out.measures.push({ tahun, wilayah: c.id, program, ukuran, nilai: flags.has(c.id) ? HIDDEN : c.value });
      },
    };
  };
  for (const [y, rows] of groupBy(d.registri, (r) => String(r.tahun))) {
    for (const m of REGISTRY_MEASURES) {
      const vals = rows.filter((r) => r[m] !== undefined).map((r) => ({ wilayah: r.kode_wilayah, value: r[m]! }));
      if (vals.length) yield measure('registri.csv', Number(y), '', m, vals);
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
    yield measure(
      'cakupan.csv',
      Number(y),
      program!,
      'penerima',
      rows.map((r) => ({ wilayah: r.kode_wilayah, value: r.penerima })),
    );
  }
  for (const [y, rows] of groupBy(d.verval, (r) => String(r.tahun))) {
    for (const m of VERVAL_MEASURES)
      yield measure(
        'verval.csv',
        Number(y),
        '',
        m,
        rows.map((r) => ({ wilayah: r.kode_wilayah, value: r[m] })),
      );
  }
  // DTSEN: registry by desil with the sums programs are judged against (desil 1..max for every desil_maks in use).
  const limits = [...new Set(d.programs.flatMap((p) => (p.desil_maks ? [p.desil_maks] : [])))].sort((a, b) => a - b);
  const desilGroups = (): Group[] => [{ id: '*', members: DESILS }, ...limits.map((m) => ({ id: `L${m}`, members: DESILS.slice(0, m) }))];
  for (const [key, rows] of groupBy(d.desil, (r) => `${r.tahun}|${r.periode}`)) {
    const [y, periode] = key.split('|') as [string, string];
    for (const ukuran of ['keluarga', 'jiwa'] as const) {
      const given = rows
        .filter((r) => r[ukuran] !== undefined)
        .map((r) => ({ kode_wilayah: r.kode_wilayah, kategori: String(r.desil), jumlah: r[ukuran]! }));
      if (!given.length) continue;
      const { cells, relations } = categoryCube(given, kab, new Set(), 'kecamatan', desilGroups, dapil);
      yield {
        cells,
        relations,
        prior: priorFor((id) => `desil|${y}|${periode}|${cubeId(id)}|${ukuran}`),
        done: (flags) => {
          count('desil.csv', `${key}|${ukuran}`, flags, cells.length);
          for (const c of toCubeCells({ tahun: Number(y), periode, program: '', ukuran }, cells, flags)) out.desil.push(c);
        },
      };
    }
  }
  // Recipients by desil, per program: all, ranked, and within the program's own limit.
  const limitOf = new Map(d.programs.map((p) => [p.slug, p.desil_maks]));
  for (const [key, rows] of groupBy(d.sasaran, (r) => `${r.tahun}|${r.periode}|${r.program}`)) {
    const [y, periode, program] = key.split('|') as [string, string, string];
    const max = limitOf.get(program);
    const groups = (): Group[] => [
      { id: '*', members: [...DESILS, UNRANKED] },
      { id: 'R', members: DESILS },
      ...(max ? [{ id: `L${max}`, members: DESILS.slice(0, max) }] : []),
    ];
    const given = rows.map((r) => ({
      kode_wilayah: r.kode_wilayah,
      kategori: r.desil === undefined ? UNRANKED : String(r.desil),
      jumlah: r.penerima,
    }));
    const { cells, relations } = categoryCube(given, kab, new Set(), 'kecamatan', groups, dapil);
    yield {
      cells,
      relations,
      prior: priorFor((id) => `sasaran|${y}|${periode}|${id.split('|')[1]}|${program}|${id.split('|')[2]}|penerima`),
      done: (flags) => {
        count('sasaran.csv', key, flags, cells.length);
        for (const c of toCubeCells({ tahun: Number(y), periode, program, ukuran: 'penerima' }, cells, flags)) out.sasaran.push(c);
      },
    };
  }
  // Deprivations: one household can have several, so each indicator is a table of its own (no total across them).
  for (const [key, rows] of groupBy(d.kondisi, (r) => `${r.tahun}|${r.indikator}`)) {
    const [y, indikator] = key.split('|') as [string, string];
    const { cells, relations } = measureCube(
      rows.map((r) => ({ wilayah: r.kode_wilayah, value: r.keluarga })),
      kab,
    );
    yield {
      cells,
      relations,
      prior: priorFor((w) => `kondisi|${y}|${w}|${indikator}|keluarga`),
      done: (flags) => {
        count('kondisi.csv', key, flags, cells.length);
        for (const c of cells)
          out.kondisi.push({ tahun: Number(y), wilayah: c.id, program: '', ukuran: indikator, nilai: flags.has(c.id) ? HIDDEN : c.value });
      },
    };
  }
}

/** Partial sums withheld, dapil sums into their own table, and every table in its published order. */
function finishProtected(out: Protected, d: PortalData): Protected {
  if (d.tree.kabupaten) withholdPartialSums(out, d);
  splitDapil(out);
  const order = <T extends { tahun: number; wilayah: string }>(xs: T[], k: (x: T) => string) =>
    xs.sort((a, b) => a.tahun - b.tahun || k(a).localeCompare(k(b)) || a.wilayah.localeCompare(b.wilayah));
  order(out.pmks, (x) => x.kategori.padStart(3, '0'));
  order(out.psks, (x) => x.kategori);
  order(out.measures, (x) => `${x.ukuran}|${x.program}`);
  const desilOrder = (k: string) =>
    k === '*' ? 'a' : k === 'R' ? 'b' : k.startsWith('L') ? `c${k}` : k === UNRANKED ? 'z' : `d${k.padStart(2, '0')}`;
  const cubeKey = (x: CubeCell) => `${x.periode}|${x.program}|${x.ukuran}|${desilOrder(x.kategori)}`;
  order(out.desil, cubeKey);
  order(out.sasaran, cubeKey);
  order(out.kondisi, (x) => x.ukuran);
  return out;
}

const DAPIL = 'dapil:';

/**
 * A province's total (and a dapil's) is a sum over its kabupaten/kota: where a kabupaten/kota sent no rows for
 * a table and year, that sum would be a part presented as the whole. It is not published (NA, "not released"),
 * in the pages and the downloads alike; each kabupaten/kota that sent its data keeps its own figures.
 */
function withholdPartialSums(out: Protected, d: PortalData): void {
  const all = d.tree.kabupaten!.map((k) => k.code);
  const dapilKabs = new Map(groupDapil(d.dapil ?? [], d.tree).map((g) => [`${DAPIL}${g.slug}`, new Set(g.kecamatan.map(kabupatenOf))]));
  const withhold = <T extends { wilayah: string }>(cells: T[], key: (c: T) => string, clear: (c: T) => void) => {
    const present = new Map<string, Set<string>>();
    for (const c of cells)
      if (levelOf(c.wilayah) === 'kabupaten') {
        const k = key(c);
        if (!present.has(k)) present.set(k, new Set());
        present.get(k)!.add(c.wilayah);
      }
    for (const c of cells) {
      const over = c.wilayah === d.tree.code ? all : dapilKabs.get(c.wilayah);
      if (over && [...over].some((k) => !present.get(key(c))?.has(k))) clear(c);
    }
  };
  const count = (c: CountCell) => {
    c.jumlah = NOT_RELEASED;
  };
  const value = (c: { nilai: Figure }) => {
    c.nilai = NOT_RELEASED;
  };
  withhold(out.pmks, (c) => String(c.tahun), count);
  withhold(out.psks, (c) => String(c.tahun), count);
  withhold(out.measures, (c) => `${c.tahun}|${c.program}|${c.ukuran}`, value);
  withhold(out.kondisi, (c) => `${c.tahun}|${c.ukuran}`, value);
  withhold(out.desil, (c) => `${c.tahun}|${c.periode}|${c.ukuran}`, value);
  withhold(out.sasaran, (c) => `${c.tahun}|${c.periode}|${c.program}`, value);
}

/** A cell's kecamatan and kabupaten/kota (a dapil's sum: the dapil): the scopes a large block is checked in first (intervals.ts). */
export function scopesOf(id: string): string[] {
  const area = id.includes('|') ? id.split('|')[1]! : id;
  return area.startsWith(DAPIL) ? [area, area] : [area.slice(0, 8), area.slice(0, 5)];
}

/** Move the dapil sums out of the area tables into their own (the area tables keep area codes only). */
function splitDapil(out: Protected): void {
  const isDapil = (w: string) => w.startsWith(DAPIL);
  const slug = (w: string) => w.slice(DAPIL.length);
  const tableOf = (ukuran: string): DapilCell['tabel'] =>
    ukuran === 'penerima' ? 'cakupan' : (VERVAL_MEASURES as readonly string[]).includes(ukuran) ? 'verval' : 'registri';
  for (const c of out.pmks.filter((x) => isDapil(x.wilayah)))
    out.dapil.push({
      tabel: 'pmks',
      tahun: c.tahun,
      periode: '',
      dapil: slug(c.wilayah),
      program: '',
      kategori: c.kategori,
      ukuran: 'jumlah',
      nilai: c.jumlah,
    });
  for (const c of out.measures.filter((x) => isDapil(x.wilayah)))
    out.dapil.push({
      tabel: tableOf(c.ukuran),
      tahun: c.tahun,
      periode: '',
      dapil: slug(c.wilayah),
      program: c.program,
      kategori: '',
      ukuran: c.ukuran,
      nilai: c.nilai,
    });
  for (const [tabel, cells] of [
    ['desil', out.desil],
    ['sasaran', out.sasaran],
  ] as const)
    for (const c of cells.filter((x) => isDapil(x.wilayah)))
      out.dapil.push({
        tabel,
        tahun: c.tahun,
        periode: c.periode,
        dapil: slug(c.wilayah),
        program: c.program,
        kategori: c.kategori,
        ukuran: c.ukuran,
        nilai: c.nilai,
      });
  out.pmks = out.pmks.filter((x) => !isDapil(x.wilayah));
  out.measures = out.measures.filter((x) => !isDapil(x.wilayah));
  out.desil = out.desil.filter((x) => !isDapil(x.wilayah));
  out.sasaran = out.sasaran.filter((x) => !isDapil(x.wilayah));
}
