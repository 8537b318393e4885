/**
 * A rate typed as a fraction (`0,135` where 13,5% is meant) passes the 0–100
 * range check. It is caught by what it must agree with: the poverty count ÷
 * the population (from `jumlah_penduduk`, or the population the other years
 * imply), and the same rate in neighbouring years.
 */
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
  for (const r of rows) {
    const others = rows.filter((x) => x !== r);
    // What the counts say the rate is: count ÷ population, or count ÷ the population other years imply.
    const population = r.jumlah_penduduk ?? median(others.map(implied).filter(Number.isFinite));
    const fromCounts = Number.isFinite(population) && population > 0 ? (r.jumlah_miskin / population) * 100 : NaN;
    const neighbour = median(others.filter((x) => Math.abs(x.tahun - r.tahun) <= 2).map((x) => x.persen_miskin));
    const expect = Number.isFinite(fromCounts) ? fromCounts : neighbour;
    if (Number.isFinite(expect) && fractionOf(r.persen_miskin, expect)) {
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
