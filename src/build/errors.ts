/**
 * Failures an operator can act on are told in one sentence, never as a stack
 * trace: a data folder that cannot be written, a full disk, a busy port, a
 * build already running. `UserError` carries such a sentence in both
 * languages; `explainError` turns the system errors an operator meets into one.
 */
import { t, type Lang, type Text } from '../shared/lang.ts';

export class UserError extends Error {
  readonly text: Text;
  constructor(text: Text) {
    super(text.en);
    this.text = text;
  }
}

/** One sentence for errors the operator can fix, or undefined for a bug (which keeps its stack trace). */
export function explainError(e: unknown, lang: Lang): string | undefined {
  if (e instanceof UserError) return e.text[lang];
  const err = e as NodeJS.ErrnoException & { address?: string; port?: number; dest?: string };
  const where = err?.path ?? err?.dest ?? '';
  const text: Record<string, Text> = {
    ENOSPC: t(
      `Disk penuh: tidak ada ruang untuk menulis ${where}. Kosongkan ruang disk lalu jalankan lagi; situs yang sudah terbit tidak diubah.`,
      `The disk is full: no space to write ${where}. Free some space and run again; the published site was not changed.`,
    ),
    EDQUOT: t(
      `Kuota disk habis saat menulis ${where}. Kosongkan ruang lalu jalankan lagi.`,
      `Disk quota exceeded writing ${where}. Free some space and run again.`,
    ),
    EROFS: t(
      `Folder ${where} hanya bisa dibaca (read-only). Jalankan dari folder yang bisa ditulis.`,
      `${where} is on a read-only file system. Run from a folder that can be written.`,
    ),
    EACCES: t(
      `Tidak ada izin menulis ${where}. Periksa izin folder itu atau jalankan sebagai pengguna pemiliknya.`,
      `No permission to write ${where}. Check that folder's permissions or run as its owner.`,
    ),
    EPERM: t(
      `Tidak ada izin untuk ${where}. Periksa izin folder itu.`,
      `Operation not permitted on ${where}. Check that folder's permissions.`,
    ),
    EADDRINUSE: t(
      `Port ${err?.port ?? ''} sudah dipakai program lain. Tutup program itu atau pilih port lain, mis. PORT=8080 npm run serve.`,
      `Port ${err?.port ?? ''} is already in use. Close that program or choose another port, e.g. PORT=8080 npm run serve.`,
    ),
    EMFILE: t(
      'Terlalu banyak berkas terbuka. Tutup program lain lalu jalankan lagi.',
      'Too many open files. Close other programs and run again.',
    ),
  };
  return err && typeof err.code === 'string' ? text[err.code]?.[lang] : undefined;
}
