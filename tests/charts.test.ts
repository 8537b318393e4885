/** The data half of every chart, on the mini fixture whose numbers are known by hand. */
import { describe, expect, it } from 'vitest';
import {
  allCharts,
  chartCsv,
  toBudgetByProgramChart,
  toBudgetBySourceChart,
  toBudgetTrendChart,
  toCategoryChart,
  toCategoryKecamatanChart,
  toCategoryTrendChart,
  toCoverageChart,
  toGraduationChart,
  toKecamatanCoverageChart,
  toKecamatanPmksChart,
  toNoNationalAidChart,
  toOutputChart,
  toPovertyChart,
  toPovertyCountChart,
  toRegistryKecamatanChart,
  toRegistrySpendingPovertyChart,
  toUhcChart,
} from '../src/model/charts/index.ts';
import { formatTick, formatValue } from '../src/shared/chart-format.ts';
import { keyFigures } from '../src/model/figures.ts';
import { folderIO, loadPortal } from '../src/load/portal.ts';
import { buildModel } from '../src/model/model.ts';
import { MINI } from './helpers.ts';
import { NOT_RELEASED, toDrawn, type Figure } from '../src/protect/figure.ts';

const site = buildModel((await loadPortal(folderIO(MINI))).data!);
/** What Chart.js draws: numbers, and null for every absent figure (hidden or not released). */
const values = (c: { series: { data: Figure[] }[] }) => c.series.map((s) => s.data.map(toDrawn));

describe('chart transforms', () => {
  it('poverty: rate and extreme rate by year, gaps kept as null', () => {
    const c = toPovertyChart(site);
    expect(c.labels).toEqual(['2023', '2024']);
    expect(values(c)).toEqual([
      [11.5, 11.02],
      [null, 0.81],
    ]);
    expect(c.format).toBe('percent');
    expect(toPovertyCountChart(site).series[0]!.data).toEqual([12300, 11900]);
  });
  it('PMKS trend sums kecamatan (desa rolled up), by year', () => {
    expect(values(toCategoryTrendChart(site, 'pmks'))).toEqual([[9, 20]]); // 2024: 10 (kec 01, cat 8) + 7 (desa → cat 9) + 3 (kec 02, cat 16)
  });
  it('PMKS by category for the latest year, largest first', () => {
    const c = toCategoryChart(site, 'pmks');
    expect(c.labels.slice(0, 3)).toEqual(['Lanjut Usia Terlantar', 'Penyandang Disabilitas', 'Orang dengan HIV/AIDS (ODHA)']);
    expect(c.series[0]!.data.slice(0, 3)).toEqual([10, 7, 3]);
    expect(c.labels).toHaveLength(26);
  });
  it('PMKS by kecamatan is ranked and carries the codes for the map', () => {
    const c = toCategoryKecamatanChart(site, 'pmks');
    expect(c.codes!.slice(0, 2)).toEqual(['17.07.01', '17.07.02']);
    // A kecamatan the PMKS file has no row for is not released, never a 0.
    expect(c.series[0]!.data.slice(0, 3)).toEqual([17, 3, NOT_RELEASED]);
    expect(c.map).toBe('kecamatan');
  });
  it('budget: pagu and realisasi per year; per program; per funding source (stacked)', () => {
    // PBI-JK's spending is not known yet: the total is not released rather than the PKH part alone.
    expect(values(toBudgetTrendChart(site))).toEqual([[1_150_000_000], [null]]);
    expect(toBudgetTrendChart(site).series[1]!.data).toEqual([NOT_RELEASED]);
    expect(values(toBudgetTrendChart(site, 'pkh'))).toEqual([[1_050_000_000], [1_000_000_000]]);
    const byProgram = toBudgetByProgramChart(site);
    expect(byProgram.labels).toEqual(['PKH', 'PBI-JK']);
    expect(values(byProgram)).toEqual([
      [1_050_000_000, 100_000_000],
      [1_000_000_000, null],
    ]);
    const bySource = toBudgetBySourceChart(site);
    expect(bySource.stacked).toBe(true);
    expect(bySource.series.map((s) => [s.label, s.data])).toEqual([
      ['APBN (Rp)', [1_050_000_000]],
      ['APBD (Rp)', [100_000_000]],
    ]);
  });
  it('output target vs achieved', () => {
    expect(values(toOutputChart(site, 'pkh'))).toEqual([[350], [350]]);
    expect(values(toOutputChart(site, 'pbi-jk'))).toEqual([[200], [null]]);
  });
  it('coverage per kecamatan = recipients ÷ registry in the program unit, latest stage where no annual figure', () => {
    const c = toCoverageChart(site, 'pbi-jk')!;
    expect(c.codes).toEqual(['17.07.01', '17.07.02']);
    expect(c.series[0]!.data).toEqual([50, 50]); // 1650/3300, 800 (tahap-2)/1600
    expect(toCoverageChart(site, 'pkh')!.series[0]!.data).toEqual([25, 20]);
  });
  it('registry per kecamatan, kecamatan PMKS trend and kecamatan coverage vs kabupaten', () => {
    expect(values(toRegistryKecamatanChart(site))).toEqual([[1000, 500]]);
    expect(values(toKecamatanPmksChart(site, '17.07.01'))).toEqual([[9, 17]]);
    const k = toKecamatanCoverageChart(site, '17.07.02')!;
    expect(k.labels).toEqual(['PKH', 'PBI-JK']);
    expect(values(k)).toEqual([
      [20, 50],
      [23.33, 50],
    ]);
  });
  it('registry vs spending vs poverty, indexed to the first common year', () => {
    const c = toRegistrySpendingPovertyChart(site);
    expect(c.labels).toEqual(['2024']); // the only year with registry, budget and poverty
    expect(values(c)).toEqual([[100], [null], [100]]); // spending is not released for 2024 (see the budget test)
  });
  it('indicators without their data produce no chart', () => {
    expect(toNoNationalAidChart(site)).toBeUndefined();
    expect(toGraduationChart(site)).toBeUndefined();
    expect(toUhcChart(site)!.series[0]!.data).toEqual([50]);
  });
  it('every chart id is unique and every chart has data', () => {
    const charts = allCharts(site);
    expect(new Set(charts.map((c) => c.id)).size).toBe(charts.length);
    for (const c of charts) for (const s of c.series) expect(s.data).toHaveLength(c.labels.length);
  });
  it('CSV holds exactly the chart numbers, unformatted', () => {
    expect(chartCsv(toCoverageChart(site, 'pkh')!)).toBe(
      'Kecamatan,Kode wilayah,Penerima ÷ keluarga dalam registri (%),Disembunyikan (kerahasiaan)\r\nLebong Utara,17.07.01,25,\r\nLebong Atas,17.07.02,20,\r\n',
    );
    expect(chartCsv(toPovertyChart(site))).toBe(
      'Tahun,Penduduk miskin (%),Miskin ekstrem (%),Disembunyikan (kerahasiaan)\r\n2023,11.5,,\r\n2024,11.02,0.81,\r\n',
    );
  });
});

