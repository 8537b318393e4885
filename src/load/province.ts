/**
 * A province portal's input, the way a provincial Dinas Sosial receives it:
 * one folder per kabupaten/kota (`34.01-kulon-progo/`, the same folder or
 * workbook a kabupaten portal reads, so a kabupaten running Terang hands over
 * its own), beside the province's own files at the top (its poverty series,
 * its budget, or one combined file with codes at any level). Each folder is
 * checked as a kabupaten portal checks it, every problem naming the folder;
 * area-coded rows are then merged into one province table, and what has no
 * area code (a poverty series, a budget) stays with its kabupaten/kota.
 */
import { kabupatenOf, type RegionTree, subtree } from '../domain/regions.ts';
import { type DataCheckSettings, settingsOf } from './config.ts';
import { DATASETS } from './datasets/index.ts';
import type { LoadContext } from './dataset.ts';
import { type DataIO, subIO } from './io.ts';
import { contextFor, loadDatasets, type PortalData, relocate } from './portal.ts';
import { t, type Problem } from './problems.ts';
import { RULES } from './rules/index.ts';
import { provinceDapilCheck } from './rules/dapil.ts';
import { portalSchema, type PortalConfig } from './schema/portal.ts';
import type { Program } from './schema/program.ts';

/** The datasets without an area code: each kabupaten/kota's own, never summed into the province's. */
const UNCODED = new Set(['kemiskinan', 'anggaran']);

export interface KabupatenPart {
  code: string;
  name: string;
  /** The folder it came from, e.g. `34.01-kulon-progo`. */
  folder: string;
  /** Its Dinas Sosial, from the folder's own portal.json when it has one (named by the lookup's answers). */
  instansi?: PortalConfig['instansi'];
  kemiskinan: PortalData['kemiskinan'];
  anggaran: PortalData['anggaran'];
  /** The area-coded datasets, merged into the province's tables by `mergeParts`. */
  tables: Record<string, unknown[]>;
}

/** The kabupaten/kota a folder of a province's data folder is named by (`34.01-kulon-progo`, `34.01`), or undefined. */
export const folderCode = (name: string): string | undefined => /^(\d{2}\.\d{2})(?:[ _-].*)?$/.exec(name)?.[1];

