/**
 * The operator's raw recipient list (data/private/, never published) →
 * validated people with the programs each can look up. Household programs
 * (jenis: keluarga) belong to every member of the KK listed anywhere in the
 * file; personal programs (jenis: perorangan) only to that NIK. An optional
 * `desil` column gives the household's DTSEN desil (1–10), shown with the answer.
 *
 * Read in three parts: the header (`readHeader`), each row on its own
 * (`checkRow`: identifiers, program, status, period, desil), and the rows
 * together (`Ledger`: one KK per NIK, one row per household program and
 * period, one desil per household).
 */
import { STATUS_CODES, type Status } from '../../src/domain/aid.ts';
import type { RegionTree } from '../../src/domain/regions.ts';
import { type CsvRow, decodeText, normaliseHeader, parseCsv } from '../../src/load/csv.ts';
import { type Problem, t } from '../../src/load/problems.ts';
import type { Program } from '../../src/load/schema/program.ts';
import type { Text } from '../../src/shared/lang.ts';
import { birthDateOfNik, checkKk, checkNik, maskId as mask, normaliseId, regionOfId } from '../../src/shared/nik.ts';

export interface Grant {
  program: string;
  status: Status;
  periode: string;
}
export interface Person {
  nik: string;
  kk: string;
  grants: Grant[];
  /** The household's DTSEN desil, when the list gives it. */
  desil?: number;
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
  desil: ['desil'],
} as const;
type Col = keyof typeof COLUMNS;
const REQUIRED: Col[] = ['nik', 'kk', 'program', 'status', 'periode'];

interface Row {
  line: number;
  nik: string;
  kk: string;
  program: string;
  status: Status;
  periode: string;
  desil?: number;
}

interface Context {
  file: string;
  at: Partial<Record<Col, number>>;
  kecamatan: ReadonlySet<string>;
  kind: ReadonlyMap<string, 'keluarga' | 'perorangan'>;
  treeName: string;
  treeCode: string;
  /** True when most NIKs end in 0: Excel cut the list's 16-digit numbers to 15 digits. */
  excelZeros: boolean;
  /**
   * Numbers seen cut, with the line that shows them whole: the NIK and KK of
   * a row, both ending in 0, whose person another row gives whole (Excel keeps
   * 15 significant digits, so a cut number always ends in 0).
   */
  cut: Map<string, number>;
}

const problemAt = (
  c: Context,
  line: number,
  col: Col,
  value: string,
  expected: Text,
  level: 'error' | 'warning' = 'error',
  kind: Problem['kind'] = 'invalid_value',
): Problem => ({
  level,
  kind: level === 'warning' ? 'unknown_area' : kind,
  file: c.file,
  line,
  column: (c.at[col] ?? 0) + 1,
  field: col,
  value: col === 'nik' || col === 'kk' ? mask(value) : value,
  expected,
});

function readHeader(header: string[], file: string): { at: Partial<Record<Col, number>>; problems: Problem[] } {
  const at: Partial<Record<Col, number>> = {};
  const problems: Problem[] = [];
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
          'kolom: nik, nomor_kk, program, status, periode (opsional: nama, kode_wilayah, hubungan, desil)',
          'columns: nik, nomor_kk, program, status, periode (optional: nama, kode_wilayah, hubungan, desil)',
        ),
      });
  });
  for (const c of REQUIRED) {
    if (at[c] === undefined)
      problems.push({ level: 'error', kind: 'missing_column', file, line: 1, field: c, expected: t(`kolom "${c}"`, `column "${c}"`) });
  }
  return { at, problems };
}

const EXCEL = t(
  'angka 16 digit yang utuh: Excel memotongnya (notasi ilmiah atau 15 digit lalu 0). Format kolom NIK dan Nomor KK sebagai Teks di Excel, lalu salin ulang dari sumbernya',
  'the full 16-digit number: Excel mangled it (scientific notation, or 15 digits then 0). Format the NIK and KK columns as Text in Excel and copy them again from the source',
);

