/**
 * `npm run verify -- <folder>`: check a built or downloaded site folder (or a
 * folder of downloads) against its datapackage.json: every file listed must
 * exist with the listed size and sha256. Checks the current release and every
 * archived one under data/rilis/. Exit code 1 on any mismatch.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { cliLang } from '../src/load/problems.ts';

export interface Mismatch { file: string; problem: string }

export async function verifyFolder(root: string): Promise<{ checked: number; packages: number; mismatches: Mismatch[] }> {
  const candidates = [path.join(root, 'data', 'datapackage.json'), path.join(root, 'datapackage.json')];
  const rilis = path.join(root, 'data', 'rilis');
  if (existsSync(rilis)) for (const r of await readdir(rilis)) candidates.push(path.join(rilis, r, 'datapackage.json'));
  const mismatches: Mismatch[] = [];
  let checked = 0;
  let packages = 0;
  for (const pkgPath of candidates.filter((p) => existsSync(p))) {
    packages++;
    const pkg = JSON.parse(await readFile(pkgPath, 'utf8')) as { resources: { path: string; bytes: number; hash: string }[] };
    for (const r of pkg.resources) {
      const file = path.join(path.dirname(pkgPath), r.path);
      const rel = path.relative(root, file);
      checked++;
      if (!existsSync(file)) { mismatches.push({ file: rel, problem: 'missing' }); continue; }
      const bytes = await readFile(file);
      if (bytes.length !== r.bytes) mismatches.push({ file: rel, problem: `bytes ${bytes.length} ≠ ${r.bytes}` });
      const hash = `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
      if (hash !== r.hash) mismatches.push({ file: rel, problem: `hash ${hash.slice(0, 19)}… ≠ ${r.hash.slice(0, 19)}…` });
    }
  }
  return { checked, packages, mismatches };
}

if (import.meta.main) {
  const en = cliLang() === 'en';
  const dir = path.resolve(process.argv[2] ?? 'dist');
  const { checked, packages, mismatches } = await verifyFolder(dir);
  if (packages === 0) {
    console.error(en ? `ERROR ${dir}: no datapackage.json found` : `GALAT ${dir}: datapackage.json tidak ditemukan`);
    process.exit(1);
  }
  for (const m of mismatches) console.error(`${en ? 'MISMATCH' : 'TIDAK COCOK'} ${m.file}: ${m.problem}`);
  console.log(en ? `${checked} files in ${packages} data package(s) checked: ${mismatches.length} mismatch(es).` : `${checked} berkas dalam ${packages} paket data diperiksa: ${mismatches.length} tidak cocok.`);
  process.exit(mismatches.length ? 1 : 0);
}
