/**
 * The build's side effects on disk (cf. Observable Framework's
 * FileBuildEffects): where pages are rendered, how the new site replaces the
 * old one, and how a release is archived with the data. The guarantees:
 *
 *  - At every instant OUT_DIR is a complete site, the old one or the new one.
 *    OUT_DIR is a symbolic link to a site folder in `.<out>.sites/`; the new
 *    site goes live by renaming a new link over it, one rename(2), which
 *    POSIX makes atomic: a web server resolving OUT_DIR never finds nothing.
 *    (An OUT_DIR that is still a plain folder is moved into `.<out>.sites/`
 *    once; that one move is journalled, and a build killed inside it is
 *    finished or undone by the next command, which says so.)
 *  - A release is archived with the data before the site that publishes it
 *    goes live, so a published release is always archived.
 *  - Builds take locks: one per OUT_DIR and one per data folder for the whole
 *    build, and one per checkout while Astro renders inside the project. A
 *    second build waits, then refuses with a sentence.
 *  - Pages are rendered inside the project (`.terang/build-<pid>/`), so
 *    OUT_DIR may be on any file system: across devices the finished site is
 *    copied into `.<out>.sites/` first, then linked in. OUT_DIR itself cannot
 *    be a mount point (it could not be replaced): the build says which folder
 *    inside it to use instead.
 *  - Leftovers of a killed build (staging folders, half-copied sites,
 *    half-written archives) are removed by the next build.
 *  - A release archive is written into a hidden folder and renamed into
 *    place, so `data/rilis/<label>/` is either complete or absent.
 *
 * `TERANG_FAILPOINT=<name>` kills the process at a named point; the fault
 * tests use it to prove the guarantees (cf. failpoints in FoundationDB/TiKV).
 */
import { closeSync, existsSync, lstatSync, openSync, readFileSync, readlinkSync, unlinkSync, writeSync } from 'node:fs';
import { constants } from 'node:fs';
import { access, copyFile, cp, lstat, mkdir, readdir, readFile, rename, rm, stat, symlink, writeFile } from 'node:fs/promises';
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
    link: (pid: number) => path.join(parent, `.${base}.link-${pid}`),
    /** The site folders OUT_DIR links to. */
    sites: path.join(parent, `.${base}.sites`),
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
    let j: { next?: string; old?: string; link?: boolean } = {};
    try {
      j = JSON.parse(await readFile(n.journal, 'utf8'));
    } catch {
      /* torn journal: fall back to what exists */
    }
    if (!existsSync(outDir)) {
      if (j.next && existsSync(j.next)) {
        if (j.link) await symlink(path.relative(n.parent, j.next), outDir);
        else await rename(j.next, outDir);
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
    if (!f.startsWith(`.${n.base}.next-`) && !f.startsWith(`.${n.base}.old-`) && !f.startsWith(`.${n.base}.link-`)) continue;
    const pid = pidOf(f);
    if (pid !== undefined && pid !== process.pid && isAlive(pid)) continue;
    await rm(path.join(n.parent, f), { recursive: true, force: true });
    removed++;
  }
  removed += await pruneSites(outDir);
  if (removed)
    say(
      `Dibersihkan: ${removed} folder sisa build yang terhenti di samping ${outDir}.`,
      `Cleaned up: ${removed} folder(s) left by stopped builds next to ${outDir}.`,
    );
  return said;
}

const sameDevice = async (a: string, b: string) => (await stat(a)).dev === (await stat(b)).dev;

/** The site folder OUT_DIR links to, if it is one of ours. */
function linkedSite(outDir: string): string | undefined {
  try {
    if (!lstatSync(outDir).isSymbolicLink()) return undefined;
    return path.resolve(path.dirname(outDir), readlinkSync(outDir));
  } catch {
    return undefined;
  }
}

/** Remove every site folder OUT_DIR does not link to (killed builds' copies, the site before the last switch). */
async function pruneSites(outDir: string): Promise<number> {
  const n = names(outDir);
  const live = linkedSite(outDir);
  if (!live || !existsSync(live)) return 0; // nothing live to keep: never guess which site to remove
  let removed = 0;
  for (const f of await readdir(n.sites).catch(() => [] as string[])) {
    const p = path.join(n.sites, f);
    // A site a running build is still copying in (named `<time>-<pid>` by publishSite) is its own.
    const pid = /^\d{8}T\d{6}-\d+$/.test(f) ? pidOf(f) : undefined;
    if (p === live || (pid !== undefined && pid !== process.pid && isAlive(pid))) continue;
    await rm(p, { recursive: true, force: true });
    removed++;
  }
  return removed;
}

/**
 * Refuse an OUT_DIR the build cannot replace, before anything is rendered:
 * a mount point (a Docker volume, an NFS export) cannot be renamed or
 * replaced by a link, and a link someone else made points at a folder the
 * build does not own.
 */
