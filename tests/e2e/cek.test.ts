/**
 * The aid lookup in a real browser on the built sample portal, and the
 * privacy guarantees of what the build publishes.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import type { Server } from 'node:http';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { nativeKey } from '../../scripts/hash/worker.ts';
import { kdfFileSchema, paramsOf } from '../../src/lookup/keys.ts';
import { recordBytes, splitKey } from '../../src/shared/sealed.ts';
import { folderIO, loadPrograms } from '../../src/load/portal.ts';
import { readRecipients, type Person } from '../../scripts/hash/recipients.ts';
import { loadRegionTree } from '../../src/domain/regions.ts';
import { launchBrowser, serve } from '../browser.ts';
import { ROOT } from '../helpers.ts';
import { RFC7914 } from '../rfc7914.ts';

const dist = inject('sampleDist');
const RAW = path.join(ROOT, 'scripts', 'sample', 'penerima-sintetis-bantul.csv');
let browser: Browser;
let server: Server;
let origin: string;
let people: Person[];

beforeAll(async () => {
  browser = await launchBrowser();
  ({ server, origin } = await serve(dist));
  const programs = await loadPrograms(folderIO(path.join(ROOT, 'data')), []);
  people = readRecipients(readFileSync(RAW), 'raw.csv', (await loadRegionTree('34.02'))!, programs).people;
});
afterAll(async () => {
  await browser?.close();
  server?.close();
});

async function lookup(page: Page, nik: string, kk: string) {
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(`${origin}/cek/`);
  await page.fill('#nik', nik);
  await page.fill('#kk', kk);
  requests.length = 0;
  await page.click('#cek-form button[type=submit]');
  await page.waitForSelector('#cek-result h2', { timeout: 30_000 });
  const programs = await page.$$eval('#cek-result li[data-program][data-answer="ya"]', (lis) =>
    lis.map((li) => `${(li as HTMLElement).dataset.program}|${li.textContent}`),
  );
  const answers = await page.$$eval('#cek-result li[data-program]', (lis) =>
    lis.map((li) => `${(li as HTMLElement).dataset.program}:${(li as HTMLElement).dataset.answer}`),
  );
  return { heading: await page.textContent('#cek-result h2'), programs, answers, requests };
}

const expected = (p: Person) => p.grants.map((g) => g.program).sort();

describe('/cek/ in Chromium', () => {
  it('answers Ya or Tidak for every program the portal covers, like Cek Bansos', async () => {
    const page = await browser.newPage();
    const person = people.find((p) => p.grants.length === 1)!;
    const r = await lookup(page, person.nik, person.kk);
    const slugs = (await loadPrograms(folderIO(path.join(ROOT, 'data')), [])).map((p) => p.slug).sort();
    expect(r.answers.map((a) => a.split(':')[0]).sort()).toEqual(slugs);
    expect(r.answers.filter((a) => a.endsWith(':ya'))).toEqual([`${person.grants[0]!.program}:ya`]);
    expect(await page.textContent(`#cek-result li[data-program="${person.grants[0]!.program}"]`)).toContain('— Ya');
    const other = slugs.find((s) => s !== person.grants[0]!.program)!;
    expect(await page.textContent(`#cek-result li[data-program="${other}"]`)).toContain('— Tidak');
    // The programs that are Ya come first, whatever their place in the page's order.
    const order = (await loadPrograms(folderIO(path.join(ROOT, 'data')), [])).map((p) => p.slug);
    const later = people.find((p) => p.grants.length === 1 && p.grants[0]!.program !== order[0])!;
    const r2 = await lookup(page, later.nik, later.kk);
    expect(r2.answers[0]).toBe(`${later.grants[0]!.program}:ya`);
    expect(r2.answers.slice(1).every((a) => a.endsWith(':tidak'))).toBe(true);
    // Not found: every program Tidak, and a household hint before being told to register.
    const none = await lookup(page, '3402011203909999', '3402010101209999');
    expect(none.answers.every((a) => a.endsWith(':tidak'))).toBe(true);
    expect(none.answers).toHaveLength(slugs.length);
    const text = (await page.textContent('#cek-result'))!;
    expect(text.indexOf('NIK anggota itu dan Nomor KK yang sama')).toBeGreaterThan(-1);
    expect(text.indexOf('NIK anggota itu dan Nomor KK yang sama')).toBeLessThan(text.indexOf('Daftarkan keluarga'));
    await page.close();
  });

  it('never leaves an answer on screen with numbers it does not belong to', async () => {
    const page = await browser.newPage();
    const person = people.find((p) => p.grants.length >= 1)!;
    const r = await lookup(page, person.nik, person.kk);
    expect(r.programs.length).toBeGreaterThan(0);
    // Someone else on the same phone types a wrong NIK: the previous answer is gone before any check.
    await page.fill('#nik', '12345');
    expect(await page.locator('#cek-result > *').count()).toBe(0);
    await page.click('#cek-form button[type=submit]');
    await expect.poll(() => page.textContent('#nik-error')).toContain('Harus 16 angka');
    expect(await page.locator('#cek-result > *').count()).toBe(0);
    // Even one digit changed in the KK clears it.
    await lookup(page, person.nik, person.kk);
    await page.press('#kk', 'End');
    await page.press('#kk', 'Backspace');
    expect(await page.locator('#cek-result > *').count()).toBe(0);
    await page.close();
  });

  it('the home page leads a citizen on a phone to the lookup within the first screen', async () => {
    const page = await browser.newPage({ viewport: { width: 360, height: 740 } });
    await page.goto(`${origin}/`);
    const box = await page.locator('[data-cek-entry] a').boundingBox();
    expect(box!.y + box!.height).toBeLessThanOrEqual(740);
    expect(await page.getAttribute('[data-cek-entry] a', 'href')).toBe('/cek/');
    await page.close();
  });

  it('makes phone numbers dialable and WhatsApp numbers open WhatsApp', async () => {
    const page = await browser.newPage();
    await page.goto(`${origin}/cek/`);
    const footer = await page.$$eval('footer a', (as) => as.map((a) => a.getAttribute('href')));
    // 0800-0000-0000 → +62 800 0000 0000
    expect(footer).toContain('tel:+6280000000000');
    expect(footer).toContain('https://wa.me/6280000000001');
    await page.close();
  });

  it('a listed pair shows exactly its programs, with status and period, after exactly one shard request and nothing off the origin', async () => {
    const page = await browser.newPage();
    const person = people.find((p) => p.grants.length >= 2)!;
    const r = await lookup(page, person.nik, person.kk);
    expect(r.heading).toBe(`Ditemukan ${person.grants.length} program`);
    expect(r.programs.map((x) => x.split('|')[0]).sort()).toEqual(expected(person));
    for (const g of person.grants) expect(r.programs.find((x) => x.startsWith(g.program))).toContain(g.periode);
    expect(r.requests.filter((u) => u.includes('/cek/k/'))).toHaveLength(1);
    expect(r.requests.every((u) => u.startsWith(origin))).toBe(true);
    await page.close();
  });

  it("shows the household's desil and, for every program tied to desil, whether it is within the program's target", async () => {
    const page = await browser.newPage();
    const above = people.find((p) => p.desil !== undefined && p.desil > 4 && p.desil <= 5)!;
    expect(above).toBeDefined();
    await lookup(page, above.nik, above.kk);
    expect(await page.getAttribute('#cek-result [data-desil]', 'data-desil')).toBe(String(above.desil));
    const text = (await page.textContent('#cek-result [data-desil]'))!;
    expect(text).toContain(`Desil keluarga Anda di DTSEN: ${above.desil}`);
    expect(text).toContain(`Desil ${above.desil}: di atas batas PKH (desil 1–4)`);
    expect(text).toContain(`Desil ${above.desil}: termasuk sasaran BPNT/Sembako (desil 1–5)`);
    const unranked = people.find((p) => p.desil === undefined)!;
    await lookup(page, unranked.nik, unranked.kk);
    expect(await page.textContent('#cek-result [data-desil]')).toContain('belum diperingkat');
    await page.close();
  });

  it('a household member finds the household programs listed under the head of the family', async () => {
    const page = await browser.newPage();
    const member = people.find(
      (p) =>
        p.grants.some((g) => g.program === 'pkh' || g.program === 'sembako') &&
        !readFileSync(RAW, 'utf8').includes(`${p.nik},${p.kk},pkh`) &&
        !readFileSync(RAW, 'utf8').includes(`${p.nik},${p.kk},sembako`),
    )!;
    expect(member).toBeDefined();
    const r = await lookup(page, member.nik, member.kk);
    expect(r.programs.map((x) => x.split('|')[0]).sort()).toEqual(expected(member));
    await page.close();
  });

  it('an unlisted pair shows "not found" and what to do', async () => {
    const page = await browser.newPage();
    const r = await lookup(page, '3402011203909999', '3402010101209999');
    expect(r.heading).toBe('Data tidak ditemukan');
    expect(await page.textContent('#cek-result')).toMatch(/usul[\s\S]*sanggah[\s\S]*Puskesos Kecamatan Srandakan/);
    expect(r.requests.filter((u) => u.includes('/cek/k/'))).toHaveLength(1);
    await page.close();
  });

  it.each([
    ['12345', '3402010101209001', '#nik-error', 'Harus 16 angka'],
    ['3402013202909001', '3402010101209001', '#nik-error', 'bukan tanggal lahir'],
    ['3402014101909001', '34020101012090x1', '#kk-error', 'Hanya boleh angka'],
  ])('malformed input (%s, %s) shows a friendly message and sends nothing', async (nik, kk, box, says) => {
    const page = await browser.newPage();
    const requests: string[] = [];
    await page.goto(`${origin}/cek/`);
    page.on('request', (r) => requests.push(r.url()));
    await page.fill('#nik', nik);
    await page.fill('#kk', kk);
    await page.click('#cek-form button[type=submit]');
    await expect.poll(() => page.textContent(box)).toContain(says);
    expect(await page.getAttribute(box.replace('-error', ''), 'aria-invalid')).toBe('true');
    // Touching the form starts the KDF worker (its script, from this origin); nothing typed leaves the page.
    expect(requests.filter((u) => !u.endsWith('/favicon.svg') && !/\/_astro\/kdf-worker-[\w-]+\.js$/.test(u))).toEqual([]);
    await page.close();
  });

  it('a NIK from another kabupaten gets a friendly note and is still looked up', async () => {
    const page = await browser.newPage();
    const r = await lookup(page, '3302014101909001', '3402010101209001');
    expect(r.heading).toBe('Data tidak ditemukan');
    await page.close();
  });

  it('without JavaScript the page says why it needs it', async () => {
    const ctx = await browser.newContext({ javaScriptEnabled: false });
    const page = await ctx.newPage();
    await page.goto(`${origin}/cek/`);
    expect(await page.textContent('noscript')).toContain('memerlukan JavaScript');
    await ctx.close();
  });

  /**
   * Type both numbers, press Enter in each field, click the button (forced: it is disabled), and record every
   * request and navigation: none may carry either number (a GET form would put them in CDN logs and history).
   */
  async function typeAndSubmit(page: Page, nik: string, kk: string) {
    const seen: string[] = [];
    page.on('request', (r) => seen.push(`${r.method()} ${r.url()} ${r.postData() ?? ''}`));
    page.on('framenavigated', (f) => seen.push(`nav ${f.url()}`));
    await page.goto(`${origin}/cek/`);
    seen.length = 0;
    await page.fill('#nik', nik);
    await page.fill('#kk', kk);
    await page.press('#kk', 'Enter');
    await page.press('#nik', 'Enter');
    await page.click('#cek-form button[type=submit]', { force: true });
    // A submission, if any, would navigate within a moment; give it time to show.
    await page.waitForTimeout(1500);
    return { seen, url: page.url() };
  }

  const person = () => people.find((p) => p.grants.length > 0)!;

  it('with JavaScript off, Enter and the button send neither number anywhere', async () => {
    const ctx = await browser.newContext({ javaScriptEnabled: false });
    const page = await ctx.newPage();
    const { nik, kk } = person();
    const { seen, url } = await typeAndSubmit(page, nik, kk);
    expect(seen.filter((s) => s.includes(nik) || s.includes(kk))).toEqual([]);
    expect(url).toBe(`${origin}/cek/`);
    // Nothing in the form can be submitted: no named field, a disabled button.
    expect(await page.$$eval('#cek-form [name]', (els) => els.length)).toBe(0);
    expect(await page.$eval('#cek-form button[type=submit]', (b) => (b as HTMLButtonElement).disabled)).toBe(true);
    await ctx.close();
  });

  it('with the lookup script blocked or failing, nothing is sent and the page says why after a while', async () => {
    const ctx = await browser.newContext();
    // The script never arrives (an ad blocker, a dropped connection on slow data).
    await ctx.route(/\/_astro\/.*\.js$/, (route) => route.abort());
    const page = await ctx.newPage();
    const { nik, kk } = person();
    const { seen, url } = await typeAndSubmit(page, nik, kk);
    expect(seen.filter((s) => s.includes(nik) || s.includes(kk))).toEqual([]);
    expect(url).toBe(`${origin}/cek/`);
    expect(await page.$eval('#cek-form button[type=submit]', (b) => (b as HTMLButtonElement).disabled)).toBe(true);
    // The note appears by CSS alone once the script has had its chance.
    await page.waitForFunction(() => getComputedStyle(document.getElementById('cek-not-ready')!).visibility === 'visible', null, {
      timeout: 30_000,
    });
    expect(await page.textContent('#cek-not-ready')).toContain('tidak dikirim ke mana pun');
    await ctx.close();
  });

  it('with the script running, the note never shows and the button works', async () => {
    const page = await browser.newPage();
    await page.goto(`${origin}/cek/`);
    await page.waitForSelector('#cek-form[data-ready]');
    expect(await page.$('#cek-not-ready')).toBeNull();
    expect(await page.$eval('#cek-form button[type=submit]', (b) => (b as HTMLButtonElement).disabled)).toBe(false);
    await page.close();
  });
});

