/**
 * Dapil (issue 23): dapil.csv checks on the mini fixture (Lebong); a dapil
 * whose sum would give a hidden kecamatan away gets a further suppression,
 * checked by the exact audit over the published sums; on the built Bantul
 * sample, a dapil page's figures against sums computed here from the input
 * CSV, the download's dapil table audited with the kecamatan table, and in
 * Chromium the page at 360 px, printed, and found by search.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Papa from 'papaparse';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { loadPortal } from '../src/load/portal.ts';
import { formatProblem } from '../src/load/problems.ts';
import { audit, type Cell, type Relation } from '../src/protect/disclosure.ts';
import { protectPortal } from '../src/protect/tables.ts';
import { isHidden } from '../src/protect/figure.ts';
import { geoArea } from 'd3-geo';
import { merge } from 'topojson-client';
import type { GeometryCollection } from 'topojson-specification';
import { importBoundaries } from '../scripts/geo/boundaries.ts';
import { groupDapil } from '../src/domain/dapil.ts';
import { loadRegionTree } from '../src/domain/regions.ts';
import { dapilMaps } from '../src/model/dapil-map.ts';
import { launchBrowser, searchResults, useSampleSite } from './browser.ts';
import { axe } from './e2e/axe.ts';
import { fixtureIO, ROOT } from './helpers.ts';

const HEAD = 'lembaga,dapil,kursi,kode_wilayah\n';
const load = async (dapil: string) => {
  const { data, problems } = await loadPortal(fixtureIO({ 'dapil.csv': HEAD + dapil }));
  return { data, problems, text: problems.map((p) => formatProblem(p, 'id')).join('\n') };
};
/** Lebong's twelve kecamatan in two DPRD Kabupaten dapil. */
const FULL = [
  ...['01', '02', '03', '04', '05', '06'].map((k) => `DPRD Kabupaten,Dapil 1,12,17.07.${k}`),
  ...['07', '08', '09', '10', '11', '12'].map((k) => `DPRD Kabupaten,Dapil 2,13,17.07.${k}`),
].join('\n');

describe('dapil.csv is checked like every other file', () => {
  it('a full composition loads; each dapil gets its council, seats, kecamatan and slug', async () => {
    const { data, problems } = await load(`${FULL}\nDPRD Provinsi,Dapil Bengkulu 5,6,17.07\n`);
    expect(problems.filter((p) => p.level === 'error')).toEqual([]);
    expect(data!.dapil).toHaveLength(13);
  });

  it('an unknown code, a kecamatan in two dapil of one council, different seats: errors naming file, line and the other row', async () => {
    const { data, text } = await load(
      `${FULL}\nDPRD Kabupaten,Dapil 2,13,17.07.01\nDPRD Kabupaten,Dapil 3,5,17.07.99\nDPRD Kabupaten,Dapil 1,11,17.07.99\n`,
    );
    expect(data).toBeUndefined();
    expect(text).toMatch(/GALAT dapil\.csv baris 16, kolom 4 \(kode_wilayah\).*17\.07\.99/);
    // The composition's own checks run once every row is valid on its own.
    const again = await load(`${FULL}\nDPRD Kabupaten,Dapil 2,13,17.07.01\n`);
    expect(again.data).toBeUndefined();
    expect(again.text).toMatch(
      /GALAT dapil\.csv baris 14, kolom 4 \(kode_wilayah\).*Lebong Utara \(17\.07\.01\) di satu dapil DPRD Kabupaten Lebong saja; sudah masuk Dapil 1 \(baris 2\)/,
    );
    const seats = await load(FULL.replace('Dapil 1,12,17.07.03', 'Dapil 1,11,17.07.03'));
    expect(seats.text).toMatch(/GALAT dapil\.csv baris 4, kolom 3 \(kursi\).*12 kursi seperti baris 2/);
  });

  it('a kecamatan in no dapil of its council is a warning that names it; a DPRD Kabupaten dapil of a whole kabupaten is an error', async () => {
    const gap = await load(FULL.split('\n').slice(0, -1).join('\n'));
    expect(gap.data).toBeDefined();
    expect(gap.text).toMatch(/PERINGATAN dapil\.csv baris 2.*Pinang Belapis \(17\.07\.12\)/);
    const whole = await load('DPRD Kabupaten,Dapil 1,25,17.07\n');
    expect(whole.data).toBeUndefined();
    expect(whole.text).toMatch(/GALAT dapil\.csv baris 2, kolom 4 \(kode_wilayah\).*kode kecamatan/);
  });
});

