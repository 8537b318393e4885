/**
 * The build's side effects on disk (cf. Observable Framework's
 * FileBuildEffects): where pages are rendered, how the new site replaces the
 * old one, and how a release is archived with the data. The guarantees:
 *
 *  - At every instant OUT_DIR is a complete site, the old or the new one, or
 *    the next command restores it by itself and says so. The swap is two
 *    renames recorded in a journal (`.<out>.swap`) written before the first;
 *    a build killed between them is finished or undone by the next one.
 *  - Builds take locks: one per checkout (Astro renders inside the project)
 *    and one per OUT_DIR. A second build waits, then refuses with a sentence.
 *  - Pages are rendered inside the project (`.terang/build-<pid>/`), so
 *    OUT_DIR may be on any file system: across devices the finished site is
 *    copied next to OUT_DIR first, then swapped in by rename.
 *  - Leftovers of a killed build (staging folders, half-copied sites,
 *    half-written archives) are removed by the next build.
 *  - A release archive is written into a hidden folder and renamed into
 *    place, so `data/rilis/<label>/` is either complete or absent.
 *
 * `TERANG_FAILPOINT=<name>` kills the process at a named point; the fault
 * tests use it to prove the guarantees (cf. failpoints in FoundationDB/TiKV).
 */
import { closeSync, existsSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { constants } from 'node:fs';
import { access, cp, mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { t, type Lang } from '../shared/lang.ts';
import { UserError } from './errors.ts';

export function failpoint(name: string): void {
  if (process.env.TERANG_FAILPOINT === name) process.kill(process.pid, 'SIGKILL');
}

const isAlive = (pid: number): boolean => {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/** The pid at the end of a leftover's name (`.dist.next-1234`, `build-1234`), if any. */
const pidOf = (name: string): number | undefined => {
  const m = /-(\d+)$/.exec(name);
  return m ? Number(m[1]) : undefined;
};

/**
 * An exclusive lock file holding the owner's pid. A lock whose owner is gone
 * is taken over; a live one is waited for, up to `waitMs`.
 */
export async function acquireLock(
  file: string,
  what: string,
  o: { lang: Lang; log: (l: string) => void; waitMs: number },
): Promise<() => void> {
  const started = Date.now();
  let told = false;
  await mkdir(path.dirname(file), { recursive: true });
  for (;;) {
    try {
      const fd = openSync(file, 'wx');
      writeSync(fd, JSON.stringify({ pid: process.pid, since: new Date().toISOString() }));
      closeSync(fd);
      const release = () => {
        try {
          if (JSON.parse(readFileSync(file, 'utf8')).pid === process.pid) unlinkSync(file);
        } catch {
          /* already gone */
        }
      };
      process.once('exit', release);
      return () => {
        release();
        process.removeListener('exit', release);
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
    let owner: { pid?: number; since?: string } = {};
    try {
      owner = JSON.parse(readFileSync(file, 'utf8'));
    } catch {
      /* being written, or torn by a kill */
    }
    const torn = owner.pid === undefined && Date.now() - (await stat(file).catch(() => ({ mtimeMs: 0 }))).mtimeMs > 5000;
    if (torn || (owner.pid !== undefined && !isAlive(owner.pid))) {
      try {
        unlinkSync(file);
      } catch {
        /* someone else took it over */
      }
      continue;
    }
    if (Date.now() - started > o.waitMs) {
      throw new UserError(
        t(
          `Build lain (PID ${owner.pid ?? '?'}, sejak ${owner.since ?? '?'}) masih berjalan untuk ${what}. Tunggu sampai selesai, lalu jalankan lagi.`,
          `Another build (PID ${owner.pid ?? '?'}, since ${owner.since ?? '?'}) is still running for ${what}. Wait for it to finish, then run again.`,
        ),
      );
    }
    if (!told) {
      o.log(
        o.lang === 'en'
          ? `Waiting for another build (PID ${owner.pid}) of ${what} to finish…`
          : `Menunggu build lain (PID ${owner.pid}) untuk ${what} selesai…`,
      );
      told = true;
    }
    await new Promise((r) => setTimeout(r, 250));
  }
}

const names = (outDir: string) => {
  const parent = path.dirname(outDir);
  const base = path.basename(outDir);
  return {
    parent,
    base,
    journal: path.join(parent, `.${base}.swap`),
    lock: path.join(parent, `.${base}.lock`),
    next: (pid: number) => path.join(parent, `.${base}.next-${pid}`),
    old: (pid: number) => path.join(parent, `.${base}.old-${pid}`),
  };
};

/**
 * Finish or undo a swap a killed build left behind, and remove what killed
 * builds left beside OUT_DIR. Call while holding OUT_DIR's lock. Returns what
 * it did, in words, for the log.
 */
export async function recoverOutDir(outDir: string, lang: Lang): Promise<string[]> {
  const n = names(outDir);
  const said: string[] = [];
  const say = (id: string, en: string) => said.push(lang === 'en' ? en : id);
  if (existsSync(n.journal)) {
    let j: { next?: string; old?: string } = {};
    try {
      j = JSON.parse(await readFile(n.journal, 'utf8'));
    } catch {
      /* torn journal: fall back to what exists */
    }
    if (!existsSync(outDir)) {
      if (j.next && existsSync(j.next)) {
        await rename(j.next, outDir);
        say(
          `Dipulihkan: build sebelumnya terhenti di tengah pertukaran; situs barunya (sudah lengkap) kini terpasang di ${outDir}.`,
          `Restored: the previous build stopped in the middle of the swap; its new site (complete) is now in place at ${outDir}.`,
        );
      } else if (j.old && existsSync(j.old)) {
        await rename(j.old, outDir);
        say(
          `Dipulihkan: build sebelumnya terhenti di tengah pertukaran; situs lama dikembalikan ke ${outDir}.`,
          `Restored: the previous build stopped in the middle of the swap; the old site is back at ${outDir}.`,
        );
      }
    }
    await rm(n.journal, { force: true });
  }
  let removed = 0;
  for (const f of await readdir(n.parent).catch(() => [] as string[])) {
    if (!f.startsWith(`.${n.base}.next-`) && !f.startsWith(`.${n.base}.old-`)) continue;
    const pid = pidOf(f);
    if (pid !== undefined && pid !== process.pid && isAlive(pid)) continue;
    await rm(path.join(n.parent, f), { recursive: true, force: true });
    removed++;
  }
  if (removed)
    say(
      `Dibersihkan: ${removed} folder sisa build yang terhenti di samping ${outDir}.`,
      `Cleaned up: ${removed} folder(s) left by stopped builds next to ${outDir}.`,
    );
  return said;
}

const sameDevice = async (a: string, b: string) => (await stat(a)).dev === (await stat(b)).dev;

/** Replace OUT_DIR with a complete site folder, journalled so a kill at any point is recoverable. */
export async function swapIn(site: string, outDir: string): Promise<void> {
  const n = names(outDir);
  await mkdir(n.parent, { recursive: true });
  const next = n.next(process.pid);
  const old = n.old(process.pid);
  await rm(next, { recursive: true, force: true });
  if (await sameDevice(path.dirname(site), n.parent)) await rename(site, next);
  else {
    // Another file system: copy next to OUT_DIR first; the swap itself is still a rename.
    try {
      await cp(site, next, { recursive: true });
    } catch (e) {
      await rm(next, { recursive: true, force: true }); // e.g. a full disk: leave nothing half-copied behind
      throw e;
    }
    await rm(site, { recursive: true, force: true });
  }
  failpoint('before-swap');
  await writeFile(`${n.journal}.tmp`, JSON.stringify({ next, old }));
  await rename(`${n.journal}.tmp`, n.journal);
  let moved = false;
  if (existsSync(outDir)) {
    await rename(outDir, old);
    moved = true;
  }
  failpoint('between-renames');
  await rename(next, outDir);
  await rm(n.journal, { force: true });
  failpoint('after-swap');
  if (moved) await rm(old, { recursive: true, force: true });
}

export { names as outDirNames };

/** Remove work folders of killed builds in `<root>/.terang/` (their pids are gone). */
export async function cleanWorkDir(work: string): Promise<number> {
  let removed = 0;
  for (const f of await readdir(work).catch(() => [] as string[])) {
    const pid = pidOf(f);
    if (!f.startsWith('build-') || pid === undefined || pid === process.pid || isAlive(pid)) continue;
    await rm(path.join(work, f), { recursive: true, force: true });
    removed++;
  }
  return removed;
}

/**
 * Archive a release with the data: written into `rilis/.tmp-<label>-<pid>/`
 * and renamed into place. `prepare` runs before anything is rendered, so a
 * data folder that cannot be written stops the build before it publishes.
 */
export function releaseArchiver(dataDir: string, label: string) {
  const dir = path.join(dataDir, 'rilis');
  const tmp = path.join(dir, `.tmp-${label}-${process.pid}`);
  const final = path.join(dir, label);
  return {
    final,
    async prepare(): Promise<void> {
      try {
        await access(dataDir, constants.W_OK);
        await mkdir(dir, { recursive: true });
        for (const f of await readdir(dir)) {
          const pid = pidOf(f);
          if (f.startsWith('.tmp-') && pid !== undefined && !isAlive(pid)) await rm(path.join(dir, f), { recursive: true, force: true });
        }
        await rm(tmp, { recursive: true, force: true });
        await mkdir(tmp);
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        if (code === 'EROFS' || code === 'EACCES' || code === 'EPERM') {
          throw new UserError(
            t(
              `Folder ${dir} tidak bisa ditulis, padahal rilis ${label} baru dan harus diarsipkan di sana sebelum terbit. Beri izin tulis pada folder data, atau build dari salinan yang bisa ditulis.`,
              `${dir} cannot be written, but release ${label} is new and must be archived there before it is published. Make the data folder writable, or build from a writable copy.`,
            ),
          );
        }
        throw e;
      }
    },
    async write(files: Record<string, string>): Promise<void> {
      let first = true;
      for (const [f, content] of Object.entries(files)) {
        await writeFile(path.join(tmp, f), content);
        if (first) failpoint('during-archive');
        first = false;
      }
      await rename(tmp, final);
    },
    async abort(): Promise<void> {
      await rm(tmp, { recursive: true, force: true });
    },
  };
}
