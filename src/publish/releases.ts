/**
 * Releases. Every build publishes the current release's downloads; each
 * earlier release is kept in `data/rilis/<label>/` exactly as it was
 * published and served at `/data/rilis/<label>/`, so a citation keeps
 * working. Here: reading an archive back into rows, refusing a label that
 * would change published figures, and "Perubahan data" — what changed from
 * the previous release — all by comparing rows, never CSV text.
 */
import { createHash } from 'node:crypto';
import Papa from 'papaparse';
import { t, type Problem } from '../load/problems.ts';
import type { ArchivedRelease } from '../load/portal.ts';
import { textOf } from '../load/io.ts';

type Files = ArchivedRelease['files'];

/** A release an earlier build published: where it was seen, its files' hashes, and its files when they were at hand. */
export interface PublishedRelease {
  label: string;
  where: string;
  /** Resource path → `sha256:…`, as its datapackage.json states. */
  hashes: Record<string, string>;
  files?: Record<string, string>;
}

/** Resource path → hash, from a datapackage.json text (empty when it cannot be read). */
export function resourceHashes(datapackage: string | Uint8Array | undefined): Record<string, string> {
  try {
    const pkg = JSON.parse(textOf(datapackage ?? '')) as { resources?: Resource[] };
    return Object.fromEntries((pkg.resources ?? []).filter((r) => r.hash).map((r) => [r.path, r.hash!]));
  } catch {
    return {};
  }
}

/** The resources two releases both list whose bytes differ. */
export const differingResources = (a: Record<string, string>, b: Record<string, string>): string[] =>
  Object.keys(a)
    .filter((p) => p in b && a[p] !== b[p])
    .sort();

/** One published table as rows of values (numbers, text, or null for an empty cell). */
export interface PublishedTable {
  name: string;
  title: string;
  primaryKey: string[];
  fields: { name: string; type: string }[];
  rows: Record<string, string | number | null>[];
}

interface Resource {
  name: string;
  path: string;
  title?: string;
  format: string;
  bytes?: number;
  hash?: string;
  schema?: { fields: { name: string; type: string }[]; primaryKey: string[] };
}

const NUMERIC = new Set(['integer', 'number', 'year']);

/** The value of a cell as a download states it: numbers as numbers, empty (hidden) and NA (not released) as null. */
export const cellValue = (v: unknown, type: string): string | number | null =>
  v === undefined || v === null || v === '' || v === 'NA' ? null : NUMERIC.has(type) ? Number(v) : String(v);

/** An archived release's tables, each read when asked for: a province's are compared one at a time (PMKS: 1.1 M rows). */
export type ArchivedTables = (name: string) => PublishedTable | undefined;

/** One CSV resource of an archived release as rows, typed by its own datapackage.json. */
export const tablesOfArchive =
  (files: Files): ArchivedTables =>
  (name) => {
    const pkg = JSON.parse(textOf(files['datapackage.json'] ?? '{"resources":[]}')) as { resources: Resource[] };
    const r = pkg.resources.find((x) => x.name === name && x.format === 'csv' && x.schema && x.path in files);
    return r && tableOf(files, r);
  };

function tableOf(files: Files, r: Resource): PublishedTable {
  const fields = r.schema!.fields;
  const raw = Papa.parse<Record<string, string>>(textOf(files[r.path]!), { header: true, skipEmptyLines: true }).data;
  return {
    name: r.name,
    title: r.title ?? r.name,
    primaryKey: r.schema!.primaryKey,
    fields,
    rows: raw.map((row) => Object.fromEntries(fields.map((f) => [f.name, cellValue(row[f.name], f.type)]))),
  };
}

/**
 * Problems with archived releases: a folder whose files do not match its own
 * datapackage.json was left half-written (or edited) and cannot be trusted.
 */
