/**
 * The data explorer (/data/jelajah/) as pure functions: which published
 * measures it offers (built by model/explorer.ts from what the release
 * holds), how a measure's rows are read from the JSON download the site
 * already publishes (no second copy of the data), ranked, sorted, filtered,
 * and written back as the CSV of exactly what the reader sees. The React
 * island (client/explorer/) only holds the choices and draws.
 */
import type { ValueFormat } from './chart-format.ts';

/** One measure the explorer can show for every kecamatan. */
export interface ExplorerIndicator {
  /** Stable id, used in the URL (`?i=`). */
  id: string;
  /** Group heading in the picker (e.g. "Cakupan bantuan"). */
  group: string;
  label: string;
  /** The JSON download it is read from: `/data/<file>.json`. */
  file: string;
  /** Columns the rows must match (e.g. { program: 'pkh' }). */
  where: Record<string, string | number>;
  /** The column holding the value. */
  column: string;
  unit: string;
  format: ValueFormat;
  /** Years with figures, oldest first. */
  years: number[];
  /** Rows carry a `periode`: the explorer shows `tahunan`, or else the latest period of the year. */
  periodic?: boolean;
}

export interface Area {
  code: string;
  name: string;
}

/** One kecamatan's value: a number, hidden for privacy, or not in this release. */
export interface ExplorerRow {
  code: string;
  name: string;
  value: number | null;
  state: 'shown' | 'hidden' | 'missing';
  /** 1 = highest; hidden and missing values have no rank. */
  rank?: number;
  /** The period the value belongs to, for periodic measures. */
  periode?: string;
}

type Row = Record<string, unknown>;

/** The rows of a JSON download: a plain array (Frictionless tabular JSON); older releases wrapped it in `data`. */
export const rowsOf = (json: unknown): Row[] => (Array.isArray(json) ? (json as Row[]) : ((json as { data?: Row[] }).data ?? []));

const isKecamatan = (code: unknown) => typeof code === 'string' && code.split('.').length === 3;

/** Every kecamatan's value of `ind` in `year`, ranked (rank 1 = highest shown value; ties share a rank). */
export function selectRows(ind: ExplorerIndicator, rows: readonly Row[], year: number, areas: readonly Area[]): ExplorerRow[] {
  const match = rows.filter(
    (r) => r.tahun === year && isKecamatan(r.kode_wilayah) && Object.entries(ind.where).every(([k, v]) => r[k] === v),
  );
  const byArea = new Map<string, Row>();
  for (const r of match) {
    const code = r.kode_wilayah as string;
    const cur = byArea.get(code);
    // Periodic measures: the annual figure, else the latest period (triwulan-1 < … < triwulan-4).
    const better =
      !cur ||
      (ind.periodic && cur.periode !== 'tahunan' && (r.periode === 'tahunan' || String(r.periode ?? '') > String(cur.periode ?? '')));
    if (better) byArea.set(code, r);
  }
  const out: ExplorerRow[] = areas.map((a) => {
    const r = byArea.get(a.code);
    const periode = ind.periodic && r ? String(r.periode) : undefined;
    if (!r) return { code: a.code, name: a.name, value: null, state: 'missing' };
    const v = r[ind.column];
    if (typeof v === 'number') return { code: a.code, name: a.name, value: v, state: 'shown', ...(periode ? { periode } : {}) };
    // Empty in a download: hidden for privacy when `kerahasiaan` names it, else not released.
    const hidden = String(r.kerahasiaan ?? '')
      .split(/;\s*/)
      .some((c) => c === ind.column || c === '*');
    return { code: a.code, name: a.name, value: null, state: hidden ? 'hidden' : 'missing', ...(periode ? { periode } : {}) };
  });
  const ranked = out.filter((r) => r.state === 'shown').sort((a, b) => b.value! - a.value!);
  ranked.forEach((r, i) => {
    r.rank = i > 0 && ranked[i - 1]!.value === r.value ? ranked[i - 1]!.rank! : i + 1;
  });
  return out;
}

export type SortKey = 'name' | 'value';

/** Sorted copy: by name, or by value with hidden and missing values always last. */
export function sortRows(rows: readonly ExplorerRow[], key: SortKey, dir: 'asc' | 'desc', locale = 'id'): ExplorerRow[] {
  const sign = dir === 'asc' ? 1 : -1;
  return [...rows].sort((a, b) => {
    if (key === 'name') return sign * a.name.localeCompare(b.name, locale);
    if (a.value === null || b.value === null)
      return (a.value === null ? 1 : 0) - (b.value === null ? 1 : 0) || a.name.localeCompare(b.name, locale);
    return sign * (a.value - b.value) || a.name.localeCompare(b.name, locale);
  });
}

/** Kecamatan whose name or code contains the query (case- and accent-insensitive). */
export function filterRows(rows: readonly ExplorerRow[], query: string): ExplorerRow[] {
  const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
  const q = fold(query.trim());
  return q ? rows.filter((r) => fold(r.name).includes(q) || r.code.includes(q)) : [...rows];
}

/** The explorer's state as URL parameters, so a view can be shared. */
export interface ExplorerState {
  i: string;
  y: number;
  s: SortKey;
  d: 'asc' | 'desc';
  q: string;
}

export function readState(search: string, indicators: readonly ExplorerIndicator[]): ExplorerState {
  const p = new URLSearchParams(search);
  const ind = indicators.find((x) => x.id === p.get('i')) ?? indicators[0]!;
  const y = Number(p.get('y'));
  return {
    i: ind.id,
    y: ind.years.includes(y) ? y : ind.years.at(-1)!,
    s: p.get('s') === 'name' ? 'name' : 'value',
    d: p.get('d') === 'asc' ? 'asc' : 'desc',
    q: p.get('q') ?? '',
  };
}

export const writeState = (s: ExplorerState): string =>
  `?${new URLSearchParams({ i: s.i, y: String(s.y), s: s.s, d: s.d, ...(s.q ? { q: s.q } : {}) }).toString()}`;

const csvCell = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : /^[=+\-@\t\r]/.test(v) ? `'${v}` : v);

/**
 * Exactly the rows shown, in the order shown, as RFC 4180 CSV: code, name,
 * value (dot decimals, as tools read them), rank, and why a value is empty.
 */
export function explorerCsv(
  ind: ExplorerIndicator,
  rows: readonly ExplorerRow[],
  header: { code: string; name: string; rank: string; note: string; period: string },
  words: { hidden: string; missing: string },
): string {
  const withPeriod = rows.some((r) => r.periode);
  const lines = [
    [header.code, header.name, `${ind.label} (${ind.unit})`, ...(withPeriod ? [header.period] : []), header.rank, header.note],
  ];
  for (const r of rows)
    lines.push([
      r.code,
      r.name,
      r.value === null ? '' : String(r.value),
      ...(withPeriod ? [r.periode ?? ''] : []),
      r.rank === undefined ? '' : String(r.rank),
      r.state === 'hidden' ? words.hidden : r.state === 'missing' ? words.missing : '',
    ]);
  return `${lines.map((l) => l.map(csvCell).join(',')).join('\r\n')}\r\n`;
}