/**
 * Excel keeps 15 significant digits: a 16-digit number typed into a number cell becomes 3.40201E+15, or 15
 * digits and a 0 (shown with thousands separators, 3.402.014.101.909.000, when formatted as a number). Caught
 * on one row by its form, across rows when the same number appears whole elsewhere, across the file when most
 * numbers end in 0.
 */
function mangled(c: Context, raw: string): Text | undefined {
  if (/^\d([.,]\d+)?e\+?\d+$/i.test(raw)) return EXCEL;
  const v = normaliseId(raw.replace(/,/g, ''));
  if (!/^\d{15}0$/.test(v)) return undefined;
  if (/^\d{1,3}([.,]\d{3}){5}$/.test(raw.trim()))
    return t(
      'angka 16 digit yang utuh: angka ini diformat sebagai bilangan dengan pemisah ribuan, tanda Excel menyimpannya sebagai bilangan dan memotong angka ke-16 menjadi 0. Format kolom NIK dan Nomor KK sebagai Teks di Excel, lalu salin ulang dari sumbernya',
      'the full 16-digit number: it is formatted as a number with thousands separators, a sign that Excel held it as a number and cut the 16th digit to 0. Format the NIK and KK columns as Text in Excel and copy them again from the source',
    );
  const whole = c.cut.get(v);
  if (whole !== undefined)
    return t(
      `angka 16 digit yang utuh: baris ${whole} memuat angka yang sama dengan angka terakhir bukan 0 — Excel memotong angka 16 digit menjadi 15 digit lalu 0. Format kolom NIK dan Nomor KK sebagai Teks di Excel, lalu salin ulang dari sumbernya`,
      `the full 16-digit number: line ${whole} has the same number with a last digit other than 0 — Excel cuts 16-digit numbers to 15 digits and a 0. Format the NIK and KK columns as Text in Excel and copy them again from the source`,
    );
  return c.excelZeros ? EXCEL : undefined;
}

/** The NIK and KK of one row: each valid on its own, and not each other. */
function checkIds(c: Context, line: number, rawNik: string, rawKk: string): Problem[] {
  const out: Problem[] = [];
  for (const [col, raw] of [
    ['nik', rawNik],
    ['kk', rawKk],
  ] as const) {
    const cut = mangled(c, raw);
    if (cut) out.push(problemAt(c, line, col, raw, cut));
  }
  if (out.length) return out;
  const [nik, kk] = [normaliseId(rawNik), normaliseId(rawKk)];
  const nikProblems = checkNik(nik);
  if (nikProblems.length) {
    out.push(
      problemAt(
        c,
        line,
        'nik',
        nik,
        nikProblems.includes('birth_date')
          ? t(
              'NIK dengan tanggal lahir yang mungkin pada angka ke-7–12 (perempuan: tanggal + 40)',
              'a NIK with a possible birth date in digits 7–12 (women: day + 40)',
            )
          : nikProblems.includes('serial')
            ? t(
                'NIK dengan nomor urut 0001 atau lebih pada empat angka terakhir; 0000 tidak mungkin (bila daftar pernah dibuka di Excel: angka 16 digit terpotong menjadi 0, format kolom sebagai Teks)',
                'a NIK whose last four digits are a serial from 0001; 0000 is impossible (if the list was opened in Excel: 16-digit numbers get cut to 0, format the column as Text)',
              )
            : t(`NIK 16 angka (ditemukan ${nik.length} angka)`, `a 16-digit NIK (found ${nik.length} digits)`),
      ),
    );
  } else if (!c.kecamatan.has(regionOfId(nik))) {
    out.push(
      problemAt(
        c,
        line,
        'nik',
        nik,
        t(
          `NIK dari kecamatan di ${c.treeName} (${c.treeCode}.xx); tetap diproses — penduduk bisa pindah`,
          `a NIK from a kecamatan of ${c.treeName} (${c.treeCode}.xx); kept — people move`,
        ),
        'warning',
      ),
    );
  }
  if (checkKk(kk).length === 0 && kk.endsWith('0000'))
    out.push(
      problemAt(
        c,
        line,
        'kk',
        kk,
        t(
          'Nomor KK dengan nomor urut 0001 atau lebih pada empat angka terakhir; 0000 tidak mungkin (bila daftar pernah dibuka di Excel: angka 16 digit terpotong menjadi 0, format kolom sebagai Teks)',
          'a family card number whose last four digits are a serial from 0001; 0000 is impossible (if the list was opened in Excel: 16-digit numbers get cut to 0, format the column as Text)',
        ),
      ),
    );
  else if (checkKk(kk).length)
    out.push(
      problemAt(
        c,
        line,
        'kk',
        kk,
        t(`Nomor KK 16 angka (ditemukan ${kk.length} angka)`, `a 16-digit family card number (found ${kk.length} digits)`),
      ),
    );
  else if (kk === nik)
    out.push(
      problemAt(
        c,
        line,
        'kk',
        kk,
        t(
          'Nomor KK dari Kartu Keluarga, bukan NIK yang disalin ke kolom nomor_kk',
          'the family card number, not the NIK copied into the nomor_kk column',
        ),
      ),
    );
  else if (Number(kk.slice(6, 8)) > 40 && birthDateOfNik(kk)?.female) {
    // A KK's digits 7–12 are its registration date; a day above 40 only occurs in women's NIKs.
    out.push(
      problemAt(
        c,
        line,
        'kk',
        kk,
        t(
          'Nomor KK; angka ini seperti NIK perempuan (tanggal + 40) — kolom nik dan nomor_kk tertukar?',
          "a family card number; this looks like a woman's NIK (day + 40) — are the nik and nomor_kk columns swapped?",
        ),
      ),
    );
  }
  return out;
}

