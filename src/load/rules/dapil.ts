/**
 * dapil.csv as a whole: seats at least one and the same on every row of a
 * dapil; a DPRD kabupaten/kota dapil made of kecamatan of one kabupaten/kota;
 * no kecamatan in two dapil of the same council (each one named with its
 * line); and, as a warning, the kecamatan a council's dapil leave out.
 */
import { groupDapil, kecamatanIn, lembagaKecamatan, lembagaOf } from '../../domain/dapil.ts';
import { kabupatenOf, levelOf, type RegionTree } from '../../domain/regions.ts';
import { t } from '../problems.ts';
import type { Problem } from '../problems.ts';
import { at, type Rule } from './rule.ts';

const FILE = 'dapil.csv';

export const dapilRule: Rule = (d) => {
  const rows = d.dapil ?? [];
  if (!rows.length) return [];
  const out: Problem[] = [];
  const name = new Map(d.tree.kecamatan.map((k) => [k.code, k.name]));
  const firstOf = new Map<string, (typeof rows)[number]>();
  /** Per council, the dapil (and its first line) each kecamatan was put in. */
  const seat = new Map<string, Map<string, { dapil: string; line: number }>>();
  /** A row whose area conflicts with the composition given so far. */
  const placed = (r: (typeof rows)[number], expected: ReturnType<typeof t>) =>
    at(d, FILE, r, 'kode_wilayah', 'dapil_conflict', 'error', r.kode_wilayah, expected);
  for (const r of rows) {
    const l = lembagaOf(r, d.tree);
    const key = `${l.key}|${r.dapil.trim().toLowerCase()}`;
    const first = firstOf.get(key);
    if (r.kursi < 1)
      out.push(at(d, FILE, r, 'kursi', 'invalid_value', 'error', String(r.kursi), t('jumlah kursi ≥ 1', 'at least one seat')));
    else if (first && first.kursi !== r.kursi)
      out.push(
        at(
          d,
          FILE,
          r,
          'kursi',
          'dapil_conflict',
          'error',
          String(r.kursi),
          t(
            `${first.kursi} kursi seperti baris ${first._line} (${r.dapil}); satu dapil satu jumlah kursi`,
            `${first.kursi} seats as on line ${first._line} (${r.dapil}); one dapil, one number of seats`,
          ),
        ),
      );
    if (!first) firstOf.set(key, r);
    if (l.level === 'kabupaten' && levelOf(r.kode_wilayah) !== 'kecamatan') {
      out.push(
        at(
          d,
          FILE,
          r,
          'kode_wilayah',
          'invalid_value',
          'error',
          r.kode_wilayah,
          t(
            `kode kecamatan: dapil ${r.lembaga} terdiri dari kecamatan (kode kabupaten/kota utuh hanya untuk DPRD Provinsi)`,
            `a kecamatan code: a ${r.lembaga} dapil is made of kecamatan (a whole kabupaten/kota only for DPRD Provinsi)`,
          ),
        ),
      );
      continue;
    }
    if (first && l.level === 'kabupaten' && kabupatenOf(first.kode_wilayah) !== kabupatenOf(r.kode_wilayah))
      out.push(
        placed(
          r,
          t(
            `kecamatan ${kabupatenOf(first.kode_wilayah)}.… seperti baris ${first._line}: satu dapil DPRD kabupaten/kota di satu kabupaten/kota`,
            `a kecamatan ${kabupatenOf(first.kode_wilayah)}.… as on line ${first._line}: a DPRD kabupaten/kota dapil lies in one kabupaten/kota`,
          ),
        ),
      );
    const taken = seat.get(l.key) ?? new Map<string, { dapil: string; line: number }>();
    seat.set(l.key, taken);
    for (const k of kecamatanIn(r.kode_wilayah, d.tree)) {
      const before = taken.get(k);
      if (before && before.dapil.toLowerCase() !== r.dapil.trim().toLowerCase())
        out.push(
          placed(
            r,
            t(
              `kecamatan ${name.get(k)} (${k}) di satu dapil ${l.name} saja; sudah masuk ${before.dapil} (baris ${before.line})`,
              `kecamatan ${name.get(k)} (${k}) in one dapil of ${l.name} only; it is already in ${before.dapil} (line ${before.line})`,
            ),
          ),
        );
      else if (!before) taken.set(k, { dapil: r.dapil.trim(), line: r._line });
    }
  }
  // A kecamatan no dapil of its council covers: its people would have no member to ask.
  for (const dp of groupDapil(rows, d.tree).filter((x, i, all) => all.findIndex((y) => y.lembaga.key === x.lembaga.key) === i)) {
    const l = dp.lembaga;
    const left = lembagaKecamatan(l, d.tree).filter((k) => !seat.get(l.key)?.has(k));
    if (left.length)
      out.push({
        level: 'warning',
        kind: 'dapil_gap',
        file: FILE,
        line: dp.lines[0]!,
        value: left.map((k) => `${name.get(k)} (${k})`).join(', '),
        expected: t(
          `setiap kecamatan di satu dapil ${l.name}; kecamatan ini belum masuk dapil mana pun`,
          `every kecamatan in one dapil of ${l.name}; these kecamatan are in none`,
        ),
      });
  }
  return out;
};

