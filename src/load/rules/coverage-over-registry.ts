/**
 * More recipients than registered households (or people) in the same area
 * and year — coverage over 100% — is almost always a wrong code, year or
 * unit. It is an error unless the row's `keterangan` explains it (e.g. a
 * program that also serves people outside the registry); then a warning.
 */
import { registryColumnFor } from '../../domain/aid.ts';
import { kecamatanOf, levelOf } from '../../domain/regions.ts';
import { t } from '../problems.ts';
import { at, enNum, idNum, type Rule } from './rule.ts';

export const coverageOverRegistry: Rule = (d) => {
  const unit = new Map(d.programs.map((p) => [p.slug, registryColumnFor(p.satuan)]));
  // Registry per (year, area), at the level given and summed up to the kecamatan where only desa rows exist.
  const reg = new Map<string, { keluarga: number; jiwa: number }>();
  const givenKec = new Set(d.registri.filter((r) => levelOf(r.kode_wilayah) === 'kecamatan').map((r) => `${r.tahun}|${r.kode_wilayah}`));
  for (const r of d.registri) {
    reg.set(`${r.tahun}|${r.kode_wilayah}`, { keluarga: r.keluarga, jiwa: r.jiwa });
    if (levelOf(r.kode_wilayah) !== 'desa' || givenKec.has(`${r.tahun}|${kecamatanOf(r.kode_wilayah)}`)) continue;
    const k = `${r.tahun}|${kecamatanOf(r.kode_wilayah)}`;
    const acc = reg.get(k) ?? { keluarga: 0, jiwa: 0 };
    reg.set(k, { keluarga: acc.keluarga + r.keluarga, jiwa: acc.jiwa + r.jiwa });
  }
  const out = [];
  for (const r of d.cakupan) {
    const col = unit.get(r.program);
    const base = col ? reg.get(`${r.tahun}|${r.kode_wilayah}`)?.[col] : undefined;
    if (!col || base === undefined || r.penerima <= base) continue;
    const explained = !!(r as { keterangan?: string }).keterangan;
    const pct = (r.penerima / base) * 100;
    out.push(
      at(
        d,
        'cakupan.csv',
        r,
        'penerima',
        'implausible',
        explained ? 'warning' : 'error',
        idNum(r.penerima),
        t(
          `penerima ≤ ${col === 'keluarga' ? 'keluarga' : 'jiwa'} dalam registri di wilayah dan tahun yang sama (${idNum(base)} di registri.csv; cakupan ${idNum(pct, 1)}%)${explained ? '; diterbitkan karena kolom keterangan menjelaskannya' : ' — periksa kode wilayah, tahun dan satuan, atau jelaskan di kolom keterangan'}`,
          `recipients ≤ registry ${col === 'keluarga' ? 'households' : 'people'} in the same area and year (${enNum(base)} in registri.csv; coverage ${enNum(pct, 1)}%)${explained ? '; published because the keterangan column explains it' : ' — check the area code, year and unit, or explain it in the keterangan column'}`,
        ),
      ),
    );
  }
  return out;
};