describe('disclosure control with dapil sums', () => {
  it('a dapil total that would give away a hidden kecamatan gets a further suppression; the exact audit of the published sums finds nothing', async () => {
    const { data } = await loadPortal(fixtureIO());
    const d = data!;
    const year = 2024;
    // One category, kecamatan rows only: Lebong Utara's 1 is hidden (k = 2), Lebong Atas (5) protects it in the kabupaten total.
    const values: Record<string, number> = { '17.07.01': 1, '17.07.02': 5 };
    for (const k of d.tree.kecamatan) values[k.code] ??= 40 + Number(k.code.slice(-2));
    const pmks = Object.entries(values).map(([kode_wilayah, jumlah], i) => ({
      tahun: year,
      kode_wilayah,
      kategori: '8',
      jumlah,
      _line: i + 2,
    }));
    // The dapil holds Lebong Utara but not Lebong Atas: its total minus its other kecamatan would be Lebong Utara.
    const members = ['17.07.01', '17.07.03', '17.07.04'];
    const dapil = members.map((kode_wilayah, i) => ({
      lembaga: 'DPRD Kabupaten' as const,
      dapil: 'Dapil X',
      kursi: 5,
      kode_wilayah,
      _line: i + 2,
    }));
    const opts = { k: d.config.ambang_k, sensitiveLevel: d.config.tingkat_sensitif };
    const without = protectPortal({ ...d, pmks, dapil: [] }, opts);
    const withDapil = protectPortal({ ...d, pmks, dapil }, opts);
    const shown = (p: typeof without) =>
      new Map(p.pmks.filter((c) => c.tahun === year && c.kategori === '*').map((c) => [c.wilayah, c.jumlah]));
    const hiddenKec = (p: typeof without) =>
      [...shown(p)]
        .filter(([w, v]) => w.length === 8 && isHidden(v))
        .map(([w]) => w)
        .sort();
    expect(hiddenKec(without)).toEqual(['17.07.01', '17.07.02']);
    expect(hiddenKec(withDapil).length + withDapil.dapil.filter((c) => isHidden(c.nilai)).length).toBeGreaterThan(2);
    // The audit, over what is published: kabupaten = Σ kecamatan, dapil = Σ its kecamatan.
    const s = shown(withDapil);
    const dapilCell = withDapil.dapil.find((c) => c.tahun === year && c.tabel === 'pmks' && c.kategori === '*')!;
    const cells: Cell[] = [...s].map(([id, v]) => ({ id, value: isHidden(v) ? Number.NaN : (v as number), small: id.length > 5 }));
    cells.push({ id: 'dapil', value: isHidden(dapilCell.nilai) ? Number.NaN : (dapilCell.nilai as number), small: true });
    const relations: Relation[] = [
      { total: '17.07', parts: d.tree.kecamatan.map((k) => k.code) },
      { total: 'dapil', parts: members },
    ];
    const hidden = new Set(cells.filter((c) => Number.isNaN(c.value)).map((c) => c.id));
    expect(audit(cells, relations, hidden)).toEqual([]);
    // And the same audit finds the leak had the dapil total been published next to the pattern without it.
    const naive = cells.map((c) =>
      c.id === 'dapil' ? { ...c, value: values['17.07.01']! + values['17.07.03']! + values['17.07.04']! } : c,
    );
    const naiveHidden = new Set(hiddenKec(without));
    const leak = audit(
      naive.map((c) =>
        naiveHidden.has(c.id) ? { ...c, value: Number.NaN } : { ...c, value: Number.isNaN(c.value) ? values[c.id]! : c.value },
      ),
      relations,
      naiveHidden,
    );
    expect(leak.length).toBeGreaterThan(0);
  });
});

