/**
 * What the lookup's KDF costs, for `npm run bench`: one key on one CPU core
 * (Node's native Argon2id and scrypt, as an attacker's CPU would run them),
 * the targeted-attack time that follows from it (src/domain/lookup-cost.ts,
 * the figures /metodologi/ states), and the browser's KDF (hash-wasm) on a
 * main thread throttled 4× in Chromium. Workers ignore Chromium's CPU
 * throttling, so a throttled main thread is what shows a slow phone's cost.
 */
import { argon2Sync, scryptSync } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync, copyFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { LOOKUP_COSTS, threatFigures } from '../../src/domain/lookup-cost.ts';
import { DEFAULT_KDF } from '../../src/shared/kdf.ts';

type Out = (k: string, v: string) => void;
const SALT = Buffer.from('00112233445566778899aabbccddeeff', 'hex');
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Seconds per key on one core, median of `runs`. */
function perKey(f: () => void, runs = 7): number {
  f(); // warm
  return median(
    Array.from({ length: runs }, () => {
      const t = performance.now();
      f();
      return (performance.now() - t) / 1000;
    }),
  );
}

/**
 * The browser's KDF on Chromium's main thread throttled 4× (workers ignore CPU
 * throttling), ms: the median of three bench runs, each the median of 3 after a
 * warm-up, recorded in December 2026. Argon2id 64 MiB × 1 (the parameters in
 * use; LOOKUP_COSTS.phoneMs) fits the lookup's 1.5 s with the most memory per
 * guess; 64 MiB × 2 and 48 MiB × 2 do not.
 */
const PHONE_MS = {
  scrypt14: 292,
  scrypt15: 594,
  scrypt16: 1226,
  argon2id19x3: 648,
  argon2id32x2: 862,
  argon2id32x3: 1308,
  argon2id40x2: 1246,
  argon2id48x2: 1448,
  argon2id64x1: 963,
  argon2id64x2: 1750,
} as const;

/** The parameter sets the phone measurement compares (the keys of PHONE_MS). */
export const PHONE_PARAMS = {
  scrypt14: { algorithm: 'scrypt', N: 2 ** 14, r: 8 },
  scrypt15: { algorithm: 'scrypt', N: 2 ** 15, r: 8 },
  scrypt16: { algorithm: 'scrypt', N: 2 ** 16, r: 8 },
  argon2id64x2: { algorithm: 'argon2id', m: 65_536, t: 2 },
  argon2id19x3: { algorithm: 'argon2id', m: 19_456, t: 3 },
  argon2id32x2: { algorithm: 'argon2id', m: 32_768, t: 2 },
  argon2id32x3: { algorithm: 'argon2id', m: 32_768, t: 3 },
  argon2id40x2: { algorithm: 'argon2id', m: 40_960, t: 2 },
  argon2id48x2: { algorithm: 'argon2id', m: 49_152, t: 2 },
  argon2id64x1: { algorithm: 'argon2id', m: 65_536, t: 1 },
} as const;

/** Prints the figures; returns the browser KDF of the parameters in use on a 4× throttled main thread (ms), when Chromium ran. */
export async function benchLookupCost(out: Out, browser?: Browser): Promise<number | undefined> {
  const argon = perKey(() =>
    argon2Sync('argon2id', {
      message: '3402014101909001|3402010101209001',
      nonce: SALT,
      parallelism: 1,
      tagLength: 32,
      memory: DEFAULT_KDF.m,
      passes: DEFAULT_KDF.t,
    }),
  );
  const scrypt = perKey(() => scryptSync('3402014101909001|3402010101209001', SALT, 32, { N: 2 ** 14, r: 8, p: 1, maxmem: 64 << 20 }));
  const s = (x: number) => `${(x * 1000).toFixed(1)} ms`;
  out(
    `KDF one key, one CPU core: Argon2id ${DEFAULT_KDF.m / 1024} MiB × ${DEFAULT_KDF.t}`,
    `${s(argon)} (recorded in LOOKUP_COSTS, which /metodologi/ computes from: ${s(LOOKUP_COSTS.cpuSecondsArgon2id)})`,
  );
  out('KDF one key, one CPU core: scrypt N=2^14 (before 2026)', `${s(scrypt)} (recorded: ${s(LOOKUP_COSTS.cpuSecondsScrypt)})`);
  const h = (x: number) => `${(x / 3600).toFixed(1)} h`;
  const measured = threatFigures({ ...LOOKUP_COSTS, cpuSecondsArgon2id: argon, cpuSecondsScrypt: scrypt }, 'argon2id');
  const kk = LOOKUP_COSTS.kkCandidates;
  out(
    `targeted attack, ${kk[0].toLocaleString('en')}–${kk[1].toLocaleString('en')} KK candidates, one core`,
    `${h(measured.targetedCpu[0])} – ${h(measured.targetedCpu[1])} (scrypt N=2^14: ${h(measured.targetedCpuScrypt[0])} – ${h(measured.targetedCpuScrypt[1])})`,
  );
  out(
    `leaked NIK + KK list of ${LOOKUP_COSTS.leakedListPeople.toLocaleString('en')} people, one core`,
    `${h(measured.leakedCpu)} (one KDF per person)`,
  );
  if (!browser) return undefined;
  let chosen: number | undefined;

  // hash-wasm on the page's main thread, CPU throttled 4×, median of 3 per parameter set.
  const dir = mkdtempSync(path.join(tmpdir(), 'terang-kdf-'));
  try {
    copyFileSync(createRequire(import.meta.url).resolve('hash-wasm/dist/index.esm.js'), path.join(dir, 'hash-wasm.js'));
    writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>kdf</title>');
    const { serve } = await import('../../tests/browser.ts');
    const { server, origin } = await serve(dir);
    const page = await browser.newPage();
    try {
      await page.goto(`${origin}/`);
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
      for (const [name, p] of Object.entries(PHONE_PARAMS)) {
        const ms: number[] = [];
        for (let i = 0; i < 4; i++) {
          ms.push(
            await page.evaluate(
              async (params) => {
                const hw = await import('/hash-wasm.js' as string);
                const salt = new Uint8Array(16);
                const t = performance.now();
                if (params.algorithm === 'argon2id')
                  await hw.argon2id({ password: 'x|y', salt, iterations: params.t, memorySize: params.m, parallelism: 1, hashLength: 32 });
                else await hw.scrypt({ password: 'x|y', salt, costFactor: params.N, blockSize: params.r, parallelism: 1, hashLength: 32 });
                return performance.now() - t;
              },
              p as Record<string, unknown> as { algorithm: string; N: number; r: number; m: number; t: number },
            ),
          );
        }
        const m = median(ms.slice(1)); // the first run also compiles the WebAssembly
        if (p.algorithm === DEFAULT_KDF.algorithm && 'm' in p && p.m === DEFAULT_KDF.m && p.t === DEFAULT_KDF.t) chosen = m;
        out(
          `  browser KDF ${name}, main thread 4× throttled (median of 3)`,
          `${m.toFixed(0)} ms (stated: ${PHONE_MS[name as keyof typeof PHONE_MS]} ms; budget for the whole lookup 1500 ms)`,
        );
      }
    } finally {
      await page.close();
      server.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return chosen;
}
