/**
 * The page-level audit (trust issue): on the built sample site, every table
 * of every page in both languages, every chart CSV and every download is
 * read back, and no cell hidden for privacy is shown as a number anywhere —
 * not as its value, not as a 0. Table cells name the download cell they
 * show (`data-ref`, see src/model/show.ts); the downloads are the reference.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { DomUtils, parseDocument } from 'htmlparser2';
import type { Element } from 'domhandler';
import Papa from 'papaparse';
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { promisify } from 'node:util';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { MINI, ROOT } from './helpers.ts';

const dist = inject('sampleDist');
const tmp = mkdtempSync(path.join(tmpdir(), 'terang-figures-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
type Cell = { hidden: true } | { value: number } | { missing: true };

/** Every cell of the protected downloads by name: `<dataset>:<key values>:<column>`. */
function downloads(): Map<string, Cell> {
  const pkg = JSON.parse(readFileSync(path.join(dist, 'data', 'datapackage.json'), 'utf8')) as {
    resources: {
      name: string;
      path: string;
      format: string;
      schema?: { fields: { name: string; type: string }[]; primaryKey: string[] };
    }[];
  };
  const cells = new Map<string, Cell>();
  for (const r of pkg.resources.filter((x) => x.format === 'csv' && x.schema?.fields.some((f) => f.name === 'kerahasiaan'))) {
    const rows = Papa.parse<Record<string, string>>(readFileSync(path.join(dist, 'data', r.path), 'utf8'), {
      header: true,
      skipEmptyLines: true,
    }).data;
    const measures = r.schema!.fields.filter(
      (f) => (f.type === 'integer' || f.type === 'number') && !r.schema!.primaryKey.includes(f.name),
    );
    for (const row of rows) {
      const key = r.schema!.primaryKey.map((k) => row[k]).join('|');
      const hidden = new Set((row.kerahasiaan ?? '').split(';').filter(Boolean));
      for (const m of measures) {
        if (hidden.has(m.name)) expect(row[m.name], `${r.name} ${key} ${m.name}`).toBe(''); // hidden = empty in the download
        cells.set(
          `${r.name}:${key}:${m.name}`,
          hidden.has(m.name) ? { hidden: true } : row[m.name] === 'NA' ? { missing: true } : { value: Number(row[m.name]) },
        );
      }
    }
  }
  return cells;
}

/** A number as a page shows it, in either language: `14.833`, `13,5%`, `14,833`, `13.5%`. */
const readNumber = (text: string, lang: 'id' | 'en'): number => {
  const s = text.replace(/%|\s|[A-Za-z]+$/g, '');
  return Number(lang === 'id' ? s.replace(/\./g, '').replace(',', '.') : s.replace(/,/g, ''));
};

/** Checks every embed page's chart table against its data.csv; returns how many hidden cells it saw. */
function auditChartCsvs(site: string): number {
  const embeds = (readdirSync(site, { recursive: true }) as string[]).filter((p) =>
    /(^|\/)embed\/[^/]+\/index\.html$/.test(p.split(path.sep).join('/')),
  );
  expect(embeds.length).toBeGreaterThan(10);
  let hiddenInCsv = 0;
  for (const page of embeds) {
    const doc = parseDocument(readFileSync(path.join(site, page), 'utf8'));
    const table = DomUtils.findOne((e) => e.name === 'table' && 'data-chart-table' in e.attribs, doc.children)!;
    const rows = (
      DomUtils.findAll(
        (e) => e.name === 'tr',
        DomUtils.findAll((e) => e.name === 'tbody', [table]),
      ) as Element[]
    ).map((tr) => DomUtils.findAll((e) => e.name === 'td', tr.children) as Element[]);
    const csv = Papa.parse<string[]>(readFileSync(path.join(site, path.dirname(page), 'data.csv'), 'utf8'), { skipEmptyLines: true }).data;
    const first = csv[0]![1] === 'Kode wilayah' || csv[0]![1] === 'Area code' ? 2 : 1;
    expect(csv.length - 1, page).toBe(rows.length);
    const hiddenCol = csv[0]!.findIndex((h) => h === 'Disembunyikan (kerahasiaan)' || h === 'Hidden for privacy');
    expect(hiddenCol, page).toBeGreaterThan(first);
    rows.forEach((tds, i) => {
      const line = csv[i + 1]!;
      const hiddenSeries = line[hiddenCol]!.split('; ').filter(Boolean);
      tds.forEach((td, j) => {
        const v = line[first + j]!;
        if ('data-hidden' in td.attribs) {
          hiddenInCsv++;
          expect(v, `${page} row ${i + 1}: a hidden cell is "${v}" in the CSV`).toBe('');
          expect(hiddenSeries, page).toContain(csv[0]![first + j]);
        } else expect(v, `${page} row ${i + 1}`).toBe(td.attribs['data-value']);
      });
    });
  }
  return hiddenInCsv;
}

