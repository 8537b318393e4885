/**
 * `npm run init -- --region <kode> [--out <dir>]` (default: data/)
 *
 * In a copy of the Terang repository, `data/` holds the sample: init replaces
 * it as long as it is exactly the sample (the office's data never mixes with
 * synthetic data), keeping data/private/; a sample someone has worked in, or
 * any other folder with files, is refused and nothing changes.
 *
 * A data folder for a real office, not the sample: portal.json with
 * `data_contoh: false` and the office's name, the template to fill in (as
 * data.xlsx, which the build reads as it is), the national programs'
 * descriptions, a .gitignore that keeps data/private/ out of the
 * repository — and no synthetic data, no synthetic releases, no synthetic
 * lookup list. The build says what is still missing, sheet by sheet.
 */
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadRegionTree } from '../src/domain/regions.ts';
import { loadPrograms, memoryIO } from '../src/load/portal.ts';
import { cliLang } from '../src/load/problems.ts';
import { templateWorkbook } from '../src/publish/template.ts';
import { runCli } from './cli.ts';
import { notAKabupaten } from '../src/domain/region-node.ts';
import { NATIONAL_PROGRAMS } from './sample/national.ts';
import { madeBySample, notMadeBySample } from './sample.ts';

/** Descriptions that are the sample's own examples (e.g. a regional programme) are not copied. */
const SAMPLE_TEXT = /\(contoh\)|sintetis/i;

const GUIDE = (name: string) => `# Data ${name}

Folder data portal Terang untuk ${name}. Langkahnya:

1. Lengkapi \`portal.json\`: alamat kantor, telepon/WhatsApp pengaduan, e-mail (\`instansi.email\`), alamat situs (\`instansi.situs\`), label dan tanggal rilis.
2. Isi \`data.xlsx\` (satu lembar per data; lihat lembar "Petunjuk"). Lembar wajib: kemiskinan, pmks, registri, cakupan, anggaran.
3. Periksa \`program/\`: satu berkas per program (hapus yang tidak dijalankan, tambah program daerah).
4. Jalankan \`npm run build\` (atau unggah lewat antarmuka web bila alur kerja GitHub/GitLab dipakai).
   Setiap masalah disebut dengan lembar dan selnya, mis. "data.xlsx › pmks, sel D17".
5. Cek bansos (opsional): daftar penerima mentah hanya di \`private/\` (tidak pernah diunggah), lalu
   \`npm run hash -- private/<daftar>.csv --data <folder ini>\` di komputer kantor.
`;