export function checkArchive(r: ArchivedRelease): Problem[] {
  const dir = `rilis/${r.label}/`;
  const restore = t(
    `folder rilis/${r.label}/ yang utuh. Bila rilis ini sudah pernah terbit, salin kembali berkasnya dari situs (/data/rilis/${r.label}/) atau dari git; bila belum pernah terbit (mis. build terputus), hapus folder rilis/${r.label}/ lalu build lagi`,
    `a complete rilis/${r.label}/ folder. If this release was published, copy its files back from the site (/data/rilis/${r.label}/) or from git; if it never was (e.g. an interrupted build), delete the rilis/${r.label}/ folder and build again`,
  );
  let pkg: { resources?: Resource[] };
  try {
    pkg = JSON.parse(textOf(r.files['datapackage.json'] ?? ''));
  } catch {
    return [
      {
        level: 'error',
        kind: 'release_incomplete',
        file: `${dir}datapackage.json`,
        value: textOf(r.files['datapackage.json'] ?? '').slice(0, 40),
        expected: restore,
      },
    ];
  }
  const out: Problem[] = [];
  for (const res of pkg.resources ?? []) {
    const content = r.files[res.path];
    if (content === undefined) {
      out.push({ level: 'error', kind: 'release_incomplete', file: `${dir}${res.path}`, expected: restore });
      continue;
    }
    const hash = `sha256:${createHash('sha256').update(content).digest('hex')}`;
    if ((res.bytes !== undefined && Buffer.byteLength(content) !== res.bytes) || (res.hash !== undefined && hash !== res.hash)) {
      out.push({
        level: 'error',
        kind: 'release_incomplete',
        file: `${dir}${res.path}`,
        value: `${Buffer.byteLength(content)} bytes`,
        expected: restore,
      });
    }
  }
  return out;
}

const rowKey = (table: PublishedTable, row: PublishedTable['rows'][number]) => table.primaryKey.map((k) => row[k]).join('|');
const canonical = (table: PublishedTable) => table.rows.map((row) => JSON.stringify(table.fields.map((f) => row[f.name] ?? null))).sort();

/** Datasets whose published figures differ between an archive and this build (only datasets both have). */
export function changedTables(archived: ArchivedTables, current: readonly PublishedTable[]): string[] {
  return current
    .filter((c) => {
      const a = archived(c.name);
      if (!a) return false;
      const [x, y] = [canonical(a), canonical({ ...c, fields: a.fields })];
      return x.length !== y.length || x.some((v, i) => v !== y[i]);
    })
    .map((c) => c.name);
}

export interface DatasetChange {
  name: string;
  title: string;
  rowsBefore: number;
  rowsAfter: number;
  yearsAdded: number[];
  yearsRemoved: number[];
  /** Cells of years in both releases whose published value differs. */
  revised: number;
  examples: { key: string; column: string; before: string; after: string }[];
  /** Total of the first measure per year; null where a part of it is not published. */
  totals: { tahun: number; before: number | null; after: number | null }[];
  measure: string;
}

export interface ReleaseChanges {
  previous: string;
  current: string;
  datasets: DatasetChange[];
  kecamatan: { code: string; name: string; tahun: number; before: number | null; after: number | null }[];
  categoriesAdded: string[];
  categoriesRemoved: string[];
}

type Row = PublishedTable['rows'][number];
const years = (rows: readonly Row[]) => new Set(rows.map((x) => Number(x.tahun)).filter((y) => !Number.isNaN(y)));

/** Total of a measure in one year: kabupaten rows where the table has levels, else every row; null if any part is empty. */
function yearTotal(rows: readonly Row[], y: number, measure: string | undefined): number | null {
  if (!measure) return null;
  const rs = rows.filter(
    (x) => Number(x.tahun) === y && (!('tingkat' in x) || (x.tingkat === 'kabupaten' && (!('kategori' in x) || x.kategori === '*'))),
  );
  const vals = rs.map((x) => x[measure]);
  return vals.length === 0 || vals.some((v) => typeof v !== 'number') ? null : (vals as number[]).reduce((s, v) => s + v, 0);
}

