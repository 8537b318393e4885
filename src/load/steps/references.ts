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
        const elsewhere = level && !code.startsWith(`${ctx.kabupaten}.`) && code !== ctx.kabupaten;
        problems.push(
          cellProblem(
            r,
            'unknown_area',
            c.name,
            elsewhere
              ? t(
                  `kode wilayah di ${ctx.kabupatenName} (diawali ${ctx.kabupaten}.); kode ini milik kabupaten lain`,
                  `an area code in ${ctx.kabupatenName} (starting ${ctx.kabupaten}.); this code belongs to another kabupaten`,
                )
              : t(
                  `kode Kemendagri yang ada di ${ctx.kabupatenName}, mis. ${ctx.kabupaten}.01`,
                  `a Kemendagri code that exists in ${ctx.kabupatenName}, e.g. ${ctx.kabupaten}.01`,
                ),
          ),
        );
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
      if (!ctx.programs.has(slug))
        problems.push(
          cellProblem(
            r,
            'unknown_program',
            c.name,
            t(
              `salah satu program: ${[...ctx.programs].join(', ')} (atau tambahkan program/${slug}.md)`,
              `one of the programs: ${[...ctx.programs].join(', ')} (or add program/${slug}.md)`,
            ),
          ),
        );
      else row[c.name] = slug;
    }
  }
  return problems;
}