describe('the browser worker computes the same KDF as the CLI', () => {
  let page: Page;
  let workerUrl: string;
  beforeAll(async () => {
    page = await browser.newPage();
    await page.goto(`${origin}/cek/`);
    workerUrl = `/_astro/${readdirSync(path.join(dist, '_astro')).find((f) => f.startsWith('kdf-worker'))!}`;
  });
  afterAll(() => page.close());
  const inWorker = (msg: object) =>
    page.evaluate(
      ([url, m]) =>
        new Promise<string>((resolve, reject) => {
          const w = new Worker(url as string, { type: 'module' });
          w.onmessage = (e) => {
            w.terminate();
            e.data.key ? resolve(e.data.key) : reject(new Error(e.data.error));
          };
          w.postMessage(m);
        }),
      [workerUrl, msg] as const,
    );

  it.each(RFC7914.map((v) => [`N=${v.N}`, v] as const))('RFC 7914 vector %s', async (_, v) => {
    const salt = Buffer.from(v.S).toString('hex');
    expect(await inWorker({ password: v.P, params: { algorithm: 'scrypt', salt, N: v.N, r: v.r, p: v.p, dkLen: v.dkLen } })).toBe(v.DK);
  });

  it('CLI keys (native Argon2id) equal browser keys (hash-wasm) for 20 random pairs', async () => {
    const kdf = paramsOf(kdfFileSchema.parse(JSON.parse(readFileSync(path.join(ROOT, 'data', 'penerima-kdf.json'), 'utf8'))));
    const rnd = (n: number) => Array.from({ length: n }, () => Math.floor(Math.random() * 10)).join('');
    const pairs = Array.from({ length: 20 }, () => [`340201${rnd(10)}`, `340201${rnd(10)}`] as const);
    const browserKeys = await page.evaluate(
      ([url, ps, k]) => {
        const w = new Worker(url as string, { type: 'module' });
        const one = (nik: string, kk: string) =>
          new Promise<string>((resolve) => {
            w.onmessage = (e) => resolve(e.data.key);
            w.postMessage({ password: `${nik}|${kk}`, params: k });
          });
        return (async () => {
          const out: string[] = [];
          for (const [a, b] of ps as [string, string][]) out.push(await one(a, b));
          w.terminate();
          return out;
        })();
      },
      [workerUrl, pairs, kdf] as const,
    );
    const nodeKeys = pairs.map(([a, b]) => nativeKey(a, b, kdf));
    expect(browserKeys).toEqual(nodeKeys);
  }, 120_000);
});

