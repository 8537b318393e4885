/**
 * An optional `nama_wilayah` column lets the operator say which area a code
 * is meant to be. If the name is not the code's name in the Kemendagri tree,
 * the code is wrong — most often a BPS code typed where the Kemendagri code
 * belongs (the two numberings differ) — and every figure on that row would
 * land in the wrong place. Names are compared forgivingly (case, spaces,
 * "Kec."/"Desa"/"Kelurahan", one or two typos).
 */
import { DATASETS } from '../datasets/index.ts';
import { t } from '../problems.ts';
import { at, type Rule, type RuleInput } from './rule.ts';

const PREFIX = /^(kecamatan|kec|desa|kelurahan|kel|kampung|nagari|gampong)\b\.?\s*/;
export const normaliseName = (s: string) =>
  s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(PREFIX, '')
    .replace(/[^a-z0-9]/g, '');

function distance(a: string, b: string): number {
  const d = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = d[0]!;
    d[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cur = d[j]!;
      d[j] = Math.min(d[j]! + 1, d[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = cur;
    }
  }
  return d[b.length]!;
}

export const sameName = (typed: string, official: string): boolean => {
  const [a, b] = [normaliseName(typed), normaliseName(official)];
  return a === b || (Math.min(a.length, b.length) >= 6 && distance(a, b) <= 2);
};

export const areaNames: Rule = (d: RuleInput) => {
  const areas = new Map<string, string>();
  for (const k of d.tree.kecamatan) {
    areas.set(k.code, k.name);
    for (const x of k.desa) areas.set(x.code, x.name);
  }
  const out = [];
  for (const ds of DATASETS) {
    const rows = (d[ds.name as keyof RuleInput] as (Record<string, unknown> & { _line: number })[] | undefined) ?? [];
    for (const r of rows) {
      const typed = r.nama_wilayah;
      const code = r.kode_wilayah;
      if (typeof typed !== 'string' || typeof code !== 'string') continue;
      const official = areas.get(code);
      if (!official || sameName(typed, official)) continue;
      const meant = [...areas].find(([, name]) => sameName(typed, name))?.[0];
      out.push(
        at(
          d,
          ds.file,
          r,
          'kode_wilayah',
          'area_name_mismatch',
          'error',
          `${code} ${typed}`,
          t(
            `kode yang sesuai dengan nama "${typed}": ${code} adalah ${official}${meant ? `; "${typed}" berkode ${meant}` : ''} (kode BPS dan kode Kemendagri berbeda — pakai kode Kemendagri)`,
            `a code matching the name "${typed}": ${code} is ${official}${meant ? `; "${typed}" has the code ${meant}` : ''} (BPS and Kemendagri codes differ — use the Kemendagri code)`,
          ),
        ),
      );
    }
  }
  return out;
};
