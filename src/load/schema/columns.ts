/**
 * Column builders shared by the dataset schemas. Each column is a zod type
 * carrying its documentation as metadata (title, description, unit, what is
 * expected): the same object validates a cell and writes the data
 * dictionary, so the two cannot drift apart.
 */
import * as z from 'zod';
import { t, type Text } from '../problems.ts';
import type { AreaLevel, RegionTree } from '../../domain/regions.ts';

/** How a raw cell is turned into a value before zod sees it. */
export type ColumnKind = 'integer' | 'number' | 'text' | 'area' | 'pmks' | 'psks' | 'program';

export interface ColumnMeta {
  kind: ColumnKind;
  title: Text;
  description: Text;
  /** Unit of measure, e.g. `orang`, `Rp`, `%`. */
  unit?: string;
  /** What a valid cell looks like, for error messages and the dictionary. */
  expect: Text;
  /** Frictionless Table Schema type of the published column. */
  type: 'integer' | 'number' | 'string' | 'year';
  example?: string;
  /** Only for kind `area`: allowed levels. */
  levels?: readonly AreaLevel[];
}

interface Doc {
  title: Text;
  description: Text;
  unit?: string;
  example?: string;
}

/** Column documentation lives in its own typed zod registry, not in zod's global one. */
export const columnDocs = z.registry<ColumnMeta>();

function col<T extends z.ZodType>(schema: T, meta: ColumnMeta, optional: true): z.ZodOptional<T>;
function col<T extends z.ZodType>(schema: T, meta: ColumnMeta, optional: false): T;
function col<T extends z.ZodType>(schema: T, meta: ColumnMeta, optional: boolean): T | z.ZodOptional<T>;
function col<T extends z.ZodType>(schema: T, meta: ColumnMeta, optional: boolean): T | z.ZodOptional<T> {
  const s = optional ? schema.optional() : schema;
  s.register(columnDocs, meta);
  return s;
}

export const year = (doc: Doc) =>
  col(
    z.number().int().min(2000).max(2100),
    {
      kind: 'integer',
      type: 'year',
      unit: 'tahun',
      expect: t('tahun empat angka antara 2000 dan 2100, mis. 2024', 'a four-digit year between 2000 and 2100, e.g. 2024'),
      ...doc,
    },
    false,
  );

export const count = <O extends boolean = false>(doc: Doc & { optional?: O }) =>
  col(
    z.number().int().min(0),
    { kind: 'integer', type: 'integer', expect: t('bilangan bulat ≥ 0, mis. 14.833', 'a whole number ≥ 0, e.g. 14833'), ...doc },
    doc.optional ?? false,
  ) as O extends true ? z.ZodOptional<z.ZodNumber> : z.ZodNumber;

export const rupiah = <O extends boolean = false>(doc: Doc & { optional?: O }) =>
  col(
    z.number().min(0),
    {
      kind: 'number',
      type: 'number',
      unit: 'Rp',
      expect: t('nilai rupiah ≥ 0, mis. 5.000.000.000', 'a rupiah amount ≥ 0, e.g. 5000000000'),
      ...doc,
    },
    doc.optional ?? false,
  ) as O extends true ? z.ZodOptional<z.ZodNumber> : z.ZodNumber;

/** A DTSEN desil, 1 (poorest tenth) to 10. */
export const desil = <O extends boolean = false>(doc: Doc & { optional?: O }) =>
  col(
    z.number().int().min(1).max(10),
    { kind: 'integer', type: 'integer', expect: t('desil 1–10', 'a desil from 1 to 10'), example: '1', ...doc },
    doc.optional ?? false,
  ) as O extends true ? z.ZodOptional<z.ZodNumber> : z.ZodNumber;

/** Days (an average may have decimals). */
export const days = <O extends boolean = false>(doc: Doc & { optional?: O }) =>
  col(
    z.number().min(0).max(3650),
    { kind: 'number', type: 'number', unit: 'hari', expect: t('jumlah hari ≥ 0, mis. 14 atau 12,5', 'days ≥ 0, e.g. 14 or 12.5'), ...doc },
    doc.optional ?? false,
  ) as O extends true ? z.ZodOptional<z.ZodNumber> : z.ZodNumber;

