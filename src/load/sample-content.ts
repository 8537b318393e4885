/**
 * A portal that says it is not sample data (`data_contoh: false`) must hold
 * no sample content: no archived release published as sample data, no
 * lookup list hashed from a synthetic list, no texts that call themselves
 * examples. Each is an error naming what to remove, so starting from the
 * sample and flipping the flag cannot publish synthetic figures as real.
 */
import { type DataIO, textOf } from './io.ts';
import { t, type Problem } from './problems.ts';
import type { PortalConfig } from './schema/portal.ts';
import type { Program } from './schema/program.ts';

/** Words the sample writes into its texts ("(contoh)", "Data contoh", "sintetis"). */
const SAMPLE_WORDS = /\(contoh\)|\bdata contoh\b|\bcontoh\b.*\bbukan data resmi\b|\bsintetis\b|\bsynthetic\b|alamat contoh/i;

interface Archived {
  label: string;
  files: Record<string, string | Uint8Array>;
}

export async function sampleContent(
  io: DataIO,
  config: PortalConfig,
  programs: readonly Program[],
  releases: readonly Archived[],
): Promise<Problem[]> {
  if (config.data_contoh) return [];
  const problems: Problem[] = [];
  const refuse = (file: string, expected: ReturnType<typeof t>, extra: Partial<Problem> = {}) =>
    problems.push({ level: 'error', kind: 'sample_content', file, ...extra, expected });

  for (const r of releases) {
    const pkg = textOf(r.files['datapackage.json'] ?? '');
    if (/"peringatan"\s*:/.test(pkg) || SAMPLE_WORDS.test(pkg.slice(0, 2000)))
      refuse(
        `rilis/${r.label}/`,
        t(
          `tanpa rilis contoh: hapus folder rilis/${r.label}/ (rilis data contoh; portal ini bukan data contoh)`,
          `no sample releases: delete the folder rilis/${r.label}/ (a sample-data release; this portal is not sample data)`,
        ),
      );
  }

  const kdf = await io.read('penerima-kdf.json');
  if (kdf && /"contoh"\s*:\s*true/.test(new TextDecoder().decode(kdf)))
    refuse(
      'penerima-kdf.json',
      t(
        'tanpa daftar penerima contoh: hapus penerima.csv dan penerima-kdf.json, lalu olah daftar asli dengan npm run hash -- data/private/<daftar>.csv',
        'no sample recipient list: delete penerima.csv and penerima-kdf.json, then hash the real list with npm run hash -- data/private/<list>.csv',
      ),
    );

  // portal.json: every text that says it is an example.
  const walk = (v: unknown, at: string): void => {
    if (typeof v === 'string') {
      if (SAMPLE_WORDS.test(v))
        refuse('portal.json', t(`isi sebenarnya untuk ${at} (bukan teks contoh)`, `the real text for ${at} (not sample text)`), {
          field: at,
          value: v,
        });
    } else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, at ? `${at}.${k}` : k);
  };
  walk({ instansi: config.instansi, sumber: config.sumber }, '');

  for (const p of programs) {
    const { html, ...meta } = p;
    const text = [
      ...Object.values(meta)
        .flat()
        .filter((v) => typeof v === 'string'),
      html.replace(/<[^>]+>/g, ' '),
    ].join('\n');
    const line = text.split('\n').find((l) => SAMPLE_WORDS.test(l));
    if (line)
      refuse(
        p.file,
        t(
          `deskripsi program yang sebenarnya (berkas ini berisi teks contoh); perbaiki atau hapus program/${p.slug}.md`,
          `the program's real description (this file holds sample text); fix or delete program/${p.slug}.md`,
        ),
        { value: line.trim() },
      );
  }
  return problems;
}