describe('key figures', () => {
  it('give value, year and the change in words', () => {
    const f = keyFigures(site);
    expect(f[0]).toEqual({
      label: 'Persentase penduduk miskin',
      href: '/kemiskinan/',
      value: '11,02%',
      detail: '2024; turun 0,48 poin dari 2023',
    });
    expect(f.find((x) => x.label === 'Jumlah PMKS')!.detail).toBe('orang, 2024; naik 122,2% dari 2023');
    expect(f.find((x) => x.label.startsWith('Keluarga penerima'))!.value).toBe('350');
  });
});

describe('chart axis and tooltip formats (id-ID)', () => {
  it('formats values', () => {
    expect(formatValue(14833, 'number')).toBe('14.833');
    expect(formatValue(13.5, 'percent')).toBe('13,50%');
    expect(formatValue(5e9, 'rupiah')).toBe('Rp 5,0 miliar');
    expect(formatValue(101.25, 'index')).toBe('101,3');
    expect(formatValue(null, 'number')).toBe('–');
  });
  it('formats short ticks', () => {
    expect(formatTick(5e9, 'rupiah')).toBe('5,0 M');
    expect(formatTick(250e6, 'rupiah')).toBe('250 jt');
    expect(formatTick(12.5, 'percent')).toBe('12,5%');
    expect(formatTick(20000, 'number')).toBe('20.000');
  });
});

describe('chart text on a phone', async () => {
  const { chartConfig } = await import('../src/shared/chart-config.ts');
  const { wrapLabel } = await import('../src/shared/chart-format.ts');
  it('wraps long category names onto lines instead of clipping them, and keeps the full name for the tooltip', () => {
    expect(wrapLabel('Anak yang Memerlukan Perlindungan Khusus')).toEqual(['Anak yang Memerlukan', 'Perlindungan Khusus']);
    expect(wrapLabel('Pengemis')).toBe('Pengemis');
    const spec = {
      id: 'x',
      lang: 'id' as const,
      title: 'PMKS per kategori',
      kind: 'hbar' as const,
      labels: ['Anak Berhadapan dengan Hukum', 'Pengemis'],
      series: [{ label: 'Jumlah', data: [3, 4] }],
      unit: 'orang',
      format: 'number' as const,
      subtitle: [],
    };
    const cfg = chartConfig(spec) as unknown as {
      data: { labels: unknown[] };
      options: { plugins: { tooltip: { callbacks: { title: (items: { dataIndex: number }[]) => string } } } };
    };
    expect(cfg.data.labels).toEqual([['Anak Berhadapan dengan', 'Hukum'], 'Pengemis']);
    expect(cfg.options.plugins.tooltip.callbacks.title([{ dataIndex: 0 }])).toBe('Anak Berhadapan dengan Hukum');
  });
});
