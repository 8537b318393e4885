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
import { cpSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { build, buildPrevious, changeFigures, killPoint, noStackTrace, scenario } from './faults-helpers.ts';
import { MINI } from './helpers.ts';

beforeAll(buildPrevious);

describe('a build killed at each point from rendering to publishing', () => {
  // The kill points run in two files side by side (faults-kill.test.ts has the later ones).
  it.for(['after-render', 'after-index', 'during-archive'])(
    '%s: OUT_DIR is a complete site at once; a published release is archived; changed figures under its label are refused',
    (point, { expect }) => killPoint(point, expect),
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
});
