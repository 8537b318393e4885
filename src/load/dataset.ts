/**
 * Validate one CSV dataset against its schema. Returns the rows that passed
 * (canonicalised: dotted area codes, category codes) and every problem found,
 * each with file, line, column, value and expectation.
 */
import type * as z from 'zod';
import { decodeText, normaliseHeader, parseCsv } from './csv.ts';
import { findCategory, PMKS_CATEGORIES, PSKS_CATEGORIES } from '../domain/categories.ts';
import { formatEvidence, parseNumber, type NumberFormat } from './numbers.ts';
import { t, type Problem, type ProblemKind } from './problems.ts';
import { kecamatanOf, levelOf, type AreaIndex } from '../domain/regions.ts';
import { columnsOf, type ColumnMeta } from './schema/columns.ts';
import type { Dataset } from './schema/dataset.ts';

export interface LoadContext {
  kabupaten: string;
  kabupatenName: string;
  areas: AreaIndex;
  programs: ReadonlySet<string>;
  /** Year of the release: data for later years are an error. */
  releaseYear: number;
  numberFormat: 'auto' | NumberFormat;
}

/** Enough to show an operator what is wrong without burying the first problems. */
export const MAX_PROBLEMS_PER_FILE = 100;

export type Loaded<S extends z.ZodObject> = z.infer<S> & { _line: number };

/** Accept `34.02.01`, `340201` and `34 02 01`; return the dotted form. */
export function canonicalAreaCode(raw: string): string {
  const s = raw.trim();
  const digits = s.replace(/[.\s]/g, '');
  if (!/^\d+$/.test(digits)) return s;
  if (digits.length === 6) return `${digits.slice(0, 2)}.${digits.slice(2, 4)}.${digits.slice(4)}`;
  if (digits.length === 10) return `${digits.slice(0, 2)}.${digits.slice(2, 4)}.${digits.slice(4, 6)}.${digits.slice(6)}`;
  return s;
}

