/**
 * A program cannot reach more households in a desil than the registry holds
 * there: recipients by desil (sasaran.csv) above the registry by desil
 * (desil.csv) in the same kecamatan and period mean a wrong desil, period or
 * unit — and would make "eligible households without the program" negative.
 */
import { registryColumnFor } from '../../domain/aid.ts';
import { kecamatanOf, levelOf } from '../../domain/regions.ts';
import { t } from '../problems.ts';
import { at, enNum, idNum, type Rule } from './rule.ts';

export const recipientsOverDesil: Rule = (d) => {
  if (!d.desil.length || !d.sasaran.length) return [];
  const kec = (code: string) => (levelOf(code) === 'desa' ? kecamatanOf(code) : code);
  // Registry per (year, period, kecamatan, desil): a kecamatan row, or the sum of its desa rows.
  const reg = new Map<string, { keluarga: number; jiwa: number }>();
  const direct = new Set(
    d.desil.filter((r) => levelOf(r.kode_wilayah) === 'kecamatan').map((r) => `${r.tahun}|${r.periode}|${r.kode_wilayah}|${r.desil}`),
  );
  for (const r of d.desil) {
    const key = `${r.tahun}|${r.periode}|${kec(r.kode_wilayah)}|${r.desil}`;
    if (levelOf(r.kode_wilayah) === 'desa' && direct.has(key)) continue;
    const acc = reg.get(key) ?? { keluarga: 0, jiwa: 0 };
    reg.set(key, { keluarga: acc.keluarga + r.keluarga, jiwa: acc.jiwa + (r.jiwa ?? Number.NaN) });
  }
  // Recipients the same way, remembering the first line they came from.
  const rec = new Map<string, { n: number; row: (typeof d.sasaran)[number] }>();
  const directRec = new Set(
    d.sasaran
      .filter((r) => levelOf(r.kode_wilayah) === 'kecamatan')
      .map((r) => `${r.tahun}|${r.periode}|${r.kode_wilayah}|${r.program}|${r.desil}`),
  );
  for (const r of d.sasaran) {
    if (r.desil === undefined) continue;
    const key = `${r.tahun}|${r.periode}|${kec(r.kode_wilayah)}|${r.program}|${r.desil}`;
    if (levelOf(r.kode_wilayah) === 'desa' && directRec.has(key)) continue;
    const acc = rec.get(key);
    rec.set(key, { n: (acc?.n ?? 0) + r.penerima, row: acc?.row ?? r });
  }
  const unit = new Map(d.programs.map((p) => [p.slug, registryColumnFor(p.satuan)]));
  const out = [];
  for (const [key, { n, row }] of rec) {
    const [tahun, periode, k, program, desil] = key.split('|');
    const col = unit.get(program!);
    const base = col ? reg.get(`${tahun}|${periode}|${k}|${desil}`)?.[col] : undefined;
    if (base === undefined || Number.isNaN(base) || n <= base) continue;
    out.push(
      at(
        d,
        'sasaran.csv',
        row,
        'penerima',
        'implausible',
        'error',
        idNum(n),
        t(
          `penerima desil ${desil} ≤ ${col} desil ${desil} dalam DTSEN di ${k}, ${tahun} ${periode} (${idNum(base)} di desil.csv) — periksa desil, periode dan satuannya`,
          `recipients in desil ${desil} ≤ DTSEN ${col === 'keluarga' ? 'households' : 'people'} in desil ${desil} in ${k}, ${tahun} ${periode} (${enNum(base)} in desil.csv) — check the desil, period and unit`,
        ),
      ),
    );
  }
  return out;
};
