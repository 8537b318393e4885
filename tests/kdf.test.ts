/** The lookup KDF (hash-wasm scrypt) against RFC 7914 and against Node's own scrypt. */
import { scryptSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { DEFAULT_KDF, deriveKey, scryptHex } from '../src/shared/kdf.ts';
import { RFC7914 } from './rfc7914.ts';

describe('scrypt (hash-wasm) in Node', () => {
  it.each(RFC7914.map((v) => [`${v.P || '""'} / ${v.S || '""'} N=${v.N}`, v] as const))('matches RFC 7914: %s', async (_, v) => {
    expect(await scryptHex(v.P, v.S, v.N, v.r, v.p, v.dkLen)).toBe(v.DK);
  });

  it('derives the same key as node:crypto for the portal parameters', async () => {
    const params = { ...DEFAULT_KDF, salt: '00112233445566778899aabbccddeeff' };
    const key = await deriveKey('3402014101909001', '3402010101209001', params);
    const ref = scryptSync('3402014101909001|3402010101209001', Buffer.from(params.salt, 'hex'), params.dkLen, {
      N: params.N,
      r: params.r,
      p: params.p,
      maxmem: 64 << 20,
    }).toString('hex');
    expect(key).toBe(ref);
    expect(key).toMatch(/^[0-9a-f]{32}$/);
  });

  it('uses at least the required cost', () => {
    expect(DEFAULT_KDF.N).toBeGreaterThanOrEqual(2 ** 14);
    expect(DEFAULT_KDF.r).toBe(8);
    expect(DEFAULT_KDF.p).toBe(1);
  });
});
