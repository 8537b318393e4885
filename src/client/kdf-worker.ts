/**
 * Web Worker: runs the lookup's KDF (Argon2id or scrypt, hash-wasm) off the
 * main thread so the page stays responsive on a slow phone. The page starts
 * it when the form is first touched, so the WebAssembly is compiled before
 * the citizen presses the button. Message in: { password, params };
 * message out: { key } (hex) or { error }. `{ warm: true }` only compiles.
 */
import { derive, type KdfParams } from '../shared/kdf.ts';

/** A derivation small enough to be instant: it only instantiates and compiles the WebAssembly. */
const WARM: Record<KdfParams['algorithm'], KdfParams> = {
  argon2id: { algorithm: 'argon2id', m: 8, t: 1, p: 1, dkLen: 16, salt: '00'.repeat(8) },
  scrypt: { algorithm: 'scrypt', N: 2, r: 1, p: 1, dkLen: 16, salt: '00'.repeat(8) },
};

self.onmessage = async (e: MessageEvent<{ warm?: boolean; password?: string; params?: KdfParams }>) => {
  const { warm, password, params } = e.data;
  try {
    if (warm || password === undefined || !params) {
      await derive('x', WARM[params?.algorithm ?? 'argon2id']);
      self.postMessage({ warm: true });
      return;
    }
    self.postMessage({ key: await derive(password, params) });
  } catch (err) {
    self.postMessage({ error: String(err) });
  }
};
