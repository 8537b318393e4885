/**
 * Releases must not be differenced (issue #24). A revision changes a year's
 * suppression pattern; a reader who keeps every release can impute a cell the
 * new release hides with the value an earlier release published ("unchanged
 * unless shown changed") and solve the new release's sums. The attack is run
 * here on a generated revision, from the published CSV alone: with protection
 * joint across releases it pins nothing; protected one release at a time (as
 * before), the same attack succeeds — so the test has teeth.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadPortal, memoryIO } from '../src/load/portal.ts';
import { buildModel } from '../src/model/model.ts';
import { buildDownloads } from '../src/publish/downloads.ts';
import { textOf } from '../src/load/io.ts';
import { ROOT } from './helpers.ts';
import { differencingAttack, pmksSystems, type PublishedSystem, truthOf } from './published-system.ts';

/** The sample's inputs (no archives, no lookup list): the office's data folder. */
function sampleInputs(): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (rel: string) => {
    for (const f of readdirSync(path.join(ROOT, 'data', rel))) {
      const r = rel ? `${rel}/${f}` : f;
      if (r === 'private' || r === 'rilis' || r.startsWith('penerima')) continue;
      if (statSync(path.join(ROOT, 'data', r)).isDirectory()) walk(r);
      else out[r] = readFileSync(path.join(ROOT, 'data', r), 'utf8');
    }
  };
  walk('');
  return out;
}

const withLabel = (files: Record<string, string>, label: string, date: string) => ({
  ...files,
  'portal.json': files['portal.json']!.replace(/"label": "[^"]+"/, `"label": "${label}"`).replace(
    /"tanggal": "[^"]+"/,
    `"tanggal": "${date}"`,
  ),
});

/** What the build publishes under data/ for a folder (archives in `rilis/` included, as the build reads them). */
async function publish(files: Record<string, string>): Promise<Record<string, string>> {
  const { data, problems } = await loadPortal(memoryIO(files));
  if (!data) throw new Error(JSON.stringify(problems.filter((p) => p.level === 'error').slice(0, 3)));
  return Object.fromEntries(
    buildDownloads(data, buildModel(data))
      .files.filter((f) => f.path.startsWith('data/'))
      .map((f) => [f.path.slice(5), textOf(f.content)]),
  );
}

/** A revision of one year's PMKS desa counts: a seeded sixth of the rows moved by 1 to 3 (never below 0). */
function revise(csv: string, year: number, seed = 7): { csv: string; changed: number } {
  let s = seed;
  const next = () => {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    return s / 2 ** 31;
  };
  let changed = 0;
  const lines = csv.split('\r\n').map((line) => {
    const cells = line.split(';');
    if (cells[0] !== String(year) || cells[1]!.length !== 13 || next() > 1 / 6) return line;
    const v = Number(cells[3]);
    const nv = Math.max(0, v + (next() < 0.5 ? -1 : 1) * (1 + Math.floor(next() * 3)));
    if (nv !== v) changed++;
    return [...cells.slice(0, 3), String(nv)].join(';');
  });
  return { csv: lines.join('\r\n'), changed };
}

describe('two releases of a revised year cannot be differenced', () => {
  const year = 2024;
  let older: Record<string, string>;
  let joint: Record<string, string>;
  let alone: Record<string, string>;
  let truth: Map<string, number>;
  let changed = 0;

  beforeAll(async () => {
    const inputs = sampleInputs();
    older = await publish(withLabel(inputs, 'A', '2025-03-31'));
    const revision = revise(inputs['pmks.csv']!, year);
    changed = revision.changed;
    const revised = withLabel({ ...inputs, 'pmks.csv': revision.csv }, 'B', '2026-03-31');
    const archiveA = Object.fromEntries(Object.entries(older).map(([f, c]) => [`rilis/A/${f}`, c]));
    joint = await publish({ ...revised, ...archiveA });
    alone = await publish(revised); // protected on its own, as before joint protection
    truth = truthOf(revision.csv, year);
  });

  const system = (files: Record<string, string>) => pmksSystems(files['pmks.csv']!).find((t) => t.group === String(year))!;

  it('the revision changes the suppression pattern (the precondition of the attack)', () => {
    expect(changed).toBeGreaterThan(20);
    const a = system(older);
    const b = system(alone);
    const hiddenA = new Set(a.cells.filter((c) => Number.isNaN(c.value)).map((c) => c.id));
    const hiddenB = new Set(b.cells.filter((c) => Number.isNaN(c.value)).map((c) => c.id));
    expect([...hiddenB].filter((id) => !hiddenA.has(id)).length).toBeGreaterThan(0);
  });

  it('protected one release at a time, imputing the earlier release recovers hidden counts (the attack works)', () => {
    const r = differencingAttack(system(older), system(alone), truth);
    expect(r.exact.length + r.pinned.length).toBeGreaterThan(0);
  });

  it('protected jointly, the same attack recovers nothing, exactly or inside 1..k−1', () => {
    const r = differencingAttack(system(older), system(joint), truth);
    expect(r.exact).toEqual([]);
    expect(r.pinned).toEqual([]);
  });

  it('whatever the earlier release hid stays hidden in the revision', () => {
    const a = system(older);
    const b = system(joint);
    const shownB = new Map(b.cells.filter((c) => !Number.isNaN(c.value)).map((c) => [c.id, c.value]));
    const reopened = a.cells.filter((c) => Number.isNaN(c.value) && shownB.has(c.id)).map((c) => c.id);
    expect(reopened).toEqual([]);
  });

  it('the sample’s own two releases cannot be differenced either', () => {
    const read = (label: string) => pmksSystems(readFileSync(path.join(ROOT, 'data', 'rilis', label, 'pmks.csv'), 'utf8'));
    const [a, b] = [read('2025-1'), read('2026-1')];
    const pmks = sampleInputs()['pmks.csv']!;
    for (const y of [2020, 2021, 2022, 2023, 2024]) {
      const at = (xs: PublishedSystem[]) => xs.find((x) => x.group === String(y))!;
      const r = differencingAttack(at(a), at(b), truthOf(pmks, y));
      expect(r.exact, String(y)).toEqual([]);
      expect(r.pinned, String(y)).toEqual([]);
    }
  });
});