export const percent = <O extends boolean = false>(doc: Doc & { optional?: O }) =>
  col(
    z.number().min(0).max(100),
    {
      kind: 'number',
      type: 'number',
      unit: '%',
      expect: t('persentase antara 0 dan 100, mis. 13,50', 'a percentage between 0 and 100, e.g. 13.50'),
      ...doc,
    },
    doc.optional ?? false,
  ) as O extends true ? z.ZodOptional<z.ZodNumber> : z.ZodNumber;

export const text = <O extends boolean = false>(doc: Doc & { optional?: O; max?: number }) =>
  col(
    z
      .string()
      .min(1)
      .max(doc.max ?? 500),
    {
      kind: 'text',
      type: 'string',
      expect: t(`teks (maks. ${doc.max ?? 500} karakter)`, `text (at most ${doc.max ?? 500} characters)`),
      ...doc,
    },
    doc.optional ?? false,
  ) as O extends true ? z.ZodOptional<z.ZodString> : z.ZodString;

/** A closed list of values; with `fallback`, an empty cell (or a missing column) means that value. */
export const oneOf = <const V extends readonly [string, ...string[]]>(values: V, doc: Doc, fallback?: V[number]) => {
  const base = z.enum(values);
  const schema = fallback === undefined ? base : base.default(fallback as never);
  schema.register(columnDocs, {
    kind: 'text',
    type: 'string',
    expect: t(`salah satu dari: ${values.join(', ')}`, `one of: ${values.join(', ')}`),
    ...doc,
  });
  return schema as unknown as z.ZodEnum<{ [K in V[number]]: K }>;
};

export const areaCode = (levels: readonly AreaLevel[], doc: Partial<Doc> = {}) =>
  col(
    z.string(),
    {
      kind: 'area',
      type: 'string',
      levels,
      title: t('Kode wilayah', 'Area code'),
      description: t(
        `Kode Kemendagri bertitik untuk ${levels.join(' atau ')} di kabupaten ini, mis. {{kecamatan}}${levels.includes('desa') ? ' atau {{desa}}' : ''}.`,
        `Dotted Kemendagri code of a ${levels.join(' or ')} in this kabupaten, e.g. {{kecamatan}}${levels.includes('desa') ? ' or {{desa}}' : ''}.`,
      ),
      expect: t(
        `kode ${levels.join(' atau ')} di kabupaten ini, mis. {{kecamatan}}`,
        `a ${levels.join(' or ')} code in this kabupaten, e.g. {{kecamatan}}`,
      ),
      example: '{{kecamatan}}',
      ...doc,
    },
    false,
  ) as z.ZodString;

/**
 * Optional: the area's name as the operator knows it. Not published from the
 * input (downloads add the official name); it is checked against the code's
 * name, so a BPS code typed as a Kemendagri code is caught.
 */
export const areaName = () =>
  text({
    title: t('Nama wilayah (pemeriksaan)', 'Area name (check)'),
    description: t(
      'Opsional: nama kecamatan/desa sesuai kode_wilayah. Bila diisi, build memeriksa bahwa nama ini memang nama kode itu (menangkap kode BPS yang tertukar dengan kode Kemendagri).',
      "Optional: the kecamatan/desa name for kode_wilayah. When filled, the build checks it is that code's name (catching BPS codes typed as Kemendagri codes).",
    ),
    max: 120,
    optional: true,
    example: '{{kecamatan_nama}}',
  });

export const category = (kind: 'pmks' | 'psks', doc: Doc) =>
  col(
    z.string(),
    {
      kind,
      type: 'string',
      expect:
        kind === 'pmks'
          ? t(
              'nomor kategori PMKS 1–26 atau namanya (Permensos 08/2012), lihat kamus data',
              'a PMKS category number 1–26 or its name (Permensos 08/2012), see the data dictionary',
            )
          : t('kode kategori PSKS, lihat kamus data', 'a PSKS category code, see the data dictionary'),
      ...doc,
    },
    false,
  ) as z.ZodString;

