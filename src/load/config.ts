/**
 * The folder's own descriptions besides the datasets: portal.json (the
 * office and the release), program/*.md (one per program) and the optional
 * kecamatan boundaries. Each validated by its schema, problems collected.
 */
import matter from 'gray-matter';
import { findNodeAtLocation, getNodeValue, type ParseError, parseTree, printParseErrorCode } from 'jsonc-parser';
import { marked } from 'marked';
import sanitizeHtml from 'sanitize-html';
import type { RegionTree } from '../domain/regions.ts';
import type { DataIO } from './io.ts';
import { t, type Problem } from './problems.ts';
import { portalSchema, type PortalConfig } from './schema/portal.ts';
import { programSchema, type Program } from './schema/program.ts';

const GEO_FILE = 'geo/kecamatan.topo.json';

/**
 * The boundary file must be TopoJSON with a `kecamatan` object keyed by the portal's kecamatan codes; a province's
 * may hold a `kabupaten` object too (its kabupaten/kota, dissolved by geo:import).
 */
export async function loadGeo(
  io: DataIO,
  tree: RegionTree,
  problems: Problem[],
): Promise<{ topojson: string; attribution: string; kabupaten: boolean } | undefined> {
  const bytes = await io.read(GEO_FILE);
  if (!bytes) return undefined;
  const text = new TextDecoder().decode(bytes);
  const bad = (expected: ReturnType<typeof t>, value?: string) => {
    problems.push({ level: 'error', kind: 'invalid_config', file: GEO_FILE, ...(value ? { value } : {}), expected });
    return undefined;
  };
  type Geoms = { geometries?: { id?: string }[] };
  let topo: { type?: string; objects?: { kecamatan?: Geoms; kabupaten?: Geoms }; metadata?: { attribution?: string } };
  try {
    topo = JSON.parse(text);
  } catch (e) {
    return bad(
      t(
        `TopoJSON yang sah (${(e as Error).message}); buat ulang dengan npm run geo:import`,
        `valid TopoJSON (${(e as Error).message}); recreate it with npm run geo:import`,
      ),
    );
  }
  const geoms = topo.type === 'Topology' ? topo.objects?.kecamatan?.geometries : undefined;
  if (!geoms)
    return bad(
      t(
        'TopoJSON dengan objek "kecamatan" (buat dengan npm run geo:import)',
        'TopoJSON with a "kecamatan" object (made by npm run geo:import)',
      ),
    );
  const known = new Set(tree.kecamatan.map((k) => k.code));
  for (const g of geoms)
    if (!g.id || !known.has(g.id)) return bad(t(`kode kecamatan ${tree.name}`, `a kecamatan code of ${tree.name}`), String(g.id));
  const kabs = topo.objects?.kabupaten?.geometries;
  const knownKab = new Set((tree.kabupaten ?? []).map((k) => k.code));
  for (const g of kabs ?? [])
    if (!g.id || !knownKab.has(g.id))
      return bad(t(`kode kabupaten/kota ${tree.name}`, `a kabupaten/kota code of ${tree.name}`), String(g.id));
  return { topojson: text, attribution: topo.metadata?.attribution ?? 'Batas wilayah: BPS.', kabupaten: !!kabs?.length };
}

/** Syntax errors of portal.json, as jsonc-parser names them, in both languages. */
const JSON_ERRORS: Record<string, [string, string]> = {
  CommaExpected: [
    'tanda koma "," di antara dua isian (mungkin terlupa di akhir baris sebelumnya)',
    'a comma "," between two entries (perhaps missing at the end of the line before)',
  ],
  PropertyNameExpected: [
    'nama isian dalam tanda kutip, mis. "nama"; koma terakhir sebelum } atau ] harus dihapus',
    'an entry name in double quotes, e.g. "nama"; a last comma before } or ] must be removed',
  ],
  ValueExpected: [
    'sebuah nilai: teks dalam tanda kutip "…", angka, true/false, { } atau [ ]',
    'a value: text in double quotes "…", a number, true/false, { } or [ ]',
  ],
  ColonExpected: ['titik dua ":" di antara nama isian dan nilainya', 'a colon ":" between an entry name and its value'],
  CloseBraceExpected: ['kurung kurawal penutup "}"', 'a closing brace "}"'],
  CloseBracketExpected: ['kurung siku penutup "]"', 'a closing bracket "]"'],
  EndOfFileExpected: [
    'akhir berkas: ada teks setelah kurung kurawal penutup terakhir',
    'the end of the file: there is text after the last closing brace',
  ],
  UnexpectedEndOfString: ['tanda kutip penutup " di akhir teks', 'a closing double quote " at the end of the text'],
  InvalidSymbol: [
    'nilai JSON; teks harus diapit tanda kutip ganda "…" (bukan kutip tunggal)',
    'a JSON value; text goes in double quotes "…" (not single quotes)',
  ],
  InvalidCommentToken: ['tanpa komentar: JSON tidak mengenal // atau /* */', 'no comments: JSON has no // or /* */'],
  InvalidNumberFormat: ['angka JSON dengan titik desimal, mis. 5 atau 13.5', 'a JSON number with a decimal point, e.g. 5 or 13.5'],
  InvalidEscapeCharacter: ['garis miring terbalik \\ ditulis dua kali di dalam teks', 'a backslash \\ written twice inside text'],
  InvalidCharacter: ['tanpa karakter kendali (mis. tab) di dalam teks', 'no control characters (e.g. tabs) inside text'],
};

