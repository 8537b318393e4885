/**
 * A rate typed as a fraction (`0,135` where 13,5% is meant) passes the 0–100
 * range check. It is caught first by what is possible for any kabupaten/kota
 * (domain/possible.ts): a poverty rate of 0,14 %, or the population the
 * counts imply (jumlah_miskin ÷ persen_miskin: 96 million), cannot be true —
 * on one row or on every row alike. Then by what it must agree with: the
 * poverty count ÷ the population (from `jumlah_penduduk`, or the population
 * the other years imply), the registry (no fewer people than it holds), and
 * the same rate in neighbouring years. One problem per cell: the first rule
 * that explains it.
 */
import { POSSIBLE } from '../../domain/possible.ts';
import { t } from '../problems.ts';
import { at, enNum, idNum, type Rule } from './rule.ts';

type Row = {
  tahun: number;
  _line: number;
  persen_miskin: number;
  jumlah_miskin: number;
  jumlah_penduduk?: number;
  persen_miskin_ekstrem?: number;
};

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s[(s.length - 1) >> 1]! + s[s.length >> 1]!) / 2 : NaN;
};
/** True when a ×100 of v agrees with `expect` within a factor of 2 while v itself does not. */
const fractionOf = (v: number, expect: number) =>
  v > 0 && v <= 1 && expect > 0 && (v * 100) / expect < 2 && expect / (v * 100) < 2 && expect / v > 20;

