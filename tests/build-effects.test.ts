/**
 * `buildSite` with its side effects in memory (cf. Observable Framework's
 * BuildEffects in tests): the pipeline's decisions — what is published, what
 * is archived, when nothing is — without Astro or a disk; and `astro dev`
 * and the build prepare the same page data through the same path.
 */
import { describe, expect, it } from 'vitest';
import { buildSite, type BuildEffects } from '../src/build/build.ts';
import { devModel } from '../src/build/site.ts';
import type { SiteModel } from '../src/build/site-model.ts';
import { fixtureIO, MINI } from './helpers.ts';

function memoryEffects(
  page: (model: SiteModel) => string = (m) =>
    `<!doctype html><html lang="id"><head><meta http-equiv="content-security-policy" content="default-src 'self'"></head><body><h1>${m.config.instansi.nama}</h1></body></html>`,
) {
  let staged = new Map<string, string | Uint8Array>();
  const state = {
    published: undefined as Map<string, string | Uint8Array> | undefined,
    archived: undefined as { label: string; files: Record<string, string> } | undefined,
    model: undefined as SiteModel | undefined,
    log: [] as string[],
    calls: [] as string[],
    indexed: false,
  };
  const fx: BuildEffects = {
    log: (l) => state.log.push(l),
    lock: async () => {
      state.calls.push('lock');
    },
    begin: async ({ archive }) => {
      state.calls.push(`begin${archive ? `:${archive}` : ''}`);
      staged = new Map();
    },
    renderPages: async (model) => {
      state.model = JSON.parse(JSON.stringify(model)); // what Astro would read from the model file
      staged.set('index.html', page(model));
      staged.set('pmks/index.html', page(model));
    },
    writeFile: async (rel, content) => {
      staged.set(rel, content);
    },
    readFile: async (rel) => String(staged.get(rel)),
    listFiles: async () => [...staged.keys()],
    indexSearch: async () => {
      state.indexed = true;
    },
    commit: async (archive) => {
      state.calls.push('commit');
      state.published = staged;
      state.archived = archive;
    },
    abort: async () => {
      state.calls.push('abort');
      staged = new Map();
    },
  };
  return { fx, state };
}

describe('buildSite in memory', () => {
  it('publishes pages, downloads, headers and the release, and asks to archive a new release', async () => {
    const { fx, state } = memoryEffects();
    const r = await buildSite({ io: fixtureIO(), lang: 'id', effects: fx });
    expect(r.ok).toBe(true);
    expect(r.pages).toBe(2);
    expect(state.calls).toEqual(['lock', 'begin:uji-1', 'commit']);
    const files = [...state.published!.keys()];
    expect(files).toEqual(
      expect.arrayContaining([
        'index.html',
        'data/datapackage.json',
        'data/pmks.csv',
        'data/rilis/uji-1/pmks.csv',
        '_headers',
        '_nginx-http.conf',
      ]),
    );
    expect(state.archived!.label).toBe('uji-1');
    expect(Object.keys(state.archived!.files)).toContain('datapackage.json');
    expect(state.indexed).toBe(true);
    expect(state.model!.report.notes[0]!.id).toContain('npm run geo:import');
  });

  it('publishes nothing when the data have an error, and releases the output', async () => {
    const { fx, state } = memoryEffects();
    const r = await buildSite({
      io: fixtureIO({ 'pmks.csv': 'tahun,kode_wilayah,kategori,jumlah\n2024,17.07.01,8,-3\n' }),
      lang: 'id',
      effects: fx,
    });
    expect(r.ok).toBe(false);
    expect(state.calls).toEqual(['lock', 'abort']);
    expect(state.published).toBeUndefined();
    expect(state.log.join('\n')).toContain('GALAT pmks.csv baris 2, kolom 4 (jumlah): angka negatif');
  });

  it('publishes nothing when a rendered page would show a NIK', async () => {
    const { fx, state } = memoryEffects(() => '<p>3402015508859001</p>');
    const r = await buildSite({ io: fixtureIO(), lang: 'id', effects: fx });
    expect(r.ok).toBe(false);
    expect(state.calls).toEqual(['lock', 'begin:uji-1', 'abort']);
    expect(state.published).toBeUndefined();
    expect(state.log.join('\n')).toMatch(/GALAT dist\/index\.html baris 1, kolom 4: data pribadi/);
  });
});

describe('astro dev and the build', () => {
  it('prepare the same page data through the same path', async () => {
    const { fx, state } = memoryEffects();
    await buildSite({ io: fixtureIO(), lang: 'id', effects: fx });
    expect(await devModel(MINI)).toEqual(state.model);
  });
});
