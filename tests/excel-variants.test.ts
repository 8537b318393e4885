import { describe, expect, it } from 'vitest';
import { loadPortal } from '../src/load/portal.ts';
import { fixtureIO } from './helpers.ts';

/** The same poverty table as operators' spreadsheets save it. */
const VARIANTS: Record<string, string> = {
  'plain comma, LF':
    'tahun,persen_miskin,jumlah_miskin,garis_kemiskinan,persen_miskin_ekstrem,sumber\n2023,11.5,12300,520000,,BPS (fixture)\n2024,11.02,11900,545000,0.81,"BPS, Susenas (fixture)"\n',
  'Excel Indonesia: BOM, semicolon, CRLF, decimal comma':
    '\uFEFFtahun;persen_miskin;jumlah_miskin;garis_kemiskinan;persen_miskin_ekstrem;sumber\r\n2023;11,5;12300;520000;;BPS (fixture)\r\n2024;11,02;11900;545000;0,81;BPS, Susenas (fixture)\r\n',
  'thousands dots and quoted fields':
    'tahun;persen_miskin;jumlah_miskin;garis_kemiskinan;persen_miskin_ekstrem;sumber\n"2023";"11,5";"12.300";"520.000";"";"BPS (fixture)"\n2024;11,02;11.900;545.000;0,81;"BPS, Susenas (fixture)"\n',
  'comma file with quoted decimal commas':
    'tahun,persen_miskin,jumlah_miskin,garis_kemiskinan,persen_miskin_ekstrem,sumber\r\n2023,"11,5",12300,520000,,BPS (fixture)\r\n2024,"11,02",11900,545000,"0,81","BPS, Susenas (fixture)"\r\n',
  'header in other case, trailing empty lines and an empty column':
    'Tahun;Persen Miskin;Jumlah Miskin;Garis Kemiskinan;Persen Miskin Ekstrem;Sumber;\r\n2023;11,5;12.300;520.000;;BPS (fixture);\r\n2024;11,02;11.900;545.000;0,81;BPS, Susenas (fixture);\r\n;;;;;;\r\n\r\n\r\n',
  'rupiah and percent signs':
    'tahun;persen_miskin;jumlah_miskin;garis_kemiskinan;persen_miskin_ekstrem;sumber\n2023;11,5%;12.300;Rp 520.000;;BPS (fixture)\n2024;11,02 %;11.900;Rp545.000;0,81%;BPS, Susenas (fixture)\n',
};

describe('Indonesian-Excel CSV variants', () => {
  it.each(Object.keys(VARIANTS))('%s parses to the same values', async (name) => {
    const { data, problems } = await loadPortal(fixtureIO({ 'kemiskinan.csv': VARIANTS[name]! }));
    expect(problems.filter((p) => p.level === 'error')).toEqual([]);
    const rows = data!.kemiskinan.map(({ _line, ...r }) => r);
    expect(rows[0]).toEqual({ tahun: 2023, persen_miskin: 11.5, jumlah_miskin: 12300, garis_kemiskinan: 520000, sumber: 'BPS (fixture)' });
    expect(rows[1]).toEqual({
      tahun: 2024,
      persen_miskin: 11.02,
      jumlah_miskin: 11900,
      garis_kemiskinan: 545000,
      persen_miskin_ekstrem: 0.81,
      sumber: 'BPS, Susenas (fixture)',
    });
  });
});