export function compareReleases(
  before: { label: string; tables: ArchivedTables },
  after: { label: string; tables: readonly PublishedTable[] },
): ReleaseChanges {
  const datasets: DatasetChange[] = [];
  let pa: readonly Row[] = [];
  for (const b of after.tables) {
    const a = before.tables(b.name);
    if (!a) continue;
    if (a.name === 'pmks') pa = a.rows;
    const measures = b.fields.filter((f) => NUMERIC.has(f.type) && f.type !== 'year' && !b.primaryKey.includes(f.name)).map((f) => f.name);
    const [ya, yb] = [years(a.rows), years(b.rows)];
    const byKey = new Map(a.rows.map((row) => [rowKey(a, row), row]));
    let revised = 0;
    const examples: DatasetChange['examples'] = [];
    for (const row of b.rows) {
      const prev = byKey.get(rowKey(b, row));
      if (!prev) continue;
      for (const m of measures) {
        if (prev[m] === null || prev[m] === undefined || row[m] === null || prev[m] === row[m]) continue;
        revised++;
        if (examples.length < 5)
          examples.push({ key: b.primaryKey.map((k) => row[k]).join(', '), column: m, before: String(prev[m]), after: String(row[m]) });
      }
    }
    const measure = measures[0];
    const allYears = [...new Set([...ya, ...yb])].sort((x, y) => x - y);
    datasets.push({
      name: b.name,
      title: b.title,
      rowsBefore: a.rows.length,
      rowsAfter: b.rows.length,
      yearsAdded: [...yb].filter((y) => !ya.has(y)).sort(),
      yearsRemoved: [...ya].filter((y) => !yb.has(y)).sort(),
      revised,
      examples,
      totals: allYears.map((y) => ({
        tahun: y,
        before: ya.has(y) ? yearTotal(a.rows, y, measure) : null,
        after: yb.has(y) ? yearTotal(b.rows, y, measure) : null,
      })),
      measure: measure ?? '',
    });
  }
  // PMKS per kecamatan, the latest year both releases have.
  const pb = after.tables.find((x) => x.name === 'pmks')?.rows ?? [];
  const common = [...years(pa)]
    .filter((y) => years(pb).has(y))
    .sort()
    .at(-1);
  /** Each area's all-category total of that year (an index: a province has 666 kecamatan and 1.5 M rows). */
  const totals = (rows: readonly Row[]) => {
    const out = new Map<string, unknown>();
    for (const x of rows)
      if (Number(x.tahun) === common && x.kategori === '*' && !out.has(String(x.kode_wilayah))) out.set(String(x.kode_wilayah), x.jumlah);
    return out;
  };
  const [ta, tb] = [totals(pa), totals(pb)];
  const kec = (t: Map<string, unknown>, code: string) => {
    const v = t.get(code);
    return typeof v === 'number' ? v : null;
  };
  const kecamatan =
    common === undefined
      ? []
      : pb
          .filter((x) => Number(x.tahun) === common && x.tingkat === 'kecamatan' && x.kategori === '*')
          .map((x) => ({
            code: String(x.kode_wilayah),
            name: String(x.nama_wilayah),
            tahun: common,
            before: kec(ta, String(x.kode_wilayah)),
            after: kec(tb, String(x.kode_wilayah)),
          }));
  const cats = (rows: readonly Row[]) =>
    new Set(rows.filter((x) => x.kategori !== '*' && x.jumlah !== 0).map((x) => String(x.nama_kategori)));
  const [ca, cb] = [cats(pa), cats(pb)];
  return {
    previous: before.label,
    current: after.label,
    datasets,
    kecamatan,
    categoriesAdded: [...cb].filter((c) => !ca.has(c)).sort(),
    categoriesRemoved: [...ca].filter((c) => !cb.has(c)).sort(),
  };
}