const dist = inject('sampleDist');
const SHARED_GEO = path.resolve(ROOT, '..', 'shared', 'geo');
const csv = (rel: string, delimiter?: string) =>
  Papa.parse<Record<string, string>>(readFileSync(rel, 'utf8').replace(/^\uFEFF/, ''), {
    header: true,
    skipEmptyLines: true,
    ...(delimiter ? { delimiter } : {}),
  }).data;
const text = (rel: string) =>
  readFileSync(path.join(dist, rel), 'utf8')
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ');
const fmt = (n: number) => new Intl.NumberFormat('id-ID').format(n);

describe('the Bantul sample: dapil pages and downloads', () => {
  const composition = csv(path.join(ROOT, 'data', 'dapil.csv'), ';');
  const kecOf = (name: string) => composition.filter((r) => r.dapil === name).map((r) => r.kode_wilayah!);
  /** Latest-year PMKS over some kecamatan from the input alone (kecamatan rows where given, else their desa). */
  const pmksOver = (kecs: string[]) => {
    const rows = csv(path.join(ROOT, 'data', 'pmks.csv'), ';');
    const year = Math.max(...rows.map((r) => Number(r.tahun)));
    const given = new Map<string, number>();
    const desa = new Map<string, number>();
    for (const r of rows.filter((x) => Number(x.tahun) === year && kecs.includes(x.kode_wilayah!.slice(0, 8)))) {
      const key = `${r.kode_wilayah!.slice(0, 8)}|${r.kategori}`;
      if (r.kode_wilayah!.length === 8) given.set(key, Number(r.jumlah));
      else desa.set(key, (desa.get(key) ?? 0) + Number(r.jumlah));
    }
    let total = [...given.values()].reduce((a, b) => a + b, 0);
    for (const [k, v] of desa) if (!given.has(k)) total += v;
    return { year, total };
  };
  const registryOver = (kecs: string[]) => {
    const rows = csv(path.join(ROOT, 'data', 'registri.csv'), ';');
    const year = Math.max(...rows.map((r) => Number(r.tahun)));
    const kecRows = rows.filter((r) => Number(r.tahun) === year && r.kode_wilayah!.length === 8 && kecs.includes(r.kode_wilayah!));
    const byKec = new Map<string, number>();
    for (const r of kecRows) byKec.set(r.kode_wilayah!, Number(r.keluarga));
    for (const r of rows.filter(
      (x) => Number(x.tahun) === year && x.kode_wilayah!.length > 8 && kecs.includes(x.kode_wilayah!.slice(0, 8)),
    ))
      if (!kecRows.some((k) => k.kode_wilayah === r.kode_wilayah!.slice(0, 8)))
        byKec.set(r.kode_wilayah!.slice(0, 8), (byKec.get(r.kode_wilayah!.slice(0, 8)) ?? 0) + Number(r.keluarga));
    return { year, total: [...byKec.values()].reduce((a, b) => a + b, 0) };
  };

  it('ships the real DPRD DIY dapil of Bantul with their source, and a DPRD Bantul set marked as made up', () => {
    expect(kecOf('Dapil DIY 2 (Bantul A)')).toHaveLength(9);
    expect(kecOf('Dapil DIY 3 (Bantul B)')).toHaveLength(8);
    for (const r of composition)
      expect(r.sumber).toMatch(r.lembaga === 'DPRD Provinsi' ? /PKPU 6\/2023.*susunan resmi/ : /Contoh \(rekaan\)/);
    expect(
      composition
        .filter((r) => r.lembaga === 'DPRD Kabupaten')
        .reduce((a, r, i, all) => (all.findIndex((x) => x.dapil === r.dapil) === i ? a + Number(r.kursi) : a), 0),
    ).toBe(45);
  });

  it('a dapil page shows the PMKS and registry its kecamatan sum to in the input, beside Bantul, with its rank; a kecamatan page names its dapil', () => {
    const page = text('dapil/provinsi-diy-2-bantul-a/index.html');
    const kecs = kecOf('Dapil DIY 2 (Bantul A)');
    const p = pmksOver(kecs);
    const all = pmksOver(composition.filter((r) => r.lembaga === 'DPRD Provinsi').map((r) => r.kode_wilayah!));
    const other = pmksOver(kecOf('Dapil DIY 3 (Bantul B)'));
    expect(page).toContain(`PMKS ${p.year} (orang) ${fmt(p.total)} ${fmt(all.total)} ${p.total > other.total ? '1' : '2'} dari 2`);
    const r = registryOver(kecs);
    expect(page).toContain(`Keluarga dalam registri ${r.year} ${fmt(r.total)}`);
    expect(page).toContain('DPRD Provinsi Daerah Istimewa Yogyakarta · 7 kursi · 9 kecamatan');
    expect(text('kecamatan/34.02.01/index.html')).toMatch(
      /Dapil: Dapil DIY 3 \(Bantul B\) \(DPRD Provinsi Daerah Istimewa Yogyakarta\); Dapil \d \(DPRD Kabupaten Bantul\)/,
    );
    expect(existsSync(path.join(dist, 'en', 'dapil', 'provinsi-diy-2-bantul-a', 'index.html'))).toBe(true);
    expect(text('dapil/index.html')).toContain('Dapil DIY 3 (Bantul B)');
  });

  it('dapil-angka.csv holds each sum; with the kecamatan table the exact audit finds no hidden cell recoverable', () => {
    const rows = csv(path.join(dist, 'data', 'dapil-angka.csv'));
    const kec = csv(path.join(dist, 'data', 'registri.csv'));
    const tables = new Set(rows.map((r) => r.tabel));
    expect([...tables].sort()).toEqual(['cakupan', 'desil', 'pmks', 'registri', 'sasaran', 'verval']);
    // Registry households of the latest year: Bantul = Σ kecamatan; each dapil = Σ its kecamatan.
    const year = String(Math.max(...kec.map((r) => Number(r.tahun))));
    const value = (v: string | undefined) => (v === '' || v === undefined ? Number.NaN : Number(v));
    const cells: Cell[] = kec
      .filter((r) => r.tahun === year && r.tingkat !== 'desa')
      .map((r) => ({ id: r.kode_wilayah!, value: value(r.keluarga), small: r.tingkat !== 'kabupaten' }));
    const relations: Relation[] = [{ total: '34.02', parts: cells.filter((c) => c.id.length === 8).map((c) => c.id) }];
    for (const r of rows.filter((x) => x.tahun === year && x.tabel === 'registri' && x.ukuran === 'keluarga')) {
      cells.push({ id: r.dapil!, value: value(r.nilai), small: true });
      relations.push({ total: r.dapil!, parts: composition.filter((c) => c.dapil === r.nama_dapil).map((c) => c.kode_wilayah!) });
      // The published dapil sum is the sum of its published kecamatan where all are shown.
      const parts = relations.at(-1)!.parts.map((p) => cells.find((c) => c.id === p)!.value);
      if (parts.every((v) => !Number.isNaN(v)) && !Number.isNaN(value(r.nilai)))
        expect(parts.reduce((a, b) => a + b, 0)).toBe(value(r.nilai));
    }
    const hidden = new Set(cells.filter((c) => Number.isNaN(c.value)).map((c) => c.id));
    expect(audit(cells, relations, hidden)).toEqual([]);
    expect(relations.length).toBe(9);
  });
});