const pages = (readdirSync(dist, { recursive: true }) as string[]).filter((f) => f.endsWith('.html') && !f.startsWith('pagefind'));

describe('no hidden cell is shown as a number anywhere', () => {
  const cells = downloads();
  const hiddenCount = [...cells.values()].filter((c) => 'hidden' in c).length;
  const seenHidden = new Set<string>();
  let checked = 0;

  it('the downloads hide cells and name them (else this audit could not fail)', () => expect(hiddenCount).toBeGreaterThan(100));

  it.each(['id', 'en'] as const)('every page table (%s) shows each referenced cell as the download states it', (lang) => {
    for (const page of pages.filter((p) => (lang === 'en') === p.startsWith(`en${path.sep}`))) {
      const doc = parseDocument(readFileSync(path.join(dist, page), 'utf8'));
      const word = lang === 'en' ? 'hidden' : 'disembunyikan';
      for (const td of DomUtils.findAll((e) => e.name === 'td', doc.children) as Element[]) {
        const text = DomUtils.textContent(td).trim();
        const ref = td.attribs['data-ref'];
        if ('data-hidden' in td.attribs) {
          expect(text, `${page}: a hidden cell shows a digit`).toBe(word);
        }
        if (!ref) continue;
        const cell = cells.get(ref);
        expect(cell, `${page}: ${ref} is not a published cell`).toBeDefined();
        checked++;
        if ('hidden' in cell!) {
          seenHidden.add(ref);
          expect('data-hidden' in td.attribs, `${page}: ${ref} is hidden in the download but shown as "${text}"`).toBe(true);
        } else if ('missing' in cell!) {
          expect(text, `${page}: ${ref}`).toMatch(/^–/);
        } else {
          const shown = readNumber(text.split(' ')[0]!, lang);
          expect(Math.abs(shown - cell!.value), `${page}: ${ref} shows "${text}", the download says ${cell!.value}`).toBeLessThanOrEqual(
            text.includes('%') || text.includes(',') || text.includes('.') ? 0.051 : 0,
          );
        }
      }
    }
    expect(checked).toBeGreaterThan(5000);
  });

  it('the per-category tables of /pmks/ and every kecamatan page show every hidden cell of the latest year as hidden', () => {
    const latest = Math.max(...[...cells.keys()].filter((k) => k.startsWith('pmks:')).map((k) => Number(k.split(':')[1]!.split('|')[0])));
    const kecHidden = [...cells].filter(
      ([k, c]) => 'hidden' in c && k.startsWith(`pmks:${latest}|`) && k.split('|')[1]!.length === 8 && !k.includes('|*:'),
    );
    expect(kecHidden.length).toBeGreaterThan(50); // the 2025 cells that once showed as 0
    for (const [ref] of kecHidden) expect(seenHidden.has(ref), `${ref} never appears as hidden on a page`).toBe(true);
    const desaHidden = [...cells].filter(
      ([k, c]) => 'hidden' in c && k.startsWith(`pmks:${latest}|`) && k.split('|')[1]!.length === 13 && k.includes('|*:'),
    );
    for (const [ref] of desaHidden)
      expect(seenHidden.has(ref), `${ref} (a desa total) never appears as hidden on its kecamatan page`).toBe(true);
  });

  it('every chart CSV leaves hidden cells empty, names them, and agrees with its table', () => {
    expect(auditChartCsvs(dist)).toBeGreaterThanOrEqual(0);
  });

  it('so do the charts of a portal whose charts do hide cells (the mini fixture with k = 5)', async () => {
    const data = path.join(tmp, 'data');
    cpSync(MINI, data, { recursive: true });
    writeFileSync(
      path.join(data, 'portal.json'),
      JSON.stringify({ ...JSON.parse(readFileSync(path.join(MINI, 'portal.json'), 'utf8')), ambang_k: 5 }),
    );
    const out = path.join(tmp, 'dist');
    await promisify(execFile)(process.execPath, ['scripts/build.ts'], { cwd: ROOT, env: { ...process.env, DATA_DIR: data, OUT_DIR: out } });
    expect(auditChartCsvs(out)).toBeGreaterThan(0);
  });

  it('the JSON downloads give hidden cells as null and name them', () => {
    for (const name of ['pmks', 'registri', 'cakupan', 'verval']) {
      const rows = JSON.parse(readFileSync(path.join(dist, 'data', `${name}.json`), 'utf8')) as Record<string, unknown>[];
      for (const r of rows)
        for (const col of String(r.kerahasiaan).split(';').filter(Boolean)) expect(r[col], `${name}.json ${JSON.stringify(r)}`).toBeNull();
    }
  });
});