export async function checkOutDir(outDir: string): Promise<void> {
  const st = await lstat(outDir).catch(() => undefined);
  if (!st) return;
  if (st.isSymbolicLink()) {
    const target = linkedSite(outDir)!;
    if (path.dirname(target) !== names(outDir).sites)
      throw new UserError(
        t(
          `${outDir} adalah tautan (symlink) ke ${target}, yang bukan buatan build ini. Hapus tautan itu, atau pakai OUT_DIR lain; build membuat sendiri tautan ${outDir} ke folder situs di ${names(outDir).sites}/.`,
          `${outDir} is a symbolic link to ${target}, which this build did not make. Remove the link, or use another OUT_DIR; the build makes ${outDir} itself, a link to a site folder in ${names(outDir).sites}/.`,
        ),
      );
    return;
  }
  if (st.isDirectory() && (await stat(path.dirname(outDir))).dev !== st.dev) {
    const inside = path.join(outDir, 'situs');
    throw new UserError(
      t(
        `${outDir} adalah titik kait (mount point) sebuah disk atau volume: build tidak dapat menggantinya sekaligus tanpa jeda. Pakai folder di dalamnya, mis. OUT_DIR=${inside}, dan arahkan server web ke ${inside}. Tidak ada yang diubah.`,
        `${outDir} is a mount point (a disk or volume): the build cannot replace it in one step. Use a folder inside it, e.g. OUT_DIR=${inside}, and point the web server at ${inside}. Nothing was changed.`,
      ),
    );
  }
  if (!st.isDirectory())
    throw new UserError(
      t(
        `${outDir} adalah berkas, bukan folder situs. Pilih OUT_DIR lain atau pindahkan berkas itu.`,
        `${outDir} is a file, not a site folder. Choose another OUT_DIR or move that file.`,
      ),
    );
}

/**
 * Put a complete site folder live at OUT_DIR (see the guarantees above): move
 * or copy it into `.<out>.sites/`, then rename a new link over OUT_DIR. The
 * site before it is removed once nothing links to it (a request already
 * reading one of its files keeps its open file).
 */
export async function publishSite(site: string, outDir: string): Promise<void> {
  const n = names(outDir);
  await mkdir(n.sites, { recursive: true });
  const id = `${new Date().toISOString().replace(/[-:]/g, '').replace(/\..*$/, '')}-${process.pid}`;
  const target = path.join(n.sites, id);
  await rm(target, { recursive: true, force: true });
  if (await sameDevice(path.dirname(site), n.sites)) await rename(site, target);
  else {
    // Another file system: copy next to OUT_DIR first; going live is still one rename.
    try {
      await cp(site, target, { recursive: true });
    } catch (e) {
      await rm(target, { recursive: true, force: true }); // e.g. a full disk: leave nothing half-copied behind
      if ((e as NodeJS.ErrnoException).code === 'ENOSPC')
        throw new UserError(
          t(
            `Disk penuh di ${n.parent}: tidak ada ruang untuk salinan situs baru di samping ${outDir} (build memerlukan ruang untuk dua salinan situs sesaat). Kosongkan ruang di disk itu lalu jalankan lagi; situs yang sudah terbit tidak diubah.`,
            `The disk holding ${n.parent} is full: no room for the new site's copy next to ${outDir} (a build briefly needs room for two copies of the site). Free space on that disk and run again; the published site was not changed.`,
          ),
        );
      throw e;
    }
    await rm(site, { recursive: true, force: true });
  }
  failpoint('before-swap');
  const st = await lstat(outDir).catch(() => undefined);
  if (st && !st.isSymbolicLink()) {
    // Once: a plain folder becomes one of the sites, journalled so a kill between the two renames is undone.
    const old = path.join(n.sites, `sebelumnya-${process.pid}`);
    await writeFile(`${n.journal}.tmp`, JSON.stringify({ next: target, old, link: true }));
    await rename(`${n.journal}.tmp`, n.journal);
    await rename(outDir, old);
    failpoint('between-renames');
  }
  const link = n.link(process.pid);
  await rm(link, { force: true });
  await symlink(path.relative(n.parent, target), link);
  await rename(link, outDir);
  await rm(n.journal, { force: true });
  failpoint('after-swap');
  await pruneSites(outDir);
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
    /** Each file's content, or with `from`, copied from `from/<value>` (the staged site). */
    async write(files: Record<string, string | Uint8Array>, from?: string): Promise<void> {
      let first = true;
      for (const [f, content] of Object.entries(files)) {
        if (from) await copyFile(path.join(from, String(content)), path.join(tmp, f));
        else await writeFile(path.join(tmp, f), content);
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