export function loadDataset<S extends z.ZodObject>(ds: Dataset<S>, bytes: Uint8Array, ctx: LoadContext): { rows: Loaded<S>[]; problems: Problem[] } {
  const file = ds.file;
  const decoded = decodeText(bytes, file);
  if (decoded.text === undefined) return { rows: [], problems: decoded.problems };
  const parsed = parseCsv(decoded.text, file);
  const problems: Problem[] = [...decoded.problems, ...parsed.problems];
  const table = parsed.table;
  if (!table || problems.some((p) => p.level === 'error')) return { rows: [], problems };

  // 1. Header: every column known, every required column present.
  const columns = columnsOf(ds.schema);
  const known = new Map(columns.map((c) => [c.name, c]));
  const at: (string | null)[] = table.header.map((h, i) => {
    const name = normaliseHeader(h);
    if (known.has(name)) return name;
    if (name === '' && table.rows.every((r) => (r.cells[i] ?? '').trim() === '')) return null; // Excel's trailing empty column
    problems.push({ level: 'error', kind: 'unknown_column', file, line: 1, column: i + 1, field: h, value: h, expected: t(`salah satu kolom: ${[...known.keys()].join(', ')}`, `one of the columns: ${[...known.keys()].join(', ')}`) });
    return null;
  });
  for (const c of columns) {
    if (c.required && !at.includes(c.name))
      problems.push({ level: 'error', kind: 'missing_column', file, line: 1, field: c.name, expected: t(`kolom "${c.name}" (${c.meta.title.id})`, `column "${c.name}" (${c.meta.title.en})`) });
  }
  const dupHeader = at.filter((n, i) => n !== null && at.indexOf(n) !== i);
  for (const n of new Set(dupHeader)) problems.push({ level: 'error', kind: 'unknown_column', file, line: 1, field: n!, value: n!, expected: t('setiap kolom sekali saja', 'each column once') });
  if (problems.some((p) => p.level === 'error')) return { rows: [], problems };

  const metaOf = (i: number): ColumnMeta | undefined => (at[i] ? known.get(at[i]!)!.meta : undefined);
  const isNumeric = (m?: ColumnMeta) => m?.kind === 'integer' || m?.kind === 'number';

  // 2. Number format of this file: declared, or inferred from unambiguous cells.
  let format: NumberFormat = table.delimiter === ';' ? 'id' : 'en';
  if (ctx.numberFormat !== 'auto') format = ctx.numberFormat;
  else {
    const seen: { id: [number, number][]; en: [number, number][] } = { id: [], en: [] };
    table.rows.forEach((r, ri) => r.cells.forEach((cell, ci) => {
      const m = metaOf(ci);
      if (!isNumeric(m)) return;
      const e = formatEvidence(cell, m!.kind === 'integer');
      if (e) seen[e].push([ri, ci]);
    }));
    if (seen.id.length && seen.en.length) {
      const minority = seen.id.length >= seen.en.length ? 'en' : 'id';
      for (const [ri, ci] of seen[minority].slice(0, 20)) {
        const r = table.rows[ri]!;
        problems.push({ level: 'error', kind: 'mixed_number_format', file, line: r.line, column: ci + 1, field: at[ci]!, value: r.cells[ci], expected: minority === 'en' ? t('format Indonesia seperti baris lain (13,50 dan 14.833)', 'Indonesian format like the other rows (13,50 and 14.833)') : t('format Inggris seperti baris lain (13.50 dan 14,833)', 'English format like the other rows (13.50 and 14,833)') });
      }
      return { rows: [], problems };
    }
    if (seen.id.length) format = 'id';
    else if (seen.en.length) format = 'en';
  }

  // 3. Rows: cells → typed values → schema.
  const rows: Loaded<S>[] = [];
  const seenKeys = new Map<string, number>();
  const emit = (kind: ProblemKind, line: number, ci: number | undefined, field: string | undefined, value: string | undefined, expected: ReturnType<typeof t>, level: 'error' | 'warning' = 'error') =>
    problems.push({ level, kind, file, line, ...(ci !== undefined ? { column: ci + 1 } : {}), ...(field ? { field } : {}), ...(value !== undefined ? { value } : {}), expected });
  const columnIndex = (field: string) => at.indexOf(field);

  for (const { line, cells } of table.rows) {
    // A file that is wrong everywhere (wrong file, wrong delimiter, 50 MB of junk) stops early, with a note.
    if (problems.length >= MAX_PROBLEMS_PER_FILE) {
      emit('too_many_problems', line, undefined, undefined, undefined, t(`perbaiki dulu ${MAX_PROBLEMS_PER_FILE} masalah di atas; pemeriksaan berkas ini dihentikan di baris ${line} dari ${table.rows.at(-1)!.line}`, `fix the ${MAX_PROBLEMS_PER_FILE} problems above first; checking this file stopped at line ${line} of ${table.rows.at(-1)!.line}`));
      return { rows: [], problems };
    }
    if (cells.length !== table.header.length) {
      emit('row_length', line, undefined, undefined, cells.join(table.delimiter), t(`${table.header.length} sel dipisah "${table.delimiter}" seperti baris judul, ditemukan ${cells.length}`, `${table.header.length} cells separated by "${table.delimiter}" like the header, found ${cells.length}`));
      continue;
    }
    let ok = true;
    const obj: Record<string, unknown> = {};
    cells.forEach((raw, ci) => {
      const m = metaOf(ci);
      if (!m) return;
      const cell = raw.trim();
      if (cell === '') return;
      if (isNumeric(m)) {
        const n = parseNumber(cell, format);
        if (n === null) {
          ok = false;
          emit('wrong_type', line, ci, at[ci]!, raw, t(`angka (${format === 'id' ? 'format Indonesia, mis. 14.833 atau 13,50' : 'mis. 14833 atau 13.50'}): ${m.expect.id}`, `a number (${format === 'id' ? 'Indonesian format, e.g. 14.833 or 13,50' : 'e.g. 14833 or 13.50'}): ${m.expect.en}`));
        } else obj[at[ci]!] = n;
      } else obj[at[ci]!] = cell;
    });
    if (!ok) continue;
    const res = ds.schema.safeParse(obj);
    if (!res.success) {
      for (const issue of res.error.issues) {
        const field = String(issue.path[0]);
        const ci = columnIndex(field);
        const m = known.get(field)?.meta;
        const v = obj[field];
        const kind: ProblemKind = typeof v === 'number' && v < 0 && issue.code === 'too_small' ? 'negative' : issue.code === 'invalid_type' && typeof v === 'number' ? 'wrong_type' : 'invalid_value';
        emit(kind, line, ci >= 0 ? ci : undefined, field, ci >= 0 ? cells[ci] : '', m?.expect ?? t(issue.message, issue.message));
      }
      continue;
    }
    const row = res.data as Record<string, unknown>;

    // 4. References: area codes in this kabupaten's tree, known categories and programs.
    for (const c of columns) {
      const v = row[c.name];
      if (typeof v !== 'string') continue;
      const ci = columnIndex(c.name);
      const raw = cells[ci];
      if (c.meta.kind === 'area') {
        const code = canonicalAreaCode(v);
        const level = levelOf(code);
        const area = ctx.areas.get(code);
        if (!level || !area) {
          ok = false;
          const elsewhere = level && !code.startsWith(ctx.kabupaten + '.') && code !== ctx.kabupaten;
          emit('unknown_area', line, ci, c.name, raw, elsewhere
            ? t(`kode wilayah di ${ctx.kabupatenName} (diawali ${ctx.kabupaten}.); kode ini milik kabupaten lain`, `an area code in ${ctx.kabupatenName} (starting ${ctx.kabupaten}.); this code belongs to another kabupaten`)
            : t(`kode Kemendagri yang ada di ${ctx.kabupatenName}, mis. ${ctx.kabupaten}.01`, `a Kemendagri code that exists in ${ctx.kabupatenName}, e.g. ${ctx.kabupaten}.01`));
        } else if (!c.meta.levels!.includes(area.level as never)) {
          ok = false;
          emit('wrong_area_level', line, ci, c.name, raw, t(`kode tingkat ${c.meta.levels!.join(' atau ')}; ${code} adalah ${area.level} ${area.name}`, `a ${c.meta.levels!.join(' or ')} code; ${code} is the ${area.level} ${area.name}`));
        } else row[c.name] = code;
      } else if (c.meta.kind === 'pmks' || c.meta.kind === 'psks') {
        const cat = findCategory(c.meta.kind === 'pmks' ? PMKS_CATEGORIES : PSKS_CATEGORIES, v);
        if (!cat) { ok = false; emit('unknown_category', line, ci, c.name, raw, c.meta.expect); }
        else row[c.name] = cat.code;
      } else if (c.meta.kind === 'program') {
        const slug = v.trim().toLowerCase();
        if (!ctx.programs.has(slug)) { ok = false; emit('unknown_program', line, ci, c.name, raw, t(`salah satu program: ${[...ctx.programs].join(', ')} (atau tambahkan program/${slug}.md)`, `one of the programs: ${[...ctx.programs].join(', ')} (or add program/${slug}.md)`)); }
        else row[c.name] = slug;
      }
    }
    for (const c of columns) {
      if (c.meta.type === 'year' && typeof row[c.name] === 'number' && (row[c.name] as number) > ctx.releaseYear) {
        ok = false;
        emit('future_year', line, columnIndex(c.name), c.name, cells[columnIndex(c.name)], t(`tahun ≤ ${ctx.releaseYear} (tahun rilis)`, `a year ≤ ${ctx.releaseYear} (the release year)`));
      }
    }
    if (!ok) continue;

    // 5. Row rules, then uniqueness of the key.
    for (const rule of ds.rules ?? []) {
      if (!rule.check(row as z.infer<S>)) { const ci = columnIndex(rule.field); emit(rule.kind, line, ci >= 0 ? ci : undefined, rule.field, ci >= 0 ? cells[ci] : '', rule.expected, rule.level); if (rule.level === 'error') ok = false; }
    }
    if (!ok) continue;
    const key = ds.key.map((k) => String(row[k])).join('|');
    const prev = seenKeys.get(key);
    if (prev !== undefined) {
      emit('duplicate_key', line, undefined, ds.key.join('+'), ds.key.map((k) => row[k]).join(', '), t(`satu baris per ${ds.key.join(' + ')}; sudah ada di baris ${prev}`, `one row per ${ds.key.join(' + ')}; already on line ${prev}`));
      continue;
    }
    seenKeys.set(key, line);
    rows.push({ ...(row as z.infer<S>), _line: line });
  }

  problems.push(...checkDesaSums(ds, rows, columnIndex));
  return { rows, problems };
}

