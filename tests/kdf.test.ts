/** The lookup KDF (hash-wasm, as in the browser) against RFC 7914 and against Node's own scrypt and Argon2id. */
import { argon2Sync, scryptSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { DEFAULT_KDF, deriveKey, scryptHex } from '../src/shared/kdf.ts';
import { RFC7914 } from './rfc7914.ts';

const salt = '00112233445566778899aabbccddeeff';

describe('the lookup KDF (hash-wasm) in Node', () => {
  it.each(RFC7914.map((v) => [`${v.P || '""'} / ${v.S || '""'} N=${v.N}`, v] as const))('scrypt matches RFC 7914: %s', async (_, v) => {
    expect(await scryptHex(v.P, v.S, v.N, v.r, v.p, v.dkLen)).toBe(v.DK);
  });

  it('Argon2id with the portal parameters gives what OpenSSL (node:crypto) gives', async () => {
    const key = await deriveKey('3402014101909001', '3402010101209001', { ...DEFAULT_KDF, salt });
    const ref = argon2Sync('argon2id', {
      message: '3402014101909001|3402010101209001',
      nonce: Buffer.from(salt, 'hex'),
      parallelism: 1,
      tagLength: 32,
      memory: DEFAULT_KDF.m,
      passes: DEFAULT_KDF.t,
    }).toString('hex');
    expect(key).toBe(ref);
    expect(key).toMatch(/^[0-9a-f]{64}$/);
  });

  it('scrypt (releases made before 2026) still derives what node:crypto does', async () => {
    const params = { algorithm: 'scrypt' as const, N: 2 ** 14, r: 8, p: 1, dkLen: 32, salt };
    const ref = scryptSync('3402014101909001|3402010101209001', Buffer.from(salt, 'hex'), 32, {
      N: 2 ** 14,
      r: 8,
      p: 1,
      maxmem: 64 << 20,
    }).toString('hex');
    expect(await deriveKey('3402014101909001', '3402010101209001', params)).toBe(ref);
  });

  it('defaults to Argon2id with 64 MiB and one pass, 32 bytes (an id and an AES-128 key)', () => {
    expect(DEFAULT_KDF).toEqual({ algorithm: 'argon2id', m: 65_536, t: 1, p: 1, dkLen: 32 });
  });
});
