/**
 * The site and the lookup are never lost, and a published release never
 * changes. Real builds of the mini fixture, killed with SIGKILL at every
 * point from rendering to publishing (TERANG_FAILPOINT, see
 * src/build/output.ts), run twice at once, on another file system, on a
 * full disk, into a mount point and with a read-only data folder. After every
 * fault OUT_DIR is a complete site at once (checked by `npm run verify`: data
 * package and every page's assets); only the one-time move of a plain
 * folder needs the next command to restore it, which it does and says so.
 */
import { spawn } from 'node:child_process';
import { cpSync, existsSync, lstatSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { MINI, ROOT } from './helpers.ts';

import {
  archivedIn,
  build,
  buildPrevious,
  changeFigures,
  expectComplete,
  leftovers,
  NODE,
  noStackTrace,
  publishedIn,
  scenario,
  staleStaging,
} from './faults-helpers.ts';

beforeAll(buildPrevious);

describe('a build killed at each point from rendering to publishing', () => {
  it.for(['after-render', 'after-index', 'during-archive', 'after-archive', 'before-swap', 'after-swap'])(
    '%s: OUT_DIR is a complete site at once; a published release is archived; changed figures under its label are refused',
    async (point, { expect }) => {
      const { data, out } = scenario(point);
      const killed = await build(data, out, { TERANG_FAILPOINT: point });
      expect(killed.signal).toBe('SIGKILL');
      // Right after the kill, with no command run since: a complete site, the old one or the new one.
      await expectComplete(out, expect);
      const published = publishedIn(out, 'uji-1');
      const archived = archivedIn(data, 'uji-1');
      expect(published && !archived, 'published but not archived').toBe(false);
      expect(published).toBe(point === 'after-swap');
      expect(archived).toBe(['after-archive', 'before-swap', 'after-swap'].includes(point));

      // The next build brings different figures under the same label.
      changeFigures(data);
      const next = await build(data, out);
      if (published || archived) {
        expect(next.code, next.stderr).toBe(1);
        expect(next.stderr).toMatch(/rilis yang sudah terbit berubah/);
        noStackTrace(next, expect);
        expect(publishedIn(out, 'uji-1')).toBe(published); // nothing changed
      } else {
        // Never published: the label is still free.
        expect(next.code, next.stderr).toBe(0);
        expect(archivedIn(data, 'uji-1')).toBe(true);
      }
      await expectComplete(out, expect);
      expect(leftovers(out)).toEqual([]);
      expect(readdirSync(path.join(data, 'rilis')).sort()).toEqual(['uji-0', 'uji-1']); // archived once, complete, no .tmp left
      expect(staleStaging()).toEqual([]);
    },
  );

  it('an archive deleted after publishing (or never committed): restored from the site, and changed figures refused', async () => {
    const { data, out } = scenario('deleted-archive');
    expect((await build(data, out)).code).toBe(0);
    rmSync(path.join(data, 'rilis'), { recursive: true }); // a fresh clone without data/rilis/, or a careless clean-up
    changeFigures(data);
    const refused = await build(data, out);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('rilis uji-1 sudah terbit');
    noStackTrace(refused);
    // With the published figures back, the build restores both archives exactly as the site publishes them.
    cpSync(path.join(MINI, 'pmks.csv'), path.join(data, 'pmks.csv'));
    const again = await build(data, out);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stderr).toContain('Rilis uji-0 dipulihkan dari situs yang terbit');
    for (const label of ['uji-0', 'uji-1'])
      expect(readFileSync(path.join(data, 'rilis', label, 'pmks.csv'), 'utf8')).toBe(
        readFileSync(path.join(out, 'data', 'rilis', label, 'pmks.csv'), 'utf8'),
      );
  });

  it('from a plain folder (an older build): moved into place once; killed between its two moves, the next command restores it', async () => {
    const { data, out } = scenario('migrate', { plainFolder: true });
    const killed = await build(data, out, { TERANG_FAILPOINT: 'between-renames' });
    expect(killed.signal).toBe('SIGKILL');
    expect(existsSync(path.join(path.dirname(out), '.dist.swap'))).toBe(true);
    const next = await build(data, out);
    expect(next.code, next.stderr).toBe(0);
    expect(next.stderr).toContain('Dipulihkan');
    expect(lstatSync(out).isSymbolicLink()).toBe(true);
    await expectComplete(out);
    expect(leftovers(out)).toEqual([]);
  });

  it('killed inside the one-time move, `npm run serve` restores the site too and says so', async () => {
    const { data, out } = scenario('serve-restores', { plainFolder: true });
    const killed = await build(data, out, { TERANG_FAILPOINT: 'between-renames' });
    expect(killed.signal).toBe('SIGKILL');
    expect(existsSync(out)).toBe(false);
    const serve = spawn(NODE, ['scripts/serve.ts'], { cwd: ROOT, env: { ...process.env, OUT_DIR: out, PORT: '0', LANG: 'id_ID.UTF-8' } });
    let err = '';
    serve.stderr.on('data', (d) => (err += d));
    await new Promise<void>((resolve) => serve.stdout.once('data', () => resolve()));
    serve.kill();
    expect(err).toContain('Dipulihkan');
    await expectComplete(out);
  });
});