describe('what the build publishes', () => {
  const files: string[] = [];
  const walk = (d: string) => {
    for (const f of readdirSync(d)) {
      const p = path.join(d, f);
      if (statSync(p).isDirectory()) walk(p);
      else files.push(p);
    }
  };
  beforeAll(() => walk(dist));

  it('contains no NIK, no Nomor KK and no name of the synthetic raw list, anywhere in dist/', () => {
    const ids = new Set(
      readFileSync(RAW, 'utf8')
        .trim()
        .split('\r\n')
        .slice(1)
        .flatMap((l) => l.split(',').slice(0, 3)),
    );
    expect(ids.size).toBeGreaterThan(600);
    expect([...ids].some((x) => x.includes('Sintetis'))).toBe(true);
    let scanned = 0;
    for (const f of files) {
      const text = readFileSync(f, 'latin1');
      for (const id of ids) expect(text.includes(id), `${id} found in ${f}`).toBe(false);
      scanned++;
    }
    expect(scanned).toBeGreaterThan(100);
  });

  it('has a shard for every prefix, all of the same size, each with at least 50 sealed records', () => {
    const shards = files.filter((f) => f.includes(`${path.sep}cek${path.sep}k${path.sep}`));
    expect(shards).toHaveLength(16);
    expect(new Set(shards.map((f) => statSync(f).size)).size).toBe(1);
    const kdf = kdfFileSchema.parse(JSON.parse(readFileSync(path.join(ROOT, 'data', 'penerima-kdf.json'), 'utf8')));
    for (const f of shards) expect(statSync(f).size / recordBytes(kdf.payload)).toBeGreaterThanOrEqual(50);
  });

  it("opens a synthetic person's sealed record with WebCrypto in Chromium and with nothing else", async () => {
    const page = await browser.newPage();
    await page.goto(`${origin}/cek/`);
    const kdf = kdfFileSchema.parse(JSON.parse(readFileSync(path.join(ROOT, 'data', 'penerima-kdf.json'), 'utf8')));
    const person = people[0]!;
    const { id, key } = splitKey(nativeKey(person.nik, person.kk, paramsOf(kdf)));
    const opened = await page.evaluate(
      async ([url, recordSize, idHex, keyHex]) => {
        const shard = new Uint8Array(await (await fetch(url as string)).arrayBuffer());
        const size = recordSize as number;
        for (let at = 0; at < shard.length; at += size) {
          const rec = shard.subarray(at, at + size);
          if ([...rec.subarray(0, 16)].map((b) => b.toString(16).padStart(2, '0')).join('') !== idHex) continue;
          const k = await crypto.subtle.importKey(
            'raw',
            Uint8Array.from((keyHex as string).match(/../g)!.map((h) => Number.parseInt(h, 16))),
            'AES-GCM',
            false,
            ['decrypt'],
          );
          const plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: rec.subarray(16, 28) }, k, rec.subarray(28));
          return JSON.parse(new TextDecoder().decode(plain));
        }
        return null;
      },
      [`/cek/k/${id.slice(0, 1)}.bin`, recordBytes(kdf.payload), id, Buffer.from(key).toString('hex')] as const,
    );
    expect(opened.g.map((g: string[]) => g[0]).sort()).toEqual(person.grants.map((g) => g.program).sort());
    expect(opened.d).toBe(person.desil ?? null);
    await page.close();
  });

  it('copies nothing from data/private/ and publishes no source maps', () => {
    expect(files.some((f) => f.includes('private') || f.endsWith('.map') || f.includes('penerima'))).toBe(false);
  });
});
