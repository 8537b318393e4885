/**
 * `node scripts/fetch-published.ts <site-url> <file>`: save the live site's
 * list of published releases (`data/rilis/index.json`, with each release's
 * file hashes) for the build to compare every label against
 * (TERANG_PUBLISHED_INDEX=<file> npm run build). The publishing workflows
 * run it first: a release the live site publishes but the repository lacks
 * (a fresh clone, an archive never committed) then stops the build instead
 * of being published again as new. A site not published yet (404) is fine;
 * any other failure stops the run, so the check is never skipped silently.
 */
import { writeFile } from 'node:fs/promises';
import { cliLang } from '../src/load/problems.ts';
import { runCli } from './cli.ts';

await runCli(async () => {
  const [site, file] = process.argv.slice(2);
  const en = cliLang() === 'en';
  if (!site || !file) {
    console.error(
      en
        ? 'Usage: node scripts/fetch-published.ts <site-url> <file>'
        : 'Pemakaian: node scripts/fetch-published.ts <alamat-situs> <berkas>',
    );
    return 2;
  }
  const url = new URL('data/rilis/index.json', site.endsWith('/') ? site : `${site}/`);
  let res: Response;
  try {
    res = await fetch(url, { redirect: 'follow', signal: AbortSignal.timeout(60_000) });
  } catch (e) {
    console.error(
      en
        ? `ERROR: cannot reach ${url} (${(e as Error).message}); the published releases could not be checked, so nothing is built.`
        : `GALAT: ${url} tidak dapat dihubungi (${(e as Error).message}); rilis yang sudah terbit tidak dapat diperiksa, jadi tidak ada yang dibangun.`,
    );
    return 1;
  }
  if (res.status === 404) {
    console.log(en ? `No release published at ${site} yet.` : `Belum ada rilis yang terbit di ${site}.`);
    return 0;
  }
  const text = await res.text();
  let index: { rilis?: unknown[] };
  try {
    index = JSON.parse(text);
  } catch {
    index = {};
  }
  if (!res.ok || !Array.isArray(index.rilis)) {
    console.error(
      en
        ? `ERROR: ${url} answered ${res.status} without a release list; the published releases could not be checked, so nothing is built.`
        : `GALAT: ${url} menjawab ${res.status} tanpa daftar rilis; rilis yang sudah terbit tidak dapat diperiksa, jadi tidak ada yang dibangun.`,
    );
    return 1;
  }
  await writeFile(file, JSON.stringify({ ...index, situs: site }));
  console.log(en ? `${index.rilis.length} published release(s) at ${site}.` : `${index.rilis.length} rilis sudah terbit di ${site}.`);
  return 0;
});
