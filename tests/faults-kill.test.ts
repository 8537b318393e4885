/**
 * The later kill points of a build and the one-time move of a plain folder (see faults.test.ts, which runs beside
 * this file: the kill points are split over two files so that they run side by side).
 */
import { spawn } from 'node:child_process';
import { existsSync, lstatSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from './helpers.ts';
import { build, buildPrevious, expectComplete, killPoint, leftovers, NODE, scenario } from './faults-helpers.ts';

beforeAll(buildPrevious);

describe('a build killed late, and the one-time move of a plain folder', () => {
  it.for(['after-archive', 'before-swap', 'after-swap'])(
    '%s: OUT_DIR is a complete site at once; a published release is archived; changed figures under its label are refused',
    (point, { expect }) => killPoint(point, expect),
  );

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
