/**
 * `npm run sample -- --region 53.02 [--out data] [--seed 1]`
 *
 * Writes a complete, synthetic data folder for any kabupaten/kota: the real
 * kecamatan and desa of its region tree, several years of every dataset, and
 * the program descriptions. Deterministic: the same region and seed always
 * give the same bytes. Everything is marked as sample data ("Data contoh").
 * Anchored where public figures exist (see ../shared/DOMAIN.md): Bantul's
 * 14,833 PMKS (2021) and poverty 13.50% (2020) → 14.04% (2021); Timor Tengah
 * Selatan's 13.01% extreme poverty and 220 RTLH units (2022).
 */
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { PMKS_CATEGORIES, PSKS_CATEGORIES } from '../src/domain/categories.ts';
import { buildDownloads } from '../src/publish/downloads.ts';
import { textOf } from '../src/load/io.ts';
import { loadPortal, memoryIO } from '../src/load/portal.ts';
import { buildModel } from '../src/model/model.ts';
import { cliLang, formatProblem } from '../src/load/problems.ts';
import { runCli } from './cli.ts';
import { notAKabupaten } from '../src/domain/region-node.ts';
import { generateDtsen, syntheticDesil } from './sample/dtsen.ts';
import { loadPortalTree, loadRegionTree, type RegionTree } from '../src/domain/regions.ts';
import { slugOf } from '../src/load/province.ts';
import { sampleDapil } from './sample/dapil.ts';

const YEARS = [2020, 2021, 2022, 2023, 2024, 2025];
const RELEASE = { label: '2026-1', tanggal: '2026-03-31' };

interface Anchors {
  population?: number;
  poverty?: Record<number, number>;
  extreme?: Record<number, number>;
  pmksTotal?: [year: number, total: number];
  rtlh?: [year: number, units: number];
  /** Published BPS figures (../shared/DOMAIN.md, "Public figures"): rate, poor people, poverty line; carried with their source. */
  real?: Record<number, [rate: number, poor: number, line?: number]>;
  realSource?: (year: number) => string;
}
const ANCHORS: Record<string, Anchors> = {
  '34.02': { population: 985_770, poverty: { 2020: 13.5, 2021: 14.04 }, pmksTotal: [2021, 14_833] },
  '53.02': { population: 455_410, extreme: { 2022: 13.01 }, rtlh: [2022, 220] },
  '35.17': { population: 1_354_965 },
  '64.02': { population: 729_382 },
  '17.07': { population: 106_293 },
  '34.01': {
    real: { 2021: [18.38, 81_140, 360_202], 2022: [16.39, 73_210, 381_666], 2023: [15.64, 70_740], 2024: [15.62, 71_480, 438_007] },
    realSource: (y) => `BPS Provinsi DIY / Satu Data Kulon Progo, Susenas Maret ${y} (angka resmi)`,
  },
  '34.03': { real: { 2024: [15.18, 120_410] }, realSource: (y) => `BPS Provinsi DIY, Susenas Maret ${y} (angka resmi)` },
  '34.04': { real: { 2024: [7.46, 97_940, 513_926] }, realSource: (y) => `BPS, Susenas Maret ${y} (Katadata Databoks; angka resmi)` },
  '34.71': { real: { 2024: [6.26, 28_790, 686_973] }, realSource: (y) => `BPS, Susenas Maret ${y} (Katadata Databoks; angka resmi)` },
};

/** mulberry32: small, fast, seedable; good enough for synthetic data. */
function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let x = a;
    x = Math.imul(x ^ (x >>> 15), x | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    between: (lo: number, hi: number) => lo + (hi - lo) * next(),
    int: (lo: number, hi: number) => Math.floor(lo + (hi - lo + 1) * next()),
  };
}
const hash = (s: string) => [...s].reduce((h, c) => Math.imul(h ^ c.charCodeAt(0), 16777619) >>> 0, 2166136261);