/** 1-based line and column of a character offset. */
function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset).split(/\r\n|\r|\n/);
  return { line: before.length, column: before.at(-1)!.length + 1 };
}

/**
 * What checking the data files needs of portal.json, taken from it even when
 * other fields are wrong, so that one run reports the problems of portal.json
 * and of every data file together (an operator publishing through a workflow
 * pays one upload and one run per round).
 */
export interface DataCheckSettings {
  kode_kabupaten: string;
  format_angka: PortalConfig['format_angka'];
  format_angka_berkas: PortalConfig['format_angka_berkas'];
  releaseYear: number;
}

export function settingsOf(json: unknown): DataCheckSettings | undefined {
  const o = (json && typeof json === 'object' ? json : {}) as Record<string, unknown>;
  const field = <K extends keyof typeof portalSchema.shape>(k: K) => portalSchema.shape[k].safeParse(o[k]);
  const kode = field('kode_kabupaten');
  if (!kode.success) return undefined;
  const fmt = field('format_angka');
  const perFile = field('format_angka_berkas');
  const date = String((o.rilis as Record<string, unknown> | undefined)?.tanggal ?? '');
  return {
    kode_kabupaten: kode.data as string,
    format_angka: fmt.success ? (fmt.data as PortalConfig['format_angka']) : 'auto',
    format_angka_berkas: perFile.success ? (perFile.data as PortalConfig['format_angka_berkas']) : {},
    releaseYear: /^\d{4}-\d{2}-\d{2}$/.test(date) ? Number(date.slice(0, 4)) : new Date().getUTCFullYear(),
  };
}

export async function loadConfig(
  io: DataIO,
  problems: Problem[],
  partial?: { settings?: DataCheckSettings },
): Promise<PortalConfig | undefined> {
  const file = 'portal.json';
  const bytes = await io.read(file);
  if (!bytes) {
    problems.push({
      level: 'error',
      kind: 'missing_file',
      file,
      expected: t(
        'berkas portal.json berisi identitas instansi dan rilis (lihat README)',
        'a portal.json file describing the office and the release (see README)',
      ),
    });
    return;
  }
  const text = new TextDecoder().decode(bytes).replace(/^\uFEFF/, '');
  const syntax: ParseError[] = [];
  const tree = parseTree(text, syntax, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  if (syntax.length || !tree) {
    // Every syntax error with its line and column, in words an operator can act on.
    for (const e of syntax.length ? syntax.slice(0, 10) : [{ error: 4, offset: 0, length: 0 } as ParseError]) {
      const { line, column } = lineColumn(text, e.offset);
      const code = printParseErrorCode(e.error);
      const [id, en] = JSON_ERRORS[code] ?? [`JSON yang sah (${code})`, `valid JSON (${code})`];
      problems.push({
        level: 'error',
        kind: 'invalid_config',
        file,
        line,
        column,
        value: text.slice(e.offset, e.offset + Math.max(e.length, 1)).trim() || text.slice(Math.max(0, e.offset - 20), e.offset).trim(),
        expected: t(id, en),
      });
    }
    return;
  }
  const json: unknown = getNodeValue(tree);
  const res = portalSchema.safeParse(json);
  if (!res.success) {
    for (const i of res.error.issues) {
      const field = i.path.join('.');
      const v = i.path.reduce<unknown>(
        (o, k) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[k as string] : undefined),
        json,
      );
      const node = findNodeAtLocation(tree, i.path as (string | number)[]);
      const at = node ? lineColumn(text, node.offset) : undefined;
      problems.push({
        level: 'error',
        kind: 'invalid_config',
        file,
        ...(at ? { line: at.line, column: at.column } : {}),
        field,
        ...(v !== undefined ? { value: typeof v === 'string' ? v : JSON.stringify(v) } : {}),
        expected: t(i.message, i.message),
      });
    }
    if (partial) {
      const settings = settingsOf(json);
      if (settings) partial.settings = settings;
    }
    return;
  }
  return res.data;
}