/** One row on its own: identifiers, a known program and status, a period, a desil from 1 to 10. */
function checkRow(c: Context, { line, cells }: CsvRow): { row?: Row; problems: Problem[] } {
  const get = (col: Col) => (c.at[col] === undefined ? '' : cells[c.at[col]!]!.trim());
  const problems = checkIds(c, line, get('nik'), get('kk'));
  const program = get('program').toLowerCase();
  if (!c.kind.has(program))
    problems.push(
      problemAt(
        c,
        line,
        'program',
        program,
        t(`salah satu program: ${[...c.kind.keys()].join(', ')}`, `one of the programs: ${[...c.kind.keys()].join(', ')}`),
      ),
    );
  const status = get('status').toLowerCase() as Status;
  if (!STATUS_CODES.includes(status))
    problems.push(
      problemAt(
        c,
        line,
        'status',
        status,
        t(`salah satu status: ${STATUS_CODES.join(', ')}`, `one of the statuses: ${STATUS_CODES.join(', ')}`),
      ),
    );
  const periode = get('periode');
  if (!periode || periode.length > 40)
    problems.push(
      problemAt(
        c,
        line,
        'periode',
        periode,
        t('periode penyaluran (maks. 40 karakter), mis. "2026 tahap 1"', 'the payment period (at most 40 characters), e.g. "2026 tahap 1"'),
      ),
    );
  const rawDesil = get('desil');
  const desil = rawDesil === '' ? undefined : Number(rawDesil);
  if (desil !== undefined && !(Number.isInteger(desil) && desil >= 1 && desil <= 10))
    problems.push(
      problemAt(
        c,
        line,
        'desil',
        rawDesil,
        t('desil DTSEN 1–10, atau kosong bila belum diperingkat', 'a DTSEN desil 1–10, or empty when not ranked'),
      ),
    );
  if (problems.some((p) => p.level === 'error')) return { problems };
  return {
    row: {
      line,
      nik: normaliseId(get('nik')),
      kk: normaliseId(get('kk')),
      program,
      status,
      periode,
      ...(desil !== undefined ? { desil } : {}),
    },
    problems,
  };
}

