import { describe, expect, it } from 'vitest';
import { decodeText, parseCsv } from '../src/load/csv.ts';

const enc = (s: string) => new TextEncoder().encode(s);

describe('parseCsv', () => {
  it('gives each row its physical line, across quoted newlines and blank lines', () => {
    const { table } = parseCsv('a,b\r\n1,"two\r\nlines"\r\n\r\n3,4\r\n\r\n\r\n', 'f.csv');
    expect(table!.rows.map((r) => [r.line, r.cells])).toEqual([
      [2, ['1', 'two\r\nlines']],
      [5, ['3', '4']],
    ]);
  });
  it('guesses the semicolon Excel uses with Indonesian settings', () => {
    const { table } = parseCsv('tahun;persen\n2024;13,50\n', 'f.csv');
    expect(table!.delimiter).toBe(';');
    expect(table!.rows[0]!.cells).toEqual(['2024', '13,50']);
  });
  it('strips a BOM and skips rows of only delimiters', () => {
    const { table } = parseCsv('\uFEFFa;b\n1;2\n;\n', 'f.csv');
    expect(table!.header).toEqual(['a', 'b']);
    expect(table!.rows).toHaveLength(1);
  });
  it('reports an empty file', () => {
    expect(parseCsv('\uFEFF\r\n\r\n', 'f.csv').problems[0]!.kind).toBe('empty_file');
  });
});

describe('decodeText', () => {
  it('recognises an .xlsx saved under a .csv name', () => {
    const p = decodeText(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), 'pmks.csv').problems[0]!;
    expect(p.kind).toBe('not_csv');
    expect(p.expected.id).toMatch(/Excel/);
  });
  it('recognises binary junk', () => {
    const junk = new Uint8Array(256).map((_, i) => (i * 7919) % 256);
    expect(decodeText(junk, 'x.csv').problems[0]!.kind).toBe('not_csv');
  });
  it('reads Windows-1252 (Excel "CSV") with a warning', () => {
    const bytes = new Uint8Array([...enc('nama\n'), 0x4a, 0x6f, 0x73, 0xe9, 0x0a]);
    const r = decodeText(bytes, 'x.csv');
    expect(r.text).toBe('nama\nJosé\n');
    expect(r.problems[0]).toMatchObject({ level: 'warning', kind: 'encoding' });
  });
});