export const program = (doc: Partial<Doc> = {}) =>
  col(
    z.string(),
    {
      kind: 'program',
      type: 'string',
      title: t('Program', 'Program'),
      description: t(
        'Slug program, sesuai berkas deskripsi di folder program/ (mis. pkh, sembako, pbi-jk).',
        'Program slug, matching a description file in the program/ folder (e.g. pkh, sembako, pbi-jk).',
      ),
      expect: t('slug program yang punya berkas di folder program/', 'a program slug with a file in the program/ folder'),
      example: 'pkh',
      ...doc,
    },
    false,
  ) as z.ZodString;

/**
 * Examples in column documentation name the portal's own region, never the
 * sample's: `{{kecamatan}}`, `{{desa}}`, `{{kecamatan_nama}}`,
 * `{{kabupaten_nama}}` in a description, expectation or example are filled
 * from the region tree by `columnsOf(schema, examples)`; without a tree, by
 * the code's shape.
 */
export interface RegionExamples {
  kecamatan: string;
  desa: string;
  kecamatan_nama: string;
  kabupaten_nama: string;
}
export function regionExamples(tree: RegionTree): RegionExamples {
  const kec = tree.kecamatan[0];
  return {
    kecamatan: kec?.code ?? `${tree.code}.01`,
    desa: kec?.desa[0]?.code ?? `${tree.code}.01.2001`,
    kecamatan_nama: kec?.name ?? '',
    kabupaten_nama: tree.name,
  };
}
const SHAPES: RegionExamples = { kecamatan: 'NN.NN.NN', desa: 'NN.NN.NN.NNNN', kecamatan_nama: '', kabupaten_nama: 'Kabupaten …' };
const fill = (s: string, ex: RegionExamples) =>
  s.replace(/\{\{(\w+)\}\}/g, (m, k: string) => (k in ex ? ex[k as keyof RegionExamples] : m));
const fillText = (x: Text, ex: RegionExamples): Text => ({ id: fill(x.id, ex), en: fill(x.en, ex) });

type Column = { name: string; meta: ColumnMeta; required: boolean; values?: readonly string[] };
/** Each schema's columns with the generic examples, made once: the loader asks for them on every row. */
const generic = new WeakMap<z.ZodObject, readonly Column[]>();

/** The metadata of every column of an object schema, in declaration order, its examples in the given region. */
export function columnsOf(schema: z.ZodObject, examples: RegionExamples = SHAPES): readonly Column[] {
  if (examples !== SHAPES) return columnsIn(schema, examples);
  const made = generic.get(schema);
  if (made) return made;
  const cols = columnsIn(schema, SHAPES);
  generic.set(schema, cols);
  return cols;
}

function columnsIn(schema: z.ZodObject, examples: RegionExamples): Column[] {
  return Object.entries(schema.shape).map(([name, s]) => {
    const type = s as z.ZodType;
    const values = closedList(type);
    const doc = columnDocs.get(type)!;
    const meta: ColumnMeta = {
      ...doc,
      title: fillText(doc.title, examples),
      description: fillText(doc.description, examples),
      expect: fillText(doc.expect, examples),
      ...(doc.example !== undefined ? { example: fill(doc.example, examples) } : {}),
    };
    return { name, meta, required: !type.safeParse(undefined).success, ...(values ? { values } : {}) };
  });
}

/** The values of a closed list (`oneOf`), through optional and default wrappers. */
function closedList(type: z.ZodType): readonly string[] | undefined {
  let t: z.ZodType = type;
  while (t instanceof z.ZodOptional || t instanceof z.ZodDefault) t = t.unwrap() as z.ZodType;
  return t instanceof z.ZodEnum ? (t.options as string[]) : undefined;
}
