/** The sample generator: deterministic, anchored to reported figures, valid for any kabupaten. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPortal, memoryIO } from '../src/load/portal.ts';
import { apportion, generateSample } from '../scripts/sample.ts';
import { ROOT } from './helpers.ts';

/** The generated folder as the site build sees it: data/private/ is never read. */
const publicIO = (all: Record<string, string>) =>
  memoryIO(Object.fromEntries(Object.entries(all).filter(([k]) => !k.startsWith('private/'))));

describe('npm run sample', () => {
  it('regenerates the committed Bantul sample byte for byte', async () => {
    const files = await generateSample('34.02');
    const committed: string[] = [];
    const walk = (rel: string) => {
      for (const f of readdirSync(path.join(ROOT, 'data', rel))) {
        const r = rel ? `${rel}/${f}` : f;
        if (r === 'private' || r.startsWith('penerima')) continue; // git-ignored raw list; hashed list has a random salt
        if (statSync(path.join(ROOT, 'data', r)).isDirectory()) walk(r);
        else committed.push(r);
      }
    };
    walk('');
    expect(committed.sort()).toEqual(
      Object.keys(files)
        .filter((f) => !f.startsWith('private/'))
        .sort(),
    );
    for (const f of committed) expect(readFileSync(path.join(ROOT, 'data', f), 'utf8'), f).toBe(files[f]);
    // The synthetic raw recipient list shipped for trying the lookup is the generator's too.
    expect(readFileSync(path.join(ROOT, 'scripts', 'sample', 'penerima-sintetis-bantul.csv'), 'utf8')).toBe(
      files['private/penerima-sintetis.csv'],
    );
  });

  it('keeps the figures reported for Bantul', async () => {
    const { data } = await loadPortal(publicIO(await generateSample('34.02')));
    const pmks2021 = data!.pmks.filter((r) => r.tahun === 2021).reduce((a, r) => a + r.jumlah, 0);
    expect(pmks2021).toBe(14_833);
    expect(data!.kemiskinan.find((r) => r.tahun === 2020)!.persen_miskin).toBe(13.5);
    expect(data!.kemiskinan.find((r) => r.tahun === 2021)!.persen_miskin).toBe(14.04);
    expect(new Set(data!.pmks.map((r) => r.kode_wilayah.slice(0, 8))).size).toBe(17);
    expect(new Set(data!.registri.map((r) => r.kode_wilayah)).size).toBe(75);
    expect(data!.config.data_contoh).toBe(true);
  });

  it('builds a valid data set for another kabupaten (Timor Tengah Selatan), with its anchors', async () => {
    const files = await generateSample('53.02');
    expect(await generateSample('53.02')).toEqual(files); // deterministic
    const { data, problems } = await loadPortal(publicIO(files));
    expect(problems).toEqual([]);
    expect(data!.tree.kecamatan).toHaveLength(32);
    expect(data!.anggaran.find((r) => r.tahun === 2022 && r.program === 'rtlh')!.target_output).toBe(220);
    expect(data!.kemiskinan.find((r) => r.tahun === 2022)!.persen_miskin_ekstrem).toBe(13.01);
    expect(files['portal.json']).toContain('"kode_kabupaten": "53.02"');
  });

  it('refuses an unknown region code', async () => {
    await expect(generateSample('99.99')).rejects.toThrow(/tidak ditemukan/);
  });

  it('apportions exactly', () => {
    expect(apportion(10, [1, 1, 1])).toEqual([4, 3, 3]);
    expect(apportion(14_833, [3, 5, 7, 11]).reduce((a, b) => a + b, 0)).toBe(14_833);
  });
});