describe('a dapil page in Chromium', () => {
  const site = useSampleSite(dist);
  const tmp = mkdtempSync(path.join(tmpdir(), 'terang-dapil-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('fits 360 px and passes axe; prints on at most two A4 pages before the annex', async () => {
    const page = await site.browser.newPage({ viewport: { width: 360, height: 640 } });
    for (const url of ['/dapil/', '/dapil/provinsi-diy-2-bantul-a/', '/en/dapil/kabupaten-1/']) {
      await page.goto(site.origin + url);
      expect(
        await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth),
        url,
      ).toBeLessThanOrEqual(0);
      expect(await axe(page), url).toEqual([]);
    }
    if (existsSync('/usr/bin/pdfinfo')) {
      await page.goto(`${site.origin}/dapil/provinsi-diy-2-bantul-a/`);
      await page.emulateMedia({ media: 'print' });
      const pdf = path.join(tmp, 'dapil.pdf');
      writeFileSync(pdf, await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true }));
      const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf]).toString())![1]);
      const pageText = Array.from({ length: pages }, (_, i) =>
        execFileSync('pdftotext', ['-f', String(i + 1), '-l', String(i + 1), pdf, '-']).toString(),
      );
      const annex = pageText.findIndex((t) => t.includes('Lampiran')) + 1;
      console.log(`/dapil/provinsi-diy-2-bantul-a/: ${pages} pages printed, the annex from page ${annex}`);
      expect(annex).toBeGreaterThan(0);
      expect(annex).toBeLessThanOrEqual(3);
    }
    await page.close();
  }, 120_000);

  it.each([
    ['dapil 2', '/dapil/'],
    ['dapil bantul a', '/dapil/provinsi-diy-2-bantul-a/'],
  ])(
    'search "%s" finds a dapil page first',
    async (q, prefix) => {
      const page = await site.browser.newPage();
      const urls = await searchResults(page, site.origin, q);
      expect(urls[0], q).toMatch(new RegExp(`^${prefix}`));
      await page.close();
    },
    60_000,
  );
});