/** The rows together: who belongs to which household, and what each household and person receives. */
class Ledger {
  private readonly kksOf = new Map<string, Map<string, number>>(); // nik → kk → first line
  private readonly seen = new Map<string, { line: number; status: Status }>(); // nik|kk|program|periode
  private readonly householdRow = new Map<string, { line: number; status: Status }>(); // kk|program|periode
  private readonly desilOf = new Map<string, { desil: number; line: number }>(); // kk → desil
  private readonly members = new Map<string, Set<string>>(); // kk → NIKs listed anywhere
  private readonly household = new Map<string, Grant[]>(); // kk → household grants
  private readonly personal = new Map<string, Grant[]>(); // nik|kk → personal grants

  private readonly c: Context;

  constructor(c: Context) {
    this.c = c;
  }

  add(r: Row): Problem[] {
    const c = this.c;
    // One person, one family card: the same NIK under two KKs is a typing error or swapped columns.
    const kks = this.kksOf.get(r.nik) ?? new Map<string, number>();
    this.kksOf.set(r.nik, kks);
    if (!kks.has(r.kk)) kks.set(r.kk, r.line);
    if (kks.size > 1) {
      const [otherKk, otherLine] = [...kks].find(([k]) => k !== r.kk)!;
      return [
        problemAt(
          c,
          r.line,
          'kk',
          r.kk,
          t(
            `satu Nomor KK per NIK; NIK ini tercatat dengan KK ${mask(otherKk)} di baris ${otherLine} (kolom nik dan nomor_kk tertukar?)`,
            `one family card per NIK; this NIK is listed with KK ${mask(otherKk)} on line ${otherLine} (are the nik and nomor_kk columns swapped?)`,
          ),
        ),
      ];
    }
    const dupKey = `${r.nik}|${r.kk}|${r.program}|${r.periode}`;
    const dup = this.seen.get(dupKey);
    if (dup !== undefined)
      return [
        dup.status === r.status
          ? {
              level: 'error',
              kind: 'duplicate_key',
              file: c.file,
              line: r.line,
              expected: t(
                `satu baris per NIK + KK + program + periode; sama dengan baris ${dup.line}`,
                `one row per NIK + KK + program + period; same as line ${dup.line}`,
              ),
            }
          : problemAt(
              c,
              r.line,
              'status',
              r.status,
              t(
                `satu status per orang, program dan periode: baris ${dup.line} mencatat "${dup.status}" untuk orang, program dan periode yang sama. Pilih status yang benar dan hapus yang lain`,
                `one status per person, program and period: line ${dup.line} says "${dup.status}" for the same person, program and period. Keep the right one and delete the other`,
              ),
              'error',
              'status_conflict',
            ),
      ];
    this.seen.set(dupKey, { line: r.line, status: r.status });
    const isHousehold = c.kind.get(r.program) === 'keluarga';
    if (isHousehold) {
      // A household program belongs to the KK: one row per KK, program and period, with one status.
      const hk = `${r.kk}|${r.program}|${r.periode}`;
      const prev = this.householdRow.get(hk);
      if (prev) {
        return [
          problemAt(
            c,
            r.line,
            'program',
            r.program,
            prev.status === r.status
              ? t(
                  `program keluarga ${r.program} satu baris per KK dan periode; KK ini sudah tercatat di baris ${prev.line}`,
                  `household program ${r.program}: one row per family card and period; this KK is already on line ${prev.line}`,
                )
              : t(
                  `satu status per KK, program dan periode; baris ${prev.line} mencatat "${prev.status}", baris ini "${r.status}". Pilih status yang benar dan hapus yang lain`,
                  `one status per family card, program and period; line ${prev.line} says "${prev.status}", this line "${r.status}". Keep the right one and delete the other`,
                ),
            'error',
            prev.status === r.status ? 'duplicate_key' : 'status_conflict',
          ),
        ];
      }
      this.householdRow.set(hk, { line: r.line, status: r.status });
    }
    if (r.desil !== undefined) {
      const known = this.desilOf.get(r.kk);
      if (known && known.desil !== r.desil)
        return [
          problemAt(
            c,
            r.line,
            'desil',
            String(r.desil),
            t(
              `satu desil per keluarga; KK ini berdesil ${known.desil} di baris ${known.line}`,
              `one desil per household; this KK has desil ${known.desil} on line ${known.line}`,
            ),
          ),
        ];
      this.desilOf.set(r.kk, { desil: r.desil, line: r.line });
    }
    if (!this.members.has(r.kk)) this.members.set(r.kk, new Set());
    this.members.get(r.kk)!.add(r.nik);
    const grant = { program: r.program, status: r.status, periode: r.periode };
    const [map, key] = isHousehold ? [this.household, r.kk] : [this.personal, `${r.nik}|${r.kk}`];
    map.set(key, [...(map.get(key) ?? []), grant]);
    return [];
  }

