/**
 * What earlier releases already told the public, cell by cell: read from the
 * archived releases (`data/rilis/<label>/`, exactly as published) so that
 * this release is protected jointly with them (disclosure.ts, `Prior`).
 * Without it, a revised year can be differenced: a cell one release hid and
 * another published, imputed "unchanged", pins a hidden cell of the other.
 *
 * A cell is named `<table>|<primary key values>|<column>`, e.g.
 * `pmks|2024|34.02.01|05|jumlah`; `tingkat` is left out (the code says it).
 */
import Papa from 'papaparse';
import type { ArchivedRelease } from '../load/portal.ts';
import { textOf } from '../load/io.ts';

export type PriorValue = number | 'hidden';
export type PriorLookup = (key: string) => PriorValue | undefined;

interface Resource {
  name: string;
  path: string;
  format?: string;
  schema?: { fields: { name: string; type: string }[]; primaryKey?: string[] };
}

const NUMERIC = new Set(['integer', 'number']);

/** Every published or hidden count of the given releases; a cell hidden by any of them stays `hidden`. */
export function priorOf(releases: readonly ArchivedRelease[]): PriorLookup {
  const known = new Map<string, PriorValue>();
  for (const r of releases) {
    let pkg: { resources?: Resource[] };
    try {
      pkg = JSON.parse(textOf(r.files['datapackage.json'] ?? '{}'));
    } catch {
      continue; // checkArchive reports a broken archive
    }
    for (const res of pkg.resources ?? []) {
      const content = r.files[res.path];
      if (res.format !== 'csv' || !res.schema?.primaryKey || content === undefined) continue;
      const text = textOf(content);
      const pk = res.schema.primaryKey.filter((k) => k !== 'tingkat');
      const measures = res.schema.fields.filter((f) => NUMERIC.has(f.type) && !pk.includes(f.name)).map((f) => f.name);
      const rows = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true }).data;
      for (const row of rows) {
        const hiddenCols = new Set((row.kerahasiaan ?? '').split(';'));
        const base = `${res.name}|${pk.map((k) => row[k]).join('|')}`;
        for (const m of measures) {
          const v = row[m];
          const key = `${base}|${m}`;
          if ((v === '' || v === undefined) && hiddenCols.has(m)) known.set(key, 'hidden');
          else if (v !== '' && v !== undefined && v !== 'NA' && known.get(key) !== 'hidden') known.set(key, Number(v));
        }
      }
    }
  }
  return (key) => known.get(key);
}
