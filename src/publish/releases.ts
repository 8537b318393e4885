/**
 * "Perubahan data": what changed between the previous release and this one,
 * computed from the published files of both (the archived ones are never
 * regenerated): rows added and removed, years added, revisions to past
 * years, totals per year, and the PMKS total per kecamatan.
 */
import Papa from 'papaparse';

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

interface Pkg { version: string; resources: { name: string; path: string; title?: string; format: string; schema?: { fields: { name: string; type: string }[]; primaryKey: string[] } }[] }

const parse = (text: string) => Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true }).data;
const num = (v: string | undefined) => (v === undefined || v === '' ? null : Number(v));

export function compareReleases(before: { pkg: Pkg; files: Record<string, string> }, after: { pkg: Pkg; files: Record<string, string> }): ReleaseChanges {
  const datasets: DatasetChange[] = [];
  for (const r of after.pkg.resources.filter((x) => x.format === 'csv' && x.schema)) {
    const old = before.pkg.resources.find((x) => x.name === r.name && x.format === 'csv');
    if (!old || !(r.path in before.files) || !(r.path in after.files)) continue;
    const a = parse(before.files[r.path]!);
    const b = parse(after.files[r.path]!);
    const keyCols = r.schema!.primaryKey;
    const measures = r.schema!.fields.filter((f) => (f.type === 'integer' || f.type === 'number') && !keyCols.includes(f.name)).map((f) => f.name);
    const keyOf = (row: Record<string, string>) => keyCols.map((k) => row[k]).join('|');
    const years = (rows: Record<string, string>[]) => new Set(rows.map((x) => Number(x.tahun)).filter((y) => !Number.isNaN(y)));
    const ya = years(a);
    const yb = years(b);
    const byKey = new Map(a.map((row) => [keyOf(row), row]));
    let revised = 0;
    const examples: DatasetChange['examples'] = [];
    for (const row of b) {
      const prev = byKey.get(keyOf(row));
      if (!prev) continue;
      for (const m of measures) if ((prev[m] ?? '') !== (row[m] ?? '') && prev[m] !== '' && row[m] !== '') {
        revised++;
        if (examples.length < 5) examples.push({ key: keyCols.map((k) => row[k]).join(', '), column: m, before: prev[m]!, after: row[m]! });
      }
    }
    // Totals per year of the first measure, from kabupaten rows where the table has levels.
    const measure = measures[0];
    const total = (rows: Record<string, string>[], y: number) => {
      if (!measure) return null;
      const rs = rows.filter((x) => Number(x.tahun) === y && (!('tingkat' in x) || (x.tingkat === 'kabupaten' && (!('kategori' in x) || x.kategori === '*'))));
      const vals = rs.map((x) => num(x[measure]));
      return vals.length === 0 || vals.some((v) => v === null) ? null : vals.reduce((s, v) => s! + v!, 0);
    };
    const allYears = [...new Set([...ya, ...yb])].sort((x, y) => x - y);
    datasets.push({
      name: r.name,
      title: r.title ?? r.name,
      rowsBefore: a.length,
      rowsAfter: b.length,
      yearsAdded: [...yb].filter((y) => !ya.has(y)).sort(),
      yearsRemoved: [...ya].filter((y) => !yb.has(y)).sort(),
      revised,
      examples,
      totals: allYears.map((y) => ({ tahun: y, before: ya.has(y) ? total(a, y) : null, after: yb.has(y) ? total(b, y) : null })),
      measure: measure ?? '',
    });
  }
  // PMKS per kecamatan, the latest year both releases have.
  const pm = (files: Record<string, string>) => ('pmks.csv' in files ? parse(files['pmks.csv']!) : []);
  const pa = pm(before.files);
  const pb = pm(after.files);
  const common = [...new Set(pa.map((x) => Number(x.tahun)))].filter((y) => pb.some((x) => Number(x.tahun) === y)).sort().at(-1);
  const kec = (rows: Record<string, string>[], code: string) => num(rows.find((x) => Number(x.tahun) === common && x.kode_wilayah === code && x.kategori === '*')?.jumlah);
  const kecamatan = common === undefined ? [] : pb.filter((x) => Number(x.tahun) === common && x.tingkat === 'kecamatan' && x.kategori === '*').map((x) => ({ code: x.kode_wilayah!, name: x.nama_wilayah!, tahun: common, before: kec(pa, x.kode_wilayah!), after: kec(pb, x.kode_wilayah!) }));
  const cats = (rows: Record<string, string>[]) => new Set(rows.filter((x) => x.kategori !== '*' && x.jumlah !== '0').map((x) => x.nama_kategori!));
  const ca = cats(pa);
  const cb = cats(pb);
  return { previous: before.pkg.version, current: after.pkg.version, datasets, kecamatan, categoriesAdded: [...cb].filter((c) => !ca.has(c)).sort(), categoriesRemoved: [...ca].filter((c) => !cb.has(c)).sort() };
}
