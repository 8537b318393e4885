/**
 * Web Worker: runs scrypt off the main thread so the page stays responsive
 * on a slow phone. Message in: { password, salt (hex), N, r, p, dkLen };
 * message out: { key } (hex) or { error }.
 */
import { scrypt } from 'hash-wasm';

const hexToBytes = (hex: string): Uint8Array => Uint8Array.from(hex.match(/../g) ?? [], (h) => parseInt(h, 16));

self.onmessage = async (
  e: MessageEvent<{ password: string; salt: string; saltText?: boolean; N: number; r: number; p: number; dkLen: number }>,
) => {
  const m = e.data;
  try {
    const key = await scrypt({
      password: m.password,
      salt: m.saltText ? m.salt : hexToBytes(m.salt),
      costFactor: m.N,
      blockSize: m.r,
      parallelism: m.p,
      hashLength: m.dkLen,
      outputType: 'hex',
    });
    self.postMessage({ key });
  } catch (err) {
    self.postMessage({ error: String(err) });
  }
};
