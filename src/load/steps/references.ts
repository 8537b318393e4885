/**
 * Step 5: values that name something — area codes in this kabupaten's tree
 * (at an allowed level), PMKS/PSKS categories, programs with a description
 * file — are resolved to their canonical form (dotted code, category code,
 * slug); years after the release are refused.
 */
import { findCategory, PMKS_CATEGORIES, PSKS_CATEGORIES } from '../../domain/categories.ts';
import { levelOf, type AreaIndex } from '../../domain/regions.ts';
import { t, type Problem } from '../problems.ts';
import { columnsOf } from '../schema/columns.ts';
import type { Dataset } from '../schema/dataset.ts';
import { cellProblem, type RowInput } from './context.ts';

export interface ReferenceContext {
  kabupaten: string;
  kabupatenName: string;
  areas: AreaIndex;
  programs: ReadonlySet<string>;
  /** Program slug by what people call it (its name, its short name), to answer "PKH (Program …)" with `pkh`. */
  programByName?: ReadonlyMap<string, string>;
  /** Names of every kabupaten/kota by code, to say whose data a file holds. */
  regencies?: ReadonlyMap<string, string>;
  /** Year of the release: data for later years are an error. */
  releaseYear: number;
}

/** Accept `34.02.01`, `340201` and `34 02 01`; return the dotted form. */
export function canonicalAreaCode(raw: string): string {
  const s = raw.trim();
  const digits = s.replace(/[.\s]/g, '');
  if (!/^\d+$/.test(digits)) return s;
  if (digits.length === 6) return `${digits.slice(0, 2)}.${digits.slice(2, 4)}.${digits.slice(4)}`;
  if (digits.length === 10) return `${digits.slice(0, 2)}.${digits.slice(2, 4)}.${digits.slice(4, 6)}.${digits.slice(6)}`;
  return s;
}

/** Resolve references in place; returns the problems (a row with any is dropped). */
export function resolveReferences(ds: Dataset, r: RowInput, row: Record<string, unknown>, ctx: ReferenceContext): Problem[] {
  const problems: Problem[] = [];
  for (const c of columnsOf(ds.schema)) {
    const v = row[c.name];
    if (c.meta.type === 'year' && typeof v === 'number' && v > ctx.releaseYear) {
      problems.push(
        cellProblem(
          r,
          'future_year',
          c.name,
          t(`tahun ≤ ${ctx.releaseYear} (tahun rilis)`, `a year ≤ ${ctx.releaseYear} (the release year)`),
        ),
      );
    }
    if (typeof v !== 'string') continue;
    if (c.meta.kind === 'area') {
      const code = canonicalAreaCode(v);
      const level = levelOf(code);
      const area = ctx.areas.get(code);
      if (!level || !area) {
        problems.push(cellProblem(r, 'unknown_area', c.name, unknownArea(v, code, level, ctx)));
      } else if (!c.meta.levels!.includes(area.level as never)) {
        problems.push(
          cellProblem(
            r,
            'wrong_area_level',
            c.name,
            t(
              `kode tingkat ${c.meta.levels!.join(' atau ')}; ${code} adalah ${area.level} ${area.name}`,
              `a ${c.meta.levels!.join(' or ')} code; ${code} is the ${area.level} ${area.name}`,
            ),
          ),
        );
      } else row[c.name] = code;
    } else if (c.meta.kind === 'pmks' || c.meta.kind === 'psks') {
      const cat = findCategory(c.meta.kind === 'pmks' ? PMKS_CATEGORIES : PSKS_CATEGORIES, v);
      if (!cat) problems.push(cellProblem(r, 'unknown_category', c.name, c.meta.expect));
      else row[c.name] = cat.code;
    } else if (c.meta.kind === 'program') {
      const slug = v.trim().toLowerCase();
      if (!ctx.programs.has(slug)) {
        // What the office calls it ("PKH", "BPNT/Sembako") answered with the slug the files use.
        const named = ctx.programByName?.get(programKey(v));
        const newSlug = slugOf(v);
        problems.push(
          cellProblem(
            r,
            'unknown_program',
            c.name,
            named
              ? t(
                  `slug program "${named}" (nama "${v.trim()}" ditulis sebagai ${named})`,
                  `the program slug "${named}" (the name "${v.trim()}" is written ${named})`,
                )
              : t(
                  `salah satu program: ${[...ctx.programs].join(', ')}; bila ini program baru, buat deskripsinya di program/${newSlug}.md lalu tulis ${newSlug} di kolom ini`,
                  `one of the programs: ${[...ctx.programs].join(', ')}; if this is a new program, describe it in program/${newSlug}.md and write ${newSlug} in this column`,
                ),
          ),
        );
      } else row[c.name] = slug;
    }
  }
  return problems;
}

/** A program's name as people write it: "BPNT / Sembako", "pkh " → "bpnt sembako", "pkh". */
export const programKey = (s: string): string =>
  s
    .toLowerCase()
    .replace(/\(.*?\)/g, ' ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

/** A file-name-safe slug for a new program: "BPNT/Sembako" → "bpnt-sembako". */
const slugOf = (s: string): string =>
  s
    .toLowerCase()
    .replace(/\(.*?\)/g, ' ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '') || 'program-baru';

/** What to say of an area code that is not in this kabupaten: another kabupaten's, a name, a BPS code, or just unknown. */
function unknownArea(raw: string, code: string, level: ReturnType<typeof levelOf>, ctx: ReferenceContext) {
  const digits = raw.replace(/[.\s]/g, '');
  if (/\p{L}/u.test(raw)) {
    const found = ctx.areas.byName(raw);
    if (found.length)
      return t(
        `kode Kemendagri, bukan nama: ${found.map((a) => `${a.name} = ${a.code}`).join('; ')}`,
        `the Kemendagri code, not the name: ${found.map((a) => `${a.name} = ${a.code}`).join('; ')}`,
      );
  }
  if (/^\d{7}$|^\d{10}$/.test(digits) && digits.startsWith(ctx.kabupaten.replace('.', '')))
    return t(
      `kode Kemendagri bertitik (kecamatan ${ctx.kabupaten}.01, desa ${ctx.kabupaten}.01.2001); ${raw.trim()} tampaknya kode BPS (${digits.length} angka), yang penomorannya lain. Kodenya ada di lembar Wilayah templat (/data/templat.xlsx)`,
      `the dotted Kemendagri code (kecamatan ${ctx.kabupaten}.01, desa ${ctx.kabupaten}.01.2001); ${raw.trim()} looks like a BPS code (${digits.length} digits), which is numbered differently. The codes are in the Wilayah sheet of the template (/data/templat.xlsx)`,
    );
  if (level && !code.startsWith(`${ctx.kabupaten}.`) && code !== ctx.kabupaten) {
    const other = ctx.regencies?.get(code.slice(0, 5));
    return t(
      `kode wilayah di ${ctx.kabupatenName} (diawali ${ctx.kabupaten}.); kode ini milik ${other ?? 'kabupaten lain'}`,
      `an area code in ${ctx.kabupatenName} (starting ${ctx.kabupaten}.); this code belongs to ${other ?? 'another kabupaten'}`,
    );
  }
  return t(
    `kode Kemendagri yang ada di ${ctx.kabupatenName}, mis. ${ctx.kabupaten}.01`,
    `a Kemendagri code that exists in ${ctx.kabupatenName}, e.g. ${ctx.kabupaten}.01`,
  );
}
