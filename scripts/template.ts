/**
 * `npm run template -- --region <kode> [--out templat.xlsx] [--data data]`
 *
 * Writes the workbook an office fills in for its kabupaten/kota: a sheet per
 * dataset with notes and drop-downs, every kecamatan and desa with its code,
 * and instructions. Programs come from the data folder's program/ when it
 * has one, else the national programs. The build publishes the same
 * template at /data/templat.xlsx.
 */
import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { loadRegionTree } from '../src/domain/regions.ts';
import { folderIO, loadPrograms } from '../src/load/portal.ts';
import { cliLang } from '../src/load/problems.ts';
import { templateWorkbook } from '../src/publish/template.ts';
import { runCli } from './cli.ts';
import { NATIONAL_PROGRAMS } from './sample/national.ts';

runCli(async () => {
  const en = cliLang() === 'en';
  const { values } = parseArgs({
    options: {
      region: { type: 'string' },
      out: { type: 'string', default: 'templat.xlsx' },
      data: { type: 'string', default: process.env.DATA_DIR ?? 'data' },
    },
  });
  const tree = values.region ? await loadRegionTree(values.region) : null;
  if (!tree) {
    console.error(
      en
        ? 'ERROR: give the Kemendagri code of the kabupaten/kota: npm run template -- --region 34.02'
        : 'GALAT: sebutkan kode Kemendagri kabupaten/kota: npm run template -- --region 34.02',
    );
    return 1;
  }
  let programs = await loadPrograms(folderIO(values.data), []);
  if (!programs.length) programs = await loadPrograms(folderIO(NATIONAL_PROGRAMS), []);
  const bytes = await templateWorkbook({ tree, programs, date: new Date().toISOString().slice(0, 10) });
  await writeFile(values.out, bytes);
  console.log(
    en
      ? `Template for ${tree.name}: ${values.out} (${(bytes.length / 1024).toFixed(0)} KB, ${tree.kecamatan.length} kecamatan)`
      : `Templat untuk ${tree.name}: ${values.out} (${(bytes.length / 1024).toFixed(0)} KB, ${tree.kecamatan.length} kecamatan)`,
  );
  return 0;
});
