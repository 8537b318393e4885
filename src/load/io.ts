/**
 * How the loader reads a data folder: through `DataIO`, so the same code
 * reads a folder on disk (`folderIO`) or one held in memory (`memoryIO`: a
 * generated sample before it is written, test fixtures).
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

export interface DataIO {
  /** File bytes, or null when the file does not exist. */
  read(rel: string): Promise<Uint8Array | null>;
  list(rel: string): Promise<string[]>;
}

export const folderIO = (dir: string): DataIO => ({
  read: async (rel) => {
    try {
      return await readFile(path.join(dir, rel));
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT' || (e as NodeJS.ErrnoException).code === 'EISDIR') return null;
      throw e;
    }
  },
  list: async (rel) => {
    try {
      return (await readdir(path.join(dir, rel))).sort();
    } catch {
      return [];
    }
  },
});

/** An in-memory data folder (path → text), e.g. a generated sample before it is written. */
export const memoryIO = (files: Record<string, string | Uint8Array>): DataIO => ({
  read: async (rel) => {
    const f = files[rel];
    return f === undefined ? null : typeof f === 'string' ? new TextEncoder().encode(f) : f;
  },
  list: async (rel) =>
    [
      ...new Set(
        Object.keys(files)
          .filter((k) => rel === '.' || k.startsWith(`${rel}/`))
          .map((k) => (rel === '.' ? k : k.slice(rel.length + 1)).split('/')[0]!),
      ),
    ].sort(),
});

/**
 * The same folder, each file read once: the identifier guard, the loader and
 * the lookup's keys all read the inputs, and a workbook parsed for one is
 * then parsed for all (workbook.ts keeps parses by these bytes).
 */
export function readOnce(io: DataIO): DataIO {
  const reads = new Map<string, Promise<Uint8Array | null>>();
  return {
    read: (rel) => {
      if (!reads.has(rel)) reads.set(rel, io.read(rel));
      return reads.get(rel)!;
    },
    list: (rel) => io.list(rel),
  };
}

/** A folder inside another, read through the same IO (a kabupaten/kota's folder inside a province's data folder). */
export const subIO = (io: DataIO, dir: string): DataIO => ({
  read: (rel) => io.read(`${dir}/${rel}`),
  list: (rel) => io.list(rel === '.' ? dir : `${dir}/${rel}`),
});

/** A file's content as text (downloads and archived releases are held as UTF-8 bytes: half a string's size). */
export const textOf = (content: string | Uint8Array): string =>
  typeof content === 'string' ? content : Buffer.from(content.buffer, content.byteOffset, content.byteLength).toString('utf8');