  /** Everyone with at least one program, in the order the list first names them. */
  people(): Person[] {
    const out: Person[] = [];
    for (const [kk, niks] of this.members) {
      for (const nik of niks) {
        const grants = [...(this.household.get(kk) ?? []), ...(this.personal.get(`${nik}|${kk}`) ?? [])];
        const desil = this.desilOf.get(kk)?.desil;
        if (grants.length) out.push({ nik, kk, grants, ...(desil !== undefined ? { desil } : {}) });
      }
    }
    return out;
  }
}

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
  const { at, problems: headerProblems } = readHeader(header, file);
  problems.push(...headerProblems);
  if (problems.some((p) => p.level === 'error')) return { people: [], rows: rows.length, problems };

  const endsInZero = rows.filter((r) => /^\d{15}0$/.test(normaliseId(r.cells[at.nik!] ?? ''))).length;
  // A row Excel held as numbers has both its NIK and its KK cut to …0. It is told apart from real numbers that end
  // in 0 when the same person stands whole in another row (another program): the same first 15 digits of the NIK
  // and of the KK, each ending in another digit. (Two people born the same day in one kecamatan share 15 NIK
  // digits, and twins share a KK; both at once, with two different KKs, does not happen.)
  const cut = new Map<string, number>();
  const value = (r: CsvRow, col: number) => normaliseId((r.cells[col] ?? '').replace(/,/g, ''));
  const wholeAt = new Map<string, number>();
  for (const r of rows) {
    const [n, k] = [value(r, at.nik!), value(r, at.kk!)];
    if (/^\d{15}[1-9]$/.test(n) && /^\d{15}[1-9]$/.test(k) && !wholeAt.has(`${n.slice(0, 15)}|${k.slice(0, 15)}`))
      wholeAt.set(`${n.slice(0, 15)}|${k.slice(0, 15)}`, r.line);
  }
  for (const r of rows) {
    const [n, k] = [value(r, at.nik!), value(r, at.kk!)];
    const whole = wholeAt.get(`${n.slice(0, 15)}|${k.slice(0, 15)}`);
    if (/^\d{15}0$/.test(n) && /^\d{15}0$/.test(k) && whole !== undefined) {
      cut.set(n, whole);
      cut.set(k, whole);
    }
  }
  const c: Context = {
    file,
    at,
    kecamatan: new Set(tree.kecamatan.map((k) => k.code)),
    kind: new Map(programs.map((p) => [p.slug, p.jenis])),
    treeName: tree.name,
    treeCode: tree.code,
    excelZeros: rows.length >= 10 && endsInZero / rows.length > 0.5, // a real NIK ends in 0 one time in ten
    cut,
  };
  const ledger = new Ledger(c);
  for (const row of rows) {
    if (row.cells.length !== header.length) {
      problems.push({
        level: 'error',
        kind: 'row_length',
        file,
        line: row.line,
        expected: t(`${header.length} sel, ditemukan ${row.cells.length}`, `${header.length} cells, found ${row.cells.length}`),
      });
      continue;
    }
    const checked = checkRow(c, row);
    problems.push(...checked.problems);
    if (checked.row) problems.push(...ledger.add(checked.row));
  }
  return { people: ledger.people(), rows: rows.length, problems };
}
