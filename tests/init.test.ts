/**
 * From the sample to a real portal without traps: `npm run init` makes a
 * folder with no synthetic content, `npm run template` writes the workbook,
 * and a portal that says it is not sample data refuses sample content,
 * naming what to remove.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { folderIO, loadPortal } from '../src/load/portal.ts';
import { formatProblem } from '../src/load/problems.ts';
import { fixtureIO, ROOT } from './helpers.ts';

const run = promisify(execFile);
const tmp = mkdtempSync(path.join(tmpdir(), 'terang-init-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const cli = (script: string, args: string[]) =>
  run(process.execPath, [`scripts/${script}.ts`, ...args], { cwd: ROOT, env: { ...process.env, LANG: 'id_ID.UTF-8' } });

describe('npm run init', () => {
  it('makes a data folder for a real office: the template, portal.json not sample, no synthetic releases or lookup list', async () => {
    const out = path.join(tmp, 'bantul');
    const { stdout } = await cli('init', ['--region', '34.02', '--out', out]);
    expect(stdout).toContain('Kabupaten Bantul');
    const portal = JSON.parse(readFileSync(path.join(out, 'portal.json'), 'utf8'));
    expect(portal.data_contoh).toBe(false);
    expect(existsSync(path.join(out, 'rilis'))).toBe(false);
    expect(existsSync(path.join(out, 'penerima.csv'))).toBe(false);
    expect(readFileSync(path.join(out, '.gitignore'), 'utf8')).toContain('private/');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(out, 'data.xlsx'));
    expect(wb.getWorksheet('Wilayah')!.getCell('A2').value).toBe('34.02.01');
    // Built as it is, it says what is still to fill in, in the operator's words; nothing about sample content.
    const { problems } = await loadPortal(folderIO(out));
    const messages = problems.map((p) => formatProblem(p, 'id'));
    expect(messages).toContainEqual(expect.stringContaining('alamat kantor dinas'));
    expect(problems.some((p) => p.kind === 'sample_content')).toBe(false);
  }, 60_000);

  it('refuses a folder that already holds files (not the sample), changing nothing', async () => {
    const own = path.join(tmp, 'punya-kantor');
    mkdirSync(own);
    writeFileSync(path.join(own, 'pmks.csv'), 'tahun\r\n2024\r\n');
    const err = await cli('init', ['--region', '34.02', '--out', own]).catch((e) => e);
    expect(err.code).toBe(1);
    expect(err.stderr).toContain('sudah berisi berkas yang bukan data contoh');
    expect(readdirSync(own)).toEqual(['pmks.csv']);
  });

  it('npm run template writes the workbook for any kabupaten', async () => {
    const out = path.join(tmp, 'tts.xlsx');
    await cli('template', ['--region', '53.02', '--out', out]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(String(wb.getWorksheet('Petunjuk')!.getCell('A1').value)).toContain('Timor Tengah Selatan');
  }, 60_000);
});

describe('a portal that is not sample data', () => {
  it('refuses the sample releases, the synthetic lookup list and sample texts, naming each', async () => {
    const portal = JSON.parse(readFileSync(path.join(ROOT, 'data', 'portal.json'), 'utf8'));
    const { data, problems } = await loadPortal(
      fixtureIO({ 'portal.json': JSON.stringify({ ...portal, data_contoh: false }) }, path.join(ROOT, 'data')),
    );
    expect(data).toBeUndefined();
    const sample = problems.filter((p) => p.kind === 'sample_content').map((p) => formatProblem(p, 'id'));
    expect(sample).toContainEqual(expect.stringContaining('hapus folder rilis/2025-1/'));
    expect(sample).toContainEqual(expect.stringContaining('hapus folder rilis/2026-1/'));
    expect(sample).toContainEqual(expect.stringContaining('hapus penerima.csv dan penerima-kdf.json'));
    expect(sample).toContainEqual(expect.stringContaining('portal.json (instansi.telepon)'));
    expect(sample).toContainEqual(expect.stringContaining('program/bansos-daerah.md'));
  });
});
