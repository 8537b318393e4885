/**
 * From the sample to an office's own portal, the documented way: a copy of
 * the repository (its data/ is the sample) refuses to publish the sample from
 * the GitHub workflow; `npm run init -- --region 17.07` replaces data/ with an
 * empty template for Lebong; the operator fills data.xlsx and portal.json; the
 * workflow's build step (run as the workflow runs it) publishes a site with no
 * sample text and no other region's examples.
 */
import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { DATASETS } from '../src/load/datasets/index.ts';
import { folderIO, loadPortal, loadPrograms, type PortalData } from '../src/load/portal.ts';
import { loadRegionTree } from '../src/domain/regions.ts';
import { templateWorkbook } from '../src/publish/template.ts';
import { fixtureIO, MINI, ROOT } from './helpers.ts';

const tmp = mkdtempSync(path.join(tmpdir(), 'terang-office-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

// A clone as the workflow sees it: the project's files (linked), and a data/ of its own that starts as the sample.
const repo = path.join(tmp, 'repo');
mkdirSync(repo);
for (const f of ['package.json', 'scripts', 'src', 'public', 'node_modules', 'astro.config.mjs', 'tsconfig.json'])
  symlinkSync(path.join(ROOT, f), path.join(repo, f));
cpSync(path.join(ROOT, 'data'), path.join(repo, 'data'), { recursive: true });
const data = path.join(repo, 'data');
const out = path.join(repo, 'dist');

/** The workflow's build step, its script and environment as GitHub runs them (no repository variable set). */
function workflowBuild(): Promise<{ code: number; summary: string; log: string }> {
  const wf = parse(readFileSync(path.join(ROOT, '.github/workflows/terbitkan.yml'), 'utf8'));
  const step = wf.jobs.build.steps.find((s: { run?: string }) => s.run?.includes('npm run build'));
  const summary = path.join(tmp, `summary-${Date.now()}.md`);
  writeFileSync(summary, '');
  const env: Record<string, string> = {
    ...(process.env as Record<string, string>),
    GITHUB_STEP_SUMMARY: summary,
    BASE_PATH: '/portal-lebong',
    // `${{ vars.TERANG_CONTOH != 'terbitkan' && '1' || '' }}` with the variable unset.
    TERANG_TOLAK_CONTOH: /vars\.TERANG_CONTOH != 'terbitkan' && '1'/.test(step.env.TERANG_TOLAK_CONTOH) ? '1' : '',
    // The clone's own data/ and dist/ (a real clone needs neither: they are its defaults).
    DATA_DIR: data,
    OUT_DIR: out,
    LANG: 'id_ID.UTF-8',
  };
  delete env.TERANG_PUBLISHED_INDEX; // a site not yet published
  return promisify(execFile)('bash', ['-e', '-c', step.run], { cwd: repo, env, maxBuffer: 64 << 20 }).then(
    () => ({ code: 0, summary: readFileSync(summary, 'utf8'), log: readFileSync(path.join(repo, 'build.log'), 'utf8') }),
    (e: { code: number }) => ({
      code: e.code,
      summary: readFileSync(summary, 'utf8'),
      log: readFileSync(path.join(repo, 'build.log'), 'utf8'),
    }),
  );
}

/** Every text file of a built site, by path. */
function texts(dir: string): [string, string][] {
  return (readdirSync(dir, { recursive: true }) as string[])
    .filter((f) => /\.(html|csv|json|jsonld|xml|txt|conf)$/.test(f) || f === '_headers')
    .map((f) => [f, readFileSync(path.join(dir, f), 'utf8')]);
}
/** What the sample says about itself, and the sample region's names and codes. */
const SAMPLE_TEXT = /data contoh|sintetis|synthetic|sample data|Bantul|34\.02\b|Sedayu|Srandakan|Sewon|Yogyakarta/i;

describe('an office replaces the sample and publishes through the GitHub workflow', () => {
  it('the sample in an office repository stops the workflow with the sentence that says how to replace it', async () => {
    const r = await workflowBuild();
    expect(r.code).not.toBe(0);
    expect(r.summary).toContain('Build dihentikan');
    expect(r.summary).toContain('masih berisi data contoh Terang');
    expect(r.summary).toContain('npm run init -- --region');
    expect(existsSync(out)).toBe(false);
  });

  it('init replaces the sample in data/ (refusing a sample someone worked in), then the filled-in folder publishes with no sample left', async () => {
    const init = (args: string[]) =>
      promisify(execFile)(process.execPath, ['scripts/init.ts', ...args], { cwd: ROOT, env: { ...process.env, LANG: 'id_ID.UTF-8' } }).then(
        (r) => ({ code: 0, ...r }),
        (e: { code: number; stdout: string; stderr: string }) => e,
      );
    // A sample with an operator's own file in it is not replaced.
    writeFileSync(path.join(data, 'catatan-saya.csv'), 'a,b\r\n1,2\r\n');
    const refused = await init(['--region', '17.07', '--out', data]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('catatan-saya.csv');
    expect(existsSync(path.join(data, 'catatan-saya.csv'))).toBe(true);
    rmSync(path.join(data, 'catatan-saya.csv'));

    const done = await init(['--region', '17.07', '--out', data]);
    expect(done.code, done.stderr).toBe(0);
    expect(done.stdout).toContain('Kabupaten Lebong');
    const files = (readdirSync(data, { recursive: true }) as string[]).map((f) => f.split(path.sep).join('/')).sort();
    expect(files.filter((f) => !f.startsWith('private') && !f.startsWith('program'))).toEqual([
      '.gitignore',
      'README.md',
      'data.xlsx',
      'portal.json',
    ]);
    // The sample's sealed lookup list left the published folder (kept in the git-ignored private/).
    expect(existsSync(path.join(data, 'private', 'contoh', 'penerima.csv'))).toBe(true);

    // The operator fills portal.json and data.xlsx (here with the Lebong figures of the test fixture).
    const portal = JSON.parse(readFileSync(path.join(data, 'portal.json'), 'utf8'));
    expect(portal.data_contoh).toBe(false);
    portal.instansi.alamat = 'Jl. Raya Tubei, Kabupaten Lebong';
    portal.instansi.situs = 'https://dinsos.lebongkab.example/';
    portal.instansi.email = 'dinsos@lebongkab.example';
    writeFileSync(path.join(data, 'portal.json'), JSON.stringify(portal, null, 2));
    const { data: mini } = await loadPortal(fixtureIO({}, MINI));
    const tree = (await loadRegionTree('17.07'))!;
    const programs = await loadPrograms(folderIO(data), []);
    const rows = Object.fromEntries(
      DATASETS.map((ds) => [ds.name, (mini![ds.name as keyof PortalData] as { _line: number }[]).map(({ _line, ...r }) => r)]),
    );
    writeFileSync(path.join(data, 'data.xlsx'), await templateWorkbook({ tree, programs, date: portal.rilis.tanggal, rows }));

    const r = await workflowBuild();
    expect(r.code, r.log).toBe(0);
    expect(r.summary).toContain('Portal dibangun');
    const site = texts(out);
    expect(site.length).toBeGreaterThan(100);
    const leftovers = site.filter(([, text]) => SAMPLE_TEXT.test(text)).map(([f, text]) => `${f}: ${SAMPLE_TEXT.exec(text)![0]}`);
    expect(leftovers).toEqual([]);
    // What the office does not keep (no PSKS; programs without figures) says so, never "undefined", and leaves the menu.
    expect(site.filter(([f, text]) => f.endsWith('.html') && /undefined|NaN/.test(text)).map(([f]) => f)).toEqual([]);
    const psks = readFileSync(path.join(out, 'psks', 'index.html'), 'utf8');
    expect(psks).toContain('Data PSKS (potensi dan sumber kesejahteraan sosial) belum tersedia');
    expect(psks).toContain('href="/portal-lebong/pmks/"'); // the menu, under the workflow's base path
    expect(psks).not.toContain('href="/portal-lebong/psks/"');
    expect(readFileSync(path.join(out, 'program', 'sembako', 'index.html'), 'utf8')).toContain('belum memuat angka anggaran atau cakupan');
    // The header search suggests a Lebong kecamatan; the data dictionary's examples are Lebong codes.
    const home = readFileSync(path.join(out, 'index.html'), 'utf8');
    expect(home).toMatch(/placeholder="mis\. lansia [^"]+"/);
    expect(readFileSync(path.join(out, 'data', 'index.html'), 'utf8')).toContain('mis. 17.07.01');
    // The template the site offers explains its columns with Lebong's codes too.
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(path.join(out, 'data', 'templat.xlsx'));
    const notes = book.worksheets.flatMap((ws) => ws.getRow(1).values as unknown[]).length;
    expect(notes).toBeGreaterThan(0);
    const noteText = book.worksheets
      .flatMap((ws) => {
        const cells: string[] = [];
        ws.getRow(1).eachCell((c) => cells.push(JSON.stringify(c.note ?? '')));
        return cells;
      })
      .join('\n');
    expect(noteText).toContain('17.07.01');
    expect(noteText).not.toMatch(SAMPLE_TEXT);
  });
});
