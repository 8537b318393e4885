/**
 * Golden test of the pipeline (cf. Observable Framework's test/input →
 * test/output): the mini fixture folder in, the model and every download out,
 * compared byte for byte. Regenerate on purpose only:
 *   UPDATE_GOLDEN=1 npm test -- tests/golden.test.ts
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildDownloads } from '../src/publish/downloads.ts';
import { textOf } from '../src/load/io.ts';
import { folderIO, loadPortal } from '../src/load/portal.ts';
import { kecamatanFigures } from '../src/model/figures.ts';
import { buildModel } from '../src/model/model.ts';
import { MINI, ROOT } from './helpers.ts';

const GOLDEN = path.join(ROOT, 'tests', 'golden', 'mini');

describe('pipeline on the mini fixture', async () => {
  const { data, problems } = await loadPortal(folderIO(MINI));
  it('validates without problems', () => expect(problems).toEqual([]));
  const outputs = [
    { path: 'model.json', content: `${JSON.stringify(buildModel(data!), null, 1)}\n` },
    // One kecamatan page's data: every figure with its rank, coverage, desa, Puskesos.
    { path: 'kecamatan-17.07.01.json', content: `${JSON.stringify(kecamatanFigures(buildModel(data!), '17.07.01'), null, 1)}\n` },
    ...buildDownloads(data!, buildModel(data!)).files,
  ];
  it.each(outputs.map((o) => [o.path, o] as const))('%s matches the golden copy', (rel, o) => {
    const file = path.join(GOLDEN, rel.replace(/^data\//, ''));
    if (process.env.UPDATE_GOLDEN) {
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, o.content);
    }
    expect(existsSync(file), `${file} is missing; run UPDATE_GOLDEN=1`).toBe(true);
    expect(textOf(o.content)).toBe(readFileSync(file, 'utf8'));
  });
});