export const rateAsFraction: Rule = (d) => {
  const rows = [...(d.kemiskinan as Row[])].sort((a, b) => a.tahun - b.tahun);
  const out = [];
  const rateProblem = (r: Row, expected: ReturnType<typeof t>) =>
    at(d, 'kemiskinan.csv', r, 'persen_miskin', 'implausible', 'error', String(r.persen_miskin).replace('.', ','), expected);
  const implied = (r: Row) => (r.persen_miskin > 0 ? r.jumlah_miskin / (r.persen_miskin / 100) : NaN);
  // People in the registry that year (the kabupaten's total): a population can be no smaller.
  const registry = new Map<number, number>();
  const reg = d.registri as { tahun: number; kode_wilayah: string; jiwa?: number }[];
  for (const y of new Set(reg.map((x) => x.tahun))) {
    const level = (parts: number) => reg.filter((x) => x.tahun === y && x.jiwa !== undefined && x.kode_wilayah.split('.').length === parts);
    const rowsAt = level(3).length ? level(3) : level(4); // kecamatan rows, or desa rows where kecamatan rows are not given
    if (rowsAt.length)
      registry.set(
        y,
        rowsAt.reduce((s, x) => s + x.jiwa!, 0),
      );
  }
  // A province portal's own series is a province's (its kabupaten/kota's folders are checked as kabupaten/kota).
  const province = d.tree.code.length === 2;
  const who = province ? { id: 'provinsi', en: 'province' } : { id: 'kabupaten/kota', en: 'kabupaten/kota' };
  const [pLo, pHi] = province ? POSSIBLE.provincePopulation : POSSIBLE.population;
  const [rLo, rHi] = POSSIBLE.povertyRate;
  for (const r of rows) {
    const pop = implied(r);
    const inRegistry = registry.get(r.tahun);
    let flagged = false;
    // 1. What no kabupaten/kota (or province) can have.
    if (r.persen_miskin > 0 && (r.persen_miskin < rLo || r.persen_miskin > rHi || pop > pHi)) {
      const asFraction = r.persen_miskin <= 1;
      out.push(
        rateProblem(
          r,
          asFraction
            ? t(
                `persentase, bukan pecahan: ${idNum(r.persen_miskin * 100)} (${idNum(r.persen_miskin, 4)} terbaca ${idNum(r.persen_miskin, 4)} %, padahal kemiskinan ${who.id} mana pun ${idNum(rLo)}–${idNum(rHi)} %; dengan jumlah_miskin ${idNum(r.jumlah_miskin)} angka itu berarti ${idNum(Math.round(pop))} penduduk)`,
                `a percentage, not a fraction: ${enNum(r.persen_miskin * 100)} (${enNum(r.persen_miskin, 4)} reads as ${enNum(r.persen_miskin, 4)} %, while every ${who.en}'s poverty rate is ${enNum(rLo)}–${enNum(rHi)} %; with jumlah_miskin ${enNum(r.jumlah_miskin)} it would mean ${enNum(Math.round(pop))} people)`,
              )
            : t(
                `persentase penduduk miskin yang mungkin bagi ${who.id} (${idNum(rLo)}–${idNum(rHi)} %) — dengan jumlah_miskin ${idNum(r.jumlah_miskin)} angka ini berarti ${idNum(Math.round(pop))} penduduk${pop > pHi ? `, lebih dari ${who.id} mana pun (${idNum(pHi)})` : ''}`,
                `a poverty rate possible for a ${who.en} (${enNum(rLo)}–${enNum(rHi)} %) — with jumlah_miskin ${enNum(r.jumlah_miskin)} it would mean ${enNum(Math.round(pop))} people${pop > pHi ? `, more than any ${who.en} (${enNum(pHi)})` : ''}`,
              ),
        ),
      );
      flagged = true;
    }
    if (!flagged && Number.isFinite(pop) && (pop < pLo || (inRegistry !== undefined && pop < inRegistry * 0.95))) {
      out.push(
        at(
          d,
          'kemiskinan.csv',
          r,
          'jumlah_miskin',
          'implausible',
          'error',
          idNum(r.jumlah_miskin),
          t(
            `jumlah penduduk miskin dalam jiwa (bukan ribu jiwa): ${idNum(r.jumlah_miskin)} jiwa dengan ${idNum(r.persen_miskin)} % berarti hanya ${idNum(Math.round(pop))} penduduk, ${pop < pLo ? `lebih sedikit dari ${who.id} mana pun (${idNum(pLo)})` : `lebih sedikit dari ${idNum(inRegistry!)} jiwa dalam registri tahun itu`}`,
            `the number of poor people in persons (not thousands): ${enNum(r.jumlah_miskin)} people at ${enNum(r.persen_miskin)} % means only ${enNum(Math.round(pop))} inhabitants, ${pop < pLo ? `fewer than any ${who.en} (${enNum(pLo)})` : `fewer than the ${enNum(inRegistry!)} people in the registry that year`}`,
          ),
        ),
      );
      flagged = true;
    }
    const others = rows.filter((x) => x !== r);
    // What the counts say the rate is: count ÷ population, or count ÷ the population other years imply.
    const population = r.jumlah_penduduk ?? median(others.map(implied).filter(Number.isFinite));
    const fromCounts = Number.isFinite(population) && population > 0 ? (r.jumlah_miskin / population) * 100 : NaN;
    const neighbour = median(others.filter((x) => Math.abs(x.tahun - r.tahun) <= 2).map((x) => x.persen_miskin));
    const expect = Number.isFinite(fromCounts) ? fromCounts : neighbour;
    if (flagged) {
      // told above, once
    } else if (Number.isFinite(expect) && fractionOf(r.persen_miskin, expect)) {
      const basis = Number.isFinite(fromCounts)
        ? t(
            `jumlah_miskin ${idNum(r.jumlah_miskin)} ÷ penduduk ${idNum(Math.round(population))} = ${idNum(fromCounts)}%`,
            `jumlah_miskin ${enNum(r.jumlah_miskin)} ÷ population ${enNum(Math.round(population))} = ${enNum(fromCounts)}%`,
          )
        : t(`tahun-tahun di dekatnya sekitar ${idNum(neighbour)}%`, `neighbouring years are around ${enNum(neighbour)}%`);
      out.push(
        rateProblem(
          r,
          t(
            `persentase, bukan pecahan: ${idNum(r.persen_miskin * 100)} (${basis.id})`,
            `a percentage, not a fraction: ${enNum(r.persen_miskin * 100)} (${basis.en})`,
          ),
        ),
      );
    } else if (
      r.jumlah_penduduk &&
      Number.isFinite(fromCounts) &&
      Math.abs(r.persen_miskin - fromCounts) > Math.max(0.5, fromCounts * 0.1)
    ) {
      out.push(
        rateProblem(
          r,
          t(
            `persen_miskin yang sesuai dengan jumlahnya: jumlah_miskin ${idNum(r.jumlah_miskin)} ÷ jumlah_penduduk ${idNum(r.jumlah_penduduk)} = ${idNum(fromCounts)}%`,
            `a persen_miskin that agrees with the counts: jumlah_miskin ${enNum(r.jumlah_miskin)} ÷ jumlah_penduduk ${enNum(r.jumlah_penduduk)} = ${enNum(fromCounts)}%`,
          ),
        ),
      );
    }
    // 3. Possible, but unusual enough to look at twice.
    const [uLo, uHi] = POSSIBLE.povertyRateUsual;
    if (!out.some((p) => p.line === r._line && p.field === 'persen_miskin') && (r.persen_miskin < uLo || r.persen_miskin > uHi))
      out.push(
        at(
          d,
          'kemiskinan.csv',
          r,
          'persen_miskin',
          'implausible',
          'warning',
          String(r.persen_miskin).replace('.', ','),
          t(
            `persentase yang lazim bagi ${who.id} (${idNum(uLo)}–${idNum(uHi)} %); periksa sekali lagi dengan publikasi BPS`,
            `a rate usual for a ${who.en} (${enNum(uLo)}–${enNum(uHi)} %); check it once more against the BPS publication`,
          ),
        ),
      );
    // Extreme poverty has no count to check against: its neighbouring years decide.
    const e = r.persen_miskin_ekstrem;
    const near = others
      .filter((x) => x.persen_miskin_ekstrem !== undefined && Math.abs(x.tahun - r.tahun) <= 2)
      .map((x) => x.persen_miskin_ekstrem!);
    if (e !== undefined && near.length && fractionOf(e, median(near)) && e * 100 <= r.persen_miskin) {
      out.push(
        at(
          d,
          'kemiskinan.csv',
          r,
          'persen_miskin_ekstrem',
          'implausible',
          'error',
          String(e).replace('.', ','),
          t(
            `persentase, bukan pecahan: ${idNum(e * 100)} (tahun-tahun di dekatnya sekitar ${idNum(median(near))}%)`,
            `a percentage, not a fraction: ${enNum(e * 100)} (neighbouring years are around ${enNum(median(near))}%)`,
          ),
        ),
      );
    }
  }
  return out;
};