describe.skipIf(!existsSync(SHARED_GEO))('a dapil locator map from the real BPS boundaries of Bantul', () => {
  it('the two DPRD DIY dapil of Bantul fill Bantul between them, without overlap, each in proportion to its true area', async () => {
    const tree = (await loadRegionTree('34.02'))!;
    const file = path.join(SHARED_GEO, 'bantul-3402-desa-hdx2020.geojson');
    const { topology } = importBoundaries(JSON.parse(readFileSync(file, 'utf8')), tree, { attribution: 'BPS' });
    const rows = csv(path.join(ROOT, 'data', 'dapil.csv'), ';').map((r) => ({ ...r, kursi: Number(r.kursi) }));
    const list = groupDapil(rows as never, tree);
    const maps = dapilMaps(JSON.stringify(topology), list);
    expect([...maps.keys()].sort()).toEqual(list.map((d) => d.slug).sort());
    const [a, b] = ['provinsi-diy-2-bantul-a', 'provinsi-diy-3-bantul-b'].map((s) => maps.get(s)!);
    expect(a!.viewBox).toBe(b!.viewBox);
    // The true share of dapil A in Bantul's area, on the sphere, from the boundaries themselves.
    const kec = topology.objects.kecamatan as GeometryCollection;
    const areaOf = (codes: string[]) => geoArea(merge(topology, kec.geometries.filter((g) => codes.includes(String(g.id))) as never));
    const trueShare = areaOf(list.find((d) => d.slug === 'provinsi-diy-2-bantul-a')!.kecamatan) / areaOf(tree.kecamatan.map((k) => k.code));
    // What the SVG paths fill, sampled on a grid in Chromium.
    const browser = await launchBrowser();
    try {
      const page = await browser.newPage();
      await page.setContent(
        `<svg xmlns="http://www.w3.org/2000/svg" viewBox="${a!.viewBox}"><path id="a" d="${a!.area}"/><path id="b" d="${b!.area}"/></svg>`,
      );
      const n = await page.evaluate(() => {
        const [pa, pb] = ['a', 'b'].map((id) => document.getElementById(id) as unknown as SVGGeometryElement);
        const box = (document.querySelector('svg') as SVGSVGElement).viewBox.baseVal;
        const c = { a: 0, b: 0, both: 0 };
        for (let x = 0.25; x < box.width; x += 0.5)
          for (let y = 0.25; y < box.height; y += 0.5) {
            const p = new DOMPoint(x, y);
            const [ia, ib] = [pa!.isPointInFill(p), pb!.isPointInFill(p)];
            if (ia && ib) c.both++;
            else if (ia) c.a++;
            else if (ib) c.b++;
          }
        return c;
      });
      expect(n.both / (n.a + n.b)).toBeLessThan(0.005);
      expect(n.a / (n.a + n.b)).toBeCloseTo(trueShare, 1);
    } finally {
      await browser.close();
    }
  }, 60_000);
});
