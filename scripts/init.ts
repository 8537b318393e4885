/**
 * `npm run init -- --region <kode> --out <dir>`
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
import { NATIONAL_PROGRAMS } from './sample/national.ts';

/** Descriptions that are the sample's own examples (e.g. a regional programme) are not copied. */
const SAMPLE_TEXT = /\(contoh\)|sintetis/i;

const GUIDE = (name: string) => `# Data ${name}

Folder data portal Terang untuk ${name}. Langkahnya:

1. Lengkapi \`portal.json\`: alamat kantor, telepon/WhatsApp pengaduan, alamat situs (\`instansi.situs\`), label dan tanggal rilis.
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
  if (!tree || !values.out) {
    console.error(
      en
        ? 'ERROR: npm run init -- --region <Kemendagri code, e.g. 34.02> --out <new folder>'
        : 'GALAT: npm run init -- --region <kode Kemendagri, mis. 34.02> --out <folder baru>',
    );
    return 1;
  }
  const out = path.resolve(values.out);
  if (existsSync(out) && (await readdir(out)).length > 0) {
    console.error(
      en
        ? `ERROR: ${values.out} already holds files; choose a new folder (nothing was changed)`
        : `GALAT: ${values.out} sudah berisi berkas; pilih folder baru (tidak ada yang diubah)`,
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
  await rm(out, { recursive: true, force: true });
  await rename(tmp, out);
  console.log(
    en
      ? `Data folder for ${tree.name}: ${values.out}. Next: fill in portal.json and data.xlsx, then DATA_DIR=${values.out} npm run build`
      : `Folder data untuk ${tree.name}: ${values.out}. Berikutnya: lengkapi portal.json dan data.xlsx, lalu DATA_DIR=${values.out} npm run build`,
  );
  return 0;
});
