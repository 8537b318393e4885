/**
 * `buildSite` with its side effects in memory (cf. Observable Framework's
 * BuildEffects in tests): the pipeline's decisions — what is published, what
 * is archived, when nothing is — without Astro or a disk; and `astro dev`
 * and the build prepare the same page data through the same path.
 */
import { describe, expect, it } from 'vitest';
import type { PublishedRelease } from '../src/publish/releases.ts';
import { resourceHashes } from '../src/publish/releases.ts';
import type { Archive } from '../src/build/prepare.ts';
import type { DataIO } from '../src/load/io.ts';
import { buildSite, type BuildEffects } from '../src/build/build.ts';
import { textOf } from '../src/load/io.ts';
import { devModel } from '../src/build/site.ts';
import type { SiteModel } from '../src/build/site-model.ts';
import { fixtureIO, fixtureText, MINI } from './helpers.ts';

function memoryEffects(
  page: (model: SiteModel) => string = (m) =>
    `<!doctype html><html lang="id"><head><meta http-equiv="content-security-policy" content="default-src 'self'"></head><body><h1>${m.config.instansi.nama}</h1></body></html>`,
  published: PublishedRelease[] = [],
) {
  let staged = new Map<string, string | Uint8Array>();
  const state = {
    published: undefined as Map<string, string | Uint8Array> | undefined,
    archived: undefined as Archive | undefined,
    archives: [] as Archive[],
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
    begin: async ({ archives }) => {
      state.calls.push(['begin', ...archives].join(':'));
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
    readFile: async (rel) => textOf(staged.get(rel) ?? ''),
    listFiles: async () => [...staged.keys()],
    indexSearch: async () => {
      state.indexed = true;
    },
    commit: async (archives) => {
      state.calls.push('commit');
      state.published = staged;
      // An archive of this build's release names the staged files that hold it: archived as they are.
      state.archives = archives.map((a) =>
        a.staged
          ? { ...a, files: Object.fromEntries(Object.entries(a.files).map(([f, rel]) => [f, textOf(staged.get(String(rel)) ?? '')])) }
          : a,
      );
      state.archived = state.archives.find((a) => !a.restored);
    },
    published: async () => published,
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

describe('a release is compared with everything that published it', () => {
  /** The release files one in-memory build publishes under data/rilis/<label>/ (what a previous dist/ holds). */
  async function publishedBy(io: DataIO): Promise<PublishedRelease[]> {
    const { fx, state } = memoryEffects();
    expect((await buildSite({ io, lang: 'id', effects: fx })).ok).toBe(true);
    const byLabel = new Map<string, Record<string, string>>();
    for (const [p, c] of state.published!) {
      const m = /^data\/rilis\/([^/]+)\/(.+)$/.exec(p);
      if (m) byLabel.set(m[1]!, { ...byLabel.get(m[1]!), [m[2]!]: String(c) });
    }
    return [...byLabel].map(([label, files]) => ({ label, where: 'dist/', hashes: resourceHashes(files['datapackage.json']), files }));
  }
  const changed = { 'pmks.csv': `${fixtureText('pmks.csv').trimEnd()}\n`.replace(/,(\d+)\n$/, (_, v) => `,${Number(v) + 7}\n`) };

  it('the previous site published the label and its archive is missing: changed figures are refused', async () => {
    const published = await publishedBy(fixtureIO());
    const { fx, state } = memoryEffects(undefined, published);
    const r = await buildSite({ io: fixtureIO(changed), lang: 'id', effects: fx });
    expect(r.ok).toBe(false);
    expect(state.published).toBeUndefined();
    expect(r.problems.filter((p) => p.kind === 'release_changed').map((p) => p.expected.id)).toEqual([
      expect.stringContaining('rilis uji-1 sudah terbit (dist/) dengan angka lain'),
    ]);
  });

  it('the same figures under the same label are published and archived (the archive a killed build never wrote)', async () => {
    const published = await publishedBy(fixtureIO());
    const { fx, state } = memoryEffects(undefined, published);
    expect((await buildSite({ io: fixtureIO(), lang: 'id', effects: fx })).ok).toBe(true);
    expect(state.archived!.label).toBe('uji-1');
  });

  it('an earlier release the site published but the data folder lost is restored exactly, not forgotten', async () => {
    const published = await publishedBy(fixtureIO());
    const portal = JSON.parse(fixtureText('portal.json'));
    const next = fixtureIO({
      ...changed,
      'portal.json': JSON.stringify({ ...portal, rilis: { label: 'uji-2', tanggal: portal.rilis.tanggal } }),
    });
    const { fx, state } = memoryEffects(undefined, published);
    expect((await buildSite({ io: next, lang: 'id', effects: fx })).ok).toBe(true);
    expect(state.archives.map((a) => `${a.label}${a.restored ? ' (dipulihkan)' : ''}`)).toEqual(['uji-1 (dipulihkan)', 'uji-2']);
    expect(state.archives[0]!.files).toEqual(published[0]!.files);
    expect(String(state.published!.get('data/rilis/uji-1/pmks.csv'))).toBe(published[0]!.files!['pmks.csv']);
  });

  it('a release only the live site knows (a fresh clone without its archive) is an error, not a new release', async () => {
    const published = (await publishedBy(fixtureIO())).map(({ files: _, ...r }) => ({ ...r, where: 'https://situs.contoh/' }));
    const portal = JSON.parse(fixtureText('portal.json'));
    const next = fixtureIO({ 'portal.json': JSON.stringify({ ...portal, rilis: { label: 'uji-2', tanggal: portal.rilis.tanggal } }) });
    const { fx } = memoryEffects(undefined, published);
    const r = await buildSite({ io: next, lang: 'id', effects: fx });
    expect(r.ok).toBe(false);
    expect(r.problems.find((p) => p.kind === 'release_incomplete')!.expected.id).toContain(
      'sudah terbit (https://situs.contoh/) tetapi tidak ada di data/rilis/uji-1/',
    );
  });
});
