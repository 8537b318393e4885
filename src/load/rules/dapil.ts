/**
 * dapil.csv as a whole: seats at least one and the same on every row of a
 * dapil; a DPRD kabupaten/kota dapil made of kecamatan of one kabupaten/kota;
 * no kecamatan in two dapil of the same council (each one named with its
 * line); and, as a warning, the kecamatan a council's dapil leave out.
 */
import { groupDapil, kecamatanIn, lembagaKecamatan, lembagaOf } from '../../domain/dapil.ts';
import { kabupatenOf, levelOf } from '../../domain/regions.ts';
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
        at(
          d,
          FILE,
          r,
          'kode_wilayah',
          'dapil_conflict',
          'error',
          r.kode_wilayah,
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
          at(
            d,
            FILE,
            r,
            'kode_wilayah',
            'dapil_conflict',
            'error',
            r.kode_wilayah,
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