/** Where a file gives both a kecamatan row and its desa rows, the desa must add up to it. */
function checkDesaSums<S extends z.ZodObject>(ds: Dataset<S>, rows: Loaded<S>[], columnIndex: (f: string) => number): Problem[] {
  if (!ds.additive?.length || !ds.key.includes('kode_wilayah' as never)) return [];
  const others = ds.key.filter((k) => k !== 'kode_wilayah');
  const groups = new Map<string, { kec?: Loaded<S>; desa: Loaded<S>[] }>();
  for (const r of rows) {
    const code = (r as Record<string, unknown>).kode_wilayah as string;
    const isDesa = levelOf(code) === 'desa';
    const g = others.map((k) => String((r as Record<string, unknown>)[k])).join('|') + '|' + (isDesa ? kecamatanOf(code) : code);
    const entry = groups.get(g) ?? { desa: [] };
    if (isDesa) entry.desa.push(r); else entry.kec = r;
    groups.set(g, entry);
  }
  const out: Problem[] = [];
  for (const { kec, desa } of groups.values()) {
    if (!kec || desa.length === 0) continue;
    for (const f of ds.additive) {
      const total = (kec as Record<string, unknown>)[f];
      if (typeof total !== 'number') continue;
      const sum = desa.reduce((a, d) => a + (((d as Record<string, unknown>)[f] as number | undefined) ?? 0), 0);
      if (sum !== total) {
        const ci = columnIndex(f);
        out.push({ level: 'error', kind: 'sum_mismatch', file: ds.file, line: kec._line, ...(ci >= 0 ? { column: ci + 1 } : {}), field: f, value: String(total), expected: t(`total kecamatan = jumlah ${desa.length} baris desanya = ${sum} (baris ${desa.map((d) => d._line).join(', ')})`, `kecamatan total = the sum of its ${desa.length} desa rows = ${sum} (lines ${desa.map((d) => d._line).join(', ')})`) });
      }
    }
  }
  return out;
}
