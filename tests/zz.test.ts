import { it } from 'vitest';
import { loadPortal } from '../src/load/portal.ts';
import { formatProblem } from '../src/load/problems.ts';
import { fixtureIO, fixtureText } from './helpers.ts';
const show = async (name: string, o: Record<string, string | null>) => {
  const { problems } = await loadPortal(fixtureIO(o));
  console.log(
    `== ${name}\n${problems
      .map((p) => formatProblem(p, 'id'))
      .slice(0, 8)
      .join('\n')}\n(${problems.length})`,
  );
};
it('x', async () => {
  const portal = JSON.parse(fixtureText('portal.json'));
  await show('portal invalid + data error', {
    'portal.json': JSON.stringify({ ...portal, rilis: { label: 'x y', tanggal: '2025-13-01' } }),
    'pmks.csv': 'tahun,kode_wilayah,kategori,jumlah\n2024,17.07.01,8,-3\n',
  });
  await show('mixed format', {
    'pmks.csv': 'tahun,kode_wilayah,kategori,jumlah\n2024,17.07.01,8,1.234\n2024,17.07.02,8,"1,5"\n2024,17.07.99,8,3\n2024,17.07.03,99,4\n',
  });
  const other = fixtureText('pmks.csv').replace(/17\.07/g, '34.02');
  await show('other kabupaten', { 'pmks.csv': other });
  await show('missing column', { 'pmks.csv': 'tahun,kode_wilayah,jumlah\n2024,17.07.01,3\n2024,17.07.02,4\n2024,17.07.03,4\n' });
  await show('title row', { 'pmks.csv': 'Data PMKS Kabupaten Lebong 2024\ntahun,kode_wilayah,kategori,jumlah\n2024,17.07.01,8,3\n' });
  await show('kecamatan name in code', { 'pmks.csv': 'tahun,kode_wilayah,kategori,jumlah\n2024,Lebong Atas,8,3\n2024,1707010,8,3\n' });
  await show('program name', { 'cakupan.csv': fixtureText('cakupan.csv').replace(/,pkh,/g, ',PKH (Program Keluarga Harapan),') });
  await show('program name2', { 'cakupan.csv': fixtureText('cakupan.csv').replace(/,pkh,/g, ',bpnt,') });
});