/**
 * A program description's Markdown is rendered, then kept to an allow-list
 * (sanitize-html): text structure and links to the web, phone, WhatsApp and
 * e-mail. No images, scripts, frames, forms or styles: the CSP would stop a
 * script, but not a fake form or a phishing image posing as the office.
 */
export function programHtml(html: string): string {
  return sanitizeHtml(html, {
    allowedTags: [
      'h2',
      'h3',
      'h4',
      'p',
      'ul',
      'ol',
      'li',
      'strong',
      'em',
      'b',
      'i',
      'a',
      'br',
      'blockquote',
      'code',
      'table',
      'thead',
      'tbody',
      'tr',
      'th',
      'td',
    ],
    allowedAttributes: { a: ['href', 'rel'] }, // rel is always ours: the transform below overwrites any given
    allowedSchemes: ['https', 'http', 'tel', 'mailto'],
    allowProtocolRelative: false,
    disallowedTagsMode: 'discard',
    transformTags: { a: sanitizeHtml.simpleTransform('a', { rel: 'nofollow noopener noreferrer' }) },
  });
}

export async function loadPrograms(io: DataIO, problems: Problem[]): Promise<Program[]> {
  const files = (await io.list('program')).filter((f) => f.endsWith('.md'));
  if (files.length === 0)
    problems.push({
      level: 'error',
      kind: 'missing_file',
      file: 'program/',
      expected: t('minimal satu deskripsi program, mis. program/pkh.md', 'at least one program description, e.g. program/pkh.md'),
    });
  const out: Program[] = [];
  for (const f of files) {
    const file = `program/${f}`;
    const text = new TextDecoder().decode((await io.read(file))!).replace(/^\uFEFF/, '');
    let fm: { data: Record<string, unknown>; content: string };
    try {
      fm = matter(text);
    } catch (e) {
      const line = (e as { mark?: { line?: number } }).mark?.line;
      problems.push({
        level: 'error',
        kind: 'invalid_program',
        file,
        ...(line !== undefined ? { line: line + 2 } : {}),
        expected: t(
          `front matter YAML yang sah (${(e as Error).message.split('\n')[0]})`,
          `valid YAML front matter (${(e as Error).message.split('\n')[0]})`,
        ),
      });
      continue;
    }
    const res = programSchema.safeParse(fm.data);
    if (!res.success) {
      for (const i of res.error.issues) {
        const field = i.path.join('.');
        const lineNo = text.split('\n').findIndex((l) => l.startsWith(`${String(i.path[0])}:`));
        const v = fm.data[String(i.path[0])];
        problems.push({
          level: 'error',
          kind: 'invalid_program',
          file,
          ...(lineNo >= 0 ? { line: lineNo + 1 } : {}),
          field,
          ...(v !== undefined ? { value: String(v) } : {}),
          expected: t(i.message, i.message),
        });
      }
      continue;
    }
    if (res.data.slug !== f.replace(/\.md$/, '')) {
      const lineNo = text.split('\n').findIndex((l) => l.startsWith('slug:')) + 1;
      problems.push({
        level: 'error',
        kind: 'invalid_program',
        file,
        line: lineNo,
        field: 'slug',
        value: res.data.slug,
        expected: t(
          `slug sama dengan nama berkas: "${f.replace(/\.md$/, '')}"`,
          `a slug equal to the file name: "${f.replace(/\.md$/, '')}"`,
        ),
      });
      continue;
    }
    // An English text may follow the Indonesian one after a line `<!-- en -->`; English pages show it, or say they cannot.
    const [idText = '', enText] = fm.content.split(/^<!--\s*en\s*-->\s*$/m);
    out.push({
      ...res.data,
      html: programHtml(await marked.parse(idText)),
      ...(enText?.trim() ? { htmlEn: programHtml(await marked.parse(enText)) } : {}),
      file,
    });
  }
  return out.sort((a, b) => (a.urutan ?? 99) - (b.urutan ?? 99) || a.slug.localeCompare(b.slug));
}