runCli(async () => {
  const en = cliLang() === 'en';
  const { values } = parseArgs({ options: { region: { type: 'string' }, out: { type: 'string' } } });
  const tree = values.region ? await loadRegionTree(values.region) : null;
  if (values.region && !tree) {
    console.error(`GALAT: ${await notAKabupaten(values.region)}. Tidak ada yang diubah.`);
    return 1;
  }
  if (!tree) {
    console.error(
      en
        ? 'ERROR: npm run init -- --region <Kemendagri code of your kabupaten/kota, e.g. 17.07> [--out <folder>, default data]'
        : 'GALAT: npm run init -- --region <kode Kemendagri kabupaten/kota Anda, mis. 17.07> [--out <folder>, bawaan data]',
    );
    return 1;
  }
  const shown = values.out ?? 'data';
  const out = path.resolve(shown);
  // The sample that ships in data/ is replaced, never mixed with the office's data; anything else is left alone.
  const holdsFiles = existsSync(out) && (await readdir(out)).length > 0;
  const sample = holdsFiles && (await madeBySample(out));
  if (sample) {
    const own = await notMadeBySample(out, 1, en);
    if (own.length) {
      const list = own.slice(0, 12).join(', ') + (own.length > 12 ? ` (+${own.length - 12})` : '');
      console.error(
        en
          ? `ERROR: ${shown}/ holds the sample data with changes or files of someone's own: ${list}. Sample and office data are never mixed: move those files out (your own data belongs in data.xlsx after init), then run init again. Nothing was changed.`
          : `GALAT: ${shown}/ berisi data contoh yang sudah diubah atau ditambah: ${list}. Data contoh dan data kantor tidak pernah dicampur: pindahkan berkas itu keluar (data kantor masuk ke data.xlsx setelah init), lalu jalankan init lagi. Tidak ada yang diubah.`,
      );
      return 1;
    }
  } else if (holdsFiles) {
    console.error(
      en
        ? `ERROR: ${shown} already holds files that are not the sample; choose a new folder with --out (nothing was changed)`
        : `GALAT: ${shown} sudah berisi berkas yang bukan data contoh; pilih folder baru dengan --out (tidak ada yang diubah)`,
    );
    return 1;
  }
  const files: Record<string, string | Uint8Array> = {};
  const today = new Date().toISOString().slice(0, 10);
  files['portal.json'] = `${JSON.stringify(
    {
      kode_kabupaten: tree.code,
      instansi: { nama: `Dinas Sosial ${tree.name}`, alamat: '' },
      rilis: { label: `${today.slice(0, 4)}-1`, tanggal: today },
      sumber: [{ nama: `Dinas Sosial ${tree.name}` }],
      data_contoh: false,
    },
    null,
    2,
  )}\n`;
  const programDir = path.join(NATIONAL_PROGRAMS, 'program');
  for (const f of (await readdir(programDir)).sort()) {
    const text = await readFile(path.join(programDir, f), 'utf8');
    if (!SAMPLE_TEXT.test(text)) files[`program/${f}`] = text;
  }
  // The template's program list: exactly the descriptions copied above.
  const programs = await loadPrograms(memoryIO(files), []);
  files['data.xlsx'] = await templateWorkbook({ tree, programs, date: today, sources: [`Dinas Sosial ${tree.name}`] });
  files['README.md'] = GUIDE(tree.name);
  files['.gitignore'] = 'private/\n';
  // Written beside the target, then renamed: a failure leaves no half folder.
  const tmp = `${out}.tmp-${process.pid}`;
  await rm(tmp, { recursive: true, force: true });
  for (const [rel, content] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(tmp, rel)), { recursive: true });
    await writeFile(path.join(tmp, rel), content);
  }
  await mkdir(path.join(tmp, 'private'), { recursive: true });
  if (sample) {
    // data/private/ is the office's (git-ignored, never published): kept. The sample's sealed synthetic lookup list
    // goes there too, out of the published folder.
    for (const f of await readdir(path.join(out, 'private')).catch(() => [] as string[]))
      await rename(path.join(out, 'private', f), path.join(tmp, 'private', f));
    for (const f of ['penerima.csv', 'penerima-kdf.json']) {
      await mkdir(path.join(tmp, 'private', 'contoh'), { recursive: true });
      await rename(path.join(out, f), path.join(tmp, 'private', 'contoh', f)).catch(() => undefined);
    }
  }
  const old = `${out}.old-${process.pid}`;
  if (existsSync(out)) await rename(out, old);
  await rename(tmp, out);
  await rm(old, { recursive: true, force: true });
  const build = shown === 'data' ? 'npm run build' : `DATA_DIR=${shown} npm run build`;
  console.log(
    en
      ? `Data folder for ${tree.name}: ${shown}/${sample ? ' (the sample it held is gone: npm run sample -- --out data-sample brings it back elsewhere)' : ''}. Next: fill in portal.json and data.xlsx, then ${build}`
      : `Folder data untuk ${tree.name}: ${shown}/${sample ? ' (data contoh di dalamnya sudah diganti: npm run sample -- --out data-contoh membuatnya lagi di folder lain)' : ''}. Berikutnya: lengkapi portal.json dan data.xlsx, lalu ${build}`,
  );
  return 0;
});
