/**
 * The operator's raw recipient list (data/private/, never published) →
 * validated people with the programs each can look up. Household programs
 * (jenis: keluarga) belong to every member of the KK listed anywhere in the
 * file; personal programs (jenis: perorangan) only to that NIK.
 */
import { checkKk, checkNik, maskId as mask, normaliseId, regionOfId } from '../../src/shared/nik.ts';
import { decodeText, normaliseHeader, parseCsv } from '../../src/load/csv.ts';
import { STATUS_CODES, type Status } from '../../src/domain/aid.ts';
import { t, type Problem } from '../../src/load/problems.ts';
import type { RegionTree } from '../../src/domain/regions.ts';
import type { Program } from '../../src/load/schema/program.ts';

export interface Grant {
  program: string;
  status: Status;
  periode: string;
}
export interface Person {
  nik: string;
  kk: string;
  grants: Grant[];
}

/** `nama` and `hubungan` may be present in an office's list; they are read past and never written anywhere. */
const COLUMNS = { nik: ['nik'], kk: ['nomor_kk', 'no_kk', 'kk', 'nokk'], nama: ['nama', 'nama_lengkap'], program: ['program'], status: ['status'], periode: ['periode', 'period'], kode_wilayah: ['kode_wilayah', 'kode_desa'], hubungan: ['hubungan'] } as const;
type Col = keyof typeof COLUMNS;
const REQUIRED: Col[] = ['nik', 'kk', 'program', 'status', 'periode'];

export function readRecipients(bytes: Uint8Array, file: string, tree: RegionTree, programs: readonly Program[]): { people: Person[]; rows: number; problems: Problem[] } {
  const decoded = decodeText(bytes, file);
  if (decoded.text === undefined) return { people: [], rows: 0, problems: decoded.problems };
  const parsed = parseCsv(decoded.text, file);
  const problems = [...decoded.problems, ...parsed.problems];
  if (!parsed.table) return { people: [], rows: 0, problems };
  const { header, rows } = parsed.table;
  const at = {} as Record<Col, number>;
  header.forEach((h, i) => {
    const n = normaliseHeader(h);
    const col = (Object.keys(COLUMNS) as Col[]).find((c) => (COLUMNS[c] as readonly string[]).includes(n));
    if (col) at[col] = i;
    else problems.push({ level: 'error', kind: 'unknown_column', file, line: 1, column: i + 1, value: h, expected: t('kolom: nik, nomor_kk, program, status, periode (opsional: nama, kode_wilayah, hubungan)', 'columns: nik, nomor_kk, program, status, periode (optional: nama, kode_wilayah, hubungan)') });
  });
  for (const c of REQUIRED) if (at[c] === undefined) problems.push({ level: 'error', kind: 'missing_column', file, line: 1, field: c, expected: t(`kolom "${c}"`, `column "${c}"`) });
  if (problems.some((p) => p.level === 'error')) return { people: [], rows: rows.length, problems };

  const kecamatan = new Set(tree.kecamatan.map((k) => k.code));
  const kind = new Map(programs.map((p) => [p.slug, p.jenis]));
  const members = new Map<string, Set<string>>(); // kk → NIKs listed anywhere
  const household = new Map<string, Grant[]>(); // kk → household grants
  const personal = new Map<string, Grant[]>(); // nik|kk → personal grants
  const seen = new Map<string, number>();
  const err = (line: number, col: Col, value: string, expected: ReturnType<typeof t>, level: 'error' | 'warning' = 'error') =>
    problems.push({ level, kind: level === 'error' ? 'invalid_value' : 'unknown_area', file, line, column: at[col] + 1, field: col, value: col === 'nik' || col === 'kk' ? mask(value) : value, expected });

  for (const { line, cells } of rows) {
    if (cells.length !== header.length) {
      problems.push({ level: 'error', kind: 'row_length', file, line, expected: t(`${header.length} sel, ditemukan ${cells.length}`, `${header.length} cells, found ${cells.length}`) });
      continue;
    }
    const get = (c: Col) => (at[c] === undefined ? '' : cells[at[c]]!.trim());
    const nik = normaliseId(get('nik'));
    const kk = normaliseId(get('kk'));
    let ok = true;
    const nikProblems = checkNik(nik);
    if (nikProblems.length) {
      ok = false;
      err(line, 'nik', nik, nikProblems.includes('birth_date') ? t('NIK dengan tanggal lahir yang mungkin pada angka ke-7–12 (perempuan: tanggal + 40)', 'a NIK with a possible birth date in digits 7–12 (women: day + 40)') : t('NIK 16 angka', 'a 16-digit NIK'));
    } else if (!kecamatan.has(regionOfId(nik))) {
      err(line, 'nik', nik, t(`NIK dari kecamatan di ${tree.name} (${tree.code}.xx); tetap diproses — penduduk bisa pindah`, `a NIK from a kecamatan of ${tree.name} (${tree.code}.xx); kept — people move`), 'warning');
    }
    if (checkKk(kk).length) { ok = false; err(line, 'kk', kk, t('Nomor KK 16 angka', 'a 16-digit family card number')); }
    const program = get('program').toLowerCase();
    if (!kind.has(program)) { ok = false; err(line, 'program', program, t(`salah satu program: ${[...kind.keys()].join(', ')}`, `one of the programs: ${[...kind.keys()].join(', ')}`)); }
    const status = get('status').toLowerCase() as Status;
    if (!STATUS_CODES.includes(status)) { ok = false; err(line, 'status', status, t(`salah satu status: ${STATUS_CODES.join(', ')}`, `one of the statuses: ${STATUS_CODES.join(', ')}`)); }
    const periode = get('periode');
    if (!periode || periode.length > 40) { ok = false; err(line, 'periode', periode, t('periode penyaluran (maks. 40 karakter), mis. "2026 tahap 1"', 'the payment period (at most 40 characters), e.g. "2026 tahap 1"')); }
    if (!ok) continue;
    const dupKey = `${nik}|${kk}|${program}|${periode}`;
    if (seen.has(dupKey)) { problems.push({ level: 'error', kind: 'duplicate_key', file, line, expected: t(`satu baris per NIK + KK + program + periode; sama dengan baris ${seen.get(dupKey)}`, `one row per NIK + KK + program + period; same as line ${seen.get(dupKey)}`) }); continue; }
    seen.set(dupKey, line);
    if (!members.has(kk)) members.set(kk, new Set());
    members.get(kk)!.add(nik);
    const grant = { program, status, periode };
    if (kind.get(program) === 'keluarga') household.set(kk, [...(household.get(kk) ?? []), grant]);
    else personal.set(`${nik}|${kk}`, [...(personal.get(`${nik}|${kk}`) ?? []), grant]);
  }
  const people: Person[] = [];
  for (const [kk, niks] of members) for (const nik of niks) {
    const grants = [...(household.get(kk) ?? []), ...(personal.get(`${nik}|${kk}`) ?? [])];
    if (grants.length) people.push({ nik, kk, grants });
  }
  return { people, rows: rows.length, problems };
}

