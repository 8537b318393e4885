/**
 * The operator's raw recipient list (data/private/, never published) →
 * validated people with the programs each can look up. Household programs
 * (jenis: keluarga) belong to every member of the KK listed anywhere in the
 * file; personal programs (jenis: perorangan) only to that NIK.
 */
import { birthDateOfNik, checkKk, checkNik, maskId as mask, normaliseId, regionOfId } from '../../src/shared/nik.ts';
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
const COLUMNS = {
  nik: ['nik'],
  kk: ['nomor_kk', 'no_kk', 'kk', 'nokk'],
  nama: ['nama', 'nama_lengkap'],
  program: ['program'],
  status: ['status'],
  periode: ['periode', 'period'],
  kode_wilayah: ['kode_wilayah', 'kode_desa'],
  hubungan: ['hubungan'],
} as const;
type Col = keyof typeof COLUMNS;
const REQUIRED: Col[] = ['nik', 'kk', 'program', 'status', 'periode'];

export function readRecipients(
  bytes: Uint8Array,
  file: string,
  tree: RegionTree,
  programs: readonly Program[],
): { people: Person[]; rows: number; problems: Problem[] } {
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
    else
      problems.push({
        level: 'error',
        kind: 'unknown_column',
        file,
        line: 1,
        column: i + 1,
        value: h,
        expected: t(
          'kolom: nik, nomor_kk, program, status, periode (opsional: nama, kode_wilayah, hubungan)',
          'columns: nik, nomor_kk, program, status, periode (optional: nama, kode_wilayah, hubungan)',
        ),
      });
  });
  for (const c of REQUIRED)
    if (at[c] === undefined)
      problems.push({ level: 'error', kind: 'missing_column', file, line: 1, field: c, expected: t(`kolom "${c}"`, `column "${c}"`) });
  if (problems.some((p) => p.level === 'error')) return { people: [], rows: rows.length, problems };

  const kecamatan = new Set(tree.kecamatan.map((k) => k.code));
  const kind = new Map(programs.map((p) => [p.slug, p.jenis]));
  const members = new Map<string, Set<string>>(); // kk → NIKs listed anywhere
  const household = new Map<string, Grant[]>(); // kk → household grants
  const personal = new Map<string, Grant[]>(); // nik|kk → personal grants
  const seen = new Map<string, number>();
  const err = (line: number, col: Col, value: string, expected: ReturnType<typeof t>, level: 'error' | 'warning' = 'error') =>
    problems.push({
      level,
      kind: level === 'error' ? 'invalid_value' : 'unknown_area',
      file,
      line,
      column: at[col] + 1,
      field: col,
      value: col === 'nik' || col === 'kk' ? mask(value) : value,
      expected,
    });

  // Excel keeps 15 significant digits: a 16-digit number typed into a number cell comes out as
  // 3.40201E+15 or as 15 digits and a 0. Scientific notation is certain; the trailing zero only
  // shows across the file (a real NIK ends in 0 one time in ten).
  const endsInZero = rows.filter((r) => /^\d{15}0$/.test(normaliseId(r.cells[at.nik] ?? ''))).length;
  const excelZeros = rows.length >= 10 && endsInZero / rows.length > 0.5;
  const excelHint = t(
    'angka 16 digit yang utuh: Excel memotongnya (notasi ilmiah atau 15 digit lalu 0). Format kolom NIK dan Nomor KK sebagai Teks di Excel, lalu salin ulang dari sumbernya',
    'the full 16-digit number: Excel mangled it (scientific notation, or 15 digits then 0). Format the NIK and KK columns as Text in Excel and copy them again from the source',
  );
  const kksOf = new Map<string, Map<string, number>>(); // nik → kk → first line
  const householdLine = new Map<string, { line: number; status: Status; nik: string }>(); // kk|program|periode

  for (const { line, cells } of rows) {
    if (cells.length !== header.length) {
      problems.push({
        level: 'error',
        kind: 'row_length',
        file,
        line,
        expected: t(`${header.length} sel, ditemukan ${cells.length}`, `${header.length} cells, found ${cells.length}`),
      });
      continue;
    }
    const get = (c: Col) => (at[c] === undefined ? '' : cells[at[c]]!.trim());
    const mangled = (c: 'nik' | 'kk') => /^\d([.,]\d+)?e\+?\d+$/i.test(get(c)) || (excelZeros && /^\d{15}0$/.test(normaliseId(get(c))));
    const nik = normaliseId(get('nik'));
    const kk = normaliseId(get('kk'));
    let ok = true;
    for (const c of ['nik', 'kk'] as const)
      if (mangled(c)) {
        ok = false;
        err(line, c, get(c), excelHint);
      }
    if (!ok) continue;
    const nikProblems = checkNik(nik);
    if (nikProblems.length) {
      ok = false;
      err(
        line,
        'nik',
        nik,
        nikProblems.includes('birth_date')
          ? t(
              'NIK dengan tanggal lahir yang mungkin pada angka ke-7–12 (perempuan: tanggal + 40)',
              'a NIK with a possible birth date in digits 7–12 (women: day + 40)',
            )
          : t('NIK 16 angka', 'a 16-digit NIK'),
      );
    } else if (!kecamatan.has(regionOfId(nik))) {
      err(
        line,
        'nik',
        nik,
        t(
          `NIK dari kecamatan di ${tree.name} (${tree.code}.xx); tetap diproses — penduduk bisa pindah`,
          `a NIK from a kecamatan of ${tree.name} (${tree.code}.xx); kept — people move`,
        ),
        'warning',
      );
    }
    if (checkKk(kk).length) {
      ok = false;
      err(line, 'kk', kk, t('Nomor KK 16 angka', 'a 16-digit family card number'));
    } else if (kk === nik) {
      ok = false;
      err(
        line,
        'kk',
        kk,
        t(
          'Nomor KK dari Kartu Keluarga, bukan NIK yang disalin ke kolom nomor_kk',
          'the family card number, not the NIK copied into the nomor_kk column',
        ),
      );
    } else if (Number(kk.slice(6, 8)) > 40 && birthDateOfNik(kk)?.female) {
      // A KK's digits 7–12 are its registration date; a day above 40 only occurs in women's NIKs.
      ok = false;
      err(
        line,
        'kk',
        kk,
        t(
          'Nomor KK; angka ini seperti NIK perempuan (tanggal + 40) — kolom nik dan nomor_kk tertukar?',
          "a family card number; this looks like a woman's NIK (day + 40) — are the nik and nomor_kk columns swapped?",
        ),
      );
    }
    const program = get('program').toLowerCase();
    if (!kind.has(program)) {
      ok = false;
      err(
        line,
        'program',
        program,
        t(`salah satu program: ${[...kind.keys()].join(', ')}`, `one of the programs: ${[...kind.keys()].join(', ')}`),
      );
    }
    const status = get('status').toLowerCase() as Status;
    if (!STATUS_CODES.includes(status)) {
      ok = false;
      err(line, 'status', status, t(`salah satu status: ${STATUS_CODES.join(', ')}`, `one of the statuses: ${STATUS_CODES.join(', ')}`));
    }
    const periode = get('periode');
    if (!periode || periode.length > 40) {
      ok = false;
      err(
        line,
        'periode',
        periode,
        t('periode penyaluran (maks. 40 karakter), mis. "2026 tahap 1"', 'the payment period (at most 40 characters), e.g. "2026 tahap 1"'),
      );
    }
    if (!ok) continue;
    // One person, one family card: the same NIK under two KKs is a typing error or swapped columns.
    const kks = kksOf.get(nik) ?? new Map<string, number>();
    kksOf.set(nik, kks);
    if (!kks.has(kk)) kks.set(kk, line);
    if (kks.size > 1) {
      const first = [...kks].find(([k]) => k !== kk)!;
      err(
        line,
        'kk',
        kk,
        t(
          `satu Nomor KK per NIK; NIK ini tercatat dengan KK ${mask(first[0])} di baris ${first[1]} (kolom nik dan nomor_kk tertukar?)`,
          `one family card per NIK; this NIK is listed with KK ${mask(first[0])} on line ${first[1]} (are the nik and nomor_kk columns swapped?)`,
        ),
      );
      continue;
    }
    const dupKey = `${nik}|${kk}|${program}|${periode}`;
    if (seen.has(dupKey)) {
      problems.push({
        level: 'error',
        kind: 'duplicate_key',
        file,
        line,
        expected: t(
          `satu baris per NIK + KK + program + periode; sama dengan baris ${seen.get(dupKey)}`,
          `one row per NIK + KK + program + period; same as line ${seen.get(dupKey)}`,
        ),
      });
      continue;
    }
    seen.set(dupKey, line);
    if (kind.get(program) === 'keluarga') {
      // A household program belongs to the KK: one row per KK, program and period.
      const hk = `${kk}|${program}|${periode}`;
      const prev = householdLine.get(hk);
      if (prev) {
        problems.push({
          level: 'error',
          kind: 'duplicate_key',
          file,
          line,
          column: at.program + 1,
          field: 'program',
          value: program,
          expected:
            prev.status === status
              ? t(
                  `program keluarga ${program} satu baris per KK dan periode; KK ini sudah tercatat di baris ${prev.line}`,
                  `household program ${program}: one row per family card and period; this KK is already on line ${prev.line}`,
                )
              : t(
                  `satu status per KK, program dan periode; baris ${prev.line} mencatat "${prev.status}", baris ini "${status}"`,
                  `one status per family card, program and period; line ${prev.line} says "${prev.status}", this line "${status}"`,
                ),
        });
        continue;
      }
      householdLine.set(hk, { line, status, nik });
    }
    if (!members.has(kk)) members.set(kk, new Set());
    members.get(kk)!.add(nik);
    const grant = { program, status, periode };
    if (kind.get(program) === 'keluarga') household.set(kk, [...(household.get(kk) ?? []), grant]);
    else personal.set(`${nik}|${kk}`, [...(personal.get(`${nik}|${kk}`) ?? []), grant]);
  }
  const people: Person[] = [];
  for (const [kk, niks] of members)
    for (const nik of niks) {
      const grants = [...(household.get(kk) ?? []), ...(personal.get(`${nik}|${kk}`) ?? [])];
      if (grants.length) people.push({ nik, kk, grants });
    }
  return { people, rows: rows.length, problems };
}