/** Split `total` into integer parts proportional to `weights` (largest remainder), so sums are exact. */
export function apportion(total: number, weights: number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const raw = weights.map((w) => (total * w) / sum);
  const out = raw.map(Math.floor);
  let left = total - out.reduce((a, b) => a + b, 0);
  const order = raw.map((r, i) => [r - Math.floor(r), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [, i] of order) {
    if (left-- <= 0) break;
    out[i]!++;
  }
  return out;
}

/** Excel with Indonesian settings: `;`, decimal comma, CRLF, UTF-8 BOM. */
function excelCsv(header: string[], rows: (string | number | undefined)[][]): string {
  const cell = (v: string | number | undefined) => {
    if (v === undefined) return '';
    if (typeof v === 'number') return String(v).replace('.', ',');
    return /[;"\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
  };
  return `\uFEFF${[header, ...rows].map((r) => r.map(cell).join(';')).join('\r\n')}\r\n`;
}

export async function generateSample(
  region: string,
  seed = 1,
  o: { archives?: boolean; provinceDapil?: boolean } = {},
): Promise<Record<string, string>> {
  const tree = await loadRegionTree(region);
  if (!tree) throw new Error(`${await notAKabupaten(region)}.`);
  const r = rng(hash(region) ^ seed);
  const a = ANCHORS[region] ?? {};
  const desaAll = tree.kecamatan.flatMap((k) => k.desa.map((d) => ({ ...d, kec: k.code })));
  const firstReal = Object.values(a.real ?? {})[0];
  const population = a.population ?? (firstReal ? Math.round((firstReal[1] * 100) / firstReal[0]) : desaAll.length * 3_500);
  // Relative size of each desa, fixed across years.
  const desaWeight = new Map(desaAll.map((d) => [d.code, r.between(0.5, 1.6)]));
  const kecWeight = (code: string) => desaAll.filter((d) => d.kec === code).reduce((s, d) => s + desaWeight.get(d.code)!, 0);
  const files: Record<string, string> = {};
  const shortName = tree.name.replace(/^Kabupaten |^Kota /, '');

  // Poverty: a level with a 2021 pandemic bump and a slow decline after.
  const shape: Record<number, number> = { 2020: 1, 2021: 1.04, 2022: 0.96, 2023: 0.92, 2024: 0.89, 2025: 0.86 };
  const drawn = r.between(8, 18);
  const anchorYear = Number(Object.keys(a.poverty ?? a.real ?? {})[0]);
  const base = anchorYear ? (a.poverty?.[anchorYear] ?? a.real![anchorYear]![0]) / shape[anchorYear]! : drawn;
  const poverty = YEARS.map((y) => {
    const real = a.real?.[y];
    // A published figure is carried as published, with its source; nothing synthetic goes into its row.
    if (real) return [y, real[0], real[1], real[2], undefined, a.realSource!(y)];
    const rate = a.poverty?.[y] ?? Math.round(base * shape[y]! * 100) / 100;
    const pop = Math.round(population * (1 + 0.009 * (y - 2020)));
    const extremeBase = a.extreme?.[2022] ? a.extreme[2022] / 0.96 : base * 0.18;
    const extreme =
      y === 2020
        ? undefined
        : (a.extreme?.[y] ?? Math.round(extremeBase * { 2021: 1.05, 2022: 0.96, 2023: 0.6, 2024: 0.35, 2025: 0.2 }[y]! * 100) / 100);
    return [
      y,
      rate,
      Math.round((pop * rate) / 100),
      Math.round(380_000 * 1.05 ** (y - 2020) + r.int(0, 20_000)),
      extreme,
      `Data contoh (sintetis) — format BPS ${shortName}, Susenas Maret ${y}`,
    ];
  });
  files['kemiskinan.csv'] = excelCsv(
    ['tahun', 'persen_miskin', 'jumlah_miskin', 'garis_kemiskinan', 'persen_miskin_ekstrem', 'sumber'],
    poverty as never,
  );

  // PMKS: non-sensitive categories per desa, sensitive ones only per kecamatan (UU 27/2022).
  const catWeight = new Map(
    PMKS_CATEGORIES.map((c) => [
      c.code,
      ({ '8': 14, '9': 12, '24': 16, '2': 7, '11': 3, '12': 3, '23': 6, '5': 4 } as Record<string, number>)[c.code] ?? r.between(0.3, 2),
    ]),
  );
  const pmksRows: (string | number)[][] = [];
  const pmksBase = a.pmksTotal ? a.pmksTotal[1] / 1.03 : Math.round(population * r.between(0.012, 0.02));
  for (const y of YEARS) {
    const total =
      a.pmksTotal?.[0] === y
        ? a.pmksTotal[1]
        : Math.round(pmksBase * { 2020: 1, 2021: 1.03, 2022: 1.01, 2023: 0.98, 2024: 0.97, 2025: 0.95 }[y]! * r.between(0.99, 1.01));
    const perCat = apportion(
      total,
      PMKS_CATEGORIES.map((c) => catWeight.get(c.code)! * r.between(0.9, 1.1)),
    );
    PMKS_CATEGORIES.forEach((c, i) => {
      if (c.sensitive) {
        const parts = apportion(
          perCat[i]!,
          tree.kecamatan.map((k) => kecWeight(k.code) * r.between(0.3, 1.7)),
        );
        for (const [j, k] of tree.kecamatan.entries()) pmksRows.push([y, k.code, Number(c.code), parts[j]!]);
      } else {
        const parts = apportion(
          perCat[i]!,
          desaAll.map((d) => desaWeight.get(d.code)! * r.between(0.5, 1.5)),
        );
        for (const [j, d] of desaAll.entries()) pmksRows.push([y, d.code, Number(c.code), parts[j]!]);
      }
    });
  }
  files['pmks.csv'] = excelCsv(['tahun', 'kode_wilayah', 'kategori', 'jumlah'], pmksRows);

  // PSKS per kecamatan.
  const psksRows: (string | number)[][] = [];
  for (const y of YEARS)
    for (const k of tree.kecamatan)
      for (const c of PSKS_CATEGORIES) {
        const n = c.code === 'tksk' ? 1 : c.code === 'karang-taruna' ? k.desa.length : r.int(0, c.code === 'psm' ? 40 : 8);
        psksRows.push([y, k.code, c.code, n]);
      }
  files['psks.csv'] = excelCsv(['tahun', 'kode_wilayah', 'kategori', 'jumlah'], psksRows);

  // Registry per desa (it grows every year despite more programs, as in Lebong).
  const registryRows: (string | number)[][] = [];
  const registry = new Map<string, { keluarga: number; jiwa: number }>();
  const hhBase = (population / 3.4) * r.between(0.32, 0.42);
  const hhParts = apportion(
    Math.round(hhBase),
    desaAll.map((d) => desaWeight.get(d.code)!),
  );
  for (const y of YEARS) {
    desaAll.forEach((d, j) => {
      const keluarga = Math.round(hhParts[j]! * (1 + 0.025 * (y - 2020)) * r.between(0.98, 1.02));
      const jiwa = Math.round(keluarga * r.between(3.0, 3.5));
      const tanpa = Math.round(keluarga * r.between(0.18, 0.3));
      registry.set(`${y}|${d.code}`, { keluarga, jiwa });
      registryRows.push([y, d.code, keluarga, jiwa, tanpa, Math.round(tanpa * r.between(0.2, 0.45))]);
    });
  }
  files['registri.csv'] = excelCsv(
    ['tahun', 'kode_wilayah', 'keluarga', 'jiwa', 'keluarga_tanpa_bansos_pusat', 'keluarga_dibantu_apbd'],
    registryRows,
  );

  // Recipients per kecamatan and program, as a share of the registry.
  const share: Record<string, [unit: 'keluarga' | 'jiwa', lo: number, hi: number]> = {
    pkh: ['keluarga', 0.22, 0.3],
    sembako: ['keluarga', 0.38, 0.48],
    'pbi-jk': ['jiwa', 0.55, 0.75],
    'blt-dd': ['keluarga', 0.03, 0.07],
    'bansos-daerah': ['keluarga', 0.05, 0.09],
  };
  const cakupanRows: (string | number)[][] = [];
  const recipients = new Map<string, number>();
  for (const y of YEARS)
    for (const k of tree.kecamatan)
      for (const [prog, [unit, lo, hi]] of Object.entries(share)) {
        const reg = k.desa.reduce((s, d) => s + registry.get(`${y}|${d.code}`)![unit], 0);
        const n = Math.round(reg * r.between(lo, hi) * (prog === 'pbi-jk' ? 1 + 0.03 * (y - 2020) : 1));
        recipients.set(`${y}|${prog}`, (recipients.get(`${y}|${prog}`) ?? 0) + n);
        cakupanRows.push([y, 'tahunan', k.code, prog, n]);
      }
  files['cakupan.csv'] = excelCsv(['tahun', 'periode', 'kode_wilayah', 'program', 'penerima'], cakupanRows);

  // Budget by program, year and funding source; output in each program's unit.
  const perUnit: Record<string, [source: string, rupiah: number, unit: string]> = {
    pkh: ['APBN', 3_000_000, 'KPM'],
    sembako: ['APBN', 2_400_000, 'KPM'],
    'pbi-jk': ['APBN', 504_000, 'jiwa'],
    'blt-dd': ['Dana Desa', 3_600_000, 'KPM'],
    'bansos-daerah': ['APBD', 1_200_000, 'KPM'],
  };
  const anggaranRows: (string | number | undefined)[][] = [];
  for (const y of YEARS) {
    for (const [prog, [source, cost, unit]] of Object.entries(perUnit)) {
      const target = Math.round(recipients.get(`${y}|${prog}`)! * r.between(1.0, 1.06));
      const done = recipients.get(`${y}|${prog}`)!;
      const pagu = Math.round((target * cost) / 1e6) * 1e6;
      anggaranRows.push([
        y,
        prog,
        source,
        pagu,
        Math.round((pagu * r.between(0.86, 0.995)) / 1e3) * 1e3,
        target,
        Math.min(done, target),
        unit,
      ]);
    }
    // PBI-JK top-up from APBD (Jamkesda integration) and RTLH from APBD.
    const pbiDaerah = Math.round(recipients.get(`${y}|pbi-jk`)! * r.between(0.08, 0.14));
    const pbiPagu = Math.round((pbiDaerah * 504_000) / 1e6) * 1e6;
    anggaranRows.push([
      y,
      'pbi-jk',
      'APBD',
      pbiPagu,
      Math.round((pbiPagu * r.between(0.9, 0.99)) / 1e3) * 1e3,
      pbiDaerah,
      pbiDaerah - r.int(0, 50),
      'jiwa',
    ]);
    const units = a.rtlh?.[0] === y ? a.rtlh[1] : r.int(4, 12) * tree.kecamatan.length;
    const rtlhPagu = units * 20_000_000;
    anggaranRows.push([
      y,
      'rtlh',
      'APBD',
      rtlhPagu,
      Math.round((rtlhPagu * r.between(0.8, 0.98)) / 1e3) * 1e3,
      units,
      Math.round(units * r.between(0.8, 0.98)),
      'unit rumah',
    ]);
  }
  files['anggaran.csv'] = excelCsv(
    ['tahun', 'program', 'sumber_dana', 'pagu', 'realisasi', 'target_output', 'capaian_output', 'satuan_output'],
    anggaranRows,
  );

  // Verification and graduation per kecamatan.
  const vervalRows: (string | number)[][] = [];
  // Each kecamatan keeps its own pace of verification from year to year (±15%), as an office's teams do.
  const pace = new Map(
    tree.kecamatan.map((k) => [
      k.code,
      [r.between(0.1, 0.25), r.between(0.04, 0.1), r.between(0.06, 0.14), r.between(0.01, 0.04)] as const,
    ]),
  );
  for (const y of YEARS)
    for (const k of tree.kecamatan) {
      const reg = k.desa.reduce((s, d) => s + registry.get(`${y}|${d.code}`)!.keluarga, 0);
      const [c, del, add, grad] = pace.get(k.code)!;
      const wiggle = () => r.between(0.85, 1.15);
      const checked = Math.round(reg * c * wiggle());
      vervalRows.push([
        y,
        k.code,
        checked,
        Math.round(checked * del * wiggle()),
        Math.round(checked * add * wiggle()),
        Math.round(checked * grad * wiggle()),
      ]);
    }
  files['verval.csv'] = excelCsv(['tahun', 'kode_wilayah', 'diperiksa', 'dihapus', 'ditambah', 'graduasi'], vervalRows);

  // Puskesos: one per kecamatan, plus a few desa ones. Phone numbers are visibly fake.
  const puskesosRows: string[][] = [];
  tree.kecamatan.forEach((k, i) => {
    puskesosRows.push([
      k.code,
      `Puskesos Kecamatan ${k.name}`,
      `Kantor Kecamatan ${k.name} (alamat contoh)`,
      `0800-0000-${String(i + 1).padStart(4, '0')} (contoh)`,
      'Senin–Jumat 08.00–15.00',
    ]);
    if (i % 4 === 0 && k.desa[0])
      puskesosRows.push([
        k.desa[0].code,
        `Puskesos Desa ${k.desa[0].name}`,
        `Balai Desa ${k.desa[0].name} (alamat contoh)`,
        `0800-0001-${String(i + 1).padStart(4, '0')} (contoh)`,
        'Senin–Kamis 08.00–12.00',
      ]);
  });
  files['puskesos.csv'] = excelCsv(['kode_wilayah', 'nama', 'alamat', 'telepon', 'jam_layanan'], puskesosRows);
  // Dapil: its own DPRD's, and the province DPRD's inside it (a province portal has those in its own folder).
  const dapilCsv = sampleDapil(tree, { province: o.provinceDapil !== false, kabupaten: true }, excelCsv);
  if (dapilCsv) files['dapil.csv'] = dapilCsv;

  files['portal.json'] = samplePortal(
    tree.code,
    tree.name,
    `${tree.name}, ${tree.province}`,
    shortName.toLowerCase().replace(/[^a-z0-9]+/g, '-'),
    {
      whatsapp: '0800-0000-0001 (contoh)',
    },
  );

  const programDir = path.join(import.meta.dirname, 'sample', 'program');
  for (const f of (await readdir(programDir)).sort()) files[`program/${f}`] = await readFile(path.join(programDir, f), 'utf8');
  // DTSEN desil, targeting, deprivations and the complaint path: a random stream of their own.
  const rd = rng(hash(`${region}:dtsen`) ^ seed);
  const latest = YEARS.at(-1)!;
  const kecTotal = tree.kecamatan.reduce((s, k) => s + kecWeight(k.code), 0);
  Object.assign(
    files,
    generateDtsen({
      tree,
      rng: rd,
      households: new Map(tree.kecamatan.map((k) => [k.code, Math.round(((population / 3.5) * kecWeight(k.code)) / kecTotal)])),
      povertyRate: poverty.at(-1)![1] as number,
      recipients: new Map(cakupanRows.filter((x) => x[0] === latest).map((x) => [`${x[2]}|${x[3]}`, x[4] as number])),
      checked: new Map(vervalRows.filter((x) => x[0] === latest).map((x) => [x[1] as string, x[2] as number])),
      limits: { pkh: 4, sembako: 5, 'pbi-jk': 5 },
      units: { pkh: 'keluarga', sembako: 'keluarga', 'pbi-jk': 'jiwa' },
      apportion,
      csv: excelCsv,
    }),
  );
  files['private/penerima-sintetis.csv'] = syntheticRecipients(tree, r, rd);
  if (o.archives !== false) Object.assign(files, await releaseArchives(files));
  files['README.md'] =
    `# Data contoh — bukan data resmi\n\nSemua angka di folder ini **sintetis**, dibuat oleh \`npm run sample -- --region ${tree.code}\` untuk ${tree.name} (${tree.kecamatan.length} kecamatan, ${desaAll.length} desa/kelurahan). Nama dan kode wilayah nyata (idn-area-data 4.0.1, ODbL); angka-angkanya tidak.\n\nGanti berkas-berkas ini dengan data resmi Dinas Sosial, lalu ubah \`data_contoh\` di \`portal.json\` menjadi \`false\`.\n`;
  return files;
}

/** A sample's portal.json: its office at a reserved example domain, the release, the sources, marked as sample data. */
function samplePortal(
  code: string,
  name: string,
  where: string,
  slug: string,
  contact: { whatsapp?: string },
  sources: { nama: string }[] = [],
): string {
  const portal = {
    kode_kabupaten: code,
    instansi: {
      nama: `Dinas Sosial ${name}`,
      alamat: `Alamat contoh — ${where}`,
      telepon: '0800-0000-0000 (contoh)',
      ...contact,
      // A reserved example domain (RFC 2606): the sample has absolute links, a sitemap and share cards, and points nowhere real.
      situs: `https://dinsos-${slug}.example/`,
      email: `info@dinsos-${slug}.example`,
    },
    rilis: RELEASE,
    sumber: [
      { nama: `Data contoh sintetis dibuat oleh "npm run sample -- --region ${code}" (bukan data resmi)` },
      ...sources,
      {
        nama: 'Struktur wilayah: idn-area-data 4.0.1 (Kepmendagri 300.2.2-2138/2025), ODbL',
        url: 'https://github.com/fityannugroho/idn-area-data',
      },
    ],
    lisensi: {
      id: 'CC-BY-4.0',
      nama: 'Creative Commons Atribusi 4.0 Internasional',
      url: 'https://creativecommons.org/licenses/by/4.0/deed.id',
    },
    data_contoh: true,
  };
  return `${JSON.stringify(portal, null, 2)}\n`;
}

/** Province poverty figures published by BPS DIY (../shared/DOMAIN.md): rate, poor people, poverty line. */
const PROVINCE_REAL: Record<string, { rows: Record<number, [number, number, number]>; source: (y: number) => string }> = {
  '34': {
    rows: { 2023: [11.04, 448_470, 573_022], 2024: [10.83, 445_550, 602_437] },
    source: (y) =>
      `BPS Provinsi DIY, Berita Resmi Statistik ${y === 2023 ? '17 Juli 2023' : '1 Juli 2024'} (Susenas Maret ${y}; angka resmi)`,
  },
};

/**
 * A province's sample, as a provincial Dinas Sosial receives data: one folder
 * per kabupaten/kota (each exactly the folder `npm run sample` makes for it,
 * without its programs and releases, which are the province's; its synthetic
 * raw list stays in its private/ folder, to seal for the province's lookup)
 * and the province's own files at the top: portal.json, its programs, its
 * poverty series (BPS's published figures where DOMAIN.md has them, each row
 * with its source; the other years synthetic and marked).
 */
export async function generateProvinceSample(region: string, seed = 1): Promise<Record<string, string>> {
  const tree = await loadPortalTree(region);
  if (!tree?.kabupaten) throw new Error(`${await notAKabupaten(region)}.`);
  const files: Record<string, string> = {};
  // Each year's poor people and population, summed over the kabupaten/kota series (population = poor ÷ rate).
  const poor = new Map<number, number>();
  const pop = new Map<number, number>();
  for (const k of tree.kabupaten) {
    const folder = `${k.code}-${slugOf(k.name)}`;
    for (const [f, content] of Object.entries(await generateSample(k.code, seed, { archives: false, provinceDapil: false })))
      if (!/^(program|rilis)\//.test(f) && f !== 'README.md') files[`${folder}/${f}`] = content;
    for (const line of files[`${folder}/kemiskinan.csv`]!.split('\r\n').slice(1, -1)) {
      const [y, rate, n] = line.split(';').map((x) => Number(x.replace(',', '.')));
      poor.set(y!, (poor.get(y!) ?? 0) + n!);
      pop.set(y!, (pop.get(y!) ?? 0) + (n! * 100) / rate!);
    }
  }
  const real = PROVINCE_REAL[region];
  const rows = YEARS.map((y) => {
    const r = real?.rows[y];
    if (r) return [y, r[0], r[1], r[2], undefined, real!.source(y)];
    const n = poor.get(y)!;
    return [
      y,
      Math.round((n / pop.get(y)!) * 10_000) / 100,
      n,
      Math.round(573_022 * 1.05 ** (y - 2023)),
      undefined,
      `Data contoh (sintetis) — format BPS ${tree.name}, Susenas Maret ${y}`,
    ];
  });
  files['kemiskinan.csv'] = excelCsv(
    ['tahun', 'persen_miskin', 'jumlah_miskin', 'garis_kemiskinan', 'persen_miskin_ekstrem', 'sumber'],
    rows as never,
  );
  const dapilCsv = sampleDapil(tree, { province: true, kabupaten: false }, excelCsv);
  if (dapilCsv) files['dapil.csv'] = dapilCsv;
  const programDir = path.join(import.meta.dirname, 'sample', 'program');
  for (const f of (await readdir(programDir)).sort()) files[`program/${f}`] = await readFile(path.join(programDir, f), 'utf8');
  const slug = slugOf(tree.name);
  files['portal.json'] = samplePortal(tree.code, tree.name, tree.name, slug, {}, [
    ...(real ? [{ nama: 'Angka kemiskinan yang bersumber "angka resmi" di kemiskinan.csv: BPS (Susenas Maret)' }] : []),
  ]);
  files['README.md'] =
    `# Data contoh — bukan data resmi\n\nPortal provinsi ${tree.name}: ${tree.kabupaten.length} kabupaten/kota, ${tree.kecamatan.length} kecamatan, ${tree.kecamatan.reduce((n, k) => n + k.desa.length, 0)} desa/kelurahan, dibuat oleh \`npm run sample -- --region ${tree.code}\`. Satu folder per kabupaten/kota (folder yang sama dengan yang dibuat \`npm run sample\` untuk kabupaten/kota itu) dan berkas provinsi di sini.\n\nSemua angka **sintetis**, kecuali angka kemiskinan BPS yang kolom \`sumber\`-nya menyebut "angka resmi". Nama dan kode wilayah nyata (idn-area-data 4.0.1, ODbL).\n`;
  return files;
}

/** A kabupaten/kota code makes a kabupaten sample; a province code a province sample. */
export const generateAny = (region: string, seed = 1): Promise<Record<string, string>> =>
  /^\d{2}$/.test(region) ? generateProvinceSample(region, seed) : generateSample(region, seed);

/** The published files of a data folder, as the build would write them under data/ (protected jointly with `earlier` archives). */
async function published(files: Record<string, string>, earlier: Record<string, string> = {}): Promise<Record<string, string>> {
  const { data, problems } = await loadPortal(
    memoryIO({
      ...Object.fromEntries(Object.entries(files).filter(([k]) => !k.startsWith('private/') && !k.startsWith('rilis/'))),
      ...earlier,
    }),
  );
  if (!data) throw new Error(problems.map((p) => formatProblem(p, 'id')).join('\n'));
  return Object.fromEntries(
    buildDownloads(data, buildModel(data))
      .files.filter((f) => f.path.startsWith('data/'))
      .map((f) => [f.path.slice(5), textOf(f.content)]),
  );
}

/**
 * Archived releases, as an office would have them after two releases: the
 * previous one (2025-1: data up to 2024, before a few 2024 PMKS counts were
 * revised) and the current one, so the "Perubahan data" page has something
 * to compare.
 */
async function releaseArchives(files: Record<string, string>): Promise<Record<string, string>> {
  const last = YEARS.at(-1)!;
  const previous: Record<string, string> = {};
  for (const [k, v] of Object.entries(files)) {
    if (k === 'portal.json')
      previous[k] = v
        .replace(`"label": "${RELEASE.label}"`, '"label": "2025-1"')
        .replace(`"tanggal": "${RELEASE.tanggal}"`, '"tanggal": "2025-03-31"');
    else if (k.endsWith('.csv') && !k.startsWith('private/')) {
      let n = 0;
      previous[k] = v
        .split('\r\n')
        .filter((line) => !line.startsWith(`${last};`))
        .map((line) => {
          // The 2025-1 release had slightly different 2024 PMKS counts, revised since.
          if (k === 'pmks.csv' && line.startsWith(`${last - 1};`) && n++ % 9 === 0)
            return line.replace(/;(\d+)$/, (_, x: string) => `;${Math.max(0, Number(x) - 1)}`);
          return line;
        })
        .join('\r\n');
      // A dataset that only has the newest year did not exist in the earlier release.
      if (previous[k].split('\r\n').filter((line) => line.trim() !== '').length < 2) delete previous[k];
    } else previous[k] = v;
  }
  const out: Record<string, string> = {};
  for (const [label, f] of [
    ['2025-1', previous],
    [RELEASE.label, files],
  ] as const) {
    for (const [name, content] of Object.entries(await published(f, { ...out }))) out[`rilis/${label}/${name}`] = content;
  }
  return out;
}

/**
 * A small synthetic raw recipient list (NIK, Nomor KK, program, status,
 * periode) for trying `npm run hash` and the aid lookup. Every NIK and KK is
 * made up; serials start at 9001 to stay clear of real registrations, which
 * count up from 0001.
 */
export function syntheticRecipients(tree: RegionTree, r: ReturnType<typeof rng>, rd: ReturnType<typeof rng>): string {
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  const region = (kec: string) => kec.replace(/\./g, '');
  const rows: string[][] = [];
  let serial = 9001;
  // Made-up names, marked as such, so tests can prove no name reaches the site.
  const given = ['Sri', 'Budi', 'Siti', 'Agus', 'Dewi', 'Eko', 'Rina', 'Joko', 'Wati', 'Hadi'];
  const name = (i: number) => `${given[i % given.length]} Sintetis ${String(i).padStart(4, '0')}`;
  const households = Math.min(160, tree.kecamatan.length * 10);
  for (let h = 0; h < households; h++) {
    const kec = tree.kecamatan[h % tree.kecamatan.length]!;
    const kk = `${region(kec.code)}${pad(r.int(1, 28))}${pad(r.int(1, 12))}${pad(r.int(5, 25))}${pad(serial++ % 10000, 4)}`;
    const size = r.int(1, 5);
    const members: string[] = [];
    for (let m = 0; m < size; m++) {
      const female = m === 1 || (m > 1 && r.next() < 0.5);
      const year = m < 2 ? r.int(55, 99) : r.int(5, 22);
      const home = h === 7 && m === 0 ? '330201' : region(kec.code); // one head registered elsewhere: people move
      members.push(`${home}${pad(r.int(1, 28) + (female ? 40 : 0))}${pad(r.int(1, 12))}${pad(year)}${pad(serial++ % 10000, 4)}`);
    }
    const status = () => {
      const x = r.next();
      return x < 0.85 ? 'aktif' : x < 0.9 ? 'ditangguhkan' : x < 0.97 ? 'dihentikan' : 'usulan';
    };
    const household: string[] = [];
    if (r.next() < 0.35) household.push('pkh');
    if (r.next() < 0.55) household.push('sembako');
    if (r.next() < 0.06) household.push('blt-dd');
    if (!household.length && r.next() < 0.5) household.push('bansos-daerah');
    const desil = syntheticDesil(rd, household);
    for (const prog of household) rows.push([members[0]!, kk, name(h * 10), prog, status(), '2026 tahap 1', desil]);
    members.forEach((nik, m) => {
      if (r.next() < 0.6 || !household.length) rows.push([nik, kk, name(h * 10 + m), 'pbi-jk', status(), 'Januari–Maret 2026', desil]);
    });
  }
  return `nik,nomor_kk,nama,program,status,periode,desil\r\n${rows.map((x) => x.join(',')).join('\r\n')}\r\n`;
}

/**
 * The files of a sample folder that are not exactly what the generator makes
 * for its region (and this seed): edited, added (a release a build archived,
 * an operator's own file) or left over. The raw list in private/ and the
 * hashed lookup list are the operator's and are kept, so they do not count.
 */
export async function notMadeBySample(dir: string, seed: number, en: boolean): Promise<string[]> {
  let region: string;
  try {
    region = JSON.parse(await readFile(path.join(dir, 'portal.json'), 'utf8')).kode_kabupaten;
  } catch {
    return ['portal.json'];
  }
  const expected = await generateAny(region, seed).catch(() => ({}) as Record<string, string>);
  const found = (await readdir(dir, { recursive: true, withFileTypes: true }))
    .filter((d) => d.isFile())
    .map((d) => path.relative(dir, path.join(d.parentPath, d.name)).split(path.sep).join('/'))
    .filter((f) => !f.startsWith('private/') && !f.startsWith('penerima'));
  const out: string[] = [];
  for (const f of found.sort()) {
    if (!(f in expected)) out.push(f);
    else if ((await readFile(path.join(dir, f), 'utf8')) !== expected[f]) out.push(`${f} (${en ? 'changed' : 'diubah'})`);
  }
  // Group an archived release's files under its folder.
  return [...new Set(out.map((f) => (/^rilis\/[^/]+\//.test(f) && !(f in expected) ? `${f.split('/').slice(0, 2).join('/')}/` : f)))];
}

/** A folder this generator made: its README says so and its portal.json is marked as sample data. */
export async function madeBySample(dir: string): Promise<boolean> {
  try {
    const readme = await readFile(path.join(dir, 'README.md'), 'utf8');
    const portal = JSON.parse(await readFile(path.join(dir, 'portal.json'), 'utf8'));
    return readme.startsWith('# Data contoh — bukan data resmi') && portal.data_contoh === true;
  } catch {
    return false;
  }
}

if (import.meta.main) {
  await runCli(async () => {
    const { values } = parseArgs({
      options: {
        region: { type: 'string', default: '34.02' },
        out: { type: 'string', default: 'data' },
        seed: { type: 'string', default: '1' },
      },
    });
    const out = path.resolve(values.out!);
    const en = cliLang() === 'en';
    const kind = await stat(out).catch(() => undefined);
    if (kind && !kind.isDirectory()) {
      console.error(
        en
          ? `ERROR: ${out} is a file, not a folder; nothing was changed. Give --out a folder, e.g. --out data-sample.`
          : `GALAT: ${out} adalah berkas, bukan folder; tidak ada yang diubah. Beri --out sebuah folder, mis. --out data-contoh.`,
      );
      return 1;
    }
    // Never replace a folder this command did not make (`--out .` once deleted a whole project).
    const existing = await readdir(out).catch(() => null);
    if (existing && existing.length > 0 && !(await madeBySample(out))) {
      console.error(
        en
          ? `ERROR: ${out} is not empty and was not made by npm run sample; nothing was changed. Choose an empty or new folder, e.g. --out data-sample.`
          : `GALAT: ${out} tidak kosong dan bukan buatan npm run sample; tidak ada yang diubah. Pilih folder kosong atau baru, mis. --out data-contoh.`,
      );
      return 1;
    }
    let files: Record<string, string>;
    try {
      files = await generateAny(values.region!, Number(values.seed));
    } catch (e) {
      console.error(`GALAT: ${(e as Error).message}`);
      return 1;
    }
    // A sample folder someone has worked in (a release a build archived, an edited CSV, a file of their own)
    // is theirs now: every file must be exactly what this command made, or nothing is replaced.
    if (existing && existing.length > 0) {
      const own = await notMadeBySample(out, Number(values.seed), en);
      if (own.length) {
        const list = own.slice(0, 12).join(', ') + (own.length > 12 ? ` (+${own.length - 12})` : '');
        console.error(
          en
            ? `ERROR: ${out} holds files npm run sample did not make, or made differently: ${list}. Nothing was changed. Move them away (or keep them and write the sample elsewhere: --out data-sample).`
            : `GALAT: ${out} memuat berkas yang tidak dibuat npm run sample, atau sudah diubah: ${list}. Tidak ada yang diubah. Pindahkan berkas itu (atau simpan dan tulis contoh ke folder lain: --out data-contoh).`,
        );
        return 1;
      }
    }
    // Write beside the target, then swap, so a failure never leaves half a folder. data/private/ is kept.
    const tmp = `${out}.tmp-${process.pid}`;
    const old = `${out}.old-${process.pid}`;
    await rm(tmp, { recursive: true, force: true });
    for (const [rel, content] of Object.entries(files)) {
      await mkdir(path.dirname(path.join(tmp, rel)), { recursive: true });
      await writeFile(path.join(tmp, rel), content);
    }
    if (existing) {
      // Keep the operator's own private files and hashed list; refresh only the synthetic list.
      for (const keep of ['penerima.csv', 'penerima-kdf.json']) {
        try {
          await rename(path.join(out, keep), path.join(tmp, keep));
        } catch {
          /* none */
        }
      }
      try {
        for (const f of await readdir(path.join(out, 'private')))
          if (!(`private/${f}` in files)) await rename(path.join(out, 'private', f), path.join(tmp, 'private', f));
      } catch {
        /* no private folder */
      }
      await rename(out, old);
    }
    await rename(tmp, out);
    await rm(old, { recursive: true, force: true });
    console.log(
      en
        ? `Sample data for ${values.region} written to ${path.relative(process.cwd(), out) || '.'}/ (${Object.keys(files).length} files).`
        : `Data contoh untuk ${values.region} ditulis ke ${path.relative(process.cwd(), out) || '.'}/ (${Object.keys(files).length} berkas).`,
    );
    return 0;
  });
}