type DapilRow = { lembaga: string; dapil: string; kursi: number; kode_wilayah: string; _line: number };

/**
 * A province's DPRD dapil as its top folder and its kabupaten/kota folders give them (a kabupaten hands over the
 * folder its own portal uses, with the province DPRD's dapil over its kecamatan): one composition. Each folder's
 * rows are checked against all given before it, top first: a kecamatan put in another dapil, or a dapil given other
 * seats, is an error at the folder's row naming where the first was given.
 */
export function provinceDapilCheck() {
  type Where = { place: string; line: number };
  const seat = new Map<string, { dapil: string; where: Where }>();
  const seats = new Map<string, { kursi: number; where: Where }>();
  const id = (w: Where) => `${w.place} baris ${w.line}`;
  const en = (w: Where) => `${w.place} line ${w.line}`;
  return (
    rows: readonly DapilRow[],
    tree: RegionTree,
    file: string,
    place: string,
    column: (field: string) => number | undefined,
  ): Problem[] => {
    const out: Problem[] = [];
    const problem = (r: DapilRow, field: 'kursi' | 'kode_wilayah', value: string, expected: ReturnType<typeof t>): Problem => {
      const ci = column(field);
      return {
        level: 'error',
        kind: 'dapil_conflict',
        file,
        line: r._line,
        ...(ci !== undefined ? { column: ci } : {}),
        field,
        value,
        expected,
      };
    };
    for (const r of rows.filter((x) => x.lembaga === 'DPRD Provinsi')) {
      const name = r.dapil.trim();
      const where = { place, line: r._line };
      const s = seats.get(name.toLowerCase());
      if (s && s.kursi !== r.kursi)
        out.push(
          problem(
            r,
            'kursi',
            String(r.kursi),
            t(`${s.kursi} kursi untuk ${name} seperti ${id(s.where)}`, `${s.kursi} seats for ${name} as in ${en(s.where)}`),
          ),
        );
      else if (!s) seats.set(name.toLowerCase(), { kursi: r.kursi, where });
      for (const k of kecamatanIn(r.kode_wilayah, tree)) {
        const before = seat.get(k);
        if (before && before.dapil.toLowerCase() !== name.toLowerCase())
          out.push(
            problem(
              r,
              'kode_wilayah',
              r.kode_wilayah,
              t(
                `dapil DPRD Provinsi yang sama dengan ${id(before.where)}: kecamatan ${k} di sana masuk ${before.dapil}`,
                `the same DPRD Provinsi dapil as ${en(before.where)}: kecamatan ${k} is in ${before.dapil} there`,
              ),
            ),
          );
        else if (!before) seat.set(k, { dapil: name, where });
      }
    }
    return out;
  };
}