export async function loadParts(
  io: DataIO,
  tree: RegionTree,
  settings: DataCheckSettings,
  config: PortalConfig | undefined,
  programs: Program[],
  regencies: Map<string, string>,
  own: Record<string, unknown[]>,
  problems: Problem[],
): Promise<{ parts: KabupatenPart[]; folders: string[]; missing: string[] }> {
  const parts: KabupatenPart[] = [];
  const folders: string[] = [];
  const seen = new Map<string, string>();
  // The province DPRD's dapil: the top folder's first, then each kabupaten/kota folder's against them.
  const provinceDapil = provinceDapilCheck();
  provinceDapil((own.dapil ?? []) as never, tree, 'dapil.csv', 'dapil.csv', () => undefined);
  for (const entry of await io.list('.')) {
    const code = folderCode(entry);
    if (!code || !(await io.list(entry)).length) continue;
    folders.push(entry);
    const sub = subtree(tree, code);
    if (!sub || sub === tree) {
      problems.push({
        level: 'error',
        kind: 'foreign_region',
        file: `${entry}/`,
        value: entry,
        expected: t(
          `folder kabupaten/kota di ${tree.name}, dinamai dengan kodenya: ${tree.kabupaten!.map((k) => `${k.code} (${k.name})`).join(', ')}; ${code} ${regencies.get(code) ? `adalah ${regencies.get(code)}` : 'tidak ada'}`,
          `a kabupaten/kota folder of ${tree.name}, named by its code: ${tree.kabupaten!.map((k) => `${k.code} (${k.name})`).join(', ')}; ${code} ${regencies.get(code) ? `is ${regencies.get(code)}` : 'does not exist'}`,
        ),
      });
      continue;
    }
    if (seen.has(code)) {
      problems.push({
        level: 'error',
        kind: 'duplicate_dataset',
        file: `${entry}/`,
        value: `${seen.get(code)}/ dan ${entry}/`,
        expected: t(
          `satu folder untuk ${sub.name}: hapus atau gabungkan ${seen.get(code)}/ dan ${entry}/`,
          `one folder for ${sub.name}: remove or merge ${seen.get(code)}/ and ${entry}/`,
        ),
      });
      continue;
    }
    seen.set(code, entry);
    const subIo = subIO(io, entry);
    // The folder's own portal.json (a kabupaten running Terang has one) gives its office and its number format.
    let itsPortal: { settings?: DataCheckSettings; instansi?: PortalConfig['instansi'] } = {};
    const pj = await subIo.read('portal.json');
    if (pj)
      try {
        const json = JSON.parse(new TextDecoder().decode(pj).replace(/^\uFEFF/, '')) as Record<string, unknown>;
        const inst = portalSchema.shape.instansi.safeParse(json.instansi);
        itsPortal = { settings: settingsOf(json), ...(inst.success ? { instansi: inst.data } : {}) };
      } catch {
        /* a broken portal.json of a kabupaten is not the province's: its office is then unnamed */
      }
    const subSettings: DataCheckSettings = {
      ...settings,
      ...(itsPortal.settings
        ? { format_angka: itsPortal.settings.format_angka, format_angka_berkas: itsPortal.settings.format_angka_berkas }
        : {}),
    };
    const found: Problem[] = [];
    const origins = new Map<string, { file: string; sheet: string }>();
    const ctx: (file: string) => LoadContext = contextFor(sub, subSettings, programs, regencies);
    // Required data may also come as this kabupaten's rows in a combined file at the top (checked below).
    const { tables, layout } = await loadDatasets(subIo, ctx, origins, found, false);
    if (config && !found.some((p) => p.level === 'error'))
      for (const rule of RULES)
        found.push(...rule({ ...(tables as unknown as Parameters<typeof rule>[0]), config, tree: sub, programs, layout }));
    if (tables.dapil?.length)
      found.push(
        ...provinceDapil(tables.dapil as never, sub, 'dapil.csv', `${entry}/dapil.csv`, (f) => {
          const i = layout['dapil.csv']?.index(f) ?? -1;
          return i >= 0 ? i + 1 : undefined;
        }),
      );
    problems.push(...relocate(found, origins).map((p) => ({ ...p, file: `${entry}/${p.file}` })));
    parts.push({
      code,
      name: sub.name,
      folder: entry,
      ...(itsPortal.instansi ? { instansi: itsPortal.instansi } : {}),
      kemiskinan: tables.kemiskinan as PortalData['kemiskinan'],
      anggaran: tables.anggaran as PortalData['anggaran'],
      tables: Object.fromEntries(Object.entries(tables).filter(([k]) => !UNCODED.has(k))),
    });
  }
  /** A kabupaten/kota's rows of one dataset in the province's combined file at the top. */
  const topRows = (name: string, code: string) =>
    UNCODED.has(name) ? [] : (own[name] as { kode_wilayah: string; _line: number }[]).filter((r) => kabupatenOf(r.kode_wilayah) === code);
  for (const p of parts)
    for (const ds of DATASETS) {
      const top = topRows(ds.name, p.code);
      const here = UNCODED.has(ds.name) ? p[ds.name as 'kemiskinan' | 'anggaran'] : (p.tables[ds.name] ?? []);
      // The same kabupaten/kota's rows in a combined file at the top and in its folder would be counted twice
      // (dapil are groupings, not counts: the province's DPRD dapil at the top, a kabupaten's DPRD dapil in its folder).
      if (here.length && top.length && ds.name !== 'dapil')
        problems.push({
          level: 'error',
          kind: 'duplicate_dataset',
          file: ds.file,
          line: top[0]!._line,
          value: `${ds.file} (${top.length} baris ${p.code}) dan ${p.folder}/${ds.file}`,
          expected: t(
            `data ${p.name} satu kali saja: di ${p.folder}/ atau di ${ds.file} folder provinsi, tidak di keduanya`,
            `the data of ${p.name} once only: in ${p.folder}/ or in the province folder's ${ds.file}, not both`,
          ),
        });
      // Each folder has every required dataset, in its folder or as its rows in the province's combined file.
      if (ds.required && !here.length && !top.length)
        problems.push({
          level: 'error',
          kind: 'missing_file',
          file: `${p.folder}/${ds.file}`,
          expected: UNCODED.has(ds.name)
            ? t(
                `berkas ${ds.file} (${ds.title.id}) ${p.name} di folder ${p.folder}/, atau lembar kerja "${ds.name}" di data.xlsx-nya`,
                `the file ${ds.file} (${ds.title.en}) of ${p.name} in its folder ${p.folder}/, or a worksheet "${ds.name}" in its data.xlsx`,
              )
            : t(
                `berkas ${ds.file} (${ds.title.id}) di folder ${p.folder}/, atau baris ${p.name} (kode ${p.code}.…) di ${ds.file} folder provinsi`,
                `the file ${ds.file} (${ds.title.en}) in the folder ${p.folder}/, or the rows of ${p.name} (codes ${p.code}.…) in the province folder's ${ds.file}`,
              ),
        });
    }
  // The province's own poverty series, and each required dataset from somewhere (a folder or the combined file).
  for (const ds of DATASETS.filter((d) => d.required && (d.name === 'kemiskinan' || !UNCODED.has(d.name))))
    if (!own[ds.name]?.length && !parts.some((p) => p.tables[ds.name]?.length))
      problems.push({
        level: 'error',
        kind: 'missing_file',
        file: ds.file,
        expected:
          ds.name === 'kemiskinan'
            ? t(
                `berkas ${ds.file} provinsi (${ds.title.id} ${tree.name}) di folder data provinsi`,
                `the province's ${ds.file} (${ds.title.en} of ${tree.name}) in the province data folder`,
              )
            : t(
                `berkas ${ds.file} (${ds.title.id}) di folder setiap kabupaten/kota, atau satu ${ds.file} gabungan di folder provinsi`,
                `the file ${ds.file} (${ds.title.en}) in each kabupaten/kota folder, or one combined ${ds.file} in the province folder`,
              ),
      });
  // A kabupaten/kota nobody sent is said, and its pages say "not yet received" (never a zero).
  const covered = new Set(parts.map((p) => p.code));
  for (const ds of DATASETS)
    if (!UNCODED.has(ds.name) && ds.name !== 'dapil')
      for (const r of own[ds.name] as { kode_wilayah: string }[]) covered.add(kabupatenOf(r.kode_wilayah));
  const missing = tree.kabupaten!.filter((k) => !covered.has(k.code)).map((k) => k.code);
  for (const code of missing) {
    const name = tree.kabupaten!.find((k) => k.code === code)!.name;
    problems.push({
      level: 'warning',
      kind: 'missing_file',
      file: `${code}-…/`,
      value: name,
      expected: t(
        `folder data ${name} (dinamai ${code}-${slugOf(name)}/) atau barisnya di berkas provinsi; tanpa itu halamannya menyatakan data belum diterima`,
        `a data folder for ${name} (named ${code}-${slugOf(name)}/) or its rows in the province's files; without it its page says no data was received`,
      ),
    });
  }
  return { parts, folders, missing };
}

/** "Kabupaten Kulon Progo" → "kulon-progo" (folder names in messages and in the sample). */
export const slugOf = (name: string): string =>
  name
    .replace(/^(Kabupaten|Kota)\s+/i, (m) => (/^kota/i.test(m) ? 'kota-' : ''))
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

/** The province's tables: its own area-coded rows and every kabupaten/kota folder's; the uncoded ones stay its own. */
export function mergeParts<T extends Record<string, unknown>>(own: T, parts: readonly KabupatenPart[]): T {
  const out: Record<string, unknown> = { ...own };
  for (const ds of DATASETS)
    if (!UNCODED.has(ds.name)) out[ds.name] = [...(own[ds.name] as unknown[]), ...parts.flatMap((p) => p.tables[ds.name] ?? [])];
  // A province DPRD dapil row given both at the top and in a kabupaten's folder (checked to agree) is one row.
  const seen = new Set<string>();
  out.dapil = (out.dapil as { lembaga: string; dapil: string; kode_wilayah: string }[]).filter((r) => {
    const key = `${r.lembaga}|${r.dapil.trim().toLowerCase()}|${r.kode_wilayah}`;
    return !seen.has(key) && !!seen.add(key);
  });
  return out as T;
}
