/**
 * The extremely poor are among the poor: extreme poverty above poverty in the
 * same year is a typing error — unless the poverty rate itself is impossible
 * (a fraction), which rate-as-fraction.ts reports as the one cause.
 */
import { POSSIBLE } from '../../domain/possible.ts';
import { t } from '../problems.ts';
import { at, enNum, idNum, type Rule } from './rule.ts';

export const extremeOverPoverty: Rule = (d) =>
  d.kemiskinan
    .filter(
      (r) =>
        r.persen_miskin_ekstrem !== undefined && r.persen_miskin_ekstrem > r.persen_miskin && r.persen_miskin >= POSSIBLE.povertyRate[0],
    )
    .map((r) =>
      at(
        d,
        'kemiskinan.csv',
        r,
        'persen_miskin_ekstrem',
        'implausible',
        'error',
        idNum(r.persen_miskin_ekstrem!),
        t(
          `kemiskinan ekstrem ≤ kemiskinan tahun yang sama (${idNum(r.persen_miskin)}% pada ${r.tahun})`,
          `extreme poverty ≤ poverty in the same year (${enNum(r.persen_miskin)}% in ${r.tahun})`,
        ),
      ),
    );
